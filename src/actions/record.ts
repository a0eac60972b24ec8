/**
 * Reading the record of the last 「集計」 (src/core/undoRecord.ts) from its very hidden sheet: only a
 * sheet of that name that carries the owner marker counts.
 */
import type { OwnedKind } from '../core/ownership';
import {
  readRecord,
  RECORD_HEADER_READ,
  RECORD_SHEET_NAME,
  recordChunksRange,
  recordHeader,
  type AggregateRecord,
  type UndoKind,
} from '../core/undoRecord';
import type { CellValue, ReadRequest, SheetInfo, WorkbookPort } from '../workbook/port';
import { findListed, readOwners } from './ownedSheets';

/**
 * The record of the last 「集計」, or null when the workbook has none.
 * @param port - the workbook
 * @param owners - the owner markers already read (readWorkbook's), to save a read
 * @returns the record, or null
 * @throws RecordError when the record sheet is there but cannot be read back
 */
export async function readAggregateRecord(
  port: WorkbookPort,
  owners?: ReadonlyMap<string, OwnedKind | null>,
): Promise<AggregateRecord | null> {
  const sheet = await recordSheet(port, owners);
  if (sheet === null) return null;
  const [head] = await port.readRanges([{ sheet, address: RECORD_HEADER_READ }]);
  const { chunks } = recordHeader(head.values);
  const [body] = await port.readRanges([{ sheet, address: recordChunksRange(chunks) }]);
  return readRecord(body.values);
}

/**
 * Whether the workbook holds a 「集計」 that 元に戻す can undo (what the pane shows after reopening).
 * @param port - the workbook
 * @returns true when the record is there and holds an undo step
 */
export async function canUndoAggregate(port: WorkbookPort): Promise<boolean> {
  return (await undoKindOf(port)) !== null;
}

/**
 * What 元に戻す would undo: the last 「集計」, a 回収 into the workbook, or nothing.
 * @param port - the workbook
 * @returns the kind of the record's undo step, or null when there is none
 */
export async function undoKindOf(port: WorkbookPort): Promise<UndoKind | null> {
  const sheet = await recordSheet(port);
  if (sheet === null) return null;
  const [head] = await port.readRanges([{ sheet, address: RECORD_HEADER_READ }]);
  try {
    return recordHeader(head.values).undoKind;
  } catch {
    return null;
  }
}

/** The record sheet's name as listed, when it exists and carries the marker. */
async function recordSheet(port: WorkbookPort, owners?: ReadonlyMap<string, OwnedKind | null>): Promise<string | null> {
  if (owners) {
    const listedName = [...owners.keys()].find((name) => name.toLowerCase() === RECORD_SHEET_NAME.toLowerCase());
    return listedName !== undefined && owners.get(listedName) === 'record' ? listedName : null;
  }
  const listed = await port.listSheets();
  const found = findListed(listed, RECORD_SHEET_NAME);
  if (!found) return null;
  const read = await readOwners(port, listed, [found.name]);
  return read.get(found.name) === 'record' ? found.name : null;
}

/**
 * The read of the record's chunks, planned from its row 1 as readWorkbook already read it for the
 * owner marker (the header is in A1:B1), so that 「集計」 reads its record in its one batch.
 * @param reserved - the sheets named as the product's tabs
 * @param markers - row 1 of each of them, in the same order
 * @param owners - the kind each one's marker says
 * @returns the request, or null when there is no readable record
 */
export function recordChunksRequest(
  reserved: readonly SheetInfo[],
  markers: readonly (readonly CellValue[])[],
  owners: ReadonlyMap<string, OwnedKind | null>,
): ReadRequest | null {
  const index = reserved.findIndex((sheet) => owners.get(sheet.name) === 'record');
  if (index < 0) return null;
  try {
    return { sheet: reserved[index].name, address: recordChunksRange(recordHeader([markers[index]]).chunks) };
  } catch {
    return null;
  }
}

/**
 * The record from its chunks as read, or null when there are none or they cannot be read back (a
 * damaged record is treated as none: the next 「集計」 writes a new one).
 * @param values - the values of the chunks' range, or null
 * @returns the record, or null
 */
export function recordFromChunks(values: CellValue[][] | null): AggregateRecord | null {
  if (values === null) return null;
  try {
    return readRecord(values);
  } catch {
    return null;
  }
}
