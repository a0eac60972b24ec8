/**
 * 「集計」's figures (spec §3, §4): each 実践項目's 合計 and 総合評価, the 取組項目 and テーマ
 * averages with their grades and council averages, and the headline figures of the 総評.
 * The plan gives the structure; every score comes from the evaluations read from the workbook.
 */
import { UserError } from './errors';
import { compareItemCodes } from './itemCode';
import type { Decimal } from './decimal';
import type { CouncilAverages, CouncilGrades, ItemEvaluation } from './evaluation';
import { previousYear, yearsThrough, type FiscalYear, type Item, type ItemCode, type Plan } from './plan';
import {
  achievementGrade,
  achievementRatio,
  groupResult,
  itemGradeCodes,
  itemResult,
  roundedMean,
  type Grade,
  type GroupResult,
  type Rules,
  type Scores,
} from './rules';

/** One 実践項目 in the summary of a year: the plan's entry (取組終了 as read) and its figures. */
export interface ItemSummary extends Item {
  /** The worksheet the item was read from; null when the workbook has no sheet for it. */
  sheetName: string | null;
  /** The values that count this year (its own, or carried from the year it ended); null when missing. */
  scores: Scores | null;
  /** The year those scores were given in (earlier than the summary's year for a carried item). */
  scoredIn: FiscalYear | null;
  /** 合計: the sum of the values (not applicable left out); null when missing or without criteria. */
  total: number | null;
  /** 平均: the mean of the values, half-up to one place; null when missing or without criteria. */
  average: Decimal | null;
  grade: Grade | null;
  /** 総合評価 of the previous year, formed the same way; null in the first year or when missing. */
  previousGrade: Grade | null;
  /** The target indicators' figures of the year ([] without targets). */
  indicators: IndicatorSummary[];
  /** 予算・決算 of the year, or null without cost. */
  cost: { budget: number | null; settlement: number | null } | null;
}

/** One target indicator of an item in a year. */
export interface IndicatorSummary {
  name: string;
  unit: string;
  target: number | null;
  actual: number | null;
  /** 実績 ÷ 目標 × 100, half-up to one place. */
  ratio: Decimal | null;
  grade: Grade | null;
}

/** One 取組項目 in the summary of a year. */
export interface InitiativeSummary {
  /** 大№ */
  no: ItemCode;
  name: string;
  /** Numerals of its themes (its ○ marks). */
  themes: string[];
  /** Its 実践項目, counted or not. */
  itemCount: number;
  /** Its 実践項目 whose scores count this year. */
  evaluatedCount: number;
  /** Averages, 合計 and 総合評価; null when no item of it has scores this year. */
  result: GroupResult | null;
  /** Its counted items' 総合評価 this year, by grade code. */
  gradeCounts: Record<Grade, number>;
  /** 総合評価 of each plan year up to the summary's year that had an evaluated item. */
  history: Partial<Record<FiscalYear, Grade>>;
  /** 審議会評価平均 of the year, or null when the council gave none. */
  councilAverage: Decimal | null;
  /** 審議会評価平均 of each plan year up to the summary's year that the workbook holds one of. */
  councilHistory: Partial<Record<FiscalYear, Decimal>>;
}

/** One テーマ in the summary of a year. */
export interface ThemeSummary {
  numeral: string;
  name: string;
  label: string;
  /** 取組項目 marked with the theme. */
  initiativeCount: number;
  /** 実践項目 of those 取組項目, counted or not. */
  itemCount: number;
  evaluatedCount: number;
  result: GroupResult | null;
  /** Its counted items' 総合評価 this year, by grade code. */
  gradeCounts: Record<Grade, number>;
  /** Rounded mean of its 取組項目' council averages; null when none has one. */
  councilAverage: Decimal | null;
}

/** A running 実践項目 with no complete self-evaluation for the year (left out of every average). */
export interface MissingItem {
  itemNo: ItemCode;
  /** null when the workbook has no sheet for the item. */
  sheetName: string | null;
}

/** The headline figures of the 総評 (spec §4.5). */
export interface SummaryCounts {
  /** 実践項目 still running this year (not ended in an earlier year). */
  active: number;
  /** 総合評価 of the running items this year. */
  grades: Record<Grade, number>;
  /** 総合評価 of the same running items in the previous year (all zero in the first year). */
  previousGrades: Record<Grade, number>;
  /** 小№ of the items ended in or before this year, in the plan's order. */
  endedBy: ItemCode[];
}

/** Everything 「集計」 computes for one year, with exact decimals. */
export interface Summary {
  year: FiscalYear;
  /** The plan's criteria and scheme the figures were formed by. */
  rules: Rules;
  previousYear: FiscalYear | null;
  items: ItemSummary[];
  initiatives: InitiativeSummary[];
  themes: ThemeSummary[];
  counts: SummaryCounts;
  missing: MissingItem[];
}

/** A problem in the evaluations that makes a summary impossible, in Japanese. */
export class SummaryError extends UserError {
  override name = 'SummaryError';
}

/**
 * Computes the summary of a year from the evaluations read from the workbook.
 * @param input - the plan (structure), the evaluations, the council averages and the year
 * @returns the summary with exact decimals
 * @throws SummaryError when two sheets carry one 小№ or an item names an unknown 取組項目
 */
export function summarize(input: {
  plan: Plan;
  evaluations: ItemEvaluation[];
  council: CouncilAverages;
  /** Grades the council entered (plans whose group grade is entered). */
  councilGrades?: CouncilGrades;
  year: FiscalYear;
}): Summary {
  const { plan, council, year } = input;
  const enteredGrades = input.councilGrades ?? { initiatives: {}, themes: {} };
  const gradeCodes = itemGradeCodes(plan);
  const years = yearsThrough(plan, year);
  const before = previousYear(plan, year);
  const records = itemRecords(plan, input.evaluations);
  const byYear = new Map(years.map((each) => [each, countedIn(records, each)]));
  const current = byYear.get(year) as Map<ItemCode, CountedScores>;
  const previous = before === null ? null : (byYear.get(before) as Map<ItemCode, CountedScores>);

  const items: ItemSummary[] = records.map((record) => {
    const counted = current.get(record.itemNo) ?? null;
    const earlier = previous?.get(record.itemNo) ?? null;
    const result = counted ? itemResult(plan, counted.scores, counted.grade) : null;
    return {
      no: record.itemNo,
      initiative: record.initiativeNo,
      name: record.name,
      departments: [...record.departments],
      continuedFromPreviousPlan: record.continuedFromPreviousPlan,
      endedIn: record.endedIn,
      sheetName: record.sheetName,
      scores: counted ? { ...counted.scores } : null,
      scoredIn: counted ? counted.year : null,
      total: result?.total ?? null,
      average: result?.average ?? null,
      grade: result?.grade ?? null,
      previousGrade: earlier ? itemResult(plan, earlier.scores, earlier.grade).grade : null,
      indicators: indicatorsOf(plan, record, year),
      cost: plan.scheme.cost ? { budget: null, settlement: null, ...record.cost?.[year] } : null,
    };
  });

  const groupOf = (
    members: readonly ItemSummary[],
    counted: Map<ItemCode, CountedScores>,
    entered: Grade | null,
  ): GroupResult | null => {
    const scores = members.flatMap((item) => {
      const found = counted.get(item.no)?.scores;
      return found ? [found] : [];
    });
    return scores.length > 0 ? groupResult(plan, scores, entered) : null;
  };
  const countGrades = (members: readonly ItemSummary[]) =>
    tally(
      gradeCodes,
      members.map((item) => item.grade),
    );
  const yearCouncil = council[year] ?? {};
  const enteredFor = (table: 'initiatives' | 'themes', key: string, each: FiscalYear): Grade | null =>
    enteredGrades[table][each]?.[key] ?? null;

  const initiatives: InitiativeSummary[] = plan.initiatives.map((initiative) => {
    const members = items.filter((item) => item.initiative === initiative.no);
    const history: Partial<Record<FiscalYear, Grade>> = {};
    for (const each of years) {
      const result = groupOf(
        members,
        byYear.get(each) as Map<ItemCode, CountedScores>,
        enteredFor('initiatives', initiative.no, each),
      );
      if (result?.grade) history[each] = result.grade;
    }
    return {
      no: initiative.no,
      name: initiative.name,
      themes: [...initiative.themes],
      itemCount: members.length,
      evaluatedCount: members.filter((item) => item.scores !== null).length,
      result: groupOf(members, current, enteredFor('initiatives', initiative.no, year)),
      gradeCounts: countGrades(members),
      history,
      councilAverage: yearCouncil[initiative.no] ?? null,
      councilHistory: Object.fromEntries(
        years.flatMap((each) => {
          const average = council[each]?.[initiative.no];
          return average ? [[each, average]] : [];
        }),
      ),
    };
  });

  const themes: ThemeSummary[] = plan.themes.map((theme) => {
    const marked = initiatives.filter((initiative) => initiative.themes.includes(theme.numeral));
    const numbers = new Set(marked.map((initiative) => initiative.no));
    const members = items.filter((item) => numbers.has(item.initiative));
    const councils = marked.flatMap((initiative) => initiative.councilAverage ?? []);
    return {
      numeral: theme.numeral,
      name: theme.name,
      label: theme.label,
      initiativeCount: marked.length,
      itemCount: members.length,
      evaluatedCount: members.filter((item) => item.scores !== null).length,
      result: groupOf(members, current, enteredFor('themes', theme.numeral, year)),
      gradeCounts: countGrades(members),
      councilAverage: councils.length > 0 ? roundedMean(councils) : null,
    };
  });

  const running = items.filter((item) => item.endedIn === null || item.endedIn >= year);
  // Running items without scores, and ended items with no self-evaluation to carry.
  const missing = items
    .filter((item) => item.scores === null)
    .map((item) => ({ itemNo: item.no, sheetName: item.sheetName }));
  return {
    year,
    rules: { criteria: plan.criteria, scheme: plan.scheme },
    previousYear: before,
    items,
    initiatives,
    themes,
    counts: {
      active: running.length,
      grades: tally(
        gradeCodes,
        running.map((item) => item.grade),
      ),
      previousGrades: tally(
        gradeCodes,
        running.map((item) => item.previousGrade),
      ),
      endedBy: items.filter((item) => item.endedIn !== null && item.endedIn <= year).map((item) => item.no),
    },
    missing,
  };
}

/** An item as summarised: its evaluation, or the plan's entry when the workbook has no sheet. */
type ItemRecord = Omit<ItemEvaluation, 'sheetName'> & { sheetName: string | null };

function itemRecords(plan: Plan, evaluations: readonly ItemEvaluation[]): ItemRecord[] {
  const byNo = new Map<ItemCode, ItemRecord>();
  const initiatives = new Set(plan.initiatives.map((initiative) => initiative.no));
  for (const evaluation of evaluations) {
    const known = byNo.get(evaluation.itemNo);
    if (known) {
      throw new SummaryError(
        `小№ ${evaluation.itemNo} のシートが二つあります（「${known.sheetName}」と「${evaluation.sheetName}」）。`,
      );
    }
    if (!initiatives.has(evaluation.initiativeNo)) {
      throw new SummaryError(
        `シート「${evaluation.sheetName}」の大№ ${evaluation.initiativeNo} はプランの取組項目にありません。`,
      );
    }
    byNo.set(evaluation.itemNo, evaluation);
  }
  for (const item of plan.items) {
    if (byNo.has(item.no)) continue;
    byNo.set(item.no, {
      itemNo: item.no,
      initiativeNo: item.initiative,
      name: item.name,
      departments: item.departments,
      continuedFromPreviousPlan: item.continuedFromPreviousPlan,
      endedIn: item.endedIn,
      scores: {},
      sheetName: null,
    });
  }
  const order = new Map(plan.items.map((item, index) => [item.no, index]));
  return [...byNo.values()].sort(
    (a, b) =>
      (order.get(a.itemNo) ?? Infinity) - (order.get(b.itemNo) ?? Infinity) || compareItemCodes(a.itemNo, b.itemNo),
  );
}

/** Scores that count for an item in a year, the grade entered with them, and the year they were given in. */
interface CountedScores {
  scores: Scores;
  grade: Grade | null;
  year: FiscalYear;
}

/**
 * Rule 3.2 "ended items still count": an item's own complete scores of the year, or, when it ended
 * in an earlier year, its last self-evaluation at or before the year it ended.
 */
function scoresFor(record: ItemRecord, year: FiscalYear): CountedScores | null {
  const own = record.scores[year];
  if (own) return { scores: own, grade: record.grades?.[year] ?? null, year };
  if (record.endedIn === null || record.endedIn >= year) return null;
  const last = record.endedIn;
  const earlier = Object.keys(record.scores)
    .map(Number)
    .filter((each) => record.scores[each] !== undefined && each <= last)
    .sort((a, b) => b - a)[0];
  return earlier === undefined
    ? null
    : { scores: record.scores[earlier] as Scores, grade: record.grades?.[earlier] ?? null, year: earlier };
}

function countedIn(records: readonly ItemRecord[], year: FiscalYear): Map<ItemCode, CountedScores> {
  const counted = new Map<ItemCode, CountedScores>();
  for (const record of records) {
    const scores = scoresFor(record, year);
    if (scores) counted.set(record.itemNo, scores);
  }
  return counted;
}

function tally(codes: readonly Grade[], grades: readonly (Grade | null)[]): Record<Grade, number> {
  const counts: Record<Grade, number> = Object.fromEntries(codes.map((grade) => [grade, 0]));
  for (const grade of grades) if (grade !== null && grade in counts) counts[grade] += 1;
  return counts;
}

/** The target indicators of an item in a year, with their ratio and grade. */
function indicatorsOf(plan: Plan, record: ItemRecord, year: FiscalYear): IndicatorSummary[] {
  if (!plan.scheme.targets) return [];
  const bands = plan.scheme.targets.bands;
  return Array.from({ length: plan.scheme.targets.indicators }, (_, index) => {
    const entry = record.indicators?.[index];
    const target = entry?.target[year] ?? null;
    const actual = entry?.actual[year] ?? null;
    const ratio = achievementRatio(target, actual);
    return {
      name: entry?.name ?? '',
      unit: entry?.unit ?? '',
      target,
      actual,
      ratio,
      grade: achievementGrade(bands, ratio),
    };
  });
}
