/**
 * Reads a whole workbook through the port: its plan (プラン定義), every 進捗状況シート (found by
 * content, whatever its name), and the 審議会評価 tab, with every problem found on the way.
 * Two batched reads, whatever the number of sheets.
 */
import { UserError } from '../core/errors';
import {
  councilAverage,
  councilReadRange,
  COUNCIL_SHEET_NAME,
  readCouncilSheet,
  type CouncilSheetData,
} from '../core/councilSheet';
import type { CouncilAverages, ItemEvaluation } from '../core/evaluation';
import { parseCheckPeriod } from '../core/japanese';
import type { CellValue } from '../core/sheetSpec';
import { PlanError, type Plan, type YearCode } from '../core/plan';
import { PLAN_SHEET_NAME, PLAN_SHEET_READ_RANGE, readPlanSheet } from '../core/planSheet';
import { sortProblems, type Problem } from '../core/problems';
import type { ProgressSheetData } from '../core/sheet/progressSheetData';
import { progressSheetLayout } from '../core/sheet/progressSheetLayout';
import { endedYearOf, isProgressSheet, readProgressSheet } from '../core/sheet/readProgressSheet';
import { completeScores, progressSheetName } from '../core/sheet/writeProgressSheet';
import { SUMMARY_TAB_ORDER } from '../core/summaryTabs';
import { INITIATIVE_PAGES_SHEET_NAME } from '../core/summaryTabs/initiativePages';
import type { SheetInfo, WorkbookPort } from '../workbook/port';
import { step, type RunOptions } from './progress';

/** A 進捗状況シート as read. */
export interface ReadSheet {
  name: string;
  data: ProgressSheetData;
}

/** Everything read from a workbook. */
export interface WorkbookReading {
  plan: Plan;
  year: YearCode;
  sheets: ReadSheet[];
  council: CouncilSheetData | null;
  /** Sheets in tab order. */
  sheetOrder: string[];
  problems: Problem[];
}

/** Options of reading. */
export interface ReadOptions extends RunOptions {
  /** The year to check; default: the 確認時期 most sheets carry. */
  year?: YearCode;
  /** A plan to use instead of the workbook's プラン定義 (for workbooks made elsewhere). */
  plan?: Plan;
}

/** The workbook cannot be read at all (no plan, no sheets); the message says what to do. */
export class WorkbookReadError extends UserError {
  override name = 'WorkbookReadError';
}

/** Sheets that are never 進捗状況シート. */
export function isOwnedTab(name: string): boolean {
  return (
    name === PLAN_SHEET_NAME ||
    name === COUNCIL_SHEET_NAME ||
    name === INITIATIVE_PAGES_SHEET_NAME ||
    SUMMARY_TAB_ORDER.includes(name)
  );
}

/**
 * Reads the workbook.
 * @param port - the workbook
 * @param options - year, plan override, progress and cancellation
 * @returns what was read and the problems found
 * @throws WorkbookReadError when there is no plan or no 進捗状況シート
 */
export async function readWorkbook(port: WorkbookPort, options: ReadOptions = {}): Promise<WorkbookReading> {
  step(options, 'シート一覧を読み込み中', 0, 1);
  const listed = await port.listSheets();
  const sheetOrder = listed.map((sheet) => sheet.name);
  const plan = options.plan ?? (await readPlan(port, listed));
  const layout = progressSheetLayout(plan);
  const candidates = listed.filter((sheet) => !isOwnedTab(sheet.name));
  const hasCouncil = listed.some((sheet) => sheet.name === COUNCIL_SHEET_NAME);

  step(options, 'シートを読み込み中', 0, candidates.length);
  const ranges = await port.readRanges([
    ...candidates.map((sheet) => ({ sheet: sheet.name, address: layout.readRange })),
    ...(hasCouncil ? [{ sheet: COUNCIL_SHEET_NAME, address: councilReadRange(plan) }] : []),
  ]);

  const problems: Problem[] = [];
  const sheets: ReadSheet[] = [];
  candidates.forEach((sheet, index) => {
    step(options, 'シートを確認中', index + 1, candidates.length);
    const range = ranges[index];
    const cells = { sheet: sheet.name, values: range.values, formulas: range.formulas };
    if (!isProgressSheet(cells, layout)) return;
    const result = readProgressSheet(plan, cells);
    problems.push(...result.problems);
    if (result.data) sheets.push({ name: sheet.name, data: result.data });
  });
  if (sheets.length === 0 && !problems.some((problem) => problem.code === 'layout-damaged')) {
    throw new WorkbookReadError(
      '進捗状況シートが一枚も見つかりません。シート作成（shinchoku template）で作ったブックを開いてください。',
    );
  }

  const year = options.year ?? commonYear(sheets);
  if (!plan.period.includes(year))
    throw new WorkbookReadError(`年度「${year}」は計画期間 (${plan.period.join('・')}) にありません。`);
  problems.push(...crossSheetProblems(plan, year, sheets, problems));

  let council: CouncilSheetData | null = null;
  if (hasCouncil) {
    const range = ranges[candidates.length];
    const result = readCouncilSheet(plan, councilYear(range.values) ?? year, range.values);
    council = result.data;
    problems.push(...result.problems);
    if (council.year !== year) {
      problems.push({
        severity: 'warning',
        code: 'check-year-mismatch',
        sheet: COUNCIL_SHEET_NAME,
        cell: 'A1',
        message: `審議会評価は ${council.year} のもので、集計する年度 ${year} と違うため、審議会評価平均は表示しません。`,
        fix: `${year} の審議会評価を入力する場合は、A1 の確認時期を直してください。`,
      });
    }
  }
  return {
    plan,
    year,
    sheets: uniqueSheets(sheets),
    council,
    sheetOrder,
    problems: sortProblems(problems, sheetOrder),
  };
}

/**
 * The evaluations the summary works on, from the sheets read (the plan gives 大№ and flags).
 * @param reading - what was read
 * @returns one evaluation per 実践項目 sheet
 */
export function evaluationsOf(reading: WorkbookReading): ItemEvaluation[] {
  return reading.sheets.map(({ name, data }) => {
    const item = reading.plan.items.find((entry) => entry.no === data.itemNo);
    const scores: ItemEvaluation['scores'] = {};
    for (const year of reading.plan.period) {
      const complete = completeScores(data.scores[year] ?? {});
      if (complete) scores[year] = complete;
    }
    return {
      itemNo: data.itemNo,
      initiativeNo: item?.initiative ?? data.initiativeNo,
      name: item?.name ?? data.itemName,
      departments: item?.departments ?? data.departments,
      continuedFromPreviousPlan: item?.continuedFromPreviousPlan ?? false,
      endedIn: endedYearOf(data),
      scores,
      sheetName: name,
    };
  });
}

/**
 * The council averages of the year from the 審議会評価 tab.
 * @param reading - what was read
 * @returns year → 大№ → average
 */
export function councilAveragesOf(reading: WorkbookReading): CouncilAverages {
  if (!reading.council) return {};
  const averages: Partial<Record<number, ReturnType<typeof councilAverage> & object>> = {};
  for (const row of reading.council.rows) {
    const average = councilAverage(row);
    if (average) averages[row.initiativeNo] = average;
  }
  return { [reading.council.year]: averages };
}

/** The year in the council tab's title (【審議会評価】令和３年度末), or null. */
function councilYear(values: readonly (readonly CellValue[])[]): YearCode | null {
  const title = String(values[0]?.[0] ?? '');
  return parseCheckPeriod(title.replace(/^.*】/, ''));
}

async function readPlan(port: WorkbookPort, listed: SheetInfo[]): Promise<Plan> {
  if (!listed.some((sheet) => sheet.name === PLAN_SHEET_NAME)) {
    throw new WorkbookReadError(
      `シート「${PLAN_SHEET_NAME}」がありません。シート作成（shinchoku template）で作ったブックを使うか、プランのファイルを指定してください（--plan）。`,
    );
  }
  const [range] = await port.readRanges([{ sheet: PLAN_SHEET_NAME, address: PLAN_SHEET_READ_RANGE }]);
  try {
    return readPlanSheet(range.values);
  } catch (error) {
    if (error instanceof PlanError)
      throw new WorkbookReadError(`シート「${PLAN_SHEET_NAME}」を読み取れません: ${error.message}`);
    throw error;
  }
}

function commonYear(sheets: ReadSheet[]): YearCode {
  const counts = new Map<YearCode, number>();
  for (const sheet of sheets) counts.set(sheet.data.checkYear, (counts.get(sheet.data.checkYear) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

function crossSheetProblems(plan: Plan, year: YearCode, sheets: ReadSheet[], found: Problem[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<number, string>();
  for (const sheet of sheets) {
    const first = seen.get(sheet.data.itemNo);
    if (first !== undefined) {
      problems.push({
        severity: 'error',
        code: 'item-duplicate',
        sheet: sheet.name,
        cell: 'A1',
        message: `小№ ${sheet.data.itemNo} のシートが「${first}」と重複しています。このシートは集計に使いません。`,
        fix: 'どちらか一方を削除するか、小№を直してください。',
      });
    } else seen.set(sheet.data.itemNo, sheet.name);
    if (sheet.data.checkYear !== year) {
      problems.push({
        severity: 'warning',
        code: 'check-year-mismatch',
        sheet: sheet.name,
        cell: progressSheetLayout(plan).checkPeriod,
        message: `確認時期が ${sheet.data.checkYear} で、集計する年度 ${year} と違います。`,
        fix: `確認時期を直してください。集計では ${year} の自己評価を使います。`,
      });
    }
  }
  const unreadable = new Set(
    found.filter((problem) => problem.code === 'layout-damaged').map((problem) => problem.sheet),
  );
  for (const item of plan.items) {
    if (seen.has(item.no)) continue;
    problems.push({
      severity: 'error',
      code: 'item-sheet-missing',
      sheet: null,
      cell: null,
      message: `実践項目 ${item.no}「${item.name}」のシートが見つかりません${unreadable.size > 0 ? '（レイアウトが崩れたシートがあります）' : '（削除された可能性があります）'}。この実践項目は集計から外れます。`,
      fix: `元のシートを戻すか、「シート作成」で「${progressSheetName(item.no, item.name)}」を作り直して入力してください。`,
    });
  }
  return problems;
}

function uniqueSheets(sheets: ReadSheet[]): ReadSheet[] {
  const seen = new Set<number>();
  return sheets.filter((sheet) => (seen.has(sheet.data.itemNo) ? false : (seen.add(sheet.data.itemNo), true)));
}
