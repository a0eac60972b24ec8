/**
 * Test helper: the values and formulas a SheetSpec's cells put into a range, as a reader sees them
 * (formula cells read as their computed value), without any workbook implementation.
 */
import { parseCell, parseRange } from '../../src/core/address';
import type { CellValue, SheetSpec } from '../../src/core/sheetSpec';
import type { SheetCells } from '../../src/core/sheet/readProgressSheet';

export function specCells(spec: SheetSpec, range: string): SheetCells {
  const bounds = parseRange(range);
  const rows = bounds.bottom - bounds.top + 1;
  const columns = bounds.right - bounds.left + 1;
  const values: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(columns).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: rows }, () => Array<string | null>(columns).fill(null));
  for (const cell of spec.cells) {
    const { row, column } = parseCell(cell.address);
    if (row < bounds.top || row > bounds.bottom || column < bounds.left || column > bounds.right) continue;
    const value = cell.value === undefined || cell.value === '' ? null : cell.value;
    values[row - bounds.top][column - bounds.left] = value;
    formulas[row - bounds.top][column - bounds.left] = cell.formula === undefined ? null : `=${cell.formula}`;
  }
  return { sheet: spec.name, values, formulas };
}

/** Sets one cell of read cells (A1-based grid). */
export function setCell(cells: SheetCells, address: string, value: CellValue, formula: string | null = null): void {
  const { row, column } = parseCell(address);
  cells.values[row - 1][column - 1] = value;
  cells.formulas[row - 1][column - 1] = formula;
}
