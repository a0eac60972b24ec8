/**
 * Reads a 進捗状況シート back through the same cell map that wrote it: first the layout check finds
 * every block it reads by its labels (or refuses the sheet), then each cell is read from the
 * address the check vouched for, and every problem is reported with its sheet, cell and fix.
 */
import { parseFiscalYear, yearCode, type FiscalYear } from '../fiscalYear';
import { parseItemCode } from '../itemCode';
import { normalizeInput } from '../japanese';
import { CRITERIA, findItem, type Plan } from '../plan';
import { problem, type Problem, type ProblemCode } from '../problems';
import { SCORE_MAX, SCORE_MIN } from '../rules';
import type { CellWrite } from '../sheetSpec';
import { CellGrid, type SheetCells } from './cellGrid';
import { checkLayout } from './layoutCheck';
import { blankProgressSheet, endedYearOf, type ProgressSheetData, type ScoreEntry } from './progressSheetData';
import { LAYOUT_MARKER, LABELS, progressSheetLayout, type ProgressSheetLayout } from './progressSheetLayout';
import { readPlanFor, type ReadPurpose } from './readPlan';
import { readEnded, readText } from './readCells';
import { isTextField, setText } from './sheetFields';
import { gradeFormula, totalFormula } from './writeProgressSheet';

export type { SheetCells } from './cellGrid';
export { endedYearOf } from './progressSheetData';

/** What reading one sheet gives. */
export interface ReadResult {
  /** The content, or null when the sheet cannot be used (damaged layout, no 小№). */
  data: ProgressSheetData | null;
  problems: Problem[];
}

/** Characters read as "not evaluated" in a score cell. */
const DASHES = new Set(['-', '－', 'ー', '―', '‐', '−']);

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

  if (blocks.some((block) => block.key === 'scores')) {
    const labelOf = Object.fromEntries(plan.criteria.map((criterion) => [criterion.key, criterion.label]));
    for (const yearCells of layout.scores) {
      for (const key of CRITERIA) {
        const what = `${labelOf[key]}（${yearCode(yearCells.year)}）`;
        data.scores[yearCells.year][key] = readScore(grid, yearCells.scores[key], what, report);
      }
      checkComputedFormula(grid, yearCells.total, totalFormula(yearCells), LABELS.total, report);
      checkComputedFormula(grid, yearCells.grade, gradeFormula(yearCells), LABELS.grade, report);
    }
  }
  if (blocks.some((block) => block.key === 'ended')) {
    data.ended = readEnded(grid, layout, plan, report);
    if (checkYear !== null) checkCompleteness(plan, layout, data, checkYear, report);
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
  return progressSheetLayout(plan).scores.flatMap((year) =>
    [year.total, year.grade].map((address) => {
      const formula = grid.formula(address);
      const value = grid.value(address);
      return formula ? { address, formula: formula.replace(/^=/, ''), value } : { address, value };
    }),
  );
}

/** Reports a problem of the sheet being read. */
export type Report = (code: ProblemCode, cell: string | null, message: string, fix: string) => void;

function readScore(grid: CellGrid, address: string, what: string, report: Report): ScoreEntry {
  const formula = grid.formula(address);
  if (formula !== null) {
    report(
      'score-formula',
      address,
      `${what} に数式「${formula}」が入っています。`,
      '0〜3 の数字を直接入力してください。',
    );
    return null;
  }
  const value = grid.value(address);
  if (value === null || value === '') return null;
  if (typeof value === 'number') return checkScoreNumber(value, String(value), address, what, report);
  const typed = normalizeInput(String(value));
  if (typed === '') return null;
  if (DASHES.has(typed)) return '-';
  if (/^[+-]?\d+(\.\d+)?$/.test(typed)) {
    const score = checkScoreNumber(Number(typed), String(value), address, what, report);
    // Excel's COUNT and SUM skip text, so the sheet's own 合計 stays blank until it is retyped.
    if (score !== null)
      report(
        'score-text',
        address,
        `${what} の「${String(value).replace(/\n/g, '↵')}」は文字として入力されています。${typed} として集計しますが、シート上の合計・総合評価は空欄のままです。`,
        'シート上の自動計算にも反映されるよう、半角の数字だけを入力し直してください。',
      );
    return score;
  }
  report(
    'score-not-number',
    address,
    `${what} の「${value}」は数字ではありません。`,
    '0〜3 の整数を入力してください（評価しない年度は「-」）。',
  );
  return null;
}

function checkScoreNumber(score: number, shown: string, address: string, what: string, report: Report): ScoreEntry {
  const wrong: [ProblemCode, string] | null = !Number.isInteger(score)
    ? ['score-not-integer', '整数ではありません']
    : score < SCORE_MIN || score > SCORE_MAX
      ? ['score-out-of-range', ' 0〜3 の範囲外です']
      : null;
  if (!wrong) return score;
  report(wrong[0], address, `${what} の「${shown}」は${wrong[1]}。`, '0〜3 の整数を入力してください。');
  return null;
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
    '「集計」または「自動計算」で元の式に戻します。合計・総合評価は直接入力しないでください。',
  );
}

function checkCompleteness(
  plan: Plan,
  layout: ProgressSheetLayout,
  data: ProgressSheetData,
  year: FiscalYear,
  report: Report,
): void {
  // An item the plan says ended is not asked either, when its sheet's 取組終了 is blank.
  const endedIn = endedYearOf(data) ?? findItem(plan, data.itemNo)?.endedIn ?? null;
  const cells = layout.scores.find((entry) => entry.year === year);
  if (!cells || (endedIn !== null && endedIn < year)) return;
  const entries = CRITERIA.map((key) => data.scores[year][key]);
  const filled = entries.filter((entry) => typeof entry === 'number').length;
  if (filled === CRITERIA.length) return;
  const code = yearCode(year);
  const firstBlank = CRITERIA.find((key) => typeof data.scores[year][key] !== 'number') ?? 'progress';
  if (filled === 0 && entries.every((entry) => entry === '-')) {
    report(
      'score-missing',
      cells.scores.progress,
      `${code} の自己評価が「-」（評価しない）になっています。`,
      '今年度の自己評価を 0〜3 で入力してください。前年度までに取組が終了した場合は取組終了の年月を入力してください。',
    );
    return;
  }
  if (filled === 0 && entries.every((entry) => entry === null)) {
    report(
      'score-missing',
      cells.scores.progress,
      `${code} の自己評価が未入力です。`,
      `${plan.criteria.map((criterion) => criterion.label).join('・')}を 0〜3 で入力してください。取組が終了した場合は取組終了の年月を入力してください。`,
    );
    return;
  }
  report(
    'score-incomplete',
    cells.scores[firstBlank],
    `${code} の自己評価が ${filled}/${CRITERIA.length} 項目しか入力されていません。`,
    `${CRITERIA.length} 項目すべてを 0〜3 で入力してください（合計・総合評価はそろってから計算されます）。`,
  );
}

function squashFormula(formula: string): string {
  return normalizeInput(formula.replace(/^=/, '').replace(/\$/g, '').replace(/\s+/g, '')).toUpperCase();
}
