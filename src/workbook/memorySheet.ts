/**
 * One sheet of the in-memory workbook: cells, merges (indexed by row), formats (resolved per cell
 * on first use), validations, print settings, charts and view options, and read-only snapshots of
 * it for tests.
 */
import { cellAddress, parseCell, parseRange, rangeAddress } from '../core/address';
import type { RangeBounds } from '../core/address';
import type {
  CellValue,
  CellWrite,
  ChartSpec,
  ListValidation,
  PageSetup,
  RangeFormat,
  SheetSpec,
  SheetVisibility,
} from '../core/sheetSpec';
import { hiddenColumnList } from '../core/validateSheetSpecs';
import { resolveCellFormats, type ResolvedCellStyle } from './cellFormats';
import { MergeIndex } from './mergeIndex';
import { WorkbookError } from './port';

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
  /** The resolved format of a cell (`{}` when never formatted). */
  style(address: string): ResolvedCellStyle;
  /** The merged range a cell belongs to ("A1:C2"), or null. */
  mergeOf(address: string): string | null;
  /** The drop-down list on a cell (its `address` is the range it was given for), or null. */
  validationAt(address: string): Readonly<ListValidation> | null;
}

/**
 * Elementary steps a MemoryWorkbook took, for tests that hold its cost linear in the size of the
 * workbook: sheets examined by a lookup or an index build, merges examined, cells visited.
 */
export interface WorkbookOperations {
  sheetSteps: number;
  mergeSteps: number;
  cellSteps: number;
}

/** The message for a sheet that does not exist. */
export function missingSheetMessage(name: string): string {
  return `シート「${name}」が見つかりません。`;
}

/** The message for a write into a merged cell other than its top-left one. */
export function mergedCellMessage(sheet: string, address: string): string {
  return `シート「${sheet}」のセル ${address} は結合セルの一部のため書き込めません（左上のセルに書き込んでください）。`;
}

/**
 * The key of a cell in a sheet's map of cells.
 * @param row - 1-based row
 * @param column - 1-based column
 * @returns a number unique to the cell
 */
export function cellKey(row: number, column: number): number {
  return row * 16385 + column;
}

function within(bounds: RangeBounds, row: number, column: number): boolean {
  return row >= bounds.top && row <= bounds.bottom && column >= bounds.left && column <= bounds.right;
}

/** One sheet's state. */
export class MemorySheet {
  visibility: SheetVisibility = 'visible';
  tabColor?: string;
  columnWidths: number[] = [];
  hiddenColumns: number[] = [];
  rowHeights: Record<number, number> = {};
  /** Non-empty cells by cellKey. */
  readonly cells = new Map<number, MemoryCell>();
  /** Merged ranges in the order merged, and by each row they cover. */
  private merges: RangeBounds[] = [];
  private readonly mergeIndex = new MergeIndex();
  private formats: readonly RangeFormat[] = [];
  private resolved?: Map<string, ResolvedCellStyle>;
  validations: ListValidation[] = [];
  page?: PageSetup;
  freeze?: { rows: number; columns: number };
  charts: ChartSpec[] = [];
  protect = false;
  showGridLines = true;

  private constructor(
    readonly name: string,
    private readonly operations: WorkbookOperations,
  ) {}

  /**
   * A sheet holding what a spec (already validated) says. Cells a merge hides are dropped, as
   * Excel keeps only the top-left value of a merged area.
   * @param spec - the sheet
   * @param operations - where to count steps
   * @returns the sheet
   */
  static fromSpec(spec: SheetSpec, operations: WorkbookOperations): MemorySheet {
    const sheet = new MemorySheet(spec.name, operations);
    sheet.visibility = spec.visibility ?? 'visible';
    sheet.tabColor = spec.tabColor;
    sheet.columnWidths = [...spec.columnWidths];
    sheet.hiddenColumns = hiddenColumnList(spec.name, spec.hiddenColumns);
    sheet.rowHeights = { ...spec.rowHeights };
    for (const format of spec.formats) {
      if (!format.merge) continue;
      const bounds = parseRange(format.address);
      if (bounds.top < bounds.bottom || bounds.left < bounds.right) sheet.addMerge(bounds);
    }
    for (const write of spec.cells) {
      const { row, column } = parseCell(write.address);
      const merge = sheet.mergeAt(row, column);
      if (!merge || (merge.top === row && merge.left === column)) sheet.store(row, column, write);
    }
    operations.cellSteps += spec.cells.length;
    sheet.formats = spec.formats;
    sheet.validations = structuredClone(spec.validations ?? []);
    sheet.page = spec.page ? structuredClone(spec.page) : undefined;
    sheet.freeze = spec.freeze ? { ...spec.freeze } : undefined;
    sheet.charts = structuredClone(spec.charts ?? []);
    sheet.protect = spec.protect ?? false;
    sheet.showGridLines = spec.showGridLines ?? true;
    return sheet;
  }

  private addMerge(bounds: RangeBounds): void {
    this.merges.push(bounds);
    this.mergeIndex.add(bounds);
    this.operations.mergeSteps += bounds.bottom - bounds.top + 1;
  }

  /**
   * The merged range covering a cell, through the row index.
   * @param row - 1-based row
   * @param column - 1-based column
   * @returns the merge, or undefined
   */
  mergeAt(row: number, column: number): RangeBounds | undefined {
    this.operations.mergeSteps += this.mergeIndex.countAt(row);
    return this.mergeIndex.at(row, column);
  }

  /** The resolved formats by cell, computed on first use (only snapshots need them). */
  styles(): Map<string, ResolvedCellStyle> {
    if (!this.resolved) {
      this.resolved = resolveCellFormats(this.formats);
      this.operations.cellSteps += this.resolved.size;
    }
    return this.resolved;
  }

  /**
   * Writes one cell (already validated), refusing the cells a merge hides.
   * @param write - the cell write
   */
  write(write: CellWrite): void {
    const { row, column } = parseCell(write.address);
    const merge = this.mergeAt(row, column);
    if (merge && (merge.top !== row || merge.left !== column)) {
      throw new WorkbookError(mergedCellMessage(this.name, write.address));
    }
    this.store(row, column, write);
  }

  private store(row: number, column: number, write: CellWrite): void {
    const address = cellKey(row, column);
    const value = write.value === undefined || write.value === '' ? null : write.value;
    if (write.formula) this.cells.set(address, { value, formula: `=${write.formula}` });
    else if (value === null) this.cells.delete(address);
    else this.cells.set(address, { value, formula: null });
  }

  /** A read-only copy of the sheet as it is now. */
  snapshot(): SheetSnapshot {
    const cells = new Map(
      [...this.cells.entries()]
        .sort(([a], [b]) => a - b)
        .map(([key, cell]) => [cellAddress(Math.floor(key / 16385), key % 16385), Object.freeze({ ...cell })] as const),
    );
    // Formats and merges never change after a sheet is built, so the snapshot may share them.
    const styles = this.styles();
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
      merges: Object.freeze(this.merges.map((merge) => rangeAddress(merge))),
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
        return validations.find((validation) => within(parseRange(validation.address), row, column)) ?? null;
      },
      mergeOf: (address: string) => {
        const { row, column } = parseCell(address);
        const merge = this.mergeAt(row, column);
        return merge ? rangeAddress(merge) : null;
      },
    });
  }
}
