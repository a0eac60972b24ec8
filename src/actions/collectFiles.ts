/**
 * 回収 into the open workbook (the pane): the files the user picked are read as workbooks, merged
 * as `shinchoku collect FILE… --into MASTER` merges them (only the input cells a department
 * changed; conflicts shown and not merged; books of another plan or year, or unreadable, refused
 * by name), and the way back is kept first in the record of 元に戻す (src/core/undoRecord.ts): the
 * input and 合計・総合評価 cells of every sheet the collection may change, the sheets it may add
 * and the rows 取込履歴 had. It works after closing and reopening the workbook.
 */
import { inputFingerprint } from '../core/collection/inputCells';
import { IMPORT_LOG_SHEET_NAME } from '../core/collection/importLog';
import { isUserError } from '../core/errors';
import { RECORD_SHEET_NAME, recordCells, writeRecordSheet } from '../core/undoRecord';
import type { CellWrite } from '../core/sheetSpec';
import type { WorkbookPort } from '../workbook/port';
import type { BookFile, BookFiles } from './bookFiles';
import { carriedOf } from './distribute';
import { collectBooks, type Collected, type ReturnedBook } from './distributeCollect';
import { existingLog, mergeInto, type MergeOptions, type MergeResult } from './distributeMerge';
import { ownedOnly, refuseNotOwned } from './ownedSheets';
import { step, WRITING_PHASE } from './progress';
import { readWorkbook, type WorkbookReading } from './readWorkbook';
import { readAggregateRecord } from './record';
import { itemSheetSpec } from './template';

/** What 回収 into the workbook did. */
export interface CollectIntoResult extends MergeResult {
  /** Files picked. */
  files: number;
  /** Files not merged, by name (the reason is in `problems`). */
  refused: string[];
}

/**
 * Merges returned files into the workbook.
 * @param master - the open workbook
 * @param files - the returned files, as picked
 * @param books - opens the files' bytes
 * @param options - time, the workbook's name in 取込履歴, progress and cancellation
 * @returns what changed, the conflicts, the refused files and every problem (each naming its file)
 * @throws UserError when no file can be merged, or (before writing) when a sheet it would replace
 *   is not the product's
 */
export async function collectIntoWorkbook(
  master: WorkbookPort,
  files: readonly BookFile[],
  books: Pick<BookFiles, 'open'>,
  options: MergeOptions = {},
): Promise<CollectIntoResult> {
  const reading = await readWorkbook(master, { ...options, purpose: 'full' });
  const returned: ReturnedBook[] = [];
  for (const file of files) returned.push({ label: file.name, port: await openOrRefused(books, file) });
  const collected = await collectBooks(returned, {
    expect: { planFingerprint: reading.planFingerprint, year: reading.year },
    signal: options.signal,
    onProgress: options.onProgress,
  });
  refuseNotOwned(reading, [RECORD_SHEET_NAME]);
  const logRows = (await existingLog(master, reading)).length;
  const record = await readAggregateRecord(master, reading.owners).catch(() => null);
  step(options, '元に戻すための記録を作成中', 0, 1);

  // From here on the workbook changes: no more cancelling.
  const owned = ownedOnly(master);
  await owned.putSheets([
    writeRecordSheet({ version: 1, tabs: record?.tabs ?? null, undo: collectStep(reading, collected, logRows) }),
  ]);
  options.onProgress?.({ phase: WRITING_PHASE, done: 0, total: 1 });
  // 取込履歴 is the product's by its own marker (checked by existingLog above), not the row-1 marker.
  const port: WorkbookPort = {
    ...owned,
    putSheets: (specs, put) =>
      specs.every((spec) => spec.name === IMPORT_LOG_SHEET_NAME)
        ? master.putSheets(specs, put)
        : owned.putSheets(specs, put),
  };
  const result = await mergeInto(port, reading, collected, { ...options, signal: undefined });
  return {
    ...result,
    problems: [...collected.problems, ...result.problems],
    files: files.length,
    refused: collected.refused,
  };
}

/** A file's workbook, or one that refuses every read with why it cannot be opened (then refused by name). */
async function openOrRefused(books: Pick<BookFiles, 'open'>, file: BookFile): Promise<WorkbookPort> {
  try {
    return await books.open(file.bytes);
  } catch (error) {
    if (!isUserError(error)) throw error;
    const refuse = () => Promise.reject(error);
    return {
      listSheets: refuse,
      readRanges: refuse,
      writeCells: refuse,
      putSheets: refuse,
      deleteSheets: refuse,
      setPageSetups: refuse,
    };
  }
}

/**
 * The way back from a collection, before it writes: the carried and owned cells of every master
 * sheet a returned version differs from, the sheets it would add, and 取込履歴's rows.
 */
function collectStep(reading: WorkbookReading, collected: Collected, importLogRows: number) {
  const bySheet = new Map(reading.sheets.map((sheet) => [sheet.data.itemNo, sheet]));
  const touched = collected.sheets.flatMap((returned) => {
    const target = bySheet.get(returned.data.itemNo);
    return target && returned.hash !== inputFingerprint(carriedOf(target)) ? [target] : [];
  });
  const added = collected.sheets
    .filter((returned) => !bySheet.has(returned.data.itemNo))
    .map((returned) => ({
      name: itemSheetSpec(reading.plan, reading.year, returned.data).name,
      itemNo: returned.data.itemNo,
    }))
    .filter((sheet) => !reading.sheetOrder.includes(sheet.name));
  const hadLog = reading.sheetOrder.includes(IMPORT_LOG_SHEET_NAME);
  return {
    kind: 'collect' as const,
    year: reading.year,
    ...recordCells(
      touched.map((sheet) => ({
        name: sheet.name,
        itemNo: sheet.data.itemNo,
        cells: [...[...carriedOf(sheet)].map(([address, value]): CellWrite => ({ address, value })), ...sheet.owned],
      })),
    ),
    created: hadLog ? [] : [IMPORT_LOG_SHEET_NAME],
    replaced: [],
    previousTabs: null,
    addedSheets: added,
    ...(hadLog && { importLogRows }),
  };
}
