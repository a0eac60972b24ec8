/**
 * How the formats of a SheetSpec become few range operations on a new worksheet.
 *
 * A SheetSpec lists RangeFormats in order, later ones overriding earlier ones cell by cell, as
 * Excel applies them. The layouts are written cell by cell (a summary row is ten one-cell spans,
 * each with the full table style), so replaying them one range at a time costs one object path
 * and a dozen actions per span: ~14 MB for the 取組項目別の評価 sheet of 700 実践項目, above Excel's
 * 5 MB request cap. Since the target sheet is new, only the final state matters: this module
 * replays the formats in order into that state (per cell and property; borders per cell edge,
 * an edge shared by two cells being one line as in Excel), then covers each property's cells of
 * equal value, and each border style's lines, with few rectangles. Every range then gets the
 * properties and border items whose rectangle it is, through one `getRange` each. Properties a new
 * cell already has (not bold, not wrapped, locked, General) are not sent.
 */
import { parseRange, rangeAddress, type RangeBounds } from '../core/address';
import type { BorderStyle, CellStyle, SheetSpec } from '../core/sheetSpec';
import type { BorderIndex } from './excelApi';

/** The cell format properties other than borders. */
export type PlainKey = Exclude<keyof CellStyle, 'border' | 'outline'>;
export type PlainValues = { [K in PlainKey]?: NonNullable<CellStyle[K]> };

const PLAIN_KEYS: readonly PlainKey[] = [
  'fontName',
  'fontSize',
  'bold',
  'fontColor',
  'fill',
  'horizontal',
  'vertical',
  'wrap',
  'shrinkToFit',
  'numberFormat',
  'locked',
];

/** What a cell of a new sheet already has, where the layout could ask for it (the default font we do not know). */
const NEW_CELL: PlainValues = { bold: false, wrap: false, shrinkToFit: false, locked: true, numberFormat: 'General' };

/** One range and what to set on it. */
export interface RangeOperation {
  address: string;
  bounds: RangeBounds;
  style: PlainValues;
  borders: [BorderIndex, BorderStyle][];
}

/** A merge: `across` merges each row of the range separately (Office.js `range.merge(true)`). */
export interface MergeOperation {
  address: string;
  across: boolean;
}

/** The formats of a sheet spec as range operations, then the merges (after the formats). */
export interface FormatPlan {
  ranges: RangeOperation[];
  merges: MergeOperation[];
}

// Cells and lines are keyed by row × KEY + column (Excel has 16,384 columns; lines one more).
const KEY = 32_768;

/** Cells keyed as above, with their value, as rectangles of equal values (row runs stacked while they repeat). */
function rectangles<V>(cells: Map<number, V>): { bounds: RangeBounds; value: V }[] {
  const sorted = [...cells.keys()].sort((a, b) => a - b);
  const result: { bounds: RangeBounds; value: V }[] = [];
  // Rectangles reaching the previous row, by their columns and value.
  let open = new Map<string, { bounds: RangeBounds; value: V }>();
  let current = new Map<string, { bounds: RangeBounds; value: V }>();
  let currentRow = -1;
  for (let i = 0; i < sorted.length; i++) {
    const row = Math.floor(sorted[i] / KEY);
    if (row !== currentRow) {
      open = current.size > 0 && currentRow === row - 1 ? current : new Map();
      current = new Map();
      currentRow = row;
    }
    const left = sorted[i] % KEY;
    const value = cells.get(sorted[i]) as V;
    let right = left;
    while (i + 1 < sorted.length && sorted[i + 1] === row * KEY + right + 1 && cells.get(sorted[i + 1]) === value) {
      i++;
      right++;
    }
    const id = `${left},${right},${typeof value},${String(value)}`;
    const above = open.get(id);
    if (above) above.bounds.bottom = row;
    const rectangle = above ?? { bounds: { top: row, left, bottom: row, right }, value };
    if (!above) result.push(rectangle);
    current.set(id, rectangle);
  }
  return result;
}

/**
 * Merges in spec order; when none overlap (so order does not matter), one-row merges of the same
 * columns in consecutive rows go as one merge across (a table's merged name column: one call).
 */
function planMerges(merges: readonly RangeBounds[]): MergeOperation[] {
  const covered = new Set<number>();
  let overlapping = false;
  for (const { top, left, bottom, right } of merges) {
    for (let row = top; row <= bottom && !overlapping; row++) {
      for (let column = left; column <= right && !overlapping; column++) {
        const id = row * KEY + column;
        overlapping = covered.has(id);
        covered.add(id);
      }
    }
  }
  if (overlapping) return merges.map((bounds) => ({ address: rangeAddress(bounds), across: false }));
  const stacks: RangeBounds[] = [];
  const result: { bounds: RangeBounds; across: boolean }[] = [];
  const open = new Map<string, RangeBounds>();
  for (const bounds of [...merges].sort((a, b) => a.top - b.top || a.left - b.left)) {
    if (bounds.top !== bounds.bottom) {
      result.push({ bounds, across: false });
      continue;
    }
    const id = `${bounds.left},${bounds.right}`;
    const above = open.get(id);
    if (above && above.bottom === bounds.top - 1) above.bottom = bounds.top;
    else {
      const stack = { ...bounds };
      open.set(id, stack);
      stacks.push(stack);
    }
  }
  for (const stack of stacks) result.push({ bounds: stack, across: stack.bottom > stack.top });
  return result.map(({ bounds, across }) => ({ address: rangeAddress(bounds), across }));
}

const plans = new WeakMap<SheetSpec, FormatPlan>();

/**
 * The range operations that give a new sheet the formats of a spec (memoised per spec: the
 * payload estimate and the rendering share it).
 * @param spec - the sheet
 * @returns ranges to format, then ranges to merge
 */
export function planFormats(spec: SheetSpec): FormatPlan {
  const known = plans.get(spec);
  if (known) return known;
  const plain = new Map<PlainKey, Map<number, unknown>>();
  // Horizontal lines by (row they are above, column); vertical lines by (row, column they are left of).
  const horizontal = new Map<number, BorderStyle>();
  const vertical = new Map<number, BorderStyle>();
  const merges: RangeBounds[] = [];
  const drawHorizontal = (row: number, left: number, right: number, line: BorderStyle) => {
    for (let column = left; column <= right; column++) horizontal.set(row * KEY + column, line);
  };
  const drawVertical = (column: number, top: number, bottom: number, line: BorderStyle) => {
    for (let row = top; row <= bottom; row++) vertical.set(row * KEY + column, line);
  };
  for (const format of spec.formats) {
    const { top, left, bottom, right } = parseRange(format.address);
    const style = format.style ?? {};
    for (const key of PLAIN_KEYS) {
      const value = style[key];
      if (value === undefined) continue;
      let cells = plain.get(key);
      if (!cells) plain.set(key, (cells = new Map()));
      for (let row = top; row <= bottom; row++)
        for (let column = left; column <= right; column++) cells.set(row * KEY + column, value);
    }
    if (style.border) {
      for (let row = top; row <= bottom + 1; row++) drawHorizontal(row, left, right, style.border);
      for (let column = left; column <= right + 1; column++) drawVertical(column, top, bottom, style.border);
    }
    if (style.outline) {
      drawHorizontal(top, left, right, style.outline);
      drawHorizontal(bottom + 1, left, right, style.outline);
      drawVertical(left, top, bottom, style.outline);
      drawVertical(right + 1, top, bottom, style.outline);
    }
    if (format.merge && (top !== bottom || left !== right)) merges.push({ top, left, bottom, right });
  }

  const byAddress = new Map<string, RangeOperation>();
  const operation = (bounds: RangeBounds): RangeOperation => {
    const address = rangeAddress(bounds);
    let found = byAddress.get(address);
    if (!found) byAddress.set(address, (found = { address, bounds, style: {}, borders: [] }));
    return found;
  };
  for (const key of PLAIN_KEYS) {
    const cells = plain.get(key);
    if (!cells) continue;
    for (const [id, value] of cells) if (NEW_CELL[key] === value) cells.delete(id);
    for (const { bounds, value } of rectangles(cells)) Object.assign(operation(bounds).style, { [key]: value });
  }
  // Lines from row `top` to row `bottom` (inclusive) above cells: EdgeTop of the first row's cells,
  // the rest as InsideHorizontal and EdgeBottom of the range down to the row above the last line.
  for (const { bounds, value } of rectangles(horizontal)) {
    const { top, left, bottom, right } = bounds;
    if (top === bottom) operation({ top, left, bottom: top, right }).borders.push(['EdgeTop', value]);
    else {
      const target = operation({ top, left, bottom: bottom - 1, right });
      target.borders.push(['EdgeTop', value], ['EdgeBottom', value]);
      if (bottom - 1 > top) target.borders.push(['InsideHorizontal', value]);
    }
  }
  for (const { bounds, value } of rectangles(vertical)) {
    const { top, left, bottom, right } = bounds;
    if (left === right) operation({ top, left, bottom, right: left }).borders.push(['EdgeLeft', value]);
    else {
      const target = operation({ top, left, bottom, right: right - 1 });
      target.borders.push(['EdgeLeft', value], ['EdgeRight', value]);
      if (right - 1 > left) target.borders.push(['InsideVertical', value]);
    }
  }
  const plan: FormatPlan = { ranges: [...byAddress.values()], merges: planMerges(merges) };
  plans.set(spec, plan);
  return plan;
}
