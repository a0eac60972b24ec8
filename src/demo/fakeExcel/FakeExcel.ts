/**
 * A faithful in-memory fake of the part of the Excel JavaScript API that OfficeWorkbook uses,
 * for tests and for the browser demo (pure TypeScript: no Node, no DOM).
 *
 * `fake.run` stands in for `Excel.run` and `fake.requirements` for
 * `Office.context.requirements.isSetSupported`. The workbook state is plain data: `snapshot()`
 * shows it, `toSheetSpecs()` turns it into SheetSpec[] for export, `loadSheetSpecs()` seeds it.
 * Test switches: `setApiVersion`, `enterCellEditMode`, `payloadLimit`, `simulateUserEdit`,
 * `focus.lose` (another workbook takes the focus), `dropsFitToPages` (office-js #1860).
 */
import { parseRange } from '../../core/address';
import type { SheetSpec } from '../../core/sheetSpec';
import type { CellInput, CellOutput, ExcelContext, RunOptionsLike } from '../../excel/excelApi';
import { FakeContext } from './context';
import { FakeOfficeError } from './errors';
import { FocusChanges } from './focus';
import { evaluateFormula } from './formula';
import type { FakeSheet, FakeWorkbookState } from './model';
import { cellKey, forEachCell, getCell, interpretInput, ensureCell, newSheet, sheetAddress } from './model';
import type { FakeRange } from './rangeProxies';
import { rangeOn } from './rangeProxies';
import { FakeWorksheetCollection } from './sheetProxies';
import type { FakeWorkbookSnapshot } from './specs';
import { loadSpecs, snapshotOf, specsOf } from './specs';

/** Excel on the web's cap on one request or response. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;

/** Counters for tests and the benchmark. */
export interface FakeStats {
  runs: number;
  syncs: number;
  lastRequestBytes: number;
  maxRequestBytes: number;
  lastResponseBytes: number;
  maxResponseBytes: number;
  suspendedCalculation: number;
  suspendedScreenUpdating: number;
  delayedForCellEdit: number;
  /** Requests and answers refused as too large (Rich API host only: ./richApiHost). */
  refusedRequests: number;
  refusedResponses: number;
}

type ChangeHandler = (event: Excel.WorksheetChangedEventArgs) => Promise<unknown>;

/** The context handed to a batch: a FakeContext with the workbook and application proxies. */
export class FakeRequestContext extends FakeContext implements ExcelContext {
  readonly workbook: { worksheets: FakeWorksheetCollection; getSelectedRange(): FakeRange };
  readonly application: {
    suspendApiCalculationUntilNextSync(): void;
    suspendScreenUpdatingUntilNextSync(): void;
    /** ExcelApi 1.8: what office.js's `Excel.createWorkbook(base64)` sends outside Excel on the web. */
    createWorkbook(base64: string): { open(): void };
  };

  constructor(host: FakeExcel, delayForCellEdit: boolean, measured = false) {
    super(host, delayForCellEdit, measured);
    const worksheets = new FakeWorksheetCollection(this);
    this.workbook = {
      worksheets,
      getSelectedRange: () =>
        rangeOn(
          this,
          () => {
            const active = host.state.sheets.find((sheet) => sheet.id === host.state.activeSheetId);
            if (!active) throw new Error('no active sheet');
            return active;
          },
          host.state.selection,
        ),
    };
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        this.enqueue({
          name: 'Application.suspendApiCalculationUntilNextSync',
          api: '1.6',
          run: () => {
            host.stats.suspendedCalculation++;
            host.calculationSuspended = true;
          },
        }),
      suspendScreenUpdatingUntilNextSync: () =>
        this.enqueue({
          name: 'Application.suspendScreenUpdatingUntilNextSync',
          api: '1.9',
          run: () => void host.stats.suspendedScreenUpdating++,
        }),
      createWorkbook: (base64: string) => ({
        open: () =>
          this.enqueue({ name: 'Application.createWorkbook', api: '1.8', run: () => host.openWorkbook(base64) }),
      }),
    };
  }
}

function versionNumber(version: string): number[] {
  return version.split('.').map(Number);
}

function atLeast(have: string, want: string): boolean {
  const [a, b] = [versionNumber(have), versionNumber(want)];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

export class FakeExcel {
  state: FakeWorkbookState = { sheets: [], activeSheetId: '', selection: 'A1', nextId: 1 };
  readonly stats: FakeStats = {
    runs: 0,
    syncs: 0,
    lastRequestBytes: 0,
    maxRequestBytes: 0,
    lastResponseBytes: 0,
    maxResponseBytes: 0,
    suspendedCalculation: 0,
    suspendedScreenUpdating: 0,
    delayedForCellEdit: 0,
    refusedRequests: 0,
    refusedResponses: 0,
  };
  /** Bytes above which a sync fails with RequestPayloadSizeLimitExceeded. */
  payloadLimit = PAYLOAD_LIMIT_BYTES;
  /** Syncs still to fail with InvalidOperationInCellEditMode (the user is typing in a cell). */
  cellEditSyncs = 0;
  /**
   * The code those syncs fail with: Excel answers InvalidOperationInCellEditMode, or (per
   * Microsoft's delay-for-cell-edit article) plain InvalidOperation on some hosts.
   */
  cellEditCode: 'InvalidOperationInCellEditMode' | 'InvalidOperation' = 'InvalidOperationInCellEditMode';
  /**
   * True from `suspendApiCalculationUntilNextSync` to the end of that sync: formula cells then
   * read as last calculated (Microsoft's performance article: loads in that sync see stale
   * values; recalculation resumes after it).
   */
  calculationSuspended = false;
  /** Merging loses the fill and borders set before on the merged cells, as Excel does (office-js #6405). */
  losesFormatsOnMerge = true;
  /** Simulates office-js #1860: fit-to-page print scaling is not applied (the scale stays). */
  dropsFitToPages = false;
  /** Another workbook taking the focus mid-request (see ./focus). */
  readonly focus = new FocusChanges();
  readonly handlers = new Set<ChangeHandler>();
  readonly passwords = new Map<string, string | undefined>();
  /**
   * The workbooks opened by `Excel.createWorkbook(base64)` (each a new Excel window the user saves),
   * as the base64 text of their file, in order.
   */
  readonly createdWorkbooks: string[] = [];
  private apiVersion = '1.17';
  private readonly pendingEvents: Promise<unknown>[] = [];
  private readonly evaluating = new Set<string>();

  /** A workbook with these sheets (default one "Sheet1"). */
  constructor(sheetNames: readonly string[] = ['Sheet1']) {
    for (const name of sheetNames) this.state.sheets.push(newSheet(this.state, name));
    this.state.activeSheetId = this.state.sheets[0]?.id ?? '';
  }

  /** Stands in for `Excel.run(options, batch)`; a final sync sends what the batch left queued. */
  readonly run = async <T>(options: RunOptionsLike, batch: (context: ExcelContext) => Promise<T>): Promise<T> => {
    this.stats.runs++;
    // Like Excel.run, a request context of an earlier run may stand in for the options.
    const context =
      options instanceof FakeRequestContext ? options : new FakeRequestContext(this, options.delayForCellEdit === true);
    const result = await batch(context);
    if (context.pending) await context.sync();
    return result;
  };

  /** A new workbook opened from an .xlsx file in base64 (Excel opens it in a window of its own). */
  openWorkbook(base64: string): void {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new FakeOfficeError('InvalidArgument', 'Not a base64 file.');
    this.createdWorkbooks.push(base64);
  }

  /** Stands in for `Office.context.requirements.isSetSupported`. */
  readonly requirements = (set: string, version: string): boolean =>
    set === 'ExcelApi' && atLeast(this.apiVersion, version);

  /** Whether the host has this ExcelApi version (used by proxies to refuse newer members). */
  supports(version: string): boolean {
    return atLeast(this.apiVersion, version);
  }

  /** Pretends to be a host with this ExcelApi version ("1.8" for Excel 2019-like hosts). */
  setApiVersion(version: string): void {
    this.apiVersion = version;
  }

  /** The next `syncs` syncs fail as if the user were editing a cell. */
  enterCellEditMode(syncs: number, code: FakeExcel['cellEditCode'] = 'InvalidOperationInCellEditMode'): void {
    this.cellEditSyncs = syncs;
    this.cellEditCode = code;
  }

  /** A cell's value as Excel would show it: formulas evaluated where the fake can. */
  cellValue(sheet: FakeSheet, row: number, column: number): CellOutput {
    const cell = getCell(sheet, row, column);
    if (!cell) return '';
    if (!cell.formula || this.calculationSuspended) return cell.value;
    const key = `${sheet.id}!${cellKey(row, column)}`;
    if (this.evaluating.has(key)) return 0; // a circular reference: Excel shows 0 after warning
    this.evaluating.add(key);
    try {
      const value = evaluateFormula(cell.formula, {
        value: (sheetName, r, c) => {
          const target =
            sheetName === null
              ? sheet
              : this.state.sheets.find((other) => other.name.toLowerCase() === sheetName.toLowerCase());
          return target ? this.cellValue(target, r, c) : '#REF!';
        },
      });
      // The last calculated value is what a suspended calculation shows.
      if (value !== undefined) cell.value = value;
      return cell.value;
    } finally {
      this.evaluating.delete(key);
    }
  }

  /** Tells change handlers about a change; API writes pass 'ThisLocalAddin', users 'Unknown'. */
  emitChanged(
    sheet: FakeSheet,
    bounds: { top: number; left: number; bottom: number; right: number },
    triggerSource: 'ThisLocalAddin' | 'Unknown',
  ): void {
    const event = {
      address: sheetAddress(sheet, bounds).split('!')[1],
      changeType: 'RangeEdited',
      source: 'Local',
      // WorksheetChangedEventArgs.triggerSource is ExcelApi 1.14: older hosts leave it out.
      ...(this.supports('1.14') ? { triggerSource } : {}),
      type: 'WorksheetChanged',
      worksheetId: sheet.id,
    } as Excel.WorksheetChangedEventArgs; // the fake omits details (getRange, valueBefore) we do not use
    for (const handler of this.handlers) this.pendingEvents.push(Promise.resolve().then(() => handler(event)));
  }

  /** The user types into cells: the values change and change handlers run (awaited here). */
  async simulateUserEdit(sheetName: string, address: string, values: CellInput[][]): Promise<void> {
    const sheet = this.sheet(sheetName);
    const bounds = parseRange(address);
    forEachCell(bounds, (row, column, r, c) => {
      const input = interpretInput(values[r]?.[c] ?? null);
      if (!input) return;
      const cell = ensureCell(sheet, row, column);
      cell.value = input.value;
      cell.formula = input.formula;
    });
    this.emitChanged(sheet, bounds, 'Unknown');
    await this.settle();
  }

  /** Requests of office.js being answered (./richApiHost); settle() waits for them too. */
  activeRequests = 0;

  /**
   * Waits until change handlers and the requests they start are done: with office.js in between,
   * an event reaches the add-in a few turns later and its handler may run a batch of its own.
   */
  async settle(): Promise<void> {
    for (let idle = 0; idle < 3;) {
      while (this.pendingEvents.length > 0) await this.pendingEvents.shift();
      await new Promise((resolve) => setTimeout(resolve, 0));
      idle = this.activeRequests === 0 && this.pendingEvents.length === 0 ? idle + 1 : 0;
    }
  }

  /** The live sheet of this name (case-insensitive); throws if absent. */
  sheet(name: string): FakeSheet {
    const found = this.state.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  /** The workbook as plain data. */
  snapshot(): FakeWorkbookSnapshot {
    return snapshotOf(this);
  }

  /** The sheets as SheetSpec[] (for export through another port). Lossy where noted in ./specs. */
  toSheetSpecs(): SheetSpec[] {
    return specsOf(this);
  }

  /** Replaces the workbook's content with these sheets, as if a file had been opened. */
  loadSheetSpecs(specs: readonly SheetSpec[]): void {
    loadSpecs(this, specs);
  }
}
