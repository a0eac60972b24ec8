/**
 * The workbook port over the Excel JavaScript API (Office.js): the only code that talks to Excel.
 *
 * Each port method is one `run` (or, for very large calls, a few) with a number of
 * `context.sync()` calls that does not grow with the number of sheets, only with the bytes to
 * send and receive (one more sync per 4 MB: Excel on the web refuses requests and answers above
 * 5 MB). The runner is injected: the task pane passes `Excel.run` and
 * `Office.context.requirements.isSetSupported`, tests and demo mode pass the fake's. Waits and
 * retries by Microsoft's documented error codes are in ./batchRunner; reads in ./readRanges;
 * adding sheets in ./putSheets.
 */
import type { PageSetup, SheetSpec } from '../core/sheetSpec';
import { validateSheetSpecs } from '../core/validateSheetSpecs';
import { checkCellWrite, missingSheetMessage } from '../workbook/memory';
import type {
  GuardOptions,
  PlaceOptions,
  RangeData,
  ReadRequest,
  SheetInfo,
  SheetWrite,
  WorkbookPort,
} from '../workbook/port';
import { WorkbookError } from '../workbook/port';
import { BatchRunner, type BatchRunnerOptions, type OfficeWorkbookStats } from './batchRunner';
import { cellsOf, inputBlocks } from './cellInput';
import type { ExcelContext, PageLayoutLike, WorksheetLike } from './excelApi';
import { OwnWrites } from './ownWrites';
import { estimateSpecBytes, packBySize, REQUEST_BUDGET_BYTES } from './payload';
import { fitWarning, putChunk, type PutMemory } from './putSheets';
import { answersOf, groupReads, keptRanges, MAX_RANGES_PER_RUN, readSplitting, type ReadGroup } from './readRanges';
import { renderPage } from './renderSheet';
import { writeCellsIn } from './writeCells';
import { VISIBILITY } from './specMapping';
import type { SheetChange, WorkbookUi } from './WorkbookUi';

export type OfficeWorkbookOptions = BatchRunnerOptions;
export type { OfficeWorkbookStats };

/** Groups of reads that one run can keep (see MAX_RANGES_PER_RUN). */
function runsOf(groups: readonly ReadGroup[], special: boolean): ReadGroup[][] {
  const runs: ReadGroup[][] = [];
  let kept = Infinity;
  for (const group of groups) {
    const cost = keptRanges(group, special);
    if (kept + cost > MAX_RANGES_PER_RUN) {
      runs.push([]);
      kept = 0;
    }
    runs[runs.length - 1].push(group);
    kept += cost;
  }
  return runs;
}

export class OfficeWorkbook implements WorkbookPort, WorkbookUi {
  private readonly runner: BatchRunner;
  private readonly ownWrites = new OwnWrites();

  constructor(options: OfficeWorkbookOptions) {
    this.runner = new BatchRunner(options);
  }

  get stats(): OfficeWorkbookStats {
    return this.runner.stats;
  }

  /** Warnings of the last call (features skipped on this host). */
  get warnings(): string[] {
    return this.runner.warnings;
  }

  /** Queues a null-object lookup of each name (with its visibility); after the sync, `found` gives them. */
  private lookUp(context: ExcelContext, names: readonly string[]): Map<string, WorksheetLike> {
    const sheets = new Map<string, WorksheetLike>();
    for (const name of names) {
      if (sheets.has(name.toLowerCase())) continue;
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheets.set(name.toLowerCase(), sheet.load('name, visibility'));
    }
    return sheets;
  }

  private found(sheets: Map<string, WorksheetLike>, name: string): WorksheetLike {
    const sheet = sheets.get(name.toLowerCase());
    if (!sheet || sheet.isNullObject) throw new WorkbookError(missingSheetMessage(name));
    return sheet;
  }

  /** 1 sync. */
  async listSheets(): Promise<SheetInfo[]> {
    return this.runner.guarded(() =>
      this.runner.batch(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load('items/name, items/visibility');
        await context.sync();
        const names = Object.entries(VISIBILITY);
        return worksheets.items.map((sheet) => ({
          name: sheet.name,
          visibility: names.find(([, excel]) => excel === sheet.visibility)?.[0] as SheetInfo['visibility'],
        }));
      }),
    );
  }

  /**
   * One run per about 27,000 ranges (office.js's clean-up after a run), each: one sync per 4 MB
   * of sheet lookups, one per 4 MB of values read, and where ranges hold formulas one per 4 MB of
   * formula text (./readRanges). A batch Excel still refuses as too large is halved.
   */
  async readRanges(requests: readonly ReadRequest[]): Promise<RangeData[]> {
    if (requests.length === 0) return [];
    const special = this.runner.supports('1.9');
    const groups = groupReads(requests);
    return this.runner.guarded(async () => {
      const grids = [];
      for (const run of runsOf(groups, special)) {
        grids.push(...(await readSplitting(this.runner, run, special)));
      }
      return answersOf(requests, groups, grids);
    });
  }

  /**
   * One run: a sync per 4 MB of sheet lookups, of protection reads and of cells (./writeCells);
   * 3 syncs for up to about 20,000 cells. A protected sheet is unprotected for the write and
   * protected again with its options.
   */
  async writeCells(writes: readonly SheetWrite[]): Promise<void> {
    for (const write of writes) for (const cell of write.cells) checkCellWrite(write.sheet, cell);
    const nonEmpty = writes.filter((write) => write.cells.length > 0);
    if (nonEmpty.length === 0) return;
    return this.runner.guarded(() => this.writeNonEmpty(nonEmpty));
  }

  /** The writes of writeCells, inside a guarded call. */
  private async writeNonEmpty(writes: readonly SheetWrite[]): Promise<void> {
    const protectedBefore = new Map<string, Excel.WorksheetProtectionOptions>();
    const written = (sheet: string, addresses: string[]) => this.ownWrites.record(sheet, addresses);
    await this.runner.inChunks(writes, (chunk) =>
      this.runner.batch(async (context) => {
        await writeCellsIn(this.runner, context, chunk, protectedBefore, written);
        return [];
      }),
    );
  }

  private checkSpecs(specs: readonly SheetSpec[]): void {
    validateSheetSpecs(specs);
  }

  /**
   * 2 syncs per request (./putSheets): sheets go in as few requests as fit under Excel's 5 MB cap
   * (./payload): one for about 50 進捗状況シート, or all the tabs of 「集計」. A sheet too big for one
   * request (the record of 「集計」 at 7,000 sheets) goes in without its cells, which follow as
   * writes packed by size. A replaced sheet keeps its place; nothing is renamed.
   */
  async putSheets(specs: readonly SheetSpec[], options: PlaceOptions = {}): Promise<void> {
    this.checkSpecs(specs);
    if (specs.length === 0) return;
    const memory: PutMemory = { first: null, guarded: options.guard ? specs.map((spec) => spec.name) : [] };
    for (const spec of specs)
      this.ownWrites.record(
        spec.name,
        inputBlocks(spec.cells).map((block) => block.address),
      );
    const big = new Set(specs.filter((spec) => estimateSpecBytes(spec) > REQUEST_BUDGET_BYTES));
    const put = specs.map((spec) => (big.has(spec) ? { ...spec, cells: [] } : spec));
    const later = [...big].map((spec) => ({ sheet: spec.name, cells: spec.cells }));
    return this.runner.guarded(async () => {
      // Requests in order: each later group goes before `before` too, after the earlier ones.
      for (const group of packBySize(put, estimateSpecBytes)) {
        await this.runner.inChunks(group, (chunk) => putChunk(this.runner, chunk, options, memory));
      }
      if (later.length > 0) await this.writeNonEmpty(later);
    });
  }

  /**
   * 2 syncs: find the sheets, delete those that exist (a VeryHidden one is made Hidden first); with
   * a guard, one more between them reads the guarded cells of the sheets found and checks them.
   */
  async deleteSheets(names: readonly string[], options: GuardOptions = {}): Promise<void> {
    if (names.length === 0) return;
    const { guard } = options;
    return this.runner.guarded(() =>
      this.runner.batch(async (context) => {
        const sheets = this.lookUp(context, names);
        await context.sync();
        const found = [...sheets.values()].filter((sheet) => !sheet.isNullObject);
        if (guard && found.length > 0) {
          const ranges = found.map((sheet) => sheet.getRange(guard.address).load('values'));
          await context.sync();
          found.forEach((sheet, index) => guard.check(sheet.name, cellsOf(ranges[index].values)));
        }
        for (const sheet of sheets.values()) {
          if (sheet.isNullObject) continue;
          if (sheet.visibility === 'VeryHidden') sheet.visibility = 'Hidden';
          sheet.delete();
        }
        await context.sync();
      }),
    );
  }

  /**
   * 2 syncs: find the sheets, apply the settings (skipped with a warning below ExcelApi 1.9).
   * Fit-to-page scaling is read back in the same request (office-js #1860).
   */
  async setPageSetups(setups: readonly { sheet: string; page: PageSetup }[]): Promise<void> {
    if (setups.length === 0) return;
    return this.runner.guarded(() =>
      this.runner.batch(async (context) => {
        const sheets = this.lookUp(
          context,
          setups.map((setup) => setup.sheet),
        );
        await context.sync();
        const targets = setups.map((setup) => ({ sheet: this.found(sheets, setup.sheet), setup }));
        if (!this.runner.supports('1.9')) {
          this.runner.warn(
            'この Excel では印刷設定を変更できないため、省略しました（Microsoft 365 または Office 2021 以降で設定できます）。',
          );
          return;
        }
        const fits: { sheet: string; layout: PageLayoutLike }[] = [];
        for (const { sheet, setup } of targets) {
          renderPage(sheet, setup.page);
          if (setup.page.fitToWidth !== undefined || setup.page.fitToHeight !== undefined)
            fits.push({ sheet: setup.sheet, layout: sheet.pageLayout.load('zoom') });
        }
        await context.sync();
        for (const { sheet, layout } of fits)
          if (layout.zoom.horizontalFitToPages === undefined && layout.zoom.verticalFitToPages === undefined)
            this.runner.warn(fitWarning(sheet));
      }),
    );
  }

  /** 2 syncs: find the sheet, then activate it and select the cell. */
  async activate(sheet: string, address: string): Promise<void> {
    return this.runner.guarded(() =>
      this.runner.batch(async (context) => {
        const sheets = this.lookUp(context, [sheet]);
        await context.sync();
        const found = this.found(sheets, sheet);
        found.activate();
        found.getRange(address).select();
        await context.sync();
      }),
    );
  }

  /** 1 sync: the name of the active sheet. */
  async selectedSheet(): Promise<string> {
    return this.runner.guarded(() =>
      this.runner.batch(async (context) => {
        const active = context.workbook.worksheets.getActiveWorksheet();
        active.load('name');
        await context.sync();
        return active.name;
      }),
    );
  }

  /**
   * Calls `handler` after the user changes cells in any sheet (ExcelApi 1.9), not after our own
   * writes: Excel reports those too, as triggerSource "ThisLocalAddin" from ExcelApi 1.14; below
   * that, the cells this port wrote in the last seconds are ignored (./ownWrites). Reacting to
   * our own writes would loop. The returned function removes the handler inside
   * `Excel.run(registration.context, …)`, as Microsoft documents.
   * @returns a function that stops listening
   */
  async onChanged(handler: (change: SheetChange) => void | Promise<void>): Promise<() => Promise<void>> {
    if (!this.runner.supports('1.9')) {
      this.runner.warn('この Excel では入力の変化を監視できないため、自動入力は「集計」ボタンで行ってください。');
      return async () => undefined;
    }
    const knowsSource = this.runner.supports('1.14');
    const registration = await this.runner.guarded(() =>
      this.runner.batch(async (context) => {
        const result = context.workbook.worksheets.onChanged.add(async (event) => {
          if (knowsSource && event.triggerSource === 'ThisLocalAddin') return;
          const sheetName = await this.runner.batch(async (context) => {
            const sheet = context.workbook.worksheets.getItem(event.worksheetId);
            sheet.load('name');
            await context.sync();
            return sheet.name;
          });
          if (!knowsSource && this.ownWrites.covers(sheetName, event.address)) return;
          await handler({ sheet: sheetName, address: event.address });
        });
        await context.sync();
        return result;
      }),
    );
    return () =>
      this.runner.guarded(() =>
        this.runner.onContextOf(registration, async (context) => {
          registration.remove();
          await context.sync();
        }),
      );
  }
}
