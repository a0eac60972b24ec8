/**
 * What the task pane can do to the workbook: the use cases bound to one workbook, plus the few
 * UI calls Excel offers (select a cell, the active sheet, change events). Components receive a
 * PaneHost through HostContext and never touch `Excel` themselves; excelHost.ts makes one over
 * Office.js (or over the demo's fake Excel).
 */
import type { FiscalYear, ItemCode, Plan } from '../core/plan';
import type { AggregateResult } from '../actions/aggregate';
import type { CheckResult } from '../actions/check';
import type { StatusBoard } from '../actions/status';
import type { PrintSetupResult } from '../actions/printSetup';
import type { RunOptions } from '../actions/progress';
// What the ribbon needs to tell a deliberate stop (and the start of writing) from a failure.
export { CancelledError, WRITING_PHASE } from '../actions/progress';
import type { UndoResult } from '../actions/undo';
import type { BookFile } from '../actions/bookFiles';
import type { CollectIntoResult } from '../actions/collectFiles';
import type { RolloverFile } from '../actions/rollover';
import type { SplitFilesResult } from '../actions/splitFiles';
import type { UndoKind } from '../core/undoRecord';
import type { Problem } from '../core/problems';
import type { SheetChange } from '../excel/WorkbookUi';

/** What the pane shows about the open workbook. */
export interface WorkbookInfo {
  /** The workbook's plan (プラン定義), or null when it has none. */
  plan: Plan | null;
  /** The year most sheets are checked in, or null when there are no 進捗状況シート. */
  year: FiscalYear | null;
  /** 小№ of the 進捗状況シート found. */
  itemNos: ItemCode[];
  /** Why the workbook cannot be aggregated yet (Japanese), or null. */
  notice: string | null;
  /**
   * What is wrong with the workbook's プラン定義 (Japanese, with sheet, cell and fix), or null when it
   * reads or is absent: シート作成 then builds nothing rather than fall back to the built-in plan.
   */
  planProblem: string | null;
  /** Whether the workbook holds a 「集計」 or a 回収 that 元に戻す can undo (kept in the workbook itself). */
  canUndo: boolean;
  /** What 元に戻す would undo: the last 「集計」, a 回収 into this workbook (absent: a 「集計」). */
  undoKind?: UndoKind | null;
}

/** What 自動計算 did. */
export interface AutofillResult {
  filledSheets: string[];
  problems: Problem[];
}

/** Options of シート作成 in the pane. */
export interface TemplateRequest extends RunOptions {
  plan: Plan;
  year: FiscalYear;
  itemNos?: ItemCode[];
}

export interface PaneHost {
  /** The highest ExcelApi 1.x this host supports ("1.17"), or null below 1.1. */
  readonly apiVersion: string | null;
  /** Whether the host supports this ExcelApi version. */
  supports(version: string): boolean;
  readInfo(options?: RunOptions): Promise<WorkbookInfo>;
  aggregate(options?: RunOptions): Promise<AggregateResult>;
  /** 元に戻す: the last 「集計」 or 回収, from the record it kept in the workbook. */
  undoAggregate(options?: RunOptions): Promise<UndoResult>;
  check(options?: RunOptions): Promise<CheckResult>;
  autofill(options?: RunOptions & { sheets?: string[] }): Promise<AutofillResult>;
  createTemplate(request: TemplateRequest): Promise<string[]>;
  /**
   * 新しいプラン: writes the プラン定義 form (記入方法 and プラン定義, the built-in plan as the
   * example) into the workbook; refuses when a sheet of either name exists.
   * @returns the names of the sheets written
   */
  createPlanForm(options?: RunOptions): Promise<string[]>;
  /** 提出状況: the status board of this workbook, when the build has it. */
  status?: (options?: RunOptions) => Promise<StatusBoard>;
  /** 配布: one .xlsx file per 担当部署, made from this workbook (which is not changed). */
  split?: (options?: RunOptions) => Promise<SplitFilesResult>;
  /** 回収: the returned files merged into this workbook (元に戻す undoes it). */
  collect?: (files: BookFile[], options?: RunOptions) => Promise<CollectIntoResult>;
  /** 年度更新: next year's workbook as a file (this workbook is not changed: it stays the year's record). */
  rollover?: (to: FiscalYear, options?: RunOptions) => Promise<RolloverFile>;
  /** Opens a file as a new workbook in Excel (`Excel.createWorkbook`), which the user then saves. */
  openWorkbook?: (file: BookFile) => Promise<void>;
  /** 印刷設定, when the build has it. */
  printSetup?: (options?: RunOptions) => Promise<PrintSetupResult>;
  /** Activates a sheet and selects a cell. */
  activate(sheet: string, address: string): Promise<void>;
  selectedSheet(): Promise<string>;
  /** Listens to the user's edits; resolves to a function that stops listening. */
  onChanged(handler: (change: SheetChange) => void | Promise<void>): Promise<() => Promise<void>>;
  /** Warnings of the last workbook call (features skipped on this host), then forgets them. */
  takeWarnings(): string[];
}
