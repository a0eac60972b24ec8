/**
 * The content of one 進捗状況シート as data: what the template fills in and what a department types.
 */
import { fiscalYearOfMonth } from '../fiscalYear';
import type { FiscalYear, Item, ItemCode, Plan } from '../plan';
import { ACTIVITY_ROWS } from './formLabels';

/**
 * A score cell as read: a number of a numeric scale, a symbol of a symbol scale or the "not
 * applicable" mark (as the plan prints them), or null when blank or unreadable.
 */
export type ScoreEntry = number | string | null;

/** One target indicator of the form: its name and unit (typed by the department), and per year its target and actual. */
export interface IndicatorEntry {
  name: string;
  unit: string;
  target: Record<FiscalYear, number | null>;
  actual: Record<FiscalYear, number | null>;
}

/** 予算・決算 of one year (千円), null when blank. */
export interface CostEntry {
  budget: number | null;
  settlement: number | null;
}

/** One 取組内容 row. */
export interface ActivityRow {
  /** The year label as typed ("Ｒ３"), or "". */
  year: string;
  plan: string;
  result: string;
}

/** 取組終了 as typed: the calendar year (Western; typed in the era printed beside it) and month. */
export interface EndedAt {
  year: number;
  month: number;
}

/** Everything a 進捗状況シート holds. */
export interface ProgressSheetData {
  itemNo: ItemCode;
  initiativeNo: ItemCode;
  /** The year being checked (確認時期). */
  checkYear: FiscalYear;
  itemName: string;
  initiativeName: string;
  departments: string[];
  /** Numerals of the themes marked ○. */
  themes: string[];
  schedule: Record<FiscalYear, { plan: string; status: string }>;
  activities: ActivityRow[];
  /** Per year, per criterion key. */
  scores: Record<FiscalYear, Record<string, ScoreEntry>>;
  /** Per year, the 総合評価 the department entered (plans whose item grade is entered), as printed. */
  grades: Record<FiscalYear, string | null>;
  /** Per criterion key, and 'overall'. */
  reasons: Record<string, string>;
  /** The target indicators (plans with targets), in the form's order. */
  indicators: IndicatorEntry[];
  /** Per year (plans with cost). */
  cost: Record<FiscalYear, CostEntry>;
  ended: EndedAt | null;
  issues: Record<FiscalYear, { problem: string; solution: string }>;
  notes: string;
}

/**
 * A blank sheet of an item for a year, as the template writes it.
 * @param plan - the plan
 * @param item - the 実践項目
 * @param checkYear - the year being checked
 * @returns the sheet content with empty inputs
 */
export function blankProgressSheet(plan: Plan, item: Item, checkYear: FiscalYear): ProgressSheetData {
  const initiative = plan.initiatives.find((entry) => entry.no === item.initiative);
  if (!initiative) throw new RangeError(`initiative ${item.initiative} missing`);
  const perYear = <T>(make: () => T): Record<FiscalYear, T> =>
    Object.fromEntries(plan.period.map((year) => [year, make()]));
  return {
    itemNo: item.no,
    initiativeNo: item.initiative,
    checkYear,
    itemName: item.name,
    initiativeName: initiative.name,
    departments: [...item.departments],
    themes: [...initiative.themes],
    schedule: perYear(() => ({ plan: '', status: '' })),
    activities: Array.from({ length: ACTIVITY_ROWS }, () => ({ year: '', plan: '', result: '' })),
    scores: perYear(() => Object.fromEntries(plan.criteria.map((criterion) => [criterion.key, null]))),
    grades: perYear(() => null),
    reasons: Object.fromEntries(
      [...plan.criteria.map((criterion) => criterion.key), 'overall'].map((key) => [key, '']),
    ),
    indicators: Array.from({ length: plan.scheme.targets?.indicators ?? 0 }, () => ({
      name: '',
      unit: '',
      target: perYear(() => null),
      actual: perYear(() => null),
    })),
    cost: plan.scheme.cost ? perYear(() => ({ budget: null, settlement: null })) : {},
    ended: null,
    issues: perYear(() => ({ problem: '', solution: '' })),
    notes: '',
  };
}

/**
 * The fiscal year an item ended in, from its 取組終了, or null.
 * @param data - the sheet's content
 * @returns the fiscal year of the 取組終了 month
 */
export function endedYearOf(data: ProgressSheetData): FiscalYear | null {
  return data.ended ? fiscalYearOfMonth(data.ended.year, data.ended.month) : null;
}
