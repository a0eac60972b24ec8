/**
 * Reads a whole workbook through the port: its plan (プラン定義), every 進捗状況シート (found by
 * content, whatever its name) and the 審議会評価 tab, with every problem found on the way. What is
 * read from each sheet follows the purpose's read plan (「集計」 reads no texts); one batched read
 * for all the sheets, whatever their number.
 */
import { ENDED_ARCHIVE_SHEET_NAME, type ArchivedItem } from '../core/collection/endedArchive';
import { planFingerprint } from '../core/collection/fingerprint';
import { IMPORT_LOG_SHEET_NAME } from '../core/collection/importLog';
import { inputValues, type InputValues } from '../core/collection/inputCells';
import { SPLIT_RECORD_SHEET_NAME, type SplitRecord } from '../core/collection/splitRecord';
import { UserError } from '../core/errors';
import { councilHistoryYear } from '../core/councilHistory';
import { councilReadRange, COUNCIL_SHEET_NAME, readCouncilSheet, type CouncilSheetData } from '../core/councilSheet';
import { parseFiscalYear, yearCode, type FiscalYear } from '../core/fiscalYear';
import { outsidePeriod, PlanError, type ItemCode, type Plan } from '../core/plan';
import {
  PLAN_SHEET_HEADER_READ,
  PLAN_SHEET_NAME,
  planSheetShape,
  storedPlanFingerprint,
  readPlanSheet,
  type PlanSheetShape,
} from '../core/planSheet';
import { problem, sortProblems, type Problem } from '../core/problems';
import type { ProgressSheetData } from '../core/sheet/progressSheetData';
import { progressSheetLayout } from '../core/sheet/progressSheetLayout';
import { isProgressSheet, ownedCellsOf, readProgressSheet } from '../core/sheet/readProgressSheet';
import { readPlanFor, sheetReadRanges, type ReadPurpose } from '../core/sheet/readPlan';
import { progressSheetName } from '../core/sheet/writeProgressSheet';
import type { CellValue, CellWrite } from '../core/sheetSpec';
import { SUMMARY_TAB_ORDER } from '../core/summaryTabs';
import { INITIATIVE_PAGES_SHEET_NAME } from '../core/summaryTabs/initiativePages';
import { ownedKindInRow, OWNER_MARKER_READ, type OwnedKind } from '../core/ownership';
import type { SheetInfo, WorkbookPort } from '../workbook/port';
import { isReservedName } from './ownedSheets';
import { readRecordTabs } from './readRecordTabs';
import { recordChunksRequest, recordFromChunks } from './record';
import type { AggregateRecord } from '../core/undoRecord';
import { step, type RunOptions } from './progress';

/** Rows of the 審議会評価 tab read when the プラン定義 header does not say how many 取組項目 there are. */
const MAX_COUNCIL_ROWS = 200;

/** A 進捗状況シート as read. */
export interface ReadSheet {
  name: string;
  data: ProgressSheetData;
  /** Its owned 合計/総合評価 cells as they were (read for 「集計」's undo). */
  owned: CellWrite[];
  /** Its carried cells (inputs and 確認時期) exactly as read; only when read for purpose 'full'. */
  inputs?: InputValues;
}

/** Everything read from a workbook. */
export interface WorkbookReading {
  plan: Plan;
  year: FiscalYear;
  /** What was read from each sheet ('aggregate': no texts). */
  purpose: ReadPurpose;
  sheets: ReadSheet[];
  council: CouncilSheetData | null;
  /** The plan's fingerprint: as stored in the プラン定義 tab, else computed (identifies the plan, not its title). */
  planFingerprint: string;
  /** The 配布記録 of a department's book (what it was split from), or null. */
  splitRecord: SplitRecord | null;
  /** Ended items' evaluations kept for books without their sheets (取組終了の評価). */
  archived: ArchivedItem[];
  /** The council input of earlier years (tabs 審議会評価（Ｒ３）…), by year. */
  councilHistory: CouncilSheetData[];
  /** Sheets in tab order. */
  sheetOrder: string[];
  /**
   * The sheets named as the product names its tabs (総評, プラン定義, …), and the kind of owned sheet
   * each one's marker says, or null for a sheet without the marker (not the product's to replace).
   */
  owners: ReadonlyMap<string, OwnedKind | null>;
  /** The record of the last 「集計」 (purpose 'aggregate' only; null when none or unreadable). */
  aggregateRecord?: AggregateRecord | null;
  problems: Problem[];
}

/** Options of reading. */
export interface ReadOptions extends RunOptions {
  /** The year to check; default: the 確認時期 most sheets carry. */
  year?: FiscalYear;
  /** A plan to use instead of the workbook's プラン定義 (for workbooks made elsewhere). */
  plan?: Plan;
  /** What to read from each sheet (default 'full'). */
  purpose?: ReadPurpose;
}

/** The workbook cannot be read at all (no plan, no sheets); the message says what to do. */
export class WorkbookReadError extends UserError {
  override name = 'WorkbookReadError';
}

/** The record tabs of the yearly workflow (never 進捗状況シート). */
const RECORD_TABS: readonly string[] = [SPLIT_RECORD_SHEET_NAME, ENDED_ARCHIVE_SHEET_NAME, IMPORT_LOG_SHEET_NAME];

/** Tabs of the yearly workflow that are never 進捗状況シート: its records and earlier years' council tabs. */
function isRecordTab(name: string): boolean {
  return RECORD_TABS.includes(name) || councilHistoryYear(name) !== null;
}

/** Sheets that are never 進捗状況シート, by name (for tests and tools; 集計 goes by the owner marker). */
export function isOwnedTab(name: string): boolean {
  return (
    name === PLAN_SHEET_NAME ||
    name === COUNCIL_SHEET_NAME ||
    name === INITIATIVE_PAGES_SHEET_NAME ||
    SUMMARY_TAB_ORDER.includes(name) ||
    isRecordTab(name)
  );
}

/**
 * Reads the workbook.
 * @param port - the workbook
 * @param options - year, plan override, purpose, progress and cancellation
 * @returns what was read and the problems found
 * @throws WorkbookReadError when there is no plan or no 進捗状況シート
 */
export async function readWorkbook(port: WorkbookPort, options: ReadOptions = {}): Promise<WorkbookReading> {
  step(options, 'シート一覧を読み込み中', 0, 1);
  const listed = await port.listSheets();
  const sheetOrder = listed.map((sheet) => sheet.name);
  const purpose = options.purpose ?? 'full';
  // The プラン定義 header says the plan's years and table sizes, which is all the read plans need:
  // its tables are then read in the same batch as every sheet. Sheets named as our tabs are read
  // for the owner marker in the same request: those without it may be a department's sheet.
  const reserved = listed.filter((sheet) => isReservedName(sheet.name));
  const { header, markers } = await readHeaderAndMarkers(port, listed, reserved, !options.plan);
  // A header that does not state the form (a filled プラン定義 form): the plan first, then the sheets.
  if (header && !header.shape.formStated)
    return readWorkbook(port, { ...options, plan: await planOfHeader(port, header) });
  const owners = new Map(reserved.map((sheet, index) => [sheet.name, ownedKindInRow(markers[index])]));
  const sheetRanges = options.plan
    ? readPlanFor(options.plan, purpose).ranges
    : sheetReadRanges(header!.shape.form, purpose);
  const candidates = listed.filter((sheet) => !owners.get(sheet.name) && !isRecordTab(sheet.name));
  const hasCouncil = listed.some((sheet) => sheet.name === COUNCIL_SHEET_NAME);
  const councilRows = options.plan?.initiatives.length ?? header?.shape.initiativeCount ?? MAX_COUNCIL_ROWS;

  // 「集計」 reads the chunks of its last record in the same batch (their count is in its row 1).
  const record = purpose === 'aggregate' ? recordChunksRequest(reserved, markers, owners) : null;
  step(options, 'シートを読み込み中', 0, candidates.length);
  const planRequests = header ? [{ sheet: PLAN_SHEET_NAME, address: header.shape.rest }] : [];
  const ranges = await port.readRanges([
    ...planRequests,
    ...candidates.flatMap((sheet) => sheetRanges.map((address) => ({ sheet: sheet.name, address }))),
    ...(hasCouncil ? [{ sheet: COUNCIL_SHEET_NAME, address: councilReadRange(councilRows) }] : []),
    ...(record ? [record] : []),
  ]);
  const aggregateRecord = purpose === 'aggregate' ? recordFromChunks(record ? ranges.pop()!.values : null) : undefined;
  const plan = options.plan ?? planOf([...header!.values, ...ranges.splice(0, 1)[0].values]);
  const layout = progressSheetLayout(plan);
  // A stated form that differs from the plan's (a header edited by hand): read again with the plan.
  if (readPlanFor(plan, purpose).ranges.join() !== sheetRanges.join()) return readWorkbook(port, { ...options, plan });

  const problems: Problem[] = [];
  const sheets: ReadSheet[] = [];
  candidates.forEach((sheet, index) => {
    step(options, 'シートを確認中', index + 1, candidates.length);
    const cells = ranges.slice(index * sheetRanges.length, (index + 1) * sheetRanges.length);
    if (!isProgressSheet(cells, layout)) return;
    const result = readProgressSheet(plan, cells, purpose);
    problems.push(...result.problems);
    if (result.data) {
      const read: ReadSheet = { name: sheet.name, data: result.data, owned: ownedCellsOf(plan, cells) };
      if (purpose === 'full') read.inputs = inputValues(plan, cells);
      sheets.push(read);
    }
    if (isReservedName(sheet.name)) problems.push(reservedNameProblem(sheet.name, result.data?.itemNo ?? null));
  });
  if (sheets.length === 0 && !problems.some((entry) => entry.code === 'layout-damaged')) {
    throw new WorkbookReadError(
      '進捗状況シートが一枚も見つかりません。シート作成（shinchoku template）で作ったブックを開いてください。',
    );
  }

  const records = await readRecordTabs(port, plan, listed);
  const year = options.year ?? commonYear(sheets) ?? plan.period[0];
  if (!plan.period.includes(year)) throw new WorkbookReadError(outsidePeriod(plan, year));
  problems.push(...crossSheetProblems(plan, year, sheets, problems, records));

  let council: CouncilSheetData | null = null;
  if (hasCouncil && !sheets.some((sheet) => sheet.name === COUNCIL_SHEET_NAME)) {
    const range = ranges[candidates.length * sheetRanges.length];
    const result = readCouncilSheet(plan, councilYear(range.values) ?? year, range.values);
    council = result.data;
    problems.push(...result.problems);
    if (council.year !== year) {
      problems.push(
        problem(
          'check-year-mismatch',
          { sheet: COUNCIL_SHEET_NAME, cell: 'A1' },
          `審議会評価は ${yearCode(council.year)} のもので、集計する年度 ${yearCode(year)} と違うため、審議会評価平均は表示しません。`,
          `${yearCode(year)} の審議会評価を入力する場合は、A1 の確認時期を直してください。`,
        ),
      );
    }
  }
  return {
    plan,
    year,
    purpose,
    sheets: uniqueSheets(sheets),
    council,
    planFingerprint: (header ? storedPlanFingerprint(header.values) : null) ?? planFingerprint(plan),
    ...records,
    sheetOrder,
    owners,
    ...(aggregateRecord === undefined ? {} : { aggregateRecord }),
    problems: sortProblems(problems, sheetOrder),
  };
}

/**
 * Reads the workbook's プラン定義: the first rows, then the rest its 件数 row asks for (one more
 * read only for plans too big for the first).
 * @param port - the workbook
 * @param listed - its sheets, when already listed
 * @returns the plan
 * @throws WorkbookReadError when the tab is missing or wrong (naming the cell and the fix)
 */
export async function readWorkbookPlan(port: WorkbookPort, listed?: SheetInfo[]): Promise<Plan> {
  return planOfHeader(port, await readPlanHeader(port, listed ?? (await port.listSheets())));
}

/** The plan, from its header as read and the rest of the tab (one more read). */
async function planOfHeader(
  port: WorkbookPort,
  header: { values: CellValue[][]; shape: PlanSheetShape },
): Promise<Plan> {
  const [rest] = await port.readRanges([{ sheet: PLAN_SHEET_NAME, address: header.shape.rest }]);
  return planOf([...header.values, ...rest.values]);
}

/**
 * The プラン定義 header (when wanted) and row 1 of each reserved-name sheet, in one request.
 * @returns the header and each reserved sheet's row 1, in the order given
 */
async function readHeaderAndMarkers(
  port: WorkbookPort,
  listed: SheetInfo[],
  reserved: SheetInfo[],
  withHeader: boolean,
): Promise<{ header: { values: CellValue[][]; shape: PlanSheetShape } | null; markers: CellValue[][] }> {
  if (withHeader) requirePlanSheet(listed);
  const requests = [
    ...(withHeader ? [{ sheet: PLAN_SHEET_NAME, address: PLAN_SHEET_HEADER_READ }] : []),
    ...reserved.map((sheet) => ({ sheet: sheet.name, address: OWNER_MARKER_READ })),
  ];
  const ranges = requests.length > 0 ? await port.readRanges(requests) : [];
  const headerValues = withHeader ? ranges.shift()!.values : null;
  return {
    header: headerValues ? { values: headerValues, shape: asReadError(() => planSheetShape(headerValues)) } : null,
    markers: ranges.map((range) => range.values[0] ?? []),
  };
}

function requirePlanSheet(listed: SheetInfo[]): void {
  if (!listed.some((sheet) => sheet.name === PLAN_SHEET_NAME)) {
    throw new WorkbookReadError(
      `シート「${PLAN_SHEET_NAME}」がありません。シート作成（shinchoku template）で作ったブックを使うか、プランのファイルを指定してください（--plan）。`,
    );
  }
}

/** A 進捗状況シート named as one of the product's tabs: 集計 would have to replace it. */
function reservedNameProblem(sheet: string, itemNo: ItemCode | null): Problem {
  return problem(
    'sheet-name-reserved',
    { sheet },
    `シート名「${sheet}」は進捗集計が作るシートの名前です。部署のシート${itemNo === null ? '' : `（小№ ${itemNo}）`}を守るため、このままでは集計できません。`,
    `シートの名前を変えてください${itemNo === null ? '' : `（例: 「${itemNo} …」）`}。`,
  );
}

/** The header rows of the プラン定義 tab and what they say. */
async function readPlanHeader(
  port: WorkbookPort,
  listed: SheetInfo[],
): Promise<{ values: CellValue[][]; shape: PlanSheetShape }> {
  requirePlanSheet(listed);
  const [header] = await port.readRanges([{ sheet: PLAN_SHEET_NAME, address: PLAN_SHEET_HEADER_READ }]);
  return { values: header.values, shape: asReadError(() => planSheetShape(header.values)) };
}

/** The plan from the tab's rows (header and tables), or a WorkbookReadError naming the cell. */
function planOf(values: CellValue[][]): Plan {
  return asReadError(() => readPlanSheet(values));
}

function asReadError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    throw new WorkbookReadError(error.message, {
      code: error.code,
      sheet: error.sheet,
      cell: error.cell,
      fix: error.fix,
      cause: error,
    });
  }
}

/** The year in the council tab's title (【審議会評価】令和３年度末), or null. */
function councilYear(values: readonly (readonly CellValue[])[]): FiscalYear | null {
  const title = String(values[0]?.[0] ?? '');
  return parseFiscalYear(title.replace(/^.*】/, ''));
}

/** The 確認時期 most sheets carry (the latest on a tie), or null when there are no sheets. */
function commonYear(sheets: ReadSheet[]): FiscalYear | null {
  const counts = new Map<FiscalYear, number>();
  for (const sheet of sheets) counts.set(sheet.data.checkYear, (counts.get(sheet.data.checkYear) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
}

function crossSheetProblems(
  plan: Plan,
  year: FiscalYear,
  sheets: ReadSheet[],
  found: Problem[],
  records: { splitRecord: SplitRecord | null; archived: ArchivedItem[] },
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<ItemCode, string>();
  const checkPeriod = progressSheetLayout(plan).checkPeriod;
  for (const sheet of sheets) {
    const first = seen.get(sheet.data.itemNo);
    if (first !== undefined) {
      problems.push(
        problem(
          'item-duplicate',
          { sheet: sheet.name, cell: 'A1' },
          `小№ ${sheet.data.itemNo} のシートが「${first}」と重複しています。このシートは集計に使いません。`,
          'どちらか一方を削除するか、小№を直してください。',
        ),
      );
    } else seen.set(sheet.data.itemNo, sheet.name);
    if (sheet.data.checkYear !== year) {
      problems.push(
        problem(
          'check-year-mismatch',
          { sheet: sheet.name, cell: checkPeriod },
          `確認時期が ${yearCode(sheet.data.checkYear)} で、集計する年度 ${yearCode(year)} と違います。`,
          `確認時期を直してください。集計では ${yearCode(year)} の自己評価を使います。`,
        ),
      );
    }
  }
  const unreadable = found.some((entry) => entry.code === 'layout-damaged');
  // A department's book holds only the sheets it was sent; an ended item is not asked for.
  const sent = records.splitRecord ? new Set(records.splitRecord.sheets.map((sheet) => sheet.itemNo)) : null;
  const archived = new Set(records.archived.map((item) => item.itemNo));
  for (const item of plan.items) {
    if (seen.has(item.no) || archived.has(item.no) || (sent && !sent.has(item.no))) continue;
    problems.push(
      problem(
        'item-sheet-missing',
        { sheet: null },
        `実践項目 ${item.no}「${item.name}」のシートが見つかりません${unreadable ? '（レイアウトが崩れたシートがあります）' : '（削除された可能性があります）'}。この実践項目は集計から外れます。`,
        `元のシートを戻すか、「シート作成」で「${progressSheetName(item.no, item.name)}」を作り直して入力してください。`,
      ),
    );
  }
  return problems;
}

function uniqueSheets(sheets: ReadSheet[]): ReadSheet[] {
  const seen = new Set<ItemCode>();
  return sheets.filter((sheet) => (seen.has(sheet.data.itemNo) ? false : (seen.add(sheet.data.itemNo), true)));
}
