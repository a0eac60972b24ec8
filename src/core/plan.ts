/**
 * The plan model: a reform plan's title, years, criteria, themes, 取組項目 and 実践項目.
 * The plan is data; nothing in core assumes the built-in example's sizes or names. A Plan is never
 * mutated after `parsePlan` (the cell map is cached per plan object).
 */
import { fiscalYearName, parseFiscalYear, yearCode, type FiscalYear } from './fiscalYear';
import { compareItemCodes, type ItemCode } from './itemCode';
import { PlanChecker, PlanError, type PlanPlace, type PlanProblem } from './planError';
import { code, list, rows, text, unique } from './planFields';
import { readCriteria, readScheme } from './planScheme';
import type { Criterion, Scheme } from './scheme';

export type { FiscalYear } from './fiscalYear';
export type { ItemCode } from './itemCode';
export { PlanChecker, PlanError, type PlanPlace, type PlanProblem, type PlanTable } from './planError';
export type { Criterion, Scheme } from './scheme';

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

/** A whole plan: its structure and its evaluation scheme. */
export interface Plan {
  title: string;
  /** Consecutive fiscal years, first to last. */
  period: FiscalYear[];
  /** The self-evaluation criteria, in the form's order (0 when the item grade is entered directly). */
  criteria: Criterion[];
  scheme: Scheme;
  themes: Theme[];
  initiatives: Initiative[];
  items: Item[];
}

/**
 * Checks plan data (parsed JSON or read from a プラン定義 sheet) and returns it typed. Years may be
 * written R3, H29, 令和元年度 or 2021; 小№ and 大№ are codes (numbers or text such as 1-①-1); the
 * criteria and the scheme default to the built-in rule.
 * @param data - the untyped plan object
 * @returns the plan, with items and initiatives sorted naturally by code
 * @throws PlanError with a Japanese message, the place and a fix (the first error of `checkPlan`)
 */
export function parsePlan(data: unknown): Plan {
  const { plan, problems } = checkPlan(data);
  const check = new PlanChecker();
  check.problems.push(...problems);
  check.throwFirst();
  return plan as Plan;
}

/**
 * Reads plan data and finds every problem in it at once (errors, and warnings such as a theme no
 * 取組項目 is marked with).
 * @param data - the untyped plan object
 * @returns the plan (null when it has errors) and every problem with its place
 */
export function checkPlan(data: unknown): { plan: Plan | null; problems: PlanProblem[] } {
  const check = new PlanChecker();
  const source =
    typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  if (!source) {
    check.error(
      'プラン定義の形式が正しくありません。',
      { table: 'title' },
      'assets/plan/plan.json と同じ形で書いてください。',
    );
    return { plan: null, problems: check.problems };
  }
  const title = text(check, source.title, 'プラン名', { table: 'title' });
  const period = readPeriod(check, list(check, source.period, '計画期間', { table: 'period' }));
  const criteria = readCriteria(check, source.criteria);
  const scheme = readScheme(check, source.scheme, criteria);
  const themes = rows(check, source.themes, 'テーマ', 'themes', (theme, at, index) => ({
    numeral: text(check, theme.numeral, `テーマ ${index + 1} の番号`, at('numeral')),
    name: text(check, theme.name, `テーマ ${index + 1} の名称`, at('name')),
    label: text(check, theme.label ?? theme.name, `テーマ ${index + 1} の略称`, at('label')),
  }));
  unique(
    check,
    themes,
    (theme) => theme.numeral,
    'テーマの番号',
    (_, index) => place('themes', index, 'numeral'),
  );
  const themeNumerals = new Set(themes.map((theme) => theme.numeral));
  const initiatives = rows(check, source.initiatives, '取組項目', 'initiatives', (initiative, at, index) => {
    const no = code(check, initiative.no, `取組項目 ${index + 1} の大№`, at('no')) ?? '';
    const marks = list(check, initiative.themes ?? [], `取組項目 ${no} のテーマ`, at('themes')).map((mark) =>
      text(check, mark, `取組項目 ${no} のテーマ`, at('themes')),
    );
    const unknown = marks.find((mark) => mark !== '' && !themeNumerals.has(mark));
    if (unknown !== undefined)
      check.error(
        `取組項目 ${no} のテーマ「${unknown}」がテーマ一覧にありません。`,
        at('themes'),
        `テーマ一覧の番号（${[...themeNumerals].join('・')}）で書いてください。`,
      );
    return { no, name: text(check, initiative.name, `取組項目 ${no} の名称`, at('name')), themes: marks };
  });
  unique(
    check,
    initiatives,
    (initiative) => initiative.no,
    '取組項目の大№',
    (_, index) => place('initiatives', index, 'no'),
  );
  const initiativeCodes = new Set(initiatives.map((initiative) => initiative.no));
  const items = rows(check, source.items, '実践項目', 'items', (item, at, index) => {
    const no = code(check, item.no, `実践項目 ${index + 1} の小№`, at('no')) ?? '';
    const initiative = code(check, item.initiative, `実践項目 ${no} の大№`, at('initiative')) ?? '';
    if (initiative !== '' && !initiativeCodes.has(initiative))
      check.error(
        `実践項目 ${no} の大№ ${initiative} が取組項目にありません。`,
        at('initiative'),
        '取組項目の表にある大№を書くか、取組項目の表に加えてください。',
      );
    return {
      no,
      initiative,
      name: text(check, item.name, `実践項目 ${no} の名称`, at('name')),
      departments: list(check, item.departments ?? [], `実践項目 ${no} の担当部署`, at('departments')).map(
        (department) => text(check, department, `実践項目 ${no} の担当部署`, at('departments')),
      ),
      continuedFromPreviousPlan: item.continuedFromPreviousPlan === true,
      endedIn: readEndedIn(check, item.endedIn, period, `実践項目 ${no} の取組終了年度`, at('endedIn')),
    };
  });
  unique(
    check,
    items,
    (item) => item.no,
    '実践項目の小№',
    (_, index) => place('items', index, 'no'),
  );
  if (Array.isArray(source.items) && items.length === 0)
    check.error('実践項目が一つもありません。', { table: 'items' }, '実践項目を 1 件以上書いてください。');
  checkUsage(check, themes, initiatives, items);
  if (check.errors.length > 0) return { plan: null, problems: check.problems };
  return {
    plan: {
      title,
      period,
      criteria,
      scheme,
      themes,
      initiatives: [...initiatives].sort((a, b) => compareItemCodes(a.no, b.no)),
      items: [...items].sort((a, b) => compareItemCodes(a.no, b.no)),
    },
    problems: check.problems,
  };
}

/** Warnings for parts of the structure nothing uses: a theme no 取組項目 is marked with, a 取組項目 without items. */
function checkUsage(check: PlanChecker, themes: Theme[], initiatives: Initiative[], items: Item[]): void {
  themes.forEach((theme, index) => {
    if (!initiatives.some((initiative) => initiative.themes.includes(theme.numeral)))
      check.warning(
        `テーマ ${theme.numeral}「${theme.name}」はどの取組項目にも付いていません。`,
        place('themes', index, 'numeral'),
        '取組項目のテーマにこの番号を書くか、使わないテーマなら削除してください（集計表では 0 件の行になります）。',
      );
  });
  initiatives.forEach((initiative, index) => {
    if (initiative.no !== '' && !items.some((item) => item.initiative === initiative.no))
      check.warning(
        `取組項目 ${initiative.no}「${initiative.name}」に実践項目がありません。`,
        place('initiatives', index, 'no'),
        '実践項目の大№にこの番号を書くか、使わない取組項目なら削除してください。',
      );
  });
}

function place(table: PlanPlace['table'], index: number, field: string): PlanPlace {
  return { table, index, field };
}

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
  const check = new PlanChecker();
  const period = readPeriod(check, entries);
  check.throwFirst();
  return period;
}

function readPeriod(check: PlanChecker, entries: readonly unknown[]): FiscalYear[] {
  const period: FiscalYear[] = [];
  for (const [index, entry] of entries.entries()) {
    const at: PlanPlace = { table: 'period', index };
    const year = typeof entry === 'number' || typeof entry === 'string' ? parseFiscalYear(entry) : null;
    if (year === null) {
      check.error(
        `計画期間の ${index + 1} 番目の年度「${String(entry ?? '')}」が読み取れません。`,
        at,
        'R2、令和２年度、H29、平成29年度、2020 のように書いてください（元年は「元」でも書けます）。',
      );
      return period;
    }
    if (index > 0 && year !== period[index - 1] + 1) {
      check.error(
        `計画期間の年度「${String(entry)}」が前の年度の翌年度ではありません。`,
        at,
        '計画期間には連続する年度を古い順に書いてください。',
      );
      return period;
    }
    period.push(year);
  }
  if (period.length === 0 || period.length > MAX_PLAN_YEARS)
    check.error(
      `計画期間は 1〜${MAX_PLAN_YEARS} 年度にしてください (現在 ${period.length} 年度)。`,
      { table: 'period' },
      `計画期間の年度を 1〜${MAX_PLAN_YEARS} 個書いてください。`,
    );
  return period;
}

function readEndedIn(
  check: PlanChecker,
  value: unknown,
  period: FiscalYear[],
  what: string,
  at: PlanPlace,
): FiscalYear | null {
  if (value === null || value === undefined || value === '') return null;
  const year = typeof value === 'number' || typeof value === 'string' ? parseFiscalYear(value) : null;
  if (year === null || !period.includes(year)) {
    check.error(
      `${what}「${String(value)}」が計画期間にありません。`,
      at,
      '計画期間の年度（R3、令和３年度 など）を書くか、終了していなければ空欄にしてください。',
    );
    return null;
  }
  return year;
}
