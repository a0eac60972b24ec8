/**
 * The workbook port over the Excel JavaScript API (Office.js): the only code that talks to Excel.
 *
 * Each port method is one `run` with a fixed number of `context.sync()` calls, whatever the
 * number of sheets or cells: every load for every sheet is queued before one sync (see the
 * table in docs/decisions.md). The runner is injected: the task pane passes `Excel.run` and
 * `Office.context.requirements.isSetSupported`, tests and demo mode pass the fake's.
 */
import { parseRange, type RangeBounds } from '../core/address';
import type { SheetSpec } from '../core/sheetSpec';
import {
  checkCellWrite,
  checkChart,
  checkSheetName,
  findSheetIndex,
  hiddenColumnList,
  listFormula,
  missingSheetMessage,
} from '../workbook/memory';
import type {
  PageSetup,
  PlaceOptions,
  RangeData,
  ReadRequest,
  SheetInfo,
  SheetWrite,
  WorkbookPort,
} from '../workbook/port';
import { WorkbookError } from '../workbook/port';
import { inputBlocks, readCell } from './cellInput';
import type {
  CellOutput,
  ExcelContext,
  ExcelRun,
  RangeAreasLike,
  RangeLike,
  RequirementCheck,
  WorksheetLike,
} from './excelApi';
import type { HostFeatures } from './renderSheet';
import { estimateSpecBytes, packBySize } from './payload';
import { renderPage, renderSheet } from './renderSheet';
import { DEFAULT_MAX_DIGIT_WIDTH, maxDigitWidthOf, VISIBILITY } from './specMapping';
import type { SheetChange, WorkbookUi } from './WorkbookUi';

export interface OfficeWorkbookOptions {
  /** `Excel.run` (or the fake's). */
  run: ExcelRun;
  /** `Office.context.requirements.isSetSupported` (or the fake's). */
  requirements: RequirementCheck;
  /** Tries after the first when the user is editing a cell (hosts without delayForCellEdit). */
  cellEditRetries?: number;
  /** First wait before a retry, doubled each time. */
  retryDelayMs?: number;
  /** How to wait (tests pass an instant one). */
  sleep?: (milliseconds: number) => Promise<void>;
  /** Told about features skipped on older hosts (Japanese, for the user). */
  onWarning?: (message: string) => void;
}

/** Counters for tests and the benchmark. */
export interface OfficeWorkbookStats {
  runs: number;
  syncs: number;
  /** Runs repeated because the user was editing a cell. */
  retries: number;
  /** Batches split in two because Excel refused their size. */
  splits: number;
}

/** The Office.js error code of a failure, if it has one. */
function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const PAYLOAD_CODES = ['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded'];

/** A WorkbookError with a Japanese message for an Office.js failure. */
function workbookError(error: unknown): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  const messages: Record<string, string> = {
    InvalidOperationInCellEditMode:
      'セルを編集中のため Excel を操作できませんでした。Enter キーで入力を確定してから、もう一度実行してください。',
    RequestPayloadSizeLimitExceeded: 'データ量が多すぎて Excel に送れませんでした。シートを分けて実行してください。',
    ResponsePayloadSizeLimitExceeded:
      'データ量が多すぎて Excel から読み取れませんでした。シートを分けて実行してください。',
    AccessDenied: 'シートまたはブックが保護されているため、変更できませんでした。',
    ItemAlreadyExists: '同じ名前のシートがすでにあります。',
    ApiNotFound:
      'この Excel では使えない機能が含まれていました。Microsoft 365 または Office 2021 以降でお試しください。',
  };
  const message = (code && messages[code]) ?? `Excel の操作に失敗しました（${code ?? 'Error'}: ${detail}）。`;
  return new WorkbookError(message, { cause: error });
}

/** Ranges of at most this many cells load values and formulas at once (their answer is small). */
const SMALL_READ_CELLS = 64;
/** Answer bytes per read chunk: 80 % of Excel on the web's 5 MB cap. */
const ANSWER_BUDGET_BYTES = 4_000_000;
/** Bytes per cell assumed for the first chunk (a sheet full of long Japanese text). */
const FIRST_CHUNK_BYTES_PER_CELL = 24;
/** Floor and margin of the bytes per cell measured on the answers so far. */
const MIN_BYTES_PER_CELL = 2;
const ANSWER_MARGIN = 1.25;

/** The number of cells of an A1 range address (1 if it is not one: Excel will say why). */
function cellsOf(address: string): number {
  const bounds = boundsOrNull(address);
  return bounds ? (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1) : 1;
}

/** One range being read. */
interface RangeRead {
  bounds: RangeBounds | null;
  cells: number;
  range: RangeLike;
  formulaCells: RangeAreasLike | null;
}

/** UTF-8 bytes of a read's answer as Excel sends it (its values, and formulas where loaded). */
function answerBytes(read: RangeRead): number {
  const values = JSON.stringify(read.range.values);
  return ANSWER_ENCODER.encode(values).length * (read.formulaCells ? 1 : 2);
}

const ANSWER_ENCODER = new TextEncoder();

/** A read range in the port's terms: formula text only for formula cells. */
function rangeData(request: ReadRequest, read: RangeRead): RangeData {
  const { range, bounds, formulaCells } = read;
  let formulas: CellOutput[][];
  if (!formulaCells) formulas = range.formulas;
  else {
    formulas = range.values.map((row) => row.map(() => ''));
    if (!formulaCells.isNullObject && bounds) {
      for (const area of formulaCells.areas.items) {
        area.formulas.forEach((row, r) =>
          row.forEach((formula, c) => {
            const line = formulas[area.rowIndex + 1 - bounds.top + r];
            if (line && area.columnIndex + 1 - bounds.left + c < line.length)
              line[area.columnIndex + 1 - bounds.left + c] = formula;
          }),
        );
      }
    }
  }
  const cells = range.values.map((row, r) => row.map((value, c) => readCell(value, formulas[r][c])));
  return {
    sheet: request.sheet,
    address: request.address,
    values: cells.map((row) => row.map((cell) => cell.value)),
    formulas: cells.map((row) => row.map((cell) => cell.formula)),
  };
}

/** The bounds of an A1 range address, or null if it is not one (Excel will say why at sync). */
function boundsOrNull(address: string): RangeBounds | null {
  try {
    return parseRange(address);
  } catch {
    return null;
  }
}

function defaultSleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** A name no user sheet has, for the new sheet while the old one of the same name still exists. */
function temporaryName(index: number): string {
  return `~shinchoku-${index}`;
}

/** Unique names in first-seen order, matched ignoring case. */
function uniqueNames(names: readonly string[]): string[] {
  const result: string[] = [];
  for (const name of names) if (findSheetIndex(result, name) < 0) result.push(name);
  return result;
}

export class OfficeWorkbook implements WorkbookPort, WorkbookUi {
  readonly stats: OfficeWorkbookStats = { runs: 0, syncs: 0, retries: 0, splits: 0 };
  /** Warnings of the last call (features skipped on this host). */
  warnings: string[] = [];
  private readonly options: Required<Omit<OfficeWorkbookOptions, 'onWarning'>> &
    Pick<OfficeWorkbookOptions, 'onWarning'>;

  constructor(options: OfficeWorkbookOptions) {
    this.options = { cellEditRetries: 4, retryDelayMs: 250, sleep: defaultSleep, ...options };
  }

  private supports(version: string): boolean {
    return this.options.requirements('ExcelApi', version);
  }

  private features(): HostFeatures {
    return { api17: this.supports('1.7'), api18: this.supports('1.8'), api19: this.supports('1.9') };
  }

  private warn(message: string): void {
    if (this.warnings.includes(message)) return;
    this.warnings.push(message);
    this.options.onWarning?.(message);
  }

  /**
   * One Excel.run, with `delayForCellEdit` where the host has it, else retried with backoff while
   * the user edits a cell. Every batch only loads before its last sync, so a retry is safe.
   */
  private async batch<T>(work: (context: ExcelContext) => Promise<T>): Promise<T> {
    const runOptions = this.supports('1.11') ? { delayForCellEdit: true } : {};
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.runOnce(runOptions, work);
      } catch (error) {
        if (errorCode(error) === 'InvalidOperationInCellEditMode' && attempt < this.options.cellEditRetries) {
          this.stats.retries++;
          await this.options.sleep(this.options.retryDelayMs * 2 ** attempt);
          continue;
        }
        throw error;
      }
    }
  }

  /** One run, handing the batch a context whose sync() is counted. */
  private runOnce<T>(
    runOptions: { delayForCellEdit?: boolean },
    work: (context: ExcelContext) => Promise<T>,
  ): Promise<T> {
    this.stats.runs++;
    return this.options.run(runOptions, (context) => {
      const counted: ExcelContext = {
        workbook: context.workbook,
        application: context.application,
        sync: () => {
          this.stats.syncs++;
          return context.sync();
        },
      };
      return work(counted);
    });
  }

  /**
   * Runs work over all items; if Excel refuses the batch as too large, runs each half separately
   * (Excel rejects such a request before doing any of it, so nothing is applied twice).
   */
  private async inChunks<I, R>(items: readonly I[], work: (chunk: readonly I[]) => Promise<R[]>): Promise<R[]> {
    try {
      return await work(items);
    } catch (error) {
      if (!PAYLOAD_CODES.includes(errorCode(error) ?? '') || items.length < 2) throw error;
      this.stats.splits++;
      const middle = Math.ceil(items.length / 2);
      const first = await this.inChunks(items.slice(0, middle), work);
      return [...first, ...(await this.inChunks(items.slice(middle), work))];
    }
  }

  /** Calls a port method body, turning host failures into WorkbookErrors. */
  private async guarded<T>(body: () => Promise<T>): Promise<T> {
    this.warnings = [];
    try {
      return await body();
    } catch (error) {
      throw workbookError(error);
    }
  }

  /** Queues a null-object lookup of each name; after the sync, throws for the first missing one. */
  private lookUp(context: ExcelContext, names: readonly string[]): Map<string, WorksheetLike> {
    const sheets = new Map<string, WorksheetLike>();
    for (const name of uniqueNames(names))
      sheets.set(name.toLowerCase(), context.workbook.worksheets.getItemOrNullObject(name));
    return sheets;
  }

  private found(sheets: Map<string, WorksheetLike>, name: string): WorksheetLike {
    const sheet = sheets.get(name.toLowerCase());
    if (!sheet || sheet.isNullObject) throw new WorkbookError(missingSheetMessage(name));
    return sheet;
  }

  /** 1 sync. */
  async listSheets(): Promise<SheetInfo[]> {
    return this.guarded(() =>
      this.batch(async (context) => {
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
   * One sync to find the sheets, one per answer chunk to read the ranges, and where ranges hold
   * formulas one more for their formula text. Excel on the web answers at most 5 MB, and the
   * size of an answer is the size of the text in the cells, which only reading tells: the first
   * chunk is sized for text-heavy cells (FIRST_CHUNK_CELLS), each next one by the bytes per cell
   * the answers so far really had (JSON as sent), with a margin, under ANSWER_BUDGET_BYTES. A
   * range's `formulas` repeat its `values` cell for cell: so a larger range (ExcelApi 1.9) loads
   * its values and which of its cells hold formulas (Range.getSpecialCellsOrNullObject), then the
   * formulas of those cells only. Small ranges and older hosts load both at once.
   */
  async readRanges(requests: readonly ReadRequest[]): Promise<RangeData[]> {
    if (requests.length === 0) return [];
    const special = this.supports('1.9');
    return this.guarded(() =>
      this.inChunks(requests, (chunk) =>
        this.batch(async (context) => {
          const sheets = this.lookUp(
            context,
            chunk.map((request) => request.sheet),
          );
          await context.sync();
          const reads: RangeRead[] = [];
          let bytesPerCell = FIRST_CHUNK_BYTES_PER_CELL;
          for (let start = 0; start < chunk.length;) {
            let cells = 0;
            const first = reads.length;
            do {
              const request = chunk[start++];
              const read = this.queueRead(this.found(sheets, request.sheet), request.address, special);
              cells += read.cells;
              reads.push(read);
            } while (
              start < chunk.length &&
              (cells + cellsOf(chunk[start].address)) * bytesPerCell <= ANSWER_BUDGET_BYTES
            );
            // One sync per answer chunk is the point: each chunk's answer must stay under 5 MB.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
            const answered = reads.slice(first);
            const bytes = answered.reduce((sum, read) => sum + answerBytes(read), 0);
            bytesPerCell = Math.max(MIN_BYTES_PER_CELL, (bytes / Math.max(1, cells)) * ANSWER_MARGIN);
          }
          const withFormulas = reads.filter((read) => read.formulaCells && !read.formulaCells.isNullObject);
          for (const read of withFormulas)
            read.formulaCells?.areas.load('items/formulas, items/rowIndex, items/columnIndex');
          if (withFormulas.length > 0) await context.sync();
          return chunk.map((request, i) => rangeData(request, reads[i]));
        }),
      ),
    );
  }

  /** Queues the read of one range (see readRanges). */
  private queueRead(sheet: WorksheetLike, address: string, special: boolean): RangeRead {
    const range = sheet.getRange(address);
    const bounds = boundsOrNull(address);
    const cells = cellsOf(address);
    if (!special || !bounds || cells <= SMALL_READ_CELLS)
      return { bounds, cells, range: range.load('values, formulas'), formulaCells: null };
    return { bounds, cells, range: range.load('values'), formulaCells: range.getSpecialCellsOrNullObject('Formulas') };
  }

  /**
   * 3 syncs: find the sheets, read their protection, then write. A protected sheet (ours are
   * protected without password) is unprotected for the write and protected again with its
   * options, since Excel refuses writes to locked cells of a protected sheet.
   */
  async writeCells(writes: readonly SheetWrite[]): Promise<void> {
    for (const write of writes) for (const cell of write.cells) checkCellWrite(write.sheet, cell);
    const nonEmpty = writes.filter((write) => write.cells.length > 0);
    if (nonEmpty.length === 0) return;
    return this.guarded(async () => {
      await this.inChunks(nonEmpty, (chunk) =>
        this.batch(async (context) => {
          const sheets = this.lookUp(
            context,
            chunk.map((write) => write.sheet),
          );
          await context.sync();
          const protections = new Map<WorksheetLike, WorksheetLike['protection']>();
          for (const write of chunk) {
            const sheet = this.found(sheets, write.sheet);
            if (!protections.has(sheet)) protections.set(sheet, sheet.protection.load('protected, options'));
          }
          await context.sync();
          this.suspend(context);
          for (const protection of protections.values()) if (protection.protected) protection.unprotect();
          for (const write of chunk) {
            const sheet = this.found(sheets, write.sheet);
            for (const block of inputBlocks(write.cells)) sheet.getRange(block.address).formulas = block.grid;
          }
          for (const protection of protections.values())
            if (protection.protected) protection.protect(protection.options);
          await context.sync();
          return [];
        }),
      );
    });
  }

  /** Suspends recalculation and screen updating until the next sync, where the host can. */
  private suspend(context: ExcelContext): void {
    if (this.supports('1.6')) context.application.suspendApiCalculationUntilNextSync();
    if (this.supports('1.9')) context.application.suspendScreenUpdatingUntilNextSync();
  }

  private checkSpecs(specs: readonly SheetSpec[]): void {
    const names: string[] = [];
    for (const spec of specs) {
      checkSheetName(spec.name);
      if (findSheetIndex(names, spec.name) >= 0) throw new WorkbookError(`シート名「${spec.name}」が重複しています。`);
      names.push(spec.name);
      for (const cell of spec.cells) checkCellWrite(spec.name, cell);
      hiddenColumnList(spec.name, spec.hiddenColumns);
      for (const validation of spec.validations ?? []) listFormula(spec.name, validation);
      for (const chart of spec.charts ?? []) checkChart(spec.name, chart);
    }
  }

  /**
   * 2 syncs per request: one to learn the sheets and the default font's digit width, one to add, render,
   * delete and order every sheet. A replaced sheet keeps its place: the new sheet is added under
   * a temporary name, the old one deleted, the new one renamed and moved (deleting first would
   * fail when the old sheet is the only visible one). Sheets go in as few requests as fit under
   * Excel's 5 MB cap (./payload): one for about 50 進捗状況シート, or all the tabs of 「集計」.
   */
  async putSheets(specs: readonly SheetSpec[], options: PlaceOptions = {}): Promise<void> {
    this.checkSpecs(specs);
    if (specs.length === 0) return;
    return this.guarded(async () => {
      // Requests in order: each later group goes before `before` too, after the earlier ones.
      for (const group of packBySize(specs, estimateSpecBytes)) {
        await this.inChunks(group, (chunk) => this.putChunk(chunk, options));
      }
    });
  }

  private putChunk(specs: readonly SheetSpec[], options: PlaceOptions): Promise<never[]> {
    const features = this.features();
    return this.batch(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      const active = features.api17 ? worksheets.getActiveWorksheet() : null;
      const probe = active?.getRange('XFD1').format;
      active?.load('standardWidth');
      probe?.load('columnWidth');
      await context.sync();
      const maxDigitWidth =
        active && probe ? maxDigitWidthOf(active.standardWidth, probe.columnWidth) : DEFAULT_MAX_DIGIT_WIDTH;
      const existing = worksheets.items;
      const order = existing.map((sheet) => sheet.name);
      const beforeIndex = options.before === undefined ? -1 : findSheetIndex(order, options.before);
      const placed: { spec: SheetSpec; sheet: WorksheetLike }[] = [];
      this.suspend(context);
      specs.forEach((spec, i) => {
        const oldIndex = findSheetIndex(order, spec.name);
        const sheet = worksheets.add(oldIndex >= 0 ? temporaryName(i) : spec.name);
        renderSheet(sheet, spec, { features, maxDigitWidth, warn: (message) => this.warn(message) });
        if (oldIndex >= 0) {
          existing[
            findSheetIndex(
              existing.map((item) => item.name),
              spec.name,
            )
          ].delete();
          sheet.name = spec.name;
          order[oldIndex] = spec.name;
        } else {
          const at = beforeIndex >= 0 ? findSheetIndex(order, options.before ?? '') : order.length;
          order.splice(at, 0, spec.name);
        }
        placed.push({ spec, sheet });
      });
      // Moving sheets in ascending target order puts each where it belongs.
      const targets = placed
        .map(({ spec, sheet }) => ({ sheet, position: findSheetIndex(order, spec.name) }))
        .sort((a, b) => a.position - b.position);
      for (const { sheet, position } of targets) sheet.position = position;
      await context.sync();
      return [];
    });
  }

  /** 2 syncs: find the sheets, delete those that exist. */
  async deleteSheets(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    return this.guarded(() =>
      this.batch(async (context) => {
        const sheets = this.lookUp(context, names);
        await context.sync();
        for (const sheet of sheets.values()) if (!sheet.isNullObject) sheet.delete();
        await context.sync();
      }),
    );
  }

  /** 2 syncs: find the sheets, apply the settings (skipped with a warning below ExcelApi 1.9). */
  async setPageSetups(setups: readonly { sheet: string; page: PageSetup }[]): Promise<void> {
    if (setups.length === 0) return;
    return this.guarded(() =>
      this.batch(async (context) => {
        const sheets = this.lookUp(
          context,
          setups.map((setup) => setup.sheet),
        );
        await context.sync();
        const targets = setups.map((setup) => ({ sheet: this.found(sheets, setup.sheet), page: setup.page }));
        if (!this.supports('1.9')) {
          this.warn(
            'この Excel では印刷設定を変更できないため、省略しました（Microsoft 365 または Office 2021 以降で設定できます）。',
          );
          return;
        }
        for (const { sheet, page } of targets) renderPage(sheet, page);
        await context.sync();
      }),
    );
  }

  /** 2 syncs: find the sheet, then activate it and select the cell. */
  async activate(sheet: string, address: string): Promise<void> {
    return this.guarded(() =>
      this.batch(async (context) => {
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
    return this.guarded(() =>
      this.batch(async (context) => {
        const active = context.workbook.worksheets.getActiveWorksheet();
        active.load('name');
        await context.sync();
        return active.name;
      }),
    );
  }

  /**
   * Calls `handler` after the user changes cells in any sheet (ExcelApi 1.9), not after our own
   * writes (Excel reports those too, as triggerSource "ThisLocalAddin"; reacting to them would loop).
   * @returns a function that stops listening
   */
  async onChanged(handler: (change: SheetChange) => void | Promise<void>): Promise<() => Promise<void>> {
    if (!this.supports('1.9')) {
      this.warn('この Excel では入力の変化を監視できないため、自動入力は「集計」ボタンで行ってください。');
      return async () => undefined;
    }
    const registration = await this.guarded(() =>
      this.batch(async (context) => {
        const result = context.workbook.worksheets.onChanged.add(async (event) => {
          if (event.triggerSource === 'ThisLocalAddin') return;
          const sheetName = await this.batch(async (context) => {
            const sheet = context.workbook.worksheets.getItem(event.worksheetId);
            sheet.load('name');
            await context.sync();
            return sheet.name;
          });
          await handler({ sheet: sheetName, address: event.address });
        });
        await context.sync();
        return result;
      }),
    );
    return async () => {
      registration.remove();
      await registration.context.sync();
    };
  }
}
