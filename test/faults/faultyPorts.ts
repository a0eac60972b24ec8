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

/** The injected failure (with a file-system error code when it stands for one, e.g. EIO). */
export class InjectedFault extends Error {
  override name = 'InjectedFault';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Counts calls and fails at one of them (never when `failAt` is Infinity). */
export class FaultCounter {
  calls = 0;
  /** What each call was, in order ("readRanges", "fs.rename"…). */
  readonly log: string[] = [];
  constructor(
    readonly failAt: number,
    readonly mode: FaultMode,
  ) {}

  /**
   * Runs one call, failing before or after it when it is the chosen one.
   * @param work - the call
   * @param what - its name, for the log; a file-system call ("fs.…") fails with code EIO
   */
  async call<T>(work: () => Promise<T>, what = 'port'): Promise<T> {
    this.log.push(what);
    const fails = ++this.calls === this.failAt;
    const fault = () =>
      new InjectedFault(`call ${this.calls} ${what} (${this.mode})`, what.startsWith('fs.') ? 'EIO' : undefined);
    if (fails && this.mode === 'before') throw fault();
    const result = await work();
    if (fails) throw fault();
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
    listSheets: () => counter.call(() => port.listSheets(), 'listSheets'),
    readRanges: (requests) => counter.call(() => port.readRanges(requests), 'readRanges'),
    writeCells: (writes) => counter.call(() => port.writeCells(writes), 'writeCells'),
    putSheets: (specs, options) => counter.call(() => port.putSheets(specs, options), 'putSheets'),
    deleteSheets: (names, options) => counter.call(() => port.deleteSheets(names, options), 'deleteSheets'),
    setPageSetups: (setups) => counter.call(() => port.setPageSetups(setups), 'setPageSetups'),
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
