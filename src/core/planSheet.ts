/**
 * The プラン定義 sheet: the plan a workbook was made from, kept inside the workbook (hidden and
 * protected), so that 集計 needs nothing but the file. Readable tables a secretariat can audit:
 * プラン名, 計画期間 (令和２年度 …), 評価項目, 件数, then the テーマ, 取組項目 and 実践項目 tables, each
 * read by its header row (columns found by their headings), with no limit on the number of rows.
 */
import { cellAddress, columnLetters } from './address';
import { planFingerprint } from './collection/fingerprint';
import { fiscalYearName, type FiscalYear } from './fiscalYear';
import { checkPlan, parsePeriod, PlanError, type Plan } from './plan';
import {
  cellOfPlace,
  findTables,
  planDataFromTables,
  planTableRows,
  PLAN_TABLES,
  SETTING_WORDS,
  type PlanTableKey,
} from './planTables';
import { MAX_CRITERIA, MAX_INDICATORS } from './scheme';
import { formShapeOf, type FormShape } from './sheet/readPlan';
import type { CellValue, CellWrite, RangeFormat, SheetSpec } from './sheetSpec';
import { BASE, LABEL, TABLE_TEXT, TITLE } from './styles';

/** The sheet's name. */
export const PLAN_SHEET_NAME = 'プラン定義';
/** Marker text in A2. */
export const PLAN_SHEET_MARKER = 'shinchoku:plan:v1';
/** Columns a reader loads (A…L: 8 years of 計画期間, 10 評価項目, the widest table). */
export const PLAN_SHEET_LAST_COLUMN = 12;
/** Rows of the header (title, marker, プラン名, 計画期間, 評価項目, 件数, 様式), read first. */
export const PLAN_SHEET_HEADER_ROWS = 8;
/** The range every reader loads first: the header, which says how big the tables below are. */
export const PLAN_SHEET_HEADER_READ = `A1:${columnLetters(PLAN_SHEET_LAST_COLUMN)}${PLAN_SHEET_HEADER_ROWS}`;
/** Rows read below the header when it has no 件数 row (a tab written before it had one). */
const LEGACY_LAST_ROW = 1200;

const COUNTS_LABEL = '件数';
const LAST_ROW_LABEL = '最終行';
const FORM_LABEL = '様式';
/** Excel's last row: no count of the header can be more. */
const MAX_SHEET_ROWS = 1048576;

const FIX_EDIT =
  'プラン定義はシステム担当が作り直します（プランの JSON またはプラン定義のブックから shinchoku template で作るか、--plan で指定してください）。';
/** The tables in the tab's order (the definition workbook's too). */
export const PLAN_TABLE_ORDER: readonly PlanTableKey[] = [
  'themes',
  'initiatives',
  'items',
  'criteria',
  'scheme',
  'scale',
  'itemBands',
  'groupBands',
  'councilScale',
  'achievementBands',
];
/** The count labels of the structure's tables. */
const COUNTED = { themes: 'テーマ', initiatives: '取組項目', items: '実践項目' } as const;

/**
 * The プラン定義 sheet of a plan (any number of items): the header, the structure's tables and the
 * scheme's.
 * @param plan - the plan
 * @returns the sheet, hidden and protected
 */
export function writePlanSheet(plan: Plan): SheetSpec {
  const tables = planTableRows(plan);
  const body: CellValue[][] = PLAN_TABLE_ORDER.flatMap((key) =>
    key === 'criteria' || key === 'scheme' || tables[key].length > 2 ? [...tables[key], []] : [],
  );
  const form = formShapeOf(plan);
  const lastRow = PLAN_SHEET_HEADER_ROWS + body.length;
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
      COUNTED.themes,
      plan.themes.length,
      COUNTED.initiatives,
      plan.initiatives.length,
      COUNTED.items,
      plan.items.length,
      LAST_ROW_LABEL,
      lastRow,
    ],
    [
      FORM_LABEL,
      '評価項目',
      form.criteria,
      '総合評価',
      form.gradeEntered ? SETTING_WORDS.itemGrade.entered : SETTING_WORDS.itemGrade.bands,
      '指標',
      form.indicators,
      '達成度',
      form.achievement ? SETTING_WORDS.cost.yes : SETTING_WORDS.cost.no,
      '事業費',
      form.cost ? SETTING_WORDS.cost.yes : SETTING_WORDS.cost.no,
    ],
    ...body,
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
    if (Object.values(PLAN_TABLES).some((each) => Object.values(each.headings)[0] === first) && row.length > 1)
      formats.push({ address: `A${index + 1}:${columnLetters(row.length)}${index + 1}`, style: LABEL });
  });
  formats.push(
    { address: 'A1', style: TITLE },
    { address: 'A2', style: { ...BASE, fontSize: 8, fontColor: '#808080' } },
    { address: 'B4:B8', style: TABLE_TEXT },
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

/** What the header of a プラン定義 tab says: the plan's years, the form's shape, the table sizes and what to read next. */
export interface PlanSheetShape {
  period: FiscalYear[];
  /** What the 進捗状況シート's rectangles depend on (read ranges before the plan is read). */
  form: FormShape;
  /** Whether the header states the form (written by the product); a filled definition does not. */
  formStated: boolean;
  /** Number of 取組項目 (rows of the 審議会評価 tab), or null when the tab has no 件数 row. */
  initiativeCount: number | null;
  /** The rows below the header that hold the tables. */
  rest: string;
}

/**
 * Reads the header of the tab (`PLAN_SHEET_HEADER_READ`): enough to plan every other read of the
 * workbook before the tables are read.
 * @param header - the values of the header rows
 * @returns the period, the form's shape, the number of 取組項目 and the range of the tables
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
  const after = (cells: readonly CellValue[] | undefined, label: string): CellValue | null => {
    const index = cells ? cells.findIndex((value) => text(value) === label) : -1;
    return index < 0 || !cells ? null : (cells[index + 1] ?? null);
  };
  // Numbers of the header, each a whole number within its limit: the header says how much to read.
  const numberIn = (rowLabel: string, key: string, max: number): number | null => {
    const rowIndex = header.findIndex((cells) => text(cells[0]) === rowLabel);
    const column = rowIndex < 0 ? -1 : header[rowIndex].findIndex((value) => text(value) === key);
    if (column < 0) return null;
    const value = header[rowIndex][column + 1] ?? null;
    const number = text(value) === '' ? 0 : Number(value);
    if (!Number.isInteger(number) || number < 0 || number > max)
      throw sheetError(
        `シート「${PLAN_SHEET_NAME}」の「${key}」が「${text(value)}」になっています（0〜${max} の整数のはずです）。`,
        cellAddress(rowIndex + 1, column + 2),
        FIX_EDIT,
      );
    return number;
  };
  const count = (label: string) => numberIn(COUNTS_LABEL, label, MAX_SHEET_ROWS);
  const stated = count(LAST_ROW_LABEL);
  const tableRows = (Object.values(COUNTED) as string[]).reduce<number | null>((sum, label) => {
    const rows = count(label);
    return sum === null || rows === null ? null : sum + 3 + rows; // section, heading, rows, blank
  }, 0);
  const last = stated ?? (tableRows === null ? LEGACY_LAST_ROW : PLAN_SHEET_HEADER_ROWS + tableRows + 1);
  const form = row(FORM_LABEL);
  const criteriaLabels = (row('評価項目') ?? []).slice(1).filter((value) => text(value) !== '');
  return {
    period,
    form: {
      period,
      criteria: form ? (numberIn(FORM_LABEL, '評価項目', MAX_CRITERIA) ?? 0) : criteriaLabels.length,
      gradeEntered: text(after(form, '総合評価')) === SETTING_WORDS.itemGrade.entered,
      indicators: form ? (numberIn(FORM_LABEL, '指標', MAX_INDICATORS) ?? 0) : 0,
      achievement: text(after(form, '達成度')) === SETTING_WORDS.cost.yes,
      cost: text(after(form, '事業費')) === SETTING_WORDS.cost.yes,
    },
    formStated: form !== undefined,
    initiativeCount: count(COUNTED.initiatives),
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
  assertMarker(values);
  const rowOf = (label: string) => values.findIndex((row) => text(row[0]) === label);
  const rowList = (label: string) => (values[rowOf(label)] ?? []).slice(1).map(text).filter(Boolean);
  const { tables, problems } = findTables(PLAN_SHEET_NAME, values);
  const structure = ['themes', 'initiatives', 'items'] as const;
  for (const key of structure)
    if (!tables[key])
      throw sheetError(`シート「${PLAN_SHEET_NAME}」に ${PLAN_TABLES[key].section} の表がありません。`, 'A1', FIX_EDIT);
  if (problems[0]) throw sheetError(problems[0].message, problems[0].cell, FIX_EDIT);
  const counts = values[rowOf(COUNTS_LABEL)];
  if (counts) {
    for (const key of structure) {
      const column = counts.findIndex((value) => text(value) === COUNTED[key]) + 1;
      const stated = Number(counts[column]);
      const found = tables[key]?.rows.length ?? 0;
      if (column > 0 && stated !== found)
        throw sheetError(
          `${PLAN_TABLES[key].section} の表は ${found} 行ですが、件数には ${text(counts[column])} とあります。`,
          cellAddress(rowOf(COUNTS_LABEL) + 1, column + 1),
          FIX_EDIT,
        );
    }
  }
  const header = {
    sheet: PLAN_SHEET_NAME,
    title: cellAddress(rowOf('プラン名') + 1, 2),
    period: (index: number) => cellAddress(rowOf('計画期間') + 1, 2 + index),
    criteria: (index: number) => cellAddress(rowOf('評価項目') + 1, 2 + index),
  };
  const data = planDataFromTables(
    {
      title: values[rowOf('プラン名')]?.[1] ?? null,
      period: rowList('計画期間'),
      criteriaLabels: rowList('評価項目'),
    },
    tables,
  );
  const { plan, problems: planProblems } = checkPlan(data);
  const first = planProblems.find((problem) => problem.severity === 'error');
  if (plan && !first) return plan;
  const place = first?.at ? cellOfPlace(tables, first.at, header) : null;
  throw new PlanError(`シート「${PLAN_SHEET_NAME}」: ${first?.message ?? ''}`, first?.at ?? null, {
    sheet: PLAN_SHEET_NAME,
    cell: place?.cell ?? null,
    fix: first?.fix ?? FIX_EDIT,
    code: 'plan-sheet',
  });
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
