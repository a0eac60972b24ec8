/**
 * Tab 1 of spec §4: 取組状況一覧【実践項目別】, one row per 実践項目. Printed in 9 pt with columns
 * as wide as their longest names (within limits), so that each item takes one line and the 70
 * items of the example print on two landscape pages, as in the published report.
 */
import { toFullWidth, yearLabel } from '../japanese';
import { codeCellValue } from '../itemCode';
import type { Plan } from '../plan';
import type { CellStyle, SheetSpec } from '../sheetSpec';
import { TABLE_CENTER, TABLE_TEXT } from '../styles';
import { fitColumnWidths, type WidthLimits } from '../text';
import type { Summary } from '../summary';
import {
  fiscalYearLabel,
  gradeText,
  gradeWithChange,
  SheetGrid,
  summaryPage,
  SUMMARY_LABELS,
  SUMMARY_SHEET_NAMES,
  TABLE_INTEGER,
  TABLE_NOTE,
  tabTitle,
  writeTitleRows,
} from './summaryGrid';

/** First header row of the table (rows 1–2 are the title and 確認時期). */
export const ITEM_TAB_HEADER_ROW = 3;
/** First data row. */
export const ITEM_TAB_FIRST_ROW = 5;
/** Columns of the table for the built-in scheme, 1-based (other schemes: `itemTabColumns`). */
export const ITEM_TAB_COLUMNS = {
  itemNo: 1,
  initiativeNo: 2,
  initiative: 3,
  item: 4,
  previousGrade: 5,
  /** The four criteria occupy this column and the next three. */
  firstScore: 6,
  total: 10,
  grade: 11,
  ended: 12,
  continued: 13,
  departments: 14,
} as const;

/** The columns of the table for a plan: one per criterion, then 合計 (or 平均) when it has criteria. */
export interface ItemTabColumns {
  itemNo: number;
  initiativeNo: number;
  initiative: number;
  item: number;
  previousGrade: number;
  firstScore: number;
  /** 合計 or 平均; null without criteria. */
  total: number | null;
  grade: number;
  ended: number;
  continued: number;
  departments: number;
}

/**
 * Where each column of the 実践項目別 table sits for a plan.
 * @param plan - the plan's criteria
 * @returns the columns
 */
export function itemTabColumns(plan: Pick<Plan, 'criteria'>): ItemTabColumns {
  const count = plan.criteria.length;
  const total = count > 0 ? ITEM_TAB_COLUMNS.firstScore + count : null;
  const grade = (total ?? ITEM_TAB_COLUMNS.firstScore - 1) + 1;
  return {
    ...ITEM_TAB_COLUMNS,
    total,
    grade,
    ended: grade + 1,
    continued: grade + 2,
    departments: grade + 3,
  };
}

/** Font size of the table's body and headings. */
export const ITEM_TAB_FONT_SIZE = 9;
/**
 * Column width limits: names and departments grow to one line up to their maximum, then wrap. The
 * maxima keep the table at ~890 pt, so that fit-to-width prints it at 86 % in Excel (9 pt → 7.8
 * pt on paper; LibreOffice's wider columns: 82 %, 7.4 pt) and the example's 70 rows on 1.8 pages.
 */
function limits(criteria: number): WidthLimits[] {
  return [
    { min: 4, max: 6 },
    { min: 4, max: 6 },
    { min: 14, max: 32 },
    { min: 20, max: 38 },
    { min: 6, max: 10 },
    ...Array.from({ length: criteria }, () => ({ min: 5, max: 8 })),
    ...(criteria > 0 ? [{ min: 5, max: 8 }] : []),
    { min: 6, max: 10 },
    { min: 6, max: 10 },
    { min: 6, max: 10 },
    { min: 14, max: 28 },
  ];
}
const small = (style: CellStyle): CellStyle => ({ ...style, fontSize: ITEM_TAB_FONT_SIZE });

/**
 * The 実践項目別 list: 小№, 大№, names, last year's 総合評価, this year's scores, 合計 and 総合評価,
 * 取組終了, 前プラン継続 and 担当部署.
 * @param summary - the year's summary
 * @param plan - the plan (names of 取組項目 and criteria labels)
 * @returns the sheet
 */
export function buildItemTab(summary: Summary, plan: Plan): SheetSpec {
  const grid = new SheetGrid();
  const c = itemTabColumns(plan);
  const last = c.departments;
  const byAverage = plan.scheme.itemGrade.kind === 'bands' && plan.scheme.itemGrade.basis === 'average';
  const head = ITEM_TAB_HEADER_ROW;
  writeTitleRows(grid, tabTitle(plan, SUMMARY_SHEET_NAMES.items), summary.year, last);

  grid.header(head, c.itemNo, SUMMARY_LABELS.itemNo, 2);
  grid.header(head, c.initiativeNo, SUMMARY_LABELS.initiativeNo, 2);
  grid.header(head, c.initiative, SUMMARY_LABELS.initiative, 2);
  grid.header(head, c.item, SUMMARY_LABELS.item, 2);
  grid.header(
    head,
    c.previousGrade,
    summary.previousYear ? fiscalYearLabel(summary.previousYear) : SUMMARY_LABELS.previousYear,
  );
  grid.header(head + 1, c.previousGrade, SUMMARY_LABELS.grade);
  const firstFigure = c.total === null ? c.grade : c.firstScore;
  grid.header(head, firstFigure, fiscalYearLabel(summary.year), 1, c.grade - firstFigure + 1);
  plan.criteria.forEach((criterion, index) => grid.header(head + 1, c.firstScore + index, criterion.short));
  if (c.total !== null) grid.header(head + 1, c.total, byAverage ? SUMMARY_LABELS.average : SUMMARY_LABELS.total);
  grid.header(head + 1, c.grade, SUMMARY_LABELS.grade);
  grid.header(head, c.ended, SUMMARY_LABELS.ended, 2);
  grid.header(head, c.continued, SUMMARY_LABELS.continued, 2);
  grid.header(head, c.departments, SUMMARY_LABELS.departments, 2);

  const names = new Map(plan.initiatives.map((initiative) => [initiative.no, initiative.name]));
  let row = ITEM_TAB_FIRST_ROW;
  for (const item of summary.items) {
    grid.set(row, c.itemNo, codeCellValue(item.no));
    grid.set(row, c.initiativeNo, codeCellValue(item.initiative));
    grid.set(row, c.initiative, names.get(item.initiative) ?? null);
    grid.set(row, c.item, item.name);
    grid.set(row, c.previousGrade, gradeText(item.previousGrade, plan.scheme.itemGrade));
    plan.criteria.forEach(({ key }, index) =>
      grid.set(row, c.firstScore + index, scoreText(plan, item.scores?.[key], item.scores !== null)),
    );
    if (c.total !== null) grid.set(row, c.total, byAverage ? (item.average?.toNumber() ?? null) : item.total);
    // ↑/↓ where the grade changed since the previous year (the previous grade is in its own column).
    grid.set(row, c.grade, gradeWithChange(item.grade, item.previousGrade, plan.scheme.itemGrade));
    grid.set(row, c.ended, item.endedIn ? yearLabel(item.endedIn) : null);
    grid.set(row, c.continued, item.continuedFromPreviousPlan ? SUMMARY_LABELS.mark : null);
    grid.set(row, c.departments, item.departments.join(SUMMARY_LABELS.departmentSeparator));
    row += 1;
  }
  const lastDataRow = Math.max(row - 1, ITEM_TAB_FIRST_ROW);
  const first = ITEM_TAB_FIRST_ROW;
  grid.format(head, 1, head + 1, last, { fontSize: ITEM_TAB_FONT_SIZE });
  grid.format(first, c.itemNo, lastDataRow, c.initiativeNo, small(TABLE_INTEGER));
  grid.format(first, c.initiative, lastDataRow, c.item, small(TABLE_TEXT));
  grid.format(first, c.previousGrade, lastDataRow, c.previousGrade, small(TABLE_CENTER));
  if (c.total !== null) {
    grid.format(first, c.firstScore, lastDataRow, c.total, small(TABLE_INTEGER));
    if (byAverage) grid.format(first, c.total, lastDataRow, c.total, small({ ...TABLE_INTEGER, numberFormat: '0.0' }));
  }
  grid.format(first, c.grade, lastDataRow, c.continued, small(TABLE_CENTER));
  grid.format(first, c.departments, lastDataRow, c.departments, small(TABLE_TEXT));

  const notes = itemNotes(summary);
  notes.forEach((note, index) => {
    grid.set(lastDataRow + 2 + index, 1, note);
    grid.format(lastDataRow + 2 + index, 1, lastDataRow + 2 + index, 1, TABLE_NOTE);
  });
  const lastRow = notes.length > 0 ? lastDataRow + 1 + notes.length : lastDataRow;

  return grid.toSheet({
    name: SUMMARY_SHEET_NAMES.items,
    columnWidths: fitColumnWidths(grid, limits(plan.criteria.length)),
    freeze: { rows: head + 1, columns: 0 },
    page: summaryPage(summary.year, 'landscape', [head, head + 1], lastRow, last),
  });
}

/**
 * A value as the table prints it: a number, or the scale's symbol (Ａ), or the "not applicable" mark.
 * @param plan - the plan's scheme
 * @param value - the value, null for not applicable, undefined when the item is missing
 * @param counted - whether the item has values this year
 * @returns what the cell shows
 */
export function scoreText(
  plan: Pick<Plan, 'scheme'>,
  value: number | null | undefined,
  counted: boolean,
): string | number | null {
  if (!counted || value === undefined) return null;
  if (value === null) return plan.scheme.notApplicable ?? '－';
  const { scale } = plan.scheme;
  return scale.kind === 'symbols' ? (scale.symbols.find((symbol) => symbol.value === value)?.symbol ?? value) : value;
}

/** Notes under the table: items counted with an earlier year's scores, and items left out. */
function itemNotes(summary: Summary): string[] {
  const notes: string[] = [];
  const carried = summary.items.filter((item) => item.scoredIn !== null && item.scoredIn !== summary.year);
  if (carried.length > 0) {
    const numbers = carried.map((item) => toFullWidth(item.no)).join('・');
    notes.push(`※ 取組を終了した実践項目（小№ ${numbers}）は、終了時の自己評価で集計しています。`);
  }
  if (summary.missing.length > 0) {
    const numbers = summary.missing.map((missing) => toFullWidth(missing.itemNo)).join('・');
    notes.push(`※ 自己評価が未入力の実践項目（小№ ${numbers}）は、平均に含めていません。`);
  }
  return notes;
}
