/**
 * The workbook port over ExcelJS, for the CLI and for tests: .xlsx files in and out. This folder is
 * the only code that imports exceljs.
 *
 * ExcelJS writes no charts, so the charts of sheets put through an instance are remembered and
 * added to the package when it is saved (injectCharts). Charts of a file that was opened are not
 * kept: ExcelJS drops them on reading (see docs/decisions.md).
 */

import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Worksheet } from 'exceljs';
import { cellAddress, parseCell, parseRange, rangeAddress } from '../core/address';
import type { CellValue, ChartSpec, ListValidation, PageSetup, SheetSpec } from '../core/sheetSpec';
import { WorkbookError } from '../workbook/port';
import { checkGuard } from '../workbook/guard';
import type {
  GuardOptions,
  PlaceOptions,
  RangeData,
  ReadRequest,
  SheetInfo,
  SheetWrite,
  WorkbookPort,
} from '../workbook/port';
import { validateCellWrites, validatePageSetups, validateSheetSpecs } from '../core/validateSheetSpecs';
import { missingSheetMessage } from '../workbook/memory';
import { SheetIndex } from '../workbook/sheetIndex';
import type { MemoryCell, ResolvedCellStyle, SheetSnapshot } from '../workbook/memory';
import { escapeUnstorableTexts, plainValue, readCell } from './cellValues';
import { fromExcelStyle } from './cellStyles';
import { injectCharts } from './injectCharts';
import type { SheetCharts } from './injectCharts';
import { normaliseBooleans, readRowBreaks } from './packageParts';
import { applyPageSetup, fixPageNumbers, fixPrintArea, internals, LAST_COLUMN_INDEX, readPageSetup } from './pageSetup';
import { renderSheet, writeCell } from './renderSheet';

/** An .xlsx workbook behind the WorkbookPort. */
export class XlsxWorkbook implements WorkbookPort {
  /** Charts of the sheets put through this instance, by sheet name. */
  private readonly charts = new Map<string, ChartSpec[]>();

  private constructor(private readonly workbook: ExcelJS.Workbook) {}

  /** A new, empty workbook. */
  static create(): XlsxWorkbook {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Shinchoku';
    // Ask Excel to recalculate on open: the cached results we write come from our own arithmetic.
    workbook.calcProperties.fullCalcOnLoad = true;
    return new XlsxWorkbook(workbook);
  }

  /**
   * Opens an .xlsx file.
   * @param source - a file path or the file's bytes
   * @returns the workbook; throws WorkbookError when the file cannot be read as .xlsx
   */
  static async open(source: string | Uint8Array): Promise<XlsxWorkbook> {
    const what = typeof source === 'string' ? `ファイル「${source}」` : 'ファイル';
    const bytes = typeof source === 'string' ? await readBytes(source, what) : Buffer.from(source);
    const workbook = new ExcelJS.Workbook();
    try {
      const zip = await JSZip.loadAsync(bytes);
      const readable = (await normaliseBooleans(zip)) ? await zip.generateAsync({ type: 'nodebuffer' }) : bytes;
      // ExcelJS's typings declare their own Buffer interface; a Node Buffer is what it reads.
      await workbook.xlsx.load(readable as unknown as ExcelJS.Buffer);
      // ExcelJS writes manual page breaks but does not read them: restore them from the XML.
      for (const [sheet, rows] of await readRowBreaks(zip)) {
        const worksheet = workbook.getWorksheet(sheet);
        if (worksheet) internals(worksheet).rowBreaks = rows.map((id) => ({ id, max: LAST_COLUMN_INDEX, man: 1 }));
      }
    } catch (error) {
      throw new WorkbookError(`${what}を Excel ブック (.xlsx) として開けません: ${String(error)}`, { cause: error });
    }
    return new XlsxWorkbook(workbook);
  }

  /**
   * Writes the workbook to a file.
   * @param path - the .xlsx path
   */
  async save(path: string): Promise<void> {
    await writeFile(path, await this.toBuffer());
  }

  /** The workbook as .xlsx bytes, charts included. */
  async toBuffer(): Promise<Buffer> {
    this.showFirstVisibleSheet();
    for (const worksheet of this.ordered()) {
      fixPrintArea(worksheet);
      fixPageNumbers(worksheet);
    }
    // ExcelJS drops control characters on save; .xlsx keeps them as _xHHHH_ escapes.
    const restore = escapeUnstorableTexts(this.ordered());
    let written: Buffer;
    try {
      written = Buffer.from((await this.workbook.xlsx.writeBuffer()) as ArrayBuffer);
    } finally {
      restore();
    }
    return injectCharts(written, this.chartsToWrite());
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.ordered().map((worksheet) => ({ name: worksheet.name, visibility: worksheet.state ?? 'visible' }));
  }

  async readRanges(requests: readonly ReadRequest[]): Promise<RangeData[]> {
    const index = this.index();
    return requests.map((request) => {
      const worksheet = this.require(request.sheet, index);
      const bounds = parseRange(request.address);
      const values: CellValue[][] = [];
      const formulas: (string | null)[][] = [];
      for (let row = bounds.top; row <= bounds.bottom; row++) {
        const found = worksheet.findRow(row);
        const cells = [];
        for (let column = bounds.left; column <= bounds.right; column++) cells.push(readCell(found?.findCell(column)));
        values.push(cells.map((cell) => cell.value));
        formulas.push(cells.map((cell) => cell.formula));
      }
      return { sheet: request.sheet, address: request.address, values, formulas };
    });
  }

  async writeCells(writes: readonly SheetWrite[]): Promise<void> {
    validateCellWrites(writes);
    const index = this.index();
    const targets = writes.map((write) => this.require(write.sheet, index));
    writes.forEach((write, index) => {
      for (const cell of write.cells) writeCell(targets[index], cell);
    });
  }

  async putSheets(specs: readonly SheetSpec[], options: PlaceOptions = {}): Promise<void> {
    // The rules every port shares; a bad spec fails here, before this workbook changes.
    validateSheetSpecs(specs);
    await checkGuard(this, specs, options.guard);
    const order = this.ordered();
    const index = new SheetIndex(order, (worksheet) => worksheet.name);
    const added: Worksheet[] = [];
    for (const spec of specs) {
      const position = index.position(spec.name);
      if (position >= 0) {
        this.charts.delete(order[position].name);
        this.workbook.removeWorksheet(order[position].id);
      }
      const worksheet = this.workbook.addWorksheet(spec.name);
      await renderSheet(worksheet, spec);
      if (spec.charts?.length) this.charts.set(spec.name, structuredClone(spec.charts));
      // A replaced sheet keeps its place in the tab order; new ones go together before `before`.
      if (position >= 0) order[position] = worksheet;
      else added.push(worksheet);
    }
    const before = options.before === undefined ? -1 : index.position(options.before);
    const at = before >= 0 ? before : order.length;
    [...order.slice(0, at), ...added, ...order.slice(at)].forEach((worksheet, position) => {
      internals(worksheet).orderNo = position + 1;
    });
  }

  async deleteSheets(names: readonly string[], options: GuardOptions = {}): Promise<void> {
    await checkGuard(this, names, options.guard);
    const index = this.index();
    for (const name of names) {
      const worksheet = index.get(name);
      if (!worksheet || !this.workbook.getWorksheet(worksheet.id)) continue;
      this.charts.delete(worksheet.name);
      this.workbook.removeWorksheet(worksheet.id);
    }
  }

  async setPageSetups(setups: readonly { sheet: string; page: PageSetup }[]): Promise<void> {
    validatePageSetups(setups);
    const index = this.index();
    const targets = setups.map((setup) => this.require(setup.sheet, index));
    setups.forEach((setup, index) => applyPageSetup(targets[index], setup.page));
  }

  /**
   * A read-only description of a sheet as this workbook holds it, in the port's terms, for tests
   * and round-trip checks (the same shape as MemoryWorkbook's snapshots).
   * @param name - the sheet name (any case)
   * @returns the snapshot; throws WorkbookError when the sheet does not exist
   */
  sheet(name: string): SheetSnapshot {
    const worksheet = this.require(name);
    const cells = new Map<string, MemoryCell>();
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const read = readCell(cell);
        if (read.value !== null || read.formula !== null) cells.set(cell.address, read);
      });
    });
    const merges = this.merges(worksheet);
    const validations = this.validations(worksheet);
    const view = worksheet.views[0];
    const frozen = view?.state === 'frozen' ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : undefined;
    const columns = worksheet.columns ?? [];
    const rowHeights: Record<number, number> = {};
    worksheet.eachRow({ includeEmpty: true }, (row) => {
      if (row.height !== undefined) rowHeights[row.number] = row.height;
    });
    const within = (address: string, range: string): boolean => {
      const { row, column } = parseCell(address);
      const bounds = parseRange(range);
      return row >= bounds.top && row <= bounds.bottom && column >= bounds.left && column <= bounds.right;
    };
    return Object.freeze({
      name: worksheet.name,
      visibility: worksheet.state ?? 'visible',
      tabColor: worksheet.properties.tabColor?.argb ? `#${worksheet.properties.tabColor.argb.slice(2)}` : undefined,
      columnWidths: columns.map((column) => column.width ?? 0),
      hiddenColumns: columns.flatMap((column, index) => (column.hidden ? [index + 1] : [])),
      rowHeights,
      cells,
      merges,
      validations,
      page: readPageSetup(worksheet),
      freeze: frozen,
      charts: structuredClone(this.charts.get(worksheet.name) ?? []),
      protect: Boolean(internals(worksheet).sheetProtection?.sheet),
      showGridLines: view?.showGridLines !== false,
      value: (address: string) => readCell(worksheet.findCell(parseCell(address).row, parseCell(address).column)).value,
      formula: (address: string) =>
        readCell(worksheet.findCell(parseCell(address).row, parseCell(address).column)).formula,
      style: (address: string): ResolvedCellStyle => {
        const { row, column } = parseCell(address);
        const cell = worksheet.findCell(row, column);
        return cell ? fromExcelStyle(cell.style) : {};
      },
      mergeOf: (address: string) => merges.find((merge) => within(address, merge)) ?? null,
      validationAt: (address: string) => validations.find((validation) => within(address, validation.address)) ?? null,
    });
  }

  private merges(worksheet: Worksheet): string[] {
    // ExcelJS keeps merges as Range objects keyed by their top-left cell.
    return Object.values(internals(worksheet)._merges)
      .filter((merge) => merge !== undefined)
      .map((merge) => rangeAddress(parseRange(merge.range)));
  }

  private validations(worksheet: Worksheet): ListValidation[] {
    // ExcelJS expands ranges to one entry per cell when reading; group equal neighbours back into
    // rectangles so that a snapshot before and after a save compare equal.
    const byCell = new Map<string, { key: string; validation: ListValidation }>();
    for (const [address, validation] of Object.entries(internals(worksheet).dataValidations.model)) {
      if (!validation || validation.type !== 'list') continue;
      const formula = String(validation.formulae[0] ?? '');
      if (!formula.startsWith('"')) continue;
      const list = formula.slice(1, -1).replace(/""/g, '"').split(',');
      const described: ListValidation = {
        address,
        list,
        ...(validation.error && { errorMessage: validation.error }),
        ...(validation.prompt && { prompt: validation.prompt }),
      };
      const key = JSON.stringify([list, validation.error, validation.prompt]);
      const bounds = parseRange(address);
      for (let row = bounds.top; row <= bounds.bottom; row++) {
        for (let column = bounds.left; column <= bounds.right; column++) {
          byCell.set(cellAddress(row, column), { key, validation: described });
        }
      }
    }
    const cells = [...byCell.keys()]
      .map((address) => parseCell(address))
      .sort((a, b) => a.row - b.row || a.column - b.column);
    const taken = new Set<string>();
    const result: ListValidation[] = [];
    for (const start of cells) {
      const startAddress = cellAddress(start.row, start.column);
      const entry = byCell.get(startAddress);
      if (taken.has(startAddress) || !entry) continue;
      const { key, validation } = entry;
      const same = (row: number, column: number): boolean =>
        !taken.has(cellAddress(row, column)) && byCell.get(cellAddress(row, column))?.key === key;
      let bottom = start.row;
      while (same(bottom + 1, start.column)) bottom++;
      let right = start.column;
      const columnMatches = (column: number): boolean => {
        for (let row = start.row; row <= bottom; row++) if (!same(row, column)) return false;
        return true;
      };
      while (columnMatches(right + 1)) right++;
      for (let row = start.row; row <= bottom; row++) {
        for (let column = start.column; column <= right; column++) taken.add(cellAddress(row, column));
      }
      result.push({ ...validation, address: rangeAddress({ top: start.row, left: start.column, bottom, right }) });
    }
    return result;
  }

  private chartsToWrite(): SheetCharts[] {
    const index = this.index();
    return [...this.charts].map(([sheet, charts]) => {
      const worksheet = this.require(sheet, index);
      const column = (address: string): CellValue[] => {
        const bounds = parseRange(address);
        const values: CellValue[] = [];
        for (let row = bounds.top; row <= bounds.bottom; row++) {
          for (let col = bounds.left; col <= bounds.right; col++) {
            values.push(plainValue(readCell(worksheet.findCell(row, col)).value));
          }
        }
        return values;
      };
      return {
        sheet: worksheet.name,
        charts: charts.map((chart) => ({
          chart,
          cache: { categories: column(chart.categories), series: chart.series.map((series) => column(series.values)) },
        })),
      };
    });
  }

  /** Excel shows the active tab even when hidden; make it the first visible sheet. */
  private showFirstVisibleSheet(): void {
    const first = Math.max(
      0,
      this.ordered().findIndex((worksheet) => (worksheet.state ?? 'visible') === 'visible'),
    );
    this.workbook.views = [
      { x: 0, y: 0, width: 10000, height: 20000, firstSheet: first, activeTab: first, visibility: 'visible' },
    ];
  }

  /** The worksheets in tab order (ExcelJS sorts a copy on every call: call once per port call). */
  private ordered(): Worksheet[] {
    return this.workbook.worksheets;
  }

  /** The worksheets indexed by name, built once per port call. */
  private index(): SheetIndex<Worksheet> {
    return new SheetIndex(this.ordered(), (worksheet) => worksheet.name);
  }

  private require(name: string, index = this.index()): Worksheet {
    const worksheet = index.get(name);
    if (!worksheet) throw new WorkbookError(missingSheetMessage(name));
    return worksheet;
  }
}

async function readBytes(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new WorkbookError(`${what}を読み込めません: ${String(error)}`, { cause: error });
  }
}
