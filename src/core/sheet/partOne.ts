/**
 * Part ① of the 進捗状況シート as blocks, one builder each, stacked top to bottom: header, テーマ,
 * 取組項目・実践項目・担当部署, 工程表, 取組内容, 自己評価 beside 評価の理由, and 取組終了. Columns: A holds
 * the row labels, B…P the data, Q the marker. A new block (say, targets and actuals per year) is
 * one more builder in `partOneBlocks`.
 */
import { rangeAddress, splitColumns } from '../address';
import { eraOf, yearLabel } from '../fiscalYear';
import type { FiscalYear, Plan } from '../plan';
import type { CellStyle } from '../sheetSpec';
import { BASE, COMPUTED, FIXED_TEXT, INPUT_CENTER, INPUT_TEXT, TITLE } from '../styles';
import { BlockBuilder } from './formCells';
import { ACTIVITY_ROWS, DATA_COLUMNS, LABELS, LAYOUT_MARKER, MARKER_COLUMN } from './formLabels';

const FIRST = 2; // column B
const LAST = FIRST + DATA_COLUMNS - 1; // column P
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮';
/** Style of the marker cells (column Q, hidden). */
export const MARKER_STYLE: CellStyle = { fontName: BASE.fontName, fontSize: 6, fontColor: '#BFBFBF' };
const SMALL_TEXT: CellStyle = { ...INPUT_TEXT, fontSize: 9 };
const CENTERED: CellStyle = { ...FIXED_TEXT, horizontal: 'center' };

/** What each builder gets: the plan, the row it starts at, and the row heights to fill. */
interface Place {
  plan: Plan;
  top: number;
  rowHeights: Record<number, number>;
}

/**
 * The blocks of part ① and the addresses the reader and writer name.
 * @param plan - the plan
 * @param rowHeights - filled with the part's row heights
 * @returns the blocks, the named addresses and the part's last row
 */
export function partOneBlocks(plan: Plan, rowHeights: Record<number, number>) {
  const at = (top: number): Place => ({ plan, top, rowHeights });
  const header = headerBlock(at(1));
  const themes = themesBlock(at(header.next));
  const identity = identityBlock(at(themes.next));
  const schedule = scheduleBlock(at(identity.next));
  const activities = activitiesBlock(at(schedule.next));
  const evaluation = evaluationBlocks(at(activities.next));
  const ended = endedBlock(at(evaluation.next));
  const parts = [header, themes, identity, schedule, activities, evaluation, ended];
  return {
    ...header.cells,
    ...themes.cells,
    ...identity.cells,
    ...schedule.cells,
    ...activities.cells,
    ...evaluation.cells,
    ...ended.cells,
    blocks: parts.flatMap((part) => part.blocks),
    partOneLastRow: ended.next - 1,
  };
}

/** Row 1: 小№, the title, 確認時期 and the marker; row 2 is a thin gap. */
function headerBlock({ plan, top, rowHeights }: Place) {
  const block = new BlockBuilder('header', 1);
  rowHeights[top] = 26;
  rowHeights[top + 1] = 6;
  const itemNo = block.cell(top, 1, 1, { kind: 'itemNo' }, { ...CENTERED, fontSize: 14, bold: true });
  const titleOne = block.label(top, 2, 10, LABELS.titlePartOne(plan.title), top, TITLE, 'title');
  block.label(top, 11, 12, LABELS.checkPeriod);
  const checkPeriod = block.cell(top, 13, LAST, { kind: 'checkYear' }, CENTERED);
  const marker = block.label(top, MARKER_COLUMN, MARKER_COLUMN, LAYOUT_MARKER, top, MARKER_STYLE);
  return { blocks: [block.build()], next: top + 2, cells: { itemNo, titleOne, checkPeriod, marker } };
}

/** The theme labels and a ○ under each theme of the item. */
function themesBlock({ plan, top, rowHeights }: Place) {
  const block = new BlockBuilder('themes', 1);
  rowHeights[top] = 18;
  rowHeights[top + 1] = 20;
  block.label(top, 1, 1, LABELS.theme, top + 1);
  const themeMarks = splitColumns(FIRST, DATA_COLUMNS, plan.themes.length).map(([left, right], index) => {
    const numeral = plan.themes[index].numeral;
    block.label(top, left, right, plan.themes[index].label);
    const mark = block.cell(top + 1, left, right, { kind: 'themeMark', numeral }, { ...CENTERED, fontSize: 12 });
    return { numeral, mark, range: rangeAddress({ top: top + 1, left, bottom: top + 1, right }) };
  });
  return { blocks: [block.build()], next: top + 2, cells: { themeMarks } };
}

/** 取組項目 (大№ and name), 実践項目, 担当部署. */
function identityBlock({ top, rowHeights }: Place) {
  const block = new BlockBuilder('identity', 1);
  for (const row of [top, top + 1, top + 2]) rowHeights[row] = 20;
  block.label(top, 1, 1, LABELS.initiative);
  const initiativeNo = block.cell(top, FIRST, FIRST, { kind: 'initiativeNo' }, CENTERED);
  const initiativeName = block.cell(top, FIRST + 1, LAST, { kind: 'initiativeName' }, FIXED_TEXT);
  block.label(top + 1, 1, 1, LABELS.item);
  const itemName = block.cell(top + 1, FIRST, LAST, { kind: 'itemName' }, { ...FIXED_TEXT, bold: true });
  block.label(top + 2, 1, 1, LABELS.departments);
  const departments = block.cell(top + 2, FIRST, LAST, { kind: 'departments' }, FIXED_TEXT);
  return {
    blocks: [block.build()],
    next: top + 3,
    cells: { initiativeNo, initiativeName, itemName, departments },
  };
}

/** 工程表: a column per year, its planned step and its status. */
function scheduleBlock({ plan, top, rowHeights }: Place) {
  const block = new BlockBuilder('schedule', 1);
  block.label(top, 1, 1, LABELS.schedule, top + 2);
  rowHeights[top] = 16;
  rowHeights[top + 1] = 48;
  rowHeights[top + 2] = 16;
  const schedule = splitColumns(FIRST, DATA_COLUMNS, plan.period.length).map(([left, right], index) => {
    const year = plan.period[index];
    block.label(top, left, right, scheduleYearLabel(year));
    return {
      year,
      plan: block.cell(top + 1, left, right, { kind: 'schedulePlan', year }, SMALL_TEXT),
      status: block.cell(top + 2, left, right, { kind: 'scheduleStatus', year }, { ...INPUT_CENTER, fontSize: 9 }),
    };
  });
  return { blocks: [block.build()], next: top + 3, cells: { schedule } };
}

/** 取組内容: a heading row, then ①…⑮ with their year, plan and result. */
function activitiesBlock({ top, rowHeights }: Place) {
  const block = new BlockBuilder('activities', 1);
  block.label(top, 1, 1, LABELS.activities, top + ACTIVITY_ROWS);
  block.label(top, 2, 3, LABELS.activityYear);
  block.label(top, 4, 9, LABELS.activityPlan);
  block.label(top, 10, LAST, LABELS.activityResult);
  rowHeights[top] = 18;
  const activities = Array.from({ length: ACTIVITY_ROWS }, (_, index) => {
    const row = top + 1 + index;
    rowHeights[row] = 25;
    return {
      index,
      year: block.cell(row, 2, 2, { kind: 'activityYear', index }, { ...INPUT_CENTER, fontSize: 9 }),
      number: block.label(row, 3, 3, CIRCLED[index], row, CENTERED),
      plan: block.cell(row, 4, 9, { kind: 'activityPlan', index }, SMALL_TEXT),
      result: block.cell(row, 10, LAST, { kind: 'activityResult', index }, SMALL_TEXT),
    };
  });
  return { blocks: [block.build()], next: top + ACTIVITY_ROWS + 1, cells: { activities } };
}

/**
 * 取組に対する自己評価 (a column per year: one row per criterion of the plan, 合計 or 平均, 総合評価)
 * and, beside it, 【評価の理由】: two blocks, so that 集計 reads the scores without the reasons. A plan
 * without criteria has only 総合評価; one whose grade is entered has it as an input.
 */
function evaluationBlocks({ plan, top, rowHeights }: Place) {
  const scoreBlock = new BlockBuilder('scores', 1);
  const reasonBlock = new BlockBuilder('reasons', 1);
  const { criteria, period: years } = plan;
  const entered = plan.scheme.itemGrade.kind === 'entered';
  const byAverage = plan.scheme.itemGrade.kind === 'bands' && plan.scheme.itemGrade.basis === 'average';
  const yearColumn = (index: number) => 4 + index;
  const reasonLeft = yearColumn(years.length);
  const criterionRow = (index: number) => top + 1 + index;
  const totalRow = criteria.length > 0 ? criterionRow(criteria.length) : null;
  const gradeRow = criterionRow(criteria.length) + (totalRow === null ? 0 : 1);
  rowHeights[top] = 18;
  if (totalRow !== null) rowHeights[totalRow] = 20;
  rowHeights[gradeRow] = criteria.length === 0 ? 68 : 34;

  scoreBlock.label(top, 1, 3, LABELS.selfEvaluation);
  years.forEach((year, index) => scoreBlock.label(top, yearColumn(index), yearColumn(index), scoreYearLabel(year)));
  // Many criteria share the height four had, so that the part still prints on one page.
  const criterionHeight = Math.max(20, Math.min(34, Math.floor(170 / Math.max(criteria.length, 1))));
  criteria.forEach((criterion, index) => {
    rowHeights[criterionRow(index)] = criterionHeight;
    scoreBlock.label(criterionRow(index), 1, 3, criterion.label);
  });
  if (totalRow !== null) scoreBlock.label(totalRow, 1, 3, byAverage ? LABELS.average : LABELS.total);
  scoreBlock.label(gradeRow, 1, 3, LABELS.grade);
  const totalStyle = byAverage ? { ...COMPUTED, numberFormat: '0.0' } : COMPUTED;
  const scores = years.map((year, index) => {
    const column = yearColumn(index);
    const cells: Record<string, string> = {};
    criteria.forEach(({ key }, criterion) => {
      cells[key] = scoreBlock.cell(
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
      scores: cells,
      total: totalRow === null ? null : scoreBlock.cell(totalRow, column, column, { kind: 'total', year }, totalStyle),
      grade: entered
        ? scoreBlock.cell(gradeRow, column, column, { kind: 'enteredGrade', year }, INPUT_CENTER)
        : scoreBlock.cell(gradeRow, column, column, { kind: 'grade', year }, COMPUTED),
    };
  });

  reasonBlock.label(top, reasonLeft, LAST, LABELS.reasons);
  const note = { ...FIXED_TEXT, fontColor: '#808080', fontSize: 8 };
  if (totalRow !== null)
    reasonBlock.label(
      totalRow,
      reasonLeft,
      LAST,
      LABELS.totalNote(byAverage ? LABELS.average : LABELS.total, !entered),
      totalRow,
      note,
    );
  const reasons: Record<string, string> = {};
  criteria.forEach(({ key }, index) => {
    reasons[key] = reasonBlock.cell(criterionRow(index), reasonLeft, LAST, { kind: 'reason', key }, SMALL_TEXT);
  });
  reasons.overall = reasonBlock.cell(gradeRow, reasonLeft, LAST, { kind: 'reason', key: 'overall' }, SMALL_TEXT);
  return { blocks: [scoreBlock.build(), reasonBlock.build()], next: gradeRow + 1, cells: { scores, reasons } };
}

/** 取組終了の場合記入 → 令和 [年] 年 [月] 月取組終了 (the era of the plan's last year). */
function endedBlock({ plan, top, rowHeights }: Place) {
  const block = new BlockBuilder('ended', 1);
  rowHeights[top] = 22;
  const endedEra = eraOf(plan.period[plan.period.length - 1]);
  block.label(top, 1, 6, LABELS.endedLead);
  block.label(top, 7, 7, endedEra.name);
  const endedEraYear = block.cell(top, 8, 8, { kind: 'endedYear' }, INPUT_CENTER);
  block.label(top, 9, 9, LABELS.endedYear);
  const endedMonth = block.cell(top, 10, 10, { kind: 'endedMonth' }, INPUT_CENTER);
  block.label(top, 11, 12, LABELS.endedMonth);
  return { blocks: [block.build()], next: top + 1, cells: { endedEra, endedEraYear, endedMonth } };
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
