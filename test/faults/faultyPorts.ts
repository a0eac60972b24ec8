/**
 * Test helper: workbooks that fail on purpose. `faultyPort` wraps any WorkbookPort and throws at its
 * N-th call; `faultyRun` wraps the fake Excel's `Excel.run` and throws at the N-th `context.sync()`.
 * Either fails before the call reaches the workbook ('before': the request is lost) or after the
 * workbook did it ('after': the answer is lost).
 */
import type { FakeExcel } from '../../src/demo/fakeExcel';
import type { ExcelRun } from '../../src/excel/excelApi';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import type { WorkbookPort } from '../../src/workbook/port';

/** Where the fault happens relative to the call. */
export type FaultMode = 'before' | 'after';

/** The injected failure. */
export class InjectedFault extends Error {
  override name = 'InjectedFault';
}

/** Counts calls and fails at one of them (never when `failAt` is Infinity). */
export class FaultCounter {
  calls = 0;
  constructor(
    readonly failAt: number,
    readonly mode: FaultMode,
  ) {}

  /** Runs one call, failing before or after it when it is the chosen one. */
  async call<T>(work: () => Promise<T>): Promise<T> {
    const fails = ++this.calls === this.failAt;
    if (fails && this.mode === 'before') throw new InjectedFault(`call ${this.calls} (before)`);
    const result = await work();
    if (fails) throw new InjectedFault(`call ${this.calls} (after)`);
    return result;
  }
}

/**
 * A port that fails at one of its calls.
 * @param port - the workbook
 * @param counter - which call fails, and how
 * @returns the same workbook, failing once
 */
export function faultyPort(port: WorkbookPort, counter: FaultCounter): WorkbookPort {
  return {
    listSheets: () => counter.call(() => port.listSheets()),
    readRanges: (requests) => counter.call(() => port.readRanges(requests)),
    writeCells: (writes) => counter.call(() => port.writeCells(writes)),
    putSheets: (specs, options) => counter.call(() => port.putSheets(specs, options)),
    deleteSheets: (names, options) => counter.call(() => port.deleteSheets(names, options)),
    setPageSetups: (setups) => counter.call(() => port.setPageSetups(setups)),
  };
}

/**
 * The Office.js port over a fake Excel whose `context.sync()` fails at one sync.
 * @param fake - the workbook
 * @param counter - which sync fails, and how
 * @returns a port as the pane makes it
 */
export function faultyOfficePort(fake: FakeExcel, counter: FaultCounter): OfficeWorkbook {
  const run: ExcelRun = (options, batch) =>
    fake.run(options, (context) =>
      batch({
        workbook: context.workbook,
        application: context.application,
        sync: () => counter.call(() => context.sync()),
      }),
    );
  return new OfficeWorkbook({ run, requirements: fake.requirements, sleep: async () => undefined });
}
