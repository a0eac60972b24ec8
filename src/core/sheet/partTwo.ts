/**
 * Part ② of the 進捗状況シート as blocks: its header (小№, 実践項目, 確認時期, 大№), 取組上の課題等
 * (one row per year) and 特記事項, closed by the end marker in column Q.
 */
import { yearLabel } from '../fiscalYear';
import type { Plan } from '../plan';
import { FIXED_TEXT, INPUT_TEXT, LABEL, TITLE } from '../styles';
import { BlockBuilder, type FormBlock } from './formCells';
import { DATA_COLUMNS, LABELS, LAYOUT_END_MARKER, MARKER_COLUMN } from './formLabels';
import { costBlock, targetsBlock } from './optionalBlocks';
import { MARKER_STYLE } from './partOne';

const LAST = 1 + DATA_COLUMNS; // column P
const TEXT = { ...INPUT_TEXT, fontSize: 9 };

/**
 * The blocks of part ② and the addresses the reader and writer name.
 * @param plan - the plan
 * @param rowHeights - filled with the part's row heights
 * @param top - the part's first row (after part ①'s page break)
 * @returns the blocks, the named addresses and the sheet's last row
 */
export function partTwoBlocks(plan: Plan, rowHeights: Record<number, number>, top: number) {
  const header = headerBlock(plan, rowHeights, top);
  const targets = targetsBlock(plan, rowHeights, header.next);
  const cost = costBlock(plan, rowHeights, targets.next);
  // The optional blocks take room from the issue rows, so that part ② stays one page.
  const issueHeight = targets.block || cost.block ? 60 : 88;
  const issues = issuesBlock(plan, rowHeights, cost.next, issueHeight);
  const notes = notesBlock(rowHeights, issues.next);
  return {
    ...header.cells,
    indicators: targets.indicators,
    cost: cost.cost,
    ...issues.cells,
    ...notes.cells,
    blocks: [header.block, targets.block, cost.block, issues.block, notes.block].filter(
      (block): block is FormBlock => block !== null,
    ),
    lastRow: notes.next - 1,
  };
}

/** The title, a thin gap, 小№・実践項目・確認時期, then 大№ and 取組項目. */
function headerBlock(plan: Plan, rowHeights: Record<number, number>, top: number) {
  const block = new BlockBuilder('partTwoHeader', 2);
  const centered = { ...FIXED_TEXT, horizontal: 'center' as const };
  rowHeights[top] = 26;
  rowHeights[top + 1] = 6;
  rowHeights[top + 2] = 20;
  rowHeights[top + 3] = 20;
  const titleTwo = block.label(top, 1, LAST, LABELS.titlePartTwo(plan.title), top, TITLE, 'title');
  const row = top + 2;
  block.label(row, 1, 1, LABELS.itemNo);
  const partTwoItemNo = block.cell(row, 2, 2, { kind: 'itemNo' }, centered);
  block.label(row, 3, 4, LABELS.item);
  const partTwoItemName = block.cell(row, 5, 11, { kind: 'itemName' }, FIXED_TEXT);
  block.label(row, 12, 13, LABELS.checkPeriod);
  const partTwoCheckPeriod = block.cell(row, 14, LAST, { kind: 'checkYear' }, centered);
  block.label(row + 1, 1, 1, LABELS.initiativeNo);
  const partTwoInitiativeNo = block.cell(row + 1, 2, 2, { kind: 'initiativeNo' }, centered);
  const partTwoInitiativeName = block.cell(row + 1, 3, LAST, { kind: 'initiativeName' }, FIXED_TEXT);
  return {
    block: block.build(),
    next: top + 4,
    cells: { titleTwo, partTwoItemNo, partTwoItemName, partTwoCheckPeriod, partTwoInitiativeNo, partTwoInitiativeName },
  };
}

/** 取組上の課題等: a heading row, then one row per year (its label, 課題 and 解決方法). */
function issuesBlock(plan: Plan, rowHeights: Record<number, number>, top: number, height: number) {
  const block = new BlockBuilder('issues', 2);
  const years = plan.period;
  rowHeights[top] = 20;
  block.label(top, 1, 1, LABELS.issues, top + years.length);
  block.label(top, 2, 2, LABELS.issueYear);
  block.label(top, 3, 9, LABELS.issueProblem);
  block.label(top, 10, LAST, LABELS.issueSolution);
  const issues = years.map((year, index) => {
    const row = top + 1 + index;
    rowHeights[row] = height;
    return {
      year,
      label: block.label(row, 2, 2, yearLabel(year), row, LABEL),
      problem: block.cell(row, 3, 9, { kind: 'issueProblem', year }, TEXT),
      solution: block.cell(row, 10, LAST, { kind: 'issueSolution', year }, TEXT),
    };
  });
  return { block: block.build(), next: top + years.length + 1, cells: { issues } };
}

/** 特記事項: its heading and text, and the end marker in column Q on the form's last row. */
function notesBlock(rowHeights: Record<number, number>, top: number) {
  const block = new BlockBuilder('notes', 2);
  rowHeights[top] = 18;
  rowHeights[top + 1] = 110;
  block.label(top, 1, 1, LABELS.notes, top + 1);
  block.label(top, 2, LAST, LABELS.notesHeading);
  const notes = block.cell(top + 1, 2, LAST, { kind: 'notes' }, TEXT);
  const endMarker = block.label(top + 1, MARKER_COLUMN, MARKER_COLUMN, LAYOUT_END_MARKER, top + 1, MARKER_STYLE);
  return { block: block.build(), next: top + 2, cells: { notes, endMarker } };
}
