/** Fake proxies of a worksheet's protection and page layout (print settings). */
import { parseRange } from '../../core/address';
import type { Orientation, PageLayoutLike, PaperSizeName, WorksheetProtectionLike } from '../../excel/excelApi';
import type { FakeContext } from './context';
import { FakeObject, unknownProperty } from './context';
import { FakeOfficeError } from './errors';
import type { FakePageLayout, FakeSheet } from './model';

export class FakeWorksheetProtection extends FakeObject<FakeSheet> implements WorksheetProtectionLike {
  constructor(context: FakeContext, resolver: () => FakeSheet) {
    super(context, 'WorksheetProtection', resolver);
  }
  get protected(): boolean {
    return this.loaded('protected');
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.loaded('options');
  }
  protect(options: Excel.WorksheetProtectionOptions = {}, password?: string): void {
    this.act(
      'protect',
      [options, password ?? null],
      (sheet) => {
        if (sheet.protection.protected)
          throw new FakeOfficeError('InvalidOperation', 'The worksheet is already protected.');
        sheet.protection = { protected: true, options: { ...options } };
        this.passwords.set(sheet.id, password);
      },
      '1.2',
    );
  }
  unprotect(password?: string): void {
    this.act(
      'unprotect',
      [password ?? null],
      (sheet) => {
        const expected = this.passwords.get(sheet.id);
        if (expected !== undefined && expected !== password)
          throw new FakeOfficeError('InvalidArgument', 'The password is incorrect.');
        sheet.protection = { protected: false, options: sheet.protection.options };
      },
      '1.2',
    );
  }
  private get passwords(): Map<string, string | undefined> {
    return this.context.host.passwords;
  }
  protected override read(sheet: FakeSheet, name: string): unknown {
    if (name === 'protected') return sheet.protection.protected;
    if (name === 'options') return sheet.protection.options;
    throw unknownProperty('WorksheetProtection', name);
  }
}

type PageNumberField = 'topMargin' | 'bottomMargin' | 'leftMargin' | 'rightMargin' | 'headerMargin' | 'footerMargin';

export class FakePageLayoutProxy extends FakeObject<FakeSheet> implements PageLayoutLike {
  constructor(context: FakeContext, resolver: () => FakeSheet) {
    super(context, 'PageLayout', resolver);
  }
  private set<K extends keyof FakePageLayout>(name: K, value: FakePageLayout[K], check?: () => void): void {
    this.act(
      name,
      value,
      (sheet) => {
        check?.();
        sheet.page[name] = value;
      },
      '1.9',
    );
  }
  private margin(name: PageNumberField, points: number): void {
    this.set(name, points, () => {
      if (!(points >= 0 && points < 49 * 72)) throw new FakeOfficeError('InvalidArgument', `Bad margin ${points}.`);
    });
  }
  get orientation(): Orientation {
    return this.loaded('orientation');
  }
  set orientation(value: Orientation) {
    this.set('orientation', value);
  }
  get paperSize(): PaperSizeName {
    return this.loaded('paperSize');
  }
  set paperSize(value: PaperSizeName) {
    this.set('paperSize', value);
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.loaded('zoom');
  }
  set zoom(zoom: Excel.PageLayoutZoomOptions) {
    const fits = zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined;
    this.act(
      'zoom',
      zoom,
      (sheet) => {
        if (fits && zoom.scale !== undefined)
          throw new FakeOfficeError('InvalidArgument', 'Zoom takes fit-to-pages or a scale, not both.');
        if (zoom.scale !== undefined && (zoom.scale < 10 || zoom.scale > 400))
          throw new FakeOfficeError('InvalidArgument', `Bad scale ${zoom.scale}.`);
        // office-js #1860: Excel sometimes keeps the old scale instead of fitting to pages.
        if (fits && this.context.host.dropsFitToPages) return;
        sheet.page.zoom = { ...zoom };
      },
      '1.9',
    );
  }
  get topMargin(): number {
    return this.loaded('topMargin');
  }
  set topMargin(value: number) {
    this.margin('topMargin', value);
  }
  get bottomMargin(): number {
    return this.loaded('bottomMargin');
  }
  set bottomMargin(value: number) {
    this.margin('bottomMargin', value);
  }
  get leftMargin(): number {
    return this.loaded('leftMargin');
  }
  set leftMargin(value: number) {
    this.margin('leftMargin', value);
  }
  get rightMargin(): number {
    return this.loaded('rightMargin');
  }
  set rightMargin(value: number) {
    this.margin('rightMargin', value);
  }
  get headerMargin(): number {
    return this.loaded('headerMargin');
  }
  set headerMargin(value: number) {
    this.margin('headerMargin', value);
  }
  get footerMargin(): number {
    return this.loaded('footerMargin');
  }
  set footerMargin(value: number) {
    this.margin('footerMargin', value);
  }
  get centerHorizontally(): boolean {
    return this.loaded('centerHorizontally');
  }
  set centerHorizontally(value: boolean) {
    this.set('centerHorizontally', value);
  }

  get headersFooters(): PageLayoutLike['headersFooters'] {
    const page = {} as PageLayoutLike['headersFooters']['defaultForAllPages'];
    for (const name of ['centerHeader', 'rightHeader', 'centerFooter'] as const) {
      Object.defineProperty(page, name, {
        get: () => this.loaded(name),
        set: (value: string) => this.set(name, value),
      });
    }
    return { defaultForAllPages: page };
  }
  setPrintArea(printArea: string): void {
    this.set('printArea', printArea, () => parseRange(printArea));
  }
  setPrintTitleRows(rows: string): void {
    this.set('printTitleRows', rows, () => {
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new FakeOfficeError('InvalidArgument', `Bad title rows ${rows}.`);
    });
  }
  protected override read(sheet: FakeSheet, name: string): unknown {
    if (name in sheet.page) return sheet.page[name as keyof FakePageLayout];
    throw unknownProperty('PageLayout', name);
  }
}
