/**
 * Fault injection for the CLI's 配布・回収・繰越 (issue 9, item 8): `split`, `collect --out`,
 * `collect --into` and `rollover`, failing once at every workbook call (input books, the master,
 * every book made) and at every file-system call of the guarded outputs (claims, the temporary
 * file's open, write, flush and close, links and renames), before or after the call. Each failed
 * run must:
 * - leave the whole working folder as it was: every input byte-identical, no output under its
 *   final name that was not there, every output that was there whole, no temporary file left;
 * - say so as a Japanese UserError naming one of the command's files (never 「予期しないエラー」).
 * A fault the layer absorbs (a temporary file it could not remove) must leave the same outputs as
 * a run without faults. After every fault, the same command without faults succeeds and writes
 * exactly what a run without faults writes (dates fixed, so the bytes are comparable).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run } from '../../src/cli/main';
import { TEMPORARY_PREFIX } from '../../src/cli/files/outputs';
import { captureIo } from '../support/captureIo';
import { fillScores, smallBook, temporaryFolder } from '../support/smallBook';
import { faultyFiles } from './faultyFiles';
import { FaultCounter, type FaultMode } from './faultyPorts';

const DEPARTMENTS = ['総務課', '財政課', '企画課'];

/** A command over a prepared folder: its arguments and the files it names. */
interface Scenario {
  name: string;
  /** Prepares `dir` (from the shared fixtures) and gives the command line. */
  prepare(dir: string): string[];
}

let fixtures: string;
let departmentFiles: string[];

beforeAll(async () => {
  // Dates fixed (only Date: the timers stay real), so two runs write the same bytes.
  jest.useFakeTimers({ now: new Date('2022-03-31T09:00:00Z'), doNotFake: [...TIMERS] });
  fixtures = temporaryFolder('cli-faults');
  const { book } = await smallBook(fixtures, DEPARTMENTS);
  await fillScores(book, 3);
  const split = await cli(['split', join(fixtures, 'book.xlsx'), '--out', join(fixtures, 'returned')]);
  if (split.code !== 0) throw new Error(split.stderr);
  departmentFiles = readdirSync(join(fixtures, 'returned')).sort();
  expect(departmentFiles).toHaveLength(DEPARTMENTS.length);
  // One department changed its scores: collect --into has something to carry.
  await fillScores(join(fixtures, 'returned', departmentFiles[0]), 1);
});

afterAll(() => {
  jest.useRealTimers();
  rmSync(fixtures, { recursive: true, force: true });
});

/** Every timer jest can fake but Date. */
const TIMERS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const satisfies readonly string[];

function copyIn(dir: string, ...names: string[]): void {
  for (const name of names) copyFileSync(join(fixtures, name), join(dir, name.split('/').at(-1) as string));
}

const SCENARIOS: Scenario[] = [
  {
    name: 'split into a new folder',
    prepare: (dir) => {
      copyIn(dir, 'book.xlsx');
      return ['split', join(dir, 'book.xlsx'), '--out', join(dir, 'out')];
    },
  },
  {
    name: 'split --force over earlier department files',
    prepare: (dir) => {
      copyIn(dir, 'book.xlsx');
      mkdirSync(join(dir, 'out'));
      for (const name of departmentFiles) writeFileSync(join(dir, 'out', name), `earlier ${name}`);
      return ['split', join(dir, 'book.xlsx'), '--out', join(dir, 'out'), '--force'];
    },
  },
  {
    name: 'collect --out',
    prepare: (dir) => {
      copyIn(dir, ...departmentFiles.map((name) => `returned/${name}`));
      return ['collect', ...departmentFiles.map((name) => join(dir, name)), '--out', join(dir, 'collected.xlsx')];
    },
  },
  {
    name: 'collect --out --force over an earlier file',
    prepare: (dir) => {
      copyIn(dir, ...departmentFiles.map((name) => `returned/${name}`));
      writeFileSync(join(dir, 'collected.xlsx'), 'earlier collected');
      return [
        'collect',
        ...departmentFiles.map((name) => join(dir, name)),
        '--out',
        join(dir, 'collected.xlsx'),
        '--force',
      ];
    },
  },
  {
    name: 'collect --into',
    prepare: (dir) => {
      copyIn(dir, 'book.xlsx', ...departmentFiles.map((name) => `returned/${name}`));
      return [
        'collect',
        ...departmentFiles.map((name) => join(dir, name)),
        '--into',
        join(dir, 'book.xlsx'),
        '--out',
        join(dir, 'merged.xlsx'),
      ];
    },
  },
  {
    name: 'rollover',
    prepare: (dir) => {
      copyIn(dir, 'book.xlsx');
      return ['rollover', join(dir, 'book.xlsx'), '--to', 'R4', '--out', join(dir, 'next.xlsx')];
    },
  },
];

async function cli(args: string[], counter?: FaultCounter) {
  const io = captureIo();
  const code = await run(args, io, counter ? faultyFiles(counter) : undefined);
  return { code, stderr: io.stderr.join('\n') };
}

/** Every file under a folder: relative path → bytes. */
function contents(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/** Every file under a folder: relative path → checksum (short diffs when a test fails). */
function snapshot(dir: string): Map<string, string> {
  return new Map([...contents(dir)].map(([path, bytes]) => [path, createHash('sha256').update(bytes).digest('hex')]));
}

/** Puts a folder back as it was: files a run added removed, files it changed written back. */
function restore(dir: string, before: Map<string, Buffer>): void {
  const now = contents(dir);
  for (const path of now.keys()) if (!before.has(path)) rmSync(join(dir, path));
  for (const [path, bytes] of before) if (!now.get(path)?.equals(bytes)) writeFileSync(join(dir, path), bytes);
}

function withoutTemporary(files: Map<string, string>): Map<string, string> {
  return new Map([...files].filter(([path]) => !path.split('/').at(-1)?.startsWith(TEMPORARY_PREFIX)));
}

describe.each(SCENARIOS)('a failure at every call of $name', (scenario) => {
  it.each<FaultMode>(['before', 'after'])(
    'leaves every file as it was, says which file in Japanese, and a second run succeeds (%s)',
    async (mode) => {
      const dir = temporaryFolder('cli-fault');
      const args = scenario.prepare(dir);
      const named = args.filter((arg) => arg.startsWith(dir));
      const original = contents(dir);
      const before = snapshot(dir);

      // A run without faults: how many calls it makes, and what it writes.
      const counting = new FaultCounter(Infinity, mode);
      const clean = await cli(args, counting);
      expect(clean).toEqual({ code: 0, stderr: '' }); // the books are filled: no problem to report
      const after = snapshot(dir);
      expect(after).not.toEqual(before);
      expect(counting.log.some((call) => call.startsWith('fs.'))).toBe(true);
      expect(counting.log.some((call) => !call.startsWith('fs.'))).toBe(true);
      restore(dir, original);

      const outcomes = new Map<string, number>();
      for (let failAt = 1; failAt <= counting.calls; failAt++) {
        const counter = new FaultCounter(failAt, mode);
        const faulted = await cli(args, counter);
        const call = counter.log[failAt - 1];
        const state = snapshot(dir);
        let outcome: string;
        if (faulted.code === 0) {
          // Absorbed (a temporary file the layer could not remove): the outputs are whole and right.
          expect({ call, state: withoutTemporary(state) }).toEqual({ call, state: after });
          outcome = 'absorbed';
        } else {
          expect({ call, code: faulted.code, state }).toEqual({ call, code: 2, state: before });
          // A Japanese UserError (not 「予期しないエラー」) naming one of the command's files.
          const said = faulted.stderr;
          const names = named.some((path) => said.includes(path));
          expect({
            call,
            said,
            japanese: /[\u3040-\u30ff]/.test(said),
            unexpected: said.includes('予期しない'),
            names,
          }).toEqual({ call, said, japanese: true, unexpected: false, names: true });
          outcome = 'refused, as before';
        }
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        // The same command again, without faults: exactly what a run without faults writes.
        restore(dir, original);
        const again = await cli(args);
        expect({ call, code: again.code, state: snapshot(dir) }).toEqual({ call, code: 0, state: after });
        restore(dir, original);
      }
      expect([...outcomes.values()].reduce((sum, count) => sum + count, 0)).toBe(counting.calls);
      rmSync(dir, { recursive: true, force: true });
    },
  );
});
