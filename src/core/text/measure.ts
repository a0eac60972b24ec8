/**
 * Widths: of characters and strings in a sheet's font, and of columns and merged cells as Excel
 * lays them out. All in points (1/72 inch), the unit of row heights and of the printed page.
 *
 * Excel draws on screen at 96 pixels per inch and rounds each glyph's advance to whole pixels
 * (GDI, half pixels up); LibreOffice uses the font's exact advances. Where the two differ, the wider counts, so a
 * text measured here never needs more room in either program than the measure says.
 */
import { fontMetrics } from './fontMetrics';

/** What a text is drawn with. */
export interface TextStyle {
  /** Font name as the sheet names it (default: ＭＳ ゴシック, see styles.ts). */
  fontName?: string;
  /** Size in points (default 10). */
  fontSize?: number;
  bold?: boolean;
}

/** The font of every cell that names none. */
export const DEFAULT_TEXT_FONT = 'ＭＳ ゴシック'; // = FONT_NAME of styles.ts
/** The size of every cell that names none. */
export const DEFAULT_TEXT_SIZE = 10;
/** Pixels per point on screen at 100 % zoom (96 dpi), where Excel lays text out. */
const PIXELS_PER_POINT = 96 / 72;
/**
 * Max digit width (pixels) of the workbook's default font, Calibri 11, which column widths count in.
 * Excel rounds it to whole pixels (7); LibreOffice uses the exact 7.4 (measured: 5.55 pt per unit).
 */
export const MAX_DIGIT_WIDTH_PIXELS = 7;
/** Points LibreOffice gives one unit of column width (measured on its PDF, Carlito 11). */
export const LIBREOFFICE_POINTS_PER_WIDTH_UNIT = 5.55;
/**
 * Room a cell keeps between its borders and its text, left and right together (points): Excel's
 * two pixels on each side and the grid line, so 5 px.
 */
export const CELL_HORIZONTAL_PADDING = 5 / PIXELS_PER_POINT;

/**
 * The width of one character in points: the font's advance at the size, or Excel's advance
 * rounded to whole screen pixels when that is wider; synthetic bold adds a pixel (Excel).
 * @param codePoint - the character's code point
 * @param style - font, size and weight
 * @returns the width in points
 */
export function charWidth(codePoint: number, style: TextStyle = {}): number {
  const size = style.fontSize ?? DEFAULT_TEXT_SIZE;
  const em = fontMetrics(style.fontName ?? DEFAULT_TEXT_FONT).advance(codePoint);
  if (isZeroWidth(codePoint)) return 0;
  const pixelsPerEm = Math.round(size * PIXELS_PER_POINT);
  const screen = Math.round(em * pixelsPerEm) / PIXELS_PER_POINT; // GDI's whole-pixel advance, halves up
  return Math.max(em * size, screen) + (style.bold ? 1 / PIXELS_PER_POINT : 0);
}

/**
 * The width of a one-line text in points (line breaks are not expected; see `wrapText`).
 * @param text - the text
 * @param style - font, size and weight
 * @returns the width in points
 */
export function textWidth(text: string, style: TextStyle = {}): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) as number, style);
  return width;
}

/**
 * The width of a column in pixels as Excel shows it: `width` is the .xlsx `<col width>` (what
 * SheetSpec.columnWidths hold), which already includes Excel's 5-pixel padding.
 * @param width - the column width in character units
 * @returns the column's width in whole pixels
 */
export function columnPixels(width: number): number {
  if (width <= 0) return 0;
  const mdw = MAX_DIGIT_WIDTH_PIXELS;
  return Math.trunc(((256 * width + Math.trunc(128 / mdw)) / 256) * mdw);
}

/**
 * The width of a column in points as Excel prints it (narrower than LibreOffice's by ~6 %).
 * @param width - the column width in character units
 * @returns points
 */
export function columnPoints(width: number): number {
  return columnPixels(width) / PIXELS_PER_POINT;
}

/**
 * The room for text in a cell spanning some columns (a merged range or a single column), in points:
 * the columns' widths together less the cell's padding.
 * @param widths - the widths (character units) of the columns the cell spans
 * @returns points available to one line of text
 */
export function cellTextWidth(widths: readonly number[]): number {
  const total = widths.reduce((sum, width) => sum + columnPoints(width), 0);
  return Math.max(0, total - CELL_HORIZONTAL_PADDING);
}

/**
 * The narrowest column width (character units, in hundredths) that leaves `points` of room for
 * text (the inverse of `cellTextWidth` for one column).
 * @param points - the text's width in points
 * @returns the column width in character units
 */
export function columnWidthFor(points: number): number {
  const pixels = Math.ceil((points + CELL_HORIZONTAL_PADDING) * PIXELS_PER_POINT - 1e-9);
  let width = Math.max(0, Math.floor((pixels / MAX_DIGIT_WIDTH_PIXELS) * 100) / 100);
  while (columnPixels(width) < pixels) width = Math.round(width * 100 + 1) / 100;
  return width;
}

/** Combining marks and zero-width characters take no room of their own. */
function isZeroWidth(codePoint: number): boolean {
  return (
    (codePoint >= 0x300 && codePoint <= 0x36f) ||
    codePoint === 0x200b ||
    codePoint === 0x200c ||
    codePoint === 0x200d ||
    codePoint === 0xfeff ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    codePoint === 0x3099 ||
    codePoint === 0x309a
  );
}
