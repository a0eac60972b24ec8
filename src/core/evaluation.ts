/**
 * What aggregation works on: each 実践項目 as read from its sheet, and the council's averages and
 * grades; and the pure conversions from what was read (sheets, council tab) to them. Symbols
 * become their values here, under the plan's scale.
 */
import { councilAverage, type CouncilSheetData } from './councilSheet';
import type { Decimal } from './decimal';
import type { FiscalYear, ItemCode, Plan } from './plan';
import type { Grade, Rules, Scores } from './rules';
import { gradeCode, gradesOf, symbolKey, type Scheme } from './scheme';
import {
  endedYearOf,
  type CostEntry,
  type IndicatorEntry,
  type ProgressSheetData,
  type ScoreEntry,
} from './sheet/progressSheetData';

/** One 実践項目 as read from its 進捗状況シート. */
export interface ItemEvaluation {
  /** 小№ */
  itemNo: ItemCode;
  /** 大№ */
  initiativeNo: ItemCode;
  name: string;
  departments: string[];
  continuedFromPreviousPlan: boolean;
  /** The fiscal year in which the item ended (from 取組終了), or null while it runs. */
  endedIn: FiscalYear | null;
  /** The complete values of each evaluated year; a year that is blank or incomplete is absent. */
  scores: Partial<Record<FiscalYear, Scores>>;
  /** The 総合評価 the department entered per year (codes; plans whose item grade is entered). */
  grades?: Partial<Record<FiscalYear, Grade>>;
  /** The target indicators as typed (plans with targets). */
  indicators?: IndicatorEntry[];
  /** 予算・決算 per year (plans with cost). */
  cost?: Partial<Record<FiscalYear, CostEntry>>;
  /** The worksheet it was read from. */
  sheetName: string;
}

/** The council's 審議会評価平均 per year and 取組項目 (大№), already rounded to one decimal. */
export type CouncilAverages = Partial<Record<FiscalYear, Partial<Record<ItemCode, Decimal>>>>;

/** Grades the council entered per year, for 取組項目 (大№) and テーマ (numeral), as codes. */
export interface CouncilGrades {
  initiatives: Partial<Record<FiscalYear, Partial<Record<ItemCode, Grade>>>>;
  themes: Partial<Record<FiscalYear, Partial<Record<string, Grade>>>>;
}

/**
 * The value of a score entry under the scheme.
 * @param scheme - the plan's scheme
 * @param entry - a number, a symbol or the "not applicable" mark, as read
 * @returns the value, null for "not applicable", undefined for blank or unknown
 */
export function entryValue(scheme: Scheme, entry: ScoreEntry): number | null | undefined {
  if (entry === null || entry === '') return undefined;
  if (typeof entry === 'number') return scheme.scale.kind === 'numeric' ? entry : undefined;
  const key = symbolKey(entry);
  if (scheme.notApplicable !== null && key === symbolKey(scheme.notApplicable)) return null;
  if (scheme.scale.kind !== 'symbols') return undefined;
  return scheme.scale.symbols.find((symbol) => symbolKey(symbol.symbol) === key)?.value;
}

/**
 * The complete values of a year: every criterion a value or "not applicable", at least one value.
 * @param plan - the plan's criteria and scheme
 * @param entries - the year's entries by criterion key
 * @returns the values (null where not applicable), or null when the year is incomplete
 */
export function completeScores(plan: Rules, entries: Partial<Record<string, ScoreEntry>>): Scores | null {
  const scores: Scores = {};
  for (const { key } of plan.criteria) {
    const value = entryValue(plan.scheme, entries[key] ?? null);
    if (value === undefined) return null;
    scores[key] = value;
  }
  if (plan.criteria.length > 0 && Object.values(scores).every((value) => value === null)) return null;
  return scores;
}

/**
 * The code of an entered grade, if it is one of the grading's.
 * @param grades - the grading's printed grades
 * @param typed - what was typed
 * @returns the code, or null
 */
export function enteredGradeCode(grades: readonly string[], typed: string | null): Grade | null {
  if (typed === null || typed.trim() === '') return null;
  const key = symbolKey(typed);
  return grades.some((grade) => gradeCode(grade) === key) ? key : null;
}

/**
 * The evaluations the summary works on, from the sheets read (the plan gives 大№ and flags). A year
 * counts when its values are complete and, for an entered grading, its grade is entered.
 * @param plan - the workbook's plan
 * @param sheets - each 進捗状況シート's name and content
 * @returns one evaluation per sheet
 */
export function evaluationsOf(
  plan: Plan,
  sheets: readonly { name: string; data: ProgressSheetData }[],
): ItemEvaluation[] {
  const items = new Map(plan.items.map((item) => [item.no, item]));
  const enteredGrades = plan.scheme.itemGrade.kind === 'entered' ? gradesOf(plan.scheme.itemGrade) : null;
  return sheets.map(({ name, data }) => {
    const item = items.get(data.itemNo);
    const scores: ItemEvaluation['scores'] = {};
    const grades: Partial<Record<FiscalYear, Grade>> = {};
    for (const year of plan.period) {
      const complete = completeScores(plan, data.scores[year] ?? {});
      const grade = enteredGrades ? enteredGradeCode(enteredGrades, data.grades[year] ?? null) : null;
      if (!complete || (enteredGrades && grade === null)) continue;
      scores[year] = complete;
      if (grade !== null) grades[year] = grade;
    }
    return {
      itemNo: data.itemNo,
      initiativeNo: item?.initiative ?? data.initiativeNo,
      name: item?.name ?? data.itemName,
      departments: item?.departments ?? data.departments,
      continuedFromPreviousPlan: item?.continuedFromPreviousPlan ?? false,
      // The sheet's 取組終了, else the plan's (an ended item's sheet with 取組終了 left blank).
      endedIn: endedYearOf(data) ?? item?.endedIn ?? null,
      scores,
      ...(enteredGrades && { grades }),
      ...(plan.scheme.targets && { indicators: data.indicators }),
      ...(plan.scheme.cost && { cost: data.cost }),
      sheetName: name,
    };
  });
}

/**
 * The council averages of the year from the 審議会評価 tab.
 * @param council - the tab as read, or null when the workbook has none
 * @returns year → 大№ → average
 */
export function councilAveragesOf(council: CouncilSheetData | null): CouncilAverages {
  if (!council) return {};
  const averages: Partial<Record<ItemCode, Decimal>> = {};
  for (const row of council.rows) {
    const average = councilAverage(row);
    if (average) averages[row.initiativeNo] = average;
  }
  return { [council.year]: averages };
}

/**
 * The grades the council entered (plans whose group grade is entered).
 * @param council - the tab as read, or null
 * @returns year → 大№ or numeral → code
 */
export function councilGradesOf(council: CouncilSheetData | null): CouncilGrades {
  if (!council) return { initiatives: {}, themes: {} };
  const initiatives: Partial<Record<ItemCode, Grade>> = {};
  for (const row of council.rows) if (row.grade) initiatives[row.initiativeNo] = row.grade;
  const themes: Partial<Record<string, Grade>> = {};
  for (const row of council.themes ?? []) if (row.grade) themes[row.numeral] = row.grade;
  return { initiatives: { [council.year]: initiatives }, themes: { [council.year]: themes } };
}
