/**
 * 提出状況: what the secretariat sees while departments fill their books. Per department: 未提出
 * (none of its items' sheets is in the books given), 入力中 (some item misses a field the year must
 * fill) or 完了; per item: which of those fields are blank (自己評価 per criterion, 評価の理由, 工程
 * 進捗状況 of the year). Items that ended before the year are not asked for.
 */
import { endedBefore } from '../core/endedItems';
import type { FiscalYear } from '../core/fiscalYear';
import { compareItemCodes } from '../core/itemCode';
import type { ItemCode, Plan } from '../core/plan';
import type { ProgressSheetData } from '../core/sheet/progressSheetData';
import { leadDepartment } from './distribute';
import type { WorkbookReading } from './readWorkbook';

/** A department's states, in the secretariat's words. */
export const DEPARTMENT_STATES = { done: '完了', filling: '入力中', missing: '未提出' } as const;

/** A department's state. */
export type DepartmentState = (typeof DEPARTMENT_STATES)[keyof typeof DEPARTMENT_STATES];

/** One item on the board. */
export interface ItemStatus {
  itemNo: ItemCode;
  name: string;
  /** The book it was found in, or null when no book holds it. */
  book: string | null;
  /** The fields the year must fill that are blank, in the secretariat's words. */
  blank: string[];
}

/** One department on the board. */
export interface DepartmentStatus {
  department: string;
  state: DepartmentState;
  items: ItemStatus[];
}

/** The board: the plan's running items by lead department, in order of first 小№. */
export interface StatusBoard {
  plan: Plan;
  year: FiscalYear;
  departments: DepartmentStatus[];
}

/**
 * The status board of a year from books read (a master, department books, or both).
 * @param books - the books as read (purpose 'full'), each with the name it is shown by
 * @param year - the year (default: the first book's)
 * @returns the board; the first book's plan decides the items
 */
export function statusBoard(
  books: readonly { label: string; reading: WorkbookReading }[],
  year?: FiscalYear,
): StatusBoard {
  if (books.length === 0) throw new RangeError('no books');
  const { plan } = books[0].reading;
  const boardYear = year ?? books[0].reading.year;
  const found = new Map<ItemCode, { book: string; data: ProgressSheetData }>();
  for (const { label, reading } of books)
    for (const sheet of reading.sheets)
      if (!found.has(sheet.data.itemNo)) found.set(sheet.data.itemNo, { book: label, data: sheet.data });
  const departments = new Map<string, ItemStatus[]>();
  const items = [...plan.items].sort((a, b) => compareItemCodes(a.no, b.no));
  for (const item of items) {
    const sheet = found.get(item.no);
    if (endedBefore(plan, item.no, boardYear, sheet?.data)) continue;
    const status: ItemStatus = {
      itemNo: item.no,
      name: item.name,
      book: sheet?.book ?? null,
      blank: sheet ? blankFields(plan, sheet.data, boardYear) : [],
    };
    const department = leadDepartment(plan, item.no);
    departments.set(department, [...(departments.get(department) ?? []), status]);
  }
  return {
    plan,
    year: boardYear,
    departments: [...departments].map(([department, statuses]) => ({
      department,
      state: stateOf(statuses),
      items: statuses,
    })),
  };
}

function stateOf(items: readonly ItemStatus[]): DepartmentState {
  if (items.every((item) => item.book === null)) return DEPARTMENT_STATES.missing;
  return items.every((item) => item.book !== null && item.blank.length === 0)
    ? DEPARTMENT_STATES.done
    : DEPARTMENT_STATES.filling;
}

/**
 * The fields of a year a sheet leaves blank: 自己評価 per criterion, 評価の理由 (per criterion and
 * 総合) and the 工程's 進捗状況 of the year.
 * @param plan - the plan (criteria labels)
 * @param data - the sheet as read
 * @param year - the year
 * @returns the blank fields in the secretariat's words
 */
export function blankFields(plan: Plan, data: ProgressSheetData, year: FiscalYear): string[] {
  const label = (key: string) => plan.criteria.find((criterion) => criterion.key === key)?.label ?? '総合';
  const keys = plan.criteria.map((criterion) => criterion.key);
  const scores = keys.filter((key) => data.scores[year]?.[key] === null).map((key) => `自己評価（${label(key)}）`);
  const reasons = [...keys, 'overall']
    .filter((key) => (data.reasons[key] ?? '').trim() === '')
    .map((key) => `評価の理由（${label(key)}）`);
  const schedule = (data.schedule[year]?.status ?? '').trim() === '' ? ['工程の進捗状況'] : [];
  return [...scores, ...reasons, ...schedule];
}
