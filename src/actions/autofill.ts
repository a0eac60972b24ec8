/**
 * 自動計算: fills 合計 and 総合評価 (formulas with their values) on some or all 進捗状況シート,
 * touching no other cell.
 */
import { progressSheetLayout } from '../core/sheet/progressSheetLayout';
import { computedCells } from '../core/sheet/writeProgressSheet';
import type { WorkbookPort } from '../workbook/port';
import { step, WRITING_PHASE } from './progress';
import { readWorkbook, type ReadOptions } from './readWorkbook';

/**
 * Fills the computed cells.
 * @param port - the workbook
 * @param options - which sheets (default all), year, progress
 * @returns the sheets filled and the problems found while reading them
 */
export async function autofill(port: WorkbookPort, options: ReadOptions & { sheets?: string[] } = {}) {
  const reading = await readWorkbook(port, { purpose: 'aggregate', ...options });
  const layout = progressSheetLayout(reading.plan);
  const targets = reading.sheets.filter((sheet) => !options.sheets || options.sheets.includes(sheet.name));
  step(options, WRITING_PHASE, 0, 1);
  await port.writeCells(targets.map((sheet) => ({ sheet: sheet.name, cells: computedCells(layout, sheet.data) })));
  step(options, '完了', 1, 1);
  const names = new Set(targets.map((sheet) => sheet.name));
  return {
    filledSheets: [...names],
    problems: reading.problems.filter((problem) => problem.sheet === null || names.has(problem.sheet)),
  };
}
