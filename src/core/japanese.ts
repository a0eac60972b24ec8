/**
 * Japanese text helpers: the one full-width converter (the form's style: ２, Ｂ) and its inverse, and
 * the normalisation of typed input. Every other module converts widths through these.
 */

/** Offset between an ASCII character and its full-width form (U+FF01…U+FF5E). */
const FULL_WIDTH_OFFSET = 0xfee0;

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
 * @param text - half-width text (or a number)
 * @returns the same text with digits and letters in full width; other characters unchanged
 */
export function toFullWidth(text: string | number): string {
  return String(text).replace(/[0-9A-Za-z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + FULL_WIDTH_OFFSET));
}

/**
 * Writes full-width ASCII (Ｂ, ２, －, ／) and the ideographic space in half width, leaving every
 * other character as it is (unlike NFKC, which also turns ① into 1 and ｶ into カ).
 * @param text - typed text
 * @returns the text with full-width ASCII folded to ASCII
 */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\u3000/g, ' ');
}

// Year labels live in fiscalYear.ts; re-exported for the modules that print them with the texts above.
export { checkPeriodLabel, yearLabel } from './fiscalYear';
