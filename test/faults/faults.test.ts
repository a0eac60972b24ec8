/**
 * Fault injection (issue 9, item 8): a failure at every port call of 「集計」, 元に戻す, 印刷設定 and
 * シート作成 — over the memory port (each call) and the Office.js port over the fake Excel (each
 * context.sync()), the request lost or the answer lost — leaves the workbook as before, as after,
 * or half-written with a way back: 元に戻す after a failed 「集計」 gives the workbook as before it,
 * and running the failed action again gives the workbook as after it.
 */
import { isDeepStrictEqual } from 'node:util';
import { aggregate } from '../../src/actions/aggregate';
import { applyPrintSetup } from '../../src/actions/printSetup';
import { createTemplate } from '../../src/actions/template';
import { undoAggregate } from '../../src/actions/undo';
import { FakeExcel } from '../../src/demo/fakeExcel';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import type { SheetSpec } from '../../src/core/sheetSpec';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { WorkbookPort } from '../../src/workbook/port';
import { RecordingWorkbook } from '../support/exampleBook';
import { syntheticPlan, writeSyntheticBook } from '../support/syntheticBook';
import { bookState } from '../support/userEdits';
import { FaultCounter, faultyOfficePort, faultyPort, InjectedFault, type FaultMode } from './faultyPorts';

const ITEMS = 4;

/** One workbook over one port: a clean port, a port failing at a call, and the whole state. */
interface Subject {
  clean: WorkbookPort;
  faulty(counter: FaultCounter): WorkbookPort;
  state(): unknown;
}

interface Harness {
  name: string;
  open(specs: readonly SheetSpec[]): Subject;
}

const HARNESSES: Harness[] = [
  {
    name: 'memory port (each call)',
    open: (specs) => {
      const book = MemoryWorkbook.fromSpecs(specs);
      return { clean: book, faulty: (counter) => faultyPort(book, counter), state: () => bookState(book) };
    },
  },
  {
    name: 'Office.js port over the fake (each sync)',
    open: (specs) => {
      const fake = new FakeExcel();
      fake.loadSheetSpecs(specs);
      return {
        clean: new OfficeWorkbook({ run: fake.run, requirements: fake.requirements, sleep: async () => undefined }),
        faulty: (counter) => faultyOfficePort(fake, counter),
        // Sheet ids change when a sheet is replaced; the content is what matters.
        state: () => fake.snapshot().sheets.map(({ id: _id, ...sheet }) => sheet),
      };
    },
  },
];

/** What a use case does, how its workbook is prepared, and how a failed run is put right. */
interface Action {
  name: string;
  prepare?: (port: WorkbookPort) => Promise<unknown>;
  run: (port: WorkbookPort) => Promise<unknown>;
  /** Run on the clean port after a failure; the state must then be `target`'s. */
  recover: (port: WorkbookPort) => Promise<unknown>;
  target: 'before' | 'after';
}

const plan = syntheticPlan(ITEMS);

const ACTIONS: Action[] = [
  { name: '集計', run: (port) => aggregate(port), recover: (port) => undoAggregate(port), target: 'before' },
  {
    name: '元に戻す',
    prepare: (port) => aggregate(port),
    run: (port) => undoAggregate(port),
    recover: (port) => undoAggregate(port),
    target: 'after',
  },
  {
    name: '印刷設定',
    // Sheets "from elsewhere": every print setting lost.
    prepare: async (port) => {
      await aggregate(port);
      const sheets = await port.listSheets();
      await port.setPageSetups(
        sheets.map(({ name }) => ({ sheet: name, page: { paperSize: 'A4', orientation: 'landscape' } })),
      );
    },
    run: (port) => applyPrintSetup(port),
    recover: (port) => applyPrintSetup(port),
    target: 'after',
  },
  {
    name: 'シート作成',
    prepare: (port) => port.deleteSheets([`${ITEMS} 実践項目 ${ITEMS}`]),
    run: (port) => createTemplate(port, { plan, year: 2021, itemNos: [String(ITEMS)] }),
    recover: (port) => createTemplate(port, { plan, year: 2021, itemNos: [String(ITEMS)] }),
    target: 'after',
  },
];

let specs: SheetSpec[];

beforeAll(async () => {
  const book = new RecordingWorkbook();
  await writeSyntheticBook(book, ITEMS);
  specs = book.specs;
});

describe.each(HARNESSES)('a failure at every call, $name', (harness) => {
  describe.each(ACTIONS)('$name', (action) => {
    it.each<FaultMode>(['before', 'after'])(
      'leaves the workbook as before, as after, or with a way back (%s)',
      async (mode) => {
        const prepared = async (): Promise<Subject> => {
          const subject = harness.open(specs);
          await action.prepare?.(subject.clean);
          return subject;
        };
        // A clean run: the states before and after, and how many calls it makes.
        const reference = await prepared();
        const before = reference.state();
        const counting = new FaultCounter(Infinity, mode);
        await action.run(reference.faulty(counting));
        const after = reference.state();
        expect(after).not.toEqual(before);
        expect(counting.calls).toBeGreaterThan(1);

        const outcomes: string[] = [];
        for (let failAt = 1; failAt <= counting.calls; failAt++) {
          const subject = await prepared();
          const error = await action.run(subject.faulty(new FaultCounter(failAt, mode))).then(
            () => null,
            (caught: unknown) => caught,
          );
          // The failure reaches the caller (the port may wrap it in its own error).
          expect(error).not.toBeNull();
          if (!(error instanceof InjectedFault)) expect(String((error as Error).message)).toContain('call');
          const state = subject.state();
          if (equal(state, before)) outcomes.push(`${failAt}: as before`);
          else if (equal(state, after)) outcomes.push(`${failAt}: as after`);
          else {
            await action.recover(subject.clean);
            expect(subject.state()).toEqual(action.target === 'before' ? before : after);
            outcomes.push(`${failAt}: put right`);
          }
        }
        expect(outcomes).toHaveLength(counting.calls);
      },
    );
  });
});

/** Deep equality without building a diff (jest's would, for every failed comparison). */
function equal(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}
