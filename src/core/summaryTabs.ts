/**
 * The summary tabs of spec §4 as sheets-as-data: 取組状況一覧【実践項目別】, 【取組項目別】,
 * テーマ別・評価集計 (with its chart) and the 総評 figures. Pure: the port renders them.
 */
import type { Plan } from './plan';
import type { SheetSpec } from './sheetSpec';
import type { Summary } from './summary';
import { buildInitiativeTab } from './summaryTabs/initiativeTab';
import { buildItemTab } from './summaryTabs/itemTab';
import { buildReviewTab } from './summaryTabs/reviewTab';
import { buildThemeTab } from './summaryTabs/themeTab';
import { SUMMARY_SHEET_NAMES } from './summaryTabs/summaryGrid';

export { SUMMARY_SHEET_NAMES, SUMMARY_LABELS, THEME_SHORT_LABELS, themeShortLabel } from './summaryTabs/summaryGrid';
export { buildItemTab, buildInitiativeTab, buildThemeTab, buildReviewTab };

/** The summary tabs in the order they are placed in the workbook. */
export const SUMMARY_TAB_ORDER: readonly string[] = [
  SUMMARY_SHEET_NAMES.items,
  SUMMARY_SHEET_NAMES.initiatives,
  SUMMARY_SHEET_NAMES.themes,
  SUMMARY_SHEET_NAMES.review,
];

/**
 * Builds every summary tab of a year.
 * @param summary - the year's summary (from `summarize`)
 * @param plan - the plan whose names and labels the tabs print
 * @returns the sheets, in workbook order
 */
export function buildSummaryTabs(summary: Summary, plan: Plan): SheetSpec[] {
  return [
    buildItemTab(summary, plan),
    buildInitiativeTab(summary, plan),
    buildThemeTab(summary, plan),
    buildReviewTab(summary, plan),
  ];
}

/** Whether Excel accepts a sheet name: the one rule, src/core/sheetName.ts. */
export { isLegalSheetName } from './sheetName';
