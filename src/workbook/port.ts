/**
 * The workbook port: the only way the use cases touch a workbook.
 *
 * Every method is a batch over many sheets, so that an implementation over Office.js can queue all
 * the work for one user action and call `context.sync()` a fixed number of times, whatever the
 * number of sheets. Addresses are A1 style without sheet names ("B3", "A1:H40").
 *
 * Implementations: `MemoryWorkbook` (./memory), the ExcelJS port (../xlsx), the Office.js port (../excel).
 */

import type { CellValue, CellWrite, PageSetup, SheetSpec, SheetVisibility } from '../core/sheetSpec';

export type * from '../core/sheetSpec';
export { WorkbookError } from '../core/sheetSpec';

/** A sheet as listed. */
export interface SheetInfo {
  name: string;
  visibility: SheetVisibility;
}

/** A range to read. */
export interface ReadRequest {
  sheet: string;
  address: string;
}

/** What was read: values (null for empty) and, per cell, the formula text with "=" or null. */
export interface RangeData {
  sheet: string;
  address: string;
  values: CellValue[][];
  formulas: (string | null)[][];
}

/** Cells to write into an existing sheet. */
export interface SheetWrite {
  sheet: string;
  cells: CellWrite[];
}

/**
 * A check that putSheets and deleteSheets make on every existing sheet they would replace or
 * delete, before changing anything: the cells at `address` of each such sheet are read and given
 * to `check`, which throws (a UserError) to refuse the whole call. The port reads them in the same
 * host request as it finds the sheets, so the check costs no round trip of its own and nothing
 * can change between the check and the write but that request.
 */
export interface ReplaceGuard {
  /** The cells read from each sheet about to be replaced or deleted (A1 style). */
  address: string;
  /** Throws to refuse; `values` are the cells at `address` (null for empty). */
  check(sheet: string, values: CellValue[][]): void;
}

/** What a call that replaces or deletes sheets checks first. */
export interface GuardOptions {
  guard?: ReplaceGuard;
}

/** Where a sheet goes when added, and what must hold of a sheet it replaces. */
export interface PlaceOptions extends GuardOptions {
  /** Put new sheets before this existing sheet (otherwise at the end). */
  before?: string;
}

/**
 * The workbook port. Methods are batches; implementations must not make their number of host
 * round trips depend on the number of sheets or cells given.
 */
export interface WorkbookPort {
  /** The sheets in tab order. */
  listSheets(): Promise<SheetInfo[]>;
  /** Reads ranges of many sheets at once. Fails with WorkbookError for a missing sheet. */
  readRanges(requests: readonly ReadRequest[]): Promise<RangeData[]>;
  /** Writes values/formulas into existing sheets; other cells and all formats stay as they are. */
  writeCells(writes: readonly SheetWrite[]): Promise<void>;
  /**
   * Creates sheets, replacing any sheet of the same name (its old content is discarded); with a
   * guard, every sheet to be replaced is checked first and a refusal leaves the workbook unchanged.
   */
  putSheets(specs: readonly SheetSpec[], options?: PlaceOptions): Promise<void>;
  /** Deletes sheets that exist; names that do not exist are ignored. The guard as for putSheets. */
  deleteSheets(names: readonly string[], options?: GuardOptions): Promise<void>;
  /** Applies print settings to existing sheets. */
  setPageSetups(setups: readonly { sheet: string; page: PageSetup }[]): Promise<void>;
}
