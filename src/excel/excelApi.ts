/**
 * The subset of the Excel JavaScript API that OfficeWorkbook uses, as structural types.
 *
 * Why a subset and not `Excel.RequestContext` itself: the in-memory fake (src/demo/fakeExcel) must
 * implement exactly what we call, and the compiler should check both sides. The real API is
 * checked against these types at the bottom of this file (`REAL_EXCEL_FITS_SUBSET`), so a typo
 * here or a call the real API lacks is a compile error, and the fake implements these interfaces.
 * Property types come from `@types/office-js` where the real API constrains them (enums as strings).
 * Only types: nothing here exists at run time, so tests and the browser demo need no `Excel` global.
 */

/** Values as written: null leaves a cell unchanged (Office.js 2-D array semantics). */
export type CellInput = string | number | boolean | null;
/** Values as read: '' for an empty cell. */
export type CellOutput = string | number | boolean;

// Enum-like property types are the real ones (string enums or their literal names), because
// properties are compared covariantly: ours must accept everything the real API may return.
export type HorizontalAlignment = Excel.RangeFormat['horizontalAlignment'];
export type VerticalAlignment = Excel.RangeFormat['verticalAlignment'];
export type BorderIndex =
  | 'EdgeTop'
  | 'EdgeBottom'
  | 'EdgeLeft'
  | 'EdgeRight'
  | 'InsideVertical'
  | 'InsideHorizontal'
  | 'DiagonalDown'
  | 'DiagonalUp';
export type BorderLineStyle = Excel.RangeBorder['style'];
export type BorderWeight = Excel.RangeBorder['weight'];
export type SheetVisibilityName = Excel.Worksheet['visibility'];
export type ChartTypeName = 'ColumnClustered' | 'BarClustered';
export type SeriesBy = 'Auto' | 'Columns' | 'Rows';
export type Orientation = Excel.PageLayout['orientation'];
export type PaperSizeName = Excel.PageLayout['paperSize'];

/** Every proxy: `load` queues a read that `context.sync()` fills in. */
export interface LoadableLike {
  load(propertyNames?: string | string[]): this;
}

export interface RangeBorderLike {
  style: BorderLineStyle;
  weight: BorderWeight;
  color: string;
}

export interface RangeFormatLike extends LoadableLike {
  columnWidth: number;
  rowHeight: number;
  horizontalAlignment: HorizontalAlignment;
  verticalAlignment: VerticalAlignment;
  wrapText: boolean;
  /** ExcelApi 1.9. */
  shrinkToFit: boolean;
  font: { name: string; size: number; bold: boolean; color: string };
  fill: { color: string };
  borders: { getItem(index: BorderIndex): RangeBorderLike };
  /** ExcelApi 1.2. */
  protection: { locked: boolean };
}

/** ExcelApi 1.8. */
export interface DataValidationLike {
  rule: Excel.DataValidationRule;
  errorAlert: Excel.DataValidationErrorAlert;
  prompt: Excel.DataValidationPrompt;
  clear(): void;
}

/** ExcelApi 1.9: a range's cells of one kind, as rectangular areas. */
export interface RangeAreasLike extends LoadableLike {
  readonly isNullObject: boolean;
  /** The number of cells in the areas. */
  readonly cellCount: number;
  readonly areas: {
    load(propertyNames?: string | string[]): unknown;
    readonly items: { readonly formulas: CellOutput[][]; readonly rowIndex: number; readonly columnIndex: number }[];
  };
}

export interface RangeLike extends LoadableLike {
  readonly address: string;
  // Reads give '' for empty cells; writes take null for "leave this cell as it is".
  get values(): CellOutput[][];
  set values(values: CellInput[][]);
  get formulas(): CellOutput[][];
  set formulas(formulas: CellInput[][]);
  get numberFormat(): CellOutput[][];
  set numberFormat(formats: (string | null)[][]);
  /**
   * ExcelApi 1.2: whether every column of the range is hidden (null when some are); setting it
   * hides or shows the range's whole columns. Values of hidden cells still read as usual.
   */
  columnHidden: boolean;
  readonly format: RangeFormatLike;
  readonly dataValidation: DataValidationLike;
  readonly worksheet: WorksheetLike;
  merge(across?: boolean): void;
  select(): void;
  /** ExcelApi 1.9: the formula cells of the range, or a null object when it has none. */
  getSpecialCellsOrNullObject(cellType: 'Formulas'): RangeAreasLike;
}

export interface ChartSeriesLike {
  name: string;
  /** ExcelApi 1.7. */
  setValues(sourceData: RangeLike): void;
  /** ExcelApi 1.7. */
  setXAxisValues(sourceData: RangeLike): void;
}

export interface ChartLike {
  name: string;
  readonly title: { text: string };
  readonly axes: { readonly valueAxis: { minimum: number; maximum: number } };
  readonly series: {
    getItemAt(index: number): ChartSeriesLike;
    /** ExcelApi 1.7. */
    add(name?: string, index?: number): ChartSeriesLike;
  };
  setPosition(startCell: string, endCell?: string): void;
}

/** The page settings a sheet's page layout holds as plain values (the port sets each of them). */
export interface PageLayoutValues {
  orientation: Orientation;
  paperSize: PaperSizeName;
  zoom: Excel.PageLayoutZoomOptions;
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
}

/** ExcelApi 1.9. */
export interface PageLayoutLike extends LoadableLike, PageLayoutValues {
  readonly headersFooters: {
    readonly defaultForAllPages: { centerHeader: string; rightHeader: string; centerFooter: string };
  };
  setPrintArea(printArea: string): void;
  setPrintTitleRows(printTitleRows: string): void;
}

export interface WorksheetProtectionLike extends LoadableLike {
  readonly protected: boolean;
  readonly options: Excel.WorksheetProtectionOptions;
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void;
  unprotect(password?: string): void;
}

export interface EventResultLike {
  remove(): void;
  readonly context: { sync(): Promise<unknown> };
}

export interface WorksheetChangedEventLike {
  add(handler: (event: Excel.WorksheetChangedEventArgs) => Promise<unknown>): EventResultLike;
}

export interface WorksheetLike extends LoadableLike {
  readonly id: string;
  name: string;
  position: number;
  visibility: SheetVisibilityName;
  /** ExcelApi 1.7. */
  tabColor: string;
  /** ExcelApi 1.8. */
  showGridlines: boolean;
  /** ExcelApi 1.7: the default column width in characters. */
  readonly standardWidth: number;
  readonly isNullObject: boolean;
  getRange(address?: string): RangeLike;
  delete(): void;
  activate(): void;
  /** ExcelApi 1.7. */
  readonly freezePanes: {
    freezeAt(frozenRange: string): void;
    freezeRows(count?: number): void;
    freezeColumns(count?: number): void;
  };
  /** ExcelApi 1.2. */
  readonly protection: WorksheetProtectionLike;
  /** ExcelApi 1.9. */
  readonly pageLayout: PageLayoutLike;
  /** ExcelApi 1.9. */
  readonly horizontalPageBreaks: { add(pageBreakRange: string): unknown };
  readonly charts: { add(type: ChartTypeName, sourceData: RangeLike, seriesBy?: SeriesBy): ChartLike };
}

export interface WorksheetCollectionLike extends LoadableLike {
  readonly items: WorksheetLike[];
  getItem(key: string): WorksheetLike;
  getItemOrNullObject(key: string): WorksheetLike;
  add(name?: string): WorksheetLike;
  getActiveWorksheet(): WorksheetLike;
  /** ExcelApi 1.9. */
  readonly onChanged: WorksheetChangedEventLike;
}

export interface ExcelContext {
  readonly workbook: {
    readonly worksheets: WorksheetCollectionLike;
    getSelectedRange(): RangeLike;
  };
  readonly application: {
    /** ExcelApi 1.6. */
    suspendApiCalculationUntilNextSync(): void;
    /** ExcelApi 1.9. */
    suspendScreenUpdatingUntilNextSync(): void;
  };
  sync(): Promise<unknown>;
}

/** Options of `Excel.run` that we use (`delayForCellEdit` is ExcelApi 1.11). */
export interface RunOptionsLike {
  delayForCellEdit?: boolean;
}

/** `Excel.run(options, batch)`, or the fake's equivalent. */
export type ExcelRun = <T>(options: RunOptionsLike, batch: (context: ExcelContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported`, or the fake's equivalent. */
export type RequirementCheck = (set: string, version: string) => boolean;

/**
 * Compile-time proof that the real API provides this subset: if `@types/office-js` disagrees with
 * any member above, this line stops compiling.
 */
export const REAL_EXCEL_FITS_SUBSET: Excel.RequestContext extends ExcelContext ? true : false = true;
