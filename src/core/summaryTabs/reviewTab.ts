/**
 * Tab 5 of spec §4: the figures of the 総評. Over the 実践項目 still running this year, the count
 * and share of each 総合評価 against last year, and the 実践項目 that ended by this year.
 */
import { checkPeriodLabel, yearLabel } from '../japanese';
import { codeCellValue } from '../itemCode';
import type { FiscalYear, Plan } from '../plan';
import { itemGradeCodes } from '../rules';
import type { CellStyle, SheetSpec } from '../sheetSpec';
import { TABLE_CENTER, TABLE_HEADER, TABLE_TEXT } from '../styles';
import type { Summary } from '../summary';
import {
  fiscalYearLabel,
  gradeChange,
  gradeText,
  SheetGrid,
  summaryPage,
  SUMMARY_LABELS,
  SUMMARY_SHEET_NAMES,
  TABLE_INTEGER,
  TABLE_PERCENT,
  tabTitle,
  writeTitleRows,
} from './summaryGrid';

/** Labels of the 総評 tab. */
export const REVIEW_LABELS = {
  count: '件数',
  share: '割合',
  change: '増減',
  ungraded: '未評価',
  sum: '計',
  gradesTop: (first: string, second: string) => `うち${first}・${second}`,
  active: '実施中の実践項目（件）',
  /** This year against last on the same items (graded both years). */
  up: '前年度より総合評価が上がった実践項目（件）',
  same: '前年度と総合評価が同じ実践項目（件）',
  down: '前年度より総合評価が下がった実践項目（件）',
  ended: (year: FiscalYear) => `${checkPeriodLabel(year)}までに取組を終了した実践項目（件）`,
} as const;

/** The header row of the grade table (two rows: years, then 件数・割合). */
export const REVIEW_HEADER_ROW = 4;
/** First row of the grades (Ａ). */
export const REVIEW_FIRST_ROW = 6;
/** Columns: label, previous year's count and share, this year's count and share, change. */
export const REVIEW_COLUMNS = { label: 1, previousCount: 2, previousShare: 3, count: 4, share: 5, change: 6 } as const;

const CHANGE: CellStyle = { ...TABLE_INTEGER, numberFormat: '+0;-0;0' };
const LABEL: CellStyle = { ...TABLE_HEADER, horizontal: 'left' };

/**
 * The 総評 figures: 総合評価 counts and shares (of the running items) this year and last, the
 * number of running items, and the list of items ended by this year.
 * @param summary - the year's summary
 * @param plan - the plan
 * @returns the sheet
 */
export function buildReviewTab(summary: Summary, plan: Plan): SheetSpec {
  const grid = new SheetGrid();
  const c = REVIEW_COLUMNS;
  const head = REVIEW_HEADER_ROW;
  const { active, grades, previousGrades, endedBy } = summary.counts;
  const hasPrevious = summary.previousYear !== null;
  writeTitleRows(grid, tabTitle(plan, SUMMARY_SHEET_NAMES.review), summary.year, c.change);

  grid.header(head, c.label, SUMMARY_LABELS.grade, 2);
  grid.header(
    head,
    c.previousCount,
    summary.previousYear ? fiscalYearLabel(summary.previousYear) : SUMMARY_LABELS.previousYear,
    1,
    2,
  );
  grid.header(head, c.count, fiscalYearLabel(summary.year), 1, 2);
  grid.header(head, c.change, REVIEW_LABELS.change, 2);
  for (const column of [c.previousCount, c.count]) {
    grid.header(head + 1, column, REVIEW_LABELS.count);
    grid.header(head + 1, column + 1, REVIEW_LABELS.share);
  }

  const share = (count: number) => (active > 0 ? count / active : 0);
  const writeRow = (row: number, label: string, count: number, previous: number) => {
    grid.set(row, c.label, label);
    grid.set(row, c.count, count);
    grid.set(row, c.share, share(count));
    if (hasPrevious) {
      grid.set(row, c.previousCount, previous);
      grid.set(row, c.previousShare, share(previous));
      grid.set(row, c.change, count - previous);
    }
  };
  let row = REVIEW_FIRST_ROW;
  const codes = itemGradeCodes(plan);
  const printed = (code: string) => gradeText(code, plan.scheme.itemGrade) as string;
  for (const grade of codes) writeRow(row++, printed(grade), grades[grade] ?? 0, previousGrades[grade] ?? 0);
  const graded = codes.reduce((sum, grade) => sum + (grades[grade] ?? 0), 0);
  const previousGraded = codes.reduce((sum, grade) => sum + (previousGrades[grade] ?? 0), 0);
  if (graded < active || (hasPrevious && previousGraded < active)) {
    writeRow(row++, REVIEW_LABELS.ungraded, active - graded, active - previousGraded);
  }
  writeRow(row++, REVIEW_LABELS.sum, active, active);
  if (codes.length >= 3) {
    const [first, second] = codes;
    writeRow(
      row++,
      REVIEW_LABELS.gradesTop(printed(first), printed(second)),
      (grades[first] ?? 0) + (grades[second] ?? 0),
      (previousGrades[first] ?? 0) + (previousGrades[second] ?? 0),
    );
  }
  const lastTableRow = row - 1;
  grid.format(REVIEW_FIRST_ROW, c.label, lastTableRow, c.label, LABEL);
  grid.format(REVIEW_FIRST_ROW, c.previousCount, lastTableRow, c.previousCount, TABLE_INTEGER);
  grid.format(REVIEW_FIRST_ROW, c.previousShare, lastTableRow, c.previousShare, TABLE_PERCENT);
  grid.format(REVIEW_FIRST_ROW, c.count, lastTableRow, c.count, TABLE_INTEGER);
  grid.format(REVIEW_FIRST_ROW, c.share, lastTableRow, c.share, TABLE_PERCENT);
  grid.format(REVIEW_FIRST_ROW, c.change, lastTableRow, c.change, CHANGE);

  row = lastTableRow + 2;
  const changes = hasPrevious ? changeCounts(summary, plan) : null;
  for (const [label, value] of [
    [REVIEW_LABELS.active, active],
    [REVIEW_LABELS.ended(summary.year), endedBy.length],
    ...(changes
      ? ([
          [REVIEW_LABELS.up, changes.up],
          [REVIEW_LABELS.same, changes.same],
          [REVIEW_LABELS.down, changes.down],
        ] as const)
      : []),
  ] as const) {
    grid.set(row, c.label, label);
    grid.format(row, c.label, row, c.share, LABEL, true);
    grid.set(row, c.change, value);
    grid.format(row, c.change, row, c.change, TABLE_INTEGER);
    row += 1;
  }

  const lastRow = endedBy.length > 0 ? writeEndedList(grid, summary, row + 1) : row - 1;
  return grid.toSheet({
    name: SUMMARY_SHEET_NAMES.review,
    columnWidths: [24, 10, 10, 10, 10, 14],
    freeze: { rows: head + 1, columns: 0 },
    page: summaryPage(summary.year, 'portrait', [head, head + 1], lastRow, c.change),
  });
}

/** How many running items' grades went up, stayed or went down, among those graded both years. */
function changeCounts(summary: Summary, plan: Plan): Record<'up' | 'same' | 'down', number> {
  const counts = { up: 0, same: 0, down: 0 };
  for (const item of summary.items) {
    if (item.endedIn !== null && item.endedIn < summary.year) continue;
    const change = gradeChange(item.grade, item.previousGrade, plan.scheme.itemGrade);
    if (change) counts[change] += 1;
  }
  return counts;
}

/** The list of ended items (小№, 実践項目, 取組終了) from a row; returns its last row. */
function writeEndedList(grid: SheetGrid, summary: Summary, top: number): number {
  const c = REVIEW_COLUMNS;
  grid.header(top, c.label, SUMMARY_LABELS.itemNo);
  grid.header(top, c.previousCount, SUMMARY_LABELS.item, 1, 4);
  grid.header(top, c.change, SUMMARY_LABELS.ended);
  let row = top + 1;
  for (const no of summary.counts.endedBy) {
    const item = summary.items.find((each) => each.no === no);
    if (!item) continue;
    grid.set(row, c.label, codeCellValue(item.no));
    grid.format(row, c.label, row, c.label, TABLE_INTEGER);
    grid.set(row, c.previousCount, item.name);
    grid.format(row, c.previousCount, row, c.share, TABLE_TEXT, true);
    grid.set(row, c.change, item.endedIn ? yearLabel(item.endedIn) : null);
    grid.format(row, c.change, row, c.change, TABLE_CENTER);
    row += 1;
  }
  return row - 1;
}
