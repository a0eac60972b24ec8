/**
 * The record tabs a yearly workflow keeps in a workbook (配布記録, 取組終了の評価, 取込履歴): readable
 * tables a secretariat can audit, each with a title, a marker, a few named fields (one of them
 * 件数, the number of rows) and a table under its headings. One writer and one reader for all of them.
 */
import { cellAddress, columnLetters } from '../address';
import type { CellValue, CellWrite, RangeFormat, SheetSpec, SheetVisibility } from '../sheetSpec';
import { BASE, LABEL, TABLE_TEXT, TITLE } from '../styles';

/** The label of the field that holds the number of table rows. */
const COUNT_FIELD = '件数';
/** Rows before the fields: the title and the marker. */
const FIELDS_ROW = 3;
/** Header rows every reader loads first (title, marker, up to 8 fields, gap, headings). */
export const RECORD_HEADER_ROWS = 12;

/** A record tab as data. */
export interface RecordTab {
  name: string;
  marker: string;
  title: string;
  /** Named values under the title (件数 is added by the writer). */
  fields: [string, CellValue][];
  headings: string[];
  rows: CellValue[][];
  visibility: SheetVisibility;
  columnWidths: number[];
}

/** A record tab as read. */
export interface RecordTabContent {
  fields: Map<string, CellValue>;
  rows: CellValue[][];
}

/**
 * The sheet of a record tab.
 * @param tab - its content
 * @returns the sheet (hidden ones are protected: nobody edits a record by accident)
 */
export function writeRecordTab(tab: RecordTab): SheetSpec {
  const fields: [string, CellValue][] = [...tab.fields, [COUNT_FIELD, tab.rows.length]];
  const headingRow = FIELDS_ROW + fields.length + 1;
  const lastColumn = Math.max(tab.headings.length, 2);
  const cells: CellWrite[] = [
    { address: 'A1', value: tab.title },
    { address: 'A2', value: tab.marker },
  ];
  const put = (row: number, values: readonly CellValue[]) =>
    values.forEach((value, index) => {
      if (value !== null && value !== '') cells.push({ address: cellAddress(row, index + 1), value });
    });
  fields.forEach((field, index) => put(FIELDS_ROW + index, field));
  put(headingRow, tab.headings);
  tab.rows.forEach((row, index) => put(headingRow + 1 + index, row));
  const last = `${columnLetters(lastColumn)}${headingRow + Math.max(tab.rows.length, 1)}`;
  const formats: RangeFormat[] = [
    { address: `A1:${last}`, style: BASE },
    { address: 'A1', style: TITLE },
    { address: 'A2', style: { ...BASE, fontSize: 8, fontColor: '#808080' } },
    { address: `A${FIELDS_ROW}:A${FIELDS_ROW + fields.length - 1}`, style: LABEL },
    { address: `A${headingRow}:${columnLetters(lastColumn)}${headingRow}`, style: LABEL },
  ];
  if (tab.rows.length > 0)
    formats.push({ address: `A${headingRow + 1}:${last}`, style: { ...TABLE_TEXT, vertical: 'top' } });
  return {
    name: tab.name,
    visibility: tab.visibility,
    protect: tab.visibility !== 'visible',
    tabColor: '#808080',
    columnWidths: tab.columnWidths,
    cells,
    formats,
    freeze: { rows: headingRow, columns: 0 },
    // Not part of the council's printed book: an empty print area (one cell right of the table)
    // leaves a visible record out of "print the entire workbook", as for the council input tab.
    page: {
      paperSize: 'A4',
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: `${cellAddress(1, lastColumn + 2)}:${cellAddress(1, lastColumn + 2)}`,
    },
  };
}

/**
 * The range to read for a record tab of at most `rows` rows and `columns` columns.
 * @param rows - the most table rows expected
 * @param columns - the table's columns
 * @returns an A1 range from A1
 */
export function recordTabRange(rows: number, columns: number): string {
  return `A1:${columnLetters(Math.max(columns, 2))}${RECORD_HEADER_ROWS + Math.max(rows, 1)}`;
}

/**
 * How many table rows a record tab says it has, from its header rows.
 * @param values - at least the first RECORD_HEADER_ROWS rows, from A1
 * @param marker - the tab's marker
 * @returns the number of rows, or null when the tab is not this record
 */
export function recordRowCount(values: readonly (readonly CellValue[])[], marker: string): number | null {
  if (String(values[1]?.[0] ?? '') !== marker) return null;
  const row = values.find((cells) => cells[0] === COUNT_FIELD);
  const count = Number(row?.[1]);
  return Number.isInteger(count) && count >= 0 ? count : null;
}

/**
 * Reads a record tab back.
 * @param values - the values from A1 (covering the rows its 件数 says)
 * @param marker - the tab's marker
 * @returns the fields and the rows, or null when the tab is not this record
 */
export function readRecordTab(values: readonly (readonly CellValue[])[], marker: string): RecordTabContent | null {
  const count = recordRowCount(values, marker);
  if (count === null) return null;
  const fields = new Map<string, CellValue>();
  let row = FIELDS_ROW - 1;
  for (; row < values.length && String(values[row]?.[0] ?? '') !== ''; row++)
    fields.set(String(values[row][0]), values[row][1] ?? null);
  const first = row + 2; // the gap row, then the headings
  return { fields, rows: values.slice(first, first + count).map((cells) => [...cells]) };
}

/**
 * A moment as the records print it: "2024-05-01 10:23:45" in local time.
 * @param date - the moment
 * @returns the text
 */
export function recordTime(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}
