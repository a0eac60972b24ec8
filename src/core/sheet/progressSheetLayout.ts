/**
 * THE cell map of the 進捗状況シート: every address of parts ① and ②, used both to write a sheet
 * and to read it back. The map depends on the plan only through the number of themes and years.
 */
import { cellAddress, rangeAddress, splitColumns } from '../address';
import { CRITERIA, PlanError, type Criterion, type Plan, type YearCode } from '../plan';

/** The layout version written in the marker cell; readers refuse other versions. */
export const LAYOUT_VERSION = 1;
/** Text of the marker cell that identifies a sheet as ours, whatever the sheet is named. */
export const LAYOUT_MARKER = `shinchoku:progress-sheet:v${LAYOUT_VERSION}`;
/** The most 取組内容 rows a sheet has (①…⑮). */
export const ACTIVITY_ROWS = 15;
/** The 工程 status choices. */
export const SCHEDULE_STATUSES = ['工程どおり', '前倒し', '遅れ'] as const;
/** What a score cell accepts besides 0–3: a year that is not evaluated. */
export const NOT_EVALUATED = '-';

/** The form's labels, exactly as printed. */
export const LABELS = {
  titlePartOne: (planTitle: string) => `【${planTitle}進捗状況シート①】`,
  titlePartTwo: (planTitle: string) => `【${planTitle}進捗状況シート②】`,
  itemNo: '小№',
  checkPeriod: '確認時期',
  theme: 'テーマ',
  initiative: '取組項目',
  item: '実践項目',
  departments: '担当部署',
  schedule: '工程表\n（予定含）',
  activities: '取組内容',
  activityYear: '年度',
  activityPlan: '【取組予定・今後の取組予定】',
  activityResult: '【取組結果・評価につながる活動指標(効果)】',
  selfEvaluation: '取組に対する自己評価',
  reasons: '【評価の理由】',
  total: '合計',
  grade: '総合評価',
  endedLead: '取組終了の場合記入 →',
  endedEra: '令和',
  endedYear: '年',
  endedMonth: '月取組終了',
  issues: '取組上の課題等',
  issueYear: '年度',
  issueProblem: '課題・問題点／今後の想定される課題等',
  issueSolution: '左記の解決方法',
  notes: '特記事項',
  notesHeading: '【上記のうち、特記すべき事項】',
  initiativeNo: '大№',
} as const;

/** Number of data columns (B…P) shared by the blocks; column A holds the row labels. */
export const DATA_COLUMNS = 15;
/** Column of the marker (Q), outside the print area. */
export const MARKER_COLUMN = 2 + DATA_COLUMNS;

/** A labelled cell whose text is checked when reading, to detect a damaged layout. */
export interface LabelCell {
  address: string;
  /** Merged range of the label (its top-left is `address`). */
  range: string;
  text: string;
}

/** The score cells of one year. */
export interface YearScoreCells {
  year: YearCode;
  column: number;
  scores: Record<Criterion, string>;
  total: string;
  grade: string;
}

/** The whole cell map of one sheet for a plan. */
export interface ProgressSheetLayout {
  columnWidths: number[];
  rowHeights: Record<number, number>;
  marker: string;
  titleOne: string;
  itemNo: string;
  checkPeriod: string;
  themeMarks: { numeral: string; label: LabelCell; mark: string; range: string }[];
  initiativeNo: string;
  initiativeName: string;
  itemName: string;
  departments: string;
  schedule: { year: YearCode; label: LabelCell; plan: string; status: string; range: string }[];
  activities: { index: number; number: string; year: string; plan: string; result: string }[];
  scores: YearScoreCells[];
  reasons: Record<Criterion | 'overall', string>;
  criterionLabels: Record<Criterion | 'total' | 'grade', LabelCell>;
  endedEraYear: string;
  endedMonth: string;
  titleTwo: string;
  partTwoItemNo: string;
  partTwoItemName: string;
  partTwoCheckPeriod: string;
  partTwoInitiativeNo: string;
  partTwoInitiativeName: string;
  issues: { year: YearCode; label: string; problem: string; solution: string }[];
  notes: string;
  /** Fixed label cells (checked on read). */
  labels: LabelCell[];
  /** Last row of part ① (a page break follows it) and of the sheet. */
  partOneLastRow: number;
  lastRow: number;
  /** What a reader loads: every cell of the form and the marker. */
  readRange: string;
  printArea: string;
  /** Print scale (%) at which each part fits one A4 portrait page. */
  printScale: number;
}

const LABEL_COLUMN_WIDTH = 11;
const DATA_COLUMN_WIDTH = 6.6;

/**
 * Builds the cell map of the 進捗状況シート for a plan.
 * @param plan - the plan (its themes and years shape the map)
 * @returns every address of the form
 * @throws PlanError when the plan has more themes or years than the form can hold
 */
export function progressSheetLayout(plan: Plan): ProgressSheetLayout {
  const themeCount = plan.themes.length;
  const years = plan.period;
  if (themeCount < 1 || themeCount > DATA_COLUMNS)
    throw new PlanError(`テーマは 1〜${DATA_COLUMNS} 個にしてください (現在 ${themeCount} 個)。`);
  if (years.length > 8) throw new PlanError(`計画期間は 8 年度までにしてください (現在 ${years.length} 年度)。`);

  const labels: LabelCell[] = [];
  const rowHeights: Record<number, number> = {};
  const label = (row: number, left: number, right: number, text: string, bottom = row): LabelCell => {
    const cell: LabelCell = {
      address: cellAddress(row, left),
      range: rangeAddress({ top: row, left, bottom, right }),
      text,
    };
    labels.push(cell);
    return cell;
  };
  const span = (row: number, left: number, right: number, bottom = row) =>
    rangeAddress({ top: row, left, bottom, right });
  const first = 2; // column B
  const last = first + DATA_COLUMNS - 1; // column P

  // Part ①: header
  rowHeights[1] = 26;
  const itemNo = cellAddress(1, 1);
  const titleOne = cellAddress(1, 2);
  label(1, 11, 12, LABELS.checkPeriod);
  const checkPeriod = cellAddress(1, 13);
  rowHeights[2] = 6;

  // テーマ (rows 3–4)
  label(3, 1, 1, LABELS.theme, 4);
  rowHeights[3] = 18;
  rowHeights[4] = 20;
  const themeMarks = splitColumns(first, DATA_COLUMNS, themeCount).map(([left, right], index) => ({
    numeral: plan.themes[index].numeral,
    label: label(3, left, right, plan.themes[index].label),
    mark: cellAddress(4, left),
    range: span(4, left, right),
  }));

  // 取組項目・実践項目・担当部署 (rows 5–7)
  label(5, 1, 1, LABELS.initiative);
  const initiativeNo = cellAddress(5, first);
  const initiativeName = cellAddress(5, first + 1);
  label(6, 1, 1, LABELS.item);
  const itemName = cellAddress(6, first);
  label(7, 1, 1, LABELS.departments);
  const departments = cellAddress(7, first);
  rowHeights[5] = 20;
  rowHeights[6] = 20;
  rowHeights[7] = 20;

  // 工程表 (rows 8–10)
  label(8, 1, 1, LABELS.schedule, 10);
  rowHeights[8] = 16;
  rowHeights[9] = 48;
  rowHeights[10] = 16;
  const schedule = splitColumns(first, DATA_COLUMNS, years.length).map(([left, right], index) => ({
    year: years[index],
    label: label(8, left, right, scheduleYearLabel(years[index])),
    plan: cellAddress(9, left),
    status: cellAddress(10, left),
    range: span(9, left, right),
  }));

  // 取組内容 (row 11 heading, rows 12–26)
  const activityTop = 11;
  label(activityTop, 1, 1, LABELS.activities, activityTop + ACTIVITY_ROWS);
  label(activityTop, 2, 3, LABELS.activityYear);
  label(activityTop, 4, 9, LABELS.activityPlan);
  label(activityTop, 10, last, LABELS.activityResult);
  rowHeights[activityTop] = 18;
  const activities = Array.from({ length: ACTIVITY_ROWS }, (_, index) => {
    const row = activityTop + 1 + index;
    rowHeights[row] = 25;
    return {
      index,
      year: cellAddress(row, 2),
      number: cellAddress(row, 3),
      plan: cellAddress(row, 4),
      result: cellAddress(row, 10),
    };
  });

  // 取組に対する自己評価 (heading + 4 criteria + 合計 + 総合評価)
  const evaluationTop = activityTop + ACTIVITY_ROWS + 1; // 27
  label(evaluationTop, 1, 3, LABELS.selfEvaluation);
  rowHeights[evaluationTop] = 18;
  const yearColumn = (index: number) => 4 + index;
  years.forEach((year, index) => label(evaluationTop, yearColumn(index), yearColumn(index), scoreYearLabel(year)));
  const reasonLeft = yearColumn(years.length);
  label(evaluationTop, reasonLeft, last, LABELS.reasons);
  const criterionRow = (index: number) => evaluationTop + 1 + index;
  const criterionLabels = {} as Record<Criterion | 'total' | 'grade', LabelCell>;
  const reasons = {} as Record<Criterion | 'overall', string>;
  CRITERIA.forEach((key, index) => {
    const row = criterionRow(index);
    rowHeights[row] = 34;
    criterionLabels[key] = label(row, 1, 3, plan.criteria[index].label);
    reasons[key] = cellAddress(row, reasonLeft);
  });
  const totalRow = criterionRow(CRITERIA.length);
  const gradeRow = totalRow + 1;
  rowHeights[totalRow] = 20;
  rowHeights[gradeRow] = 34;
  criterionLabels.total = label(totalRow, 1, 3, LABELS.total);
  criterionLabels.grade = label(gradeRow, 1, 3, LABELS.grade);
  reasons.overall = cellAddress(gradeRow, reasonLeft);
  const scores = years.map((year, index) => {
    const column = yearColumn(index);
    return {
      year,
      column,
      scores: Object.fromEntries(
        CRITERIA.map((key, criterion) => [key, cellAddress(criterionRow(criterion), column)]),
      ) as Record<Criterion, string>,
      total: cellAddress(totalRow, column),
      grade: cellAddress(gradeRow, column),
    };
  });

  // 取組終了
  const endedRow = gradeRow + 1;
  rowHeights[endedRow] = 22;
  label(endedRow, 1, 6, LABELS.endedLead);
  label(endedRow, 7, 7, LABELS.endedEra);
  const endedEraYear = cellAddress(endedRow, 8);
  label(endedRow, 9, 9, LABELS.endedYear);
  const endedMonth = cellAddress(endedRow, 10);
  label(endedRow, 11, 12, LABELS.endedMonth);
  const partOneLastRow = endedRow;

  // Part ②
  const two = partOneLastRow + 1;
  rowHeights[two] = 26;
  const titleTwo = cellAddress(two, 1);
  rowHeights[two + 1] = 6;
  const header = two + 2;
  rowHeights[header] = 20;
  label(header, 1, 1, LABELS.itemNo);
  const partTwoItemNo = cellAddress(header, 2);
  label(header, 3, 4, LABELS.item);
  const partTwoItemName = cellAddress(header, 5);
  label(header, 12, 13, LABELS.checkPeriod);
  const partTwoCheckPeriod = cellAddress(header, 14);
  rowHeights[header + 1] = 20;
  label(header + 1, 1, 1, LABELS.initiativeNo);
  const partTwoInitiativeNo = cellAddress(header + 1, 2);
  const partTwoInitiativeName = cellAddress(header + 1, 3);
  const issueTop = header + 2;
  rowHeights[issueTop] = 20;
  label(issueTop, 1, 1, LABELS.issues, issueTop + years.length);
  label(issueTop, 2, 2, LABELS.issueYear);
  label(issueTop, 3, 9, LABELS.issueProblem);
  label(issueTop, 10, last, LABELS.issueSolution);
  const issues = years.map((year, index) => {
    const row = issueTop + 1 + index;
    rowHeights[row] = 88;
    return { year, label: cellAddress(row, 2), problem: cellAddress(row, 3), solution: cellAddress(row, 10) };
  });
  const notesRow = issueTop + years.length + 1;
  label(notesRow, 1, 1, LABELS.notes, notesRow + 1);
  label(notesRow, 2, last, LABELS.notesHeading);
  rowHeights[notesRow] = 18;
  rowHeights[notesRow + 1] = 110;
  const notes = cellAddress(notesRow + 1, 2);
  const lastRow = notesRow + 1;

  const columnWidths = [LABEL_COLUMN_WIDTH, ...Array.from({ length: DATA_COLUMNS }, () => DATA_COLUMN_WIDTH), 4];
  return {
    columnWidths,
    rowHeights,
    marker: cellAddress(1, MARKER_COLUMN),
    titleOne,
    itemNo,
    checkPeriod,
    themeMarks,
    initiativeNo,
    initiativeName,
    itemName,
    departments,
    schedule,
    activities,
    scores,
    reasons,
    criterionLabels,
    endedEraYear,
    endedMonth,
    titleTwo,
    partTwoItemNo,
    partTwoItemName,
    partTwoCheckPeriod,
    partTwoInitiativeNo,
    partTwoInitiativeName,
    issues,
    notes,
    labels,
    partOneLastRow,
    lastRow,
    readRange: rangeAddress({ top: 1, left: 1, bottom: lastRow, right: MARKER_COLUMN }),
    printArea: rangeAddress({ top: 1, left: 1, bottom: lastRow, right: last }),
    printScale: printScaleFor(columnWidths.slice(0, last), rowHeights, partOneLastRow, lastRow),
  };
}

/** Label of a year's 工程表 column ("Ｒ２年度"). */
export function scheduleYearLabel(year: YearCode): string {
  return `${fullWidthYear(year)}年度`;
}

/** Label of a year's score column ("Ｒ２"). */
export function scoreYearLabel(year: YearCode): string {
  return fullWidthYear(year);
}

function fullWidthYear(year: YearCode): string {
  return year.replace(/[0-9A-Z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

/** A4 portrait printable area (points) inside the margins the writer sets. */
export const PRINTABLE_WIDTH_POINTS = 595 - 2 * 0.4 * 72;
export const PRINTABLE_HEIGHT_POINTS = 842 - 2 * 0.55 * 72;

/** The largest whole percentage at which both parts fit one page each (Excel: 7 px/char + 5 px). */
function printScaleFor(widths: number[], heights: Record<number, number>, partOneLast: number, last: number): number {
  const widthPoints = widths.reduce((sum, width) => sum + (Math.trunc(width * 7 + 5) * 3) / 4, 0);
  const rowsHeight = (from: number, to: number) => {
    let sum = 0;
    for (let row = from; row <= to; row++) sum += heights[row] ?? 15;
    return sum;
  };
  const tallest = Math.max(rowsHeight(1, partOneLast), rowsHeight(partOneLast + 1, last));
  // 0.97 leaves room for renderers whose font metrics differ a little from Excel's.
  const fit = Math.min(PRINTABLE_WIDTH_POINTS / widthPoints, PRINTABLE_HEIGHT_POINTS / tallest) * 0.97;
  return Math.max(10, Math.min(100, Math.floor(fit * 100)));
}
