/**
 * The fake workbook's state as plain data: what Excel would hold after each sync. Proxies
 * (./proxies) change it only while `context.sync()` runs their queued actions.
 */
import type { RangeBounds } from '../../core/address';
import { cellAddress, columnLetters } from '../../core/address';
import type {
  BorderLineStyle,
  BorderWeight,
  CellInput,
  CellOutput,
  HorizontalAlignment,
  PageLayoutValues,
  SheetVisibilityName,
  VerticalAlignment,
} from '../../excel/excelApi';

/** One border line of a cell edge. */
export interface FakeBorder {
  style: BorderLineStyle;
  weight: BorderWeight;
  color: string;
}

/** A cell's format. Absent members are Excel's defaults. */
export interface FakeCellFormat {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  fontColor?: string;
  fill?: string;
  horizontal?: HorizontalAlignment;
  vertical?: VerticalAlignment;
  wrap?: boolean;
  shrinkToFit?: boolean;
  numberFormat?: string;
  /** Excel's default is locked. */
  locked?: boolean;
  top?: FakeBorder;
  bottom?: FakeBorder;
  left?: FakeBorder;
  right?: FakeBorder;
}

/** A cell: its constant or cached value, its formula ("=…") if any, and its format. */
export interface FakeCell {
  value: CellOutput;
  formula?: string;
  format: FakeCellFormat;
}

export interface FakeValidation {
  bounds: RangeBounds;
  rule?: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  prompt?: Excel.DataValidationPrompt;
}

export interface FakeSeries {
  name: string;
  /** "Sheet!A1:A5" style, as given to setValues. */
  values?: string;
  categories?: string;
}

export interface FakeChart {
  name: string;
  type: string;
  title: string;
  series: FakeSeries[];
  from?: string;
  to?: string;
  minimum?: number;
  maximum?: number;
}

/** Print settings; margins in points as Office.js gives them. */
export interface FakePageLayout extends PageLayoutValues {
  centerHeader: string;
  rightHeader: string;
  centerFooter: string;
  printArea?: string;
  printTitleRows?: string;
  /** Rows before which a manual page break starts a page. */
  rowBreaks: number[];
}

export interface FakeSheet {
  id: string;
  name: string;
  deleted: boolean;
  visibility: SheetVisibilityName;
  tabColor: string;
  showGridlines: boolean;
  /** Points, by 1-based column. */
  columnWidths: Map<number, number>;
  /** Hidden columns, by 1-based number (Range.columnHidden). */
  hiddenColumns: Set<number>;
  /** Points, by 1-based row. */
  rowHeights: Map<number, number>;
  /** By cellKey(row, column). */
  cells: Map<string, FakeCell>;
  merges: RangeBounds[];
  validations: FakeValidation[];
  protection: { protected: boolean; options: Excel.WorksheetProtectionOptions };
  freeze: { rows: number; columns: number };
  page: FakePageLayout;
  charts: FakeChart[];
}

export interface FakeWorkbookState {
  sheets: FakeSheet[];
  activeSheetId: string;
  selection: string;
  nextId: number;
}

/** Excel's standard column width in characters (Calibri 11) and the same in points. */
export const STANDARD_WIDTH_CHARS = 8.43;
export const STANDARD_WIDTH_POINTS = 48;
export const STANDARD_ROW_HEIGHT = 15;
/** Excel's last row: a whole-column address ("Q:Q") spans rows 1 to this. */
export const MAX_ROW = 1_048_576;

export function cellKey(row: number, column: number): string {
  return `${row},${column}`;
}

export function newPageLayout(): FakePageLayout {
  // Excel's "Normal" margins: 0.75in top/bottom, 0.7in left/right, 0.3in header/footer.
  return {
    orientation: 'Portrait',
    paperSize: 'A4',
    zoom: { scale: 100 },
    topMargin: 54,
    bottomMargin: 54,
    leftMargin: 50.4,
    rightMargin: 50.4,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerHeader: '',
    rightHeader: '',
    centerFooter: '',
    rowBreaks: [],
  };
}

export function newSheet(state: FakeWorkbookState, name: string): FakeSheet {
  const id = `{00000000-0001-0000-0000-${String(state.nextId++).padStart(12, '0')}}`;
  return {
    id,
    name,
    deleted: false,
    visibility: 'Visible',
    tabColor: '',
    showGridlines: true,
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    rowHeights: new Map(),
    cells: new Map(),
    merges: [],
    validations: [],
    protection: { protected: false, options: {} },
    freeze: { rows: 0, columns: 0 },
    page: newPageLayout(),
    charts: [],
  };
}

export function getCell(sheet: FakeSheet, row: number, column: number): FakeCell | undefined {
  return sheet.cells.get(cellKey(row, column));
}

export function ensureCell(sheet: FakeSheet, row: number, column: number): FakeCell {
  const key = cellKey(row, column);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = { value: '', format: {} };
    sheet.cells.set(key, cell);
  }
  return cell;
}

/** Calls `visit` for every cell position of a range, row by row. */
export function forEachCell(
  bounds: RangeBounds,
  visit: (row: number, column: number, r: number, c: number) => void,
): void {
  for (let row = bounds.top; row <= bounds.bottom; row++) {
    for (let column = bounds.left; column <= bounds.right; column++) {
      visit(row, column, row - bounds.top, column - bounds.left);
    }
  }
}

export function overlaps(a: RangeBounds, b: RangeBounds): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** The cells merges cover (all but their top-left), by merge list and its length. */
const covers = new WeakMap<RangeBounds[], { length: number; cells: Set<string> }>();

/** Whether a cell lies in a merged area but is not its top-left cell (Excel keeps no value there). */
export function coveredByMerge(sheet: FakeSheet, row: number, column: number): boolean {
  let cover = covers.get(sheet.merges);
  if (!cover || cover.length !== sheet.merges.length) {
    const cells = new Set<string>();
    for (const merge of sheet.merges)
      forEachCell(merge, (r, c) => {
        if (r !== merge.top || c !== merge.left) cells.add(cellKey(r, c));
      });
    cover = { length: sheet.merges.length, cells };
    covers.set(sheet.merges, cover);
  }
  return cover.cells.has(cellKey(row, column));
}

/** The Excel serial number of a date (1900 system, as Excel for Windows). */
function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * What Excel makes of a value typed or written through `values`/`formulas`: a leading apostrophe
 * keeps text; "=…" (and non-numeric `+…`, `-…`, `@…`) become formulas; numbers, TRUE/FALSE and
 * dates given as text are converted, as Excel does with typed input. Returns null for "leave as is".
 */
export function interpretInput(input: CellInput): { value: CellOutput; formula?: string } | null {
  if (input === null) return null;
  if (typeof input !== 'string') return { value: input };
  if (input === '') return { value: '' };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { value: '', formula: input };
  const numeric = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;
  const trimmed = input.trim();
  if (/\d/.test(trimmed) && numeric.test(trimmed)) {
    const percent = trimmed.endsWith('%');
    const number = Number(trimmed.replace(/[,%]/g, ''));
    if (Number.isFinite(number)) return { value: percent ? number / 100 : number };
  }
  if (/^[+\-@]/.test(input)) return { value: '', formula: `=${input.replace(/^@/, '')}` };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const ymd = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(trimmed);
  if (ymd) return { value: dateSerial(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])) };
  const md = /^(\d{1,2})(?:\/|月)(\d{1,2})日?$/.exec(trimmed);
  if (md && Number(md[1]) <= 12 && Number(md[2]) <= 31) {
    return { value: dateSerial(new Date().getFullYear(), Number(md[1]), Number(md[2])) };
  }
  return { value: input };
}

/** "Sheet1" or "'My sheet'" as Excel writes a sheet name in an address. */
export function quoteSheetName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetAddress(sheet: FakeSheet, bounds: RangeBounds): string {
  if (bounds.top === 1 && bounds.bottom === MAX_ROW) {
    // Whole columns, as Excel reports them: "Sheet1!Q:Q".
    return `${quoteSheetName(sheet.name)}!${columnLetters(bounds.left)}:${columnLetters(bounds.right)}`;
  }
  const start = cellAddress(bounds.top, bounds.left);
  const end = cellAddress(bounds.bottom, bounds.right);
  return `${quoteSheetName(sheet.name)}!${start === end ? start : `${start}:${end}`}`;
}
