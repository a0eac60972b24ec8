/**
 * 配布と回収: split a workbook into one workbook per 担当部署 (its lead department, the first
 * listed), and collect the returned workbooks into one. Sheets move as data through the one cell
 * map (read, then written again), so every typed field travels and the form is always the current
 * layout; a department's own formatting (row heights, colours) is not carried.
 */
import { UserError } from '../core/errors';
import { compareItemCodes } from '../core/itemCode';
import { findItem, type FiscalYear, type ItemCode, type Plan } from '../core/plan';
import { problem, type Problem } from '../core/problems';
import type { ProgressSheetData } from '../core/sheet/progressSheetData';
import type { WorkbookPort } from '../workbook/port';
import { step, type RunOptions } from './progress';
import { readWorkbook, type ReadOptions, type WorkbookReading } from './readWorkbook';
import { writeWorkbook } from './template';

/** The sheets of one department. */
export interface DepartmentGroup {
  department: string;
  sheets: ProgressSheetData[];
}

/** Department of an item that receives its sheet: the first listed (主担当), or 担当部署未設定. */
export function leadDepartment(plan: Plan, itemNo: ItemCode): string {
  return findItem(plan, itemNo)?.departments[0] ?? '担当部署未設定';
}

/**
 * Groups the sheets read from a workbook by lead department, in order of first 小№.
 * @param reading - the workbook as read (all of it: purpose 'full')
 * @returns one group per department
 * @throws UserError when a text cannot be written to a workbook (longer than Excel allows), naming
 *   the sheet and the cell, before anything is written
 */
export function groupByDepartment(reading: WorkbookReading): DepartmentGroup[] {
  assertWritable(reading);
  const groups = new Map<string, ProgressSheetData[]>();
  for (const sheet of [...reading.sheets].sort((a, b) => compareItemCodes(a.data.itemNo, b.data.itemNo))) {
    const department = leadDepartment(reading.plan, sheet.data.itemNo);
    groups.set(department, [...(groups.get(department) ?? []), sheet.data]);
  }
  return [...groups.entries()].map(([department, sheets]) => ({ department, sheets }));
}

/**
 * Writes one department's workbook: its sheets, the プラン定義 (so the file stands alone).
 * @param target - an empty workbook
 * @param reading - the source workbook as read
 * @param group - the department's sheets
 * @param options - progress and cancellation
 * @returns the names of the sheets written
 */
export function writeDepartmentBook(
  target: WorkbookPort,
  reading: WorkbookReading,
  group: DepartmentGroup,
  options: RunOptions = {},
): Promise<string[]> {
  return writeWorkbook(target, reading.plan, reading.year, group.sheets, null, options);
}

/** One returned workbook and what it is called (a file name) in messages. */
export interface ReturnedBook {
  label: string;
  port: WorkbookPort;
}

/** The merged sheets of the returned workbooks. */
export interface Collected {
  plan: Plan;
  year: FiscalYear;
  sheets: ProgressSheetData[];
  problems: Problem[];
}

/**
 * Reads the returned workbooks and merges their sheets by 小№. A 小№ found in two workbooks is an
 * error (the first is kept); a workbook whose plan differs from the first one's is reported.
 * @param books - the returned workbooks, in order
 * @param options - year, plan override, progress
 * @returns the merged sheets (by 小№) and every problem, each naming its file
 */
export async function collectBooks(books: readonly ReturnedBook[], options: ReadOptions = {}): Promise<Collected> {
  const problems: Problem[] = [];
  const found = new Map<ItemCode, { data: ProgressSheetData; label: string; sheet: string }>();
  let plan = options.plan;
  let year = options.year;
  for (const [index, book] of books.entries()) {
    step(options, 'ブックを読み込み中', index, books.length);
    const reading = await readWorkbook(book.port, { ...options, plan, year, purpose: 'full', onProgress: undefined });
    assertWritable(reading, book.label);
    if (plan && plan.title !== reading.plan.title) {
      problems.push(
        problem(
          'plan-sheet',
          { sheet: null },
          `「${book.label}」のプラン（${reading.plan.title}）が最初のブックのプラン（${plan.title}）と違います。`,
          '同じ年度に配布したブックか確かめてください。最初のブックのプランで集めます。',
        ),
      );
    }
    plan = plan ?? reading.plan;
    year = year ?? reading.year;
    problems.push(
      ...reading.problems
        .filter((entry) => entry.code !== 'item-sheet-missing')
        .map((entry) => ({ ...entry, sheet: `${book.label}: ${entry.sheet ?? 'ブック全体'}` })),
    );
    for (const sheet of reading.sheets) {
      const earlier = found.get(sheet.data.itemNo);
      if (earlier) {
        problems.push(
          problem(
            'item-duplicate',
            { sheet: `${book.label}: ${sheet.name}` },
            `小№ ${sheet.data.itemNo} のシートが「${earlier.label}」にもあります。「${earlier.label}」のシートを使いました。`,
            'どちらが正しいか確かめ、不要な方を削除してから集め直してください。',
          ),
        );
      } else found.set(sheet.data.itemNo, { data: sheet.data, label: book.label, sheet: sheet.name });
    }
  }
  if (!plan || year === undefined) throw new UserError('回収するブックがありません。', { code: 'usage' });
  const collectedYear = year;
  for (const item of plan.items) {
    if (!found.has(item.no)) {
      problems.push(
        problem(
          'item-sheet-missing',
          { sheet: null },
          `実践項目 ${item.no}「${item.name}」のシートが、どのブックにもありません（担当: ${leadDepartment(plan, item.no)}）。`,
          '担当部署に提出を依頼し、届いたら集め直してください。',
        ),
      );
    }
  }
  const sheets = [...found.values()]
    .sort((a, b) => compareItemCodes(a.data.itemNo, b.data.itemNo))
    .map((entry) => ({ ...entry.data, checkYear: collectedYear }));
  return { plan, year: collectedYear, sheets, problems };
}

/** Refuses a workbook whose sheets hold text no workbook can take (a split or collect would fail half-way). */
function assertWritable(reading: WorkbookReading, file?: string): void {
  const unwritable = reading.problems.find((entry) => entry.code === 'text-too-long');
  if (unwritable)
    throw new UserError(unwritable.message, {
      code: 'text-too-long',
      sheet: unwritable.sheet,
      cell: unwritable.cell,
      file: file ?? null,
      fix: unwritable.fix,
    });
}
