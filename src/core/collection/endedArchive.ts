/**
 * 取組終了の評価: the self-evaluations of items that ended, kept in the books that do not hold their
 * sheets (a department's book and a book collected from them: ended items are not distributed).
 * 「集計」 counts an item with no sheet by its row here, so that an ended item still counts with its
 * last evaluation (rule 3.2) when its sheet is absent.
 */
import type { ItemEvaluation } from '../evaluation';
import { fiscalYearName, parseFiscalYear, yearLabel, type FiscalYear } from '../fiscalYear';
import { codeCellValue, parseItemCode, type ItemCode } from '../itemCode';
import { findItem, type Plan } from '../plan';
import type { Scores } from '../rules';
import type { CellValue, SheetSpec } from '../sheetSpec';
import { readRecordTab, recordTabRange, writeRecordTab } from './recordTab';

/** The tab's name. */
export const ENDED_ARCHIVE_SHEET_NAME = '取組終了の評価';
/** Its marker (A2). */
export const ENDED_ARCHIVE_MARKER = 'shinchoku:ended-evaluations:v1';

/** An ended item's evaluations. */
export interface ArchivedItem {
  itemNo: ItemCode;
  endedIn: FiscalYear;
  /** The complete scores of each year it was evaluated in. */
  scores: Partial<Record<FiscalYear, Scores>>;
}

/**
 * The tab.
 * @param plan - the plan (years, criteria, names)
 * @param items - the ended items
 * @returns the sheet (hidden, protected)
 */
export function writeEndedArchive(plan: Plan, items: readonly ArchivedItem[]): SheetSpec {
  return writeRecordTab({
    name: ENDED_ARCHIVE_SHEET_NAME,
    marker: ENDED_ARCHIVE_MARKER,
    title: '【取組終了の評価】取組を終了した実践項目の自己評価です（配布しないシートに代えて集計に使います）。',
    fields: [],
    headings: headings(plan),
    rows: items.map((item) => [
      codeCellValue(item.itemNo),
      findItem(plan, item.itemNo)?.name ?? '',
      fiscalYearName(item.endedIn),
      ...plan.period.flatMap((year) => criterionKeys(plan).map((key) => item.scores[year]?.[key] ?? null)),
    ]),
    visibility: 'hidden',
    columnWidths: [8, 40, 14, ...plan.period.flatMap(() => criterionKeys(plan).map(() => 6))],
  });
}

/** The keys of the plan's criteria, in order (the tab has one column per criterion and year). */
function criterionKeys(plan: Plan): string[] {
  return plan.criteria.map((criterion) => criterion.key);
}

/**
 * The range a reader loads.
 * @param plan - the plan
 * @returns an A1 range
 */
export function endedArchiveRange(plan: Plan): string {
  return recordTabRange(plan.items.length, headings(plan).length);
}

/**
 * Reads the tab back.
 * @param plan - the plan
 * @param values - the values of `endedArchiveRange`
 * @returns the ended items ([] when the tab is not one)
 */
export function readEndedArchive(plan: Plan, values: readonly (readonly CellValue[])[]): ArchivedItem[] {
  const content = readRecordTab(values, ENDED_ARCHIVE_MARKER);
  if (!content) return [];
  return content.rows.flatMap((row) => {
    const itemNo = parseItemCode(row[0]);
    const endedIn = typeof row[2] === 'string' || typeof row[2] === 'number' ? parseFiscalYear(row[2]) : null;
    if (itemNo === null || endedIn === null || !findItem(plan, itemNo)) return [];
    const scores: ArchivedItem['scores'] = {};
    plan.period.forEach((year, yearIndex) => {
      const keys = criterionKeys(plan);
      const values = keys.map((_, index) => row[3 + yearIndex * keys.length + index]);
      // A criterion left out as not applicable is blank; a year with no score at all was not evaluated.
      if (values.some((value) => typeof value === 'number'))
        scores[year] = Object.fromEntries(
          keys.map((key, index) => [key, typeof values[index] === 'number' ? values[index] : null]),
        ) as Scores;
    });
    return [{ itemNo, endedIn, scores }];
  });
}

/**
 * The evaluations of archived items that have no sheet in the workbook, as if read from a sheet.
 * @param plan - the plan
 * @param items - the archived items
 * @param withSheet - 小№ that have a sheet (their sheet wins)
 * @returns one evaluation per archived item without a sheet
 */
export function archivedEvaluations(
  plan: Plan,
  items: readonly ArchivedItem[],
  withSheet: ReadonlySet<ItemCode>,
): ItemEvaluation[] {
  return items.flatMap((archived) => {
    const item = findItem(plan, archived.itemNo);
    if (!item || withSheet.has(archived.itemNo)) return [];
    return [
      {
        itemNo: item.no,
        initiativeNo: item.initiative,
        name: item.name,
        departments: item.departments,
        continuedFromPreviousPlan: item.continuedFromPreviousPlan,
        endedIn: archived.endedIn,
        scores: { ...archived.scores },
        sheetName: ENDED_ARCHIVE_SHEET_NAME,
      },
    ];
  });
}

function headings(plan: Plan): string[] {
  return [
    '小№',
    '実践項目',
    '取組終了年度',
    ...plan.period.flatMap((year) => plan.criteria.map((criterion) => `${yearLabel(year)} ${criterion.label}`)),
  ];
}
