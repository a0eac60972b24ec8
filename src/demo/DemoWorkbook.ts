/**
 * Demo mode's workbook: the fake Excel (src/demo/fakeExcel) seeded with the built-in example —
 * the same 70 進捗状況シート, プラン定義 and 審議会評価 as `shinchoku demo` — and a pane host over it.
 * Every run of the fake bumps a version number, so the sheet view redraws after each action.
 */
import type { BookFiles } from '../actions/bookFiles';
import { createExample } from '../actions/template';
import type { ExcelRun } from '../excel/excelApi';
import { createHost, type ExcelHost } from '../host/excelHost';
import { FakeExcel } from './fakeExcel';

/** The sheet a new fake workbook starts with; removed once the example is in. */
const FIRST_SHEET = 'Sheet1';

export class DemoWorkbook {
  readonly fake = new FakeExcel([FIRST_SHEET]);
  readonly host: ExcelHost;
  /** Resolves once the example workbook is loaded. */
  readonly ready: Promise<void>;
  private version = 0;
  private readonly listeners = new Set<() => void>();

  /** @param books - the .xlsx files of 配布・回収・年度更新 (the ExcelJS port, loaded on first use) */
  constructor(books?: () => Promise<BookFiles>) {
    const fake = this.fake;
    const run: ExcelRun = async (options, batch) => {
      try {
        return await fake.run(options, batch);
      } finally {
        this.changed();
      }
    };
    // No Excel.createWorkbook in the demo: its files are offered as downloads only.
    this.host = createHost({ run, requirements: fake.requirements, books });
    this.ready = this.seed();
  }

  private async seed(): Promise<void> {
    await createExample(this.host.workbook);
    await this.host.workbook.deleteSheets([FIRST_SHEET]);
    const first = this.fake.state.sheets.find((sheet) => !sheet.deleted && sheet.visibility === 'Visible');
    if (first) this.fake.state.activeSheetId = first.id;
    this.changed();
  }

  /** Tells the view the workbook changed (after a run, a user edit, a tab click). */
  changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getVersion = (): number => this.version;

  /** The user clicks a sheet tab. */
  activateSheet(name: string): void {
    const sheet = this.fake.sheet(name);
    this.fake.state.activeSheetId = sheet.id;
    this.fake.state.selection = 'A1';
    this.changed();
  }

  /** The user clicks a cell. */
  select(address: string): void {
    this.fake.state.selection = address;
    this.changed();
  }

  /** The user types a value into the selected cell and presses Enter (change events fire). */
  async type(sheet: string, address: string, text: string): Promise<void> {
    const trimmed = text.trim();
    const value = trimmed !== '' && !Number.isNaN(Number(trimmed)) ? Number(trimmed) : text;
    await this.fake.simulateUserEdit(sheet, address, [[value]]);
    this.changed();
  }
}
