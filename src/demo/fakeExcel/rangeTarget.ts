/**
 * What a fake range proxy resolves to, and the checks Excel makes before changing its cells
 * (protected sheets, array sizes).
 */
import type { RangeBounds } from '../../core/address';
import { FakeOfficeError } from './errors';
import type { FakeCellFormat, FakeSheet } from './model';
import { ensureCell, forEachCell, getCell } from './model';

/** What a range proxy resolves to. */
export interface RangeTarget {
  sheet: FakeSheet;
  bounds: RangeBounds;
}

export function denied(what: string): FakeOfficeError {
  return new FakeOfficeError(
    'AccessDenied',
    `The cell or chart you're trying to change is on a protected sheet (${what}).`,
  );
}

/** Fails like Excel when a protected sheet forbids the change. */
export function guard(target: RangeTarget, change: 'values' | 'format' | 'columns' | 'rows' | 'structure'): void {
  const { protected: isProtected, options } = target.sheet.protection;
  if (!isProtected) return;
  if (change === 'values') {
    forEachCell(target.bounds, (row, column) => {
      if (getCell(target.sheet, row, column)?.format.locked !== false) throw denied('locked cell');
    });
    return;
  }
  const allowed =
    change === 'format'
      ? options.allowFormatCells
      : change === 'columns'
        ? options.allowFormatColumns
        : change === 'rows'
          ? options.allowFormatRows
          : false;
  if (!allowed) throw denied(change);
}

export function formatEach(target: RangeTarget, change: (format: FakeCellFormat) => void): void {
  guard(target, 'format');
  forEachCell(target.bounds, (row, column) => change(ensureCell(target.sheet, row, column).format));
}

/** One value if all cells of the range agree, else null (as Office.js reports mixed formats). */
export function uniform<V>(target: RangeTarget, pick: (format: FakeCellFormat) => V): V | null {
  let first: { value: V } | undefined;
  let mixed = false;
  forEachCell(target.bounds, (row, column) => {
    const value = pick(getCell(target.sheet, row, column)?.format ?? {});
    if (!first) first = { value };
    else if (first.value !== value) mixed = true;
  });
  return mixed || !first ? null : first.value;
}

export function checkGrid(target: RangeTarget, grid: unknown[][], what: string): void {
  const rows = target.bounds.bottom - target.bounds.top + 1;
  const columns = target.bounds.right - target.bounds.left + 1;
  if (
    !Array.isArray(grid) ||
    grid.length !== rows ||
    grid.some((line) => !Array.isArray(line) || line.length !== columns)
  ) {
    throw new FakeOfficeError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
    );
  }
}
