/**
 * Heights: of a line of text and of a row that shows wrapped texts whole. Excel never grows a row
 * whose cells are merged or whose height was set, so the product sets heights from this measure.
 */
import { wrapText } from './lineBreak';
import { cellTextWidth, DEFAULT_TEXT_SIZE, type TextStyle } from './measure';

/**
 * The height of one line of text in points, as Excel spaces the lines of a wrapped cell: its
 * default row height for the font size, (round(size × 96/72) + 3) screen pixels — 12 pt at 10 pt,
 * 13.5 pt at 11 pt. LibreOffice spaces the same lines at the font's own 1.0 em, so a row made for
 * Excel always holds the text in LibreOffice too.
 * @param fontSize - font size in points
 * @returns the line height in points
 */
export function lineHeight(fontSize: number = DEFAULT_TEXT_SIZE): number {
  return ((Math.round((fontSize * 96) / 72) + 3) * 72) / 96;
}

/** A text to fit in a row: the text, the columns its cell spans, and its style. */
export interface CellText {
  text: string;
  /** Widths (character units) of the columns the cell spans: one for a plain cell, several for a merge. */
  columnWidths: readonly number[];
  style?: TextStyle;
}

/**
 * The number of lines a cell shows its text in.
 * @param cell - the text, its columns and style
 * @returns the line count, at least 1
 */
export function lineCount(cell: CellText): number {
  return wrapText(cell.text, cellTextWidth(cell.columnWidths), cell.style).length;
}

/**
 * The height (points) a cell needs to show its text whole: its lines at the font's line height.
 * @param cell - the text, its columns and style
 * @param minimumLines - lines to leave room for even when the text is shorter (default 1)
 * @returns the height in points, rounded up to a quarter point
 */
export function textHeight(cell: CellText, minimumLines = 1): number {
  const lines = Math.max(lineCount(cell), minimumLines);
  return Math.ceil(lines * lineHeight(cell.style?.fontSize) * 4) / 4;
}

/**
 * The height of a row that shows each of its texts whole (a text of a merged range spanning
 * several rows is not a row's business; give it to the row that grows).
 * @param cells - the row's texts
 * @param minimum - the least height in points (e.g. the row's designed height)
 * @returns the row height in points
 */
export function rowHeightFor(cells: readonly CellText[], minimum = 0): number {
  return cells.reduce((height, cell) => Math.max(height, textHeight(cell)), minimum);
}
