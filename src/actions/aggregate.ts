/**
 * 「集計」: fills 合計 and 総合評価 on every 進捗状況シート (restoring typed-over formulas), and builds
 * the summary tabs and the 取組項目別の評価 pages from what was read.
 *
 * Before it writes anything it keeps the way back in the workbook itself (the record of
 * src/core/undoRecord.ts: the owned cells as they were, the tabs it creates and those it replaces),
 * so that 元に戻す (./undo.ts) works even after the pane or the workbook was closed. It replaces
 * only tabs that carry the owner marker, and refuses before writing when one does not.
 */
import { archivedEvaluations } from '../core/collection/endedArchive';
import { writeCouncilSheet, COUNCIL_SHEET_NAME } from '../core/councilSheet';
import { councilAveragesOf, councilGradesOf, evaluationsOf } from '../core/evaluation';
import type { FiscalYear } from '../core/fiscalYear';
import { markOwned } from '../core/ownership';
import type { Problem } from '../core/problems';
import { progressSheetLayout } from '../core/sheet/progressSheetLayout';
import { computedCells } from '../core/sheet/writeProgressSheet';
import { summarize, type Summary } from '../core/summary';
import { summaryToJson, type SummaryJson } from '../core/summaryJson';
import { buildSummaryTabs } from '../core/summaryTabs';
import { buildInitiativePages } from '../core/summaryTabs/initiativePages';
import { RECORD_SHEET_NAME, recordCells, sameInputs, writeRecordSheet, type AggregateInputs } from '../core/undoRecord';
import type { CellWrite, SheetSpec, SheetWrite, WorkbookPort } from '../workbook/port';
import { markCouncil, ownedOnly, refuseNotOwned } from './ownedSheets';
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
  /** Tabs that did not exist before (元に戻す deletes them). */
  createdSheets: string[];
  /** Tabs that existed and were replaced (元に戻す rebuilds them as they were). */
  replacedSheets: string[];
}

/**
 * What the summary tabs are built from, out of a reading.
 * @param reading - what was read
 * @returns plan, year, evaluations and council tab
 */
export function aggregateInputs(reading: WorkbookReading): AggregateInputs {
  const withSheet = new Set(reading.sheets.map((sheet) => sheet.data.itemNo));
  return {
    plan: reading.plan,
    year: reading.year,
    // Ended items whose sheets the workbook does not hold (a collected book) count from 取組終了の評価.
    evaluations: [
      ...evaluationsOf(reading.plan, reading.sheets),
      ...archivedEvaluations(reading.plan, reading.archived, withSheet),
    ],
    council: reading.council,
    councilHistory: reading.councilHistory,
  };
}

/**
 * The summary and the tabs (with the owner marker) of a 「集計」, from its inputs: pure, so the
 * same inputs give the same tabs (元に戻す rebuilds replaced tabs this way).
 * @param inputs - plan, year, evaluations and council tab
 * @returns the summary, the summary tabs and the 取組項目別の評価 sheet
 */
export function buildTabs(inputs: AggregateInputs): { summary: Summary; tabs: SheetSpec[]; pages: SheetSpec[] } {
  const { plan, year, evaluations, council } = inputs;
  const summary = summarize({
    plan,
    evaluations,
    // Earlier years' council tabs (kept by a rollover) give the council averages' history.
    council: Object.assign({}, ...(inputs.councilHistory ?? []).map(councilAveragesOf), councilAveragesOf(council)),
    councilGrades: councilGradesOf(council),
    year,
  });
  return {
    summary,
    tabs: buildSummaryTabs(summary, plan).map((tab) => markOwned(tab, 'summary')),
    pages: [markOwned(buildInitiativePages(summary, plan, council), 'pages')],
  };
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
  const layout = progressSheetLayout(reading.plan);
  const cellWrites = reading.sheets.map((sheet) => ({
    sheet: sheet.name,
    cells: computedCells(layout, sheet.data),
  }));
  return { ...buildTabs(aggregateInputs(reading)), cellWrites };
}

/**
 * Runs 「集計」 on a workbook. It reads only what it computes from (the 'aggregate' read plan: no
 * texts), including the owned cells as they were, which go into the record for 元に戻す. Writes, in
 * order: the record, the owned cells, the tabs; an interruption after the first leaves a workbook
 * that 元に戻す puts back (cancelling is possible only before the first write).
 * @param port - the workbook
 * @param options - year, plan override, progress and cancellation
 * @returns the summary, the problems of what it read, and the tabs created and replaced
 * @throws SheetOwnershipError, before writing anything, when a tab to replace is not the product's
 */
export async function aggregate(port: WorkbookPort, options: ReadOptions = {}): Promise<AggregateResult> {
  const reading = await readWorkbook(port, { purpose: 'aggregate', ...options });
  step(options, '集計中', 0, 1);
  const inputs = aggregateInputs(reading);
  const { summary, cellWrites, tabs, pages } = planAggregate(reading);

  const existing = new Set(reading.sheetOrder);
  const firstItemSheet = reading.sheetOrder.find((name) => reading.sheets.some((sheet) => sheet.name === name));
  const extra = existing.has(COUNCIL_SHEET_NAME)
    ? []
    : [markCouncil(writeCouncilSheet(reading.plan, { year: reading.year, members: [], rows: [] }))];
  const written = [...tabs, ...pages, ...extra];
  const names = written.map((tab) => tab.name);
  refuseNotOwned(reading, [...names, RECORD_SHEET_NAME]);
  const previous = reading.aggregateRecord ?? null;
  const created = names.filter((name) => !existing.has(name));
  // A 「集計」 that changes nothing writes the record as it was: the way back still leads to before
  // the 「集計」 that made the change (and aggregating twice gives the same file).
  const unchanged =
    previous?.tabs != null &&
    created.length === 0 &&
    sameInputs(previous.tabs, inputs) &&
    reading.sheets.every((sheet, index) => sameCells(sheet.owned, cellWrites[index].cells));
  const record = writeRecordSheet(
    unchanged
      ? previous
      : {
          version: 1,
          tabs: inputs,
          undo: {
            year: reading.year,
            ...recordCells(
              reading.sheets.map((sheet) => ({ name: sheet.name, itemNo: sheet.data.itemNo, cells: sheet.owned })),
            ),
            created,
            replaced: names.filter((name) => existing.has(name)),
            previousTabs: previous?.tabs ?? null,
          },
        },
  );
  step(options, '元に戻すための記録を作成中', 0, 1);

  // From here on the workbook changes: no more cancelling, so nothing stops between the writes.
  const owned = ownedOnly(port);
  await owned.putSheets([record]);
  options.onProgress?.({ phase: WRITING_PHASE, done: 0, total: 1 });
  await owned.writeCells(cellWrites);
  options.onProgress?.({ phase: '集計表を作成中', done: 0, total: 1 });
  await owned.putSheets(written, { before: firstItemSheet });
  options.onProgress?.({ phase: '完了', done: 1, total: 1 });
  return {
    year: reading.year,
    summary,
    json: summaryToJson(summary),
    problems: reading.problems,
    filledSheets: cellWrites.map((write) => write.sheet),
    summarySheets: tabs.map((tab) => tab.name),
    pageSheets: pages.map((page) => page.name),
    createdSheets: created,
    replacedSheets: names.filter((name) => existing.has(name)),
  };
}

/** Whether owned cells as read already hold what 「集計」 writes (formula and value; empty as ""). */
function sameCells(read: readonly CellWrite[], written: readonly CellWrite[]): boolean {
  const empty = (value: unknown) => (value === null || value === undefined ? '' : value);
  return (
    read.length === written.length &&
    written.every((cell) => {
      const found = read.find((each) => each.address === cell.address);
      return (
        found !== undefined &&
        (found.formula ?? null) === (cell.formula ?? null) &&
        empty(found.value) === empty(cell.value)
      );
    })
  );
}
