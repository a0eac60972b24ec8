/**
 * Tab 2 of spec §4: 取組状況一覧【取組項目別】, one row per 取組項目.
 */
import { codeCellValue } from '../itemCode';
import type { Plan } from '../plan';
import type { SheetSpec } from '../sheetSpec';
import { TABLE_CENTER, TABLE_DECIMAL, TABLE_TEXT } from '../styles';
import { fitColumnWidths, type WidthLimits } from '../text';
import type { Summary } from '../summary';
import {
  figureLimits,
  groupFigureColumns,
  type GroupFigureColumns,
  SheetGrid,
  summaryPage,
  SUMMARY_LABELS,
  SUMMARY_SHEET_NAMES,
  TABLE_INTEGER,
  tabTitle,
  themeShortLabel,
  writeGroupFigures,
  writeTitleRows,
} from './summaryGrid';

/** First header row (rows 1–2 are the title and 確認時期). */
export const INITIATIVE_TAB_HEADER_ROW = 3;
/** First data row. */
export const INITIATIVE_TAB_FIRST_ROW = 5;

/** The 1-based columns of the 取組項目別 table for a plan with some number of themes. */
export interface InitiativeTabColumns {
  no: number;
  initiative: number;
  firstTheme: number;
  itemCount: number;
  firstAverage: number;
  total: number;
  grade: number;
  council: number;
}

/**
 * Where each column of the 取組項目別 table sits for the built-in scheme (the theme columns follow
 * the plan's themes; other schemes place their figures with `groupFigureColumns`).
 * @param themeCount - number of themes of the plan
 * @returns the columns
 */
export function initiativeTabColumns(themeCount: number): InitiativeTabColumns {
  const itemCount = 3 + themeCount;
  const firstAverage = itemCount + 1;
  const total = firstAverage + 4;
  return { no: 1, initiative: 2, firstTheme: 3, itemCount, firstAverage, total, grade: total + 1, council: total + 2 };
}

/** Column width limits: the name grows to one line up to its maximum, then wraps. */
function limits(themeCount: number, figures: GroupFigureColumns): WidthLimits[] {
  return [
    { min: 4, max: 6 },
    { min: 24, max: 44 },
    ...Array.from({ length: themeCount }, () => ({ min: 5, max: 9 })),
    { min: 6, max: 9 },
    ...figureLimits(figures),
  ];
}

/**
 * The 取組項目別 list: №, name, ○ per theme, 実践項目数, the four averages, 合計, 担当部署評価
 * （総合評価） and 審議会評価平均. Averages are numbers formatted "0.0".
 * @param summary - the year's summary
 * @param plan - the plan (themes and criteria labels)
 * @returns the sheet
 */
export function buildInitiativeTab(summary: Summary, plan: Plan): SheetSpec {
  const grid = new SheetGrid();
  const itemCount = 3 + plan.themes.length;
  const figures = groupFigureColumns(plan, itemCount + 1);
  const c = { no: 1, initiative: 2, firstTheme: 3, itemCount, ...figures };
  const last = figures.council;
  const head = INITIATIVE_TAB_HEADER_ROW;
  writeTitleRows(grid, tabTitle(plan, SUMMARY_SHEET_NAMES.initiatives), summary.year, last);

  grid.header(head, c.no, SUMMARY_LABELS.no, 2);
  grid.header(head, c.initiative, SUMMARY_LABELS.initiative, 2);
  grid.header(head, c.firstTheme, SUMMARY_LABELS.theme, 1, plan.themes.length);
  plan.themes.forEach((theme, index) => grid.header(head + 1, c.firstTheme + index, themeShortLabel(theme.label)));
  grid.header(head, c.itemCount, SUMMARY_LABELS.itemCount, 2);
  if (figures.total) {
    grid.header(head, figures.averages[0].column, SUMMARY_LABELS.averages, 1, figures.averages.length + 1);
    for (const { label, column } of figures.averages) grid.header(head + 1, column, label);
    grid.header(head + 1, figures.total.column, figures.total.label);
  }
  if (figures.grade !== null) grid.header(head, figures.grade, SUMMARY_LABELS.departmentGrade, 2);
  if (figures.counts.length > 0) {
    grid.header(head, figures.counts[0].column, SUMMARY_LABELS.gradeCounts, 1, figures.counts.length);
    for (const { symbol, column } of figures.counts) grid.header(head + 1, column, symbol);
  }
  grid.header(head, c.council, SUMMARY_LABELS.councilAverage, 2);

  let row = INITIATIVE_TAB_FIRST_ROW;
  for (const initiative of summary.initiatives) {
    grid.set(row, c.no, codeCellValue(initiative.no));
    grid.set(row, c.initiative, initiative.name);
    plan.themes.forEach((theme, index) =>
      grid.set(row, c.firstTheme + index, initiative.themes.includes(theme.numeral) ? SUMMARY_LABELS.mark : null),
    );
    grid.set(row, c.itemCount, initiative.itemCount);
    writeGroupFigures(grid, row, figures, initiative, plan.scheme.groupGrade);
    row += 1;
  }
  const lastRow = Math.max(row - 1, INITIATIVE_TAB_FIRST_ROW);
  const first = INITIATIVE_TAB_FIRST_ROW;
  grid.format(first, c.no, lastRow, c.no, TABLE_INTEGER);
  grid.format(first, c.initiative, lastRow, c.initiative, TABLE_TEXT);
  grid.format(first, c.firstTheme, lastRow, c.itemCount - 1, TABLE_CENTER);
  grid.format(first, c.itemCount, lastRow, c.itemCount, TABLE_INTEGER);
  if (figures.total) grid.format(first, figures.averages[0].column, lastRow, figures.total.column, TABLE_DECIMAL);
  if (figures.grade !== null) grid.format(first, figures.grade, lastRow, figures.grade, TABLE_CENTER);
  if (figures.counts.length > 0)
    grid.format(
      first,
      figures.counts[0].column,
      lastRow,
      figures.counts[figures.counts.length - 1].column,
      TABLE_INTEGER,
    );
  grid.format(first, c.council, lastRow, c.council, TABLE_DECIMAL);

  return grid.toSheet({
    name: SUMMARY_SHEET_NAMES.initiatives,
    columnWidths: fitColumnWidths(grid, limits(plan.themes.length, figures)),
    freeze: { rows: head + 1, columns: 0 },
    page: summaryPage(summary.year, 'landscape', [head, head + 1], lastRow, last),
  });
}
