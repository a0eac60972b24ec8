/**
 * A plan as readable tables: each table a [section] label in column A, a heading row, then one row
 * per entry until a blank row, read by its headings (columns may move). The hidden プラン定義 tab of
 * every workbook and the definition workbook a secretariat fills hold the same tables; only where
 * they are differs. This module turns a plan into table rows, tables into plan data for
 * `checkPlan`, and a place in the plan into the cell that holds it.
 */
import { cellAddress } from './address';
import { fiscalYearName } from './fiscalYear';
import { codeCellValue } from './itemCode';
import { normalizeInput } from './japanese';
import type { Plan, PlanPlace } from './plan';
import type { Band, GroupGrading, Scale } from './scheme';
import type { CellValue } from './sheetSpec';

/** The tables, their section labels and each field's heading. */
export const PLAN_TABLES = {
  themes: { section: '[テーマ]', headings: { numeral: '番号', name: '名称', label: '略称' } },
  initiatives: { section: '[取組項目]', headings: { no: '大№', name: '名称', themes: 'テーマ' } },
  items: {
    section: '[実践項目]',
    headings: {
      no: '小№',
      initiative: '大№',
      name: '名称',
      departments: '担当部署',
      continuedFromPreviousPlan: '前プラン継続',
      endedIn: '取組終了年度',
    },
  },
  criteria: { section: '[評価項目]', headings: { label: '名称', short: '略称', key: 'キー' } },
  scheme: { section: '[評価方式]', headings: { setting: '項目', value: '値' } },
  scale: { section: '[評価の記号]', headings: { symbol: '記号', value: '値', meaning: '意味' } },
  itemBands: { section: '[総合評価の基準]', headings: { grade: '評価', min: '下限', gates: '条件' } },
  groupBands: { section: '[取組項目の評価の基準]', headings: { grade: '評価', min: '下限', gates: '条件' } },
  councilScale: { section: '[審議会評価の記号]', headings: { symbol: '記号', value: '値', meaning: '意味' } },
  achievementBands: { section: '[達成度の基準]', headings: { grade: '評価', min: '達成率の下限（%）' } },
} as const;
/** A table of a plan. */
export type PlanTableKey = keyof typeof PLAN_TABLES;

/** The settings of the [評価方式] table: field → the label in its 項目 column. */
export const SCHEME_SETTINGS = {
  scale: '評価の尺度',
  scaleMin: '最小値',
  scaleMax: '最大値',
  notApplicable: '該当なしの記号',
  itemGrade: '総合評価の決め方',
  itemGradeBasis: '総合評価の基準の対象',
  groupGrade: '取組項目の評価の決め方',
  groupGradeBasis: '取組項目の評価の基準の対象',
  council: '審議会評価の尺度',
  councilMin: '審議会評価の最小値',
  councilMax: '審議会評価の最大値',
  indicators: '目標・実績の指標数',
  cost: '事業費',
} as const;
type Setting = keyof typeof SCHEME_SETTINGS;

/** The words of the settings' values, as the drop-downs offer them. */
export const SETTING_WORDS = {
  scale: { numeric: '数値', symbols: '記号' },
  itemGrade: { bands: '基準による', entered: '直接入力' },
  groupGrade: { bands: '基準による', entered: '審議会が入力', none: 'なし' },
  basis: { total: '合計', average: '平均' },
  cost: { yes: 'あり', no: 'なし' },
} as const;

/** A table found in a sheet: its rows by field, and where each field is. */
export interface FoundTable {
  sheet: string;
  rows: Record<string, CellValue>[];
  /** 1-based column of each field. */
  columns: Record<string, number>;
  /** 1-based row of the headings, and of the first entry. */
  headingRow: number;
  firstRow: number;
}

/** A problem found while finding tables (a heading missing), with its cell. */
export interface TableProblem {
  sheet: string;
  cell: string;
  message: string;
}

/**
 * Finds the tables in a sheet's values (any of them, in any order).
 * @param sheet - the sheet's name (for places)
 * @param values - the sheet's values from A1
 * @returns the tables found, and the problems of those whose headings are incomplete
 */
export function findTables(
  sheet: string,
  values: readonly (readonly CellValue[])[],
): { tables: Partial<Record<PlanTableKey, FoundTable>>; problems: TableProblem[] } {
  const tables: Partial<Record<PlanTableKey, FoundTable>> = {};
  const problems: TableProblem[] = [];
  for (const key of Object.keys(PLAN_TABLES) as PlanTableKey[]) {
    const { section, headings } = PLAN_TABLES[key];
    const start = values.findIndex((row) => text(row[0]) === section);
    if (start < 0) continue;
    const heading = values[start + 1] ?? [];
    const columns: Record<string, number> = {};
    for (const [field, label] of Object.entries(headings)) {
      const index = heading.findIndex((value) => text(value) === label);
      if (index >= 0) columns[field] = index + 1;
      else if (field !== 'key' && field !== 'short' && field !== 'meaning' && field !== 'gates')
        problems.push({
          sheet,
          cell: cellAddress(start + 2, 1),
          message: `${section} の見出し「${label}」がありません。`,
        });
    }
    const rows: Record<string, CellValue>[] = [];
    for (let index = start + 2; index < values.length; index++) {
      const row = values[index];
      if (row.every((value) => text(value) === '') || text(row[0]).startsWith('[')) break;
      rows.push(Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, row[column - 1] ?? null])));
    }
    tables[key] = { sheet, rows, columns, headingRow: start + 2, firstRow: start + 3 };
  }
  return { tables, problems };
}

/**
 * The rows of every table of a plan (section, headings, entries), for a writer to place.
 * @param plan - the plan
 * @returns table → its rows
 */
export function planTableRows(plan: Plan): Record<PlanTableKey, CellValue[][]> {
  const table = (key: PlanTableKey, entries: CellValue[][]): CellValue[][] => [
    [PLAN_TABLES[key].section],
    Object.values(PLAN_TABLES[key].headings),
    ...entries,
  ];
  const { scheme } = plan;
  const labelOf = (key: string) => plan.criteria.find((criterion) => criterion.key === key)?.label ?? key;
  const bandRows = (bands: readonly Band[]): CellValue[][] =>
    bands.map((band) => [
      band.grade,
      band.min,
      band.gates.map((gate) => `${labelOf(gate.criterion)} ${gate.min} 以上`).join('、'),
    ]);
  const gradingRows = (grading: GroupGrading): CellValue[][] =>
    grading.kind === 'bands'
      ? bandRows(grading.bands)
      : grading.kind === 'entered'
        ? grading.grades.map((grade) => [grade])
        : [];
  const symbolRows = (scale: Scale): CellValue[][] =>
    scale.kind === 'symbols' ? scale.symbols.map((symbol) => [symbol.symbol, symbol.value, symbol.meaning]) : [];
  return {
    themes: table(
      'themes',
      plan.themes.map((theme) => [theme.numeral, theme.name, theme.label]),
    ),
    initiatives: table(
      'initiatives',
      plan.initiatives.map((initiative) => [
        codeCellValue(initiative.no),
        initiative.name,
        initiative.themes.join(','),
      ]),
    ),
    items: table(
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
    criteria: table(
      'criteria',
      plan.criteria.map((criterion) => [criterion.label, criterion.short, criterion.key]),
    ),
    scheme: table('scheme', settingRows(plan)),
    scale: table('scale', symbolRows(scheme.scale)),
    itemBands: table('itemBands', gradingRows(scheme.itemGrade)),
    groupBands: table('groupBands', gradingRows(scheme.groupGrade)),
    councilScale: table('councilScale', symbolRows(scheme.council)),
    achievementBands: table(
      'achievementBands',
      (scheme.targets?.bands ?? []).map((band) => [band.grade, band.min]),
    ),
  };
}

/** The ○ of 前プラン継続. */
export const CONTINUED_MARK = '○';

function settingRows(plan: Plan): CellValue[][] {
  const { scheme } = plan;
  const words = SETTING_WORDS;
  const rows: [Setting, CellValue][] = [
    ['scale', words.scale[scheme.scale.kind]],
    ['scaleMin', scheme.scale.kind === 'numeric' ? scheme.scale.min : ''],
    ['scaleMax', scheme.scale.kind === 'numeric' ? scheme.scale.max : ''],
    ['notApplicable', scheme.notApplicable ?? ''],
    ['itemGrade', words.itemGrade[scheme.itemGrade.kind]],
    ['itemGradeBasis', scheme.itemGrade.kind === 'bands' ? words.basis[scheme.itemGrade.basis] : ''],
    ['groupGrade', words.groupGrade[scheme.groupGrade.kind]],
    ['groupGradeBasis', scheme.groupGrade.kind === 'bands' ? words.basis[scheme.groupGrade.basis] : ''],
    ['council', words.scale[scheme.council.kind]],
    ['councilMin', scheme.council.kind === 'numeric' ? scheme.council.min : ''],
    ['councilMax', scheme.council.kind === 'numeric' ? scheme.council.max : ''],
    ['indicators', scheme.targets?.indicators ?? 0],
    ['cost', scheme.cost ? words.cost.yes : words.cost.no],
  ];
  return rows.map(([setting, value]) => [SCHEME_SETTINGS[setting], value]);
}

/**
 * Plan data (the JSON form, for `checkPlan`) from the tables and the header's title and years.
 * @param header - プラン名 and the 計画期間 years as written; legacy criteria labels (a tab without an [評価項目] table)
 * @param tables - the tables found
 * @returns the plan data
 */
export function planDataFromTables(
  header: { title: CellValue; period: CellValue[]; criteriaLabels?: string[] },
  tables: Partial<Record<PlanTableKey, FoundTable>>,
): Record<string, unknown> {
  const rows = (key: PlanTableKey) => tables[key]?.rows ?? [];
  const split = (value: CellValue, separator: RegExp) =>
    text(value)
      .split(separator)
      .map((part) => part.trim())
      .filter(Boolean);
  const criteria = tables.criteria
    ? rows('criteria').map((row) => ({
        key: text(row.key) || undefined,
        label: row.label,
        short: text(row.short) || undefined,
      }))
    : header.criteriaLabels?.map((label) => ({ label }));
  return {
    title: text(header.title),
    period: header.period.map(text).filter(Boolean),
    ...(criteria && { criteria }),
    ...(tables.scheme && { scheme: schemeData(tables) }),
    themes: rows('themes').map((row) => ({ numeral: row.numeral, name: row.name, label: row.label })),
    initiatives: rows('initiatives').map((row) => ({
      no: row.no,
      name: row.name,
      themes: split(row.themes, /[,、，\s]+/),
    })),
    items: rows('items').map((row) => ({
      no: row.no,
      initiative: row.initiative,
      name: row.name,
      departments: split(row.departments, /\n/),
      continuedFromPreviousPlan: text(row.continuedFromPreviousPlan) !== '',
      endedIn: text(row.endedIn) || null,
    })),
  };
}

/** The scheme's data from the [評価方式] table and the tables it refers to. */
function schemeData(tables: Partial<Record<PlanTableKey, FoundTable>>): Record<string, unknown> {
  const settings = new Map((tables.scheme?.rows ?? []).map((row) => [text(row.setting), row.value]));
  const setting = (key: Setting) => settings.get(SCHEME_SETTINGS[key]) ?? null;
  const word = <T extends string>(key: Setting, words: Record<T, string>): T | string => {
    const typed = text(setting(key));
    return (Object.entries(words) as [T, string][]).find(([, shown]) => shown === typed)?.[0] ?? typed;
  };
  const symbols = (key: 'scale' | 'councilScale') =>
    (tables[key]?.rows ?? []).map((row) => ({ symbol: row.symbol, value: row.value, meaning: text(row.meaning) }));
  const scale = (kind: Setting, min: Setting, max: Setting, table: 'scale' | 'councilScale') =>
    word(kind, SETTING_WORDS.scale) === 'symbols'
      ? { kind: 'symbols', symbols: symbols(table) }
      : { kind: word(kind, SETTING_WORDS.scale), min: setting(min), max: setting(max) };
  const bands = (key: 'itemBands' | 'groupBands' | 'achievementBands') =>
    (tables[key]?.rows ?? []).map((row) => ({
      grade: row.grade,
      min: text(row.min) === '' ? null : row.min,
      gates: gates(row.gates),
    }));
  const grading = (kind: Setting, basis: Setting, key: 'itemBands' | 'groupBands', words: Record<string, string>) => {
    const chosen = word(kind, words);
    if (chosen === 'entered') return { kind: 'entered', grades: (tables[key]?.rows ?? []).map((row) => row.grade) };
    if (chosen === 'none') return { kind: 'none' };
    return { kind: chosen, basis: word(basis, SETTING_WORDS.basis) || 'total', bands: bands(key) };
  };
  const indicators = setting('indicators');
  const notApplicable = text(setting('notApplicable'));
  return {
    scale: scale('scale', 'scaleMin', 'scaleMax', 'scale'),
    notApplicable: notApplicable === '' ? null : notApplicable,
    itemGrade: grading('itemGrade', 'itemGradeBasis', 'itemBands', SETTING_WORDS.itemGrade),
    groupGrade: grading('groupGrade', 'groupGradeBasis', 'groupBands', SETTING_WORDS.groupGrade),
    council: scale('council', 'councilMin', 'councilMax', 'councilScale'),
    ...(text(indicators) !== '' &&
      text(indicators) !== '0' && { targets: { indicators, bands: bands('achievementBands') } }),
    cost: costValue(word('cost', SETTING_WORDS.cost)),
  };
}

/** あり → true, なし or blank → false; anything else is passed on for the check to report. */
function costValue(chosen: string): boolean | string {
  if (chosen === 'yes') return true;
  return chosen === 'no' || chosen === '' ? false : chosen;
}

/** Gates written as "進捗度 2 以上、効率性 1 以上" (or "進捗度 ≧ 2"). */
function gates(value: CellValue): { criterion: string; min: string }[] {
  return text(value)
    .split(/[、,，]/)
    .map((part) => normalizeInput(part))
    .filter(Boolean)
    .map((part) => {
      const match = /^(.+?)\s*(?:>=|≧)?\s*([+-]?\d+(?:\.\d+)?)\s*(?:以上)?$/.exec(part);
      return match ? { criterion: match[1].trim(), min: match[2] } : { criterion: part, min: '' };
    });
}

/**
 * The cell of a place in the plan, in the tables found (or in the header rows given).
 * @param tables - the tables found
 * @param at - the place
 * @param header - where the title, the years and legacy criteria labels are
 * @returns the sheet and cell, or null when the place has no cell
 */
export function cellOfPlace(
  tables: Partial<Record<PlanTableKey, FoundTable>>,
  at: PlanPlace,
  header: { sheet: string; title: string; period: (index: number) => string; criteria?: (index: number) => string },
): { sheet: string; cell: string } | null {
  if (at.table === 'title') return { sheet: header.sheet, cell: header.title };
  if (at.table === 'period') return { sheet: header.sheet, cell: header.period(at.index ?? 0) };
  if (at.table === 'criteria' && !tables.criteria && header.criteria)
    return { sheet: header.sheet, cell: header.criteria(at.index ?? 0) };
  const found = tables[at.table];
  if (!found) return null;
  if (at.table === 'scheme') {
    const label = SCHEME_SETTINGS[at.field as Setting];
    const index = found.rows.findIndex((row) => text(row.setting) === label);
    return {
      sheet: found.sheet,
      cell: cellAddress(index < 0 ? found.headingRow : found.firstRow + index, found.columns.value ?? 2),
    };
  }
  const column = found.columns[at.field ?? ''] ?? Object.values(found.columns)[0];
  return {
    sheet: found.sheet,
    cell: cellAddress(at.index === undefined ? found.headingRow : found.firstRow + at.index, column),
  };
}

function text(value: CellValue | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim();
}
