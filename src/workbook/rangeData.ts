/**
 * What a port's readRanges answers for one request: the values and formulas of a range, cell by
 * cell, from whatever the port keeps its cells in.
 */
import type { RangeBounds } from '../core/address';
import type { CellValue } from '../core/sheetSpec';
import type { RangeData, ReadRequest } from './port';

/** A cell as a port holds it: its value and its formula with "=". */
export interface StoredCell {
  value: CellValue;
  formula: string | null;
}

/**
 * The grid of a range.
 * @param request - the request (its sheet and address are echoed)
 * @param bounds - the range, parsed
 * @param cellAt - the cell at a row and column, or undefined when empty
 * @returns the values (null when empty) and formulas (null when none), row by row
 */
export function rangeData(
  request: ReadRequest,
  bounds: RangeBounds,
  cellAt: (row: number, column: number) => StoredCell | undefined,
): RangeData {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let row = bounds.top; row <= bounds.bottom; row++) {
    const valueRow: CellValue[] = [];
    const formulaRow: (string | null)[] = [];
    for (let column = bounds.left; column <= bounds.right; column++) {
      const cell = cellAt(row, column);
      valueRow.push(cell?.value ?? null);
      formulaRow.push(cell?.formula ?? null);
    }
    values.push(valueRow);
    formulas.push(formulaRow);
  }
  return { sheet: request.sheet, address: request.address, values, formulas };
}

/**
 * Whether one range holds another.
 * @param outer - the larger range
 * @param inner - the range that may be inside it
 * @returns true when every cell of inner is in outer
 */
export function rangeContains(outer: RangeBounds, inner: RangeBounds): boolean {
  return (
    outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right
  );
}

/**
 * The part of an earlier answer that a range inside it asks for.
 * @param data - the earlier answer
 * @param outer - the range it answered
 * @param request - the new request (its sheet and address are echoed)
 * @param bounds - the new range, inside outer
 * @returns the new answer (fresh arrays)
 */
export function cutRange(data: RangeData, outer: RangeBounds, request: ReadRequest, bounds: RangeBounds): RangeData {
  const rows = <T>(grid: readonly (readonly T[])[]): T[][] =>
    grid
      .slice(bounds.top - outer.top, bounds.bottom - outer.top + 1)
      .map((row) => row.slice(bounds.left - outer.left, bounds.right - outer.left + 1));
  return { sheet: request.sheet, address: request.address, values: rows(data.values), formulas: rows(data.formulas) };
}
