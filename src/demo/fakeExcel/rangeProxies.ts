/**
 * Fake proxies of a range and its formats (Excel.Range, RangeFormat, font, fill, borders,
 * protection, data validation). Every setter queues an action; getters need load + sync.
 */
import type { RangeBounds } from '../../core/address';
import { columnNumber, parseRange } from '../../core/address';
import type {
  BorderIndex,
  BorderLineStyle,
  BorderWeight,
  CellInput,
  CellOutput,
  DataValidationLike,
  HorizontalAlignment,
  RangeBorderLike,
  RangeFormatLike,
  RangeLike,
  VerticalAlignment,
} from '../../excel/excelApi';
import type { FakeContext } from './context';
import { FakeObject, unknownProperty } from './context';
import { FakeOfficeError } from './errors';
import type { FakeBorder, FakeCellFormat, FakeSheet } from './model';
import {
  coveredByMerge,
  ensureCell,
  forEachCell,
  getCell,
  interpretInput,
  MAX_ROW,
  overlaps,
  sheetAddress,
  STANDARD_ROW_HEIGHT,
  STANDARD_WIDTH_POINTS,
} from './model';
import { FakeWorksheet } from './sheetProxies';

/** What a range proxy resolves to. */
export interface RangeTarget {
  sheet: FakeSheet;
  bounds: RangeBounds;
}

function denied(what: string): FakeOfficeError {
  return new FakeOfficeError(
    'AccessDenied',
    `The cell or chart you're trying to change is on a protected sheet (${what}).`,
  );
}

/** Fails like Excel when a protected sheet forbids the change. */
function guard(target: RangeTarget, change: 'values' | 'format' | 'columns' | 'rows' | 'structure'): void {
  const { protected: isProtected, options } = target.sheet.protection;
  if (!isProtected) return;
  if (change === 'values') {
    forEachCell(target.bounds, (row, column) => {
      if (getCell(target.sheet, row, column)?.format.locked !== false) throw denied('locked cell');
    });
    return;
  }
  const allowed =
    change === 'format'
      ? options.allowFormatCells
      : change === 'columns'
        ? options.allowFormatColumns
        : change === 'rows'
          ? options.allowFormatRows
          : false;
  if (!allowed) throw denied(change);
}

function formatEach(target: RangeTarget, change: (format: FakeCellFormat) => void): void {
  guard(target, 'format');
  forEachCell(target.bounds, (row, column) => change(ensureCell(target.sheet, row, column).format));
}

/** One value if all cells of the range agree, else null (as Office.js reports mixed formats). */
function uniform<V>(target: RangeTarget, pick: (format: FakeCellFormat) => V): V | null {
  let first: { value: V } | undefined;
  let mixed = false;
  forEachCell(target.bounds, (row, column) => {
    const value = pick(getCell(target.sheet, row, column)?.format ?? {});
    if (!first) first = { value };
    else if (first.value !== value) mixed = true;
  });
  return mixed || !first ? null : first.value;
}

function checkGrid(target: RangeTarget, grid: unknown[][], what: string): void {
  const rows = target.bounds.bottom - target.bounds.top + 1;
  const columns = target.bounds.right - target.bounds.left + 1;
  if (
    !Array.isArray(grid) ||
    grid.length !== rows ||
    grid.some((line) => !Array.isArray(line) || line.length !== columns)
  ) {
    throw new FakeOfficeError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
    );
  }
}

export class FakeRange extends FakeObject<RangeTarget> implements RangeLike {
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;

  constructor(context: FakeContext, resolver: () => RangeTarget | null) {
    super(context, 'Range', resolver);
    this.format = new FakeRangeFormat(context, () => this.resolve());
    this.dataValidation = new FakeDataValidation(context, () => this.resolve());
  }

  get address(): string {
    return this.loaded('address');
  }
  get rowIndex(): number {
    return this.loaded('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded('columnIndex');
  }
  get values(): CellOutput[][] {
    return this.loaded('values');
  }
  set values(values: CellInput[][]) {
    this.write('values', values);
  }
  get formulas(): CellOutput[][] {
    return this.loaded('formulas');
  }
  set formulas(formulas: CellInput[][]) {
    this.write('formulas', formulas);
  }
  get numberFormat(): CellOutput[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(formats: (string | null)[][]) {
    this.act('numberFormat', formats, (target) => {
      checkGrid(target, formats, 'numberFormat');
      guard(target, 'format');
      forEachCell(target.bounds, (row, column, r, c) => {
        const format = formats[r][c];
        if (format !== null)
          ensureCell(target.sheet, row, column).format.numberFormat = format === '' ? undefined : format;
      });
    });
  }

  /** ExcelApi 1.2: true when every column of the range is hidden, false when none, else null. */
  get columnHidden(): boolean {
    return this.loaded('columnHidden');
  }
  /** Hides or shows the range's whole columns (a protected sheet must allow formatting columns). */
  set columnHidden(hidden: boolean) {
    this.act(
      'columnHidden',
      hidden,
      (target) => {
        guard(target, 'columns');
        for (let column = target.bounds.left; column <= target.bounds.right; column++) {
          if (hidden) target.sheet.hiddenColumns.add(column);
          else target.sheet.hiddenColumns.delete(column);
        }
      },
      '1.2',
    );
  }

  get worksheet(): FakeWorksheet {
    const worksheet = new FakeWorksheet(this.context, () => this.resolve().sheet);
    this.context.addPath('worksheet');
    return worksheet;
  }

  private write(name: 'values' | 'formulas', grid: CellInput[][]): void {
    this.act(name, grid, (target) => {
      checkGrid(target, grid, name);
      guard(target, 'values');
      forEachCell(target.bounds, (row, column, r, c) => {
        const input = interpretInput(grid[r][c]);
        // Excel drops what is written into a merged area's other cells.
        if (!input || coveredByMerge(target.sheet, row, column)) return;
        const cell = ensureCell(target.sheet, row, column);
        cell.value = input.value;
        cell.formula = input.formula;
      });
      this.context.onSynced(() => this.context.host.emitChanged(target.sheet, target.bounds, 'ThisLocalAddin'));
    });
  }

  merge(across = false): void {
    this.act('merge', [across], (target) => {
      guard(target, 'structure');
      const { top, left, bottom, right } = target.bounds;
      const areas = across
        ? Array.from({ length: bottom - top + 1 }, (_, i) => ({ top: top + i, left, bottom: top + i, right }))
        : [target.bounds];
      for (const area of areas) {
        if (area.top === area.bottom && area.left === area.right) continue;
        target.sheet.merges = target.sheet.merges.filter((merge) => !overlaps(merge, area));
        target.sheet.merges.push(area);
        // Excel keeps the top-left value of a merged area only; fill and borders set before the
        // merge are lost (office-js #6405), so formats go on after merging.
        forEachCell(area, (row, column, r, c) => {
          const cell = getCell(target.sheet, row, column);
          if (!cell) return;
          if (this.context.host.losesFormatsOnMerge)
            for (const key of ['fill', 'top', 'bottom', 'left', 'right'] as const) delete cell.format[key];
          if (r === 0 && c === 0) return;
          cell.value = '';
          cell.formula = undefined;
        });
      }
    });
  }

  /** ExcelApi 1.9: the formula cells as areas; a null object when the range has none. */
  getSpecialCellsOrNullObject(cellType: 'Formulas'): FakeRangeAreas {
    this.context.enqueue({
      name: 'Range.getSpecialCellsOrNullObject',
      args: [cellType],
      api: '1.9',
      run: () => undefined,
    });
    this.context.addPath([cellType]);
    return new FakeRangeAreas(this.context, () => {
      const target = this.resolve();
      const areas = formulaAreas(target);
      return areas.length > 0 ? { sheet: target.sheet, areas } : null;
    });
  }

  /**
   * A row of the range (0-based). office.js writes arrays of more than 1,500 cells as bands of
   * rows (`getRow(i).getBoundingRect(getRow(j))`), after asking the host to check the array's size.
   */
  getRow(row: number): FakeRange {
    this.context.addPath([row]);
    return new FakeRange(this.context, () => {
      const { sheet, bounds } = this.resolve();
      if (!Number.isInteger(row) || row < 0 || bounds.top + row > bounds.bottom)
        throw new FakeOfficeError('InvalidArgument', `Row ${row} is outside the range.`);
      return { sheet, bounds: { ...bounds, top: bounds.top + row, bottom: bounds.top + row } };
    });
  }

  /** The smallest range that holds this range and `other` (same sheet). */
  getBoundingRect(other: FakeRange): FakeRange {
    this.context.addPath([]);
    return new FakeRange(this.context, () => {
      const a = this.resolve();
      const b = other.resolve();
      if (a.sheet !== b.sheet) throw new FakeOfficeError('InvalidArgument', 'The ranges are on different sheets.');
      return {
        sheet: a.sheet,
        bounds: {
          top: Math.min(a.bounds.top, b.bounds.top),
          left: Math.min(a.bounds.left, b.bounds.left),
          bottom: Math.max(a.bounds.bottom, b.bounds.bottom),
          right: Math.max(a.bounds.right, b.bounds.right),
        },
      };
    });
  }

  /** office.js's check before a banded write: the array must have the range's size. */
  _ValidateArraySize(rows: number, columns: number): void {
    this.act('_ValidateArraySize', [rows, columns], (target) => {
      const { top, left, bottom, right } = target.bounds;
      if (rows !== bottom - top + 1 || columns !== right - left + 1)
        throw new FakeOfficeError(
          'InvalidArgument',
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
    });
  }

  /** Makes loaded values readable (ranges of a collection load). */
  prime(target: RangeTarget, names: readonly string[]): Record<string, unknown> {
    const data = Object.fromEntries(names.map((name) => [name, this.read(target, name)]));
    this.primeValues(Object.entries(data));
    return data;
  }

  select(): void {
    this.act('select', [], (target) => {
      if (target.sheet.visibility !== 'Visible')
        throw new FakeOfficeError('InvalidOperation', 'Cannot select a range on a hidden sheet.');
      this.context.host.state.activeSheetId = target.sheet.id;
      this.context.host.state.selection = sheetAddress(target.sheet, target.bounds).split('!')[1];
    });
  }

  protected override read(target: RangeTarget, name: string): unknown {
    const grid = (cell: (row: number, column: number) => CellOutput): CellOutput[][] => {
      const rows: CellOutput[][] = [];
      forEachCell(target.bounds, (row, column, r) => {
        (rows[r] ??= []).push(cell(row, column));
      });
      return rows;
    };
    const host = this.context.host;
    switch (name) {
      case 'address':
        return sheetAddress(target.sheet, target.bounds);
      case 'rowIndex':
        return target.bounds.top - 1;
      case 'columnIndex':
        return target.bounds.left - 1;
      case 'rowCount':
        return target.bounds.bottom - target.bounds.top + 1;
      case 'columnCount':
        return target.bounds.right - target.bounds.left + 1;
      case 'columnHidden': {
        let hidden = 0;
        for (let column = target.bounds.left; column <= target.bounds.right; column++)
          if (target.sheet.hiddenColumns.has(column)) hidden++;
        return hidden === 0 ? false : hidden === target.bounds.right - target.bounds.left + 1 ? true : null;
      }
      case 'values':
        return grid((row, column) => host.cellValue(target.sheet, row, column));
      case 'formulas':
        return grid(
          (row, column) => getCell(target.sheet, row, column)?.formula ?? host.cellValue(target.sheet, row, column),
        );
      case 'numberFormat':
        return grid((row, column) => getCell(target.sheet, row, column)?.format.numberFormat ?? 'General');
      default:
        throw unknownProperty('Range', name);
    }
  }

  protected override scalarNames(): string[] {
    return ['address', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat'];
  }
}

/** The formula cells of a range as rectangles: runs of a row, stacked while the next row repeats them. */
function formulaAreas(target: RangeTarget): RangeBounds[] {
  const areas: RangeBounds[] = [];
  let above = new Map<string, RangeBounds>();
  for (let row = target.bounds.top; row <= target.bounds.bottom; row++) {
    const here = new Map<string, RangeBounds>();
    for (let column = target.bounds.left; column <= target.bounds.right; column++) {
      if (!getCell(target.sheet, row, column)?.formula) continue;
      let right = column;
      while (right < target.bounds.right && getCell(target.sheet, row, right + 1)?.formula) right++;
      const id = `${column},${right}`;
      const area = above.get(id);
      if (area) area.bottom = row;
      else areas.push({ top: row, left: column, bottom: row, right });
      here.set(id, area ?? areas[areas.length - 1]);
      column = right;
    }
    above = here;
  }
  return areas;
}

/** What a RangeAreas proxy resolves to. */
interface AreasTarget {
  sheet: FakeSheet;
  areas: RangeBounds[];
}

/** Excel.RangeAreas (ExcelApi 1.9), as far as reading its areas goes. */
export class FakeRangeAreas extends FakeObject<AreasTarget> {
  readonly areas: { load(names?: string | string[]): unknown; readonly items: FakeRange[] };

  constructor(context: FakeContext, resolver: () => AreasTarget | null) {
    super(context, 'RangeAreas', resolver, true);
    let items: FakeRange[] | undefined;
    const areas = {
      load: (names?: string | string[]) => {
        const wanted = (Array.isArray(names) ? names : (names ?? 'address').split(','))
          .map((name) => name.trim().replace(/^items\//, ''))
          .filter((name) => name !== '' && name !== 'items');
        context.enqueue({
          name: 'RangeCollection.load',
          args: wanted,
          api: '1.9',
          run: () => {
            const target = this.resolve();
            const proxies = target.areas.map(
              (bounds) => new FakeRange(context, () => ({ sheet: target.sheet, bounds })),
            );
            const data = proxies.map((proxy, i) =>
              proxy.prime({ sheet: target.sheet, bounds: target.areas[i] }, wanted),
            );
            return { data, commit: () => (items = proxies) };
          },
        });
        return areas;
      },
      get items(): FakeRange[] {
        if (!items)
          throw new FakeOfficeError(
            'PropertyNotLoaded',
            "The property 'items' is not available. Load it and sync first.",
            'RangeCollection.items',
          );
        return items;
      },
    };
    context.addPath('areas');
    this.areas = areas;
  }

  get address(): string {
    return this.loaded('address');
  }

  get cellCount(): number {
    return this.loaded('cellCount');
  }

  protected override read(target: AreasTarget, name: string): unknown {
    if (name === 'address') return target.areas.map((bounds) => sheetAddress(target.sheet, bounds)).join(',');
    if (name === 'areaCount') return target.areas.length;
    if (name === 'cellCount')
      return target.areas.reduce((sum, area) => sum + (area.bottom - area.top + 1) * (area.right - area.left + 1), 0);
    throw unknownProperty('RangeAreas', name);
  }
}

/** The fake's default font (Excel's defaults for a new workbook). */
const DEFAULT_FONT = { name: 'Calibri', size: 11, bold: false, color: '#000000' };

export class FakeRangeFormat extends FakeObject<RangeTarget> implements RangeFormatLike {
  readonly font: FakeFont;
  readonly fill: FakeFill;
  readonly borders: { getItem(index: BorderIndex): FakeRangeBorder };
  readonly protection: FakeFormatProtection;

  constructor(context: FakeContext, resolver: () => RangeTarget) {
    super(context, 'RangeFormat', resolver);
    this.font = new FakeFont(context, resolver);
    this.fill = new FakeFill(context, resolver);
    this.protection = new FakeFormatProtection(context, resolver);
    this.borders = {
      getItem: (index: BorderIndex) => {
        context.addPath(index);
        return new FakeRangeBorder(context, resolver, index);
      },
    };
  }

  get columnWidth(): number {
    return this.loaded('columnWidth');
  }
  set columnWidth(points: number) {
    this.act('columnWidth', points, (target) => {
      guard(target, 'columns');
      if (!(points >= 0 && points <= 255 * 7.5))
        throw new FakeOfficeError('InvalidArgument', `Bad column width ${points}.`);
      for (let column = target.bounds.left; column <= target.bounds.right; column++)
        target.sheet.columnWidths.set(column, points);
    });
  }
  get rowHeight(): number {
    return this.loaded('rowHeight');
  }
  set rowHeight(points: number) {
    this.act('rowHeight', points, (target) => {
      guard(target, 'rows');
      if (!(points >= 0 && points <= 409)) throw new FakeOfficeError('InvalidArgument', `Bad row height ${points}.`);
      for (let row = target.bounds.top; row <= target.bounds.bottom; row++) target.sheet.rowHeights.set(row, points);
    });
  }
  get horizontalAlignment(): HorizontalAlignment {
    return this.loaded('horizontalAlignment');
  }
  set horizontalAlignment(value: HorizontalAlignment) {
    this.act('horizontalAlignment', value, (target) => formatEach(target, (format) => (format.horizontal = value)));
  }
  get verticalAlignment(): VerticalAlignment {
    return this.loaded('verticalAlignment');
  }
  set verticalAlignment(value: VerticalAlignment) {
    this.act('verticalAlignment', value, (target) => formatEach(target, (format) => (format.vertical = value)));
  }
  get wrapText(): boolean {
    return this.loaded('wrapText');
  }
  set wrapText(value: boolean) {
    this.act('wrapText', value, (target) => formatEach(target, (format) => (format.wrap = value)));
  }
  get shrinkToFit(): boolean {
    return this.loaded('shrinkToFit');
  }
  set shrinkToFit(value: boolean) {
    this.act('shrinkToFit', value, (target) => formatEach(target, (format) => (format.shrinkToFit = value)), '1.9');
  }

  protected override read(target: RangeTarget, name: string): unknown {
    const sheet = target.sheet;
    switch (name) {
      case 'columnWidth': {
        const widths = new Set<number>();
        for (let column = target.bounds.left; column <= target.bounds.right; column++)
          widths.add(sheet.columnWidths.get(column) ?? STANDARD_WIDTH_POINTS);
        return widths.size === 1 ? [...widths][0] : null;
      }
      case 'rowHeight': {
        const heights = new Set<number>();
        for (let row = target.bounds.top; row <= target.bounds.bottom; row++)
          heights.add(sheet.rowHeights.get(row) ?? STANDARD_ROW_HEIGHT);
        return heights.size === 1 ? [...heights][0] : null;
      }
      case 'horizontalAlignment':
        return uniform(target, (format) => format.horizontal ?? 'General');
      case 'verticalAlignment':
        return uniform(target, (format) => format.vertical ?? 'Bottom');
      case 'wrapText':
        return uniform(target, (format) => format.wrap ?? false);
      case 'shrinkToFit':
        return uniform(target, (format) => format.shrinkToFit ?? false);
      default:
        throw unknownProperty('RangeFormat', name);
    }
  }
}

export class FakeFont extends FakeObject<RangeTarget> {
  constructor(context: FakeContext, resolver: () => RangeTarget) {
    super(context, 'RangeFont', resolver);
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.act('name', value, (target) => formatEach(target, (format) => (format.fontName = value)));
  }
  get size(): number {
    return this.loaded('size');
  }
  set size(value: number) {
    this.act('size', value, (target) => formatEach(target, (format) => (format.fontSize = value)));
  }
  get bold(): boolean {
    return this.loaded('bold');
  }
  set bold(value: boolean) {
    this.act('bold', value, (target) => formatEach(target, (format) => (format.bold = value)));
  }
  get color(): string {
    return this.loaded('color');
  }
  set color(value: string) {
    this.act('color', value, (target) => formatEach(target, (format) => (format.fontColor = value.toUpperCase())));
  }
  protected override read(target: RangeTarget, name: string): unknown {
    switch (name) {
      case 'name':
        return uniform(target, (format) => format.fontName ?? DEFAULT_FONT.name);
      case 'size':
        return uniform(target, (format) => format.fontSize ?? DEFAULT_FONT.size);
      case 'bold':
        return uniform(target, (format) => format.bold ?? DEFAULT_FONT.bold);
      case 'color':
        return uniform(target, (format) => format.fontColor ?? DEFAULT_FONT.color);
      default:
        throw unknownProperty('RangeFont', name);
    }
  }
}

export class FakeFill extends FakeObject<RangeTarget> {
  constructor(context: FakeContext, resolver: () => RangeTarget) {
    super(context, 'RangeFill', resolver);
  }
  get color(): string {
    return this.loaded('color');
  }
  set color(value: string) {
    this.act('color', value, (target) => formatEach(target, (format) => (format.fill = value.toUpperCase())));
  }
  protected override read(target: RangeTarget, name: string): unknown {
    if (name === 'color') return uniform(target, (format) => format.fill ?? '#FFFFFF');
    throw unknownProperty('RangeFill', name);
  }
}

export class FakeFormatProtection extends FakeObject<RangeTarget> {
  constructor(context: FakeContext, resolver: () => RangeTarget) {
    super(context, 'FormatProtection', resolver);
  }
  get locked(): boolean {
    return this.loaded('locked');
  }
  set locked(value: boolean) {
    this.act('locked', value, (target) => formatEach(target, (format) => (format.locked = value)), '1.2');
  }
  protected override read(target: RangeTarget, name: string): unknown {
    if (name === 'locked') return uniform(target, (format) => format.locked ?? true);
    throw unknownProperty('FormatProtection', name);
  }
}

type Edge = 'top' | 'bottom' | 'left' | 'right';

/** The cell edges a border index draws, each with the neighbour edge Excel shares with it. */
function edgesOf(bounds: RangeBounds, index: BorderIndex): { row: number; column: number; edge: Edge }[] {
  const { top, left, bottom, right } = bounds;
  const list: { row: number; column: number; edge: Edge }[] = [];
  const horizontal = (row: number, edge: 'top' | 'bottom') => {
    for (let column = left; column <= right; column++) {
      list.push({ row, column, edge });
      const neighbour = edge === 'top' ? row - 1 : row + 1;
      if (neighbour >= 1) list.push({ row: neighbour, column, edge: edge === 'top' ? 'bottom' : 'top' });
    }
  };
  const vertical = (column: number, edge: 'left' | 'right') => {
    for (let row = top; row <= bottom; row++) {
      list.push({ row, column, edge });
      const neighbour = edge === 'left' ? column - 1 : column + 1;
      if (neighbour >= 1) list.push({ row, column: neighbour, edge: edge === 'left' ? 'right' : 'left' });
    }
  };
  switch (index) {
    case 'EdgeTop':
      horizontal(top, 'top');
      break;
    case 'EdgeBottom':
      horizontal(bottom, 'bottom');
      break;
    case 'EdgeLeft':
      vertical(left, 'left');
      break;
    case 'EdgeRight':
      vertical(right, 'right');
      break;
    case 'InsideHorizontal':
      for (let row = top; row < bottom; row++) horizontal(row, 'bottom');
      break;
    case 'InsideVertical':
      for (let column = left; column < right; column++) vertical(column, 'right');
      break;
    default:
      break; // diagonals are not modelled
  }
  return list;
}

export class FakeRangeBorder extends FakeObject<RangeTarget> implements RangeBorderLike {
  constructor(
    context: FakeContext,
    resolver: () => RangeTarget,
    private readonly index: BorderIndex,
  ) {
    super(context, 'RangeBorder', resolver);
  }

  private change(
    name: string,
    value: string,
    update: (border: FakeBorder | undefined) => FakeBorder | undefined,
  ): void {
    this.act(name, value, (target) => {
      guard(target, 'format');
      for (const { row, column, edge } of edgesOf(target.bounds, this.index)) {
        const format = ensureCell(target.sheet, row, column).format;
        format[edge] = update(format[edge]);
      }
    });
  }

  get style(): BorderLineStyle {
    return this.loaded('style');
  }
  set style(value: BorderLineStyle) {
    this.change('style', value, (border) =>
      value === 'None' ? undefined : { weight: 'Thin', color: '#000000', ...border, style: value },
    );
  }
  get weight(): BorderWeight {
    return this.loaded('weight');
  }
  set weight(value: BorderWeight) {
    this.change('weight', value, (border) => ({ style: 'Continuous', color: '#000000', ...border, weight: value }));
  }
  get color(): string {
    return this.loaded('color');
  }
  set color(value: string) {
    this.change('color', value, (border) => ({
      style: 'Continuous',
      weight: 'Thin',
      ...border,
      color: value.toUpperCase(),
    }));
  }

  protected override read(target: RangeTarget, name: string): unknown {
    const edge: Edge =
      this.index === 'EdgeTop'
        ? 'top'
        : this.index === 'EdgeBottom'
          ? 'bottom'
          : this.index === 'EdgeLeft'
            ? 'left'
            : 'right';
    const border = getCell(target.sheet, target.bounds.top, target.bounds.left)?.format[edge];
    if (name === 'style') return border?.style ?? 'None';
    if (name === 'weight') return border?.weight ?? 'Thin';
    if (name === 'color') return border?.color ?? '#000000';
    throw unknownProperty('RangeBorder', name);
  }
}

export class FakeDataValidation extends FakeObject<RangeTarget> implements DataValidationLike {
  constructor(context: FakeContext, resolver: () => RangeTarget) {
    super(context, 'DataValidation', resolver);
  }

  private entry(target: RangeTarget) {
    guard(target, 'structure');
    const key = JSON.stringify(target.bounds);
    let found = target.sheet.validations.find((validation) => JSON.stringify(validation.bounds) === key);
    if (!found) {
      target.sheet.validations = target.sheet.validations.filter(
        (validation) => !overlaps(validation.bounds, target.bounds),
      );
      found = { bounds: target.bounds };
      target.sheet.validations.push(found);
    }
    return found;
  }

  get rule(): Excel.DataValidationRule {
    return this.loaded('rule');
  }
  set rule(rule: Excel.DataValidationRule) {
    this.act(
      'rule',
      rule,
      (target) => {
        const source = rule.list?.source;
        if (rule.list && (typeof source !== 'string' || source.length > 255)) {
          throw new FakeOfficeError('InvalidArgument', 'A list source must be text of at most 255 characters.');
        }
        this.entry(target).rule = rule;
      },
      '1.8',
    );
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.loaded('errorAlert');
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.act('errorAlert', alert, (target) => (this.entry(target).errorAlert = alert), '1.8');
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.loaded('prompt');
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    this.act('prompt', prompt, (target) => (this.entry(target).prompt = prompt), '1.8');
  }
  clear(): void {
    this.act(
      'clear',
      [],
      (target) => {
        guard(target, 'structure');
        target.sheet.validations = target.sheet.validations.filter(
          (validation) => !overlaps(validation.bounds, target.bounds),
        );
      },
      '1.8',
    );
  }

  protected override read(target: RangeTarget, name: string): unknown {
    const found = target.sheet.validations.find((validation) => overlaps(validation.bounds, target.bounds));
    if (name === 'rule') return found?.rule ?? {};
    if (name === 'errorAlert') return found?.errorAlert ?? null;
    if (name === 'prompt') return found?.prompt ?? null;
    throw unknownProperty('DataValidation', name);
  }
}

/** A range proxy of an address on a worksheet proxy's sheet. */
export function rangeOn(context: FakeContext, sheet: () => FakeSheet, address: string): FakeRange {
  context.addPath(address);
  return new FakeRange(context, () => {
    let bounds: RangeBounds;
    try {
      // A whole-column address ("Q:Q", "B:D") spans every row.
      const columns = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address.trim());
      if (columns) {
        const [first, last] = [columnNumber(columns[1]), columnNumber(columns[2])];
        bounds = { top: 1, left: Math.min(first, last), bottom: MAX_ROW, right: Math.max(first, last) };
      } else bounds = parseRange(address);
    } catch {
      throw new FakeOfficeError(
        'InvalidArgument',
        `The argument is invalid or missing or has an incorrect format (${address}).`,
      );
    }
    return { sheet: sheet(), bounds };
  });
}
