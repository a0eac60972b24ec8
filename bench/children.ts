/**
 * What the bench's child processes do, one task per process (`bench.js --child TASK …`). Each task
 * loads only the modules it needs, so that a measured process carries nothing of the others.
 *
 * - `cli ARGS…`: the shinchoku CLI itself, as `bin/shinchoku.js` runs it;
 * - `floor IN OUT`: ExcelJS reading and writing the same workbook with no work done;
 * - `make SIZE FILE PLAN`: writes a realistic book of SIZE sheets and its plan (JSON);
 * - `sheets SIZE FILE`: writes what `shinchoku template` writes for SIZE items, but the プラン定義
 *   tab (blank 進捗状況シート and 審議会評価), through the CLI's .xlsx port;
 * - `core FILE PLAN`: 「集計」 over the package port, printing the time spent outside the port;
 * - `office SIZE`: 「集計」 over the Office.js port and the fake Excel, printing round trips and bytes.
 */
import { writeFileSync } from 'node:fs';

/**
 * Runs one child task.
 * @param task - the task's name
 * @param args - its arguments
 * @returns the exit code
 */
export async function runChild(task: string, args: string[]): Promise<number> {
  switch (task) {
    case 'cli': {
      const { run } = await import('../src/cli/main');
      return run(args);
    }
    case 'floor': {
      const ExcelJS = (await import('exceljs')).default;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(args[0]);
      await workbook.xlsx.writeFile(args[1]);
      return 0;
    }
    case 'make':
      await make(Number(args[0]), args[1], args[2]);
      return 0;
    case 'sheets':
      await templateSheets(Number(args[0]), args[1]);
      return 0;
    case 'core':
      process.stdout.write(`${JSON.stringify(await core(args[0], args[1]))}\n`);
      return 0;
    case 'office':
      process.stdout.write(`${JSON.stringify(await office(Number(args[0])))}\n`);
      return 0;
    default:
      throw new Error(`unknown bench task ${task}`);
  }
}

async function make(size: number, file: string, planFile: string): Promise<void> {
  const { realisticPlan, realisticSheets } = await import('./realisticBook');
  const { createWorkbookFile } = await import('../src/xlsx/workbookFile');
  const book = createWorkbookFile();
  for (const batch of realisticSheets(size)) await book.putSheets(batch);
  await book.save(file);
  writeFileSync(planFile, JSON.stringify(realisticPlan(size)));
}

async function templateSheets(size: number, file: string): Promise<void> {
  const { realisticPlan, BENCH_YEAR } = await import('./realisticBook');
  const { writeCouncilSheet } = await import('../src/core/councilSheet');
  const { blankProgressSheet } = await import('../src/core/sheet/progressSheetData');
  const { writeProgressSheet } = await import('../src/core/sheet/writeProgressSheet');
  const { createWorkbookFile } = await import('../src/xlsx/workbookFile');
  const plan = realisticPlan(size);
  const book = createWorkbookFile();
  // The specs as createTemplate makes them, all at once, then one putSheets.
  const specs = plan.items.map((item) => writeProgressSheet(plan, blankProgressSheet(plan, item, BENCH_YEAR)));
  await book.putSheets(specs);
  await book.putSheets([writeCouncilSheet(plan, { year: BENCH_YEAR, members: [], rows: [] })]);
  await book.save(file);
}

/** 「集計」 with every port call timed: what is left is the engine (core and use case). */
async function core(
  file: string,
  planFile: string,
): Promise<{ items: number; totalMs: number; portMs: number; coreMs: number }> {
  const { readFileSync } = await import('node:fs');
  const { aggregate } = await import('../src/actions/aggregate');
  const { parsePlan } = await import('../src/core/plan');
  const { openWorkbookFile } = await import('../src/xlsx/workbookFile');
  const plan = parsePlan(JSON.parse(readFileSync(planFile, 'utf8')));
  const port = await openWorkbookFile(file);
  let portMs = 0;
  const timed = new Proxy(port, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return async (...parameters: unknown[]) => {
        const started = process.hrtime.bigint();
        try {
          return await value.apply(target, parameters);
        } finally {
          portMs += Number(process.hrtime.bigint() - started) / 1e6;
        }
      };
    },
  });
  const started = process.hrtime.bigint();
  await aggregate(timed, { plan });
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { items: plan.items.length, totalMs, portMs, coreMs: totalMs - portMs };
}

/**
 * 「集計」 through the Office.js port over the fake Excel, on a realistic book. The byte counts are
 * the fake's estimate of Office.js request JSON; a counter of the bytes Microsoft's office.js really
 * sends would plug in here (see the Office.js port's own measurements).
 */
async function office(size: number): Promise<Record<string, number>> {
  const { aggregate } = await import('../src/actions/aggregate');
  const { FakeExcel } = await import('../src/demo/fakeExcel');
  const { OfficeWorkbook } = await import('../src/excel/OfficeWorkbook');
  const { realisticPlan, realisticSheets } = await import('./realisticBook');
  const fake = new FakeExcel();
  const port = new OfficeWorkbook({ run: fake.run, requirements: fake.requirements });
  for (const batch of realisticSheets(size)) await port.putSheets(batch);
  const before = { ...port.stats };
  fake.stats.maxRequestBytes = 0;
  fake.stats.maxResponseBytes = 0;
  const started = process.hrtime.bigint();
  await aggregate(port, { plan: realisticPlan(size) });
  return {
    sheets: size,
    runs: port.stats.runs - before.runs,
    syncs: port.stats.syncs - before.syncs,
    splits: port.stats.splits - before.splits,
    largestRequestBytes: fake.stats.maxRequestBytes,
    largestAnswerBytes: fake.stats.maxResponseBytes,
    aggregateMs: Number(process.hrtime.bigint() - started) / 1e6,
  };
}
