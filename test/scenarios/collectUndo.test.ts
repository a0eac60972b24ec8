/**
 * 元に戻す of a 回収 into the workbook (issue 11, item 4), over the memory port, the whole state
 * compared: a 回収 that added the sheet of an item the workbook lacked is undone with that sheet
 * deleted; a 回収 after a 「集計」 is undone with the summary tabs and their record kept, and a
 * 「集計」 after a 回収 is what 元に戻す then undoes; 配布 stops between departments when cancelled.
 */
import { aggregate } from '../../src/actions/aggregate';
import { collectIntoWorkbook } from '../../src/actions/collectFiles';
import { cancelSource, CancelledError } from '../../src/actions/progress';
import { readAggregateRecord, undoKindOf } from '../../src/actions/record';
import { splitToFiles } from '../../src/actions/splitFiles';
import { NothingToUndoError, undoAggregate } from '../../src/actions/undo';
import { IMPORT_LOG_SHEET_NAME } from '../../src/core/collection/importLog';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { progressSheetName } from '../../src/core/sheet/writeProgressSheet';
import type { CellValue } from '../../src/core/sheetSpec';
import { SUMMARY_SHEET_NAMES } from '../../src/core/summaryTabs';
import { RECORD_SHEET_NAME } from '../../src/core/undoRecord';
import { xlsxFiles } from '../../src/host/xlsxFiles';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { R3, smallPlan, splitSmall } from '../support/smallPlan';
import { bookState } from '../support/userEdits';

const plan = smallPlan(['総務課', '財政課', '財政課']);
const layout = progressSheetLayout(plan);
const scores = layout.scores.find((entry) => entry.year === R3)!.scores;
const sheetOf = (index: number) => progressSheetName(plan.items[index].no, plan.items[index].name);

async function write(book: WorkbookPort, sheet: string, cells: Record<string, CellValue>): Promise<void> {
  await book.writeCells([{ sheet, cells: Object.entries(cells).map(([address, value]) => ({ address, value })) }]);
}

/** Every R3 score of every item, so that 「集計」 has something to count. */
async function fillScores(book: WorkbookPort): Promise<void> {
  for (const index of plan.items.keys())
    await write(book, sheetOf(index), Object.fromEntries(Object.values(scores).map((address) => [address, 2])));
}

/** The department files of a master, with one cell of one of them changed. */
async function returnedFiles(master: WorkbookPort, sheet: string, cells: Record<string, CellValue>) {
  const { files } = await splitToFiles(master, xlsxFiles);
  return Promise.all(
    files.map(async (file) => {
      const book = await XlsxWorkbook.open(file.bytes);
      if (!(await book.listSheets()).some((each) => each.name === sheet)) return file;
      await write(book, sheet, cells);
      return { name: file.name, bytes: new Uint8Array(await book.toBuffer()) };
    }),
  );
}

it('undoes a 回収 that added a sheet the workbook lacked: the sheet and 取込履歴 go, every cell as before', async () => {
  const { master } = await splitSmall(plan, fillScores);
  const files = await returnedFiles(master, sheetOf(2), { [scores.progress]: 3 });
  await master.deleteSheets([sheetOf(1)]);
  const before = bookState(master);
  const result = await collectIntoWorkbook(master, files, xlsxFiles);
  expect(result.changedSheets).toEqual(expect.arrayContaining([sheetOf(1), sheetOf(2)]));
  expect(master.sheetNames()).toEqual(expect.arrayContaining([sheetOf(1), IMPORT_LOG_SHEET_NAME]));
  expect(await undoKindOf(master)).toBe('collect');
  const undone = await undoAggregate(master);
  expect(undone.kind).toBe('collect');
  expect(undone.deletedTabs).toEqual(expect.arrayContaining([sheetOf(1), IMPORT_LOG_SHEET_NAME]));
  expect(bookState(master)).toEqual(before);
  await expect(undoAggregate(master)).rejects.toBeInstanceOf(NothingToUndoError);
});

it('after a 「集計」: undoing the 回収 keeps the summary tabs and cuts 取込履歴 back; a later 「集計」 is what 元に戻す undoes', async () => {
  const { master } = await splitSmall(plan, fillScores);
  const first = await returnedFiles(master, sheetOf(0), { [scores.progress]: 1 });
  await collectIntoWorkbook(master, first, xlsxFiles, { now: new Date(Date.UTC(2022, 4, 1)) });
  await aggregate(master);
  const tabs = (await readAggregateRecord(master))?.tabs;
  const before = bookState(master, [RECORD_SHEET_NAME]);
  const second = await returnedFiles(master, sheetOf(2), { [scores.creativity]: 3 });
  await collectIntoWorkbook(master, second, xlsxFiles, { now: new Date(Date.UTC(2022, 4, 2)) });
  expect(await undoKindOf(master)).toBe('collect');
  await undoAggregate(master);
  // Every sheet as before the second 回収, 取込履歴 with its first rows only; the record keeps its
  // tabs but no step back (one generation: the 回収 took the place of the 「集計」's step).
  expect(bookState(master, [RECORD_SHEET_NAME])).toEqual(before);
  expect(master.sheetNames()).toContain(SUMMARY_SHEET_NAMES.review);
  expect((await readAggregateRecord(master))?.tabs).toEqual(tabs);
  expect(await undoKindOf(master)).toBeNull();

  await collectIntoWorkbook(master, second, xlsxFiles);
  await aggregate(master);
  expect(await undoKindOf(master)).toBe('aggregate');
  expect((await undoAggregate(master)).kind).toBe('aggregate');
});

it('配布 stops between departments when cancelled', async () => {
  const { master } = await splitSmall(plan);
  const source = cancelSource();
  let created = 0;
  const books = {
    create: () => {
      created += 1;
      return xlsxFiles.create();
    },
  };
  const phases: string[] = [];
  const run = splitToFiles(master, books, {
    signal: source.signal,
    onProgress: (progress) => {
      phases.push(`${progress.phase} ${progress.done}/${progress.total}`);
      if (progress.phase === '部署ごとのブックを作成中') source.cancel();
    },
  });
  await expect(run).rejects.toBeInstanceOf(CancelledError);
  expect(phases).toContain('部署ごとのブックを作成中 0/2');
  expect(created).toBe(1);
});
