/**
 * Sheets as data: the cells, formats, validations, print settings and charts of a worksheet we
 * write. Core builds these; the workbook port's implementations render them.
 * Addresses are A1 style without sheet names ("B3", "A1:H40").
 */

import { UserError } from './errors';

/**
 * A refusal by the workbook, with a Japanese message for the user: a spec or a cell it cannot
 * hold (see validateSheetSpecs), a sheet that does not exist, or a failure of the host.
 */
export class WorkbookError extends UserError {
  override name = 'WorkbookError';
}

/** A cell's value as read or written. Empty cells read as null. */
export type CellValue = string | number | boolean | null;

/** Border line styles the layout uses. */
export type BorderStyle = 'thin' | 'medium' | 'hair' | 'double' | 'dotted';

/** A cell format. Colours are "#RRGGBB". */
export interface CellStyle {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  fontColor?: string;
  fill?: string;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  shrinkToFit?: boolean;
  numberFormat?: string;
  /** Borders around every cell of the range ("inside" lines included). */
  border?: BorderStyle;
  /** Outer border of the range only, drawn after `border`. */
  outline?: BorderStyle;
  /** false for input cells a protected sheet lets the user edit; sheets are not protected unless `SheetSpec.protect`. */
  locked?: boolean;
}

/** One cell to write: a value, or a formula (text without the leading "=") with its computed value. */
export interface CellWrite {
  address: string;
  value?: CellValue;
  formula?: string;
}

/** Formatting of a range, applied in the order given; `merge` merges the range into one cell. */
export interface RangeFormat {
  address: string;
  style?: CellStyle;
  merge?: boolean;
}

/** A drop-down list on a range. */
export interface ListValidation {
  address: string;
  list: string[];
  /** Japanese message shown when a value outside the list is typed. */
  errorMessage?: string;
  /** Japanese input prompt. */
  prompt?: string;
}

/** Margins in inches. */
export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
}

/** Print settings of a sheet. Header/footer text uses Excel's codes (&P page, &N pages, &A sheet). */
export interface PageSetup {
  paperSize: 'A4';
  orientation: 'portrait' | 'landscape';
  /** Fit to this many pages wide (and `fitToHeight` tall; 0 = automatic); omit to print at `scale`. */
  fitToWidth?: number;
  fitToHeight?: number;
  scale?: number;
  printArea?: string;
  /** Rows repeated at the top of every page, such as "1:3". */
  printTitleRows?: string;
  /** Manual page breaks: a new page starts after each of these row numbers. */
  rowBreaks?: number[];
  margins?: Margins;
  centerHorizontally?: boolean;
  headerCenter?: string;
  headerRight?: string;
  footerCenter?: string;
}

/** A chart drawn from ranges of its own sheet. */
export interface ChartSpec {
  name: string;
  type: 'clusteredColumn' | 'clusteredBar';
  title: string;
  /** Category labels, one column ("B4:B10"). */
  categories: string;
  /** One series per entry: its name and its values (one column, same length as categories). */
  series: { name: string; values: string }[];
  /** Cells the chart covers (top-left to bottom-right). */
  from: string;
  to: string;
  /** Value axis bounds. */
  minimum?: number;
  maximum?: number;
}

/** How a sheet is shown. */
export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

/** A whole sheet to create or replace. */
export interface SheetSpec {
  name: string;
  visibility?: SheetVisibility;
  tabColor?: string;
  /** Column widths in Excel character units, from column A. */
  columnWidths: number[];
  /**
   * Columns hidden from view, by 1-based column number (17 = Q). A hidden column keeps its width
   * and its cells: reading them still returns their values. Omit (or leave empty) to hide none.
   */
  hiddenColumns?: number[];
  /** Row heights in points, by 1-based row number. */
  rowHeights?: Record<number, number>;
  cells: CellWrite[];
  formats: RangeFormat[];
  validations?: ListValidation[];
  page?: PageSetup;
  /** Rows (and columns) frozen at the top-left. */
  freeze?: { rows: number; columns: number };
  charts?: ChartSpec[];
  /** Protect the sheet (no password): locked cells cannot be edited, unlocked ones can. */
  protect?: boolean;
  /** Show grid lines (default true). */
  showGridLines?: boolean;
}
