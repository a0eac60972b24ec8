/**
 * Fake proxies of a range's formats: RangeFormat, font, fill, cell protection and border items.
 */
import type { RangeBounds } from '../../core/address';
import type {
  BorderIndex,
  BorderLineStyle,
  BorderWeight,
  HorizontalAlignment,
  RangeBorderLike,
  RangeFormatLike,
  VerticalAlignment,
} from '../../excel/excelApi';
import type { FakeContext } from './context';
import { FakeObject, unknownProperty } from './context';
import { FakeOfficeError } from './errors';
import type { FakeBorder } from './model';
import { ensureCell, getCell, STANDARD_ROW_HEIGHT, STANDARD_WIDTH_POINTS } from './model';

import { formatEach, guard, uniform, type RangeTarget } from './rangeTarget';
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
