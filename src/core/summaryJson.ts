/**
 * The summary as plain JSON: what the CLI prints and what golden tests compare.
 * Exact decimals become JS numbers only here (they carry at most one decimal place); fiscal years
 * are written as their codes ("R3", "R1", "H29"), 小№ and 大№ as text.
 */
import type { Decimal } from './decimal';
import { yearCode } from './fiscalYear';
import type { ItemCode } from './plan';
import type { Grade, GroupResult, Scores } from './rules';
import type { ItemSummary, Summary } from './summary';

/** Figures keyed by criterion, as JSON numbers (null where no item had a value). */
export type CriterionNumbers = Record<string, number | null>;

/** One 実践項目 in JSON; scores, total and grade are null for a missing item. */
export interface ItemJson {
  no: ItemCode;
  initiative: ItemCode;
  /** Values by criterion key (null: not applicable). */
  scores: Scores | null;
  total: number | null;
  /** 平均 (plans graded by the average). */
  average?: number | null;
  grade: Grade | null;
  previousGrade: Grade | null;
  /** Year code ("R2") or null. */
  endedIn: string | null;
  /** The year's target indicators (plans with targets). */
  indicators?: {
    name: string;
    unit: string;
    target: number | null;
    actual: number | null;
    ratio: number | null;
    grade: Grade | null;
  }[];
  /** The year's 予算・決算 (plans with cost). */
  cost?: { budget: number | null; settlement: number | null };
}

/** One 取組項目 in JSON; averages, total and grade are null when none of its items is evaluated. */
export interface InitiativeJson {
  no: ItemCode;
  itemCount: number;
  themes: string[];
  averages: CriterionNumbers | null;
  total: number | null;
  /** Mean of the averages (plans whose groups are graded by the average). */
  average?: number | null;
  grade: Grade | null;
  /** Its items' grades by code (plans whose groups are not graded by bands). */
  gradeCounts?: Record<Grade, number>;
  /** Year code → grade. */
  history: Partial<Record<string, Grade>>;
  councilAverage: number | null;
}

/** One テーマ in JSON. */
export interface ThemeJson {
  numeral: string;
  initiativeCount: number;
  itemCount: number;
  averages: CriterionNumbers | null;
  total: number | null;
  average?: number | null;
  grade: Grade | null;
  gradeCounts?: Record<Grade, number>;
  councilAverage: number | null;
}

/** The whole summary in JSON. */
export interface SummaryJson {
  /** Year code ("R3"). */
  year: string;
  items: ItemJson[];
  initiatives: InitiativeJson[];
  themes: ThemeJson[];
  counts: {
    active: number;
    grades: Record<Grade, number>;
    previousGrades: Record<Grade, number>;
    endedBy: ItemCode[];
  };
}

/**
 * Converts a summary to its JSON shape (grades as codes, decimals as numbers). The built-in scheme
 * gives the shape the golden files hold; plans whose scheme grades by the average, leaves groups
 * ungraded or has targets or cost add `average`, `gradeCounts`, `indicators` and `cost`.
 * @param summary - a summary from `summarize` (its plan's criteria and scheme say which fields there are)
 * @returns a JSON-ready object
 */
export function summaryToJson(summary: Summary): SummaryJson {
  const plan = summary.rules;
  const { scheme } = plan;
  const keys = plan.criteria.map((criterion) => criterion.key);
  const itemAverage = scheme.itemGrade.kind === 'bands' && scheme.itemGrade.basis === 'average';
  const groupAverage = scheme.groupGrade.kind === 'bands' && scheme.groupGrade.basis === 'average';
  const counted = scheme.groupGrade.kind !== 'bands';
  const group = (result: GroupResult | null, gradeCounts: Record<Grade, number>) => ({
    ...resultJson(keys, result),
    ...(groupAverage && { average: decimalJson(result?.average ?? null) }),
    ...(counted && { gradeCounts: { ...gradeCounts } }),
  });
  return {
    year: yearCode(summary.year),
    items: summary.items.map((item) => ({
      no: item.no,
      initiative: item.initiative,
      scores: item.scores ? Object.fromEntries(keys.map((key) => [key, item.scores?.[key] ?? null])) : null,
      total: item.total,
      ...(itemAverage && { average: decimalJson(item.average) }),
      grade: item.grade,
      previousGrade: item.previousGrade,
      endedIn: item.endedIn === null ? null : yearCode(item.endedIn),
      ...(scheme.targets && { indicators: indicatorsJson(item) }),
      ...(item.cost && { cost: { ...item.cost } }),
    })),
    initiatives: summary.initiatives.map((initiative) => ({
      no: initiative.no,
      itemCount: initiative.itemCount,
      themes: [...initiative.themes],
      ...group(initiative.result, initiative.gradeCounts),
      history: Object.fromEntries(
        Object.entries(initiative.history).map(([year, grade]) => [yearCode(Number(year)), grade]),
      ),
      councilAverage: decimalJson(initiative.councilAverage),
    })),
    themes: summary.themes.map((theme) => ({
      numeral: theme.numeral,
      initiativeCount: theme.initiativeCount,
      itemCount: theme.itemCount,
      ...group(theme.result, theme.gradeCounts),
      councilAverage: decimalJson(theme.councilAverage),
    })),
    counts: {
      active: summary.counts.active,
      grades: { ...summary.counts.grades },
      previousGrades: { ...summary.counts.previousGrades },
      endedBy: [...summary.counts.endedBy],
    },
  };
}

function indicatorsJson(item: ItemSummary): NonNullable<ItemJson['indicators']> {
  return item.indicators.map((indicator) => ({ ...indicator, ratio: decimalJson(indicator.ratio) }));
}

function resultJson(
  keys: readonly string[],
  result: GroupResult | null,
): {
  averages: CriterionNumbers | null;
  total: number | null;
  grade: Grade | null;
} {
  if (result === null) return { averages: null, total: null, grade: null };
  const averages = Object.fromEntries(keys.map((key) => [key, decimalJson(result.averages[key] ?? null)]));
  return { averages, total: decimalJson(result.total), grade: result.grade };
}

function decimalJson(value: Decimal | null): number | null {
  return value === null ? null : value.toNumber();
}
