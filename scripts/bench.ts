/**
 * `npm run bench [-- --sizes 70,700,3500,7000] [--pairs N] [--office-sizes 70,700] [--fresh]`:
 * speed and memory of the product as a user meets them, printed and written to bench/results.json.
 *
 * On realistic books of each size (bench/realisticBook.ts: the published scores, about 950
 * characters of Japanese text per sheet), whole `node` processes, alternated (floor, aggregate,
 * check, floor, aggregate, check…), medians and the median of the pair ratios:
 * - the floor: ExcelJS reading and writing the same workbook with no work done;
 * - `shinchoku aggregate` and `shinchoku check` (the CLI as it ships), ÷ the floor in wall time, CPU
 *   time and peak memory (maxRSS); growth per 10× sheets;
 * - `shinchoku demo` ÷ the floor of its own output (example-summary.xlsx);
 * - the engine's time per item (「集計」 minus the time spent in the port);
 * - 「集計」 over the Office.js port and the fake Excel: runs, syncs, splits, largest request and answer.
 * Books carry no プラン定義 tab: the plan is given with --plan at every size, so all sizes are alike.
 */
import { spawnSync } from 'node:child_process';
import { cpus, freemem, loadavg, release, tmpdir, totalmem } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { runChild } from '../bench/children';
import { realisticSheets } from '../bench/realisticBook';
import { pairRatios, Runner, summarize } from '../bench/measure';
import type { Command, Run, Summary } from '../bench/measure';

/** Bumped whenever bench/realisticBook.ts changes the books, so that cached books are made again. */
const BOOK_VERSION = 1;
const ROOT = resolve(__dirname, '../../..');

interface Options {
  sizes: number[];
  pairs?: number;
  officeSizes: number[];
  fresh: boolean;
  books: string;
  out: string;
}

function parseOptions(args: string[]): Options {
  const value = (name: string): string | undefined => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const numbers = (text: string | undefined, fallback: number[]): number[] =>
    text === undefined ? fallback : text.split(',').filter(Boolean).map(Number);
  return {
    sizes: numbers(value('--sizes'), [70, 700, 3500, 7000]),
    pairs: value('--pairs') === undefined ? undefined : Number(value('--pairs')),
    officeSizes: numbers(value('--office-sizes'), [70, 700]),
    fresh: args.includes('--fresh'),
    books: value('--books') ?? join(tmpdir(), 'shinchoku-bench-books'),
    out: value('--out') ?? join(ROOT, 'bench', 'results.json'),
  };
}

/** Rounds of each size: more where runs are short. */
function roundsFor(size: number, options: Options): number {
  return options.pairs ?? (size <= 70 ? 5 : size <= 700 ? 3 : 2);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}

function log(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** A child that prints one JSON line (core, office). */
function childJson<T>(args: string[]): T {
  const result = spawnSync(process.execPath, [__filename, '--child', ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`bench child ${args[0]} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as T;
}

function ensureBook(size: number, options: Options, runner: Runner): { file: string; plan: string; madeMs?: number } {
  mkdirSync(options.books, { recursive: true });
  // Books kept between runs are named by the form they hold: a book of an older form (whose sheets
  // the product no longer reads) is never measured.
  const name = `realistic-v${BOOK_VERSION}-${formKey()}-${size}`;
  const file = join(options.books, `${name}.xlsx`);
  const plan = join(options.books, `${name}.plan.json`);
  if (!options.fresh && existsSync(file) && existsSync(plan)) return { file, plan };
  const made = runner.run({ label: 'make', args: [__filename, '--child', 'make', String(size), file, plan] });
  return { file, plan, madeMs: made.wallMs };
}

/** A short hash of one realistic 進捗状況シート as the product writes it today. */
function formKey(): string {
  const [first] = realisticSheets(1).next().value ?? [];
  return createHash('sha256').update(JSON.stringify(first)).digest('hex').slice(0, 8);
}

/**
 * Stops the bench unless `check` reads every sheet of the book without an error (else 集計 did not
 * read them all, and no figure would hold).
 */
function requireReadWhole(size: number, book: { file: string; plan: string }, work: string): void {
  const json = join(work, `check-${size}.json`);
  spawnSync(process.execPath, [
    __filename,
    '--child',
    'cli',
    'check',
    book.file,
    '--plan',
    book.plan,
    '--json',
    json,
    '--force',
  ]);
  const result = JSON.parse(readFileSync(json, 'utf8')) as { sheetCount: number; problems: { severity: string }[] };
  const errors = result.problems.filter((problem) => problem.severity === 'error').length;
  if (result.sheetCount !== size || errors > 0)
    throw new Error(
      `the ${size}-sheet book is not read whole (check: ${result.sheetCount} sheets, ${errors} errors); make it again with --fresh`,
    );
}

function line(label: string, summary: Summary): string {
  return `   ${label.padEnd(10)} ${seconds(summary.wallMs).padStart(10)} wall ${seconds(summary.cpuMs).padStart(10)} CPU ${summary.maxRssMb.toFixed(0).padStart(6)} MB peak`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    process.exitCode = await runChild(args[1], args.slice(2));
    return;
  }
  const options = parseOptions(args);
  const work = mkdtempSync(join(tmpdir(), 'shinchoku-bench-'));
  const runner = new Runner(work);
  const started = Date.now();
  const machine = {
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    memoryGb: Number((totalmem() / 2 ** 30).toFixed(1)),
    freeMemoryGbAtStart: Number((freemem() / 2 ** 30).toFixed(1)),
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAverageAtStart: loadavg().map((load) => Number(load.toFixed(2))),
  };
  log(
    `Shinchoku bench — ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`,
  );
  const sizes: Record<string, unknown> = {};
  const medians = new Map<number, { floor: Summary; aggregate: Summary }>();
  for (const size of options.sizes) {
    const book = ensureBook(size, options, runner);
    const fileMb = statSync(book.file).size / 2 ** 20;
    log(`\n${size} sheets (${fileMb.toFixed(1)} MB${book.madeMs ? `, made in ${seconds(book.madeMs)}` : ''})`);
    requireReadWhole(size, book, work);
    const commands: Command[] = [
      { label: 'floor', args: [__filename, '--child', 'floor', book.file, join(work, 'floor.xlsx')] },
      {
        label: 'aggregate',
        args: [
          __filename,
          '--child',
          'cli',
          'aggregate',
          book.file,
          '--out',
          join(work, 'aggregate.xlsx'),
          '--plan',
          book.plan,
          // Every round writes the same output again: the CLI replaces an existing file only when told.
          '--force',
        ],
      },
      { label: 'check', args: [__filename, '--child', 'cli', 'check', book.file, '--plan', book.plan] },
    ];
    const [floorRuns, aggregateRuns, checkRuns] = runner.alternate(
      commands,
      roundsFor(size, options),
      (label, run: Run) =>
        log(
          `   … ${label} ${seconds(run.wallMs)} (${run.maxRssMb.toFixed(0)} MB)${run.exitCode ? ` exit ${run.exitCode}` : ''}`,
        ),
    );
    const floor = summarize(floorRuns);
    const aggregate = summarize(aggregateRuns);
    const check = summarize(checkRuns);
    medians.set(size, { floor, aggregate });
    const aggregateRatio = pairRatios(floorRuns, aggregateRuns);
    const checkRatio = pairRatios(floorRuns, checkRuns);
    log(line('floor', floor));
    log(line('aggregate', aggregate));
    log(line('check', check));
    log(
      `   aggregate ÷ floor: ${ratio(aggregateRatio.wall)} wall, ${ratio(aggregateRatio.cpu)} CPU, ${ratio(aggregateRatio.memory)} peak memory`,
    );
    log(
      `   check ÷ floor:     ${ratio(checkRatio.wall)} wall, ${ratio(checkRatio.cpu)} CPU, ${ratio(checkRatio.memory)} peak memory`,
    );
    const template = {
      cli: runner.run({
        label: 'template',
        args: [
          __filename,
          '--child',
          'cli',
          'template',
          '--plan',
          book.plan,
          '--year',
          'R3',
          '--out',
          join(work, 'template.xlsx'),
          '--force',
        ],
      }),
      sheets: runner.run({
        label: 'sheets',
        args: [__filename, '--child', 'sheets', String(size), join(work, 'sheets.xlsx')],
      }),
    };
    log(
      `   template: CLI ${template.cli.exitCode === 0 ? `${seconds(template.cli.wallMs)}, ${template.cli.maxRssMb.toFixed(0)} MB peak` : `refused (exit ${template.cli.exitCode})`}; its sheets without プラン定義 ${seconds(template.sheets.wallMs)}, ${template.sheets.maxRssMb.toFixed(0)} MB peak`,
    );
    const engine = childJson<{ items: number; coreMs: number; portMs: number }>(['core', book.file, book.plan]);
    log(`   engine: ${(engine.coreMs / engine.items).toFixed(3)} ms per item (port ${seconds(engine.portMs)})`);
    sizes[size] = {
      fileMb: Number(fileMb.toFixed(2)),
      floor,
      aggregate,
      check,
      aggregateRatio,
      checkRatio,
      template,
      engine: { ...engine, msPerItem: engine.coreMs / engine.items },
    };
  }

  const growth: Record<string, { floor: number; aggregate: number; floorCpu: number; aggregateCpu: number }> = {};
  for (const [small, large] of [
    [70, 700],
    [700, 7000],
    [350, 3500],
  ]) {
    const a = medians.get(small);
    const b = medians.get(large);
    if (!a || !b) continue;
    growth[`${small}→${large}`] = {
      floor: b.floor.wallMs / a.floor.wallMs,
      aggregate: b.aggregate.wallMs / a.aggregate.wallMs,
      floorCpu: b.floor.cpuMs / a.floor.cpuMs,
      aggregateCpu: b.aggregate.cpuMs / a.aggregate.cpuMs,
    };
    log(
      `\ngrowth ${small} → ${large} sheets: floor ${ratio(growth[`${small}→${large}`].floor)}, aggregate ${ratio(growth[`${small}→${large}`].aggregate)} (CPU ${ratio(growth[`${small}→${large}`].floorCpu)} / ${ratio(growth[`${small}→${large}`].aggregateCpu)})`,
    );
  }

  log('\ndemo (the built-in example) ÷ the floor of its own output');
  const demoDirectory = join(work, 'demo');
  const [demoRuns, demoFloorRuns] = runner.alternate(
    [
      { label: 'demo', args: [__filename, '--child', 'cli', 'demo', '--out', demoDirectory] },
      {
        label: 'floor',
        args: [
          __filename,
          '--child',
          'floor',
          join(demoDirectory, 'example-summary.xlsx'),
          join(work, 'demo-floor.xlsx'),
        ],
      },
    ],
    3,
  );
  const demo = {
    demo: summarize(demoRuns),
    floor: summarize(demoFloorRuns),
    ratio: pairRatios(demoFloorRuns, demoRuns),
  };
  log(line('demo', demo.demo));
  log(line('floor', demo.floor));
  log(`   demo ÷ floor: ${ratio(demo.ratio.wall)} wall, ${ratio(demo.ratio.memory)} peak memory`);

  log('\n「集計」 over the Office.js port and the fake Excel (byte counts are the fake’s estimate of request JSON)');
  const office = options.officeSizes.map((size) => childJson<Record<string, number>>(['office', String(size)]));
  for (const entry of office)
    log(
      `   ${String(entry.sheets).padStart(6)} sheets: ${entry.runs} runs, ${entry.syncs} syncs, ${entry.splits} splits, largest request ${(entry.largestRequestBytes / 1024).toFixed(0)} KiB, answer ${(entry.largestAnswerBytes / 1024).toFixed(0)} KiB`,
    );

  const results = {
    date: new Date().toISOString(),
    machine: { ...machine, loadAverageAtEnd: loadavg().map((load) => Number(load.toFixed(2))) },
    minutes: Number(((Date.now() - started) / 60000).toFixed(1)),
    books: { version: BOOK_VERSION, planTab: false, note: 'the plan is given with --plan at every size' },
    sizes,
    growth,
    demo,
    office,
  };
  writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
  rmSync(work, { recursive: true, force: true });
  log(`\nwritten ${options.out} (${results.minutes} min)`);
  // Microsoft's office.js over the fake host, in this process only: the children above run the
  // product's own tasks and must not load jsdom and office.js (each would also run this section).
  const { benchOfficeJs } = await import('./benchOfficeJs');
  await benchOfficeJs(options.officeSizes);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
