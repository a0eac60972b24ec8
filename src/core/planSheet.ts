/**
 * The プラン定義 sheet: the plan a workbook was made from, kept inside the workbook (hidden and
 * protected), so that 集計 needs nothing but the file. Readable tables a secretariat can audit:
 * プラン名, 計画期間 (令和２年度 …), 評価項目, 件数, then the テーマ, 取組項目 and 実践項目 tables, each
 * read by its header row (columns found by their headings), with no limit on the number of rows.
 */
import { cellAddress, columnLetters } from './address';
import { planFingerprint } from './collection/fingerprint';
import { fiscalYearName, type FiscalYear } from './fiscalYear';
import { codeCellValue } from './itemCode';
import { parsePeriod, parsePlan, PlanError, type Plan, type PlanPlace } from './plan';
import type { CellValue, CellWrite, RangeFormat, SheetSpec } from './sheetSpec';
import { BASE, LABEL, TABLE_TEXT, TITLE } from './styles';

/** The sheet's name. */
export const PLAN_SHEET_NAME = 'プラン定義';
/** Marker text in A2. */
export const PLAN_SHEET_MARKER = 'shinchoku:plan:v1';
/** Columns a reader loads (A…L: 8 years of 計画期間, 10 評価項目, the widest table). */
export const PLAN_SHEET_LAST_COLUMN = 12;
/** Rows of the header (title, marker, プラン名, 計画期間, 評価項目, 件数), read first. */
export const PLAN_SHEET_HEADER_ROWS = 8;
/** The range every reader loads first: the header, which says how big the tables below are. */
export const PLAN_SHEET_HEADER_READ = `A1:${columnLetters(PLAN_SHEET_LAST_COLUMN)}${PLAN_SHEET_HEADER_ROWS}`;
/** Rows read below the header when it has no 件数 row (a tab written before it had one). */
const LEGACY_LAST_ROW = 1200;

const COUNTS_LABEL = '件数';
const CONTINUED_MARK = '○';
const FIX_EDIT =
  'プラン定義はシステム担当が作り直します（プランの JSON から shinchoku template で作るか、--plan で指定してください）。';

/** The three tables: their section label, and each field's heading. */
const TABLES = {
  themes: { section: '[テーマ]', count: 'テーマ', headings: { numeral: '番号', name: '名称', label: '略称' } },
  initiatives: { section: '[取組項目]', count: '取組項目', headings: { no: '大№', name: '名称', themes: 'テーマ' } },
  items: {
    section: '[実践項目]',
    count: '実践項目',
    headings: {
      no: '小№',
      initiative: '大№',
      name: '名称',
      departments: '担当部署',
      continuedFromPreviousPlan: '前プラン継続',
      endedIn: '取組終了年度',
    },
  },
} as const;
type TableKey = keyof typeof TABLES;

/**
 * The プラン定義 sheet of a plan (any number of items).
 * @param plan - the plan
 * @returns the sheet, hidden and protected
 */
export function writePlanSheet(plan: Plan): SheetSpec {
  const table = <K extends TableKey>(key: K, rows: CellValue[][]): CellValue[][] => [
    [TABLES[key].section],
    Object.values(TABLES[key].headings),
    ...rows,
    [],
  ];
  const rows: CellValue[][] = [
    ['【プラン定義】集計に使うプランの定義です。編集しないでください（変更はシステム担当へ）。'],
    // The plan's fingerprint beside the marker: what identifies it when books are collected.
    [PLAN_SHEET_MARKER, planFingerprint(plan)],
    [],
    ['プラン名', plan.title],
    ['計画期間', ...plan.period.map(fiscalYearName)],
    ['評価項目', ...plan.criteria.map((criterion) => criterion.label)],
    [
      COUNTS_LABEL,
      TABLES.themes.count,
      plan.themes.length,
      TABLES.initiatives.count,
      plan.initiatives.length,
      TABLES.items.count,
      plan.items.length,
    ],
    [],
    ...table(
      'themes',
      plan.themes.map((theme) => [theme.numeral, theme.name, theme.label]),
    ),
    ...table(
      'initiatives',
      plan.initiatives.map((initiative) => [
        codeCellValue(initiative.no),
        initiative.name,
        initiative.themes.join(','),
      ]),
    ),
    ...table(
      'items',
      plan.items.map((item) => [
        codeCellValue(item.no),
        codeCellValue(item.initiative),
        item.name,
        item.departments.join('\n'),
        item.continuedFromPreviousPlan ? CONTINUED_MARK : '',
        item.endedIn === null ? '' : fiscalYearName(item.endedIn),
      ]),
    ),
  ];
  const cells: CellWrite[] = [];
  const formats: RangeFormat[] = [
    { address: `A1:${columnLetters(PLAN_SHEET_LAST_COLUMN)}${rows.length}`, style: BASE },
  ];
  rows.forEach((row, index) => {
    row.forEach((value, column) => {
      if (value !== null && value !== '') cells.push({ address: cellAddress(index + 1, column + 1), value });
    });
    const first = row[0];
    if (typeof first === 'string' && first.startsWith('['))
      formats.push({ address: `A${index + 1}`, style: { ...BASE, bold: true } });
    if (Object.values(TABLES).some((each) => Object.values(each.headings)[0] === first) && row.length > 1)
      formats.push({ address: `A${index + 1}:${columnLetters(row.length)}${index + 1}`, style: LABEL });
  });
  formats.push(
    { address: 'A1', style: TITLE },
    { address: 'A2', style: { ...BASE, fontSize: 8, fontColor: '#808080' } },
    { address: 'B4:B7', style: TABLE_TEXT },
  );
  return {
    name: PLAN_SHEET_NAME,
    visibility: 'hidden',
    protect: true,
    tabColor: '#808080',
    columnWidths: [10, 40, 30, 36, 12, 14, 12],
    cells,
    formats,
  };
}

/** What the header of a プラン定義 tab says: the plan's years, the table sizes and what to read next. */
export interface PlanSheetShape {
  period: FiscalYear[];
  /** Number of 取組項目 (rows of the 審議会評価 tab), or null when the tab has no 件数 row. */
  initiativeCount: number | null;
  /** The rows below the header that hold the tables. */
  rest: string;
}

/**
 * Reads the header of the tab (`PLAN_SHEET_HEADER_READ`): enough to plan every other read of the
 * workbook before the tables are read.
 * @param header - the values of the header rows
 * @returns the period, the number of 取組項目 and the range of the tables
 * @throws PlanError naming the cell and the fix when the marker or a year is wrong
 */
export function planSheetShape(header: readonly (readonly CellValue[])[]): PlanSheetShape {
  assertMarker(header);
  const row = (label: string) => header.find((cells) => text(cells[0]) === label);
  const periodRow = header.findIndex((cells) => text(cells[0]) === '計画期間');
  const years = (row('計画期間') ?? []).slice(1).filter((value) => text(value) !== '');
  let period: FiscalYear[];
  try {
    period = parsePeriod(years);
  } catch (error) {
    if (!(error instanceof PlanError) || error.at?.table !== 'period') throw error;
    throw sheetError(error.message, cellAddress(periodRow + 1, 2 + (error.at.index ?? 0)), error.fix ?? FIX_EDIT);
  }
  const counts = row(COUNTS_LABEL);
  const count = (label: string) => {
    if (!counts) return null;
    const index = counts.findIndex((value) => text(value) === label);
    return index < 0 ? null : Number(counts[index + 1]) || 0;
  };
  const tableRows = (Object.values(TABLES) as { count: string }[]).reduce<number | null>((sum, table) => {
    const rows = count(table.count);
    return sum === null || rows === null ? null : sum + 3 + rows; // section, heading, rows, blank
  }, 0);
  const last = tableRows === null ? LEGACY_LAST_ROW : PLAN_SHEET_HEADER_ROWS + tableRows + 1;
  return {
    period,
    initiativeCount: count(TABLES.initiatives.count),
    rest: `A${PLAN_SHEET_HEADER_ROWS + 1}:${columnLetters(PLAN_SHEET_LAST_COLUMN)}${last}`,
  };
}

/**
 * Reads the plan back from the sheet's rows (from row 1): the tables by their headings.
 * @param values - the values read, from A1 (the first read and the rest, one after the other)
 * @returns the plan
 * @throws PlanError naming the sheet, the cell that is wrong and the fix
 */
export function readPlanSheet(values: readonly (readonly CellValue[])[]): Plan {
  const fail = (message: string, row: number, column: number, fix = FIX_EDIT): never => {
    throw sheetError(message, cellAddress(row, column), fix);
  };
  assertMarker(values);
  const rowOf = (label: string) => values.findIndex((row) => text(row[0]) === label);
  const rowList = (label: string) => (values[rowOf(label)] ?? []).slice(1).map(text).filter(Boolean);
  const tables = Object.fromEntries(
    (Object.keys(TABLES) as TableKey[]).map((key) => [key, readTable(values, key, fail)]),
  ) as Record<TableKey, TableRows>;
  const counts = values[rowOf(COUNTS_LABEL)];
  if (counts) {
    for (const key of Object.keys(TABLES) as TableKey[]) {
      const column = counts.findIndex((value) => text(value) === TABLES[key].count) + 1;
      const stated = Number(counts[column]);
      if (column > 0 && stated !== tables[key].rows.length)
        fail(
          `${TABLES[key].section} の表は ${tables[key].rows.length} 行ですが、件数には ${text(counts[column])} とあります。`,
          rowOf(COUNTS_LABEL) + 1,
          column + 1,
        );
    }
  }
  const cellOf = (at: PlanPlace): string => {
    if (at.table === 'title') return cellAddress(rowOf('プラン名') + 1, 2);
    if (at.table === 'period') return cellAddress(rowOf('計画期間') + 1, 2 + (at.index ?? 0));
    if (at.table === 'criteria') return cellAddress(rowOf('評価項目') + 1, 2 + (at.index ?? 0));
    const found = tables[at.table];
    const column = found.columns[at.field ?? ''] ?? found.columns[Object.keys(found.columns)[0]];
    return cellAddress(at.index === undefined ? found.headingRow : found.firstRow + at.index, column);
  };
  try {
    return parsePlan({
      title: text(values[rowOf('プラン名')]?.[1]),
      period: rowList('計画期間'),
      criteria: rowList('評価項目').map((label) => ({ label })),
      themes: tables.themes.rows,
      initiatives: tables.initiatives.rows.map((row) => ({
        ...row,
        themes: text(row.themes as CellValue)
          .split(/[,、，]/)
          .map((mark) => mark.trim())
          .filter(Boolean),
      })),
      items: tables.items.rows.map((row) => ({
        ...row,
        departments: text(row.departments as CellValue)
          .split(/\n/)
          .map((department) => department.trim())
          .filter(Boolean),
        continuedFromPreviousPlan: text(row.continuedFromPreviousPlan as CellValue) !== '',
        endedIn: text(row.endedIn as CellValue) || null,
      })),
    });
  } catch (error) {
    if (!(error instanceof PlanError) || error.sheet) throw error;
    throw new PlanError(`シート「${PLAN_SHEET_NAME}」: ${error.message}`, error.at, {
      sheet: PLAN_SHEET_NAME,
      cell: error.at ? cellOf(error.at) : null,
      fix: error.fix ?? FIX_EDIT,
      code: 'plan-sheet',
    });
  }
}

/** A table as read: its rows as records by field, and where each field is. */
interface TableRows {
  rows: Record<string, CellValue>[];
  columns: Record<string, number>;
  headingRow: number;
  firstRow: number;
}

function readTable(
  values: readonly (readonly CellValue[])[],
  key: TableKey,
  fail: (message: string, row: number, column: number, fix?: string) => never,
): TableRows {
  const { section, headings } = TABLES[key];
  const start = values.findIndex((row) => text(row[0]) === section);
  if (start < 0) fail(`シート「${PLAN_SHEET_NAME}」に ${section} の表がありません。`, 1, 1);
  const heading = values[start + 1] ?? [];
  const columns: Record<string, number> = {};
  for (const [field, label] of Object.entries(headings)) {
    const index = heading.findIndex((value) => text(value) === label);
    if (index < 0) fail(`${section} の見出し「${label}」がありません。`, start + 2, 1);
    columns[field] = index + 1;
  }
  const rows: Record<string, CellValue>[] = [];
  for (let index = start + 2; index < values.length; index++) {
    const row = values[index];
    if (row.every((value) => text(value) === '') || text(row[0]).startsWith('[')) break;
    rows.push(Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, row[column - 1] ?? null])));
  }
  return { rows, columns, headingRow: start + 2, firstRow: start + 3 };
}

/**
 * The plan's fingerprint stored beside the marker (B2), written with the tab.
 * @param header - the tab's first rows, from A1
 * @returns the fingerprint, or null for a tab written before it was stored
 */
export function storedPlanFingerprint(header: readonly (readonly CellValue[])[]): string | null {
  const value = text(header[1]?.[1]);
  return /^[0-9a-f]{16}$/.test(value) ? value : null;
}

function assertMarker(values: readonly (readonly CellValue[])[]): void {
  if (text(values[1]?.[0]) !== PLAN_SHEET_MARKER)
    throw sheetError(
      `シート「${PLAN_SHEET_NAME}」の形式が違います（A2 に ${PLAN_SHEET_MARKER} がありません）。`,
      'A2',
      FIX_EDIT,
    );
}

function sheetError(message: string, cell: string, fix: string): PlanError {
  return new PlanError(message, null, { sheet: PLAN_SHEET_NAME, cell, fix, code: 'plan-sheet' });
}

function text(value: CellValue | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim();
}
