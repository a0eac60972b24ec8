/**
 * The sheets the product may replace or delete: only those carrying its owner marker
 * (src/core/ownership.ts), found by reading row 1, never by name. `ownedOnly(port)` is the port
 * every use case writes through: its putSheets and deleteSheets refuse, before changing anything,
 * to replace or delete a sheet without the marker — a department's sheet renamed to 総評, a sheet the
 * secretariat made by hand, or a tab from before markers existed.
 */
import { parseRange } from '../core/address';
import { COUNCIL_SHEET_NAME, councilReadRange } from '../core/councilSheet';
import { UserError } from '../core/errors';
import { markOwned, ownedKindInRow, OWNER_MARKER_READ, type OwnedKind } from '../core/ownership';
import { PLAN_SHEET_NAME } from '../core/planSheet';
import { RECORD_SHEET_NAME } from '../core/undoRecord';
import { SUMMARY_TAB_ORDER } from '../core/summaryTabs';
import { INITIATIVE_PAGES_SHEET_NAME } from '../core/summaryTabs/initiativePages';
import type { ReplaceGuard, SheetInfo, SheetSpec, WorkbookPort } from '../workbook/port';
import type { WorkbookReading } from './readWorkbook';

/** Names of the sheets the product writes; a sheet so named is read for its owner marker. */
export const RESERVED_SHEET_NAMES: readonly string[] = [
  ...SUMMARY_TAB_ORDER,
  INITIATIVE_PAGES_SHEET_NAME,
  COUNCIL_SHEET_NAME,
  PLAN_SHEET_NAME,
  RECORD_SHEET_NAME,
];

/** Whether a name is one the product writes (Excel's sheet names ignore case). */
export function isReservedName(name: string): boolean {
  const lower = name.toLowerCase();
  return RESERVED_SHEET_NAMES.some((reserved) => reserved.toLowerCase() === lower);
}

/** The product refused to replace or delete a sheet it cannot prove it made. */
export class SheetOwnershipError extends UserError {
  override name = 'SheetOwnershipError';
}

/**
 * The refusal for a sheet without the owner marker.
 * @param sheet - its name
 * @param itemNo - the 小№ when the sheet is a department's 進捗状況シート
 * @returns the error to throw
 */
export function notOwnedError(sheet: string, itemNo: string | null = null): SheetOwnershipError {
  const what =
    itemNo !== null
      ? `シート「${sheet}」は部署の進捗状況シート（小№ ${itemNo}）ですが、進捗集計が作るシートと同じ名前です。部署の入力を守るため、置き換えも削除もしません。`
      : `シート「${sheet}」は進捗集計が作ったシートではないため（手で作ったシートか、以前の版で作ったシートです）、置き換えも削除もしません。`;
  const fix =
    itemNo !== null
      ? `シート「${sheet}」の名前を変えてから（例: 「${itemNo} …」）、もう一度実行してください。`
      : `残す場合はシート「${sheet}」の名前を変え、不要なら削除してから、もう一度実行してください。`;
  return new SheetOwnershipError(what, { code: 'sheet-not-owned', sheet, fix });
}

/** Finds a listed sheet by name, ignoring case as Excel does. */
export function findListed(listed: readonly SheetInfo[], name: string): SheetInfo | undefined {
  const lower = name.toLowerCase();
  return listed.find((sheet) => sheet.name.toLowerCase() === lower);
}

/**
 * The owner marker of each listed sheet with one of the given names (one batched read).
 * @param port - the workbook
 * @param listed - its sheets
 * @param names - the names to look at (those that do not exist are skipped)
 * @returns listed name → the kind its marker says, or null for a sheet without a marker
 */
export async function readOwners(
  port: WorkbookPort,
  listed: readonly SheetInfo[],
  names: readonly string[],
): Promise<Map<string, OwnedKind | null>> {
  const existing = [
    ...new Set(names.map((name) => findListed(listed, name)?.name).filter((name) => name !== undefined)),
  ];
  const owners = new Map<string, OwnedKind | null>();
  if (existing.length === 0) return owners;
  const rows = await port.readRanges(existing.map((sheet) => ({ sheet, address: OWNER_MARKER_READ })));
  existing.forEach((sheet, index) => owners.set(sheet, ownedKindInRow(rows[index].values[0] ?? [])));
  return owners;
}

/**
 * The port's replace guard for owned sheets: an existing sheet without the owner marker in row 1
 * is refused (SheetOwnershipError) before anything changes.
 */
export const OWNED_GUARD: ReplaceGuard = {
  address: OWNER_MARKER_READ,
  check: (sheet, values) => {
    if (ownedKindInRow(values[0] ?? []) === null) throw notOwnedError(sheet);
  },
};

/**
 * The port the use cases write through: putSheets and deleteSheets check, through the port's
 * replace guard (in the same host request as they find the sheets, no round trip of their own),
 * that every existing sheet they would replace or delete carries the owner marker, and refuse
 * before changing anything.
 * @param port - the workbook
 * @returns the same workbook, guarded
 */
export function ownedOnly(port: WorkbookPort): WorkbookPort {
  return {
    listSheets: () => port.listSheets(),
    readRanges: (requests) => port.readRanges(requests),
    writeCells: (writes) => port.writeCells(writes),
    setPageSetups: (setups) => port.setPageSetups(setups),
    putSheets: (specs, options) => port.putSheets(specs, { ...options, guard: OWNED_GUARD }),
    deleteSheets: (names) => port.deleteSheets(names, { guard: OWNED_GUARD }),
  };
}

/** The 審議会評価 tab with its owner marker after the columns a secretariat may add members in. */
export function markCouncil(spec: SheetSpec): SheetSpec {
  return markOwned(spec, 'council', parseRange(councilReadRange(1)).right);
}

/**
 * Refuses, before anything is written, when a sheet that a use case would replace or delete exists
 * without the owner marker: a department's sheet (its 小№ is named) or one made by hand.
 * @param reading - what was read, with the owner marker of every sheet named as our tabs
 * @param names - the sheets about to be replaced or deleted
 * @throws SheetOwnershipError naming the first such sheet and the fix
 */
export function refuseNotOwned(reading: WorkbookReading, names: readonly string[]): void {
  for (const name of names) {
    const listed = reading.sheetOrder.find((sheet) => sheet.toLowerCase() === name.toLowerCase());
    if (listed === undefined || reading.owners.get(listed)) continue;
    const department = reading.sheets.find((sheet) => sheet.name === listed);
    throw notOwnedError(listed, department?.data.itemNo ?? null);
  }
}
