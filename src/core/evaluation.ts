/**
 * What aggregation works on: each 実践項目 as read from its sheet, and the council's averages.
 */
import type { Decimal } from './decimal';
import type { YearCode } from './plan';
import type { Scores } from './rules';

/** One 実践項目 as read from its 進捗状況シート. */
export interface ItemEvaluation {
  /** 小№ */
  itemNo: number;
  /** 大№ */
  initiativeNo: number;
  name: string;
  departments: string[];
  continuedFromPreviousPlan: boolean;
  /** The fiscal year in which the item ended (from 取組終了), or null while it runs. */
  endedIn: YearCode | null;
  /** The complete scores of each evaluated year; a year that is blank or incomplete is absent. */
  scores: Partial<Record<YearCode, Scores>>;
  /** The worksheet it was read from. */
  sheetName: string;
}

/** The council's 審議会評価平均 per year and 取組項目 (大№), already rounded to one decimal. */
export type CouncilAverages = Partial<Record<YearCode, Partial<Record<number, Decimal>>>>;
