/**
 * Tab 1 of spec §4: 取組状況一覧【実践項目別】, one row per 実践項目. Printed in 9 pt with columns
 * as wide as their longest names (within limits), so that each item takes one line and the 70
 * items of the example print on two landscape pages, as in the published report.
 */
import { toFullWidth, yearLabel } from '../japanese';
import { codeCellValue } from '../itemCode';
import { CRITERIA, type Plan } from '../plan';
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
/** Columns of the table, 1-based. */
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

/** Font size of the table's body and headings. */
export const ITEM_TAB_FONT_SIZE = 9;
/**
 * Column width limits: names and departments grow to one line up to their maximum, then wrap. The
 * maxima keep the table at ~890 pt, so that fit-to-width prints it at 86 % in Excel (9 pt → 7.8
 * pt on paper; LibreOffice's wider columns: 82 %, 7.4 pt) and the example's 70 rows on 1.8 pages.
 */
const LIMITS: WidthLimits[] = [
  { min: 4, max: 6 },
  { min: 4, max: 6 },
  { min: 14, max: 32 },
  { min: 20, max: 38 },
  { min: 6, max: 10 },
  ...CRITERIA.map(() => ({ min: 5, max: 8 })),
  { min: 5, max: 8 },
  { min: 6, max: 10 },
  { min: 6, max: 10 },
  { min: 6, max: 10 },
  { min: 14, max: 28 },
];
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
  const c = ITEM_TAB_COLUMNS;
  const last = c.departments;
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
  grid.header(head, c.firstScore, fiscalYearLabel(summary.year), 1, c.grade - c.firstScore + 1);
  plan.criteria.forEach((criterion, index) => grid.header(head + 1, c.firstScore + index, criterion.label));
  grid.header(head + 1, c.total, SUMMARY_LABELS.total);
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
    grid.set(row, c.previousGrade, gradeText(item.previousGrade));
    CRITERIA.forEach((key, index) => grid.set(row, c.firstScore + index, item.scores?.[key] ?? null));
    grid.set(row, c.total, item.total);
    // ↑/↓ where the grade changed since the previous year (the previous grade is in its own column).
    grid.set(row, c.grade, gradeWithChange(item.grade, item.previousGrade));
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
  grid.format(first, c.firstScore, lastDataRow, c.total, small(TABLE_INTEGER));
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
    columnWidths: fitColumnWidths(grid, LIMITS),
    freeze: { rows: head + 1, columns: 0 },
    page: summaryPage(summary.year, 'landscape', [head, head + 1], lastRow, last),
  });
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
