/**
 * Part ② of the 進捗状況シート as blocks: its header (小№, 実践項目, 確認時期, 大№), 取組上の課題等
 * (one row per year) and 特記事項, closed by the end marker in column Q.
 */
import { yearLabel } from '../fiscalYear';
import type { Plan } from '../plan';
import { FIXED_TEXT, INPUT_TEXT, LABEL, TITLE } from '../styles';
import { BlockBuilder, type FormBlock } from './formCells';
import { DATA_COLUMNS, LABELS, LAYOUT_END_MARKER, MARKER_COLUMN } from './formLabels';
import { MARKER_STYLE } from './partOne';

const LAST = 1 + DATA_COLUMNS; // column P

/**
 * The blocks of part ② and the addresses the reader and writer name.
 * @param plan - the plan
 * @param rowHeights - filled with the part's row heights
 * @param top - the part's first row (after part ①'s page break)
 * @returns the blocks and named addresses
 */
export function partTwoBlocks(plan: Plan, rowHeights: Record<number, number>, top: number) {
  const years = plan.period;
  const blocks: FormBlock[] = [];
  const centered = { ...FIXED_TEXT, horizontal: 'center' as const };

  // Header: title, a thin gap, 小№・実践項目・確認時期, 大№ and 取組項目
  const header = new BlockBuilder('partTwoHeader', 2);
  rowHeights[top] = 26;
  const titleTwo = header.label(top, 1, LAST, LABELS.titlePartTwo(plan.title), top, TITLE, 'title');
  rowHeights[top + 1] = 6;
  const row = top + 2;
  rowHeights[row] = 20;
  header.label(row, 1, 1, LABELS.itemNo);
  const partTwoItemNo = header.cell(row, 2, 2, { kind: 'itemNo' }, centered);
  header.label(row, 3, 4, LABELS.item);
  const partTwoItemName = header.cell(row, 5, 11, { kind: 'itemName' }, FIXED_TEXT);
  header.label(row, 12, 13, LABELS.checkPeriod);
  const partTwoCheckPeriod = header.cell(row, 14, LAST, { kind: 'checkYear' }, centered);
  rowHeights[row + 1] = 20;
  header.label(row + 1, 1, 1, LABELS.initiativeNo);
  const partTwoInitiativeNo = header.cell(row + 1, 2, 2, { kind: 'initiativeNo' }, centered);
  const partTwoInitiativeName = header.cell(row + 1, 3, LAST, { kind: 'initiativeName' }, FIXED_TEXT);
  blocks.push(header.build());

  // 取組上の課題等: heading row, then one row per year
  const issueTop = row + 2;
  const issueBlock = new BlockBuilder('issues', 2);
  rowHeights[issueTop] = 20;
  issueBlock.label(issueTop, 1, 1, LABELS.issues, issueTop + years.length);
  issueBlock.label(issueTop, 2, 2, LABELS.issueYear);
  issueBlock.label(issueTop, 3, 9, LABELS.issueProblem);
  issueBlock.label(issueTop, 10, LAST, LABELS.issueSolution);
  const text = { ...INPUT_TEXT, fontSize: 9 };
  const issues = years.map((year, index) => {
    const issueRow = issueTop + 1 + index;
    rowHeights[issueRow] = 88;
    return {
      year,
      label: issueBlock.label(issueRow, 2, 2, yearLabel(year), issueRow, LABEL),
      problem: issueBlock.cell(issueRow, 3, 9, { kind: 'issueProblem', year }, text),
      solution: issueBlock.cell(issueRow, 10, LAST, { kind: 'issueSolution', year }, text),
    };
  });
  blocks.push(issueBlock.build());

  // 特記事項: heading and text, and the end marker on the last row
  const notesRow = issueTop + years.length + 1;
  const notesBlock = new BlockBuilder('notes', 2);
  notesBlock.label(notesRow, 1, 1, LABELS.notes, notesRow + 1);
  notesBlock.label(notesRow, 2, LAST, LABELS.notesHeading);
  rowHeights[notesRow] = 18;
  rowHeights[notesRow + 1] = 110;
  const notes = notesBlock.cell(notesRow + 1, 2, LAST, { kind: 'notes' }, text);
  const endMarker = notesBlock.label(
    notesRow + 1,
    MARKER_COLUMN,
    MARKER_COLUMN,
    LAYOUT_END_MARKER,
    notesRow + 1,
    MARKER_STYLE,
  );
  blocks.push(notesBlock.build());

  return {
    blocks,
    titleTwo,
    partTwoItemNo,
    partTwoItemName,
    partTwoCheckPeriod,
    partTwoInitiativeNo,
    partTwoInitiativeName,
    issues,
    notes,
    endMarker,
    lastRow: notesRow + 1,
  };
}
