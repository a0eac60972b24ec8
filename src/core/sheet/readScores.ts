/**
 * Reading the evaluation cells of a 進捗状況シート under the plan's scheme: scores (numbers of a
 * numeric scale, symbols of a symbol scale in any width or case, the "not applicable" mark), the
 * 総合評価 a department enters, and the numbers of the targets and cost blocks; and the check that
 * the year being checked is complete. Every message names the plan's own criteria and scale.
 */
import { yearCode, type FiscalYear } from '../fiscalYear';
import { normalizeInput } from '../japanese';
import type { Plan } from '../plan';
import { gradeCode, gradesOf, scaleText, symbolKey, type Scheme } from '../scheme';
import type { CellGrid } from './cellGrid';
import type { ProgressSheetData, ScoreEntry } from './progressSheetData';
import type { ProgressSheetLayout } from './progressSheetLayout';
import type { Report } from './readProgressSheet';

/** How to type a score under the scheme, for fixes: "0〜3 の整数" or "Ａ・Ｂ・Ｃ のどれか". */
export function scoreHint(scheme: Scheme): string {
  const what =
    scheme.scale.kind === 'numeric' ? `${scaleText(scheme.scale)} の整数` : `${scaleText(scheme.scale)} のどれか`;
  return scheme.notApplicable === null ? what : `${what}（評価しない項目は「${scheme.notApplicable}」）`;
}

/**
 * One score cell: a number in range (numeric scale), a symbol (symbol scale; returned as the plan
 * prints it), the "not applicable" mark, or null (blank, or wrong and reported).
 * @param scheme - the plan's scheme
 * @param grid - the cells read
 * @param address - the cell
 * @param what - the criterion and year, for messages ("進捗度（R3）")
 * @param report - where problems go
 * @returns the entry
 */
export function readScore(scheme: Scheme, grid: CellGrid, address: string, what: string, report: Report): ScoreEntry {
  const formula = grid.formula(address);
  if (formula !== null) {
    report(
      'score-formula',
      address,
      `${what} に数式「${formula}」が入っています。`,
      `${scoreHint(scheme)}を直接入力してください。`,
    );
    return null;
  }
  const value = grid.value(address);
  if (value === null || value === '') return null;
  const typed = typeof value === 'number' ? String(value) : normalizeInput(String(value));
  if (typed === '') return null;
  const key = symbolKey(typed);
  if (scheme.notApplicable !== null && key === symbolKey(scheme.notApplicable)) return scheme.notApplicable;
  const { scale } = scheme;
  if (scale.kind === 'symbols') {
    const symbol = scale.symbols.find((each) => symbolKey(each.symbol) === key);
    if (symbol) return symbol.symbol;
    report(
      'score-not-in-scale',
      address,
      `${what} の「${String(value)}」は評価の記号（${scaleText(scale)}）ではありません。`,
      `${scoreHint(scheme)}を入力してください。`,
    );
    return null;
  }
  if (!/^[+-]?\d+(\.\d+)?$/.test(typed)) {
    report(
      'score-not-number',
      address,
      `${what} の「${String(value)}」は数字ではありません。`,
      `${scoreHint(scheme)}を入力してください。`,
    );
    return null;
  }
  const score = Number(typed);
  const wrong: ['score-not-integer' | 'score-out-of-range', string] | null = !Number.isInteger(score)
    ? ['score-not-integer', '整数ではありません']
    : score < scale.min || score > scale.max
      ? ['score-out-of-range', ` ${scaleText(scale)} の範囲外です`]
      : null;
  if (wrong) {
    report(
      wrong[0],
      address,
      `${what} の「${String(value)}」は${wrong[1]}。`,
      `${scaleText(scale)} の整数を入力してください。`,
    );
    return null;
  }
  // Excel's COUNT and SUM skip text, so the sheet's own 合計 stays blank until it is retyped.
  if (typeof value !== 'number')
    report(
      'score-text',
      address,
      `${what} の「${String(value).replace(/\n/g, '↵')}」は文字として入力されています。${typed} として集計しますが、シート上の合計・総合評価は空欄のままです。`,
      'シート上の自動計算にも反映されるよう、半角の数字だけを入力し直してください。',
    );
  return score;
}

/**
 * A 総合評価 the department entered: one of the plan's grades (any width or case), as printed.
 * @param scheme - the plan's scheme (entered item grades)
 * @param grid - the cells read
 * @param address - the cell
 * @param what - the year, for messages
 * @param report - where problems go
 * @returns the grade as the plan prints it, or null
 */
export function readEnteredGrade(
  scheme: Scheme,
  grid: CellGrid,
  address: string,
  what: string,
  report: Report,
): string | null {
  const text = grid.text(address);
  if (text === '') return null;
  const grades = gradesOf(scheme.itemGrade);
  const found = grades.find((grade) => gradeCode(grade) === symbolKey(text));
  if (found) return found;
  report(
    'grade-invalid',
    address,
    `${what} の総合評価「${text}」はプランの評価（${grades.join('・')}）ではありません。`,
    `${grades.join('・')} から選んでください。`,
  );
  return null;
}

/**
 * A number of the targets or cost block (80000, "80,000", "８万" is refused): numbers as they are;
 * a number typed as text is read with a warning, since the sheet's own 達成率 skips text.
 * @param grid - the cells read
 * @param address - the cell
 * @param what - the field and year, for messages
 * @param report - where problems go
 * @returns the number, or null (blank, or not a number and reported)
 */
export function readNumber(grid: CellGrid, address: string, what: string, report: Report): number | null {
  const value = grid.value(address);
  if (value === null || value === '') return null;
  if (typeof value === 'number') return value;
  const typed = normalizeInput(String(value)).replace(/,/g, '');
  if (typed === '') return null;
  if (!/^[+-]?\d+(\.\d+)?$/.test(typed)) {
    report(
      'number-invalid',
      address,
      `${what} の「${String(value)}」は数値ではありません。`,
      '数値だけを半角で入力してください（単位は単位の欄に）。',
    );
    return null;
  }
  report(
    'number-text',
    address,
    `${what} の「${String(value)}」は文字として入力されています。${typed} として集計しますが、シート上の達成率は空欄のままです。`,
    '数値として入力し直してください。',
  );
  return Number(typed);
}

/**
 * Reports a year being checked that is not complete: criteria blank, all "not applicable", or an
 * entered 総合評価 missing (an item that ended earlier is not checked).
 * @param plan - the plan
 * @param layout - the cell map
 * @param data - the sheet as read
 * @param year - the year checked
 * @param endedIn - the fiscal year the item ended in, or null
 * @param report - where problems go
 */
export function checkCompleteness(
  plan: Plan,
  layout: ProgressSheetLayout,
  data: ProgressSheetData,
  year: FiscalYear,
  endedIn: FiscalYear | null,
  report: Report,
): void {
  const cells = layout.scores.find((entry) => entry.year === year);
  if (!cells || (endedIn !== null && endedIn < year)) return;
  const { criteria, scheme } = plan;
  const code = yearCode(year);
  const entries = criteria.map((criterion) => data.scores[year]?.[criterion.key] ?? null);
  const filled = entries.filter((entry) => entry !== null).length;
  const labels = criteria.map((criterion) => criterion.label).join('・');
  const first = criteria[0] ? cells.scores[criteria[0].key] : cells.grade;
  const isNotApplicable = (entry: ScoreEntry) =>
    typeof entry === 'string' && scheme.notApplicable !== null && symbolKey(entry) === symbolKey(scheme.notApplicable);
  if (criteria.length > 0 && filled === criteria.length && entries.every(isNotApplicable)) {
    report(
      'score-missing',
      first,
      `${code} の自己評価がすべて「${scheme.notApplicable}」（評価しない）になっています。`,
      `今年度の自己評価を ${scoreHint(scheme)}で入力してください。前年度までに取組が終了した場合は取組終了の年月を入力してください。`,
    );
    return;
  }
  if (criteria.length > 0 && filled === 0) {
    report(
      'score-missing',
      first,
      `${code} の自己評価が未入力です。`,
      `${labels}を ${scoreHint(scheme)}で入力してください。取組が終了した場合は取組終了の年月を入力してください。`,
    );
    return;
  }
  if (filled < criteria.length) {
    const blank = criteria.find((criterion) => (data.scores[year]?.[criterion.key] ?? null) === null);
    report(
      'score-incomplete',
      blank ? cells.scores[blank.key] : first,
      `${code} の自己評価が ${filled}/${criteria.length} 項目しか入力されていません。`,
      `${criteria.length} 項目すべてを ${scoreHint(scheme)}で入力してください（${layout.gradeEntered ? '合計' : '合計・総合評価'}はそろってから計算されます）。`,
    );
    return;
  }
  if (layout.gradeEntered && (data.grades[year] ?? null) === null)
    report(
      'score-missing',
      cells.grade,
      `${code} の総合評価が未入力です。`,
      `${gradesOf(scheme.itemGrade).join('・')} から選んでください。取組が終了した場合は取組終了の年月を入力してください。`,
    );
}
