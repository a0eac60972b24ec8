/**
 * Sheets the product does not own are never replaced or deleted (issue 9, item 4): a department's
 * sheet renamed to a summary tab's name (総評), or a sheet the secretariat made by hand under such a
 * name, survives every use case that replaces, deletes or sets up sheets — 集計, 元に戻す, 印刷設定,
 * シート作成 — and the refusal names the sheet and the fix. Ownership is proven by the marker the
 * product writes, not by the name.
 */
import { aggregate } from '../../src/actions/aggregate';
import { checkWorkbook } from '../../src/actions/check';
import { applyPrintSetup } from '../../src/actions/printSetup';
import { createTemplate } from '../../src/actions/template';
import { undoAggregate } from '../../src/actions/undo';
import { COUNCIL_SHEET_NAME } from '../../src/core/councilSheet';
import { isUserError } from '../../src/core/errors';
import { builtInPlan, EXAMPLE_YEAR } from '../../src/core/example';
import { PLAN_SHEET_NAME } from '../../src/core/planSheet';
import { progressSheetPage } from '../../src/core/printSetup';
import { SUMMARY_SHEET_NAMES } from '../../src/core/summaryTabs';
import { INITIATIVE_PAGES_SHEET_NAME } from '../../src/core/summaryTabs/initiativePages';
import type { MemoryWorkbook } from '../../src/workbook/memory';
import { exampleBook } from '../support/exampleBook';
import { bookState, handMadeSheet, renameSheet } from '../support/userEdits';

const REVIEW = SUMMARY_SHEET_NAMES.review;
const FIFTH = '5 ＰＦＩ手法による苫小牧市民ホールの整備';

/** The rejection of a promise, which must be a UserError. */
async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; sheet: string | null; message: string; fix: string | null }> {
  const error = await promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (caught: unknown) => caught,
  );
  if (!isUserError(error)) throw error;
  return { code: error.code, sheet: error.sheet, message: error.message, fix: error.fix };
}

async function bookWithDepartmentSheetNamed(name: string): Promise<MemoryWorkbook> {
  const book = await exampleBook();
  renameSheet(book, FIFTH, name);
  return book;
}

describe('集計 never replaces a sheet it does not own', () => {
  it('refuses a department sheet renamed 総評, changes nothing, and check reports the name instead of a missing item', async () => {
    const book = await bookWithDepartmentSheetNamed(REVIEW);
    const before = bookState(book);
    const error = await refusal(aggregate(book));
    expect(error).toEqual({
      code: 'sheet-not-owned',
      sheet: REVIEW,
      message: expect.stringContaining('部署の進捗状況シート（小№ 5）'),
      fix: expect.stringContaining('名前を変え'),
    });
    expect(bookState(book)).toEqual(before);

    const checked = await checkWorkbook(book);
    expect(checked.problems).toContainEqual(
      expect.objectContaining({ code: 'sheet-name-reserved', severity: 'error', sheet: REVIEW }),
    );
    expect(checked.problems.map((problem) => problem.code)).not.toContain('item-sheet-missing');
  });

  it('refuses a hand-made sheet that took the place of its 総評 after an earlier 集計', async () => {
    const book = await exampleBook();
    await aggregate(book);
    await book.deleteSheets([REVIEW]);
    await book.putSheets([handMadeSheet(REVIEW, [{ address: 'A1', value: '総評（事務局のメモ）' }])]);
    const before = bookState(book);
    const error = await refusal(aggregate(book));
    expect(error.code).toBe('sheet-not-owned');
    expect(error.sheet).toBe(REVIEW);
    expect(error.fix).toContain('削除');
    expect(bookState(book)).toEqual(before);
  });

  it('replaces its own tabs, also after they were renamed back and forth by a user', async () => {
    const book = await exampleBook();
    await aggregate(book);
    renameSheet(book, REVIEW, '総評（コピー）');
    renameSheet(book, '総評（コピー）', REVIEW);
    const result = await aggregate(book);
    expect(result.summarySheets).toContain(REVIEW);
    expect(book.sheetNames().filter((name) => name === REVIEW)).toHaveLength(1);
  });
});

describe('元に戻す never deletes a sheet it does not own', () => {
  it('refuses when a department sheet took the name of a tab 集計 created, and changes nothing', async () => {
    const book = await exampleBook();
    await aggregate(book);
    await book.deleteSheets([REVIEW]);
    renameSheet(book, FIFTH, REVIEW);
    const before = bookState(book);
    const error = await refusal(undoAggregate(book));
    expect(error.code).toBe('sheet-not-owned');
    expect(error.sheet).toBe(REVIEW);
    expect(bookState(book)).toEqual(before);
  });
});

describe('印刷設定 sets tab print settings only on tabs it owns', () => {
  it('gives a department sheet named 総評 the 進捗状況シート settings, and its own tabs theirs', async () => {
    const book = await exampleBook();
    await aggregate(book);
    await book.deleteSheets([REVIEW]);
    renameSheet(book, FIFTH, REVIEW);
    const result = await applyPrintSetup(book);
    expect(result.progressSheets).toContain(REVIEW);
    expect(result.tabs).not.toContain(REVIEW);
    expect(result.tabs).toContain(INITIATIVE_PAGES_SHEET_NAME);
    expect(book.sheet(REVIEW).page).toEqual(progressSheetPage(builtInPlan()));
  });
});

describe('シート作成 never replaces a sheet it does not own', () => {
  it.each([PLAN_SHEET_NAME, COUNCIL_SHEET_NAME])(
    'keeps a department sheet named %s and does not duplicate its item',
    async (name) => {
      const book = await exampleBook();
      await book.deleteSheets([name]);
      renameSheet(book, FIFTH, name);
      await book.deleteSheets(['6 ＰＦＩ手法による総合体育館の整備の検討']);
      const kept = bookState(book);
      const department = kept.find((sheet) => sheet.name === name);
      const created = await createTemplate(book, { plan: builtInPlan(), year: EXAMPLE_YEAR, itemNos: ['5', '6'] });
      expect(created).toEqual(['6 ＰＦＩ手法による総合体育館の整備の検討']);
      expect(bookState(book).find((sheet) => sheet.name === name)).toEqual(department);
    },
  );
});
