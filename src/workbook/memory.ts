/**
 * An in-memory workbook: the port for unit tests of the use cases and for demo mode.
 *
 * It keeps what the sheet specs say (cells, resolved per-cell formats, merges, validations, print
 * settings, charts, view options) and lets tests inspect it through read-only snapshots. It does not
 * evaluate formulas: a formula cell reads back the value it was written with (or null).
 *
 * The helpers (`resolveCellFormats`, `findSheetIndex`, `checkSheetName`, `checkCellWrite`,
 * `hiddenColumnList`, `listFormula`, `checkChart`, the messages) are exported because the ExcelJS port applies the same
 * rules; one copy keeps the two ports agreeing on what the contract suite checks.
 */

import { cellAddress, parseCell, parseRange, rangeAddress } from '../core/address';
import { sheetNameKey, sheetNameProblem } from '../core/sheetName';
import type { RangeBounds } from '../core/address';
import type {
  BorderStyle,
  CellStyle,
  CellValue,
  CellWrite,
  ChartSpec,
  ListValidation,
  PageSetup,
  RangeFormat,
  SheetSpec,
  SheetVisibility,
} from '../core/sheetSpec';
import { WorkbookError } from './port';
import type { PlaceOptions, RangeData, ReadRequest, SheetInfo, SheetWrite, WorkbookPort } from './port';

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

/** A stored cell: its value (the computed value for a formula) and its formula with "=". */
export interface MemoryCell {
  value: CellValue;
  formula: string | null;
}

/** A read-only view of one sheet, for assertions in tests. */
export interface SheetSnapshot {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly tabColor?: string;
  readonly columnWidths: readonly number[];
  /** Hidden columns by 1-based number, ascending ([] when none). */
  readonly hiddenColumns: readonly number[];
  readonly rowHeights: Readonly<Record<number, number>>;
  /** Non-empty cells by address ("B3"), in row-major order. */
  readonly cells: ReadonlyMap<string, Readonly<MemoryCell>>;
  /** Merged ranges as "A1:C2", in the order they were merged. */
  readonly merges: readonly string[];
  readonly validations: readonly Readonly<ListValidation>[];
  readonly page?: Readonly<PageSetup>;
  readonly freeze?: Readonly<{ rows: number; columns: number }>;
  readonly charts: readonly Readonly<ChartSpec>[];
  readonly protect: boolean;
  readonly showGridLines: boolean;
  /** The value of a cell (null when empty). */
  value(address: string): CellValue;
  /** The formula of a cell with "=" (null when none). */
  formula(address: string): string | null;
  /** The resolved format of a cell ({} when never formatted). */
  style(address: string): ResolvedCellStyle;
  /** The merged range a cell belongs to ("A1:C2"), or null. */
  mergeOf(address: string): string | null;
  /** The drop-down list on a cell (its `address` is the range it was given for), or null. */
  validationAt(address: string): Readonly<ListValidation> | null;
}

/** Excel's last column (XFD). */
const MAX_COLUMN = 16384;
/** Excel's longest cell text. */
const MAX_TEXT_LENGTH = 32767;
/** Excel's longest sheet name. */

/**
 * Applies range formats in order and returns each touched cell's resolved format.
 * `border` sets every side of every cell; `outline` then sets the outer sides of the range.
 * @param formats - the formats of a sheet spec, in order
 * @returns resolved formats by cell address
 */
export function resolveCellFormats(formats: readonly RangeFormat[]): Map<string, ResolvedCellStyle> {
  const styles = new Map<string, ResolvedCellStyle>();
  for (const format of formats) {
    if (format.style) applyStyle(styles, parseRange(format.address), format.style);
  }
  return styles;
}

function applyStyle(styles: Map<string, ResolvedCellStyle>, bounds: RangeBounds, style: CellStyle): void {
  const { border, outline, ...plain } = style;
  const defined = Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined));
  for (let row = bounds.top; row <= bounds.bottom; row++) {
    for (let column = bounds.left; column <= bounds.right; column++) {
      const address = cellAddress(row, column);
      const current = styles.get(address) ?? {};
      const next: ResolvedCellStyle = { ...current, ...defined };
      const borders: CellBorders = { ...current.borders };
      if (border) Object.assign(borders, { top: border, bottom: border, left: border, right: border });
      if (outline) {
        if (row === bounds.top) borders.top = outline;
        if (row === bounds.bottom) borders.bottom = outline;
        if (column === bounds.left) borders.left = outline;
        if (column === bounds.right) borders.right = outline;
      }
      if (Object.keys(borders).length > 0) next.borders = borders;
      styles.set(address, next);
    }
  }
}

/**
 * Finds a sheet by name the way Excel does: ignoring case.
 * @param names - sheet names in tab order
 * @param name - the name looked for
 * @returns its index, or -1
 */
export function findSheetIndex(names: readonly string[], name: string): number {
  const wanted = sheetNameKey(name);
  return names.findIndex((candidate) => sheetNameKey(candidate) === wanted);
}

/**
 * Rejects a sheet name Excel would refuse.
 * @param name - the proposed name
 */
export function checkSheetName(name: string): void {
  const problem = sheetNameProblem(name);
  if (problem) throw new WorkbookError(problem);
}

/**
 * Rejects a cell write Excel could not store.
 * @param sheet - the sheet name, for the message
 * @param write - the cell write
 */
export function checkCellWrite(sheet: string, write: CellWrite): void {
  const { value } = write;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new WorkbookError(`シート「${sheet}」のセル ${write.address} に数値でない値 (${value}) は書き込めません。`);
  }
  if (typeof value === 'string' && value.length > MAX_TEXT_LENGTH) {
    throw new WorkbookError(
      `シート「${sheet}」のセル ${write.address} の文字数が ${MAX_TEXT_LENGTH} 文字を超えています。`,
    );
  }
}

/**
 * Rejects hidden columns that are not columns of a sheet, and returns them ascending, each once.
 * @param sheet - the sheet name, for the message
 * @param columns - 1-based column numbers (SheetSpec.hiddenColumns)
 * @returns the columns, sorted and without repeats
 */
export function hiddenColumnList(sheet: string, columns: readonly number[] | undefined): number[] {
  for (const column of columns ?? []) {
    if (!Number.isInteger(column) || column < 1 || column > MAX_COLUMN) {
      throw new WorkbookError(`シート「${sheet}」の非表示列 ${column} は 1〜${MAX_COLUMN} の列番号にしてください。`);
    }
  }
  return [...new Set(columns ?? [])].sort((a, b) => a - b);
}

/** Excel's longest list of a list validation, as text between the quotes of its formula. */
const MAX_LIST_LENGTH = 255;

/**
 * The formula of a list validation: the items between double quotes, separated by commas.
 * Rejects lists Excel cannot store that way.
 * @param sheet - the sheet name, for the message
 * @param validation - the validation
 * @returns such as "\"工程どおり,前倒し,遅れ\""
 */
export function listFormula(sheet: string, validation: ListValidation): string {
  if (validation.list.length === 0 || validation.list.some((item) => item.includes(','))) {
    throw new WorkbookError(
      `シート「${sheet}」の ${validation.address} の入力規則: リストが空か、項目に「,」が含まれています。`,
    );
  }
  const text = validation.list.map((item) => item.replace(/"/g, '""')).join(',');
  if (text.length > MAX_LIST_LENGTH) {
    throw new WorkbookError(
      `シート「${sheet}」の ${validation.address} の入力規則: リストが ${MAX_LIST_LENGTH} 文字を超えています。`,
    );
  }
  return `"${text}"`;
}

/**
 * Rejects a chart whose ranges do not fit: categories and each series one column (or row) of the
 * same length, and a valid anchor.
 * @param sheet - the sheet name, for the message
 * @param chart - the chart
 */
export function checkChart(sheet: string, chart: ChartSpec): void {
  const fail = (reason: string): never => {
    throw new WorkbookError(`シート「${sheet}」のグラフ「${chart.name}」: ${reason}`);
  };
  const length = (address: string): number => {
    const bounds = parseRange(address);
    if (bounds.left !== bounds.right && bounds.top !== bounds.bottom)
      fail(`${address} は 1 列（または 1 行）の範囲にしてください。`);
    return Math.max(bounds.bottom - bounds.top, bounds.right - bounds.left) + 1;
  };
  const count = length(chart.categories);
  if (chart.series.length === 0) fail('系列がありません。');
  for (const series of chart.series) {
    if (length(series.values) !== count)
      fail(`系列「${series.name}」の範囲 ${series.values} は項目の範囲 ${chart.categories} と同じ長さにしてください。`);
  }
  const from = parseCell(chart.from);
  const to = parseCell(chart.to);
  if (to.row < from.row || to.column < from.column) fail(`位置 ${chart.from}〜${chart.to} が正しくありません。`);
}

/** The message for a sheet that does not exist. */
export function missingSheetMessage(name: string): string {
  return `シート「${name}」が見つかりません。`;
}

/** The message for a write into a merged cell other than its top-left one. */
export function mergedCellMessage(sheet: string, address: string): string {
  return `シート「${sheet}」のセル ${address} は結合セルの一部のため書き込めません（左上のセルに書き込んでください）。`;
}

/** One sheet's mutable state. */
class MemorySheet {
  name: string;
  visibility: SheetVisibility = 'visible';
  tabColor?: string;
  columnWidths: number[] = [];
  hiddenColumns: number[] = [];
  rowHeights: Record<number, number> = {};
  cells = new Map<string, MemoryCell>();
  styles = new Map<string, ResolvedCellStyle>();
  merges: RangeBounds[] = [];
  validations: ListValidation[] = [];
  page?: PageSetup;
  freeze?: { rows: number; columns: number };
  charts: ChartSpec[] = [];
  protect = false;
  showGridLines = true;

  constructor(name: string) {
    this.name = name;
  }

  mergeAt(row: number, column: number): RangeBounds | undefined {
    return this.merges.find(
      (merge) => row >= merge.top && row <= merge.bottom && column >= merge.left && column <= merge.right,
    );
  }

  write(write: CellWrite): void {
    checkCellWrite(this.name, write);
    const { row, column } = parseCell(write.address);
    const merge = this.mergeAt(row, column);
    if (merge && (merge.top !== row || merge.left !== column)) {
      throw new WorkbookError(mergedCellMessage(this.name, write.address));
    }
    const address = cellAddress(row, column);
    const value = write.value === undefined || write.value === '' ? null : write.value;
    if (write.formula) {
      this.cells.set(address, { value, formula: `=${write.formula}` });
    } else if (value === null) {
      this.cells.delete(address);
    } else {
      this.cells.set(address, { value, formula: null });
    }
  }

  merge(address: string): void {
    const bounds = parseRange(address);
    if (bounds.top === bounds.bottom && bounds.left === bounds.right) return;
    const overlapping = this.merges.some(
      (merge) =>
        merge.left <= bounds.right &&
        bounds.left <= merge.right &&
        merge.top <= bounds.bottom &&
        bounds.top <= merge.bottom,
    );
    if (overlapping) {
      throw new WorkbookError(`シート「${this.name}」の ${address} はすでに結合されたセルと重なっています。`);
    }
    // Like Excel, merging keeps only the top-left value.
    for (let row = bounds.top; row <= bounds.bottom; row++) {
      for (let column = bounds.left; column <= bounds.right; column++) {
        if (row !== bounds.top || column !== bounds.left) this.cells.delete(cellAddress(row, column));
      }
    }
    this.merges.push(bounds);
  }

  snapshot(): SheetSnapshot {
    const cells = new Map(
      [...this.cells.entries()]
        .map(([address, cell]) => ({ address, cell, position: parseCell(address) }))
        .sort((a, b) => a.position.row - b.position.row || a.position.column - b.position.column)
        .map(({ address, cell }) => [address, Object.freeze({ ...cell })] as const),
    );
    const styles = structuredClone(this.styles);
    const merges = this.merges.map((merge) => rangeAddress(merge));
    const mergeBounds = this.merges.map((merge) => ({ ...merge }));
    const validations = Object.freeze(structuredClone(this.validations));
    const normalise = (address: string): string => {
      const { row, column } = parseCell(address);
      return cellAddress(row, column);
    };
    return Object.freeze({
      name: this.name,
      visibility: this.visibility,
      tabColor: this.tabColor,
      columnWidths: Object.freeze([...this.columnWidths]),
      hiddenColumns: Object.freeze([...this.hiddenColumns]),
      rowHeights: Object.freeze({ ...this.rowHeights }),
      cells,
      merges: Object.freeze(merges),
      validations,
      page: this.page ? Object.freeze(structuredClone(this.page)) : undefined,
      freeze: this.freeze ? Object.freeze({ ...this.freeze }) : undefined,
      charts: Object.freeze(structuredClone(this.charts)),
      protect: this.protect,
      showGridLines: this.showGridLines,
      value: (address: string) => cells.get(normalise(address))?.value ?? null,
      formula: (address: string) => cells.get(normalise(address))?.formula ?? null,
      style: (address: string) => structuredClone(styles.get(normalise(address)) ?? {}),
      validationAt: (address: string) => {
        const { row, column } = parseCell(address);
        const found = validations.find((validation) => {
          const b = parseRange(validation.address);
          return row >= b.top && row <= b.bottom && column >= b.left && column <= b.right;
        });
        return found ?? null;
      },
      mergeOf: (address: string) => {
        const { row, column } = parseCell(address);
        const merge = mergeBounds.find((m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right);
        return merge ? rangeAddress(merge) : null;
      },
    });
  }
}

function buildSheet(spec: SheetSpec): MemorySheet {
  checkSheetName(spec.name);
  const sheet = new MemorySheet(spec.name);
  sheet.visibility = spec.visibility ?? 'visible';
  sheet.tabColor = spec.tabColor;
  sheet.columnWidths = [...spec.columnWidths];
  sheet.hiddenColumns = hiddenColumnList(spec.name, spec.hiddenColumns);
  sheet.rowHeights = { ...spec.rowHeights };
  for (const cell of spec.cells) sheet.write(cell);
  for (const format of spec.formats) {
    if (format.merge) sheet.merge(format.address);
  }
  sheet.styles = resolveCellFormats(spec.formats);
  sheet.validations = structuredClone(spec.validations ?? []);
  for (const validation of sheet.validations) listFormula(spec.name, validation);
  sheet.page = spec.page ? structuredClone(spec.page) : undefined;
  sheet.freeze = spec.freeze ? { ...spec.freeze } : undefined;
  sheet.charts = structuredClone(spec.charts ?? []);
  for (const chart of sheet.charts) checkChart(spec.name, chart);
  sheet.protect = spec.protect ?? false;
  sheet.showGridLines = spec.showGridLines ?? true;
  return sheet;
}

/** An in-memory WorkbookPort. Sheets keep their tab order; names match ignoring case, as in Excel. */
export class MemoryWorkbook implements WorkbookPort {
  private sheets: MemorySheet[] = [];

  /**
   * A workbook holding these sheets, in this order.
   * @param specs - the sheets
   * @returns the workbook
   */
  static fromSpecs(specs: readonly SheetSpec[]): MemoryWorkbook {
    const workbook = new MemoryWorkbook();
    workbook.put(specs, {});
    return workbook;
  }

  /**
   * A read-only snapshot of a sheet, for assertions.
   * @param name - the sheet name (any case)
   * @returns the snapshot; throws WorkbookError when the sheet does not exist
   */
  sheet(name: string): SheetSnapshot {
    return this.require(name).snapshot();
  }

  /** The sheet names in tab order (synchronous, for tests). */
  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((sheet) => ({ name: sheet.name, visibility: sheet.visibility }));
  }

  async readRanges(requests: readonly ReadRequest[]): Promise<RangeData[]> {
    return requests.map((request) => {
      const sheet = this.require(request.sheet);
      const bounds = parseRange(request.address);
      const values: CellValue[][] = [];
      const formulas: (string | null)[][] = [];
      for (let row = bounds.top; row <= bounds.bottom; row++) {
        const valueRow: CellValue[] = [];
        const formulaRow: (string | null)[] = [];
        for (let column = bounds.left; column <= bounds.right; column++) {
          const cell = sheet.cells.get(cellAddress(row, column));
          valueRow.push(cell?.value ?? null);
          formulaRow.push(cell?.formula ?? null);
        }
        values.push(valueRow);
        formulas.push(formulaRow);
      }
      return { sheet: request.sheet, address: request.address, values, formulas };
    });
  }

  async writeCells(writes: readonly SheetWrite[]): Promise<void> {
    // Look every sheet up first so that a missing sheet fails the batch before anything is written.
    const targets = writes.map((write) => this.require(write.sheet));
    writes.forEach((write, index) => {
      for (const cell of write.cells) targets[index].write(cell);
    });
  }

  async putSheets(specs: readonly SheetSpec[], options: PlaceOptions = {}): Promise<void> {
    this.put(specs, options);
  }

  async deleteSheets(names: readonly string[]): Promise<void> {
    for (const name of names) {
      const index = this.indexOf(name);
      if (index >= 0) this.sheets.splice(index, 1);
    }
  }

  async setPageSetups(setups: readonly { sheet: string; page: PageSetup }[]): Promise<void> {
    const targets = setups.map((setup) => this.require(setup.sheet));
    setups.forEach((setup, index) => {
      targets[index].page = structuredClone(setup.page);
    });
  }

  private put(specs: readonly SheetSpec[], options: PlaceOptions): void {
    // Build every sheet before placing any, so that a bad spec leaves the workbook unchanged.
    const built = specs.map((spec) => buildSheet(spec));
    for (const sheet of built) {
      const existing = this.indexOf(sheet.name);
      if (existing >= 0) {
        // A replaced sheet keeps its place in the tab order.
        this.sheets[existing] = sheet;
        continue;
      }
      const before = options.before === undefined ? -1 : this.indexOf(options.before);
      if (before >= 0) this.sheets.splice(before, 0, sheet);
      else this.sheets.push(sheet);
    }
  }

  private indexOf(name: string): number {
    return findSheetIndex(
      this.sheets.map((sheet) => sheet.name),
      name,
    );
  }

  private require(name: string): MemorySheet {
    const index = this.indexOf(name);
    if (index < 0) throw new WorkbookError(missingSheetMessage(name));
    return this.sheets[index];
  }
}
