/**
 * 配布記録: what a department's book was made from, kept in the book (hidden, protected): when, from
 * which workbook, for which department, year and plan, and per sheet the fingerprint of its input
 * cells as distributed. A collection uses it to tell a department's change from a change made to
 * the master since the split, and 入力チェック to check only the department's own sheets.
 */
import { checkPeriodLabel, parseFiscalYear, type FiscalYear } from '../fiscalYear';
import { codeCellValue, parseItemCode, type ItemCode } from '../itemCode';
import type { CellValue, SheetSpec } from '../sheetSpec';
import { readRecordTab, recordTabRange, writeRecordTab } from './recordTab';

/** The tab's name. */
export const SPLIT_RECORD_SHEET_NAME = '配布記録';
/** Its marker (A2). */
export const SPLIT_RECORD_MARKER = 'shinchoku:distribution:v1';

const FIELDS = {
  time: '配布日時',
  source: '配布元',
  department: '担当部署',
  year: '確認時期',
  plan: 'プランの指紋',
} as const;
const HEADINGS = ['小№', 'シート名', '入力の指紋'];

/** One sheet as distributed. */
export interface SplitSheet {
  itemNo: ItemCode;
  sheet: string;
  /** Fingerprint of its input cells as distributed. */
  inputs: string;
}

/** What a department's book was made from. */
export interface SplitRecord {
  time: string;
  source: string;
  department: string;
  year: FiscalYear;
  planFingerprint: string;
  sheets: SplitSheet[];
}

/**
 * The 配布記録 tab.
 * @param record - what the book was made from
 * @returns the sheet (hidden, protected)
 */
export function writeSplitRecord(record: SplitRecord): SheetSpec {
  return writeRecordTab({
    name: SPLIT_RECORD_SHEET_NAME,
    marker: SPLIT_RECORD_MARKER,
    title: '【配布記録】事務局が配布したときの記録です。回収に使うので、変更しないでください。',
    fields: [
      [FIELDS.time, record.time],
      [FIELDS.source, record.source],
      [FIELDS.department, record.department],
      [FIELDS.year, checkPeriodLabel(record.year)],
      [FIELDS.plan, record.planFingerprint],
    ],
    headings: HEADINGS,
    rows: record.sheets.map((sheet) => [codeCellValue(sheet.itemNo), sheet.sheet, sheet.inputs]),
    visibility: 'hidden',
    columnWidths: [12, 40, 20],
  });
}

/**
 * The range a reader loads for a book of a plan with some number of items.
 * @param itemCount - the plan's 実践項目
 * @returns an A1 range
 */
export function splitRecordRange(itemCount: number): string {
  return recordTabRange(itemCount, HEADINGS.length);
}

/**
 * Reads the tab back.
 * @param values - the values of `splitRecordRange`
 * @returns the record, or null when the tab is not one (or is unreadable)
 */
export function readSplitRecord(values: readonly (readonly CellValue[])[]): SplitRecord | null {
  const content = readRecordTab(values, SPLIT_RECORD_MARKER);
  if (!content) return null;
  const field = (label: string) => String(content.fields.get(label) ?? '');
  const year = parseFiscalYear(field(FIELDS.year));
  if (year === null) return null;
  const sheets = content.rows.flatMap((row) => {
    const itemNo = parseItemCode(row[0]);
    return itemNo === null ? [] : [{ itemNo, sheet: String(row[1] ?? ''), inputs: String(row[2] ?? '') }];
  });
  return {
    time: field(FIELDS.time),
    source: field(FIELDS.source),
    department: field(FIELDS.department),
    year,
    planFingerprint: field(FIELDS.plan),
    sheets,
  };
}
