/**
 * Tab 3 of spec §4: テーマ別・評価集計, one row per テーマ, with charts of the themes' figures: the
 * four averages (0–3), 合計 (0–12) and the council average (1–5) each on its own chart and axis, so
 * that no scale flattens another, with the theme names as categories.
 */
import { columnLetters } from '../address';
import type { FiscalYear, Plan } from '../plan';
import type { ChartSpec, PageSetup, SheetSpec } from '../sheetSpec';
import { TABLE_CENTER, TABLE_DECIMAL, TABLE_TEXT } from '../styles';
import { fitColumnWidths, type WidthLimits } from '../text';
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
/** Rows the charts take below the table: the averages' chart, then 合計 and the council average side by side. */
export const THEME_CHART_ROWS = { averages: 20, totals: 14 } as const;
/** Titles of the charts. */
export const THEME_CHART_TITLES = {
  averages: 'テーマ別　自己評価の平均（0〜3）',
  total: 'テーマ別　合計（0〜12）',
  council: 'テーマ別　審議会評価平均（1〜5）',
} as const;

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

/** Column width limits: the name grows to one line up to its maximum, then wraps. */
const LIMITS: WidthLimits[] = [
  { min: 4, max: 6 },
  { min: 24, max: 40 },
  // 取組項目数, 実践項目数, the four averages and 合計
  ...Array.from({ length: THEME_TAB_COLUMNS.total - THEME_TAB_COLUMNS.initiativeCount + 1 }, () => ({
    min: 7,
    max: 9,
  })),
  { min: 9, max: 10 },
  { min: 9, max: 11 },
];

/**
 * The テーマ別・評価集計 table (№, テーマ名, 取組項目数, 実践項目数, four averages, 合計, 総合評価,
 * 審議会評価平均) and, below it, a chart of the averages, one of 合計 and, when the council has
 * scored, one of its averages.
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

  let row = THEME_TAB_FIRST_ROW;
  for (const theme of summary.themes) {
    grid.set(row, c.numeral, theme.numeral);
    grid.set(row, c.name, theme.name);
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

  const charts = themeCharts(
    lastDataRow,
    summary.themes.some((theme) => theme.councilAverage !== null),
    plan,
  );
  const chartBottom = Math.max(...charts.map((chart) => Number(/\d+$/.exec(chart.to)?.[0])));
  return grid.toSheet({
    name: SUMMARY_SHEET_NAMES.themes,
    columnWidths: fitColumnWidths(grid, LIMITS),
    freeze: { rows: head, columns: 0 },
    charts,
    page: themeTabPage(summary.year, chartBottom),
  });
}

/**
 * The charts below the table: categories are the theme names; the averages (0–3) over the full
 * width, then 合計 (0–12) and the council average (1–5) side by side.
 */
function themeCharts(lastDataRow: number, withCouncil: boolean, plan: Plan): ChartSpec[] {
  const c = THEME_TAB_COLUMNS;
  const column = (index: number) => columnLetters(index);
  const range = (index: number) => `${column(index)}${THEME_TAB_FIRST_ROW}:${column(index)}${lastDataRow}`;
  const categories = range(c.name);
  const top = lastDataRow + 2;
  const averagesBottom = top + THEME_CHART_ROWS.averages - 1;
  const lowerTop = averagesBottom + 2;
  const lowerBottom = lowerTop + THEME_CHART_ROWS.totals - 1;
  const middle = c.itemCount; // 合計 on the left half (A–D), the council on the right (E–K)
  const charts: ChartSpec[] = [
    {
      name: 'テーマ別評価の平均',
      type: 'clusteredBar',
      title: THEME_CHART_TITLES.averages,
      categories,
      series: plan.criteria.map((criterion, index) => ({
        name: criterion.label,
        values: range(c.firstAverage + index),
      })),
      from: `${column(c.numeral)}${top}`,
      to: `${column(c.council)}${averagesBottom}`,
      minimum: 0,
      maximum: 3,
    },
    {
      name: 'テーマ別合計',
      type: 'clusteredBar',
      title: THEME_CHART_TITLES.total,
      categories,
      series: [{ name: SUMMARY_LABELS.total, values: range(c.total) }],
      from: `${column(c.numeral)}${lowerTop}`,
      to: `${column(middle)}${lowerBottom}`,
      minimum: 0,
      maximum: 12,
    },
  ];
  if (withCouncil)
    charts.push({
      name: 'テーマ別審議会評価',
      type: 'clusteredBar',
      title: THEME_CHART_TITLES.council,
      categories,
      series: [{ name: SUMMARY_LABELS.councilAverage, values: range(c.council) }],
      from: `${column(middle + 1)}${lowerTop}`,
      to: `${column(c.council)}${lowerBottom}`,
      minimum: 0,
      maximum: 5,
    });
  return charts;
}
