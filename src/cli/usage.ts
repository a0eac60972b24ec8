/**
 * Argument helpers of the CLI: usage errors, the year and plan options, files.
 */
import { UserError } from '../core/errors';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Progress } from '../actions/progress';
import { builtInPlan } from '../core/example';
import { parseCheckPeriod } from '../core/japanese';
import { parsePlan, PlanError, type Plan, type YearCode } from '../core/plan';
import { openWorkbookFile, type WorkbookFile } from '../xlsx/workbookFile';
import type { CliIo } from './main';

/** A wrong command line; the CLI prints it with the command's help and exits 2. */
export class UsageError extends UserError {
  override name = 'UsageError';
}

/**
 * Reads `--year` ("R3", "令和3年度", "令和３年度末").
 * @param value - the option's value
 * @returns the year code, or undefined when not given
 */
export function yearOption(value: string | boolean | undefined): YearCode | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const year = parseCheckPeriod(value);
  if (!year) throw new UsageError(`--year「${value}」が読み取れません。R3 や 令和3年度 のように指定してください。`);
  return year;
}

/**
 * Reads `--plan FILE` (JSON of the built-in plan's shape), or the built-in plan.
 * @param value - the option's value
 * @returns the plan
 */
export function planOption(value: string | boolean | undefined): Plan {
  if (value === undefined || typeof value === 'boolean') return builtInPlan();
  const path = resolve(value);
  if (!existsSync(path)) throw new UsageError(`プランのファイル ${value} が見つかりません。`);
  try {
    return parsePlan(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new UsageError(`プランのファイル ${value} が JSON として読めません: ${error.message}`);
    if (error instanceof PlanError)
      throw new UsageError(`プランのファイル ${value} に誤りがあります: ${error.message}`);
    throw error;
  }
}

/**
 * Requires one positional input file that exists.
 * @param positionals - the positional arguments
 * @returns the absolute path
 */
export function inputFile(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('入力ファイル (.xlsx) を一つ指定してください。');
  const path = resolve(positionals[0]);
  if (!existsSync(path)) throw new UsageError(`ファイル ${positionals[0]} が見つかりません。`);
  return path;
}

/**
 * Requires `--out FILE`, different from the input.
 * @param value - the option's value
 * @param input - the input path, which must never be overwritten
 * @returns the absolute path
 */
export function outputFile(value: string | boolean | undefined, input?: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError('--out で出力ファイルを指定してください。');
  const path = resolve(value);
  if (input && path === input)
    throw new UsageError('入力ファイルは上書きしません。--out には別のファイル名を指定してください。');
  return path;
}

/**
 * Opens an .xlsx file, with a Japanese usage error when it is not one.
 * @param path - the file
 * @returns the workbook
 */
export async function openBook(path: string): Promise<WorkbookFile> {
  try {
    return await openWorkbookFile(path);
  } catch (error) {
    throw new UsageError(
      `${path} を .xlsx として開けません（${error instanceof Error ? error.message : String(error)}）。Excel で「Excel ブック (.xlsx)」として保存し直してください。`,
    );
  }
}

/**
 * A progress listener that prints to the CLI's progress line ("シートを確認中 12/70").
 * @param io - the CLI's output
 * @returns the listener
 */
export function progressTo(io: CliIo): (progress: Progress) => void {
  return (progress) =>
    io.progress(progress.total > 1 ? `${progress.phase} ${progress.done}/${progress.total}` : progress.phase);
}
