/**
 * Cell formats resolved per cell: the RangeFormats of a sheet spec applied in order. Every port
 * that renders formats cell by cell (memory, ExcelJS, the .xlsx package writer) uses this one
 * resolution, so that they agree on what a cell looks like.
 */
import { cellAddress, parseRange } from '../core/address';
import type { RangeBounds } from '../core/address';
import type { BorderStyle, CellStyle, RangeFormat } from '../core/sheetSpec';

/** The borders of one cell, side by side. */
export interface CellBorders {
  top?: BorderStyle;
  bottom?: BorderStyle;
  left?: BorderStyle;
  right?: BorderStyle;
}

/** The format of one cell after every RangeFormat covering it was applied in order. */
export interface ResolvedCellStyle extends Omit<CellStyle, 'border' | 'outline'> {
  /** Present when at least one side has a border. */
  borders?: CellBorders;
}

/** The number a cell is keyed by in resolveFormatsByCell: row × 16385 + column. */
const ROW_FACTOR = 16385;

/**
 * Applies range formats in order and returns each touched cell's resolved format.
 * `border` sets every side of every cell; `outline` then sets the outer sides of the range.
 * @param formats - the formats of a sheet spec, in order
 * @returns resolved formats by cell address
 */
export function resolveCellFormats(formats: readonly RangeFormat[]): Map<string, ResolvedCellStyle> {
  const byAddress = new Map<string, ResolvedCellStyle>();
  for (const [key, style] of resolveFormatsByCell(formats))
    byAddress.set(cellAddress(Math.floor(key / ROW_FACTOR), key % ROW_FACTOR), style);
  return byAddress;
}

/**
 * The same as resolveCellFormats, keyed by row × 16385 + column (no address text to build or parse).
 * Resolved styles are never changed once made, so cells may share one.
 * @param formats - the formats of a sheet spec, in order
 * @returns resolved formats by cell key, in the order cells were first formatted
 */
export function resolveFormatsByCell(formats: readonly RangeFormat[]): Map<number, ResolvedCellStyle> {
  const styles = new Map<number, ResolvedCellStyle>();
  for (const format of formats) {
    if (format.style) applyStyle(styles, parseRange(format.address), format.style);
  }
  return styles;
}

const EMPTY: ResolvedCellStyle = Object.freeze({});

function applyStyle(styles: Map<number, ResolvedCellStyle>, bounds: RangeBounds, style: CellStyle): void {
  const { border, outline, ...plain } = style;
  const defined = Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined));
  const all: CellBorders | undefined = border && { top: border, bottom: border, left: border, right: border };
  for (let row = bounds.top; row <= bounds.bottom; row++) {
    for (let column = bounds.left; column <= bounds.right; column++) {
      const key = row * ROW_FACTOR + column;
      const current = styles.get(key) ?? EMPTY;
      const next: ResolvedCellStyle = { ...current, ...defined };
      if (all || outline) {
        const borders: CellBorders = { ...current.borders, ...all };
        if (outline) {
          if (row === bounds.top) borders.top = outline;
          if (row === bounds.bottom) borders.bottom = outline;
          if (column === bounds.left) borders.left = outline;
          if (column === bounds.right) borders.right = outline;
        }
        if (Object.keys(borders).length > 0) next.borders = borders;
      }
      styles.set(key, next);
    }
  }
}
