/**
 * 取込履歴: what each collection merged, item by item: when, from which file and sheet, and every
 * input cell it changed, from what to what; and each conflict it stopped, with every version side
 * by side. Visible, so that a secretariat can audit a collection; a later collection appends to it.
 */
import { codeCellValue, parseItemCode, type ItemCode } from '../itemCode';
import type { CellValue, SheetSpec } from '../sheetSpec';
import { readRecordTab, recordRowCount, recordTabRange, RECORD_HEADER_ROWS, writeRecordTab } from './recordTab';

/** The tab's name. */
export const IMPORT_LOG_SHEET_NAME = '取込履歴';
/** Its marker (A2). */
export const IMPORT_LOG_MARKER = 'shinchoku:import-log:v1';

/** What happened to a cell (or an item). */
export const IMPORT_RESULTS = {
  merged: '取込',
  created: '取込（新規シート）',
  conflict: '競合（取り込まず）',
  unchanged: '変更なし',
} as const;

/** One row of the log. */
export interface ImportLogEntry {
  time: string;
  file: string;
  sheet: string;
  itemNo: ItemCode;
  /** The cell ("D28"), or "" for a row about the whole item. */
  cell: string;
  /** What the cell is ("自己評価 進捗度（Ｒ３）"), or a note about the item. */
  field: string;
  before: CellValue;
  after: CellValue;
  result: string;
}

const HEADINGS = ['日時', 'ファイル', 'シート', '小№', 'セル', '項目', '変更前', '変更後', '結果'];

/**
 * The tab, with every entry (earlier ones first).
 * @param entries - the log
 * @returns the sheet (visible)
 */
export function writeImportLog(entries: readonly ImportLogEntry[]): SheetSpec {
  return writeRecordTab({
    name: IMPORT_LOG_SHEET_NAME,
    marker: IMPORT_LOG_MARKER,
    title: '【取込履歴】回収で取り込んだ内容と、取り込まなかった競合の記録です。',
    fields: [],
    headings: HEADINGS,
    rows: entries.map((entry) => [
      entry.time,
      entry.file,
      entry.sheet,
      codeCellValue(entry.itemNo),
      entry.cell,
      entry.field,
      entry.before,
      entry.after,
      entry.result,
    ]),
    visibility: 'visible',
    columnWidths: [19, 24, 28, 6, 6, 30, 36, 36, 18],
  });
}

/** The header rows a reader loads first (they say how many rows follow). */
export const IMPORT_LOG_HEADER_RANGE = recordTabRange(0, HEADINGS.length).replace(/\d+$/, String(RECORD_HEADER_ROWS));

/**
 * The range that holds the whole log.
 * @param header - the values of IMPORT_LOG_HEADER_RANGE
 * @returns an A1 range, or null when the tab is not a log
 */
export function importLogRange(header: readonly (readonly CellValue[])[]): string | null {
  const count = recordRowCount(header, IMPORT_LOG_MARKER);
  return count === null ? null : recordTabRange(count, HEADINGS.length);
}

/**
 * Reads the log back.
 * @param values - the values of `importLogRange`
 * @returns the entries ([] when the tab is not a log)
 */
export function readImportLog(values: readonly (readonly CellValue[])[]): ImportLogEntry[] {
  const content = readRecordTab(values, IMPORT_LOG_MARKER);
  if (!content) return [];
  const text = (value: CellValue | undefined) => (value === null || value === undefined ? '' : String(value));
  return content.rows.map((row) => ({
    time: text(row[0]),
    file: text(row[1]),
    sheet: text(row[2]),
    itemNo: parseItemCode(row[3]) ?? text(row[3]),
    cell: text(row[4]),
    field: text(row[5]),
    before: row[6] ?? null,
    after: row[7] ?? null,
    result: text(row[8]),
  }));
}
