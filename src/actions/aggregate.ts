/**
 * 「集計」: fills 合計 and 総合評価 on every 進捗状況シート (restoring typed-over formulas), and builds
 * the summary tabs and the 取組項目別の評価 pages from what was read. Keeps what it replaced, so the pane can undo it.
 */
import { archivedEvaluations } from '../core/collection/endedArchive';
import { writeCouncilSheet, COUNCIL_SHEET_NAME } from '../core/councilSheet';
import { councilAveragesOf, councilGradesOf, evaluationsOf } from '../core/evaluation';
import type { FiscalYear } from '../core/fiscalYear';
import type { Problem } from '../core/problems';
import { progressSheetLayout } from '../core/sheet/progressSheetLayout';
import { computedCells } from '../core/sheet/writeProgressSheet';
import { summarize, type Summary } from '../core/summary';
import { summaryToJson, type SummaryJson } from '../core/summaryJson';
import { buildSummaryTabs } from '../core/summaryTabs';
import { buildInitiativePages } from '../core/summaryTabs/initiativePages';
import type { SheetSpec, SheetWrite, WorkbookPort } from '../workbook/port';
import { step, WRITING_PHASE } from './progress';
import { readWorkbook, type ReadOptions, type WorkbookReading } from './readWorkbook';

/** What 「集計」 did. */
export interface AggregateResult {
  year: FiscalYear;
  summary: Summary;
  json: SummaryJson;
  problems: Problem[];
  /** Item sheets whose 合計/総合評価 were written. */
  filledSheets: string[];
  /** Summary tabs written, in order. */
  summarySheets: string[];
  /** The 取組項目別の評価 sheet (one printed page per 取組項目), written after the summary tabs. */
  pageSheets: string[];
  /** What to write back to undo the owned cells (the summary tabs are deleted on undo). */
  undo: UndoRecord;
}

/** Enough to put the workbook back as it was before 「集計」. */
export interface UndoRecord {
  cells: SheetWrite[];
  /** Tabs that did not exist before and are deleted on undo. */
  createdSheets: string[];
  /** Tabs that existed before and were replaced (re-run 集計 to rebuild them). */
  replacedSheets: string[];
}

/**
 * Plans the writes of 「集計」 from a reading: owned cells of each item sheet and the summary tabs.
 * @param reading - what was read
 * @returns the summary and what to write
 */
export function planAggregate(reading: WorkbookReading): {
  summary: Summary;
  cellWrites: SheetWrite[];
  tabs: SheetSpec[];
  pages: SheetSpec[];
} {
  const withSheet = new Set(reading.sheets.map((sheet) => sheet.data.itemNo));
  const summary = summarize({
    plan: reading.plan,
    // Ended items whose sheets the workbook does not hold (a collected book) count from 取組終了の評価.
    evaluations: [
      ...evaluationsOf(reading.plan, reading.sheets),
      ...archivedEvaluations(reading.plan, reading.archived, withSheet),
    ],
    // Earlier years' council tabs (kept by a rollover) give the council averages' history.
    council: Object.assign({}, ...reading.councilHistory.map(councilAveragesOf), councilAveragesOf(reading.council)),
    councilGrades: councilGradesOf(reading.council),
    year: reading.year,
  });
  const layout = progressSheetLayout(reading.plan);
  const cellWrites = reading.sheets.map((sheet) => ({
    sheet: sheet.name,
    cells: computedCells(layout, sheet.data),
  }));
  return {
    summary,
    cellWrites,
    tabs: buildSummaryTabs(summary, reading.plan),
    pages: [buildInitiativePages(summary, reading.plan, reading.council)],
  };
}

/**
 * Runs 「集計」 on a workbook. It reads only what it computes from (the 'aggregate' read plan: no
 * texts), including the owned cells as they were, which make the undo record.
 * @param port - the workbook
 * @param options - year, plan override, progress and cancellation
 * @returns the summary, the problems of what it read, and an undo record
 */
export async function aggregate(port: WorkbookPort, options: ReadOptions = {}): Promise<AggregateResult> {
  const reading = await readWorkbook(port, { purpose: 'aggregate', ...options });
  step(options, '集計中', 0, 1);
  const { summary, cellWrites, tabs, pages } = planAggregate(reading);
  const undoCells: SheetWrite[] = reading.sheets.map((sheet) => ({ sheet: sheet.name, cells: sheet.owned }));

  step(options, WRITING_PHASE, 0, 1);
  await port.writeCells(cellWrites);
  step(options, '集計表を作成中', 0, 1);
  const existing = new Set(reading.sheetOrder);
  const firstItemSheet = reading.sheetOrder.find((name) => reading.sheets.some((sheet) => sheet.name === name));
  const extra = existing.has(COUNCIL_SHEET_NAME)
    ? []
    : [writeCouncilSheet(reading.plan, { year: reading.year, members: [], rows: [] })];
  const written = [...tabs, ...pages, ...extra];
  await port.putSheets(written, { before: firstItemSheet });
  step(options, '完了', 1, 1);
  return {
    year: reading.year,
    summary,
    json: summaryToJson(summary),
    problems: reading.problems,
    filledSheets: cellWrites.map((write) => write.sheet),
    summarySheets: tabs.map((tab) => tab.name),
    pageSheets: pages.map((page) => page.name),
    undo: {
      cells: undoCells,
      createdSheets: written.filter((tab) => !existing.has(tab.name)).map((tab) => tab.name),
      replacedSheets: written.filter((tab) => existing.has(tab.name)).map((tab) => tab.name),
    },
  };
}

/**
 * Undoes a 「集計」: writes back the owned cells and deletes the tabs it created.
 * @param port - the workbook
 * @param undo - the record 「集計」 returned
 */
export async function undoAggregate(port: WorkbookPort, undo: UndoRecord): Promise<void> {
  await port.writeCells(undo.cells);
  await port.deleteSheets(undo.createdSheets);
}
