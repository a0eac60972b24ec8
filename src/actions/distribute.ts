/**
 * 配布: split a workbook into one workbook per 担当部署 (its lead department, the first listed).
 * Sheets move as data through the one cell map, then every carried cell (確認時期 and the inputs)
 * is written again exactly as read, so that a number stays a number and `４` stays `４`. Items that
 * ended before the year are not sent; each book keeps their evaluations (取組終了の評価), the
 * council tab, its プラン定義 and a 配布記録 (the fingerprint of each sheet's inputs as sent).
 * A department's own formatting (row heights, colours) is not carried.
 */
import { inputFingerprint, type InputValues } from '../core/collection/inputCells';
import { recordTime } from '../core/collection/recordTab';
import { writeSplitRecord } from '../core/collection/splitRecord';
import { endedBefore, planWithSheetEndings } from '../core/endedItems';
import { UserError } from '../core/errors';
import { compareItemCodes } from '../core/itemCode';
import { findItem, type ItemCode, type Plan } from '../core/plan';
import { progressSheetName } from '../core/sheet/writeProgressSheet';
import type { SheetWrite, WorkbookPort } from '../workbook/port';
import { archiveOf, councilOf, writeRecordTabs } from './distributeTabs';
import type { RunOptions } from './progress';
import type { ReadSheet, WorkbookReading } from './readWorkbook';
import { writeWorkbook } from './template';

/** The sheets of one department. */
export interface DepartmentGroup {
  department: string;
  sheets: ReadSheet[];
}

/** Department of an item that receives its sheet: the first listed (主担当), or 担当部署未設定. */
export function leadDepartment(plan: Plan, itemNo: ItemCode): string {
  return findItem(plan, itemNo)?.departments[0] ?? '担当部署未設定';
}

/**
 * Groups the sheets read from a workbook by lead department, in order of first 小№; the sheets of
 * items that ended before the year are not sent.
 * @param reading - the workbook as read (all of it: purpose 'full')
 * @returns one group per department that has a running item
 * @throws UserError when a text cannot be written to a workbook (longer than Excel allows), naming
 *   the sheet and the cell, before anything is written
 */
export function groupByDepartment(reading: WorkbookReading): DepartmentGroup[] {
  assertWritable(reading);
  const groups = new Map<string, ReadSheet[]>();
  const sorted = [...reading.sheets].sort((a, b) => compareItemCodes(a.data.itemNo, b.data.itemNo));
  for (const sheet of sorted.filter((each) => !endedBefore(reading.plan, each.data.itemNo, reading.year, each.data))) {
    const department = leadDepartment(reading.plan, sheet.data.itemNo);
    groups.set(department, [...(groups.get(department) ?? []), sheet]);
  }
  return [...groups.entries()].map(([department, sheets]) => ({ department, sheets }));
}

/** Options of writing a department's book. */
export interface SplitOptions extends RunOptions {
  /** The workbook split, as named in the 配布記録 (a file name). */
  source?: string;
  /** The moment of the split (default: now). */
  now?: Date;
}

/**
 * Writes one department's workbook: its sheets with every carried cell as read, its プラン定義
 * (with the items' 取組終了 as their sheets say), the council tab, the evaluations of ended items
 * and the 配布記録.
 * @param target - an empty workbook
 * @param reading - the source workbook as read (purpose 'full')
 * @param group - the department's sheets
 * @param options - source name, time, progress and cancellation
 * @returns the names of the sheets written
 */
export async function writeDepartmentBook(
  target: WorkbookPort,
  reading: WorkbookReading,
  group: DepartmentGroup,
  options: SplitOptions = {},
): Promise<string[]> {
  const plan = planWithSheetEndings(
    reading.plan,
    reading.sheets.map((sheet) => sheet.data),
  );
  const names = await writeWorkbook(
    target,
    plan,
    reading.year,
    group.sheets.map((sheet) => sheet.data),
    councilOf(reading),
    options,
  );
  await target.writeCells(exactCells(names, group.sheets));
  await writeRecordTabs(target, plan, {
    councilHistory: reading.councilHistory,
    archived: archiveOf(reading),
    splitRecord: writeSplitRecord({
      time: recordTime(options.now ?? new Date()),
      source: options.source ?? '',
      department: group.department,
      year: reading.year,
      planFingerprint: reading.planFingerprint,
      sheets: group.sheets.map((sheet, index) => ({
        itemNo: sheet.data.itemNo,
        sheet: names[index],
        inputs: inputFingerprint(carriedOf(sheet)),
      })),
    }),
  });
  return names;
}

/**
 * The carried cells of sheets written by name, exactly as read.
 * @param names - the sheets' names in the target, in the order of `sheets`
 * @param sheets - the sheets as read (purpose 'full')
 * @returns one write per sheet
 */
export function exactCells(names: readonly string[], sheets: readonly { inputs?: InputValues }[]): SheetWrite[] {
  return sheets.map((sheet, index) => ({
    sheet: names[index],
    cells: [...carriedOf(sheet)].map(([address, value]) => ({ address, value })),
  }));
}

/** A sheet's carried cells, which a 'full' read always has. */
export function carriedOf(sheet: { inputs?: InputValues }): InputValues {
  if (!sheet.inputs) throw new RangeError('the sheet was not read for its inputs');
  return sheet.inputs;
}

/** The name a sheet gets in a book written from data. */
export function sheetNameOf(sheet: ReadSheet): string {
  return progressSheetName(sheet.data.itemNo, sheet.data.itemName);
}

/**
 * Refuses a workbook whose sheets hold text no workbook can take (a split or collect would fail
 * half-way).
 * @param reading - the workbook as read
 * @param file - the file it came from, for the message
 */
export function assertWritable(reading: WorkbookReading, file?: string): void {
  const unwritable = reading.problems.find((entry) => entry.code === 'text-too-long');
  if (unwritable)
    throw new UserError(unwritable.message, {
      code: 'text-too-long',
      sheet: unwritable.sheet,
      cell: unwritable.cell,
      file: file ?? null,
      fix: unwritable.fix,
    });
}
