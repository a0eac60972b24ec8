/**
 * Test helper: arbitrary cell values a department can type, as fast-check arbitraries: numbers
 * (any finite double; Excel has no -0), booleans, and text with the characters that have broken
 * spreadsheets before — control characters, emoji, ideographic variation sequences, a leading
 * = + - @ ', leading and trailing spaces, text that looks like an OOXML escape (_x0041_), and
 * text of Excel's maximum 32,767 characters.
 */
import fc from 'fast-check';
import type { CellValue } from '../../src/core/sheetSpec';

/** Excel's longest text in a cell. */
export const MAX_TEXT = 32767;

const SPECIAL = [
  '=',
  '+',
  '-',
  '@',
  "'",
  ' ',
  '\u3000',
  '\t',
  '\n',
  '\r\n',
  '_x0041_',
  '_x005F_',
  '😀',
  '葛\u{E0100}',
  '\u0007',
  '\u000b',
  '\u007f',
  '\u0000',
  '\u200b',
  '\ufeff',
];

/** One character of any kind (whole code points: Excel cannot hold a lone surrogate). */
const character = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }) },
);

/** Text of up to 40 characters built from those. */
export const text = fc.array(character, { maxLength: 40 }).map((parts) => parts.join('').slice(0, MAX_TEXT));

/** Text of exactly the maximum length (each is 32 KB: a property draws one or none per case). */
export const longest = fc.tuple(character, text).map(([first, rest]) => {
  const cut = (first + rest).repeat(MAX_TEXT).slice(0, MAX_TEXT);
  // Never half an emoji at the end: Excel keeps whole characters only.
  return /[\ud800-\udbff]$/.test(cut) ? `${cut.slice(0, -1)}a` : cut;
});

/** Any finite number as Excel keeps it (no -0). */
export const number = fc
  .oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1e9, max: 1e9 }))
  .map((value) => (Object.is(value, -0) ? 0 : value));

/** A value a cell can hold (non-empty text: an empty string clears a cell). */
export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: text.filter((value) => value !== '') },
  { weight: 3, arbitrary: number },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A date as Excel keeps it: the day's serial number, in a cell with a date format. */
export const dateSerial = fc.integer({ min: 1, max: 2958465 });
