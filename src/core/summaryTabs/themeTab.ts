/**
 * Tab 3 of spec §4: テーマ別・評価集計, one row per テーマ, with charts of the themes' figures: the
 * four averages (0–3), 合計 (0–12) and the council average (1–5) each on its own chart and axis, so
 * that no scale flattens another, with the theme names as categories.
 */
import { columnLetters } from '../address';
import type { FiscalYear, Plan } from '../plan';
import { scaleBounds } from '../scheme';
import type { ChartSpec, PageSetup, SheetSpec } from '../sheetSpec';
import { TABLE_CENTER, TABLE_DECIMAL, TABLE_TEXT } from '../styles';
import { fitColumnWidths } from '../text';
import type { Summary } from '../summary';
import {
  groupFigureColumns,
  SheetGrid,
  type GroupFigureColumns,
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
/** Columns of the table for the built-in scheme, 1-based (other schemes: `groupFigureColumns` from 5). */
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
/** Titles of the charts, with their axes' ranges (built-in: 0〜3, 0〜12, 1〜5). */
export const THEME_CHART_TITLES = {
  averages: (range: string) => `テーマ別　自己評価の平均（${range}）`,
  total: (label: string, range: string) => `テーマ別　${label}（${range}）`,
  council: (range: string) => `テーマ別　審議会評価平均（${range}）`,
} as const;

/**
 * Print setup of the テーマ別 tab: one landscape A4 page, since the table and its chart belong together.
 * @param year - the year checked
 * @param lastRow - last printed row (the chart's bottom)
 * @param lastColumn - last printed column
 * @returns the page setup
 */
export function themeTabPage(
  year: FiscalYear,
  lastRow: number,
  lastColumn: number = THEME_TAB_COLUMNS.council,
): PageSetup {
  return {
    ...summaryPage(year, 'landscape', [THEME_TAB_HEADER_ROW, THEME_TAB_HEADER_ROW], lastRow, lastColumn),
    fitToHeight: 1,
  };
}

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
  const figures = groupFigureColumns(plan, THEME_TAB_COLUMNS.firstAverage);
  const c = { ...THEME_TAB_COLUMNS, council: figures.council };
  const head = THEME_TAB_HEADER_ROW;
  writeTitleRows(grid, tabTitle(plan, SUMMARY_SHEET_NAMES.themes), summary.year, c.council);

  grid.header(head, c.numeral, SUMMARY_LABELS.no);
  grid.header(head, c.name, SUMMARY_LABELS.themeName);
  grid.header(head, c.initiativeCount, SUMMARY_LABELS.initiativeCount);
  grid.header(head, c.itemCount, SUMMARY_LABELS.itemCount);
  for (const { label, column } of figures.averages) grid.header(head, column, label);
  if (figures.total) grid.header(head, figures.total.column, figures.total.label);
  if (figures.grade !== null) grid.header(head, figures.grade, SUMMARY_LABELS.grade);
  for (const { symbol, column } of figures.counts) grid.header(head, column, `${symbol}（件）`);
  grid.header(head, c.council, SUMMARY_LABELS.councilAverage);

  let row = THEME_TAB_FIRST_ROW;
  for (const theme of summary.themes) {
    grid.set(row, c.numeral, theme.numeral);
    grid.set(row, c.name, theme.name);
    grid.set(row, c.initiativeCount, theme.initiativeCount);
    grid.set(row, c.itemCount, theme.itemCount);
    writeGroupFigures(grid, row, figures, theme, plan.scheme.groupGrade);
    row += 1;
  }
  const lastDataRow = Math.max(row - 1, THEME_TAB_FIRST_ROW);
  const first = THEME_TAB_FIRST_ROW;
  grid.format(first, c.numeral, lastDataRow, c.numeral, TABLE_CENTER);
  grid.format(first, c.name, lastDataRow, c.name, TABLE_TEXT);
  grid.format(first, c.initiativeCount, lastDataRow, c.itemCount, TABLE_INTEGER);
  if (figures.total) grid.format(first, c.firstAverage, lastDataRow, figures.total.column, TABLE_DECIMAL);
  if (figures.grade !== null) grid.format(first, figures.grade, lastDataRow, figures.grade, TABLE_CENTER);
  for (const { column } of figures.counts) grid.format(first, column, lastDataRow, column, TABLE_INTEGER);
  grid.format(first, c.council, lastDataRow, c.council, TABLE_DECIMAL);

  const charts = themeCharts(
    lastDataRow,
    summary.themes.some((theme) => theme.councilAverage !== null),
    plan,
    figures,
  );
  const chartBottom = Math.max(lastDataRow, ...charts.map((chart) => Number(/\d+$/.exec(chart.to)?.[0])));
  return grid.toSheet({
    name: SUMMARY_SHEET_NAMES.themes,
    columnWidths: fitColumnWidths(grid, [
      { min: 4, max: 6 },
      { min: 24, max: 40 },
      { min: 7, max: 9 },
      { min: 7, max: 9 },
      ...figures.averages.map(() => ({ min: 7, max: 9 })),
      ...(figures.total ? [{ min: 7, max: 9 }] : []),
      ...(figures.grade !== null ? [{ min: 9, max: 10 }] : []),
      ...figures.counts.map(() => ({ min: 7, max: 9 })),
      { min: 9, max: 11 },
    ]),
    freeze: { rows: head, columns: 0 },
    charts,
    page: themeTabPage(summary.year, chartBottom, c.council),
  });
}

/**
 * The charts below the table: categories are the theme names; the averages (on the scale's range)
 * over the full width, then 合計 (or 平均) and the council average side by side. A plan without
 * criteria has only the council's.
 */
function themeCharts(lastDataRow: number, withCouncil: boolean, plan: Plan, figures: GroupFigureColumns): ChartSpec[] {
  const c = THEME_TAB_COLUMNS;
  const column = (index: number) => columnLetters(index);
  const range = (index: number) => `${column(index)}${THEME_TAB_FIRST_ROW}:${column(index)}${lastDataRow}`;
  const categories = range(c.name);
  const top = lastDataRow + 2;
  const averagesBottom = top + THEME_CHART_ROWS.averages - 1;
  const lowerTop = figures.total ? averagesBottom + 2 : top;
  const lowerBottom = lowerTop + THEME_CHART_ROWS.totals - 1;
  const middle = c.itemCount; // 合計 on the left half (A–D), the council on the right
  const scale = scaleBounds(plan.scheme.scale);
  const axisMin = Math.min(0, scale.min);
  const charts: ChartSpec[] = [];
  if (figures.total) {
    const totalMax = figures.total.average ? scale.max : scale.max * Math.max(figures.averages.length, 1);
    charts.push(
      {
        name: 'テーマ別評価の平均',
        type: 'clusteredBar',
        title: THEME_CHART_TITLES.averages(`${axisMin}〜${scale.max}`),
        categories,
        series: figures.averages.map((average) => ({ name: average.label, values: range(average.column) })),
        from: `${column(c.numeral)}${top}`,
        to: `${column(figures.council)}${averagesBottom}`,
        minimum: axisMin,
        maximum: scale.max,
      },
      {
        name: 'テーマ別合計',
        type: 'clusteredBar',
        title: THEME_CHART_TITLES.total(figures.total.label, `${axisMin}〜${totalMax}`),
        categories,
        series: [{ name: figures.total.label, values: range(figures.total.column) }],
        from: `${column(c.numeral)}${lowerTop}`,
        to: `${column(middle)}${lowerBottom}`,
        minimum: axisMin,
        maximum: totalMax,
      },
    );
  }
  if (withCouncil) {
    const council = scaleBounds(plan.scheme.council);
    charts.push({
      name: 'テーマ別審議会評価',
      type: 'clusteredBar',
      title: THEME_CHART_TITLES.council(`${council.min}〜${council.max}`),
      categories,
      series: [{ name: SUMMARY_LABELS.councilAverage, values: range(figures.council) }],
      from: `${column(figures.total ? middle + 1 : c.numeral)}${lowerTop}`,
      to: `${column(figures.council)}${lowerBottom}`,
      minimum: Math.min(0, council.min),
      maximum: council.max,
    });
  }
  return charts;
}
