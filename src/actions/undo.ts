/**
 * 元に戻す: puts the workbook back as it was before the last 「集計」, from the record that 「集計」
 * kept in the workbook (src/core/undoRecord.ts), so it works after closing and reopening the pane
 * or the workbook, and from the CLI (`shinchoku undo`).
 *
 * Writes, in order: the owned cells as they were (to the sheet of each 小№, wherever it is now), the
 * replaced tabs rebuilt from what they were built from, the created tabs deleted (the 審議会評価 tab
 * only while it is still as 「集計」 made it), and last the record without its undo step. Each step
 * can be repeated, so an interrupted 元に戻す is finished by running it again.
 */
import { parseRange } from '../core/address';
import { COUNCIL_SHEET_NAME, councilReadRange, writeCouncilSheet } from '../core/councilSheet';
import { UserError } from '../core/errors';
import type { Plan } from '../core/plan';
import type { CellValue, SheetSpec } from '../core/sheetSpec';
import { IMPORT_LOG_SHEET_NAME, writeImportLog } from '../core/collection/importLog';
import {
  RECORD_SHEET_NAME,
  recordedWrites,
  writeRecordSheet,
  type AggregateRecord,
  type UndoKind,
} from '../core/undoRecord';
import type { SheetWrite, WorkbookPort } from '../workbook/port';
import { buildTabs } from './aggregate';
import { existingLog } from './distributeMerge';
import { markCouncil, ownedOnly, refuseNotOwned } from './ownedSheets';
import { step, type RunOptions } from './progress';
import { readWorkbook, type WorkbookReading } from './readWorkbook';
import { readAggregateRecord } from './record';

/** What 元に戻す did. */
export interface UndoResult {
  /** 進捗状況シート whose 合計/総合評価 were put back. */
  restoredSheets: string[];
  /** Tabs rebuilt as they were before the 「集計」. */
  rebuiltTabs: string[];
  /** Tabs the 「集計」 had added, deleted. */
  deletedTabs: string[];
  /** Tabs kept as they are: replaced by the 「集計」 but not rebuildable, or a 審議会評価 tab typed into since. */
  keptTabs: string[];
  /** 小№ whose sheet is no longer in the workbook (their cells could not be put back). */
  missingItems: string[];
  /** What was undone: a 「集計」, or a 回収 into the workbook. */
  kind: UndoKind;
}

/** There is no 「集計」 to undo. */
export class NothingToUndoError extends UserError {
  override name = 'NothingToUndoError';
}

/**
 * Undoes the last 「集計」 of the workbook.
 * @param port - the workbook
 * @param options - progress and cancellation (possible only before the first write)
 * @returns what was put back
 * @throws NothingToUndoError when no 「集計」 can be undone; SheetOwnershipError, before writing,
 *   when a tab to delete or rebuild was replaced by a sheet the product does not own
 */
export async function undoAggregate(port: WorkbookPort, options: RunOptions = {}): Promise<UndoResult> {
  step(options, '集計の記録を読み込み中', 0, 1);
  const record = await readAggregateRecord(port);
  const undo = record?.undo;
  if (!record || !undo) {
    throw new NothingToUndoError(
      '元に戻せる集計がありません（このブックでは、まだ集計していないか、すでに元に戻しました）。',
      {
        code: 'nothing-to-undo',
        fix: '集計表を作り直すには「集計」を実行してください。',
      },
    );
  }
  const plan = record.tabs?.plan;
  const reading = await readWorkbook(port, { purpose: 'aggregate', year: undo.year, ...(plan && { plan }) });

  const sheetOf = new Map(reading.sheets.map((sheet) => [sheet.data.itemNo, sheet.name]));
  const writes: SheetWrite[] = [];
  const missingItems: string[] = [];
  for (const recorded of undo.sheets) {
    const sheet = sheetOf.get(recorded.itemNo);
    if (sheet === undefined) missingItems.push(recorded.itemNo);
    else writes.push({ sheet, cells: recordedWrites(undo, recorded) });
  }
  const previous = undo.previousTabs;
  const rebuilt = previous ? rebuildable(buildTabs(previous), undo.replaced) : [];
  const present = new Set(reading.sheetOrder.map((name) => name.toLowerCase()));
  const exists = (name: string) => present.has(name.toLowerCase());
  const created = undo.created.filter(exists);
  const councilKept =
    created.includes(COUNCIL_SHEET_NAME) && !(await councilUntouched(port, reading, plan ?? reading.plan, undo.year));
  const deleted = created.filter(
    (name) =>
      !(councilKept && name === COUNCIL_SHEET_NAME) && !(undo.kind === 'collect' && name === IMPORT_LOG_SHEET_NAME),
  );
  const notRebuilt = undo.replaced.filter((name) => !rebuilt.some((spec) => spec.name === name));
  refuseNotOwned(reading, [...rebuilt.map((spec) => spec.name), ...deleted, RECORD_SHEET_NAME]);
  const collect = undo.kind === 'collect';
  // A 回収 left the summary tabs alone: they are still built from the record's `tabs`.
  const tabsNow: AggregateRecord['tabs'] = collect
    ? record.tabs
    : rebuilt.length > 0
      ? previous
      : notRebuilt.length > 0
        ? record.tabs
        : null;
  const importLog = collect ? await importLogBefore(port, reading, undo.importLogRows) : null;
  const added = (undo.addedSheets ?? []).filter((sheet) => sheetOf.get(sheet.itemNo) === sheet.name);
  step(options, '元に戻しています', 0, 1);

  // From here on the workbook changes: no more cancelling.
  const owned = ownedOnly(port);
  await owned.writeCells(writes);
  const firstItemSheet = reading.sheetOrder.find((name) => reading.sheets.some((sheet) => sheet.name === name));
  if (rebuilt.length > 0) await owned.putSheets(rebuilt, { before: firstItemSheet });
  if (deleted.length > 0) await owned.deleteSheets(deleted);
  // 取込履歴 is the product's by its own marker (checked when read above), not by the row-1 marker.
  if (importLog === 'delete') await port.deleteSheets([IMPORT_LOG_SHEET_NAME]);
  else if (importLog) await port.putSheets([importLog]);
  // Sheets a 回収 added are departments' sheets (no owner marker): deleted while still that item's.
  if (added.length > 0) await port.deleteSheets(added.map((sheet) => sheet.name));
  if (tabsNow) await owned.putSheets([writeRecordSheet({ version: 1, tabs: tabsNow, undo: null })]);
  else await owned.deleteSheets([RECORD_SHEET_NAME]);
  options.onProgress?.({ phase: '完了', done: 1, total: 1 });
  return {
    restoredSheets: writes.map((write) => write.sheet),
    rebuiltTabs: rebuilt.map((spec) => spec.name),
    deletedTabs: [
      ...deleted,
      ...(importLog === 'delete' ? [IMPORT_LOG_SHEET_NAME] : []),
      ...added.map((sheet) => sheet.name),
    ],
    keptTabs: [...notRebuilt, ...(councilKept ? [COUNCIL_SHEET_NAME] : [])],
    missingItems,
    kind: undo.kind ?? 'aggregate',
  };
}

/**
 * 取込履歴 as it was before a 回収: cut back to the rows it had, or 'delete' when the 回収 made it.
 * @throws SheetOwnershipError when a sheet of that name is not a 取込履歴 (made by hand since)
 */
async function importLogBefore(
  port: WorkbookPort,
  reading: WorkbookReading,
  rows: number | undefined,
): Promise<SheetSpec | 'delete' | null> {
  if (!reading.sheetOrder.includes(IMPORT_LOG_SHEET_NAME)) return null;
  const entries = await existingLog(port, reading);
  return rows === undefined ? 'delete' : writeImportLog(entries.slice(0, rows));
}

/** The rebuilt tabs that the 「集計」 replaced, in their order. */
function rebuildable(built: { tabs: SheetSpec[]; pages: SheetSpec[] }, replaced: readonly string[]): SheetSpec[] {
  return [...built.tabs, ...built.pages].filter((spec) => replaced.includes(spec.name));
}

/** Whether the 審議会評価 tab still holds exactly what 「集計」 wrote into it (nothing typed since). */
async function councilUntouched(
  port: WorkbookPort,
  reading: WorkbookReading,
  plan: Plan,
  year: number,
): Promise<boolean> {
  if (reading.owners.get(COUNCIL_SHEET_NAME) !== 'council') return false;
  const spec = markCouncil(writeCouncilSheet(plan, { year, members: [], rows: [] }));
  const address = councilReadRange(plan);
  const [range] = await port.readRanges([{ sheet: COUNCIL_SHEET_NAME, address }]);
  const written = valuesOf(spec, address);
  return range.values.every((row, r) => row.every((value, c) => value === written[r][c]));
}

/** The values a spec puts into a range (formulas by their computed value, "" as empty). */
function valuesOf(spec: SheetSpec, address: string): CellValue[][] {
  const bounds = parseRange(address);
  const values: CellValue[][] = Array.from({ length: bounds.bottom - bounds.top + 1 }, () =>
    Array<CellValue>(bounds.right - bounds.left + 1).fill(null),
  );
  for (const cell of spec.cells) {
    const at = parseRange(cell.address);
    if (at.top < bounds.top || at.top > bounds.bottom || at.left < bounds.left || at.left > bounds.right) continue;
    values[at.top - bounds.top][at.left - bounds.left] =
      cell.value === undefined || cell.value === '' ? null : cell.value;
  }
  return values;
}
