/**
 * The layout check of the strict reader: each block of the form is found by its own labels at the
 * place the cell map gives, or the sheet is refused with the first cell that differs. There is no
 * tolerance: a row or column inserted or deleted moves the labels after it, and reading fixed
 * addresses past it would put text into the wrong year, so such a sheet is never read. Resizing
 * rows and columns, and editing the input cells, leave every label in place and are fine.
 */
import { cellAddress, columnLetters, parseCell } from '../address';
import { normalizeInput } from '../japanese';
import { problem, type Problem } from '../problems';
import type { CellGrid } from './cellGrid';
import type { FormBlock, LabelCell } from './formCells';

/** How far the check looks for a moved label to say whether rows or columns were inserted or deleted. */
const SEARCH_DISTANCE = 10;

/** The form's words for the blocks, in messages. */
const BLOCK_NAMES: Record<FormBlock['key'], string> = {
  header: '①の見出し',
  themes: 'テーマ',
  identity: '取組項目・実践項目・担当部署',
  schedule: '工程表',
  activities: '取組内容',
  scores: '自己評価',
  reasons: '評価の理由',
  ended: '取組終了',
  partTwoHeader: '②の見出し',
  targets: '目標・実績',
  cost: '事業費',
  issues: '取組上の課題等',
  notes: '特記事項',
};

/**
 * Checks that every label of the given blocks is where the cell map puts it.
 * @param blocks - the blocks the reader is about to read
 * @param grid - the cells read (they must cover the blocks)
 * @returns null when every block is in place, else one layout-damaged problem at the first cell that differs
 */
export function checkLayout(blocks: readonly FormBlock[], grid: CellGrid): Problem | null {
  for (const block of blocks) {
    const moved = block.labels.find((label) => !labelMatches(label, grid.text(label.address)));
    if (moved) return damaged(block, moved, grid, blocks);
  }
  return null;
}

/**
 * Whether a text read is the label (spaces and character width ignored; a title only by its end,
 * since the plan's title may have changed).
 * @param label - the label of the map
 * @param text - what the cell holds
 * @returns true when they match
 */
export function labelMatches(label: LabelCell, text: string): boolean {
  if (text === label.text) return true; // the usual case, without normalising
  const expected = squash(label.text);
  const found = squash(text);
  return label.field.match === 'title'
    ? found.endsWith(expected.slice(expected.lastIndexOf('進捗状況シート')))
    : found === expected;
}

function damaged(block: FormBlock, label: LabelCell, grid: CellGrid, blocks: readonly FormBlock[]): Problem {
  const found = grid.text(label.address);
  const shift = findShift(label, grid) ?? shiftOfLabelFound(label, found, blocks);
  const what = label.text.replace(/\n/g, '');
  const where = shift ? `${shift}。` : '';
  const expected = what.startsWith('shinchoku:')
    ? `非表示の列 ${columnLetters(parseCell(label.address).column)} の目印「${what}」`
    : `「${what.length > 40 ? `${what.slice(0, 40)}…` : what}」`;
  return problem(
    'layout-damaged',
    { sheet: grid.sheet, cell: label.address },
    `シートのレイアウトが崩れています（${BLOCK_NAMES[block.key]}: セル ${label.address} は${expected}のはずが「${found || '空欄'}」です）。${where}このシートは読み取りません。`,
    '行・列の挿入や削除を元に戻してください（行の高さ・列の幅の変更は問題ありません）。戻せない場合は「シート作成」で作り直し、入力内容を移してください。',
  );
}

/** Where the label went, if it is found nearby: "12 行目の上に 1 行挿入されたようです". */
function findShift(label: LabelCell, grid: CellGrid): string | null {
  const { row, column } = parseCell(label.address);
  for (let distance = 1; distance <= SEARCH_DISTANCE; distance++) {
    for (const [dRow, dColumn] of [
      [distance, 0],
      [-distance, 0],
      [0, distance],
      [0, -distance],
    ]) {
      const target = { row: row + dRow, column: column + dColumn };
      if (target.row < 1 || target.column < 1) continue;
      const address = cellAddress(target.row, target.column);
      if (!grid.has(address) || !labelMatches(label, grid.text(address))) continue;
      return dRow !== 0 ? describeShift(row, dRow, 'row') : describeShift(column, dColumn, 'column');
    }
  }
  return null;
}

/** Whose label sits in the cell instead, and how far it moved: "45 行目より上で 1 行削除されたようです". */
function shiftOfLabelFound(label: LabelCell, found: string, blocks: readonly FormBlock[]): string | null {
  if (found === '') return null;
  const at = parseCell(label.address);
  for (const other of blocks.flatMap((block) => block.labels)) {
    if (other === label || !labelMatches(other, found)) continue;
    const home = parseCell(other.address);
    if (home.column === at.column && home.row !== at.row) return describeShift(home.row, at.row - home.row, 'row');
    if (home.row === at.row && home.column !== at.column)
      return describeShift(home.column, at.column - home.column, 'column');
  }
  return null;
}

function describeShift(from: number, by: number, direction: 'row' | 'column'): string {
  if (direction === 'row')
    return by > 0
      ? `${from} 行目より上に ${by} 行挿入されたようです`
      : `${from} 行目より上で ${-by} 行削除されたようです`;
  const column = columnLetters(from);
  return by > 0
    ? `${column} 列より左に ${by} 列挿入されたようです`
    : `${column} 列より左で ${-by} 列削除されたようです`;
}

function squash(text: string): string {
  return normalizeInput(text).replace(/\s+/g, '');
}
