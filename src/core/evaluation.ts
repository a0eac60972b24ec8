/**
 * What aggregation works on: each 実践項目 as read from its sheet, and the council's averages; and
 * the pure conversions from what was read (sheets, council tab) to them.
 */
import { councilAverage, type CouncilSheetData } from './councilSheet';
import type { Decimal } from './decimal';
import { CRITERIA, type FiscalYear, type ItemCode, type Plan } from './plan';
import type { Scores } from './rules';
import { endedYearOf, type ProgressSheetData, type ScoreEntry } from './sheet/progressSheetData';

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
  /** The complete scores of each evaluated year; a year that is blank or incomplete is absent. */
  scores: Partial<Record<FiscalYear, Scores>>;
  /** The worksheet it was read from. */
  sheetName: string;
}

/** The council's 審議会評価平均 per year and 取組項目 (大№), already rounded to one decimal. */
export type CouncilAverages = Partial<Record<FiscalYear, Partial<Record<ItemCode, Decimal>>>>;

/**
 * The complete scores of a year, or null when any is blank or "-".
 * @param entries - the four score entries
 * @returns the scores or null
 */
export function completeScores(entries: Partial<Record<string, ScoreEntry>>): Scores | null {
  const scores = {} as Scores;
  for (const key of CRITERIA) {
    const entry = entries[key];
    if (typeof entry !== 'number') return null;
    scores[key] = entry;
  }
  return scores;
}

/**
 * The evaluations the summary works on, from the sheets read (the plan gives 大№ and flags).
 * @param plan - the workbook's plan
 * @param sheets - each 進捗状況シート's name and content
 * @returns one evaluation per sheet
 */
export function evaluationsOf(
  plan: Plan,
  sheets: readonly { name: string; data: ProgressSheetData }[],
): ItemEvaluation[] {
  const items = new Map(plan.items.map((item) => [item.no, item]));
  return sheets.map(({ name, data }) => {
    const item = items.get(data.itemNo);
    const scores: ItemEvaluation['scores'] = {};
    for (const year of plan.period) {
      const complete = completeScores(data.scores[year] ?? {});
      if (complete) scores[year] = complete;
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
