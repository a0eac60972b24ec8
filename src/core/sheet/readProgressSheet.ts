/**
 * Reads a 進捗状況シート back from its cells, through the same cell map that wrote it, and
 * reports every problem with its sheet, cell and a fix.
 */
import { parseCell } from '../address';
import { fiscalYearOf, normalizeInput, parseCheckPeriod } from '../japanese';
import { CRITERIA, type Plan, type YearCode } from '../plan';
import type { Problem, ProblemCode, Severity } from '../problems';
import type { CellValue } from '../sheetSpec';
import { SCORE_MAX, SCORE_MIN } from '../rules';
import { blankProgressSheet, type ProgressSheetData, type ScoreEntry } from './progressSheetData';
import { LAYOUT_MARKER, LABELS, progressSheetLayout, type ProgressSheetLayout } from './progressSheetLayout';
import { gradeFormula, totalFormula } from './writeProgressSheet';

/** The cells of a sheet as read: values and formulas of `layout.readRange`. */
export interface SheetCells {
  sheet: string;
  values: CellValue[][];
  formulas: (string | null)[][];
}

/** What reading one sheet gives. */
export interface ReadResult {
  /** The content, or null when the sheet cannot be used (damaged layout, no 小№). */
  data: ProgressSheetData | null;
  problems: Problem[];
}

/** Characters read as "not evaluated" in a score cell. */
const DASHES = new Set(['-', '－', 'ー', '―', '‐', '−', '―']);
/** How many label cells may differ before the layout counts as damaged (a retyped label is fine). */
const LABEL_TOLERANCE = 2;

/**
 * Whether the cells are a 進捗状況シート: the layout marker or the form's title anywhere in the read
 * range (so a sheet whose rows moved is still recognised, and then reported as damaged).
 * @param cells - the cells of `layout.readRange`
 * @param layout - the cell map
 * @returns true for our sheet
 */
export function isProgressSheet(cells: SheetCells, layout: ProgressSheetLayout): boolean {
  const grid = new CellGrid(cells);
  if (grid.text(layout.marker) === LAYOUT_MARKER) return true;
  return cells.values.some((row) =>
    row.some(
      (value) =>
        typeof value === 'string' &&
        (value === LAYOUT_MARKER || /進捗状況シート[①1]】/.test(normalizeInput(value).replace('1】', '①】'))),
    ),
  );
}

/**
 * Reads one sheet.
 * @param plan - the workbook's plan
 * @param cells - values and formulas of `progressSheetLayout(plan).readRange`
 * @returns the content (null when unusable) and the problems found
 */
export function readProgressSheet(plan: Plan, cells: SheetCells): ReadResult {
  const layout = progressSheetLayout(plan);
  const grid = new CellGrid(cells);
  const problems: Problem[] = [];
  const report = (severity: Severity, code: ProblemCode, cell: string | null, message: string, fix: string) =>
    problems.push({ severity, code, sheet: cells.sheet, cell, message, fix });

  const mismatches = layout.labels.filter((label) => squash(grid.text(label.address)) !== squash(label.text));
  if (mismatches.length > LABEL_TOLERANCE) {
    const first = mismatches[0];
    report(
      'error',
      'layout-damaged',
      first.address,
      `シートのレイアウトが崩れています（セル ${first.address} は「${first.text.replace('\n', '')}」のはずが「${grid.text(first.address) || '空欄'}」です。ほか ${mismatches.length - 1} か所）。`,
      '行・列の挿入や削除を元に戻してください。戻せない場合は「シート作成」で作り直し、入力内容を移してください。',
    );
    return { data: null, problems };
  }

  const itemNo = integerOf(grid.value(layout.itemNo));
  const item = itemNo === null ? undefined : plan.items.find((entry) => entry.no === itemNo);
  if (itemNo === null) {
    report(
      'error',
      'item-number-invalid',
      layout.itemNo,
      `小№「${grid.text(layout.itemNo) || '空欄'}」が読み取れません。`,
      '小№ (実践項目の番号) を半角数字で入力してください。',
    );
    return { data: null, problems };
  }
  if (!item) {
    report(
      'error',
      'item-unknown',
      layout.itemNo,
      `小№ ${itemNo} はプランにありません。`,
      'プラン定義にある小№を入力するか、このシートを削除してください。',
    );
    return { data: null, problems };
  }

  const checkYearText = grid.text(layout.checkPeriod);
  const checkYear = parseCheckPeriod(checkYearText);
  if (checkYear === null || !plan.period.includes(checkYear)) {
    report(
      'warning',
      'check-year-invalid',
      layout.checkPeriod,
      `確認時期「${checkYearText || '空欄'}」が読み取れません。`,
      '「令和３年度末」のように入力してください。集計では指定の年度を使います。',
    );
  }
  const data = blankProgressSheet(
    plan,
    item,
    checkYear !== null && plan.period.includes(checkYear) ? checkYear : plan.period[0],
  );
  const initiativeNo = integerOf(grid.value(layout.initiativeNo));
  if (initiativeNo !== null && initiativeNo !== item.initiative) {
    report(
      'warning',
      'initiative-mismatch',
      layout.initiativeNo,
      `大№ ${initiativeNo} がプラン定義の大№ ${item.initiative} と違います。`,
      'プラン定義の大№で集計します。シートの大№を直してください。',
    );
  }

  const text = (address: string) => {
    if (grid.formula(address) !== null) {
      report(
        'warning',
        'text-formula',
        address,
        `数式「${grid.formula(address)}」が入力されています（値: ${grid.text(address) || '空欄'}）。`,
        "文章として入力する場合は、先頭に「'」を付けて入力し直してください。",
      );
    }
    return grid.text(address);
  };
  for (const step of layout.schedule) data.schedule[step.year] = { plan: text(step.plan), status: text(step.status) };
  data.activities = layout.activities.map((row) => ({
    year: text(row.year),
    plan: text(row.plan),
    result: text(row.result),
  }));
  for (const key of [...CRITERIA, 'overall'] as const) data.reasons[key] = text(layout.reasons[key]);
  for (const issue of layout.issues)
    data.issues[issue.year] = { problem: text(issue.problem), solution: text(issue.solution) };
  data.notes = text(layout.notes);

  const labelOf = Object.fromEntries(plan.criteria.map((criterion) => [criterion.key, criterion.label]));
  for (const yearCells of layout.scores) {
    for (const key of CRITERIA) {
      const address = yearCells.scores[key];
      const entry = readScore(grid, address, `${labelOf[key]}（${yearCells.year}）`, report);
      data.scores[yearCells.year][key] = entry;
    }
    checkComputedFormula(grid, yearCells.total, totalFormula(yearCells), LABELS.total, report);
    checkComputedFormula(grid, yearCells.grade, gradeFormula(yearCells), LABELS.grade, report);
  }

  data.ended = readEnded(grid, layout, report);
  const endedIn = data.ended ? fiscalYearOf(data.ended.eraYear, data.ended.month) : null;
  const evaluationYear = checkYear && plan.period.includes(checkYear) ? checkYear : null;
  if (evaluationYear) checkCompleteness(plan, layout, data, evaluationYear, endedIn, report);
  return { data, problems };
}

/** The fiscal year an item ended in, from its 取組終了, or null. */
export function endedYearOf(data: ProgressSheetData): YearCode | null {
  return data.ended ? fiscalYearOf(data.ended.eraYear, data.ended.month) : null;
}

type Report = (severity: Severity, code: ProblemCode, cell: string | null, message: string, fix: string) => void;

function readScore(grid: CellGrid, address: string, what: string, report: Report): ScoreEntry {
  const formula = grid.formula(address);
  if (formula !== null) {
    report(
      'error',
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
    if (score !== null && typeof value === 'string' && value.trim() !== typed) {
      report(
        'warning',
        'score-full-width',
        address,
        `${what} の「${value}」を ${typed} として読み取りました。`,
        'シート上の自動計算にも反映されるよう、半角数字で入力し直してください。',
      );
    }
    return score;
  }
  report(
    'error',
    'score-not-number',
    address,
    `${what} の「${value}」は数字ではありません。`,
    '0〜3 の整数を入力してください（評価しない年度は「-」）。',
  );
  return null;
}

function checkScoreNumber(score: number, shown: string, address: string, what: string, report: Report): ScoreEntry {
  if (!Number.isInteger(score)) {
    report(
      'error',
      'score-not-integer',
      address,
      `${what} の「${shown}」は整数ではありません。`,
      '0〜3 の整数を入力してください。',
    );
    return null;
  }
  if (score < SCORE_MIN || score > SCORE_MAX) {
    report(
      'error',
      'score-out-of-range',
      address,
      `${what} の「${shown}」は 0〜3 の範囲外です。`,
      '0〜3 の整数を入力してください。',
    );
    return null;
  }
  return score;
}

function checkComputedFormula(grid: CellGrid, address: string, expected: string, what: string, report: Report): void {
  const found = grid.formula(address);
  if (found !== null && squashFormula(found) === squashFormula(expected)) return;
  report(
    'warning',
    'formula-overwritten',
    address,
    found === null
      ? `${what} の自動計算式が消えています（値「${grid.text(address) || '空欄'}」が入力されています）。`
      : `${what} の自動計算式が書き換えられています（${found}）。`,
    '「集計」または「自動計算」で元の式に戻します。合計・総合評価は直接入力しないでください。',
  );
}

function readEnded(grid: CellGrid, layout: ProgressSheetLayout, report: Report): ProgressSheetData['ended'] {
  const eraText = grid.text(layout.endedEraYear);
  const monthText = grid.text(layout.endedMonth);
  if (eraText === '' && monthText === '') return null;
  const eraYear = integerOf(grid.value(layout.endedEraYear));
  const month = integerOf(grid.value(layout.endedMonth));
  if (eraYear === null || eraYear < 1 || month === null || month < 1 || month > 12) {
    const cell = eraYear === null || eraYear < 1 ? layout.endedEraYear : layout.endedMonth;
    report(
      'error',
      'ended-invalid',
      cell,
      `取組終了「令和${eraText || '□'}年${monthText || '□'}月」が読み取れません。`,
      '取組が終了した場合は年と月を数字で入力し、終了していない場合は両方を空欄にしてください。',
    );
    return null;
  }
  return { eraYear, month };
}

function checkCompleteness(
  plan: Plan,
  layout: ProgressSheetLayout,
  data: ProgressSheetData,
  year: YearCode,
  endedIn: YearCode | null,
  report: Report,
): void {
  const endedBefore = endedIn !== null && plan.period.indexOf(endedIn) < plan.period.indexOf(year);
  const cells = layout.scores.find((entry) => entry.year === year);
  if (!cells || endedBefore) return;
  const entries = CRITERIA.map((key) => data.scores[year][key]);
  const filled = entries.filter((entry) => typeof entry === 'number').length;
  if (filled === CRITERIA.length) return;
  const firstBlank = CRITERIA.find((key) => typeof data.scores[year][key] !== 'number') ?? 'progress';
  if (filled === 0 && entries.every((entry) => entry === '-')) {
    report(
      'error',
      'score-missing',
      cells.scores.progress,
      `${year} の自己評価が「-」（評価しない）になっています。`,
      '今年度の自己評価を 0〜3 で入力してください。前年度までに取組が終了した場合は取組終了の年月を入力してください。',
    );
    return;
  }
  if (filled === 0 && entries.every((entry) => entry === null)) {
    report(
      'error',
      'score-missing',
      cells.scores.progress,
      `${year} の自己評価が未入力です。`,
      '進捗度・連携度・効率性・創造性を 0〜3 で入力してください。取組が終了した場合は取組終了の年月を入力してください。',
    );
    return;
  }
  report(
    'error',
    'score-incomplete',
    cells.scores[firstBlank],
    `${year} の自己評価が ${filled}/4 項目しか入力されていません。`,
    '4 項目すべてを 0〜3 で入力してください（合計・総合評価はそろってから計算されます）。',
  );
}

function integerOf(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^(?:№|No\.?)?\s*(\d+)$/i.exec(normalizeInput(value));
  return match ? Number(match[1]) : null;
}

function squash(text: string): string {
  return normalizeInput(text).replace(/\s+/g, '');
}

function squashFormula(formula: string): string {
  return formula.replace(/^=/, '').replace(/\$/g, '').replace(/\s+/g, '').normalize('NFKC').toUpperCase();
}

/** Random access to the cells of a read range that starts at A1. */
class CellGrid {
  private readonly origin: { row: number; column: number };
  constructor(
    private readonly cells: SheetCells,
    origin = 'A1',
  ) {
    this.origin = parseCell(origin);
  }
  value(address: string): CellValue {
    const { row, column } = parseCell(address);
    return this.cells.values[row - this.origin.row]?.[column - this.origin.column] ?? null;
  }
  formula(address: string): string | null {
    const { row, column } = parseCell(address);
    return this.cells.formulas[row - this.origin.row]?.[column - this.origin.column] ?? null;
  }
  text(address: string): string {
    const value = this.value(address);
    return value === null ? '' : String(value).trim();
  }
}
