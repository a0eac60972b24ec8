/**
 * The plan model: a reform plan's title, years, criteria, themes, 取組項目 and 実践項目.
 * The plan is data; nothing in core assumes the built-in example's sizes or names. A Plan is never
 * mutated after `parsePlan` (the cell map is cached per plan object).
 */
import { UserError, type UserErrorDetails } from './errors';
import { fiscalYearName, parseFiscalYear, yearCode, type FiscalYear } from './fiscalYear';
import { compareItemCodes, parseItemCode, type ItemCode } from './itemCode';

export type { FiscalYear } from './fiscalYear';
export type { ItemCode } from './itemCode';

/** Keys of the four self-evaluation criteria, in the form's order. */
export const CRITERIA = ['progress', 'cooperation', 'efficiency', 'creativity'] as const;
/** One of the four self-evaluation criteria. */
export type Criterion = (typeof CRITERIA)[number];
/** The most years a plan may have (the form has a column per year). */
export const MAX_PLAN_YEARS = 8;

/** One テーマ: its numeral (Ⅰ…), full name and the short label printed on the sheet. */
export interface Theme {
  numeral: string;
  name: string;
  label: string;
}

/** One 取組項目 (大№) with the numerals of the themes it is marked with. */
export interface Initiative {
  no: ItemCode;
  name: string;
  themes: string[];
}

/** One 実践項目 (小№). */
export interface Item {
  no: ItemCode;
  /** 大№ of its 取組項目. */
  initiative: ItemCode;
  name: string;
  departments: string[];
  continuedFromPreviousPlan: boolean;
  endedIn: FiscalYear | null;
}

/** A whole plan. */
export interface Plan {
  title: string;
  /** Consecutive fiscal years, first to last. */
  period: FiscalYear[];
  criteria: { key: Criterion; label: string }[];
  themes: Theme[];
  initiatives: Initiative[];
  items: Item[];
}

/** Where in a plan an error is: a table, a row of it (0-based) and a field, so a sheet can name the cell. */
export interface PlanPlace {
  table: 'title' | 'period' | 'criteria' | 'themes' | 'initiatives' | 'items';
  index?: number;
  field?: string;
}

/** A problem in plan data, in Japanese, with where it is and how to fix it. */
export class PlanError extends UserError {
  override name = 'PlanError';
  /** The place in the plan, or null when it concerns the plan as a whole. */
  readonly at: PlanPlace | null;

  /**
   * @param message - what is wrong, in Japanese
   * @param at - where in the plan
   * @param details - fix, sheet and cell when known
   */
  constructor(message: string, at: PlanPlace | null = null, details: UserErrorDetails = {}) {
    super(message, { code: 'plan', ...details });
    this.at = at;
  }
}

/**
 * Checks plan data (parsed JSON or read from a プラン定義 sheet) and returns it typed. Years may be
 * written R3, H29, 令和元年度 or 2021; 小№ and 大№ are codes (numbers or text such as 1-①-1).
 * @param data - the untyped plan object
 * @returns the plan, with items and initiatives sorted naturally by code
 * @throws PlanError with a Japanese message, the place and a fix
 */
export function parsePlan(data: unknown): Plan {
  const source = asRecord(data, 'プラン定義', { table: 'title' });
  const title = asText(source.title, 'プラン名', { table: 'title' });
  const period = parsePeriod(asArray(source.period, '計画期間', { table: 'period' }));
  const criteria = CRITERIA.map((key, index) => {
    const given = asArray(source.criteria ?? [], '評価項目', { table: 'criteria' })[index];
    const at: PlanPlace = { table: 'criteria', index };
    const label = given
      ? asText(asRecord(given, '評価項目', at).label, '評価項目名', at)
      : DEFAULT_CRITERION_LABELS[key];
    return { key, label };
  });
  const themes = rows(source.themes, 'テーマ', 'themes', (theme, at, index) => ({
    numeral: asText(theme.numeral, `テーマ ${index + 1} の番号`, at('numeral')),
    name: asText(theme.name, `テーマ ${index + 1} の名称`, at('name')),
    label: asText(theme.label ?? theme.name, `テーマ ${index + 1} の略称`, at('label')),
  }));
  assertUnique(themes, (theme) => theme.numeral, 'テーマの番号', 'themes', 'numeral');
  const themeNumerals = new Set(themes.map((theme) => theme.numeral));
  const initiatives = rows(source.initiatives, '取組項目', 'initiatives', (initiative, at, index) => {
    const no = asCode(initiative.no, `取組項目 ${index + 1} の大№`, at('no'));
    const marks = asArray(initiative.themes ?? [], `取組項目 ${no} のテーマ`, at('themes')).map((mark) =>
      asText(mark, `取組項目 ${no} のテーマ`, at('themes')),
    );
    const unknown = marks.find((mark) => !themeNumerals.has(mark));
    if (unknown !== undefined)
      throw new PlanError(`取組項目 ${no} のテーマ「${unknown}」がテーマ一覧にありません。`, at('themes'), {
        fix: `テーマ一覧の番号（${[...themeNumerals].join('・')}）で書いてください。`,
      });
    return { no, name: asText(initiative.name, `取組項目 ${no} の名称`, at('name')), themes: marks };
  });
  assertUnique(initiatives, (initiative) => initiative.no, '取組項目の大№', 'initiatives', 'no');
  const initiativeCodes = new Set(initiatives.map((initiative) => initiative.no));
  const items = rows(source.items, '実践項目', 'items', (item, at, index) => {
    const no = asCode(item.no, `実践項目 ${index + 1} の小№`, at('no'));
    const initiative = asCode(item.initiative, `実践項目 ${no} の大№`, at('initiative'));
    if (!initiativeCodes.has(initiative))
      throw new PlanError(`実践項目 ${no} の大№ ${initiative} が取組項目にありません。`, at('initiative'), {
        fix: '取組項目の表にある大№を書くか、取組項目の表に加えてください。',
      });
    const endedIn = asEndedIn(item.endedIn, period, `実践項目 ${no} の取組終了年度`, at('endedIn'));
    return {
      no,
      initiative,
      name: asText(item.name, `実践項目 ${no} の名称`, at('name')),
      departments: asArray(item.departments ?? [], `実践項目 ${no} の担当部署`, at('departments')).map((department) =>
        asText(department, `実践項目 ${no} の担当部署`, at('departments')),
      ),
      continuedFromPreviousPlan: item.continuedFromPreviousPlan === true,
      endedIn,
    };
  });
  assertUnique(items, (item) => item.no, '実践項目の小№', 'items', 'no');
  if (items.length === 0)
    throw new PlanError(
      '実践項目が一つもありません。',
      { table: 'items' },
      { fix: '実践項目を 1 件以上書いてください。' },
    );
  return {
    title,
    period,
    criteria,
    themes,
    initiatives: [...initiatives].sort((a, b) => compareItemCodes(a.no, b.no)),
    items: [...items].sort((a, b) => compareItemCodes(a.no, b.no)),
  };
}

/** The form's labels of the four criteria. */
export const DEFAULT_CRITERION_LABELS: Record<Criterion, string> = {
  progress: '進捗度',
  cooperation: '連携度',
  efficiency: '効率性',
  creativity: '創造性',
};

/** Item lookups by 小№, built once per items list. */
const itemIndexes = new WeakMap<readonly Item[], Map<ItemCode, Item>>();

/**
 * The 実践項目 of a 小№ (by an index built once per plan, so that reading thousands of sheets
 * stays linear).
 * @param plan - the plan
 * @param code - a 小№
 * @returns the item, or undefined when the plan has none
 */
export function findItem(plan: Plan, code: ItemCode): Item | undefined {
  let index = itemIndexes.get(plan.items);
  if (!index) {
    index = new Map(plan.items.map((item) => [item.no, item]));
    itemIndexes.set(plan.items, index);
  }
  return index.get(code);
}

/**
 * The years of the plan up to and including a year.
 * @param plan - the plan
 * @param year - a year of the plan
 * @returns the plan's years from the first to `year`
 * @throws PlanError when the year is not in the plan's period
 */
export function yearsThrough(plan: Plan, year: FiscalYear): FiscalYear[] {
  const index = plan.period.indexOf(year);
  if (index < 0) throw new PlanError(outsidePeriod(plan, year), null, { fix: periodFix(plan) });
  return plan.period.slice(0, index + 1);
}

/**
 * The year before a year within the plan, or null for the first year.
 * @param plan - the plan
 * @param year - a year of the plan
 * @returns the previous year or null
 */
export function previousYear(plan: Plan, year: FiscalYear): FiscalYear | null {
  const years = yearsThrough(plan, year);
  return years.length > 1 ? years[years.length - 2] : null;
}

/**
 * The message for a year outside the plan's period ("年度「R9」は計画期間 (R2〜R6) にありません。").
 * @param plan - the plan
 * @param year - the year asked for
 * @returns the Japanese message
 */
export function outsidePeriod(plan: Plan, year: FiscalYear): string {
  return `年度「${yearCode(year)}」は計画期間 (${periodText(plan)}) にありません。`;
}

/**
 * The plan's period as printed in messages ("R2〜R6").
 * @param plan - the plan
 * @returns the first and last year codes
 */
export function periodText(plan: Plan): string {
  return `${yearCode(plan.period[0])}〜${yearCode(plan.period[plan.period.length - 1])}`;
}

function periodFix(plan: Plan): string {
  return `${fiscalYearName(plan.period[0])}から${fiscalYearName(plan.period[plan.period.length - 1])}までの年度を指定してください。`;
}

/**
 * Reads a plan's period: consecutive years, 1 to 8 of them, each as people write it.
 * @param entries - the years as given (R3, 令和３年度, H29, 2021 …)
 * @returns the fiscal years
 * @throws PlanError at the year that is wrong
 */
export function parsePeriod(entries: readonly unknown[]): FiscalYear[] {
  const period: FiscalYear[] = [];
  entries.forEach((entry, index) => {
    const at: PlanPlace = { table: 'period', index };
    const year = typeof entry === 'number' || typeof entry === 'string' ? parseFiscalYear(entry) : null;
    if (year === null)
      throw new PlanError(`計画期間の ${index + 1} 番目の年度「${String(entry ?? '')}」が読み取れません。`, at, {
        fix: 'R2、令和２年度、H29、平成29年度、2020 のように書いてください（元年は「元」でも書けます）。',
      });
    if (index > 0 && year !== period[index - 1] + 1)
      throw new PlanError(`計画期間の年度「${String(entry)}」が前の年度の翌年度ではありません。`, at, {
        fix: '計画期間には連続する年度を古い順に書いてください。',
      });
    period.push(year);
  });
  if (period.length === 0 || period.length > MAX_PLAN_YEARS)
    throw new PlanError(
      `計画期間は 1〜${MAX_PLAN_YEARS} 年度にしてください (現在 ${period.length} 年度)。`,
      { table: 'period' },
      { fix: `計画期間の年度を 1〜${MAX_PLAN_YEARS} 個書いてください。` },
    );
  return period;
}

function asEndedIn(value: unknown, period: FiscalYear[], what: string, at: PlanPlace): FiscalYear | null {
  if (value === null || value === undefined || value === '') return null;
  const year = typeof value === 'number' || typeof value === 'string' ? parseFiscalYear(value) : null;
  if (year === null || !period.includes(year))
    throw new PlanError(`${what}「${String(value)}」が計画期間にありません。`, at, {
      fix: '計画期間の年度（R3、令和３年度 など）を書くか、終了していなければ空欄にしてください。',
    });
  return year;
}

function assertUnique<T>(
  entries: readonly T[],
  key: (entry: T) => string,
  what: string,
  table: PlanPlace['table'],
  field: string,
): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const value = key(entry);
    if (seen.has(value))
      throw new PlanError(
        `${what}「${value}」が重複しています。`,
        { table, index, field },
        {
          fix: `${what}はそれぞれ別の番号にしてください。`,
        },
      );
    seen.add(value);
  });
}

/** Each row of a table of the plan, as a record, with a function naming the place of a field. */
function rows<T>(
  value: unknown,
  what: string,
  table: PlanPlace['table'],
  read: (row: Record<string, unknown>, at: (field: string) => PlanPlace, index: number) => T,
): T[] {
  return asArray(value, what, { table }).map((entry, index) => {
    const at = (field: string): PlanPlace => ({ table, index, field });
    return read(asRecord(entry, `${what} ${index + 1}`, { table, index }), at, index);
  });
}

function asRecord(value: unknown, what: string, at: PlanPlace): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new PlanError(`${what}の形式が正しくありません。`, at, {
      fix: 'assets/plan/plan.json と同じ形で書いてください。',
    });
  return value as Record<string, unknown>;
}

function asArray(value: unknown, what: string, at: PlanPlace): unknown[] {
  if (!Array.isArray(value))
    throw new PlanError(`${what}は一覧で書いてください。`, at, {
      fix: 'assets/plan/plan.json と同じ形で書いてください。',
    });
  return value;
}

function asText(value: unknown, what: string, at: PlanPlace): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '')
    throw new PlanError(`${what}が空です。`, at, { fix: `${what}を書いてください。` });
  return value.trim();
}

function asCode(value: unknown, what: string, at: PlanPlace): ItemCode {
  const code = parseItemCode(value);
  if (code === null)
    throw new PlanError(`${what}「${String(value ?? '')}」が読み取れません。`, at, {
      fix: '12、8101、1-①-1 のような番号を書いてください（空欄や小数は使えません）。',
    });
  return code;
}
