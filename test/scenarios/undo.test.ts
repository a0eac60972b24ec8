/**
 * 元に戻す outlives the pane (issue 9, item 6): 「集計」 keeps the way back in the workbook itself (a
 * very hidden, marked record sheet), so undo works from a new port over the same workbook (the pane
 * closed and opened again) and after the workbook was saved and opened again. Over the memory port
 * and the Office.js port (over the fake Excel).
 */
import { aggregate } from '../../src/actions/aggregate';
import { canUndoAggregate } from '../../src/actions/record';
import { NothingToUndoError, undoAggregate } from '../../src/actions/undo';
import { isUserError } from '../../src/core/errors';
import { ownedKindOf } from '../../src/core/ownership';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { SUMMARY_SHEET_NAMES } from '../../src/core/summaryTabs';
import { RECORD_SHEET_NAME } from '../../src/core/undoRecord';
import { builtInPlan } from '../../src/core/example';
import { FakeExcel } from '../../src/demo/fakeExcel';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import { exampleBook } from '../support/exampleBook';
import { bookState } from '../support/userEdits';

const FIRST = '1 ガバメントクラウドファンディングの実施';
const REVIEW = SUMMARY_SHEET_NAMES.review;

/** The example year's 進捗 score cell of a 進捗状況シート (a department's input). */
const PROGRESS = progressSheetLayout(builtInPlan()).scores[1].scores.progress;

describe('元に戻す over the memory port', () => {
  it('puts the workbook back exactly as before the first 集計 (record sheet gone too)', async () => {
    const book = await exampleBook();
    const before = bookState(book);
    await aggregate(book);
    expect(book.sheet(RECORD_SHEET_NAME).visibility).toBe('veryHidden');
    expect(await canUndoAggregate(book)).toBe(true);
    const result = await undoAggregate(book);
    expect(result.deletedTabs).toContain(REVIEW);
    expect(result.keptTabs).toEqual([]);
    expect(bookState(book)).toEqual(before);
    expect(await canUndoAggregate(book)).toBe(false);
  });

  it('after a second 集計, rebuilds the tabs exactly as the first made them', async () => {
    const book = await exampleBook();
    const first = await aggregate(book);
    const tabs = [...first.summarySheets, ...first.pageSheets];
    const tabsOf = () => bookState(book).filter((sheet) => tabs.includes(sheet.name));
    const afterFirst = tabsOf();
    // A department's score changes between the two 集計: the second's tabs differ.
    const score = book.sheet(FIRST).value(PROGRESS);
    await book.writeCells([{ sheet: FIRST, cells: [{ address: PROGRESS, value: score === 1 ? 3 : 1 }] }]);
    await aggregate(book);
    const result = await undoAggregate(book);
    expect(result.rebuiltTabs).toContain(REVIEW);
    expect(tabsOf()).toEqual(afterFirst);
    // One generation: the record keeps what the tabs were built from, without a step back.
    expect(await canUndoAggregate(book)).toBe(false);
  });

  it('keeps the way back when a second 集計 changes nothing', async () => {
    const book = await exampleBook();
    const before = bookState(book);
    await aggregate(book);
    await aggregate(book);
    await undoAggregate(book);
    expect(bookState(book)).toEqual(before);
  });

  it('refuses a second 元に戻す with a Japanese message and changes nothing', async () => {
    const book = await exampleBook();
    await aggregate(book);
    await undoAggregate(book);
    const before = bookState(book);
    const error = await undoAggregate(book).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NothingToUndoError);
    expect(isUserError(error) && error.code).toBe('nothing-to-undo');
    expect(bookState(book)).toEqual(before);
  });

  it('ignores a sheet named as the record without the owner marker', async () => {
    const book = await exampleBook();
    await book.putSheets([
      { name: RECORD_SHEET_NAME, columnWidths: [], cells: [{ address: 'A1', value: 1 }], formats: [] },
    ]);
    expect(await canUndoAggregate(book)).toBe(false);
    const error = await aggregate(book).catch((caught: unknown) => caught);
    expect(isUserError(error) && error.code).toBe('sheet-not-owned');
    expect(book.sheet(RECORD_SHEET_NAME).value('A1')).toBe(1);
  });

  it('marks every tab it writes with the owner marker', async () => {
    const book = await exampleBook();
    const result = await aggregate(book);
    for (const name of [...result.summarySheets, ...result.pageSheets, RECORD_SHEET_NAME]) {
      const values = [...book.sheet(name).cells.values()].map((cell) => cell.value);
      expect(values.filter((value) => typeof value === 'string' && ownedKindOf(value) !== null)).toHaveLength(1);
    }
  });
});

/** The Office.js port over a fake Excel, as a pane opening on the workbook would make it. */
function paneOver(fake: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: fake.run, requirements: fake.requirements, sleep: async () => undefined });
}

async function exampleFake(): Promise<FakeExcel> {
  const book = await exampleBook();
  const fake = new FakeExcel();
  fake.loadSheetSpecs(book.specs);
  return fake;
}

/** A workbook's sheets without the ids Excel gives them when a file is opened. */
function contentOf(fake: FakeExcel): unknown[] {
  return fake.snapshot().sheets.map(({ id: _id, ...sheet }) => sheet);
}

/** The workbook saved to a file and opened again in a new Excel. */
function savedAndOpened(fake: FakeExcel): FakeExcel {
  const opened = new FakeExcel();
  opened.loadSheetSpecs(fake.toSheetSpecs());
  return opened;
}

describe('元に戻す over the Office.js port (fake Excel)', () => {
  it('works from a pane opened again on the same workbook', async () => {
    const fake = await exampleFake();
    const before = fake.snapshot();
    await aggregate(paneOver(fake));
    const reopened = paneOver(fake);
    expect(await canUndoAggregate(reopened)).toBe(true);
    await undoAggregate(reopened);
    expect(fake.snapshot()).toEqual(before);
  });

  it('refuses to replace a department sheet renamed 総評, changing nothing', async () => {
    const fake = await exampleFake();
    fake.sheet(FIRST).name = REVIEW; // renamed on its tab
    const before = fake.snapshot();
    const error = await aggregate(paneOver(fake)).catch((caught: unknown) => caught);
    expect(isUserError(error) && [error.code, error.sheet]).toEqual(['sheet-not-owned', REVIEW]);
    expect(fake.snapshot()).toEqual(before);
  });

  it('works after the workbook was saved and opened again', async () => {
    const fake = await exampleFake();
    // Saving through the fake's specs is lossy in formats; the comparison is with the example
    // saved and opened the same way.
    const before = contentOf(savedAndOpened(fake));
    await aggregate(paneOver(fake));
    const opened = savedAndOpened(fake);
    expect(opened.snapshot().sheets.find((sheet) => sheet.name === RECORD_SHEET_NAME)?.visibility).toBe('VeryHidden');
    await undoAggregate(paneOver(opened));
    expect(contentOf(opened)).toEqual(before);
  });
});
