/**
 * The cells of one sheet as read: one or more rectangular ranges, looked up by A1 address. Reading
 * an address no range covers is a programming error (the read plan did not load it), not a blank.
 */
import { parseCell, parseRange, type CellPosition, type RangeBounds } from '../address';
import type { CellValue } from '../sheetSpec';

/** One range of a sheet as read: values and formulas from `address` (default: from A1). */
export interface SheetCells {
  sheet: string;
  /** The range read ("A1:Q46"); when absent the values start at A1. */
  address?: string;
  values: CellValue[][];
  formulas: (string | null)[][];
}

/** Random access to the cells of one sheet's ranges. */
export class CellGrid {
  readonly sheet: string;
  private readonly ranges: { bounds: RangeBounds; cells: SheetCells }[];

  /**
   * @param cells - the ranges of one sheet (at least one)
   */
  constructor(cells: SheetCells | readonly SheetCells[]) {
    const list = Array.isArray(cells) ? cells : [cells as SheetCells];
    if (list.length === 0) throw new RangeError('no cells');
    this.sheet = list[0].sheet;
    this.ranges = list.map((range) => ({ bounds: boundsOf(range), cells: range }));
  }

  /** Whether an address was read. */
  has(address: string): boolean {
    const { row, column } = position(address);
    return this.ranges.some(({ bounds }) => contains(bounds, row, column));
  }

  /** The value of a cell (null when empty). */
  value(address: string): CellValue {
    const [range, row, column] = this.locate(address);
    return range.cells.values[row]?.[column] ?? null;
  }

  /** The formula of a cell with "=" (null when none). */
  formula(address: string): string | null {
    const [range, row, column] = this.locate(address);
    return range.cells.formulas[row]?.[column] ?? null;
  }

  /** The value as text, trimmed ('' when empty): for labels and short template values. */
  text(address: string): string {
    const value = this.value(address);
    return value === null ? '' : String(value).trim();
  }

  /** Every value read, for recognising a sheet by its title anywhere. */
  *values(): Generator<CellValue> {
    for (const { cells } of this.ranges) for (const row of cells.values) yield* row;
  }

  private locate(address: string): [{ bounds: RangeBounds; cells: SheetCells }, number, number] {
    const { row, column } = position(address);
    const range = this.ranges.find(({ bounds }) => contains(bounds, row, column));
    if (!range) throw new RangeError(`cell ${address} of ${this.sheet} was not read`);
    return [range, row - range.bounds.top, column - range.bounds.left];
  }
}

/** Parsed addresses: every sheet is read at the same few hundred addresses. */
const positions = new Map<string, CellPosition>();

function position(address: string): CellPosition {
  let found = positions.get(address);
  if (!found) {
    found = parseCell(address);
    if (positions.size < 100_000) positions.set(address, found);
  }
  return found;
}

function boundsOf(range: SheetCells): RangeBounds {
  if (range.address) return parseRange(range.address);
  const rows = range.values.length;
  const columns = Math.max(0, ...range.values.map((row) => row.length));
  return { top: 1, left: 1, bottom: Math.max(rows, 1), right: Math.max(columns, 1) };
}

function contains(bounds: RangeBounds, row: number, column: number): boolean {
  return row >= bounds.top && row <= bounds.bottom && column >= bounds.left && column <= bounds.right;
}
