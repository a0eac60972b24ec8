/**
 * A whole sheet as data fitted to its text. Rows: every text cell's lines (wrapped at its merged
 * range's width when it wraps) at its font size, each row as tall as its tallest text, a text
 * spanning several rows giving its last row what the others lack; Excel never grows a row of
 * merged or wrapped cells by itself, so every writer of a sheet sets the heights from here.
 * Columns: as wide as their longest line, within limits.
 */
import { parseCell, parseRange, type RangeBounds } from '../address';
import type { CellStyle, SheetSpec } from '../sheetSpec';
import { columnWidthFor, DEFAULT_TEXT_SIZE, textWidth, type TextStyle } from './measure';
import { lineCount, lineHeight } from './rowHeight';

/** The parts of a sheet the heights depend on. */
export type SheetText = Pick<SheetSpec, 'cells' | 'formats' | 'columnWidths' | 'rowHeights'>;

/** Excel's height of a row it was given none (Calibri 11, the workbook's default font). */
export const DEFAULT_ROW_HEIGHT = 15;

/** One text cell with what decides its height. */
export interface TextCell {
  /** The rows and columns it occupies (its merge, or the cell). */
  range: RangeBounds;
  text: string;
  style: CellStyle;
  /** Points it needs: its lines × the line height of its size. */
  height: number;
}

/**
 * The text cells of a sheet with their merged ranges, resolved styles and the height each needs.
 * A value hidden under a merge (not its top-left cell) is skipped, as Excel shows only that one.
 * @param sheet - the sheet's cells, formats and column widths
 * @returns the text cells
 */
export function textCells(sheet: SheetText): TextCell[] {
  return styledTexts(sheet).map((cell) => {
    const textStyle = { fontName: cell.style.fontName, fontSize: cell.style.fontSize, bold: cell.style.bold };
    const widths = sheet.columnWidths.slice(cell.range.left - 1, cell.range.right);
    const lines = cell.style.wrap ? linesOf(cell.text, widths, textStyle) : 1;
    return { ...cell, height: lines * lineHeight(textStyle.fontSize) };
  });
}

/** Line counts of texts already measured (the labels of a form repeat on every sheet), bounded. */
const knownLines = new Map<string, number>();
const KNOWN_LINES_LIMIT = 20_000;

function linesOf(text: string, columnWidths: number[], style: TextStyle): number {
  const key = `${style.fontName ?? ''}|${style.fontSize ?? ''}|${style.bold ? 'b' : ''}|${columnWidths.join(',')}|${text}`;
  let lines = knownLines.get(key);
  if (lines === undefined) {
    lines = lineCount({ text, columnWidths, style });
    if (knownLines.size >= KNOWN_LINES_LIMIT) knownLines.clear();
    knownLines.set(key, lines);
  }
  return lines;
}

/**
 * The text cells with their ranges and resolved styles (font size defaulted), in one pass over the
 * formats indexed by row, merges by their top-left cell: linear in the size of the sheet.
 */
function styledTexts(sheet: Omit<SheetText, 'columnWidths'>): Omit<TextCell, 'height'>[] {
  const merges = new Map<string, RangeBounds>();
  const hidden = new Set<string>();
  const byRow = new Map<number, { bounds: RangeBounds; style: CellStyle }[]>();
  for (const format of sheet.formats) {
    const bounds = parseRange(format.address);
    if (format.merge) {
      merges.set(`${bounds.top}:${bounds.left}`, bounds);
      for (let row = bounds.top; row <= bounds.bottom; row++)
        for (let column = bounds.left; column <= bounds.right; column++)
          if (row !== bounds.top || column !== bounds.left) hidden.add(`${row}:${column}`);
    }
    if (!format.style) continue;
    const style = defined(format.style); // once per format, not once per cell it covers
    for (let row = bounds.top; row <= bounds.bottom; row++) {
      const list = byRow.get(row) ?? [];
      list.push({ bounds, style });
      byRow.set(row, list);
    }
  }
  const result: Omit<TextCell, 'height'>[] = [];
  for (const cell of sheet.cells) {
    if (typeof cell.value !== 'string' || cell.value === '') continue;
    const { row, column } = parseCell(cell.address);
    if (hidden.has(`${row}:${column}`)) continue;
    const range = merges.get(`${row}:${column}`) ?? { top: row, bottom: row, left: column, right: column };
    const style: CellStyle = {};
    for (const format of byRow.get(row) ?? [])
      if (column >= format.bounds.left && column <= format.bounds.right) Object.assign(style, format.style);
    style.fontSize = style.fontSize ?? DEFAULT_TEXT_SIZE;
    result.push({ range, text: cell.value, style });
  }
  return result;
}

function defined(style: CellStyle): CellStyle {
  const result: Record<string, unknown> = {};
  for (const key in style) {
    const value = style[key as keyof CellStyle];
    if (value !== undefined) result[key] = value;
  }
  return result as CellStyle;
}

/** Excel's highest row (points). */
export const MAX_ROW_HEIGHT = 409;

/**
 * The row heights that show every text of a sheet whole: for each row with text, the larger of its
 * given height and what its texts need; a text spanning rows adds what it lacks to its last row.
 * Rows without text keep their height (or none).
 * @param sheet - the sheet's cells, formats, column widths and designed row heights (minimums)
 * @param cells - the sheet's text cells when already measured (`textCells(sheet)`), to fit the same
 *   texts to other minimums without measuring them again
 * @returns the row heights, by 1-based row, rounded up to a quarter point, at most MAX_ROW_HEIGHT
 */
export function fitRowHeights(sheet: SheetText, cells: readonly TextCell[] = textCells(sheet)): Record<number, number> {
  const heights: Record<number, number> = { ...(sheet.rowHeights ?? {}) };
  // Never above Excel's highest row: a longer text runs over (入力チェック says so), the row stays legal.
  const quarter = (points: number) => Math.min(MAX_ROW_HEIGHT, Math.ceil(points * 4 - 1e-9) / 4);
  for (const cell of cells.filter((each) => each.range.top === each.range.bottom)) {
    const row = cell.range.top;
    heights[row] = quarter(Math.max(heights[row] ?? 0, cell.height));
  }
  for (const cell of cells.filter((each) => each.range.top !== each.range.bottom)) {
    let total = 0;
    for (let row = cell.range.top; row <= cell.range.bottom; row++) total += heights[row] ?? DEFAULT_ROW_HEIGHT;
    if (total < cell.height) {
      const last = cell.range.bottom;
      heights[last] = quarter((heights[last] ?? DEFAULT_ROW_HEIGHT) + cell.height - total);
    }
  }
  return heights;
}

/** The least and most width (character units) a column may be given. */
export interface WidthLimits {
  min: number;
  max: number;
}

/**
 * Column widths that show each column's texts on one line (each explicit line of a header on its
 * own), within limits: a column whose longest text is wider than its `max` wraps it instead. Only
 * cells of one column count (merged ranges spanning several columns are left to fit their
 * columns), and not cells set not to wrap (`wrap: false`), which run over their neighbours.
 * @param sheet - the sheet's cells and formats (its `columnWidths` are ignored)
 * @param limits - per column, from A
 * @returns the widths, from A
 */
export function fitColumnWidths(sheet: Omit<SheetText, 'columnWidths'>, limits: readonly WidthLimits[]): number[] {
  const needed = limits.map(() => 0);
  for (const cell of styledTexts(sheet)) {
    // A cell set not to wrap (a note under a table) is meant to run over its empty neighbours.
    if (cell.range.left !== cell.range.right || cell.style.wrap === false) continue;
    const style = { fontName: cell.style.fontName, fontSize: cell.style.fontSize, bold: cell.style.bold };
    const widest = Math.max(...cell.text.split('\n').map((line) => textWidth(line, style)));
    const index = cell.range.left - 1;
    if (index < needed.length) needed[index] = Math.max(needed[index], widest);
  }
  return limits.map((limit, index) => Math.min(limit.max, Math.max(limit.min, columnWidthFor(needed[index]))));
}
