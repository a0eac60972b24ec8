/**
 * Our print settings by kind of sheet, for 印刷設定: re-applying them to a workbook whose sheets
 * came from elsewhere (copied in, saved by another program, printed badly). The writers of each
 * sheet set the same values; tests keep the two in step.
 */
import { COUNCIL_SHEET_NAME, councilPage } from './councilSheet';
import type { Plan, FiscalYear } from './plan';
import { progressSheetLayout } from './sheet/progressSheetLayout';
import type { PageSetup } from './sheetSpec';
import { INITIATIVE_TAB_HEADER_ROW } from './summaryTabs/initiativeTab';
import { INITIATIVE_PAGES_SHEET_NAME, initiativePagesPage } from './summaryTabs/initiativePages';
import { ITEM_TAB_HEADER_ROW } from './summaryTabs/itemTab';
import { REVIEW_HEADER_ROW } from './summaryTabs/reviewTab';
import { summaryPage, SUMMARY_SHEET_NAMES } from './summaryTabs/summaryGrid';
import { themeTabPage } from './summaryTabs/themeTab';

/** Margins of the 進捗状況シート (inches); the layout's print scale assumes them. */
export const PROGRESS_SHEET_MARGINS = {
  left: 0.4,
  right: 0.4,
  top: 0.55,
  bottom: 0.55,
  header: 0.25,
  footer: 0.25,
} as const;

/**
 * The print setup of a 進捗状況シート: A4 portrait at the layout's fixed scale with a manual break
 * after part ①, so that it prints as exactly two pages. Not "fit to page": Excel ignores manual
 * breaks when fitting.
 * @param plan - the plan (the layout depends on its themes and years)
 * @returns the page setup
 */
export function progressSheetPage(plan: Plan): PageSetup {
  const layout = progressSheetLayout(plan);
  return {
    paperSize: 'A4',
    orientation: 'portrait',
    scale: layout.printScale,
    printArea: layout.printArea,
    rowBreaks: [layout.partOneLastRow],
    margins: { ...PROGRESS_SHEET_MARGINS },
    centerHorizontally: true,
  };
}

/**
 * The print setup of one of our tabs, known by name, without a print area (its extent is not
 * known without reading it; the used range prints). The 取組項目別の評価 sheet's breaks come from
 * `initiativePageBreaks` over its column A.
 * @param name - the tab's name
 * @param year - the year checked (for the 確認時期 header)
 * @param rowBreaks - breaks of the 取組項目別の評価 sheet (ignored for other tabs)
 * @returns the page setup, or null when the name is not one of our tabs
 */
export function ownedTabPage(name: string, year: FiscalYear, rowBreaks: number[] = []): PageSetup | null {
  const unbounded = (page: PageSetup): PageSetup => {
    const { printArea: _printArea, ...rest } = page;
    return rest;
  };
  switch (name) {
    case SUMMARY_SHEET_NAMES.items:
      return unbounded(summaryPage(year, 'landscape', [ITEM_TAB_HEADER_ROW, ITEM_TAB_HEADER_ROW + 1], 1, 1));
    case SUMMARY_SHEET_NAMES.initiatives:
      return unbounded(
        summaryPage(year, 'landscape', [INITIATIVE_TAB_HEADER_ROW, INITIATIVE_TAB_HEADER_ROW + 1], 1, 1),
      );
    case SUMMARY_SHEET_NAMES.themes:
      return unbounded(themeTabPage(year, 1));
    case SUMMARY_SHEET_NAMES.review:
      return unbounded(summaryPage(year, 'portrait', [REVIEW_HEADER_ROW, REVIEW_HEADER_ROW + 1], 1, 1));
    case INITIATIVE_PAGES_SHEET_NAME:
      return initiativePagesPage(year, null, rowBreaks);
    case COUNCIL_SHEET_NAME:
      return councilPage(year);
    default:
      return null;
  }
}
