/**
 * The council's earlier years: when a workbook is rolled over to the next year, each earlier
 * year's 審議会評価 tab is kept whole (members, scores, comments) as a tab of its own,
 * 「審議会評価（Ｒ３）」, in the same form, while 審議会評価 itself starts blank for the new year.
 * 「集計」 reads them for the council averages' history on the 取組項目別の評価 pages.
 */
import { COUNCIL_SHEET_NAME, writeCouncilSheet, type CouncilSheetData } from './councilSheet';
import { parseFiscalYear, yearLabel, type FiscalYear } from './fiscalYear';
import type { Plan } from './plan';
import type { SheetSpec } from './sheetSpec';

/** The tab colour of an earlier year's council tab (kept, not to be typed in). */
export const COUNCIL_HISTORY_TAB_COLOR = '#A6A6A6';

const PATTERN = new RegExp(`^${COUNCIL_SHEET_NAME}（(.+)）$`);

/**
 * The name of the tab that keeps a year's council input.
 * @param year - the year
 * @returns e.g. 「審議会評価（Ｒ３）」
 */
export function councilHistoryName(year: FiscalYear): string {
  return `${COUNCIL_SHEET_NAME}（${yearLabel(year)}）`;
}

/**
 * The year of a council history tab, from its name.
 * @param name - a sheet name
 * @returns the year, or null when the name is not one of a council history tab
 */
export function councilHistoryYear(name: string): FiscalYear | null {
  const match = PATTERN.exec(name);
  return match ? parseFiscalYear(match[1]) : null;
}

/**
 * An earlier year's council tab, in the form of 審議会評価, grey-tabbed.
 * @param plan - the plan
 * @param data - the council input of that year
 * @returns the tab
 */
export function writeCouncilHistory(plan: Plan, data: CouncilSheetData): SheetSpec {
  return { ...writeCouncilSheet(plan, data), name: councilHistoryName(data.year), tabColor: COUNCIL_HISTORY_TAB_COLOR };
}

/**
 * Whether a year's council input holds anything (a member's score or comment, or a typed average).
 * @param data - the council input
 * @returns true when some row has content
 */
export function hasCouncilInput(data: CouncilSheetData): boolean {
  return data.rows.some(
    (row) => row.typedAverage !== null || row.entries.some((entry) => entry.score !== null || entry.comment !== ''),
  );
}
