/**
 * Writes a 進捗状況シート (parts ① and ②) as a SheetSpec: every cell of the one cell map with its
 * range, style and value, then the owned 合計 and 総合評価 formulas.
 */
import { legalSheetName, sheetNameNote } from '../sheetName';
import { completeScores } from '../evaluation';
import type { ItemCode, Plan } from '../plan';
import { achievementGrade, achievementRatio, itemResult } from '../rules';
import { gradeCode, gradesOf, type Band, type ItemGrading } from '../scheme';
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

import {
  achievementFormula,
  gradeFormula as yearGradeFormula,
  ratioFormula,
  totalFormula as yearTotalFormula,
} from './formulas';

export { THEME_MARK } from './sheetFields';

/**
 * The sheet name of an item: its 小№ and name, shortened to Excel's 31 characters.
 * @param itemNo - 小№
 * @param itemName - 実践項目 name
 * @returns a legal, unique-per-item sheet name
 */
export function progressSheetName(itemNo: ItemCode, itemName: string): string {
  return legalSheetName(`${itemNo} ${itemName}`);
}

/**
 * What the user is told about items whose sheet name had to be made legal (see sheetNameNote).
 * @param items - 実践項目 whose sheets were written
 * @returns one Japanese note per item whose name Excel would refuse, in item order
 */
export function itemSheetNameNotes(items: readonly { no: ItemCode; name: string }[]): string[] {
  return items.flatMap((item) => sheetNameNote(`${item.no} ${item.name}`) ?? []);
}

/**
 * The Excel formula (without "=") of a year's 合計 (or 平均) under the map's plan.
 * @param layout - the cell map
 * @param cells - the year's score cells
 * @returns the formula text
 */
export function totalFormula(layout: ProgressSheetLayout, cells: YearScoreCells): string {
  return yearTotalFormula(layout.plan.scheme, layout.plan.criteria, cells);
}

/**
 * The Excel formula (without "=") of a year's 総合評価 by the plan's bands.
 * @param layout - the cell map
 * @param cells - the year's score cells
 * @returns the formula text
 */
export function gradeFormula(layout: ProgressSheetLayout, cells: YearScoreCells): string {
  return yearGradeFormula(layout.plan.scheme, cells);
}

/**
 * Every cell the product owns on an item sheet, as formulas with their computed values: 合計 (or
 * 平均) and, unless entered, 総合評価 of every year; 達成率 and 達成度 of every indicator and year.
 * @param layout - the cell map
 * @param data - the sheet's content (scores, entered grades, targets and actuals)
 * @returns the owned cells
 */
export function computedCells(
  layout: ProgressSheetLayout,
  data: Pick<ProgressSheetData, 'scores' | 'grades' | 'indicators'>,
): CellWrite[] {
  const { plan } = layout;
  const { scheme } = plan;
  const byAverage = scheme.itemGrade.kind === 'bands' && scheme.itemGrade.basis === 'average';
  const years = layout.scores.flatMap((cells): CellWrite[] => {
    const complete = completeScores(plan, data.scores[cells.year] ?? {});
    const result = complete ? itemResult(plan, complete) : null;
    const written: CellWrite[] = [];
    if (cells.total !== null) {
      const value = byAverage ? (result?.average?.toNumber() ?? null) : (result?.total ?? null);
      written.push({ address: cells.total, formula: totalFormula(layout, cells), value: value ?? '' });
    }
    if (!layout.gradeEntered)
      written.push({
        address: cells.grade,
        formula: gradeFormula(layout, cells),
        value: result?.grade ? printedGrade(scheme.itemGrade, result.grade) : '',
      });
    return written;
  });
  const bands = scheme.targets?.bands ?? [];
  const targets = layout.indicators.flatMap((indicator) =>
    indicator.years.flatMap((cells): CellWrite[] => {
      const entry = data.indicators[indicator.index];
      const ratio = achievementRatio(entry?.target[cells.year] ?? null, entry?.actual[cells.year] ?? null);
      const grade = achievementGrade(bands, ratio);
      return [
        { address: cells.ratio, formula: ratioFormula(cells.target, cells.actual), value: ratio?.toNumber() ?? '' },
        ...(cells.achievement === null
          ? []
          : [
              {
                address: cells.achievement,
                formula: achievementFormula(bands, cells.ratio),
                value: grade ? printedBand(bands, grade) : '',
              },
            ]),
      ];
    }),
  );
  return [...years, ...targets];
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
  cells.push(...computedCells(layout, data));
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

/** A grade code as the grading prints it. */
function printedGrade(grading: ItemGrading, code: string): string {
  return gradesOf(grading).find((grade) => gradeCode(grade) === code) ?? code;
}

/** A band's grade code as printed. */
function printedBand(bands: readonly Band[], code: string): string {
  return bands.find((band) => gradeCode(band.grade) === code)?.grade ?? code;
}
