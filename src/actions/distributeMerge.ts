/**
 * Writing a collection: into a new workbook (`collect … --out`), or into this year's master
 * (`collect … --into MASTER --out`): only the carried cells a department changed are written, the
 * master's formatting and every other cell stay; an item changed on both sides since the split is a
 * conflict and neither version is written. Every change and every conflict goes to 取込履歴.
 */
import { inputFingerprint } from '../core/collection/inputCells';
import {
  IMPORT_LOG_HEADER_RANGE,
  IMPORT_LOG_SHEET_NAME,
  importLogRange,
  readImportLog,
  writeImportLog,
  type ImportLogEntry,
} from '../core/collection/importLog';
import { recordTime } from '../core/collection/recordTab';
import { problem, type Problem } from '../core/problems';
import { progressSheetLayout } from '../core/sheet/progressSheetLayout';
import { computedCells } from '../core/sheet/writeProgressSheet';
import type { SheetWrite, WorkbookPort } from '../workbook/port';
import { carriedOf, exactCells } from './distribute';
import { conflictProblem, type CollectConflict, type Collected, type ReturnedSheet } from './distributeCollect';
import { ImportLogBuilder } from './distributeLog';
import { writeRecordTabs } from './distributeTabs';
import { notOwnedError } from './ownedSheets';
import { step, type RunOptions } from './progress';
import type { ReadSheet, WorkbookReading } from './readWorkbook';
import { itemSheetSpec, supportTabOf, writeWorkbook } from './template';

/** Options of writing a collection. */
export interface MergeOptions extends RunOptions {
  /** The moment recorded in 取込履歴 (default: now). */
  now?: Date;
  /** The master as named in 取込履歴 (a file name). */
  masterLabel?: string;
}

/** What writing a collection did. */
export interface MergeResult {
  /** Item sheets written or changed, by name. */
  changedSheets: string[];
  /** Items left as they were because nothing changed. */
  unchanged: number;
  conflicts: CollectConflict[];
  /** Rows added to 取込履歴. */
  log: ImportLogEntry[];
  problems: Problem[];
}

/**
 * Writes a collection into a new, empty workbook: the merged sheets with every carried cell as
 * returned, the council tab, the ended items' evaluations and 取込履歴.
 * @param target - an empty workbook
 * @param collected - what collectBooks gave
 * @param options - time, progress
 * @returns what was written
 */
export async function writeCollected(
  target: WorkbookPort,
  collected: Collected,
  options: MergeOptions = {},
): Promise<MergeResult> {
  const log = new ImportLogBuilder(collected.plan, recordTime(options.now ?? new Date()));
  const names = await writeWorkbook(
    target,
    collected.plan,
    collected.year,
    collected.sheets.map((sheet) => sheet.data),
    collected.council,
    options,
  );
  await target.writeCells(exactCells(names, collected.sheets));
  for (const sheet of collected.sheets) log.merged(sheet.data.itemNo, sheet, null);
  for (const conflict of collected.conflicts) log.conflict(conflict.itemNo, conflict.versions, null);
  await writeRecordTabs(target, collected.plan, {
    councilHistory: collected.councilHistory,
    archived: collected.archived,
    importLog: writeImportLog(log.entries),
  });
  return { changedSheets: names, unchanged: 0, conflicts: collected.conflicts, log: log.entries, problems: [] };
}

/**
 * Merges a collection into the master (opened, never saved over by the caller): for each returned
 * sheet, the carried cells that differ from the master's are written (with the owned 合計・総合評価);
 * a sheet the department did not change since the split is left alone; a sheet changed both in the
 * master and by the department since the split is a conflict. Items the master has no sheet of get
 * a new sheet. 取込履歴 gets every change.
 * @param master - the master workbook
 * @param reading - the master as read (purpose 'full')
 * @param collected - what collectBooks gave (read with the master's plan and year expected)
 * @param options - time, the master's name, progress
 * @returns what changed, the conflicts and the problems
 */
export async function mergeInto(
  master: WorkbookPort,
  reading: WorkbookReading,
  collected: Collected,
  options: MergeOptions = {},
): Promise<MergeResult> {
  // Read (and a hand-made 取込履歴 refused) before anything is written.
  const earlier = await existingLog(master, reading);
  const log = new ImportLogBuilder(reading.plan, recordTime(options.now ?? new Date()));
  const layout = progressSheetLayout(reading.plan);
  const bySheet = new Map(reading.sheets.map((sheet) => [sheet.data.itemNo, sheet]));
  const writes: SheetWrite[] = [];
  const created: ReturnedSheet[] = [];
  const conflicts = [...collected.conflicts];
  const problems: Problem[] = [];
  let unchanged = 0;
  for (const conflict of collected.conflicts) {
    const target = bySheet.get(conflict.itemNo);
    log.conflict(conflict.itemNo, conflict.versions, target ? carriedOf(target) : null);
  }
  collected.sheets.forEach((returned, index) => {
    step(options, '回収したシートを反映中', index, collected.sheets.length);
    const target = bySheet.get(returned.data.itemNo);
    if (!target) {
      const name = itemSheetSpec(reading.plan, reading.year, returned.data).name;
      if (reading.sheetOrder.includes(name)) problems.push(nameTaken(returned, name));
      else created.push(returned);
      return;
    }
    const before = carriedOf(target);
    const masterChanged = returned.splitHash !== null && inputFingerprint(before) !== returned.splitHash;
    if (returned.splitHash !== null && returned.hash === returned.splitHash) {
      // The department changed nothing since the split: whatever the master holds now stays.
      log.merged(returned.data.itemNo, { ...returned, inputs: before }, before);
      unchanged += 1;
      return;
    }
    if (masterChanged && returned.hash !== inputFingerprint(before)) {
      const versions = [{ book: options.masterLabel ?? 'マスター', sheet: target.name, inputs: before }, returned];
      const conflict: CollectConflict = { itemNo: returned.data.itemNo, reason: 'master', versions };
      conflicts.push(conflict);
      problems.push(conflictProblem(conflict));
      log.conflict(conflict.itemNo, versions, before);
      return;
    }
    const changed = log.merged(returned.data.itemNo, returned, before);
    if (changed.length === 0) {
      unchanged += 1;
      return;
    }
    writes.push(sheetWrite(target, returned, changed, layout));
  });
  await master.writeCells(writes);
  if (created.length > 0) {
    const specs = created.map((returned) => itemSheetSpec(reading.plan, reading.year, returned.data));
    await master.putSheets(specs, { before: supportTabOf(reading.sheetOrder) });
    await master.writeCells(
      exactCells(
        specs.map((spec) => spec.name),
        created,
      ),
    );
    created.forEach((returned) => log.merged(returned.data.itemNo, returned, null));
  }
  await master.putSheets([writeImportLog([...earlier, ...log.entries])]);
  step(options, '完了', 1, 1);
  return {
    changedSheets: [...writes.map((write) => write.sheet), ...created.map((sheet) => sheet.sheet)],
    unchanged,
    conflicts,
    log: log.entries,
    problems,
  };
}

/** The changed carried cells of a master sheet, and its 合計・総合評価 when a score changed. */
function sheetWrite(
  target: ReadSheet,
  returned: ReturnedSheet,
  changed: readonly string[],
  layout: ReturnType<typeof progressSheetLayout>,
): SheetWrite {
  const cells = changed.map((address) => ({ address, value: returned.inputs.get(address) ?? null }));
  const scoreCells = new Set(layout.scores.flatMap((year) => Object.values(year.scores)));
  const scoresChanged = changed.some((address) => scoreCells.has(address));
  return {
    sheet: target.name,
    cells: scoresChanged ? [...cells, ...computedCells(layout, returned.data)] : cells,
  };
}

/**
 * 取込履歴 as the master holds it (a later collection appends to it).
 * @param master - the master workbook
 * @param reading - the master as read
 * @returns its entries ([] when there is no 取込履歴)
 * @throws SheetOwnershipError when a sheet named 取込履歴 is not one (made by hand): it is not replaced
 */
export async function existingLog(master: WorkbookPort, reading: WorkbookReading): Promise<ImportLogEntry[]> {
  if (!reading.sheetOrder.includes(IMPORT_LOG_SHEET_NAME)) return [];
  const [header] = await master.readRanges([{ sheet: IMPORT_LOG_SHEET_NAME, address: IMPORT_LOG_HEADER_RANGE }]);
  const range = importLogRange(header.values);
  if (range === null) throw notOwnedError(IMPORT_LOG_SHEET_NAME);
  const [all] = await master.readRanges([{ sheet: IMPORT_LOG_SHEET_NAME, address: range }]);
  return readImportLog(all.values);
}

function nameTaken(returned: ReturnedSheet, name: string): Problem {
  return problem(
    'collect-conflict',
    { sheet: `${returned.book}: ${returned.sheet}` },
    `小№ ${returned.data.itemNo} のシートを加えようとしましたが、同じ名前のシート「${name}」が既にあるため、取り込みませんでした。`,
    `既にある「${name}」を確かめ、名前を変えてから回収し直してください（既にあるシートは変更していません）。`,
  );
}
