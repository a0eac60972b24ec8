/**
 * Writes a 進捗状況シート (parts ① and ②) as a SheetSpec: every cell of the one cell map with its
 * range, style and value, then the owned 合計 and 総合評価 formulas.
 */
import { completeScores } from '../evaluation';
import type { ItemCode, Plan } from '../plan';
import { itemGrade, itemTotal, SCORE_MAX, SCORE_MIN } from '../rules';
import { toFullWidth } from '../japanese';
import type { CellWrite, RangeFormat, SheetSpec } from '../sheetSpec';
import { BASE } from '../styles';
import type { ProgressSheetData } from './progressSheetData';
import {
  MARKER_COLUMN,
  progressSheetLayout,
  type ProgressSheetLayout,
  type YearScoreCells,
} from './progressSheetLayout';
import { fitForm } from './fitForm';
import { fieldValue } from './sheetFields';

export { THEME_MARK } from './sheetFields';
export { SCORE_CHOICES } from './formLabels';

/**
 * The sheet name of an item: its 小№ and name, shortened to Excel's 31 characters.
 * @param itemNo - 小№
 * @param itemName - 実践項目 name
 * @returns a legal, unique-per-item sheet name
 */
export function progressSheetName(itemNo: ItemCode, itemName: string): string {
  const clean = `${itemNo} ${itemName}`.replace(/[[\]:*?/\\]/g, '・').replace(/^'+|'+$/g, '');
  return clean.slice(0, 31).trim();
}

/**
 * The Excel formula (without "=") of a year's 合計: the sum once all four scores are numbers from
 * 0 to 3 (a score out of range leaves it blank, as the check reports it, rather than a wrong total).
 * @param cells - the year's score cells
 * @returns the formula text
 */
export function totalFormula(cells: YearScoreCells): string {
  const range = `${cells.scores.progress}:${cells.scores.creativity}`;
  return `IF(AND(COUNT(${range})=4,MIN(${range})>=${SCORE_MIN},MAX(${range})<=${SCORE_MAX}),SUM(${range}),"")`;
}

/**
 * The Excel formula (without "=") of a year's 総合評価 (rule 3.1 with the 進捗度 gate).
 * @param cells - the year's score cells
 * @returns the formula text
 */
export function gradeFormula(cells: YearScoreCells): string {
  const total = cells.total;
  return `IF(${total}="","",IF(AND(${total}>=10,${cells.scores.progress}>=2),"Ａ",IF(${total}>=8,"Ｂ",IF(${total}>=5,"Ｃ","Ｄ"))))`;
}

/**
 * The 合計 and 総合評価 cells of every year, as formulas with their computed values.
 * @param layout - the cell map
 * @param scores - the sheet's scores
 * @returns the cells the product owns on an item sheet
 */
export function computedCells(layout: ProgressSheetLayout, scores: ProgressSheetData['scores']): CellWrite[] {
  return layout.scores.flatMap((cells) => {
    const complete = completeScores(scores[cells.year] ?? {});
    return [
      { address: cells.total, formula: totalFormula(cells), value: complete ? itemTotal(complete) : '' },
      { address: cells.grade, formula: gradeFormula(cells), value: complete ? toFullWidth(itemGrade(complete)) : '' },
    ];
  });
}

/**
 * The whole 進捗状況シート of one item.
 * @param plan - the plan the sheet belongs to
 * @param data - the sheet's content
 * @param name - the sheet name (default: progressSheetName)
 * @returns the sheet as data
 */
export function writeProgressSheet(
  plan: Plan,
  data: ProgressSheetData,
  name = progressSheetName(data.itemNo, data.itemName),
): SheetSpec {
  const layout = progressSheetLayout(plan);
  const cells: CellWrite[] = [];
  const formats: RangeFormat[] = [{ address: layout.printArea, style: BASE, merge: false }];
  for (const block of layout.blocks) {
    for (const cell of block.cells) {
      formats.push({ address: cell.range, style: cell.style, merge: cell.range.includes(':') });
      const value = fieldValue(cell.field, data, layout);
      if (value !== null && value !== '') cells.push({ address: cell.address, value });
    }
  }
  cells.push(...computedCells(layout, data.scores));
  formats.push(...layout.frames);
  const written: SheetSpec = {
    name,
    columnWidths: layout.columnWidths,
    // The marker column stays out of sight so that nobody edits or deletes it by mistake.
    hiddenColumns: [MARKER_COLUMN],
    rowHeights: layout.rowHeights,
    cells,
    formats,
    validations: layout.validations,
    page: {
      paperSize: 'A4',
      orientation: 'portrait',
      scale: layout.printScale,
      printArea: layout.printArea,
      rowBreaks: [layout.partOneLastRow],
      margins: { left: 0.4, right: 0.4, top: 0.55, bottom: 0.55, header: 0.25, footer: 0.25 },
      centerHorizontally: true,
    },
    showGridLines: false,
  };
  return fitForm(written, layout).sheet;
}
