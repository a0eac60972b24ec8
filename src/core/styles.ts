/**
 * Shared formats of every sheet we write: fonts, fills and borders, so the form and the summary
 * tabs look like one printed report.
 */
import type { CellStyle } from './sheetSpec';

/**
 * The font of every sheet: ＭＳ ゴシック ships with Japanese Windows and with Office for Mac, and its
 * glyphs are strictly full-width or half-width, as are those of IPAGothic, its free metric-compatible
 * stand-in for LibreOffice (assets/fonts/fonts.conf): text breaks into the same lines in both, and
 * the text measure (text/) measures it exactly (docs/decisions.md, "Fonts").
 */
export const FONT_NAME = 'ＭＳ ゴシック';

/** Fill of cells the department types into. */
export const INPUT_FILL = '#FFF9DB';
/** Fill of cells the product computes (合計, 総合評価). */
export const COMPUTED_FILL = '#E2EFDA';
/** Fill of label cells. */
export const LABEL_FILL = '#DDEBF7';
/** Fill of headings of summary tables. */
export const HEADER_FILL = '#BDD7EE';

/** Base text. */
export const BASE: CellStyle = { fontName: FONT_NAME, fontSize: 10, vertical: 'middle' };
/** A title line (【…進捗状況シート①】). */
export const TITLE: CellStyle = { ...BASE, fontSize: 14, bold: true, horizontal: 'left' };
/** A label cell of the form. */
export const LABEL: CellStyle = {
  ...BASE,
  fill: LABEL_FILL,
  horizontal: 'center',
  wrap: true,
  border: 'thin',
  locked: true,
};
/** A typed text cell. */
export const INPUT_TEXT: CellStyle = {
  ...BASE,
  fill: INPUT_FILL,
  horizontal: 'left',
  vertical: 'top',
  wrap: true,
  border: 'thin',
  locked: false,
};
/** A typed score or short choice. */
export const INPUT_CENTER: CellStyle = {
  ...BASE,
  fill: INPUT_FILL,
  horizontal: 'center',
  fontSize: 11,
  border: 'thin',
  locked: false,
};
/** A computed cell. */
export const COMPUTED: CellStyle = {
  ...BASE,
  fill: COMPUTED_FILL,
  horizontal: 'center',
  bold: true,
  fontSize: 11,
  border: 'thin',
  locked: true,
};
/** Template text printed as is (names from the plan). */
export const FIXED_TEXT: CellStyle = { ...BASE, horizontal: 'left', wrap: true, border: 'thin', locked: true };
/** Heading of a summary table. */
export const TABLE_HEADER: CellStyle = {
  ...BASE,
  fill: HEADER_FILL,
  bold: true,
  horizontal: 'center',
  wrap: true,
  border: 'thin',
};
/** A text cell of a summary table. */
export const TABLE_TEXT: CellStyle = { ...BASE, horizontal: 'left', wrap: true, border: 'thin' };
/** A centred cell of a summary table. */
export const TABLE_CENTER: CellStyle = { ...BASE, horizontal: 'center', border: 'thin' };
/** A one-decimal figure of a summary table. */
export const TABLE_DECIMAL: CellStyle = { ...BASE, horizontal: 'center', border: 'thin', numberFormat: '0.0' };
