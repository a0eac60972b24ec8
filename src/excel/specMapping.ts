/**
 * How SheetSpec terms map onto Excel JavaScript API terms, both ways. Pure data and functions
 * (no `Excel` at run time), shared by OfficeWorkbook and the fake's SheetSpec import/export so
 * the two cannot drift apart.
 */
import type { BorderStyle, CellStyle, ChartSpec, PageSetup, SheetVisibility } from '../core/sheetSpec';
import type {
  BorderLineStyle,
  BorderWeight,
  ChartTypeName,
  HorizontalAlignment,
  SheetVisibilityName,
  VerticalAlignment,
} from './excelApi';

export const HORIZONTAL: Record<NonNullable<CellStyle['horizontal']>, HorizontalAlignment> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
};
export const VERTICAL: Record<NonNullable<CellStyle['vertical']>, VerticalAlignment> = {
  top: 'Top',
  middle: 'Center',
  bottom: 'Bottom',
};

export const VISIBILITY: Record<SheetVisibility, SheetVisibilityName> = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
};

export const CHART_TYPE: Record<ChartSpec['type'], ChartTypeName> = {
  clusteredColumn: 'ColumnClustered',
  clusteredBar: 'BarClustered',
};

/** Excel draws a double border with the thick weight; dotted is a thin dotted line. */
export const BORDER_LINE: Record<BorderStyle, { style: BorderLineStyle; weight: BorderWeight }> = {
  thin: { style: 'Continuous', weight: 'Thin' },
  medium: { style: 'Continuous', weight: 'Medium' },
  hair: { style: 'Continuous', weight: 'Hairline' },
  double: { style: 'Double', weight: 'Thick' },
  dotted: { style: 'Dot', weight: 'Thin' },
};

/** The SheetSpec border style of an Excel border line, if it is one we write. */
export function borderStyleOf(line: { style: BorderLineStyle; weight: BorderWeight }): BorderStyle | undefined {
  return (Object.keys(BORDER_LINE) as BorderStyle[]).find(
    (name) => BORDER_LINE[name].style === line.style && BORDER_LINE[name].weight === line.weight,
  );
}

/**
 * Protection of a protected sheet: no password (the secretariat must be able to unprotect it),
 * users may resize rows and columns for printing, everything else as Excel's default (locked
 * cells cannot be edited or formatted).
 */
export const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };

/**
 * Column widths: SheetSpec (like the .xlsx file format) counts characters of the workbook's
 * default font's maximum digit width (MDW, in pixels); Office.js `format.columnWidth` is points.
 * Excel's rule: pixels = width × MDW + 5 (padding); points = pixels × 0.75 (96 dpi).
 * MDW is 7 for Calibri 11 (English default) and 8 for 游ゴシック / ＭＳ Ｐゴシック 11 (Japanese).
 */
export const DEFAULT_MAX_DIGIT_WIDTH = 7;
const PADDING_PIXELS = 5;
const POINTS_PER_PIXEL = 0.75;

/** The MDW implied by a sheet's standard width in characters and the same width in points. */
export function maxDigitWidthOf(standardChars: number, standardPoints: number): number {
  // Font metrics are whole pixels; rounding absorbs Excel's own rounding of the standard width.
  const mdw = Math.round((standardPoints / POINTS_PER_PIXEL - PADDING_PIXELS) / standardChars);
  return Number.isFinite(mdw) && mdw > 3 && mdw < 30 ? mdw : DEFAULT_MAX_DIGIT_WIDTH;
}

export function columnWidthPoints(chars: number, maxDigitWidth = DEFAULT_MAX_DIGIT_WIDTH): number {
  if (chars <= 0) return 0;
  // Excel lays columns out in whole pixels.
  return Math.round(chars * maxDigitWidth + PADDING_PIXELS) * POINTS_PER_PIXEL;
}

export function columnWidthChars(points: number, maxDigitWidth = DEFAULT_MAX_DIGIT_WIDTH): number {
  if (points <= 0) return 0;
  return Math.round(((points / POINTS_PER_PIXEL - PADDING_PIXELS) / maxDigitWidth) * 100) / 100;
}

/** Office.js page margins are points; SheetSpec margins are inches. */
export const POINTS_PER_INCH = 72;

/** The zoom of a page setup: fit to pages, or a scale. */
export function pageZoom(page: PageSetup): Excel.PageLayoutZoomOptions {
  if (page.fitToWidth !== undefined || page.fitToHeight !== undefined) {
    return { horizontalFitToPages: page.fitToWidth ?? 1, verticalFitToPages: page.fitToHeight ?? 0 };
  }
  return { scale: page.scale ?? 100 };
}

/** "1:3" → "$1:$3", the form Excel stores print titles in. */
export function titleRows(rows: string): string {
  return rows
    .replace(/\$/g, '')
    .split(':')
    .map((row) => `$${row}`)
    .join(':');
}

/** Excel caps the source text of a list validation at 255 characters. */
export const LIST_SOURCE_LIMIT = 255;

/** The comma-separated source of a drop-down list, or null if Excel cannot take it inline. */
export function listSource(list: readonly string[]): string | null {
  const source = list.join(',');
  return list.some((item) => item.includes(',')) || source.length > LIST_SOURCE_LIMIT ? null : source;
}
