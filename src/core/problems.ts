/**
 * Problems found in a workbook: where (sheet and cell), what, and how to fix it, in Japanese.
 */

/** error: the value cannot be used; warning: used as read or repaired, but worth a look. */
export type Severity = 'error' | 'warning';

/** Kinds of problem, for tests and for grouping in the pane. */
export type ProblemCode =
  | 'score-out-of-range'
  | 'score-not-integer'
  | 'score-not-number'
  | 'score-formula'
  | 'score-full-width'
  | 'score-incomplete'
  | 'score-missing'
  | 'previous-year-missing'
  | 'formula-overwritten'
  | 'text-formula'
  | 'layout-damaged'
  | 'item-number-invalid'
  | 'item-unknown'
  | 'item-duplicate'
  | 'item-sheet-missing'
  | 'initiative-mismatch'
  | 'check-year-mismatch'
  | 'check-year-invalid'
  | 'ended-invalid'
  | 'plan-sheet'
  | 'council-invalid';

/** One problem. */
export interface Problem {
  severity: Severity;
  code: ProblemCode;
  /** Sheet name, or null for the workbook as a whole. */
  sheet: string | null;
  /** A1 address, or null for the sheet as a whole. */
  cell: string | null;
  /** What is wrong (Japanese). */
  message: string;
  /** How to fix it (Japanese). */
  fix: string;
}

/**
 * One line for a problem: 【エラー】シート「…」セル D29: message → fix.
 * @param problem - the problem
 * @returns a Japanese line
 */
export function formatProblem(problem: Problem): string {
  const level = problem.severity === 'error' ? '【エラー】' : '【注意】';
  const where = [
    problem.sheet === null ? 'ブック全体' : `シート「${problem.sheet}」`,
    problem.cell ? `セル ${problem.cell}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `${level}${where}: ${problem.message} → ${problem.fix}`;
}

/**
 * Sorts problems by sheet order, then errors first, then cell.
 * @param problems - problems in any order
 * @param sheetOrder - sheet names in tab order
 * @returns a new sorted list
 */
export function sortProblems(problems: readonly Problem[], sheetOrder: readonly string[]): Problem[] {
  const position = (sheet: string | null) => (sheet === null ? -1 : sheetOrder.indexOf(sheet));
  return [...problems].sort(
    (a, b) =>
      position(a.sheet) - position(b.sheet) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (a.cell ?? '').localeCompare(b.cell ?? ''),
  );
}
