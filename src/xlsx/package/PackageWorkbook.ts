/**
 * The workbook port over an .xlsx package, part by part: cells read straight from each worksheet
 * part, written cells replaced in place, new sheets written as new parts, every untouched part copied
 * out as stored (src/xlsx/README.md; docs/decisions.md, "The .xlsx path of the CLI"). Node only.
 */
import { readFile, rename, unlink } from 'node:fs/promises';
import type { RangeBounds } from '../../core/address';
import type { CellWrite, PageSetup, SheetSpec } from '../../core/sheetSpec';
import { validateCellWrites, validatePageSetups, validateSheetSpecs } from '../../core/validateSheetSpecs';
import { MergeIndex } from '../../workbook/mergeIndex';
import { mergedCellMessage, missingSheetMessage } from '../../workbook/memorySheet';
import { WorkbookError } from '../../workbook/port';
import { checkGuard, type GuardOptions } from '../../workbook/guard';
import type { PlaceOptions, RangeData, ReadRequest, SheetInfo, SheetWrite, WorkbookPort } from '../../workbook/port';
import { cutRange, rangeContains, rangeData } from '../../workbook/rangeData';
import { SheetIndex } from '../../workbook/sheetIndex';
import { RELATIONSHIP_TYPES } from '../injectCharts';
import { resolveTarget } from '../packageParts';
import type { ZipSink } from '../zip';
import { updateTitles } from './appProperties';
import { PartRelationships } from './PartRelationships';
import { newPackage } from './newPackage';
import { OpcPackage } from './OpcPackage';
import { patchWorksheet, replaceCellsAt } from './patchWorksheet';
import { cellKey, parseBounds, readSharedStrings, readSheetCells } from './sheetCells';
import type { CellPositions, CellRead } from './sheetCells';
import { PART_TYPES, relationshipKind, removeSheetParts, writeChartParts } from './sheetParts';
import { SHARED_STRINGS_TYPE, SharedStringTable } from './SharedStringTable';
import { DEFAULT_STYLES_XML, StyleSheet } from './StyleSheet';
import { WorkbookPart } from './workbookPart';
import type { WorkbookSheet } from './workbookPart';
import { printNames, worksheetXml } from './worksheetXml';

/** A sheet of the workbook and what is pending for its part. */
interface SheetEntry {
  info: WorkbookSheet;
  /** Its part, or null for a sheet that is not a worksheet (a chart sheet). */
  path: string | null;
  merges?: RangeBounds[];
  writes?: Map<number, CellWrite>;
  page?: PageSetup;
  /** Where its cell elements are, recorded when its part was last read (while the part is unchanged). */
  positions?: CellPositions;
  /** What the last readRanges call answered for this sheet: each range read and its answer. */
  lastRead?: { bounds: RangeBounds; data: RangeData }[];
}
type LastRead = NonNullable<SheetEntry['lastRead']>;

/** Compression of the parts the port writes: fast, since a book may have thousands of them. */
const WRITE_LEVEL = 1;

/** An .xlsx workbook behind the WorkbookPort, worked on part by part. */
export class PackageWorkbook implements WorkbookPort {
  private sheets: SheetEntry[] = [];
  private index = new SheetIndex<SheetEntry>([], (entry) => entry.info.name);
  private readonly relationships: PartRelationships;
  private strings?: string[];
  /** The shared strings of a workbook this port created (opened ones keep theirs untouched). */
  private newStrings?: SharedStringTable;
  private styles?: StyleSheet;
  private cellsChanged = false;
  private sheetsChanged = false;
  private nextSheetId: number;

  private constructor(
    private readonly pkg: OpcPackage,
    private readonly workbookPath: string,
    private readonly workbook: WorkbookPart,
    private readonly openedWith: readonly string[],
  ) {
    this.relationships = new PartRelationships(pkg, workbookPath);
    const targets = new Map(this.relationships.all().map((relationship) => [relationship.id, relationship]));
    this.reorder(
      workbook.sheets.map((info) => {
        const relationship = targets.get(info.relationshipId);
        const isWorksheet = relationship !== undefined && relationshipKind(relationship) === 'worksheet';
        return { info, path: isWorksheet ? resolveTarget(workbookPath, relationship.target) : null };
      }),
    );
    this.nextSheetId = Math.max(0, ...workbook.sheets.map((sheet) => sheet.sheetId)) + 1;
  }

  /** A new, empty workbook. */
  static create(): PackageWorkbook {
    const { pkg, workbookPath, workbookXml } = newPackage();
    const created = new PackageWorkbook(pkg, workbookPath, new WorkbookPart(workbookXml), []);
    created.sheetsChanged = true;
    created.newStrings = new SharedStringTable();
    return created;
  }

  /**
   * Opens an .xlsx file (its parts are read only when needed).
   * @param source - a file path or the file's bytes
   * @returns the workbook; throws WorkbookError when the file cannot be read as .xlsx
   */
  static async open(source: string | Uint8Array): Promise<PackageWorkbook> {
    const file = typeof source === 'string' ? source : null;
    const what = file !== null ? `ファイル「${file}」` : 'ファイル';
    let bytes: Buffer;
    try {
      bytes = typeof source === 'string' ? await readFile(source) : Buffer.from(source);
    } catch (error) {
      throw new WorkbookError(`${what}を読み込めません: ${String(error)}`, { cause: error, file });
    }
    try {
      const pkg = OpcPackage.fromBytes(bytes);
      const document = pkg
        .relationships('')
        .find((relationship) => relationshipKind(relationship) === 'officeDocument');
      if (!document) throw new Error('no officeDocument relationship');
      const workbookPath = resolveTarget('', document.target);
      const workbook = new WorkbookPart(pkg.read(workbookPath));
      const names = workbook.sheets.map((sheet) => sheet.name);
      return new PackageWorkbook(pkg, workbookPath, workbook, names);
    } catch (error) {
      throw new WorkbookError(`${what}を Excel ブック (.xlsx) として開けません: ${String(error)}`, { cause: error });
    }
  }

  /**
   * Writes the workbook to a file (through a temporary file beside it, renamed when complete).
   * @param path - the .xlsx path
   */
  async save(path: string): Promise<void> {
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      this.write({ file: temporary });
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  /** The workbook as .xlsx bytes. */
  async toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.write({ chunks });
    return Buffer.concat(chunks);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((entry) => ({ name: entry.info.name, visibility: entry.info.state }));
  }

  async readRanges(requests: readonly ReadRequest[]): Promise<RangeData[]> {
    const bySheet = new Map<SheetEntry, { index: number; request: ReadRequest; bounds: RangeBounds }[]>();
    requests.forEach((request, index) => {
      const entry = this.require(request.sheet);
      const bounds = parseBounds(request.address);
      if (!bounds)
        throw new WorkbookError(`シート「${request.sheet}」のアドレス「${request.address}」が正しくありません。`);
      const items = bySheet.get(entry);
      if (items) items.push({ index, request, bounds });
      else bySheet.set(entry, [{ index, request, bounds }]);
    });
    // A read inside what the previous call read of a sheet (「集計」 reads the cells it is about to
    // write right after reading every sheet) is cut from that call's answer, without parsing the
    // part again; the answers of a call are kept until the next one (the caller holds them anyway).
    const results: RangeData[] = [];
    const kept = new Map<SheetEntry, LastRead>();
    for (const [entry, items] of bySheet) {
      const last = entry.lastRead;
      const within = (bounds: RangeBounds) => last?.find((read) => rangeContains(read.bounds, bounds));
      if (last && items.every((item) => within(item.bounds))) {
        for (const item of items) {
          const read = within(item.bounds) as LastRead[number];
          results[item.index] = cutRange(read.data, read.bounds, item.request, item.bounds);
        }
        kept.set(entry, last);
        continue;
      }
      const wanted = items.map((item) => item.bounds);
      const cells = this.readCells(entry, wanted);
      kept.set(
        entry,
        items.map((item) => {
          const data = rangeData(item.request, item.bounds, (row, column) => cells.get(cellKey(row, column)));
          results[item.index] = data;
          return { bounds: item.bounds, data };
        }),
      );
    }
    for (const entry of this.sheets) entry.lastRead = kept.get(entry);
    return results;
  }

  async writeCells(writes: readonly SheetWrite[]): Promise<void> {
    validateCellWrites(writes);
    const targets = writes.map((write) => {
      const entry = this.require(write.sheet);
      if (!entry.path) throw new WorkbookError(`シート「${write.sheet}」はグラフのシートのため書き込めません。`);
      return entry;
    });
    // Every write is checked before any is made: a batch is written whole or not at all.
    const planned = writes.map((write, index) => {
      const entry = targets[index];
      const merges = new MergeIndex(this.mergesOf(entry));
      return write.cells.map((cell) => {
        const bounds = parseBounds(cell.address) as RangeBounds;
        if (merges.hides(bounds.top, bounds.left))
          throw new WorkbookError(mergedCellMessage(write.sheet, cell.address));
        return [cellKey(bounds.top, bounds.left), cell] as const;
      });
    });
    planned.forEach((cells, index) => {
      const entry = targets[index];
      entry.lastRead = undefined;
      entry.writes ??= new Map();
      for (const [key, cell] of cells) entry.writes.set(key, cell);
    });
    if (writes.some((write) => write.cells.length > 0)) this.cellsChanged = true;
  }

  async putSheets(specs: readonly SheetSpec[], options: PlaceOptions = {}): Promise<void> {
    validateSheetSpecs(specs);
    if (specs.length === 0) return;
    await checkGuard(this, specs, options.guard);
    const styles = this.styleSheet();
    const order = [...this.sheets];
    const added: SheetEntry[] = [];
    for (const spec of specs) {
      const position = this.index.position(spec.name);
      if (position >= 0) this.forget(order[position]);
      const entry = this.writeSheet(spec, styles);
      // A replaced sheet keeps its place in the tab order; new ones go together before `before`.
      if (position >= 0) order[position] = entry;
      else added.push(entry);
    }
    const before = options.before === undefined ? -1 : this.index.position(options.before);
    const at = before >= 0 ? before : order.length;
    this.reorder([...order.slice(0, at), ...added, ...order.slice(at)]);
  }

  async deleteSheets(names: readonly string[], options: GuardOptions = {}): Promise<void> {
    await checkGuard(this, names, options.guard);
    const doomed = new Set(names.map((name) => this.index.get(name)).filter((entry) => entry !== undefined));
    if (doomed.size === 0) return;
    for (const entry of doomed) this.forget(entry);
    this.reorder(this.sheets.filter((entry) => !doomed.has(entry)));
  }

  async setPageSetups(setups: readonly { sheet: string; page: PageSetup }[]): Promise<void> {
    validatePageSetups(setups);
    const targets = setups.map((setup) => this.require(setup.sheet));
    setups.forEach((setup, index) => {
      const entry = targets[index];
      if (!entry.path) return;
      entry.page = structuredClone(setup.page);
      const names = printNames(setup.page);
      this.workbook.setPrintNames(entry.info, names.printArea, names.titleRows);
    });
  }

  /** Cells of a sheet inside some ranges, with the writes not yet saved on top. */
  private readCells(entry: SheetEntry, wanted: RangeBounds[]): Map<number, CellRead> {
    if (!entry.path) return new Map();
    const reading = readSheetCells(this.pkg.read(entry.path), wanted, () => this.sharedStrings());
    entry.merges = reading.merges;
    entry.positions = reading.positions;
    for (const [key, write] of entry.writes ?? []) {
      const row = Math.floor(key / 16385);
      const column = key % 16385;
      if (
        !wanted.some(
          (bounds) => row >= bounds.top && row <= bounds.bottom && column >= bounds.left && column <= bounds.right,
        )
      )
        continue;
      const value = write.value === undefined || write.value === '' ? null : write.value;
      reading.cells.set(key, { value, formula: write.formula ? `=${write.formula}` : null });
    }
    return reading.cells;
  }

  private mergesOf(entry: SheetEntry): RangeBounds[] {
    if (!entry.merges && entry.path) {
      const reading = readSheetCells(this.pkg.read(entry.path), [], () => []);
      entry.merges = reading.merges;
      entry.positions = reading.positions;
    }
    return entry.merges ?? [];
  }

  /** The longest shared string's length, 0 for none (Excel writes text there; over 32,767 it cannot keep it). */
  longestSharedText(): number {
    return this.sharedStrings().reduce((longest, text) => Math.max(longest, text.length), 0);
  }

  private sharedStrings(): string[] {
    if (this.newStrings) return this.newStrings.texts;
    if (!this.strings) {
      const path = this.relationships.pathOf('sharedStrings');
      this.strings = path && this.pkg.has(path) ? readSharedStrings(this.pkg.read(path)) : [];
    }
    return this.strings;
  }

  private styleSheet(): StyleSheet {
    if (!this.styles) {
      const path = this.relationships.pathOf('styles');
      this.styles = new StyleSheet(path && this.pkg.has(path) ? this.pkg.read(path) : DEFAULT_STYLES_XML);
      if (!path) this.relationships.add('styles', 'styles.xml');
    }
    return this.styles;
  }

  /** Writes a new worksheet part (and its charts) for a spec. */
  private writeSheet(spec: SheetSpec, styles: StyleSheet): SheetEntry {
    const path = this.pkg.freePath('xl/worksheets/sheet', '.xml');
    const directory = this.workbookPath.slice(0, this.workbookPath.lastIndexOf('/') + 1);
    const target = path.startsWith(directory) ? path.slice(directory.length) : `/${path}`;
    const info: WorkbookSheet = {
      name: spec.name,
      sheetId: this.nextSheetId++,
      state: spec.visibility ?? 'visible',
      relationshipId: this.relationships.add('worksheet', target),
    };
    let drawingId: string | undefined;
    if (spec.charts?.length) {
      const drawing = writeChartParts(this.pkg, spec.name, spec.charts, spec.cells);
      drawingId = 'rId1';
      this.pkg.writeRelationships(path, [
        {
          id: drawingId,
          type: RELATIONSHIP_TYPES.drawing,
          target: `../drawings/${drawing.slice(drawing.lastIndexOf('/') + 1)}`,
          external: false,
        },
      ]);
    }
    const xml = worksheetXml(spec, styles, { drawingId, strings: this.newStrings });
    this.pkg.write(path, xml, PART_TYPES.worksheet, WRITE_LEVEL);
    const names = printNames(spec.page);
    this.workbook.setPrintNames(info, names.printArea, names.titleRows);
    this.sheetsChanged = true;
    return { info, path };
  }

  /** Removes a sheet's part, the parts it owns, its relationship and its local names. */
  private forget(entry: SheetEntry): void {
    if (entry.path) removeSheetParts(this.pkg, entry.path);
    this.relationships.remove(entry.info.relationshipId);
    this.workbook.forget(entry.info);
    this.sheetsChanged = true;
  }

  private reorder(entries: SheetEntry[]): void {
    this.sheets = entries;
    this.index = new SheetIndex(entries, (entry) => entry.info.name);
    this.workbook.sheets = entries.map((entry) => entry.info);
    if (this.sheetsChanged) this.workbook.touch();
  }

  private require(name: string): SheetEntry {
    const entry = this.index.get(name);
    if (!entry) throw new WorkbookError(missingSheetMessage(name));
    return entry;
  }

  /** Brings every changed part up to date and writes the package. */
  private write(sink: ZipSink): void {
    for (const entry of this.sheets) {
      if (!entry.path || (!entry.writes?.size && !entry.page)) continue;
      const xml = this.pkg.read(entry.path);
      // Cells read before are replaced where they were found; anything else takes a full patch.
      const replaced =
        entry.positions && entry.writes && !entry.page ? replaceCellsAt(xml, entry.positions, entry.writes) : null;
      const patched = replaced ?? patchWorksheet(xml, { cells: entry.writes ?? new Map(), page: entry.page });
      this.pkg.write(entry.path, patched, undefined, WRITE_LEVEL);
      entry.positions = undefined;
      entry.writes = undefined;
      entry.page = undefined;
      this.workbook.touch();
    }
    // Excel rebuilds the calculation chain; one naming cells that changed would make it repair.
    if (this.cellsChanged || this.sheetsChanged) this.relationships.removeKind('calcChain');
    if (this.cellsChanged) {
      this.workbook.fullCalcOnLoad = true;
      this.workbook.touch();
    }
    if (this.newStrings && this.newStrings.texts.length > 0) {
      if (!this.relationships.pathOf('sharedStrings')) this.relationships.add('sharedStrings', 'sharedStrings.xml');
      const path = this.relationships.pathOf('sharedStrings') as string;
      this.pkg.write(path, this.newStrings.toXml(), SHARED_STRINGS_TYPE, WRITE_LEVEL);
    }
    if (this.styles?.isChanged)
      this.pkg.write(this.relationships.pathOf('styles') ?? 'xl/styles.xml', this.styles.toXml(), PART_TYPES.styles);
    if (this.workbook.isChanged) {
      this.pkg.write(this.workbookPath, this.workbook.toXml());
      const names = this.sheets.map((entry) => entry.info.name);
      updateTitles(this.pkg, this.openedWith, names, this.workbook.names);
    }
    this.relationships.save();
    this.cellsChanged = false;
    this.sheetsChanged = false;
    this.pkg.save(sink);
  }
}
