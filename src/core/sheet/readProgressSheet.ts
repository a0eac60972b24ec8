/**
 * Reads a 進捗状況シート back through the same cell map that wrote it: first the layout check finds
 * every block it reads by its labels (or refuses the sheet), then each cell is read from the
 * address the check vouched for, and every problem is reported with its sheet, cell and fix.
 */
import { parseFiscalYear, yearCode } from '../fiscalYear';
import { parseItemCode } from '../itemCode';
import { normalizeInput } from '../japanese';
import { findItem, type Plan } from '../plan';
import { problem, type Problem, type ProblemCode } from '../problems';
import type { CellWrite } from '../sheetSpec';
import { CellGrid, type SheetCells } from './cellGrid';
import { checkLayout } from './layoutCheck';
import { blankProgressSheet, endedYearOf, type ProgressSheetData } from './progressSheetData';
import { LAYOUT_MARKER, LABELS, progressSheetLayout, type ProgressSheetLayout } from './progressSheetLayout';
import { readPlanFor, type ReadPurpose } from './readPlan';
import { readEnded, readText } from './readCells';
import { checkCompleteness, readEnteredGrade, readNumber, readScore } from './readScores';
import { isTextField, setText } from './sheetFields';
import { achievementFormula, ratioFormula } from './formulas';
import { gradeFormula, totalFormula } from './writeProgressSheet';

export type { SheetCells } from './cellGrid';
export { endedYearOf } from './progressSheetData';

/** What reading one sheet gives. */
export interface ReadResult {
  /** The content, or null when the sheet cannot be used (damaged layout, no 小№). */
  data: ProgressSheetData | null;
  problems: Problem[];
}

/**
 * Whether the cells are a 進捗状況シート: the layout marker or the form's title anywhere in what was
 * read (so a sheet whose rows moved is still recognised, and then reported as damaged).
 * @param cells - the ranges read from the sheet
 * @param layout - the cell map
 * @returns true for our sheet
 */
export function isProgressSheet(cells: SheetCells | readonly SheetCells[], layout: ProgressSheetLayout): boolean {
  const grid = new CellGrid(cells);
  if (grid.has(layout.marker) && grid.text(layout.marker) === LAYOUT_MARKER) return true;
  for (const value of grid.values()) {
    if (
      typeof value === 'string' &&
      (value === LAYOUT_MARKER || /進捗状況シート[①1]】/.test(normalizeInput(value).replace('1】', '①】')))
    )
      return true;
  }
  return false;
}

/**
 * Reads one sheet.
 * @param plan - the workbook's plan
 * @param cells - the ranges of `readPlanFor(plan, purpose)` (or the whole `readRange`)
 * @param purpose - 'full' reads every block; 'aggregate' only those 集計 needs (no texts)
 * @returns the content (null when unusable) and the problems found
 */
export function readProgressSheet(
  plan: Plan,
  cells: SheetCells | readonly SheetCells[],
  purpose: ReadPurpose = 'full',
): ReadResult {
  const layout = progressSheetLayout(plan);
  const { blocks } = readPlanFor(plan, purpose);
  const grid = new CellGrid(cells);
  const problems: Problem[] = [];
  const report = (code: ProblemCode, cell: string | null, message: string, fix: string) =>
    problems.push(problem(code, { sheet: grid.sheet, cell }, message, fix));

  const damaged = checkLayout(blocks, grid);
  if (damaged) return { data: null, problems: [damaged] };

  const itemNo = parseItemCode(grid.value(layout.itemNo));
  const item = itemNo === null ? undefined : findItem(plan, itemNo);
  if (itemNo === null) {
    report(
      'item-number-invalid',
      layout.itemNo,
      `小№「${grid.text(layout.itemNo) || '空欄'}」が読み取れません。`,
      '小№ (実践項目の番号) をプラン定義のとおりに入力してください。',
    );
    return { data: null, problems };
  }
  if (!item) {
    report(
      'item-unknown',
      layout.itemNo,
      `小№ ${itemNo} はプランにありません。`,
      'プラン定義にある小№を入力するか、このシートを削除してください。',
    );
    return { data: null, problems };
  }

  const checkYearText = grid.text(layout.checkPeriod);
  const parsedYear = parseFiscalYear(checkYearText);
  const checkYear = parsedYear !== null && plan.period.includes(parsedYear) ? parsedYear : null;
  if (checkYear === null) {
    report(
      'check-year-invalid',
      layout.checkPeriod,
      `確認時期「${checkYearText || '空欄'}」が読み取れません。`,
      '「令和３年度末」のように計画期間の年度を入力してください。集計では指定の年度を使います。',
    );
  }
  const data = blankProgressSheet(plan, item, checkYear ?? plan.period[0]);
  const initiativeNo = parseItemCode(grid.value(layout.initiativeNo));
  if (initiativeNo !== null && initiativeNo !== item.initiative) {
    report(
      'initiative-mismatch',
      layout.initiativeNo,
      `大№ ${initiativeNo} がプラン定義の大№ ${item.initiative} と違います。`,
      'プラン定義の大№で集計します。シートの大№を直してください。',
    );
  }

  for (const block of blocks)
    for (const cell of block.cells)
      if (isTextField(cell.field)) setText(cell.field, data, readText(grid, cell.address, report));

  const reads = new Set(blocks.map((block) => block.key));
  const reading: Reading = { plan, layout, grid, data, report };
  if (reads.has('scores')) readEvaluation(reading);
  if (reads.has('targets')) readTargets(reading);
  if (reads.has('cost'))
    for (const cells of layout.cost) {
      const year = yearCode(cells.year);
      data.cost[cells.year] = {
        budget: readNumber(grid, cells.budget, `予算（${year}）`, report),
        settlement: readNumber(grid, cells.settlement, `決算（${year}）`, report),
      };
    }
  if (reads.has('ended')) {
    data.ended = readEnded(grid, layout, plan, report);
    // An item the plan says ended is not asked either, when its sheet's 取組終了 is blank.
    const endedIn = endedYearOf(data) ?? findItem(plan, data.itemNo)?.endedIn ?? null;
    if (checkYear !== null) checkCompleteness(plan, layout, data, checkYear, endedIn, report);
  }
  return { data, problems };
}

/**
 * The cells the product owns (合計 and 総合評価 of every year) as they are now, in the form a
 * writer puts them back: what 「集計」 keeps to undo itself.
 * @param plan - the workbook's plan
 * @param cells - ranges read from the sheet that cover the 自己評価 block
 * @returns the owned cells (value, or formula without "=" with its value)
 */
export function ownedCellsOf(plan: Plan, cells: SheetCells | readonly SheetCells[]): CellWrite[] {
  const grid = new CellGrid(cells);
  return progressSheetLayout(plan).owned.map((address) => {
    const formula = grid.formula(address);
    const value = grid.value(address);
    return formula ? { address, formula: formula.replace(/^=/, ''), value } : { address, value };
  });
}

/** Reports a problem of the sheet being read. */
export type Report = (code: ProblemCode, cell: string | null, message: string, fix: string) => void;

/** What a block reader works on: the plan, its cell map, the cells read, the content so far, where problems go. */
interface Reading {
  plan: Plan;
  layout: ProgressSheetLayout;
  grid: CellGrid;
  data: ProgressSheetData;
  report: Report;
}

/** The scores, entered grades and owned formulas of every year. */
function readEvaluation({ plan, layout, grid, data, report }: Reading): void {
  const totalLabel =
    plan.scheme.itemGrade.kind === 'bands' && plan.scheme.itemGrade.basis === 'average' ? LABELS.average : LABELS.total;
  for (const yearCells of layout.scores) {
    const year = yearCode(yearCells.year);
    for (const { key, label } of plan.criteria)
      data.scores[yearCells.year][key] = readScore(
        plan.scheme,
        grid,
        yearCells.scores[key],
        `${label}（${year}）`,
        report,
      );
    if (yearCells.total !== null)
      checkComputedFormula(grid, yearCells.total, totalFormula(layout, yearCells), totalLabel, report);
    if (layout.gradeEntered)
      data.grades[yearCells.year] = readEnteredGrade(plan.scheme, grid, yearCells.grade, year, report);
    else checkComputedFormula(grid, yearCells.grade, gradeFormula(layout, yearCells), LABELS.grade, report);
  }
}

/** The target indicators: names, units, targets and actuals, and the owned ratio and grade formulas. */
function readTargets({ plan, layout, grid, data, report }: Reading): void {
  for (const indicator of layout.indicators) {
    const entry = data.indicators[indicator.index];
    const name = entry.name || `指標${indicator.index + 1}`;
    for (const cells of indicator.years) {
      const year = yearCode(cells.year);
      entry.target[cells.year] = readNumber(grid, cells.target, `${name}の目標（${year}）`, report);
      entry.actual[cells.year] = readNumber(grid, cells.actual, `${name}の実績（${year}）`, report);
      checkComputedFormula(grid, cells.ratio, ratioFormula(cells.target, cells.actual), LABELS.ratio, report);
      if (cells.achievement !== null)
        checkComputedFormula(
          grid,
          cells.achievement,
          achievementFormula(plan.scheme.targets?.bands ?? [], cells.ratio),
          LABELS.achievement,
          report,
        );
    }
  }
}

function checkComputedFormula(grid: CellGrid, address: string, expected: string, what: string, report: Report): void {
  const found = grid.formula(address);
  if (found !== null && (found === `=${expected}` || squashFormula(found) === squashFormula(expected))) return;
  report(
    'formula-overwritten',
    address,
    found === null
      ? `${what} の自動計算式が消えています（値「${grid.text(address) || '空欄'}」が入力されています）。`
      : `${what} の自動計算式が書き換えられています（${found}）。`,
    `「集計」または「自動計算」で元の式に戻します。${what}は直接入力しないでください。`,
  );
}

function squashFormula(formula: string): string {
  return normalizeInput(formula.replace(/^=/, '').replace(/\$/g, '').replace(/\s+/g, '')).toUpperCase();
}
