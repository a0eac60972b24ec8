/**
 * What the commands print about their results: problems (sheet, cell, fix) and the 集計 figures.
 */
import type { AggregateResult } from '../actions/aggregate';
import { toFullWidth } from '../core/japanese';
import { formatProblem, type Problem } from '../core/problems';
import { GRADES } from '../core/rules';
import type { CliIo } from './command';
import { yearCode } from '../core/fiscalYear';

/** Problems shown before "…ほか N 件" (all of them go to --json). */
const SHOWN_PROBLEMS = 200;

/**
 * Prints problems, one per line, at most SHOWN_PROBLEMS.
 * @param io - the CLI's output
 * @param problems - the problems
 */
export function printProblems(io: CliIo, problems: readonly Problem[]): void {
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  for (const problem of shown) io.out(formatProblem(problem));
  if (problems.length > shown.length)
    io.out(`…ほか ${problems.length - shown.length} 件（--json で全件を書き出せます）`);
}

/**
 * Prints the figures of a 集計: counts, grades, sheets written, problems.
 * @param io - the CLI's output
 * @param result - the aggregate's result
 */
export function printAggregate(io: CliIo, result: AggregateResult): void {
  const counts = result.json.counts;
  const grades = GRADES.map((grade) => `${toFullWidth(grade)} ${counts.grades[grade]}`).join('・');
  io.out(
    `  実践項目 ${result.json.items.length}（${itemCounts(result)}）、取組項目 ${result.json.initiatives.length}、テーマ ${result.json.themes.length}`,
  );
  io.out(`  総合評価（${yearCode(result.year)}）: ${grades}`);
  io.out(`  合計・総合評価を入れたシート ${result.filledSheets.length} 枚、集計表 ${result.summarySheets.join('・')}`);
  const errors = countErrors(result.problems);
  if (result.problems.length > 0)
    io.out(`  問題: エラー ${errors} 件、注意 ${result.problems.length - errors} 件（上の一覧を確認してください）`);
}

/**
 * How the 実践項目 divide, so that the figures add up: those evaluated this year (the published
 * report's count; some of them end this year) and those that ended in an earlier year.
 */
function itemCounts(result: AggregateResult): string {
  const year = yearCode(result.year);
  const endingNow = result.json.items.filter((item) => item.endedIn === year).length;
  const endedBefore = result.json.items.length - result.json.counts.active;
  return [
    `${year} の評価対象 ${result.json.counts.active}${endingNow > 0 ? `、うち ${year} で取組終了 ${endingNow}` : ''}`,
    ...(endedBefore > 0 ? [`${yearCode(result.year - 1)} までに取組終了 ${endedBefore}`] : []),
  ].join('。');
}

/**
 * The number of errors (not warnings) among problems.
 * @param problems - the problems
 * @returns how many are errors
 */
export function countErrors(problems: readonly Problem[]): number {
  return problems.filter((problem) => problem.severity === 'error').length;
}

/**
 * A JSON file's text: indented, with a final newline.
 * @param data - what to write
 * @returns the text
 */
export function jsonText(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
