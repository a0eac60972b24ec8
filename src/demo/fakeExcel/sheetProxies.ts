/**
 * Fake proxies of the workbook's worksheet collection and its worksheets (freeze panes, page
 * breaks); their protection and page layout are in ./sheetPartProxies, charts in ./chartProxies.
 */
import { parseCell, parseRange } from '../../core/address';
import { isLegalSheetName, sameSheetName } from '../../core/sheetName';
import type {
  ChartTypeName,
  EventResultLike,
  SeriesBy,
  SheetVisibilityName,
  WorksheetChangedEventLike,
  WorksheetCollectionLike,
  WorksheetLike,
} from '../../excel/excelApi';
import type { FakeContext } from './context';
import { FakeObject, unknownProperty } from './context';
import { FakeOfficeError } from './errors';
import type { FakeChart, FakeSeries, FakeSheet, FakeWorkbookState } from './model';
import { newSheet, sheetAddress, STANDARD_WIDTH_CHARS } from './model';
import type { FakeRange } from './rangeProxies';
import { rangeOn } from './rangeProxies';

import { FakeChartProxy } from './chartProxies';
import { FakePageLayoutProxy, FakeWorksheetProtection } from './sheetPartProxies';
function liveSheets(state: FakeWorkbookState): FakeSheet[] {
  return state.sheets.filter((sheet) => !sheet.deleted);
}

/** Japanese Excel's rules for a sheet name (full-width forms, History; case and width ignored). */
function checkName(state: FakeWorkbookState, name: string, self?: FakeSheet): void {
  if (!isLegalSheetName(name)) {
    throw new FakeOfficeError('InvalidArgument', `The sheet name "${name}" is invalid.`);
  }
  if (liveSheets(state).some((sheet) => sheet !== self && sameSheetName(sheet.name, name))) {
    throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
  }
}

/** Live sheets by id and lower-case name, per workbook (FakeWorksheetCollection.byKey). */
const sheetIndexes = new WeakMap<FakeWorkbookState, Map<string, FakeSheet>>();

function visibleCount(state: FakeWorkbookState, except?: FakeSheet): number {
  return liveSheets(state).filter((sheet) => sheet !== except && sheet.visibility === 'Visible').length;
}

export class FakeWorksheet extends FakeObject<FakeSheet> implements WorksheetLike {
  constructor(context: FakeContext, resolver: () => FakeSheet | null, nullable = false) {
    super(context, 'Worksheet', resolver, nullable);
  }

  protected override isGone(sheet: FakeSheet): boolean {
    return sheet.deleted;
  }

  private get state(): FakeWorkbookState {
    return this.context.host.state;
  }

  get id(): string {
    return this.loaded('id');
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(name: string) {
    this.act('name', name, (sheet) => {
      checkName(this.state, name, sheet);
      sheet.name = name;
    });
  }
  get position(): number {
    return this.loaded('position');
  }
  set position(position: number) {
    this.act('position', position, (sheet) => {
      const live = liveSheets(this.state);
      if (!Number.isInteger(position) || position < 0 || position >= live.length)
        throw new FakeOfficeError('InvalidArgument', `Bad sheet position ${position}.`);
      const others = this.state.sheets.filter((other) => other !== sheet && !other.deleted);
      others.splice(position, 0, sheet);
      this.state.sheets = others;
    });
  }
  get visibility(): SheetVisibilityName {
    return this.loaded('visibility');
  }
  set visibility(visibility: SheetVisibilityName) {
    this.act('visibility', visibility, (sheet) => {
      if (visibility !== 'Visible' && visibleCount(this.state, sheet) === 0) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      sheet.visibility = visibility;
      if (visibility !== 'Visible' && this.state.activeSheetId === sheet.id) {
        this.state.activeSheetId =
          liveSheets(this.state).find((other) => other.visibility === 'Visible')?.id ?? sheet.id;
      }
    });
  }
  get tabColor(): string {
    return this.loaded('tabColor');
  }
  set tabColor(color: string) {
    this.act('tabColor', color, (sheet) => (sheet.tabColor = color.toUpperCase()), '1.7');
  }
  get showGridlines(): boolean {
    return this.loaded('showGridlines');
  }
  set showGridlines(show: boolean) {
    this.act('showGridlines', show, (sheet) => (sheet.showGridlines = show), '1.8');
  }
  get standardWidth(): number {
    return this.loaded('standardWidth');
  }

  getRange(address?: string): FakeRange {
    if (address === undefined) throw new FakeOfficeError('InvalidArgument', 'The fake needs an address for getRange.');
    return rangeOn(this.context, () => this.resolve(), address);
  }

  delete(): void {
    this.act('delete', [], (sheet) => {
      // Excel.Worksheet.delete: a VeryHidden sheet must be made Hidden or Visible first.
      if (sheet.visibility === 'VeryHidden')
        throw new FakeOfficeError('InvalidOperation', 'A very hidden sheet cannot be deleted.');
      if (sheet.visibility === 'Visible' && visibleCount(this.state, sheet) === 0) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      sheet.deleted = true;
      this.state.sheets = this.state.sheets.filter((other) => other !== sheet);
      if (this.state.activeSheetId === sheet.id) {
        this.state.activeSheetId = this.state.sheets.find((other) => other.visibility === 'Visible')?.id ?? '';
        this.state.selection = 'A1';
      }
    });
  }

  activate(): void {
    this.act('activate', [], (sheet) => {
      if (sheet.visibility !== 'Visible')
        throw new FakeOfficeError('InvalidOperation', 'Cannot activate a hidden sheet.');
      this.state.activeSheetId = sheet.id;
    });
  }

  get freezePanes(): WorksheetLike['freezePanes'] {
    // office-js #3148: freezing panes on a sheet that is not active makes the API report it as
    // the active sheet, while Excel still shows the other one.
    const freeze = (name: string, args: unknown, apply: (sheet: FakeSheet) => void) =>
      this.act(
        `freezePanes.${name}`,
        args,
        (sheet) => {
          apply(sheet);
          this.state.activeSheetId = sheet.id;
        },
        '1.7',
      );
    return {
      freezeAt: (frozenRange: string) =>
        freeze('freezeAt', frozenRange, (sheet) => {
          const bounds = parseRange(frozenRange);
          sheet.freeze = { rows: bounds.bottom, columns: bounds.right };
        }),
      freezeRows: (count = 1) => freeze('freezeRows', count, (sheet) => (sheet.freeze = { rows: count, columns: 0 })),
      freezeColumns: (count = 1) =>
        freeze('freezeColumns', count, (sheet) => (sheet.freeze = { rows: 0, columns: count })),
    };
  }

  get protection(): FakeWorksheetProtection {
    return new FakeWorksheetProtection(this.context, () => this.resolve());
  }

  get pageLayout(): FakePageLayoutProxy {
    return new FakePageLayoutProxy(this.context, () => this.resolve());
  }

  get horizontalPageBreaks(): { add(pageBreakRange: string): void } {
    return {
      add: (pageBreakRange: string) =>
        this.act(
          'horizontalPageBreaks.add',
          pageBreakRange,
          (sheet) => {
            const row = parseCell(pageBreakRange.split(':')[0]).row;
            if (!sheet.page.rowBreaks.includes(row)) sheet.page.rowBreaks.push(row);
            sheet.page.rowBreaks.sort((a, b) => a - b);
          },
          '1.9',
        ),
    };
  }

  get charts(): { add(type: ChartTypeName, sourceData: FakeRange, seriesBy?: SeriesBy): FakeChartProxy } {
    return {
      add: (type: ChartTypeName, sourceData: FakeRange, seriesBy: SeriesBy = 'Auto') => {
        let created: FakeChart | null = null;
        this.act('charts.add', [type, seriesBy], (sheet) => {
          const source = sourceData.resolve();
          const { top, left, bottom, right } = source.bounds;
          const byColumns = seriesBy === 'Columns' || (seriesBy === 'Auto' && bottom - top >= right - left);
          const series: FakeSeries[] = [];
          const count = byColumns ? right - left + 1 : bottom - top + 1;
          for (let i = 0; i < count; i++) {
            const bounds = byColumns
              ? { top, bottom, left: left + i, right: left + i }
              : { top: top + i, bottom: top + i, left, right };
            series.push({ name: `Series${i + 1}`, values: sheetAddress(source.sheet, bounds) });
          }
          created = { name: `Chart ${sheet.charts.length + 1}`, type, title: '', series };
          sheet.charts.push(created);
        });
        return new FakeChartProxy(this.context, () => created);
      },
    };
  }

  protected override read(sheet: FakeSheet, name: string): unknown {
    switch (name) {
      case 'id':
        return sheet.id;
      case 'name':
        return sheet.name;
      case 'position':
        return liveSheets(this.state).indexOf(sheet);
      case 'visibility':
        return sheet.visibility;
      case 'tabColor':
        return sheet.tabColor;
      case 'showGridlines':
        return sheet.showGridlines;
      case 'standardWidth':
        return STANDARD_WIDTH_CHARS;
      default:
        throw unknownProperty('Worksheet', name);
    }
  }

  protected override scalarNames(): string[] {
    return ['id', 'name', 'position', 'visibility', 'tabColor', 'showGridlines', 'standardWidth'];
  }

  protected override child(name: string): FakeObject<unknown> | undefined {
    return name === 'protection' ? this.protection : undefined;
  }

  /** Marks a proxy made from a collection load as already holding these values. */
  prime(sheet: FakeSheet, names: string[]): Record<string, unknown> {
    const entries = names.map((name): [string, unknown] => [name, this.read(sheet, name)]);
    this.primeValues(entries);
    return Object.fromEntries(entries);
  }
}

export class FakeWorksheetCollection extends FakeObject<FakeWorkbookState> implements WorksheetCollectionLike {
  private loadedItems: FakeWorksheet[] | undefined;

  constructor(context: FakeContext) {
    super(context, 'WorksheetCollection', () => context.host.state);
  }

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) return this.loaded('items');
    return this.loadedItems;
  }

  /** Loads the sheets; "items/name" and "name" both load that property of every sheet. */
  override load(names?: string | string[]): this {
    const list = (names === undefined ? [] : Array.isArray(names) ? names : names.split(','))
      .map((name) => name.trim().replace(/^items\//, ''))
      .filter((name) => name !== '' && name !== 'items');
    const wanted = list.length > 0 ? list : ['id', 'name', 'position', 'visibility'];
    this.context.enqueue({
      name: 'WorksheetCollection.load',
      args: wanted,
      run: () => {
        const sheets = liveSheets(this.context.host.state);
        const data: Record<string, unknown>[] = [];
        const proxies = sheets.map((sheet) => {
          const proxy = new FakeWorksheet(this.context, () => sheet);
          data.push(proxy.prime(sheet, wanted));
          return proxy;
        });
        return { data, commit: () => (this.loadedItems = proxies) };
      },
    });
    return this;
  }

  /** A sheet by id or by name (ignoring case), through an index of the live sheets. */
  private byKey(key: string): FakeSheet | null {
    const lower = key.toLowerCase();
    const matches = (sheet: FakeSheet | undefined) =>
      sheet !== undefined && !sheet.deleted && (sheet.id === key || sheet.name.toLowerCase() === lower);
    const state = this.context.host.state;
    let index = sheetIndexes.get(state);
    let found = index?.get(key) ?? index?.get(lower);
    if (!matches(found)) {
      // Sheets were added, deleted or renamed since the index was built: build it again.
      index = new Map();
      for (const sheet of liveSheets(state)) {
        index.set(sheet.id, sheet);
        if (!index.has(sheet.name.toLowerCase())) index.set(sheet.name.toLowerCase(), sheet);
      }
      sheetIndexes.set(state, index);
      found = index.get(key) ?? index.get(lower);
    }
    return matches(found) ? (found as FakeSheet) : null;
  }

  getItem(key: string): FakeWorksheet {
    this.context.addPath(key);
    return new FakeWorksheet(this.context, () => this.byKey(key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this.context.addPath(key);
    return new FakeWorksheet(this.context, () => this.byKey(key), true);
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.act('add', [name ?? null], (state) => {
      const sheetName = name ?? `Sheet${state.nextId}`;
      checkName(state, sheetName);
      created = newSheet(state, sheetName);
      state.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => created);
  }

  getActiveWorksheet(): FakeWorksheet {
    this.context.addPath('active');
    return new FakeWorksheet(this.context, () => this.byKey(this.context.host.state.activeSheetId));
  }

  get onChanged(): WorksheetChangedEventLike {
    return {
      add: (handler: (event: Excel.WorksheetChangedEventArgs) => Promise<unknown>): EventResultLike => {
        this.act('onChanged.add', [], () => this.context.host.handlers.add(handler), '1.9');
        const context = this.context;
        return {
          context,
          remove: () =>
            context.enqueue({ name: 'onChanged.remove', run: () => void context.host.handlers.delete(handler) }),
        };
      },
    };
  }

  protected override read(_state: FakeWorkbookState, name: string): unknown {
    throw unknownProperty('WorksheetCollection', name);
  }
}
