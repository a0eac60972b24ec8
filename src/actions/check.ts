/**
 * 入力チェック: every problem of the workbook, without writing anything.
 */
import type { FiscalYear } from '../core/fiscalYear';
import type { Problem } from '../core/problems';
import type { WorkbookPort } from '../workbook/port';
import { readWorkbook, type ReadOptions } from './readWorkbook';

/** What the check found. */
export interface CheckResult {
  year: FiscalYear;
  sheetCount: number;
  problems: Problem[];
  errorCount: number;
  warningCount: number;
}

/**
 * Checks a workbook.
 * @param port - the workbook
 * @param options - year, plan override, progress and cancellation
 * @returns the problems, errors first within each sheet
 */
export async function checkWorkbook(port: WorkbookPort, options: ReadOptions = {}): Promise<CheckResult> {
  const reading = await readWorkbook(port, { ...options, purpose: 'full' });
  return {
    year: reading.year,
    sheetCount: reading.sheets.length,
    problems: reading.problems,
    errorCount: reading.problems.filter((problem) => problem.severity === 'error').length,
    warningCount: reading.problems.filter((problem) => problem.severity === 'warning').length,
  };
}
