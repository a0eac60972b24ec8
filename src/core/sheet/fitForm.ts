/**
 * The written 進捗状況シート made to print whole on exactly two A4 pages: rows as tall as their texts
 * (the text measure over the sheet as data), then, when a part outgrows its page, first the room
 * left for typing that its texts do not use, then the print scale down to a legible floor (no text
 * smaller than 7 pt on paper). Beyond that the rows keep their texts whole and the part runs over:
 * `formOverflowProblems` names the cells to shorten, so nothing is ever cut silently.
 */
import { cellAddress, parseRange, rangeAddress, type RangeBounds } from '../address';
import { problem, type Problem } from '../problems';
import type { RangeFormat, SheetSpec } from '../sheetSpec';
import {
  cellTextWidth,
  charWidth,
  fitRowHeights,
  lineCount,
  lineHeight,
  textCells,
  textWidth,
  type TextCell,
} from '../text';
import type { FormField } from './formCells';
import { PRINTABLE_HEIGHT_POINTS, PRINTABLE_WIDTH_POINTS, type ProgressSheetLayout } from './progressSheetLayout';

/** The smallest size (points, on paper) a text of the form is printed at. */
export const LEGIBLE_POINTS = 7;
/** Room kept for renderers whose metrics differ a little from Excel's (as the layout's scale). */
const SAFETY = 0.97;

/** The fields departments write free text into: their rows give up typing room before the scale shrinks. */
const FREE_TEXT: ReadonlySet<FormField['kind']> = new Set<FormField['kind']>([
  'schedulePlan',
  'activityPlan',
  'activityResult',
  'reason',
  'issueProblem',
  'issueSolution',
  'notes',
]);

/** A part of the form taller than its page even at the floor scale. */
export interface FormOverflow {
  part: 1 | 2;
  /** Points (unscaled) the part is taller than its page. */
  excess: number;
  /** The cells to shorten, longest first, and about how many lines and characters each. */
  cells: { address: string; lines: number; characters: number }[];
}

/** A fitted form. */
export interface FittedForm {
  sheet: SheetSpec;
  /** The print scale (%) set on the sheet. */
  scale: number;
  /** Parts that still run over their page (empty when the form prints on two pages). */
  overflows: FormOverflow[];
}

/**
 * Fits a written 進捗状況シート to two A4 pages (idempotent: it starts from the layout's designed
 * heights, never from the sheet's own, so fitting again after the texts changed gives the same
 * sheet as writing it anew).
 * @param sheet - the form as written (cells, formats, column widths, page setup)
 * @param layout - the cell map it was written from
 * @returns the sheet with fitted row heights, print scale and legible fonts, and what runs over
 */
export function fitForm(sheet: SheetSpec, layout: ProgressSheetLayout): FittedForm {
  const area = parseRange(layout.printArea);
  const free = freeTextRows(layout);
  const smallest = Math.min(...free.values());
  // The least scale at which the smallest free text prints at the legible size.
  const floor = Math.ceil((100 * LEGIBLE_POINTS) / smallest);
  // The texts are measured once; the three fittings below reuse the measure.
  const { formats, cells } = wrapWide(
    { ...sheet, formats: legibleFormats(sheet, area, floor) },
    area,
    layout.rowHeights,
    smallest,
  );
  // Three sets of heights, each no lower than the texts need: as designed; with the free-text rows'
  // typing room given up; and, the last resort before running over, every row down to one line.
  const fitted = (minimum: (row: number, designed: number) => number) => {
    const minimums: Record<number, number> = {};
    for (const [row, designed] of Object.entries(layout.rowHeights)) minimums[+row] = minimum(+row, designed);
    return fitRowHeights({ ...sheet, formats, rowHeights: minimums }, cells);
  };
  const loose = fitted((_, designed) => designed);
  const roomless = (row: number, designed: number) => (free.has(row) ? lineHeight(free.get(row)) : designed);
  const tight = fitted(roomless);
  const tightest = fitted((row, designed) => Math.min(roomless(row, designed), lineHeight(10)));

  const parts: [1 | 2, number, number][] = [
    [1, area.top, layout.partOneLastRow],
    [2, layout.partOneLastRow + 1, area.bottom],
  ];
  const sum = (heights: Record<number, number>, from: number, to: number) => {
    let total = 0;
    for (let row = from; row <= to; row++) total += heights[row] ?? 15;
    return total;
  };
  const page = PRINTABLE_HEIGHT_POINTS * SAFETY * 100;
  const widest = widthScale(sheet.columnWidths.slice(area.left - 1, area.right));
  const scale = Math.min(
    widest,
    ...parts.map(([, from, to]) => Math.max(floor, Math.min(widest, Math.floor(page / sum(tight, from, to))))),
  );

  const heights: Record<number, number> = { ...loose };
  const overflows: FormOverflow[] = [];
  for (const [part, from, to] of parts) {
    const fits = page / scale;
    // The first set that fits, the room above it shared evenly: typing room first, then the rest.
    const [upper, lower] = [loose, tight, tightest].flatMap((set, index, sets) =>
      index > 0 && sum(set, from, to) <= fits && sum(sets[index - 1], from, to) > fits ? [sets[index - 1], set] : [],
    );
    if (sum(loose, from, to) <= fits) continue;
    const [most, least] = upper ? [sum(upper, from, to), sum(lower, from, to)] : [0, 0];
    const share = upper && most > least ? (fits - least) / (most - least) : 0;
    const [top, bottom] = upper ? [upper, lower] : [tightest, tightest];
    for (let row = from; row <= to; row++)
      heights[row] = (bottom[row] ?? 15) + Math.floor(((top[row] ?? 15) - (bottom[row] ?? 15)) * share * 4) / 4;
    const excess = sum(tightest, from, to) - fits;
    if (excess > 0) overflows.push(overflowOf(part, excess, sheet.columnWidths, cells, tightest, free, [from, to]));
  }
  const result: SheetSpec = { ...sheet, formats, rowHeights: heights, page: { ...sheet.page!, scale } };
  fits.set(result, overflows);
  return { sheet: result, scale, overflows };
}

/** What each fitted sheet runs over by, so that 入力チェック does not fit a written sheet twice. */
const fits = new WeakMap<SheetSpec, FormOverflow[]>();

/**
 * What a written form runs over its two pages by (from its fitting, or fitted again when the sheet
 * was not made by `fitForm`).
 * @param sheet - a written 進捗状況シート
 * @param layout - its cell map
 * @returns the parts that run over (empty when it prints on two pages)
 */
export function formOverflows(sheet: SheetSpec, layout: ProgressSheetLayout): FormOverflow[] {
  return fits.get(sheet) ?? fitForm(sheet, layout).overflows;
}

/**
 * The problems of a form that runs over its two pages: one per cell to shorten, in Japanese.
 * @param sheetName - the sheet
 * @param overflows - from `fitForm`
 * @returns the problems (empty when the form prints on two pages)
 */
export function formOverflowProblems(sheetName: string, overflows: readonly FormOverflow[]): Problem[] {
  return overflows.flatMap((overflow) =>
    overflow.cells.map((cell) =>
      problem(
        'text-overflows-page',
        { sheet: sheetName, cell: cell.address },
        `文章が長く、進捗状況シート${overflow.part === 1 ? '①' : '②'}が 1 ページに収まりません` +
          `（${LEGIBLE_POINTS} ポイント未満の文字にはしないため、印刷すると 3 ページ以上になります）。`,
        `このセルの文章を約 ${cell.characters} 文字（${cell.lines} 行）短くしてください。`,
      ),
    ),
  );
}

/** The rows holding a free-text field, with the font size of their text. */
function freeTextRows(layout: ProgressSheetLayout): Map<number, number> {
  const rows = new Map<number, number>();
  for (const block of layout.blocks)
    for (const cell of block.cells)
      if (FREE_TEXT.has(cell.field.kind)) {
        const { top } = parseRange(cell.range);
        rows.set(top, Math.max(rows.get(top) ?? 0, cell.style.fontSize ?? 10));
      }
  return rows;
}

/** The largest whole percentage at which the print area's columns fit the page's width. */
function widthScale(widths: readonly number[]): number {
  // Excel's 7 pixels a character and 5 of padding, as the layout's own scale: wider than both
  // programs print a column, so the form never runs onto a third page sideways.
  const points = widths.reduce((total, width) => total + (Math.trunc(width * 7 + 5) * 3) / 4, 0);
  return Math.min(100, Math.floor((PRINTABLE_WIDTH_POINTS / points) * SAFETY * 100));
}

/** The formats with every printed text that would be smaller than the floor on paper made larger. */
function legibleFormats(sheet: SheetSpec, area: RangeBounds, scale: number): RangeFormat[] {
  const least = Math.ceil(((LEGIBLE_POINTS * 100) / scale) * 2) / 2;
  return sheet.formats.map((format) => {
    const size = format.style?.fontSize;
    if (size === undefined || (size * scale) / 100 >= LEGIBLE_POINTS) return format;
    const bounds = parseRange(format.address);
    if (bounds.left > area.right || bounds.top > area.bottom) return format;
    return { ...format, style: { ...format.style, fontSize: least } };
  });
}

/**
 * The formats with every printed text that does not wrap and is wider than its cell (a long plan
 * title in the header) made to wrap, at the largest size, down to the free texts' size, whose lines
 * fit the rows' designed height (at the smallest, the rows grow instead of cutting it); and the
 * sheet's text cells measured with those formats.
 */
function wrapWide(
  sheet: SheetSpec,
  area: RangeBounds,
  designed: Record<number, number>,
  least: number,
): { formats: RangeFormat[]; cells: TextCell[] } {
  const wide = new Map<string, number>();
  const cells = textCells(sheet).map((cell) => {
    if (cell.style.wrap || cell.range.right > area.right || cell.range.bottom > area.bottom) return cell;
    const columnWidths = sheet.columnWidths.slice(cell.range.left - 1, cell.range.right);
    const widest = Math.max(...cell.text.split('\n').map((line) => textWidth(line, cell.style)));
    if (widest <= cellTextWidth(columnWidths)) return cell;
    let height = 0;
    for (let row = cell.range.top; row <= cell.range.bottom; row++) height += designed[row] ?? 15;
    const needs = (fontSize: number) =>
      lineCount({ text: cell.text, columnWidths, style: { ...cell.style, fontSize } }) * lineHeight(fontSize);
    let size = cell.style.fontSize ?? 10;
    while (size > least && needs(size) > height) size -= 0.5;
    wide.set(rangeAddress(cell.range), size);
    return { ...cell, style: { ...cell.style, fontSize: size, wrap: true }, height: needs(size) };
  });
  if (wide.size === 0) return { formats: sheet.formats, cells };
  const formats = sheet.formats.map((format) => {
    const size = wide.get(format.address);
    return size === undefined ? format : { ...format, style: { ...format.style, fontSize: size, wrap: true } };
  });
  return { formats, cells };
}

/** Which cells to shorten, and by how much, for a part `excess` points too tall. */
function overflowOf(
  part: 1 | 2,
  excess: number,
  columnWidths: readonly number[],
  texts: readonly TextCell[],
  heights: Record<number, number>,
  free: Map<number, number>,
  [from, to]: [number, number],
): FormOverflow {
  const byRow = new Map<number, TextCell[]>();
  for (const cell of texts)
    if (cell.range.top === cell.range.bottom && free.has(cell.range.top))
      byRow.set(cell.range.top, [...(byRow.get(cell.range.top) ?? []), cell]);
  const rows = [...byRow.keys()].filter((row) => row >= from && row <= to).sort((a, b) => heights[b] - heights[a]);
  const cells: FormOverflow['cells'] = [];
  let left = excess;
  for (const row of rows) {
    if (left <= 0) break;
    const [longest, ...others] = byRow.get(row)!.sort((a, b) => b.height - a.height);
    const line = lineHeight(longest.style.fontSize);
    const keep = Math.max(line, ...others.map((cell) => cell.height));
    const lines = Math.min(Math.ceil(left / line), Math.floor((longest.height - keep) / line));
    if (lines <= 0) continue;
    const width = cellTextWidth(columnWidths.slice(longest.range.left - 1, longest.range.right));
    const perLine = Math.max(1, Math.floor(width / charWidth(0x3042, longest.style)));
    cells.push({ address: cellAddress(longest.range.top, longest.range.left), lines, characters: lines * perLine });
    left -= lines * line;
  }
  return { part, excess, cells };
}
