/**
 * A1 addresses: conversions between "B3" / "A1:H40" and 1-based row and column numbers.
 */

/** A cell position, 1-based. */
export interface CellPosition {
  row: number;
  column: number;
}

/** A rectangular range, 1-based and inclusive. */
export interface RangeBounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The column letters of a column number (1 → "A", 27 → "AA").
 * @param column - 1-based column
 * @returns the letters
 */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`bad column ${column}`);
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * The column number of column letters ("A" → 1).
 * @param letters - column letters, any case
 * @returns 1-based column
 */
export function columnNumber(letters: string): number {
  let number = 0;
  for (const char of letters.toUpperCase()) {
    const code = char.charCodeAt(0) - 64;
    if (code < 1 || code > 26) throw new RangeError(`bad column ${letters}`);
    number = number * 26 + code;
  }
  return number;
}

/**
 * The A1 address of a cell.
 * @param row - 1-based row
 * @param column - 1-based column
 * @returns such as "B3"
 */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/**
 * Parses a cell address ("B3", "$B$3").
 * @param address - an A1 cell address
 * @returns its position
 */
export function parseCell(address: string): CellPosition {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new RangeError(`bad cell address ${address}`);
  return { row: Number(match[2]), column: columnNumber(match[1]) };
}

/**
 * Parses a range address ("A1:H40", or one cell "B3").
 * @param address - an A1 range address
 * @returns its bounds
 */
export function parseRange(address: string): RangeBounds {
  const [first, second = first] = address.split(':');
  const start = parseCell(first);
  const end = parseCell(second);
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

/**
 * The A1 address of a range.
 * @param bounds - the range
 * @returns such as "A1:H40" ("B3" for one cell)
 */
export function rangeAddress(bounds: RangeBounds): string {
  const start = cellAddress(bounds.top, bounds.left);
  const end = cellAddress(bounds.bottom, bounds.right);
  return start === end ? start : `${start}:${end}`;
}

/**
 * Splits `count` columns starting at `first` into `parts` contiguous spans, as even as possible;
 * the extra columns go to the last spans.
 * @param first - first column (1-based)
 * @param count - number of columns to split
 * @param parts - number of spans
 * @returns [left, right] column pairs
 */
export function splitColumns(first: number, count: number, parts: number): [number, number][] {
  const spans: [number, number][] = [];
  let left = first;
  for (let part = 0; part < parts; part++) {
    const width = Math.floor(count / parts) + (part >= parts - (count % parts) ? 1 : 0);
    spans.push([left, left + width - 1]);
    left += width;
  }
  return spans;
}

/**
 * The smallest range holding two ranges.
 * @param a - a range
 * @param b - another
 * @returns their bounding range
 */
export function boundsUnion(a: RangeBounds, b: RangeBounds): RangeBounds {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}
