/**
 * Test helper: what a user does to a workbook in Excel that the port cannot (the port never renames
 * a sheet), applied to a MemoryWorkbook, and the whole state of one for before/after comparisons.
 */
import type { CellWrite, SheetSpec } from '../../src/core/sheetSpec';
import type { MemoryWorkbook } from '../../src/workbook/memory';

/** The sheets of a MemoryWorkbook as stored (private to it: users rename in Excel, not through the port). */
function storedSheets(book: MemoryWorkbook): { name: string }[] {
  return (book as unknown as { sheets: { name: string }[] }).sheets;
}

/**
 * Renames a sheet as a user does on its tab.
 * @param book - the workbook
 * @param from - the sheet's name
 * @param to - its new name
 */
export function renameSheet(book: MemoryWorkbook, from: string, to: string): void {
  const sheets = storedSheets(book);
  const sheet = sheets.find((entry) => entry.name === from);
  if (!sheet) throw new Error(`no sheet ${from}`);
  sheet.name = to;
  // The port finds sheets through an index by name, built when the tab order is set: set it again.
  (book as unknown as { reorder(sheets: { name: string }[]): void }).reorder([...sheets]);
}

/** A plain sheet a user made by hand, with these cells. */
export function handMadeSheet(name: string, cells: CellWrite[]): SheetSpec {
  return { name, columnWidths: [], cells, formats: [] };
}

/** One sheet's state, as plain data. */
export type SheetState = { name: string } & Record<string, unknown>;

/**
 * Everything a MemoryWorkbook holds, as plain data: tab order, and per sheet its visibility, cells,
 * formats, merges, validations, print settings, charts and view options.
 * @param book - the workbook
 * @param except - sheet names to leave out
 * @returns a value for toEqual
 */
export function bookState(book: MemoryWorkbook, except: readonly string[] = []): SheetState[] {
  return book
    .sheetNames()
    .filter((name) => !except.includes(name))
    .map((name) => {
      const sheet = book.sheet(name);
      const styles = [...sheet.cells.keys()].map((address) => [address, sheet.style(address)]);
      return {
        name: sheet.name,
        visibility: sheet.visibility,
        tabColor: sheet.tabColor,
        columnWidths: sheet.columnWidths,
        hiddenColumns: sheet.hiddenColumns,
        rowHeights: sheet.rowHeights,
        cells: [...sheet.cells.entries()],
        styles,
        merges: sheet.merges,
        validations: sheet.validations,
        page: sheet.page,
        freeze: sheet.freeze,
        charts: sheet.charts,
        protect: sheet.protect,
        showGridLines: sheet.showGridLines,
      };
    });
}
