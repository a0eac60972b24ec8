/**
 * Part ① of the 進捗状況シート as blocks: header, テーマ, 取組項目・実践項目・担当部署, 工程表, 取組内容,
 * 自己評価, 評価の理由 and 取組終了. Columns: A holds the row labels, B…P the data, Q the marker.
 */
import { rangeAddress, splitColumns } from '../address';
import { eraOf, yearLabel, type Era } from '../fiscalYear';
import type { Criterion, FiscalYear, Plan } from '../plan';
import { BASE, COMPUTED, FIXED_TEXT, INPUT_CENTER, INPUT_TEXT, TITLE } from '../styles';
import { BlockBuilder, type FormBlock } from './formCells';
import { ACTIVITY_ROWS, DATA_COLUMNS, LABELS, LAYOUT_MARKER, MARKER_COLUMN } from './formLabels';

const FIRST = 2; // column B
const LAST = FIRST + DATA_COLUMNS - 1; // column P
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮';
/** Style of the marker cells (column Q, hidden). */
export const MARKER_STYLE = { fontName: BASE.fontName, fontSize: 6, fontColor: '#BFBFBF' };

/** The cells of one year's 自己評価 column. */
interface YearCells {
  year: FiscalYear;
  column: number;
  scores: Record<Criterion, string>;
  total: string;
  grade: string;
}

/**
 * The blocks of part ① and the addresses the reader and writer name.
 * @param plan - the plan
 * @param rowHeights - filled with the part's row heights
 * @returns the blocks and named addresses
 */
export function partOneBlocks(plan: Plan, rowHeights: Record<number, number>) {
  const years = plan.period;
  const blocks: FormBlock[] = [];

  // Header (row 1; row 2 is a thin gap)
  const header = new BlockBuilder('header', 1);
  rowHeights[1] = 26;
  rowHeights[2] = 6;
  const itemNo = header.cell(
    1,
    1,
    1,
    { kind: 'itemNo' },
    { ...FIXED_TEXT, horizontal: 'center', fontSize: 14, bold: true },
  );
  const titleOne = header.label(1, 2, 10, LABELS.titlePartOne(plan.title), 1, TITLE, 'title');
  header.label(1, 11, 12, LABELS.checkPeriod);
  const checkPeriod = header.cell(1, 13, LAST, { kind: 'checkYear' }, { ...FIXED_TEXT, horizontal: 'center' });
  const marker = header.label(1, MARKER_COLUMN, MARKER_COLUMN, LAYOUT_MARKER, 1, MARKER_STYLE);
  blocks.push(header.build());

  // テーマ (rows 3–4)
  const themes = new BlockBuilder('themes', 1);
  rowHeights[3] = 18;
  rowHeights[4] = 20;
  themes.label(3, 1, 1, LABELS.theme, 4);
  const themeMarks = splitColumns(FIRST, DATA_COLUMNS, plan.themes.length).map(([left, right], index) => {
    const numeral = plan.themes[index].numeral;
    themes.label(3, left, right, plan.themes[index].label);
    const mark = themes.cell(
      4,
      left,
      right,
      { kind: 'themeMark', numeral },
      { ...FIXED_TEXT, horizontal: 'center', fontSize: 12 },
    );
    return { numeral, mark, range: rangeAddress({ top: 4, left, bottom: 4, right }) };
  });
  blocks.push(themes.build());

  // 取組項目・実践項目・担当部署 (rows 5–7)
  const identity = new BlockBuilder('identity', 1);
  identity.label(5, 1, 1, LABELS.initiative);
  const initiativeNo = identity.cell(
    5,
    FIRST,
    FIRST,
    { kind: 'initiativeNo' },
    { ...FIXED_TEXT, horizontal: 'center' },
  );
  const initiativeName = identity.cell(5, FIRST + 1, LAST, { kind: 'initiativeName' }, FIXED_TEXT);
  identity.label(6, 1, 1, LABELS.item);
  const itemName = identity.cell(6, FIRST, LAST, { kind: 'itemName' }, { ...FIXED_TEXT, bold: true });
  identity.label(7, 1, 1, LABELS.departments);
  const departments = identity.cell(7, FIRST, LAST, { kind: 'departments' }, FIXED_TEXT);
  for (const row of [5, 6, 7]) rowHeights[row] = 20;
  blocks.push(identity.build());

  // 工程表 (rows 8–10)
  const scheduleBlock = new BlockBuilder('schedule', 1);
  scheduleBlock.label(8, 1, 1, LABELS.schedule, 10);
  rowHeights[8] = 16;
  rowHeights[9] = 48;
  rowHeights[10] = 16;
  const schedule = splitColumns(FIRST, DATA_COLUMNS, years.length).map(([left, right], index) => {
    const year = years[index];
    scheduleBlock.label(8, left, right, scheduleYearLabel(year));
    return {
      year,
      plan: scheduleBlock.cell(9, left, right, { kind: 'schedulePlan', year }, { ...INPUT_TEXT, fontSize: 9 }),
      status: scheduleBlock.cell(10, left, right, { kind: 'scheduleStatus', year }, { ...INPUT_CENTER, fontSize: 9 }),
    };
  });
  blocks.push(scheduleBlock.build());

  // 取組内容 (row 11 heading, rows 12–26)
  const activityTop = 11;
  const activityBlock = new BlockBuilder('activities', 1);
  activityBlock.label(activityTop, 1, 1, LABELS.activities, activityTop + ACTIVITY_ROWS);
  activityBlock.label(activityTop, 2, 3, LABELS.activityYear);
  activityBlock.label(activityTop, 4, 9, LABELS.activityPlan);
  activityBlock.label(activityTop, 10, LAST, LABELS.activityResult);
  rowHeights[activityTop] = 18;
  const activities = Array.from({ length: ACTIVITY_ROWS }, (_, index) => {
    const row = activityTop + 1 + index;
    rowHeights[row] = 25;
    return {
      index,
      year: activityBlock.cell(row, 2, 2, { kind: 'activityYear', index }, { ...INPUT_CENTER, fontSize: 9 }),
      number: activityBlock.label(row, 3, 3, CIRCLED[index], row, { ...FIXED_TEXT, horizontal: 'center' }),
      plan: activityBlock.cell(row, 4, 9, { kind: 'activityPlan', index }, { ...INPUT_TEXT, fontSize: 9 }),
      result: activityBlock.cell(row, 10, LAST, { kind: 'activityResult', index }, { ...INPUT_TEXT, fontSize: 9 }),
    };
  });
  blocks.push(activityBlock.build());

  // 取組に対する自己評価 (heading, one row per criterion, 合計, 総合評価) and 【評価の理由】 beside it
  const evaluationTop = activityTop + ACTIVITY_ROWS + 1;
  const scoreBlock = new BlockBuilder('scores', 1);
  const reasonBlock = new BlockBuilder('reasons', 1);
  scoreBlock.label(evaluationTop, 1, 3, LABELS.selfEvaluation);
  rowHeights[evaluationTop] = 18;
  const yearColumn = (index: number) => 4 + index;
  const reasonLeft = yearColumn(years.length);
  years.forEach((year, index) =>
    scoreBlock.label(evaluationTop, yearColumn(index), yearColumn(index), scoreYearLabel(year)),
  );
  reasonBlock.label(evaluationTop, reasonLeft, LAST, LABELS.reasons);
  const criterionRow = (index: number) => evaluationTop + 1 + index;
  const reasonStyle = { ...INPUT_TEXT, fontSize: 9 };
  const reasons = {} as Record<Criterion | 'overall', string>;
  plan.criteria.forEach((criterion, index) => {
    const row = criterionRow(index);
    rowHeights[row] = 34;
    scoreBlock.label(row, 1, 3, criterion.label);
    reasons[criterion.key] = reasonBlock.cell(
      row,
      reasonLeft,
      LAST,
      { kind: 'reason', key: criterion.key },
      reasonStyle,
    );
  });
  const totalRow = criterionRow(plan.criteria.length);
  const gradeRow = totalRow + 1;
  rowHeights[totalRow] = 20;
  rowHeights[gradeRow] = 34;
  scoreBlock.label(totalRow, 1, 3, LABELS.total);
  scoreBlock.label(gradeRow, 1, 3, LABELS.grade);
  reasonBlock.label(totalRow, reasonLeft, LAST, LABELS.totalNote, totalRow, {
    ...FIXED_TEXT,
    fontColor: '#808080',
    fontSize: 8,
  });
  reasons.overall = reasonBlock.cell(gradeRow, reasonLeft, LAST, { kind: 'reason', key: 'overall' }, reasonStyle);
  const scores: YearCells[] = years.map((year, index) => {
    const column = yearColumn(index);
    const scoreCells = {} as Record<Criterion, string>;
    plan.criteria.forEach(({ key }, criterion) => {
      scoreCells[key] = scoreBlock.cell(
        criterionRow(criterion),
        column,
        column,
        { kind: 'score', year, criterion: key },
        INPUT_CENTER,
      );
    });
    return {
      year,
      column,
      scores: scoreCells,
      total: scoreBlock.cell(totalRow, column, column, { kind: 'total', year }, COMPUTED),
      grade: scoreBlock.cell(gradeRow, column, column, { kind: 'grade', year }, COMPUTED),
    };
  });
  blocks.push(scoreBlock.build(), reasonBlock.build());

  // 取組終了: 令和 [年] 年 [月] 月取組終了
  const endedRow = gradeRow + 1;
  rowHeights[endedRow] = 22;
  const endedEra: Era = eraOf(years[years.length - 1]);
  const ended = new BlockBuilder('ended', 1);
  ended.label(endedRow, 1, 6, LABELS.endedLead);
  ended.label(endedRow, 7, 7, endedEra.name);
  const endedEraYear = ended.cell(endedRow, 8, 8, { kind: 'endedYear' }, INPUT_CENTER);
  ended.label(endedRow, 9, 9, LABELS.endedYear);
  const endedMonth = ended.cell(endedRow, 10, 10, { kind: 'endedMonth' }, INPUT_CENTER);
  ended.label(endedRow, 11, 12, LABELS.endedMonth);
  blocks.push(ended.build());

  return {
    blocks,
    marker,
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
    endedEra,
    endedEraYear,
    endedMonth,
    partOneLastRow: endedRow,
  };
}

/**
 * Label of a year's 工程表 column ("Ｒ２年度", "Ｒ元年度").
 * @param year - a fiscal year
 * @returns the label
 */
export function scheduleYearLabel(year: FiscalYear): string {
  return `${yearLabel(year)}年度`;
}

/**
 * Label of a year's score column ("Ｒ２").
 * @param year - a fiscal year
 * @returns the label
 */
export function scoreYearLabel(year: FiscalYear): string {
  return yearLabel(year);
}
