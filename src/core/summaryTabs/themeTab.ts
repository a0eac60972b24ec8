/**
 * Tab 3 of spec §4: テーマ別・評価集計, one row per テーマ, with a chart of the themes' averages.
 */
import { columnLetters } from '../address';
import type { FiscalYear, Plan } from '../plan';
import type { ChartSpec, PageSetup, SheetSpec } from '../sheetSpec';
import { TABLE_CENTER, TABLE_DECIMAL, TABLE_TEXT } from '../styles';
import type { Summary } from '../summary';
import {
  SheetGrid,
  summaryPage,
  SUMMARY_LABELS,
  SUMMARY_SHEET_NAMES,
  TABLE_INTEGER,
  tabTitle,
  writeGroupFigures,
  writeTitleRows,
} from './summaryGrid';

/** The header row (rows 1–2 are the title and 確認時期). */
export const THEME_TAB_HEADER_ROW = 3;
/** First data row. */
export const THEME_TAB_FIRST_ROW = 4;
/** Columns of the table, 1-based. */
export const THEME_TAB_COLUMNS = {
  numeral: 1,
  name: 2,
  initiativeCount: 3,
  itemCount: 4,
  /** The four averages occupy this column and the next three. */
  firstAverage: 5,
  total: 9,
  grade: 10,
  council: 11,
} as const;
/** Rows the chart takes below the table. */
export const THEME_CHART_ROWS = 20;
/** Title of the chart. */
export const THEME_CHART_TITLE = 'テーマ別　自己評価の平均と合計';

/**
 * Print setup of the テーマ別 tab: one landscape A4 page, since the table and its chart belong together.
 * @param year - the year checked
 * @param lastRow - last printed row (the chart's bottom)
 * @returns the page setup
 */
export function themeTabPage(year: FiscalYear, lastRow: number): PageSetup {
  return {
    ...summaryPage(year, 'landscape', [THEME_TAB_HEADER_ROW, THEME_TAB_HEADER_ROW], lastRow, THEME_TAB_COLUMNS.council),
    fitToHeight: 1,
  };
}

/** Width (character units) of the name column; rows grow to fit wrapped names. */
const THEME_NAME_WIDTH = 36;

/**
 * The テーマ別・評価集計 table (№, テーマ名, 取組項目数, 実践項目数, four averages, 合計, 総合評価,
 * 審議会評価平均) and a clustered column chart of the averages and 合計 below it.
 * @param summary - the year's summary
 * @param plan - the plan (criteria labels)
 * @returns the sheet
 */
export function buildThemeTab(summary: Summary, plan: Plan): SheetSpec {
  const grid = new SheetGrid();
  const c = THEME_TAB_COLUMNS;
  const head = THEME_TAB_HEADER_ROW;
  writeTitleRows(grid, tabTitle(plan, SUMMARY_SHEET_NAMES.themes), summary.year, c.council);

  grid.header(head, c.numeral, SUMMARY_LABELS.no);
  grid.header(head, c.name, SUMMARY_LABELS.themeName);
  grid.header(head, c.initiativeCount, SUMMARY_LABELS.initiativeCount);
  grid.header(head, c.itemCount, SUMMARY_LABELS.itemCount);
  plan.criteria.forEach((criterion, index) => grid.header(head, c.firstAverage + index, criterion.label));
  grid.header(head, c.total, SUMMARY_LABELS.total);
  grid.header(head, c.grade, SUMMARY_LABELS.grade);
  grid.header(head, c.council, SUMMARY_LABELS.councilAverage);
  grid.rowHeights[head] = 30;

  let row = THEME_TAB_FIRST_ROW;
  for (const theme of summary.themes) {
    grid.set(row, c.numeral, theme.numeral);
    grid.set(row, c.name, theme.name);
    grid.fitRow(row, [{ text: theme.name, width: THEME_NAME_WIDTH }]);
    grid.set(row, c.initiativeCount, theme.initiativeCount);
    grid.set(row, c.itemCount, theme.itemCount);
    writeGroupFigures(grid, row, c, theme.result, theme.councilAverage);
    row += 1;
  }
  const lastDataRow = Math.max(row - 1, THEME_TAB_FIRST_ROW);
  const first = THEME_TAB_FIRST_ROW;
  grid.format(first, c.numeral, lastDataRow, c.numeral, TABLE_CENTER);
  grid.format(first, c.name, lastDataRow, c.name, TABLE_TEXT);
  grid.format(first, c.initiativeCount, lastDataRow, c.itemCount, TABLE_INTEGER);
  grid.format(first, c.firstAverage, lastDataRow, c.total, TABLE_DECIMAL);
  grid.format(first, c.grade, lastDataRow, c.grade, TABLE_CENTER);
  grid.format(first, c.council, lastDataRow, c.council, TABLE_DECIMAL);

  const chartTop = lastDataRow + 2;
  const chartBottom = chartTop + THEME_CHART_ROWS - 1;
  return {
    name: SUMMARY_SHEET_NAMES.themes,
    columnWidths: [5, THEME_NAME_WIDTH, 9, 9, 8, 8, 8, 8, 8, 9, 10],
    rowHeights: grid.rowHeights,
    cells: grid.cells,
    formats: grid.formats,
    freeze: { rows: head, columns: 0 },
    charts: [themeChart(plan, lastDataRow, chartTop, chartBottom)],
    page: themeTabPage(summary.year, chartBottom),
  };
}

/** The chart: one category per theme (its numeral), a series per average and one for 合計. */
function themeChart(plan: Plan, lastDataRow: number, top: number, bottom: number): ChartSpec {
  const c = THEME_TAB_COLUMNS;
  const column = (index: number) => columnLetters(index);
  const range = (index: number) => `${column(index)}${THEME_TAB_FIRST_ROW}:${column(index)}${lastDataRow}`;
  const series = plan.criteria.map((criterion, index) => ({
    name: criterion.label,
    values: range(c.firstAverage + index),
  }));
  series.push({ name: SUMMARY_LABELS.total, values: range(c.total) });
  return {
    name: 'テーマ別評価',
    type: 'clusteredColumn',
    title: THEME_CHART_TITLE,
    categories: range(c.numeral),
    series,
    from: `${column(c.numeral)}${top}`,
    to: `${column(c.council)}${bottom}`,
    minimum: 0,
    maximum: 12,
  };
}
