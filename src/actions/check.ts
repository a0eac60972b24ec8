/**
 * 入力チェック: every problem of the workbook, without writing anything.
 */
import type { FiscalYear } from '../core/fiscalYear';
import { sortProblems, type Problem } from '../core/problems';
import { formOverflowProblems, formOverflows } from '../core/sheet/fitForm';
import { progressSheetLayout } from '../core/sheet/progressSheetLayout';
import { writeProgressSheet } from '../core/sheet/writeProgressSheet';
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
  const layout = progressSheetLayout(reading.plan);
  // Texts too long for the form's two printed pages: the sheet as the product writes (and prints) it.
  const overflowing = reading.sheets.flatMap((sheet) =>
    formOverflowProblems(sheet.name, formOverflows(writeProgressSheet(reading.plan, sheet.data, sheet.name), layout)),
  );
  const problems = overflowing.length
    ? sortProblems([...reading.problems, ...overflowing], reading.sheetOrder)
    : reading.problems;
  return {
    year: reading.year,
    sheetCount: reading.sheets.length,
    problems,
    errorCount: problems.filter((problem) => problem.severity === 'error').length,
    warningCount: problems.filter((problem) => problem.severity === 'warning').length,
  };
}
