/**
 * The record tabs of the yearly workflow that a department's or a collected book holds: its
 * 配布記録, the evaluations of ended items (取組終了の評価) and earlier years' council tabs.
 */
import {
  ENDED_ARCHIVE_SHEET_NAME,
  endedArchiveRange,
  readEndedArchive,
  type ArchivedItem,
} from '../core/collection/endedArchive';
import {
  readSplitRecord,
  SPLIT_RECORD_SHEET_NAME,
  splitRecordRange,
  type SplitRecord,
} from '../core/collection/splitRecord';
import { councilHistoryYear } from '../core/councilHistory';
import { councilReadRange, readCouncilSheet, type CouncilSheetData } from '../core/councilSheet';
import type { Plan } from '../core/plan';
import type { SheetInfo, WorkbookPort } from '../workbook/port';

/**
 * Reads the record tabs the workbook has (one more read, only when it has them).
 * @param port - the workbook
 * @param plan - its plan
 * @param listed - its sheets
 * @returns the 配布記録 (or null), the archived evaluations and the council history by year
 */
export async function readRecordTabs(
  port: WorkbookPort,
  plan: Plan,
  listed: SheetInfo[],
): Promise<{ splitRecord: SplitRecord | null; archived: ArchivedItem[]; councilHistory: CouncilSheetData[] }> {
  const has = (name: string) => listed.some((sheet) => sheet.name === name);
  const history = listed.flatMap((sheet) => {
    const year = councilHistoryYear(sheet.name);
    return year === null ? [] : [{ sheet: sheet.name, year }];
  });
  const requests = [
    ...(has(SPLIT_RECORD_SHEET_NAME)
      ? [{ sheet: SPLIT_RECORD_SHEET_NAME, address: splitRecordRange(plan.items.length) }]
      : []),
    ...(has(ENDED_ARCHIVE_SHEET_NAME) ? [{ sheet: ENDED_ARCHIVE_SHEET_NAME, address: endedArchiveRange(plan) }] : []),
    ...history.map((tab) => ({ sheet: tab.sheet, address: councilReadRange(plan) })),
  ];
  const ranges = requests.length > 0 ? await port.readRanges(requests) : [];
  const of = (name: string) => ranges.find((range) => range.sheet === name)?.values;
  const record = of(SPLIT_RECORD_SHEET_NAME);
  const archive = of(ENDED_ARCHIVE_SHEET_NAME);
  return {
    splitRecord: record ? readSplitRecord(record) : null,
    archived: archive ? readEndedArchive(plan, archive) : [],
    // Checked in their own year; read for the history only (their problems are not reported again).
    councilHistory: history
      .map((tab) => readCouncilSheet(plan, tab.year, of(tab.sheet) ?? []).data)
      .sort((a, b) => a.year - b.year),
  };
}
