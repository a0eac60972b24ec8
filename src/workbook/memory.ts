/**
 * An in-memory workbook: the port for unit tests of the use cases and for demo mode.
 *
 * It keeps what the sheet specs say (cells, merges, formats, validations, print settings, charts,
 * view options) and lets tests inspect it through read-only snapshots. It does not evaluate
 * formulas: a formula cell reads back the value it was written with (or null).
 *
 * What a workbook can hold is checked by core's validateSheetSpecs, shared by every port. Sheets are
 * found through an index by name (./sheetIndex) and merges through an index by row, so every call
 * costs steps in proportion to what it reads or writes, not to the size of the workbook; the steps
 * are counted (`operations`) so that a test can hold them linear.
 */

import { parseRange } from '../core/address';
import type { PageSetup, SheetSpec } from '../core/sheetSpec';
import {
  checkCellWrite,
  checkChart,
  checkSheetName,
  hiddenColumnList,
  listFormula,
  sheetNameKey,
  validateCellWrites,
  validatePageSetups,
  validateSheetSpecs,
} from '../core/validateSheetSpecs';
import { cellKey, MemorySheet, missingSheetMessage } from './memorySheet';
import type { SheetSnapshot, WorkbookOperations } from './memorySheet';
import { WorkbookError } from './port';
import { checkGuard } from './guard';
import type { GuardOptions, PlaceOptions, RangeData, ReadRequest, SheetInfo, SheetWrite, WorkbookPort } from './port';
import { rangeData } from './rangeData';
import { SheetIndex } from './sheetIndex';

// What the other ports and the tests import from here.
export { checkCellWrite, checkChart, checkSheetName, hiddenColumnList, listFormula };
export { resolveCellFormats } from './cellFormats';
export type { CellBorders, ResolvedCellStyle } from './cellFormats';
export { mergedCellMessage, missingSheetMessage } from './memorySheet';
export type { MemoryCell, SheetSnapshot, WorkbookOperations } from './memorySheet';

/**
 * Finds a sheet by name the way Excel does: ignoring case. For one lookup; a port making many
 * builds a SheetIndex once instead.
 * @param names - sheet names in tab order
 * @param name - the name looked for
 * @returns its index, or -1
 */
export function findSheetIndex(names: readonly string[], name: string): number {
  const wanted = sheetNameKey(name);
  return names.findIndex((candidate) => sheetNameKey(candidate) === wanted);
}

/** An in-memory WorkbookPort. Sheets keep their tab order; names match ignoring case, as in Excel. */
export class MemoryWorkbook implements WorkbookPort {
  private sheets: MemorySheet[] = [];
  private index = new SheetIndex<MemorySheet>([], (sheet) => sheet.name);
  /** Steps taken so far (see WorkbookOperations). */
  readonly operations: WorkbookOperations = { sheetSteps: 0, mergeSteps: 0, cellSteps: 0 };

  /**
   * A workbook holding these sheets, in this order.
   * @param specs - the sheets
   * @returns the workbook
   */
  static fromSpecs(specs: readonly SheetSpec[]): MemoryWorkbook {
    const workbook = new MemoryWorkbook();
    validateSheetSpecs(specs);
    workbook.put(specs, {});
    return workbook;
  }

  /**
   * A read-only snapshot of a sheet, for assertions.
   * @param name - the sheet name (any case)
   * @returns the snapshot; throws WorkbookError when the sheet does not exist
   */
  sheet(name: string): SheetSnapshot {
    return this.require(name).snapshot();
  }

  /** The sheet names in tab order (synchronous, for tests). */
  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.operations.sheetSteps += this.sheets.length;
    return this.sheets.map((sheet) => ({ name: sheet.name, visibility: sheet.visibility }));
  }

  async readRanges(requests: readonly ReadRequest[]): Promise<RangeData[]> {
    return requests.map((request) => {
      const sheet = this.require(request.sheet);
      const bounds = parseRange(request.address);
      this.operations.cellSteps += (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1);
      return rangeData(request, bounds, (row, column) => sheet.cells.get(cellKey(row, column)));
    });
  }

  async writeCells(writes: readonly SheetWrite[]): Promise<void> {
    validateCellWrites(writes);
    // Look every sheet up first so that a missing sheet fails the batch before anything is written.
    const targets = writes.map((write) => this.require(write.sheet));
    writes.forEach((write, index) => {
      this.operations.cellSteps += write.cells.length;
      for (const cell of write.cells) targets[index].write(cell);
    });
  }

  async putSheets(specs: readonly SheetSpec[], options: PlaceOptions = {}): Promise<void> {
    validateSheetSpecs(specs);
    await checkGuard(this, specs, options.guard);
    this.put(specs, options);
  }

  async deleteSheets(names: readonly string[], options: GuardOptions = {}): Promise<void> {
    await checkGuard(this, names, options.guard);
    const doomed = new Set(names.map((name) => this.index.get(name)).filter((sheet) => sheet !== undefined));
    if (doomed.size > 0) this.reorder(this.sheets.filter((sheet) => !doomed.has(sheet)));
  }

  async setPageSetups(setups: readonly { sheet: string; page: PageSetup }[]): Promise<void> {
    validatePageSetups(setups);
    const targets = setups.map((setup) => this.require(setup.sheet));
    setups.forEach((setup, index) => {
      targets[index].page = structuredClone(setup.page);
    });
  }

  /** Places sheets already validated (putSheets, fromSpecs). */
  private put(specs: readonly SheetSpec[], options: PlaceOptions): void {
    // Build every sheet before placing any, so that a bad spec leaves the workbook unchanged.
    const built = specs.map((spec) => MemorySheet.fromSpec(spec, this.operations));
    const order = [...this.sheets];
    const added: MemorySheet[] = [];
    for (const sheet of built) {
      // A replaced sheet keeps its place in the tab order; new ones go together before `before`.
      const existing = this.index.position(sheet.name);
      this.operations.sheetSteps += 1;
      if (existing >= 0) order[existing] = sheet;
      else added.push(sheet);
    }
    const before = options.before === undefined ? -1 : this.index.position(options.before);
    const at = before >= 0 ? before : order.length;
    this.reorder([...order.slice(0, at), ...added, ...order.slice(at)]);
  }

  /** Sets the tab order and builds the name index once. */
  private reorder(sheets: MemorySheet[]): void {
    this.sheets = sheets;
    this.index = new SheetIndex(sheets, (sheet) => sheet.name);
    this.operations.sheetSteps += sheets.length;
  }

  private require(name: string): MemorySheet {
    this.operations.sheetSteps += 1;
    const sheet = this.index.get(name);
    if (!sheet) throw new WorkbookError(missingSheetMessage(name));
    return sheet;
  }
}
