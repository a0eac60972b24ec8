/**
 * Problems found in a workbook: where (sheet and cell), what, and how to fix it, in Japanese.
 * Every check builds them with `problem()`, so that each kind always has the same severity and
 * every problem has a fix.
 */

/** error: the value cannot be used; warning: used as read or repaired, but worth a look. */
export type Severity = 'error' | 'warning';

/** Each kind of problem and its severity. */
export const PROBLEM_SEVERITY = {
  'score-out-of-range': 'error',
  'score-not-integer': 'error',
  'score-not-number': 'error',
  /** A typed symbol that is not one of the scale's (Ｄ where the scale is Ａ・Ｂ・Ｃ). */
  'score-not-in-scale': 'error',
  /** An entered 総合評価 that is not one of the plan's grades. */
  'grade-invalid': 'error',
  /** A target, actual or cost that is not a number. */
  'number-invalid': 'error',
  /** A target, actual or cost typed as text ("80,000" as text): read, but the sheet's 達成率 skips it. */
  'number-text': 'warning',
  'score-formula': 'error',
  /** A score typed as text ("2", "２", "2 "): read, but the sheet's own 合計 formula skips it. */
  'score-text': 'warning',
  'score-incomplete': 'error',
  'score-missing': 'error',
  'previous-year-missing': 'error',
  'formula-overwritten': 'warning',
  'text-formula': 'warning',
  'text-too-long': 'error',
  'text-control-character': 'warning',
  /** A text so long that its part of the 進捗状況シート cannot print on one page at a legible size. */
  'text-overflows-page': 'warning',
  'layout-damaged': 'error',
  'item-number-invalid': 'error',
  'item-unknown': 'error',
  'item-duplicate': 'error',
  'item-sheet-missing': 'error',
  /** A 進捗状況シート named as one of the product's tabs (総評, プラン定義, …). */
  'sheet-name-reserved': 'error',
  'initiative-mismatch': 'warning',
  'check-year-mismatch': 'warning',
  'check-year-invalid': 'warning',
  'ended-invalid': 'error',
  'ended-outside-period': 'error',
  'plan-sheet': 'warning',
  'council-invalid': 'error',
  /** A returned book a collection does not merge (another plan or year, unreadable). */
  'book-refused': 'error',
  /** An item a collection stopped: two returns differ, or the master changed since the split. */
  'collect-conflict': 'error',
  /** Text typed outside the form's input cells (a collection does not carry it). */
  'text-outside-input': 'warning',
  /** A template cell (name, 担当部署, テーマ) a department changed (a collection keeps the plan's). */
  'template-changed': 'warning',
} as const satisfies Record<string, Severity>;

/** Kinds of problem, for tests and for grouping in the pane. */
export type ProblemCode = keyof typeof PROBLEM_SEVERITY;

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

/** Where a problem is: a sheet (null for the whole workbook) and a cell (null for the whole sheet). */
export interface ProblemPlace {
  sheet: string | null;
  cell?: string | null;
}

/**
 * The one way to make a problem: the severity comes from its code.
 * @param code - the kind of problem
 * @param place - sheet and cell
 * @param message - what is wrong (Japanese)
 * @param fix - how to fix it (Japanese)
 * @returns the problem
 */
export function problem(code: ProblemCode, place: ProblemPlace, message: string, fix: string): Problem {
  return { severity: PROBLEM_SEVERITY[code], code, sheet: place.sheet, cell: place.cell ?? null, message, fix };
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
  const index = new Map(sheetOrder.map((name, position) => [name, position]));
  const position = (sheet: string | null) => (sheet === null ? -1 : (index.get(sheet) ?? -1));
  return [...problems].sort(
    (a, b) =>
      position(a.sheet) - position(b.sheet) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (a.cell ?? '').localeCompare(b.cell ?? ''),
  );
}
