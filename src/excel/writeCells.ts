/**
 * writeCells over Office.js, in one run: the sheets are found (one sync per 4 MB of lookups),
 * their protection read (one sync per 4 MB), then the cells written in syncs packed under the
 * budget by the bytes office.js sends (./portRequestSize): 「集計」 of 7,000 sheets writes 70,000
 * formulas, several times Excel on the web's 5 MB.
 *
 * A protected sheet (ours are protected without password) is unprotected for the write and
 * protected again with its options in the same sync, since Excel refuses writes to locked cells of
 * a protected sheet. A try cut short after unprotecting is followed by one that protects again
 * what the first try found protected (`protectedBefore`, kept across tries).
 */
import { sheetNameKey } from '../core/sheetName';
import type { SheetWrite } from '../workbook/port';
import type { BatchRunner } from './batchRunner';
import { inputBlocks, type InputBlock } from './cellInput';
import type { ExcelContext, WorksheetLike } from './excelApi';
import {
  PROTECT_AGAIN_BYTES,
  PROTECTION_ANSWER_BYTES,
  PROTECTION_LOAD_BYTES,
  rangeWriteBytes,
  REQUEST_FRAME_BYTES,
  SHEET_BY_ID_BYTES,
} from './portRequestSize';
import { findSheets, SYNC_BUDGET_BYTES } from './readRanges';

type Protection = WorksheetLike['protection'];

/** Splits items into consecutive chunks whose costs stay within the sync budget. */
function chunksOf<T>(items: readonly T[], cost: (item: T) => number): T[][] {
  const chunks: T[][] = [];
  let used = Infinity;
  for (const item of items) {
    const bytes = cost(item);
    if (used + bytes > SYNC_BUDGET_BYTES) {
      chunks.push([]);
      used = REQUEST_FRAME_BYTES;
    }
    chunks[chunks.length - 1].push(item);
    used += bytes;
  }
  return chunks;
}

/**
 * Writes the cells in one run (see the file comment).
 * @param runner - the port's batch runner (suspends calculation where the host can)
 * @param context - the run's context
 * @param writes - non-empty writes, one per sheet or several
 * @param protectedBefore - sheets found protected by an earlier try of the same call, by name key
 * @param written - told each sheet's written rectangles (the port's own-writes record)
 */
export async function writeCellsIn(
  runner: BatchRunner,
  context: ExcelContext,
  writes: readonly SheetWrite[],
  protectedBefore: Map<string, Excel.WorksheetProtectionOptions>,
  written: (sheet: string, addresses: string[]) => void,
): Promise<void> {
  const sheets = await findSheets(
    context,
    writes.map((write) => write.sheet),
  );
  const keys = [...new Set(writes.map((write) => sheetNameKey(write.sheet)))];
  const protections = new Map<string, Protection>();
  for (const chunk of chunksOf(keys, () => SHEET_BY_ID_BYTES + PROTECTION_LOAD_BYTES + PROTECTION_ANSWER_BYTES)) {
    for (const key of chunk)
      protections.set(key, (sheets.get(key) as WorksheetLike).protection.load('protected, options'));
    // One sync per 4 MB of protection reads is the point.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  for (const [key, protection] of protections)
    if (protection.protected && !protectedBefore.has(key)) protectedBefore.set(key, protection.options);

  // A sheet's blocks are cut into pieces under the budget, so that one sheet of more cells than one
  // request carries (the record of 「集計」 at 7,000 sheets) goes in several syncs too.
  const planned = writes.flatMap((write) =>
    chunksOf(inputBlocks(write.cells), (block) => rangeWriteBytes(block.address, block.grid)).map((blocks) => ({
      write,
      key: sheetNameKey(write.sheet),
      blocks,
    })),
  );
  const cost = (entry: { key: string; blocks: InputBlock[] }) =>
    SHEET_BY_ID_BYTES +
    entry.blocks.reduce((sum, block) => sum + rangeWriteBytes(block.address, block.grid), 0) +
    (protectedBefore.has(entry.key) ? PROTECT_AGAIN_BYTES : 0);
  for (const chunk of chunksOf(planned, cost)) {
    runner.suspend(context);
    const chunkKeys = [...new Set(chunk.map((entry) => entry.key))];
    for (const key of chunkKeys) if (protections.get(key)?.protected) protections.get(key)?.unprotect();
    for (const { write, key, blocks } of chunk) {
      const sheet = sheets.get(key) as WorksheetLike;
      for (const block of blocks) sheet.getRange(block.address).formulas = block.grid;
      written(
        write.sheet,
        blocks.map((block) => block.address),
      );
    }
    for (const key of chunkKeys) {
      const options = protectedBefore.get(key);
      if (options) protections.get(key)?.protect(options);
    }
    // One sync per 4 MB of cells is the point.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
}
