/**
 * 「集計」's figures (spec §3, §4): each 実践項目's 合計 and 総合評価, the 取組項目 and テーマ
 * averages with their grades and council averages, and the headline figures of the 総評.
 * The plan gives the structure; every score comes from the evaluations read from the workbook.
 */
import { UserError } from './errors';
import { compareItemCodes } from './itemCode';
import type { Decimal } from './decimal';
import type { CouncilAverages, ItemEvaluation } from './evaluation';
import { previousYear, yearsThrough, type FiscalYear, type Item, type ItemCode, type Plan } from './plan';
import {
  GRADES,
  groupResult,
  itemGrade,
  itemTotal,
  roundedMean,
  type Grade,
  type GroupResult,
  type Scores,
} from './rules';

/** One 実践項目 in the summary of a year: the plan's entry (取組終了 as read) and its figures. */
export interface ItemSummary extends Item {
  /** The worksheet the item was read from; null when the workbook has no sheet for it. */
  sheetName: string | null;
  /** The scores that count this year (its own, or carried from the year it ended); null when missing. */
  scores: Scores | null;
  /** The year those scores were given in (earlier than the summary's year for a carried item). */
  scoredIn: FiscalYear | null;
  total: number | null;
  grade: Grade | null;
  /** 総合評価 of the previous year, computed the same way; null in the first year or when missing. */
  previousGrade: Grade | null;
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
  year: FiscalYear;
}): Summary {
  const { plan, council, year } = input;
  const years = yearsThrough(plan, year);
  const before = previousYear(plan, year);
  const records = itemRecords(plan, input.evaluations);
  const byYear = new Map(years.map((each) => [each, countedIn(records, each)]));
  const current = byYear.get(year) as Map<ItemCode, CountedScores>;
  const previous = before === null ? null : (byYear.get(before) as Map<ItemCode, CountedScores>);

  const items: ItemSummary[] = records.map((record) => {
    const counted = current.get(record.itemNo) ?? null;
    const earlier = previous?.get(record.itemNo) ?? null;
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
      total: counted ? itemTotal(counted.scores) : null,
      grade: counted ? itemGrade(counted.scores) : null,
      previousGrade: earlier ? itemGrade(earlier.scores) : null,
    };
  });

  const groupOf = (members: readonly ItemSummary[], counted: Map<ItemCode, CountedScores>): GroupResult | null => {
    const scores = members.flatMap((item) => counted.get(item.no)?.scores ?? []);
    return scores.length > 0 ? groupResult(scores) : null;
  };
  const yearCouncil = council[year] ?? {};

  const initiatives: InitiativeSummary[] = plan.initiatives.map((initiative) => {
    const members = items.filter((item) => item.initiative === initiative.no);
    const history: Partial<Record<FiscalYear, Grade>> = {};
    for (const each of years) {
      const result = groupOf(members, byYear.get(each) as Map<ItemCode, CountedScores>);
      if (result) history[each] = result.grade;
    }
    return {
      no: initiative.no,
      name: initiative.name,
      themes: [...initiative.themes],
      itemCount: members.length,
      evaluatedCount: members.filter((item) => item.scores !== null).length,
      result: groupOf(members, current),
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
      result: groupOf(members, current),
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
    previousYear: before,
    items,
    initiatives,
    themes,
    counts: {
      active: running.length,
      grades: tally(running.map((item) => item.grade)),
      previousGrades: tally(running.map((item) => item.previousGrade)),
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

/** Scores that count for an item in a year, and the year they were given in. */
interface CountedScores {
  scores: Scores;
  year: FiscalYear;
}

/**
 * Rule 3.2 "ended items still count": an item's own complete scores of the year, or, when it ended
 * in an earlier year, its last self-evaluation at or before the year it ended.
 */
function scoresFor(record: ItemRecord, year: FiscalYear): CountedScores | null {
  const own = record.scores[year];
  if (own) return { scores: own, year };
  if (record.endedIn === null || record.endedIn >= year) return null;
  const last = record.endedIn;
  const earlier = Object.keys(record.scores)
    .map(Number)
    .filter((each) => record.scores[each] !== undefined && each <= last)
    .sort((a, b) => b - a)[0];
  return earlier === undefined ? null : { scores: record.scores[earlier] as Scores, year: earlier };
}

function countedIn(records: readonly ItemRecord[], year: FiscalYear): Map<ItemCode, CountedScores> {
  const counted = new Map<ItemCode, CountedScores>();
  for (const record of records) {
    const scores = scoresFor(record, year);
    if (scores) counted.set(record.itemNo, scores);
  }
  return counted;
}

function tally(grades: readonly (Grade | null)[]): Record<Grade, number> {
  const counts = Object.fromEntries(GRADES.map((grade) => [grade, 0])) as Record<Grade, number>;
  for (const grade of grades) if (grade !== null) counts[grade] += 1;
  return counts;
}
