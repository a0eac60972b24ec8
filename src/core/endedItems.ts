/**
 * Ended items (取組終了): when an item ended, from its sheet's 取組終了 when typed, else from the
 * plan's 取組終了年度. An item that ended before a year is not distributed for that year, not asked
 * for its scores, not reported as not returned, and still counted with its last evaluation.
 */
import { findItem, type FiscalYear, type ItemCode, type Plan } from './plan';
import { endedYearOf, type EndedAt, type ProgressSheetData } from './sheet/progressSheetData';

/** Tab colour of the sheet of an item that ended before the year it is checked in. */
export const ENDED_TAB_COLOR = '#A6A6A6';

/**
 * The fiscal year an item ended in.
 * @param plan - the plan (its 取組終了年度)
 * @param itemNo - 小№
 * @param data - the item's sheet as read, when there is one (its 取組終了 wins)
 * @returns the fiscal year, or null while it runs
 */
export function itemEndedIn(plan: Plan, itemNo: ItemCode, data?: ProgressSheetData | null): FiscalYear | null {
  return (data ? endedYearOf(data) : null) ?? findItem(plan, itemNo)?.endedIn ?? null;
}

/**
 * Whether an item ended in a year before `year` (an item ending in `year` still runs that year).
 * @param plan - the plan
 * @param itemNo - 小№
 * @param year - the year checked
 * @param data - the item's sheet as read, when there is one
 * @returns true for an item that is over by `year`
 */
export function endedBefore(plan: Plan, itemNo: ItemCode, year: FiscalYear, data?: ProgressSheetData | null): boolean {
  const ended = itemEndedIn(plan, itemNo, data);
  return ended !== null && ended < year;
}

/**
 * 取組終了 as the template writes it from the plan's 取組終了年度: the last month of that fiscal year
 * (令和２年度 → 令和３年３月), which the department may correct.
 * @param year - the fiscal year the item ended in
 * @returns the calendar year and month
 */
export function endedAtEndOf(year: FiscalYear): EndedAt {
  return { year: year + 1, month: 3 };
}

/**
 * The plan with each item's 取組終了年度 as its sheet says (the plan's own when the sheet has none),
 * so that a workbook made from it (a department's book) knows which items ended.
 * @param plan - the plan
 * @param sheets - the sheets as read
 * @returns the same plan when nothing differs, else a copy
 */
export function planWithSheetEndings(plan: Plan, sheets: readonly ProgressSheetData[]): Plan {
  const typed = new Map(sheets.map((sheet) => [sheet.itemNo, endedYearOf(sheet)]));
  const endedIn = (no: ItemCode, planned: FiscalYear | null): FiscalYear | null => {
    const year = typed.get(no) ?? null;
    return year !== null && plan.period.includes(year) ? year : planned;
  };
  if (plan.items.every((item) => endedIn(item.no, item.endedIn) === item.endedIn)) return plan;
  return { ...plan, items: plan.items.map((item) => ({ ...item, endedIn: endedIn(item.no, item.endedIn) })) };
}
