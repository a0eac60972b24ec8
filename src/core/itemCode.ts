/**
 * Codes of 実践項目 (小№) and 取組項目 (大№) as municipalities write them: text such as `12`,
 * `8101` or `1-①-1`, compared as typed (after folding full-width ASCII and dashes) and sorted
 * naturally (2 before 10 before 10-1 before 12).
 */
import { toHalfWidth } from './japanese';

/** A 小№ or 大№ as text ("12", "8101", "1-①-1"). */
export type ItemCode = string;

/** Dash-like characters people type in codes, read as "-". */
const DASHES = /[‐‑‒–—―−－ー]/g;

/**
 * Reads a code from a plan or a cell: a whole number, or text with full-width ASCII and dashes
 * folded, spaces and a leading № / No. removed.
 * @param value - a number or text
 * @returns the code, or null when empty or not a code (a fraction, a negative number, a boolean)
 */
export function parseItemCode(value: unknown): ItemCode | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? String(value) : null;
  if (typeof value !== 'string') return null;
  const code = toHalfWidth(value)
    .replace(DASHES, '-')
    .replace(/\s+/g, '')
    .replace(/^(?:№|No\.?)/i, '');
  return code === '' ? null : code;
}

/**
 * Natural order of codes: runs of digits compare as numbers, other runs by character, and a code
 * that is the beginning of another comes first (2, 10, 10-1, 12, 8101; 1-①-1 before 1-②-1).
 * @param a - a code
 * @param b - another code
 * @returns negative, zero or positive
 */
export function compareItemCodes(a: ItemCode, b: ItemCode): number {
  const left = tokens(a);
  const right = tokens(b);
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const order = compareTokens(left[index], right[index]);
    if (order !== 0) return order;
  }
  return left.length - right.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The value a code is written with in a cell: a number for plain whole numbers (so Excel shows no
 * "number stored as text" mark and sorts them), text otherwise (`012`, `1-①-1`).
 * @param code - the code
 * @returns a number or the text
 */
export function codeCellValue(code: ItemCode): string | number {
  return /^(0|[1-9]\d{0,14})$/.test(code) ? Number(code) : code;
}

function tokens(code: ItemCode): string[] {
  return code.match(/\d+|\D+/g) ?? [];
}

function compareTokens(a: string, b: string): number {
  const numeric = /^\d/.test(a) && /^\d/.test(b);
  if (!numeric) return a < b ? -1 : a > b ? 1 : 0;
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}
