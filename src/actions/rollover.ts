/**
 * 年度の繰越: next year's workbook from this year's (aggregated or not). Every earlier year's
 * entries, scores and 工程 stay, exactly as typed; 確認時期 moves to the new year; only what the
 * new year must fill is cleared (評価の理由, which the form holds for one year: this year's stay in
 * the workbook rolled from, which is kept as the year's archive). Items that ended before the new
 * year keep everything and are marked (grey tab); they are not asked for and count by the rule.
 * The council's input of this year and every earlier one is kept, one tab per year
 * (審議会評価（Ｒ３）), and 審議会評価 starts blank for the new year.
 */
import { carriedCells } from '../core/collection/inputCells';
import { hasCouncilInput, writeCouncilHistory } from '../core/councilHistory';
import { endedBefore } from '../core/endedItems';
import { UserError } from '../core/errors';
import { yearCode, type FiscalYear } from '../core/fiscalYear';
import type { ProgressSheetData } from '../core/sheet/progressSheetData';
import type { WorkbookPort } from '../workbook/port';
import { carriedOf } from './distribute';
import { writeRecordTabs } from './distributeTabs';
import type { RunOptions } from './progress';
import { readWorkbook, type ReadSheet, type WorkbookReading } from './readWorkbook';
import { writeWorkbook } from './template';
import type { BookFile, BookFiles } from './bookFiles';
import { safeBaseName } from '../core/fileNames';

/** What a rollover made. */
export interface RolloverResult {
  from: FiscalYear;
  to: FiscalYear;
  /** Item sheets written, by name. */
  sheets: string[];
  /** Items that ended before the new year (kept, marked, not asked for). */
  ended: number;
  /** The plan's title. */
  title: string;
}

/**
 * Writes next year's workbook from this year's.
 * @param source - this year's workbook (read only)
 * @param target - an empty workbook
 * @param to - the new year
 * @param options - progress and cancellation
 * @returns the years, the sheets written and the number of ended items
 * @throws UserError when the new year is not after this year or past the plan's last year, or when
 *   this year's workbook has errors
 */
export async function rollover(
  source: WorkbookPort,
  target: WorkbookPort,
  to: FiscalYear,
  options: RunOptions = {},
): Promise<RolloverResult> {
  const reading = await readWorkbook(source, { ...options, purpose: 'full' });
  assertRollable(reading, to);
  const ended = (sheet: ReadSheet) => endedBefore(reading.plan, sheet.data.itemNo, to, sheet.data);
  const sheets = reading.sheets.map((sheet) => nextYearSheet(sheet.data, to, ended(sheet)));
  const names = await writeWorkbook(target, reading.plan, to, sheets, null, options);
  // Earlier years' cells exactly as typed (a number stays a number); 確認時期 and cleared cells as written.
  const kept = carriedCells(reading.plan).filter((cell) => cell.field.kind !== 'checkYear');
  await target.writeCells(
    reading.sheets.map((sheet, index) => {
      const values = carriedOf(sheet);
      const cells = kept.filter((cell) => ended(sheet) || cell.field.kind !== 'reason');
      return {
        sheet: names[index],
        cells: cells.map((cell) => ({ address: cell.address, value: values.get(cell.address) ?? null })),
      };
    }),
  );
  // Ended items whose sheets this workbook does not hold (a collected book) keep their evaluations.
  await writeRecordTabs(target, reading.plan, { archived: reading.archived });
  // Every earlier year's council input stays whole, one tab per year; 審議会評価 starts blank.
  const councils = [
    ...reading.councilHistory,
    ...(reading.council && hasCouncilInput(reading.council) ? [reading.council] : []),
  ];
  const byYear = new Map(councils.map((council) => [council.year, council]));
  if (byYear.size > 0)
    await target.putSheets([...byYear.values()].map((council) => writeCouncilHistory(reading.plan, council)));
  return {
    from: reading.year,
    to,
    sheets: names,
    ended: reading.sheets.filter(ended).length,
    title: reading.plan.title,
  };
}

/** Refuses a rollover that cannot be right, before anything is written. */
function assertRollable(reading: WorkbookReading, to: FiscalYear): void {
  const { plan, year } = reading;
  const last = plan.period[plan.period.length - 1];
  if (to > last)
    throw new UserError(
      `${yearCode(to)} はプランの計画期間（${yearCode(plan.period[0])}〜${yearCode(last)}）の後のため、繰り越せません。`,
      {
        code: 'usage',
        fix: `計画期間の年度（${yearCode(last)} まで）を指定するか、次のプランのブックを作ってください。`,
      },
    );
  if (to <= year || !plan.period.includes(to))
    throw new UserError(`確認時期 ${yearCode(year)} のブックを ${yearCode(to)} に繰り越すことはできません。`, {
      code: 'usage',
      fix: `${yearCode(year)} より後の年度を指定してください。`,
    });
  const errors = reading.problems.filter((entry) => entry.severity === 'error');
  if (errors.length > 0)
    throw new UserError(
      `ブックにエラーが ${errors.length} 件あるため、繰り越せません（最初のエラー: ${errors[0].sheet ?? 'ブック全体'} ${errors[0].cell ?? ''} ${errors[0].message}）。`,
      { code: 'usage', fix: '入力チェックでエラーを直してから繰り越してください。' },
    );
}

/**
 * An item's sheet for the new year: 確認時期 moved; 評価の理由 cleared for a running item (the
 * form holds one year's), everything kept for an item that ended.
 * @param data - this year's sheet
 * @param to - the new year
 * @param ended - whether the item ended before the new year
 * @returns the new year's sheet
 */
export function nextYearSheet(data: ProgressSheetData, to: FiscalYear, ended: boolean): ProgressSheetData {
  if (ended) return { ...data, checkYear: to };
  const reasons = Object.fromEntries(Object.keys(data.reasons).map((key) => [key, ''])) as ProgressSheetData['reasons'];
  return { ...data, checkYear: to, reasons };
}

/** Next year's workbook as a file. */
export interface RolloverFile extends RolloverResult {
  file: BookFile;
}

/**
 * Next year's workbook as a file (the pane's 年度更新): the source is only read, so it stays the
 * year's record, as with `shinchoku rollover`.
 * @param source - this year's workbook
 * @param books - makes the file
 * @param to - the new year
 * @param options - progress and cancellation
 * @returns what rollover made, and the file (named after the plan and the new year)
 */
export async function rolloverToFile(
  source: WorkbookPort,
  books: Pick<BookFiles, 'create'>,
  to: FiscalYear,
  options: RunOptions = {},
): Promise<RolloverFile> {
  const book = books.create();
  const result = await rollover(source, book, to, options);
  const name = `${safeBaseName(`${result.title}（${yearCode(to)}）`, yearCode(to))}.xlsx`;
  return { ...result, file: { name, bytes: await book.toBuffer() } };
}
