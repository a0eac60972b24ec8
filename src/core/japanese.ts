/**
 * Japanese text helpers: full-width output in the form's style and NFKC-normalised input.
 */
import type { YearCode } from './plan';

/**
 * Normalises typed input: NFKC (full-width digits and letters become half-width), trimmed.
 * @param text - what was typed
 * @returns the normalised text
 */
export function normalizeInput(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u3000/g, ' ')
    .trim();
}

/**
 * Writes digits and ASCII letters in full width, as the printed form does (２, Ｂ).
 * @param text - half-width text
 * @returns the same text in full width
 */
export function toFullWidth(text: string | number): string {
  return String(text).replace(/[0-9A-Za-z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

/**
 * The era year number of a year code ("R3" → 3).
 * @param year - a year code
 * @returns its number
 */
export function yearNumber(year: YearCode): number {
  const match = /^R(\d+)$/.exec(year);
  if (!match) throw new RangeError(`bad year code ${year}`);
  return Number(match[1]);
}

/**
 * The short column label of a year as printed on the form ("R3" → "Ｒ３").
 * @param year - a year code
 * @returns the label
 */
export function yearLabel(year: YearCode): string {
  return toFullWidth(year);
}

/**
 * The 確認時期 text of a year ("R3" → "令和３年度末").
 * @param year - a year code
 * @returns the label
 */
export function checkPeriodLabel(year: YearCode): string {
  return `令和${toFullWidth(yearNumber(year))}年度末`;
}

/**
 * Reads the year of a 確認時期 text ("令和３年度末", "R3", "令和3年度") back to its code.
 * @param text - the typed or written 確認時期
 * @returns the year code, or null when the text names no year
 */
export function parseCheckPeriod(text: string): YearCode | null {
  const normalized = normalizeInput(text);
  const match = /^(?:令和|R)\s*(\d{1,2}|元)\s*(?:年度?)?(?:末)?$/i.exec(normalized);
  if (!match) return null;
  return `R${match[1] === '元' ? 1 : Number(match[1])}`;
}

/**
 * The fiscal year (年度) in which a calendar month of an era year falls: 令和3年3月 is in R2.
 * @param eraYear - 令和 year number
 * @param month - 1–12
 * @returns the fiscal year code
 */
export function fiscalYearOf(eraYear: number, month: number): YearCode {
  return `R${month <= 3 ? eraYear - 1 : eraYear}`;
}
