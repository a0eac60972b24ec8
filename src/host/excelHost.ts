/**
 * The one place the pane meets Excel: builds the workbook port (OfficeWorkbook) over a runner —
 * `Excel.run` inside Excel, the fake's `run` in demo mode — and binds the use cases to it.
 * Components get the result (a PaneHost) through HostContext; nothing else calls `Excel.run`.
 */
import { aggregate } from '../actions/aggregate';
import { autofill } from '../actions/autofill';
import { checkWorkbook } from '../actions/check';
import { statusBoard } from '../actions/status';
import { applyPrintSetup } from '../actions/printSetup';
import type { RunOptions } from '../actions/progress';
import { readWorkbook, readWorkbookPlan } from '../actions/readWorkbook';
import { LABELS } from './labels';
import { describeUserError, isUserError, UserError } from '../core/errors';
import { createPlanForm, createTemplate } from '../actions/template';
import { builtInPlan } from '../core/example';
import { undoKindOf } from '../actions/record';
import type { BookFile, BookFiles } from '../actions/bookFiles';
import { errorCode, PAYLOAD_CODES, workbookError } from '../excel/officeErrors';
import { collectIntoWorkbook } from '../actions/collectFiles';
import { rolloverToFile } from '../actions/rollover';
import { splitToFiles } from '../actions/splitFiles';
import { undoAggregate } from '../actions/undo';
import { PLAN_SHEET_NAME } from '../core/planSheet';
import type { ExcelRun, RequirementCheck } from '../excel/excelApi';
import { OfficeWorkbook } from '../excel/OfficeWorkbook';
import type { WorkbookPort } from '../workbook/port';
import { highestVersion } from './apiLevel';
import type { PaneHost, WorkbookInfo } from './PaneHost';

/** What a host needs: `Excel.run` and `isSetSupported`, or the fake's. */
export interface HostRunner {
  run: ExcelRun;
  requirements: RequirementCheck;
  /** `Excel.createWorkbook(base64)` (ExcelApi 1.8): opens a file as a new workbook the user saves. */
  createWorkbook?: (base64: string) => Promise<unknown>;
  /**
   * Loads what makes and opens .xlsx files (the ExcelJS port, a chunk of its own loaded on first
   * use); without it the pane has no 配布・回収・年度更新.
   */
  books?: () => Promise<BookFiles>;
}

/** A pane host and the port under it (demo mode seeds its workbook through the port). */
export interface ExcelHost extends PaneHost {
  readonly workbook: WorkbookPort;
}

/**
 * A pane host over a runner.
 * @param runner - Excel.run and the requirement check (or the fake's)
 * @returns the use cases bound to the workbook behind the runner
 */
export function createHost(runner: HostRunner): ExcelHost {
  const warnings: string[] = [];
  const workbook = new OfficeWorkbook({
    run: runner.run,
    requirements: runner.requirements,
    onWarning: (message) => warnings.push(message),
  });
  const supports = (version: string) => runner.requirements('ExcelApi', version);
  return {
    workbook,
    apiVersion: highestVersion(supports),
    supports,
    readInfo: (options) => readInfo(workbook, options),
    aggregate: (options) => aggregate(workbook, options),
    undoAggregate: (options) => undoAggregate(workbook, options),
    check: (options) => checkWorkbook(workbook, options),
    status: async (options) =>
      statusBoard([
        { label: LABELS.thisWorkbook, reading: await readWorkbook(workbook, { ...options, purpose: 'full' }) },
      ]),
    autofill: (options) => autofill(workbook, options),
    createTemplate: (request) => createTemplate(workbook, request),
    createPlanForm: (options) => createPlanForm(workbook, builtInPlan(), options),
    printSetup: (options) => applyPrintSetup(workbook, options),
    ...yearActions(workbook, runner),
    activate: (sheet, address) => workbook.activate(sheet, address),
    selectedSheet: () => workbook.selectedSheet(),
    onChanged: (handler) => workbook.onChanged(handler),
    takeWarnings: () => warnings.splice(0, warnings.length),
  };
}

/**
 * The host inside Excel (call after Office.onReady).
 * @returns a pane host over Excel.run
 */
export function createOfficeHost(books?: () => Promise<BookFiles>): PaneHost {
  return createHost({
    run: (options, batch) => Excel.run(options, batch),
    requirements: (set, version) => Office.context.requirements.isSetSupported(set, version),
    createWorkbook: (base64) => Excel.createWorkbook(base64),
    books,
  });
}

/** 配布・回収・年度更新 over the workbook, when the host can make .xlsx files. */
function yearActions(workbook: OfficeWorkbook, runner: HostRunner): Partial<PaneHost> {
  const { books, createWorkbook } = runner;
  if (!books) return {};
  return {
    split: async (options) => splitToFiles(workbook, await books(), { ...options, source: LABELS.thisWorkbook }),
    collect: async (files, options) =>
      collectIntoWorkbook(workbook, files, await books(), { ...options, masterLabel: LABELS.thisWorkbook }),
    rollover: async (to, options) => rolloverToFile(workbook, await books(), to, options),
    ...(createWorkbook && { openWorkbook: (file) => openAsWorkbook(createWorkbook, file) }),
  };
}

/**
 * Opens a file as a new workbook; Excel on the web refuses a request above 5 MB (the base64 text
 * of the file travels in one), which is said with the way around it: 「ファイルに保存」.
 */
async function openAsWorkbook(createWorkbook: (base64: string) => Promise<unknown>, file: BookFile): Promise<void> {
  try {
    await createWorkbook(toBase64(file.bytes));
  } catch (error) {
    if (PAYLOAD_CODES.includes(errorCode(error) ?? ''))
      throw new UserError(LABELS.fileTooLarge(file.name), {
        code: 'file-too-large',
        file: file.name,
        fix: LABELS.fileTooLargeFix,
      });
    throw workbookError(error);
  }
}

/** A file's bytes as base64 (what `Excel.createWorkbook` takes), in slices to stay within call limits. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** The plan and year of the workbook; a workbook without sheets or plan is a notice, not an error. */
async function readInfo(workbook: OfficeWorkbook, options: RunOptions = {}): Promise<WorkbookInfo> {
  const undoKind = await undoKindOf(workbook);
  return { ...(await readPlanInfo(workbook, options)), canUndo: undoKind !== null, undoKind };
}

async function readPlanInfo(
  workbook: OfficeWorkbook,
  options: RunOptions,
): Promise<Omit<WorkbookInfo, 'canUndo' | 'undoKind'>> {
  try {
    const reading = await readWorkbook(workbook, options);
    return {
      plan: reading.plan,
      year: reading.year,
      itemNos: reading.sheets.map((sheet) => sheet.data.itemNo),
      notice: null,
      planProblem: null,
    };
  } catch (error) {
    // Any refusal of ours (by brand, not by class) means the workbook is not ready: say why.
    if (!isUserError(error)) throw error;
    const none = { plan: null, year: null, itemNos: [], notice: error.message, planProblem: null };
    const sheets = await workbook.listSheets();
    if (!sheets.some((sheet) => sheet.name === PLAN_SHEET_NAME)) return none;
    try {
      return { ...none, plan: await readWorkbookPlan(workbook, sheets) };
    } catch (planError) {
      // A definition that does not read (a filled form with a mistake): say where, once.
      if (!isUserError(planError)) throw planError;
      const notice = planError.message === error.message ? null : error.message;
      return { ...none, notice, planProblem: describeUserError(planError) };
    }
  }
}
