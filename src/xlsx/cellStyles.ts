/**
 * Cell formats between the port's resolved styles and ExcelJS styles, both ways: writing renders
 * a sheet spec; reading lets tests and the round-trip check see what a file holds.
 */

import type { Borders, Style } from 'exceljs';
import type { BorderStyle } from '../core/sheetSpec';
import type { CellBorders, ResolvedCellStyle } from '../workbook/memory';

/** ExcelJS's own default font, used when a style sets some font fields but not name or size. */
const DEFAULT_FONT = { name: 'Calibri', size: 11 };

const BORDER_STYLES: readonly BorderStyle[] = ['thin', 'medium', 'hair', 'double', 'dotted'];
const SIDES = ['top', 'bottom', 'left', 'right'] as const;

/**
 * "#RRGGBB" → ExcelJS's "FFRRGGBB".
 * @param color - a colour of a sheet spec
 * @returns the ARGB text
 */
export function argb(color: string): string {
  if (!/^#[0-9A-Fa-f]{6}$/.test(color)) throw new RangeError(`bad colour ${color} (expected #RRGGBB)`);
  return `FF${color.slice(1).toUpperCase()}`;
}

/**
 * ExcelJS's "FFRRGGBB" → "#RRGGBB"; theme and indexed colours give undefined.
 * @param value - an ARGB text
 * @returns the colour, or undefined
 */
export function hexColor(value: string | undefined): string | undefined {
  return value && /^[0-9A-Fa-f]{8}$/.test(value) ? `#${value.slice(2).toUpperCase()}` : undefined;
}

/**
 * The ExcelJS style of a resolved cell format.
 * @param style - the resolved format
 * @returns a fresh ExcelJS style object (never shared between cells)
 */
export function toExcelStyle(style: ResolvedCellStyle): Partial<Style> {
  const result: Partial<Style> = {};
  const { fontName, fontSize, bold, fontColor } = style;
  if (fontName !== undefined || fontSize !== undefined || bold !== undefined || fontColor !== undefined) {
    result.font = {
      name: fontName ?? DEFAULT_FONT.name,
      size: fontSize ?? DEFAULT_FONT.size,
      ...(bold !== undefined && { bold }),
      ...(fontColor !== undefined && { color: { argb: argb(fontColor) } }),
    };
  }
  if (style.fill !== undefined) {
    result.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  }
  const { horizontal, vertical, wrap, shrinkToFit } = style;
  if (horizontal !== undefined || vertical !== undefined || wrap !== undefined || shrinkToFit !== undefined) {
    result.alignment = {
      ...(horizontal !== undefined && { horizontal }),
      ...(vertical !== undefined && { vertical }),
      ...(wrap !== undefined && { wrapText: wrap }),
      ...(shrinkToFit !== undefined && { shrinkToFit }),
    };
  }
  if (style.numberFormat !== undefined) result.numFmt = style.numberFormat;
  if (style.borders) {
    const border: Partial<Borders> = {};
    for (const side of SIDES) {
      const line = style.borders[side];
      if (line) border[side] = { style: line };
    }
    result.border = border;
  }
  if (style.locked !== undefined) result.protection = { locked: style.locked };
  return result;
}

/**
 * The resolved format an ExcelJS style stands for (fields we do not write are ignored).
 * @param style - a cell's ExcelJS style
 * @returns the resolved format
 */
export function fromExcelStyle(style: Partial<Style>): ResolvedCellStyle {
  const result: ResolvedCellStyle = {};
  const { font, fill, alignment, border, protection } = style;
  if (font?.name !== undefined) result.fontName = font.name;
  if (font?.size !== undefined) result.fontSize = font.size;
  if (font?.bold !== undefined) result.bold = font.bold;
  const fontColor = hexColor(font?.color?.argb);
  if (fontColor) result.fontColor = fontColor;
  if (fill?.type === 'pattern' && fill.pattern === 'solid') {
    const color = hexColor(fill.fgColor?.argb);
    if (color) result.fill = color;
  }
  const horizontal = alignment?.horizontal;
  if (horizontal === 'left' || horizontal === 'center' || horizontal === 'right') result.horizontal = horizontal;
  const vertical = alignment?.vertical;
  if (vertical === 'top' || vertical === 'middle' || vertical === 'bottom') result.vertical = vertical;
  if (alignment?.wrapText !== undefined) result.wrap = alignment.wrapText;
  if (alignment?.shrinkToFit !== undefined) result.shrinkToFit = alignment.shrinkToFit;
  if (style.numFmt !== undefined && style.numFmt !== 'General') result.numberFormat = style.numFmt;
  const borders: CellBorders = {};
  for (const side of SIDES) {
    const line = border?.[side]?.style;
    if (line && (BORDER_STYLES as readonly string[]).includes(line)) borders[side] = line as BorderStyle;
  }
  if (Object.keys(borders).length > 0) result.borders = borders;
  if (protection?.locked !== undefined) result.locked = protection.locked;
  return result;
}
