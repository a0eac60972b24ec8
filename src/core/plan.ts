/**
 * The plan model: a reform plan's title, years, criteria, themes, 取組項目 and 実践項目.
 * The plan is data; nothing in core assumes the built-in example's sizes or names.
 */
import { UserError } from './errors';

/** Keys of the four self-evaluation criteria, in the form's order. */
export const CRITERIA = ['progress', 'cooperation', 'efficiency', 'creativity'] as const;
/** One of the four self-evaluation criteria. */
export type Criterion = (typeof CRITERIA)[number];
/** A fiscal year code of the plan, such as "R3" (令和３年度). */
export type YearCode = string;

/** One テーマ: its numeral (Ⅰ…), full name and the short label printed on the sheet. */
export interface Theme {
  numeral: string;
  name: string;
  label: string;
}

/** One 取組項目 (大№) with the numerals of the themes it is marked with. */
export interface Initiative {
  no: number;
  name: string;
  themes: string[];
}

/** One 実践項目 (小№). */
export interface Item {
  no: number;
  initiative: number;
  name: string;
  departments: string[];
  continuedFromPreviousPlan: boolean;
  endedIn: YearCode | null;
}

/** A whole plan. */
export interface Plan {
  title: string;
  period: YearCode[];
  criteria: { key: Criterion; label: string }[];
  themes: Theme[];
  initiatives: Initiative[];
  items: Item[];
}

/** A problem found in plan data, in Japanese. */
export class PlanError extends UserError {
  override name = 'PlanError';
}

/**
 * Checks plan data (parsed JSON or read from a プラン定義 sheet) and returns it typed.
 * @param data - the untyped plan object
 * @returns the plan, with items and initiatives sorted by number
 * @throws PlanError with a Japanese message naming what is wrong
 */
export function parsePlan(data: unknown): Plan {
  const source = asRecord(data, 'プラン定義');
  const title = asText(source.title, 'プラン名');
  const period = asArray(source.period, '計画期間').map((year, index) => {
    const code = asText(year, `計画期間 ${index + 1} 番目`);
    if (!/^R\d{1,2}$/.test(code)) throw new PlanError(`計画期間の年度「${code}」は R2 のように書いてください。`);
    return code;
  });
  if (period.length === 0) throw new PlanError('計画期間が空です。');
  const criteria = CRITERIA.map((key, index) => {
    const given = asArray(source.criteria ?? [], '評価項目')[index];
    const label = given ? asText(asRecord(given, '評価項目').label, '評価項目名') : DEFAULT_CRITERION_LABELS[key];
    return { key, label };
  });
  const themes = asArray(source.themes, 'テーマ').map((entry, index) => {
    const theme = asRecord(entry, `テーマ ${index + 1}`);
    return {
      numeral: asText(theme.numeral, `テーマ ${index + 1} の番号`),
      name: asText(theme.name, `テーマ ${index + 1} の名称`),
      label: asText(theme.label ?? theme.name, `テーマ ${index + 1} の略称`),
    };
  });
  const themeNumerals = new Set(themes.map((theme) => theme.numeral));
  const initiatives = asArray(source.initiatives, '取組項目').map((entry, index) => {
    const initiative = asRecord(entry, `取組項目 ${index + 1}`);
    const no = asPositiveInteger(initiative.no, `取組項目 ${index + 1} の大№`);
    const marks = asArray(initiative.themes ?? [], `取組項目 ${no} のテーマ`).map((mark) =>
      asText(mark, `取組項目 ${no} のテーマ`),
    );
    for (const mark of marks) {
      if (!themeNumerals.has(mark)) throw new PlanError(`取組項目 ${no} のテーマ「${mark}」がテーマ一覧にありません。`);
    }
    return { no, name: asText(initiative.name, `取組項目 ${no} の名称`), themes: marks };
  });
  const initiativeNumbers = new Set(initiatives.map((initiative) => initiative.no));
  const items = asArray(source.items, '実践項目').map((entry, index) => {
    const item = asRecord(entry, `実践項目 ${index + 1}`);
    const no = asPositiveInteger(item.no, `実践項目 ${index + 1} の小№`);
    const initiative = asPositiveInteger(item.initiative, `実践項目 ${no} の大№`);
    if (!initiativeNumbers.has(initiative))
      throw new PlanError(`実践項目 ${no} の大№ ${initiative} が取組項目にありません。`);
    const endedIn =
      item.endedIn === null || item.endedIn === undefined || item.endedIn === ''
        ? null
        : asText(item.endedIn, `実践項目 ${no} の取組終了年度`);
    if (endedIn !== null && !period.includes(endedIn))
      throw new PlanError(`実践項目 ${no} の取組終了年度「${endedIn}」が計画期間にありません。`);
    return {
      no,
      initiative,
      name: asText(item.name, `実践項目 ${no} の名称`),
      departments: asArray(item.departments ?? [], `実践項目 ${no} の担当部署`).map((department) =>
        asText(department, `実践項目 ${no} の担当部署`),
      ),
      continuedFromPreviousPlan: item.continuedFromPreviousPlan === true,
      endedIn,
    };
  });
  assertUnique(
    initiatives.map((initiative) => initiative.no),
    '取組項目の大№',
  );
  assertUnique(
    items.map((item) => item.no),
    '実践項目の小№',
  );
  assertUnique(
    themes.map((theme) => theme.numeral),
    'テーマの番号',
  );
  if (items.length === 0) throw new PlanError('実践項目が一つもありません。');
  return {
    title,
    period,
    criteria,
    themes,
    initiatives: [...initiatives].sort((a, b) => a.no - b.no),
    items: [...items].sort((a, b) => a.no - b.no),
  };
}

/** The form's labels of the four criteria. */
export const DEFAULT_CRITERION_LABELS: Record<Criterion, string> = {
  progress: '進捗度',
  cooperation: '連携度',
  efficiency: '効率性',
  creativity: '創造性',
};

/**
 * The years of the plan up to and including a year.
 * @param plan - the plan
 * @param year - a year of the plan
 * @returns the plan's years from the first to `year`
 */
export function yearsThrough(plan: Plan, year: YearCode): YearCode[] {
  const index = plan.period.indexOf(year);
  if (index < 0) throw new PlanError(`年度「${year}」は計画期間 (${plan.period.join('・')}) にありません。`);
  return plan.period.slice(0, index + 1);
}

/**
 * The year before a year within the plan, or null for the first year.
 * @param plan - the plan
 * @param year - a year of the plan
 * @returns the previous year code or null
 */
export function previousYear(plan: Plan, year: YearCode): YearCode | null {
  const years = yearsThrough(plan, year);
  return years.length > 1 ? years[years.length - 2] : null;
}

function assertUnique(values: readonly (number | string)[], what: string): void {
  const seen = new Set<number | string>();
  for (const value of values) {
    if (seen.has(value)) throw new PlanError(`${what}「${value}」が重複しています。`);
    seen.add(value);
  }
}

function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new PlanError(`${what}の形式が正しくありません。`);
  return value as Record<string, unknown>;
}

function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new PlanError(`${what}は一覧で書いてください。`);
  return value;
}

function asText(value: unknown, what: string): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '') throw new PlanError(`${what}が空です。`);
  return value.trim();
}

function asPositiveInteger(value: unknown, what: string): number {
  const number = typeof value === 'string' ? Number(value.normalize('NFKC')) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1)
    throw new PlanError(`${what}は 1 以上の整数にしてください (値: ${String(value)})。`);
  return number;
}
