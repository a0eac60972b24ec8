/**
 * What split and collect carry besides the item sheets: the council tab, the evaluations of ended
 * items (for books that do not hold their sheets) and the record tabs (配布記録, 取込履歴).
 */
import { writeEndedArchive, type ArchivedItem } from '../core/collection/endedArchive';
import { writeCouncilHistory } from '../core/councilHistory';
import type { CouncilSheetData } from '../core/councilSheet';
import { endedBefore, itemEndedIn } from '../core/endedItems';
import { evaluationsOf } from '../core/evaluation';
import type { Plan } from '../core/plan';
import type { SheetSpec } from '../core/sheetSpec';
import type { WorkbookPort } from '../workbook/port';
import type { WorkbookReading } from './readWorkbook';

/**
 * The council tab's content to carry into a book made from a reading.
 * @param reading - the workbook as read
 * @returns the council data, or null when it has no council tab
 */
export function councilOf(reading: WorkbookReading): CouncilSheetData | null {
  return reading.council;
}

/**
 * The evaluations of the items that ended before the year: from their sheets, and from the
 * workbook's 取組終了の評価 for those it holds no sheet of.
 * @param reading - the workbook as read
 * @returns the ended items, in the plan's order
 */
export function archiveOf(reading: WorkbookReading): ArchivedItem[] {
  const { plan, year } = reading;
  const fromSheets = evaluationsOf(
    plan,
    reading.sheets.filter((sheet) => endedBefore(plan, sheet.data.itemNo, year, sheet.data)),
  ).map((evaluation) => ({
    itemNo: evaluation.itemNo,
    endedIn: evaluation.endedIn ?? (itemEndedIn(plan, evaluation.itemNo) as number),
    scores: evaluation.scores,
  }));
  const known = new Set(fromSheets.map((item) => item.itemNo));
  const all = [...fromSheets, ...reading.archived.filter((item) => !known.has(item.itemNo))];
  const order = new Map(plan.items.map((item, index) => [item.no, index]));
  return all.sort((a, b) => (order.get(a.itemNo) ?? 0) - (order.get(b.itemNo) ?? 0));
}

/**
 * Puts the record tabs of a book made by split or collect at its end: earlier years' council tabs
 * (審議会評価（Ｒ３）…, by year), the ended items' evaluations, 配布記録 and 取込履歴.
 * @param target - the book
 * @param plan - its plan
 * @param tabs - the council history, the ended items' evaluations and the record tabs to put
 */
export async function writeRecordTabs(
  target: WorkbookPort,
  plan: Plan,
  tabs: {
    councilHistory?: readonly CouncilSheetData[];
    archived: readonly ArchivedItem[];
    splitRecord?: SheetSpec;
    importLog?: SheetSpec;
  },
): Promise<void> {
  const history = [...(tabs.councilHistory ?? [])].sort((a, b) => a.year - b.year);
  const specs = [
    ...history.map((council) => writeCouncilHistory(plan, council)),
    ...(tabs.archived.length > 0 ? [writeEndedArchive(plan, tabs.archived)] : []),
    ...(tabs.splitRecord ? [tabs.splitRecord] : []),
    ...(tabs.importLog ? [tabs.importLog] : []),
  ];
  if (specs.length > 0) await target.putSheets(specs);
}
