/**
 * 配布 without a file system (the pane): one .xlsx file per 担当部署 from the open workbook, with
 * the same groups, the same department books and the same file names as `shinchoku split`. The
 * source workbook is only read: the 配布記録 goes into each department's book, as in the CLI.
 */
import { distinctFileNames } from '../core/fileNames';
import type { FiscalYear, ItemCode } from '../core/plan';
import type { WorkbookPort } from '../workbook/port';
import type { BookFile, BookFiles } from './bookFiles';
import { groupByDepartment, writeDepartmentBook, type DepartmentGroup, type SplitOptions } from './distribute';
import { step } from './progress';
import { readWorkbook } from './readWorkbook';

/** The file name of a department whose name leaves nothing usable. */
export const DEPARTMENT_FALLBACK_NAME = '担当部署';

/**
 * Each department's file name: the department's name made a legal, distinct file name (.xlsx).
 * @param groups - the departments
 * @returns department → file name
 */
export function departmentFileNames(groups: readonly DepartmentGroup[]): Map<string, string> {
  return distinctFileNames(
    groups.map((group) => group.department),
    '.xlsx',
    DEPARTMENT_FALLBACK_NAME,
  );
}

/** One department's book. */
export interface DepartmentFile extends BookFile {
  department: string;
  itemNos: ItemCode[];
}

/** What 配布 made. */
export interface SplitFilesResult {
  year: FiscalYear;
  files: DepartmentFile[];
  /** Sheets of items that ended before the year (not sent). */
  ended: number;
}

/**
 * Splits a workbook into one .xlsx file per department.
 * @param source - the workbook (read only)
 * @param books - makes the files
 * @param options - the source's name for the 配布記録, time, progress and cancellation
 * @returns the files, in order of first 小№
 * @throws UserError when the workbook cannot be read or holds text no workbook can take
 */
export async function splitToFiles(
  source: WorkbookPort,
  books: Pick<BookFiles, 'create'>,
  options: SplitOptions = {},
): Promise<SplitFilesResult> {
  const reading = await readWorkbook(source, { ...options, purpose: 'full' });
  const groups = groupByDepartment(reading);
  const names = departmentFileNames(groups);
  const files: DepartmentFile[] = [];
  for (const [index, group] of groups.entries()) {
    step(options, '部署ごとのブックを作成中', index, groups.length);
    const book = books.create();
    await writeDepartmentBook(book, reading, group, { ...options, onProgress: undefined });
    files.push({
      name: names.get(group.department) as string,
      department: group.department,
      itemNos: group.sheets.map((sheet) => sheet.data.itemNo),
      bytes: await book.toBuffer(),
    });
  }
  step(options, '完了', groups.length, groups.length);
  const sent = groups.reduce((sum, group) => sum + group.sheets.length, 0);
  return { year: reading.year, files, ended: reading.sheets.length - sent };
}
