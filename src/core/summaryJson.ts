/**
 * The summary as plain JSON: what the CLI prints and what golden tests compare.
 * Exact decimals become JS numbers only here (they carry at most one decimal place); fiscal years
 * are written as their codes ("R3", "R1", "H29"), 小№ and 大№ as text.
 */
import type { Decimal } from './decimal';
import { yearCode } from './fiscalYear';
import { CRITERIA, type Criterion, type ItemCode } from './plan';
import type { Grade, GroupResult, Scores } from './rules';
import type { Summary } from './summary';

/** Four figures keyed by criterion, as JSON numbers. */
export type CriterionNumbers = Record<Criterion, number>;

/** One 実践項目 in JSON; scores, total and grade are null for a missing item. */
export interface ItemJson {
  no: ItemCode;
  initiative: ItemCode;
  scores: Scores | null;
  total: number | null;
  grade: Grade | null;
  previousGrade: Grade | null;
  /** Year code ("R2") or null. */
  endedIn: string | null;
}

/** One 取組項目 in JSON; averages, total and grade are null when none of its items is evaluated. */
export interface InitiativeJson {
  no: ItemCode;
  itemCount: number;
  themes: string[];
  averages: CriterionNumbers | null;
  total: number | null;
  grade: Grade | null;
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
  grade: Grade | null;
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
 * Converts a summary to its JSON shape (grades as ASCII letters, decimals as numbers).
 * @param summary - a summary from `summarize`
 * @returns a JSON-ready object
 */
export function summaryToJson(summary: Summary): SummaryJson {
  return {
    year: yearCode(summary.year),
    items: summary.items.map((item) => ({
      no: item.no,
      initiative: item.initiative,
      scores: item.scores ? scoresJson(item.scores) : null,
      total: item.total,
      grade: item.grade,
      previousGrade: item.previousGrade,
      endedIn: item.endedIn === null ? null : yearCode(item.endedIn),
    })),
    initiatives: summary.initiatives.map((initiative) => ({
      no: initiative.no,
      itemCount: initiative.itemCount,
      themes: [...initiative.themes],
      ...resultJson(initiative.result),
      history: Object.fromEntries(
        Object.entries(initiative.history).map(([year, grade]) => [yearCode(Number(year)), grade]),
      ),
      councilAverage: decimalJson(initiative.councilAverage),
    })),
    themes: summary.themes.map((theme) => ({
      numeral: theme.numeral,
      initiativeCount: theme.initiativeCount,
      itemCount: theme.itemCount,
      ...resultJson(theme.result),
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

function scoresJson(scores: Scores): Scores {
  return Object.fromEntries(CRITERIA.map((key) => [key, scores[key]])) as Scores;
}

function resultJson(result: GroupResult | null): {
  averages: CriterionNumbers | null;
  total: number | null;
  grade: Grade | null;
} {
  if (result === null) return { averages: null, total: null, grade: null };
  const averages = Object.fromEntries(
    CRITERIA.map((key) => [key, result.averages[key].toNumber()]),
  ) as CriterionNumbers;
  return { averages, total: result.total.toNumber(), grade: result.grade };
}

function decimalJson(value: Decimal | null): number | null {
  return value === null ? null : value.toNumber();
}
