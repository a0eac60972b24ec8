/**
 * 回収: read the workbooks departments returned and merge their sheets by 小№, exactly: every
 * carried cell (確認時期 and the inputs) as the department left it, nothing else. A book of another
 * plan (by fingerprint) or another year, or one that cannot be read, is refused with its file named
 * and the rest still merge; an item returned twice with different content is a conflict and is not
 * merged; text typed outside the input cells and changed template cells are reported with the cell.
 */
import type { ArchivedItem } from '../core/collection/endedArchive';
import { planFingerprint } from '../core/collection/fingerprint';
import {
  cellsOutsideForm,
  changedTemplateCells,
  collectReadRange,
  inputFingerprint,
} from '../core/collection/inputCells';
import type { CouncilSheetData } from '../core/councilSheet';
import { endedBefore } from '../core/endedItems';
import { isUserError, UserError, WORKBOOK_FAILED } from '../core/errors';
import { yearCode, type FiscalYear } from '../core/fiscalYear';
import { compareItemCodes } from '../core/itemCode';
import type { ItemCode, Plan } from '../core/plan';
import { problem, type Problem } from '../core/problems';
import type { ProgressSheetData } from '../core/sheet/progressSheetData';
import type { WorkbookPort } from '../workbook/port';
import { assertWritable, carriedOf, leadDepartment } from './distribute';
import type { SheetVersion } from './distributeLog';
import { CancelledError, step } from './progress';
import { readWorkbook, type ReadOptions, type WorkbookReading } from './readWorkbook';

/** One returned workbook and what it is called (a file name) in messages. */
export interface ReturnedBook {
  label: string;
  port: WorkbookPort;
}

/** One returned sheet. */
export interface ReturnedSheet extends SheetVersion {
  data: ProgressSheetData;
  /** Fingerprint of its carried cells now, and as distributed (from its book's 配布記録, else null). */
  hash: string;
  splitHash: string | null;
}

/** An item that is not merged: two returns differ, or (into a master) the master changed since the split. */
export interface CollectConflict {
  itemNo: ItemCode;
  reason: 'returns' | 'master';
  versions: SheetVersion[];
}

/** The merged sheets of the returned workbooks. */
export interface Collected {
  plan: Plan;
  year: FiscalYear;
  planFingerprint: string;
  /** One sheet per item, by 小№ (items in conflict left out). */
  sheets: ReturnedSheet[];
  conflicts: CollectConflict[];
  council: CouncilSheetData | null;
  /** Earlier years' council input (審議会評価（Ｒ３）…), as the first book holding each year has it. */
  councilHistory: CouncilSheetData[];
  archived: ArchivedItem[];
  /** Books not merged, by label. */
  refused: string[];
  problems: Problem[];
}

/** Options of a collection. */
export interface CollectOptions extends ReadOptions {
  /** The master's plan fingerprint and year (`--into`): books of another plan or year are refused. */
  expect?: { planFingerprint: string; year: FiscalYear };
}

interface BookReading {
  label: string;
  reading: WorkbookReading;
  problems: Problem[];
}

/**
 * Reads the returned workbooks and merges their sheets by 小№.
 * @param books - the returned workbooks, in order
 * @param options - year, plan override, the master's plan and year, progress
 * @returns the merged sheets, the conflicts, the refused books and every problem, each naming its file
 * @throws UserError when no book can be merged
 */
export async function collectBooks(books: readonly ReturnedBook[], options: CollectOptions = {}): Promise<Collected> {
  const problems: Problem[] = [];
  const refuse = (label: string, message: string, fix: string) =>
    problems.push(problem('book-refused', { sheet: `${label}: ブック全体` }, message, fix));
  const read: BookReading[] = [];
  for (const [index, book] of books.entries()) {
    step(options, 'ブックを読み込み中', index, books.length);
    try {
      read.push(await readReturned(book, options));
    } catch (error) {
      // A workbook that failed (not one that cannot be read) stops the collection: nothing is written.
      if (
        !isUserError(error) ||
        error instanceof CancelledError ||
        [WORKBOOK_FAILED, 'text-too-long'].includes(error.code)
      )
        throw error;
      refuse(book.label, `「${book.label}」を読み取れないため、取り込みません: ${error.message}`, error.fix ?? '');
    }
  }
  const fingerprint =
    options.expect?.planFingerprint ??
    (options.plan ? planFingerprint(options.plan) : mostCommon(read.map((book) => book.reading.planFingerprint)));
  const year = options.expect?.year ?? options.year ?? mostCommon(read.map((book) => book.reading.year));
  const accepted = read.filter((book) => {
    if (book.reading.planFingerprint !== fingerprint) {
      refuse(
        book.label,
        `「${book.label}」は別のプラン（${book.reading.plan.title}）のブックのため、取り込みません。`,
        '同じプランで配布したブックか確かめてください。ほかのブックは取り込みました。',
      );
      return false;
    }
    if (book.reading.year !== year) {
      refuse(
        book.label,
        `「${book.label}」は確認時期が ${yearCode(book.reading.year)} のブックで、${yearCode(year as number)} ではないため、取り込みません。`,
        `${yearCode(year as number)} に配布したブックを提出してもらってください。ほかのブックは取り込みました。`,
      );
      return false;
    }
    return true;
  });
  if (accepted.length === 0 || year === undefined)
    throw new UserError(['取り込めるブックがありません。', ...problems.map((entry) => entry.message)].join('\n'), {
      code: 'usage',
      fix: '理由を確かめ、同じプラン・年度のブックを指定してください。',
    });
  for (const book of accepted) problems.push(...book.problems);
  const plan = accepted[0].reading.plan;
  const { sheets, conflicts } = mergeVersions(accepted);
  problems.push(...conflicts.map((conflict) => conflictProblem(conflict)));
  problems.push(...missingItems(plan, year, sheets, conflicts, accepted));
  return {
    plan,
    year,
    planFingerprint: fingerprint as string,
    sheets,
    conflicts,
    council: accepted.find((book) => book.reading.council)?.reading.council ?? null,
    councilHistory: firstPerYear(accepted.flatMap((book) => book.reading.councilHistory)),
    archived: firstPerItem(accepted.flatMap((book) => book.reading.archived)),
    refused: books.map((book) => book.label).filter((label) => !accepted.some((each) => each.label === label)),
    problems,
  };
}

/** The first council input of each year, by year. */
function firstPerYear(councils: readonly CouncilSheetData[]): CouncilSheetData[] {
  const byYear = new Map<number, CouncilSheetData>();
  for (const council of councils) if (!byYear.has(council.year)) byYear.set(council.year, council);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Reads one returned book: its sheets and problems (named by file), and text where it does not belong. */
async function readReturned(book: ReturnedBook, options: CollectOptions): Promise<BookReading> {
  const reading = await readWorkbook(book.port, {
    ...options,
    year: undefined,
    purpose: 'full',
    onProgress: undefined,
  });
  assertWritable(reading, book.label);
  const at = (sheet: string | null) => `${book.label}: ${sheet ?? 'ブック全体'}`;
  const problems: Problem[] = reading.problems
    .filter((entry) => entry.code !== 'item-sheet-missing')
    .map((entry) => ({ ...entry, sheet: at(entry.sheet) }));
  const address = collectReadRange(reading.plan);
  const ranges = await book.port.readRanges(reading.sheets.map((sheet) => ({ sheet: sheet.name, address })));
  reading.sheets.forEach((sheet, index) => {
    for (const stray of cellsOutsideForm(reading.plan, ranges[index]))
      problems.push(
        problem(
          'text-outside-input',
          { sheet: at(sheet.name), cell: stray.address },
          `入力欄の外に「${String(stray.value)}」が入力されています。回収では取り込みません。`,
          '必要な内容であれば、取組内容・特記事項などの入力欄に移してから提出してもらってください。',
        ),
      );
    for (const changed of changedTemplateCells(reading.plan, sheet.data, ranges[index]))
      problems.push(
        problem(
          'template-changed',
          { sheet: at(sheet.name), cell: changed.address },
          `「${String(changed.expected ?? '')}」が「${String(changed.value ?? '')}」に変更されています。プラン定義の内容で回収します。`,
          '名称や担当部署の変更は、事務局がプラン定義で行います。',
        ),
      );
  });
  return { label: book.label, reading, problems };
}

/** One version per item; items whose versions differ become conflicts. */
function mergeVersions(books: readonly BookReading[]): { sheets: ReturnedSheet[]; conflicts: CollectConflict[] } {
  const byItem = new Map<ItemCode, ReturnedSheet[]>();
  for (const { label, reading } of books) {
    const sent = new Map(reading.splitRecord?.sheets.map((sheet) => [sheet.itemNo, sheet.inputs]) ?? []);
    for (const sheet of reading.sheets) {
      const inputs = carriedOf(sheet);
      const version: ReturnedSheet = {
        book: label,
        sheet: sheet.name,
        inputs,
        data: sheet.data,
        hash: inputFingerprint(inputs),
        splitHash: sent.get(sheet.data.itemNo) ?? null,
      };
      byItem.set(sheet.data.itemNo, [...(byItem.get(sheet.data.itemNo) ?? []), version]);
    }
  }
  const sheets: ReturnedSheet[] = [];
  const conflicts: CollectConflict[] = [];
  for (const [itemNo, versions] of byItem) {
    if (versions.every((version) => version.hash === versions[0].hash)) sheets.push(versions[0]);
    else conflicts.push({ itemNo, reason: 'returns', versions: distinct(versions) });
  }
  sheets.sort((a, b) => compareItemCodes(a.data.itemNo, b.data.itemNo));
  conflicts.sort((a, b) => compareItemCodes(a.itemNo, b.itemNo));
  return { sheets, conflicts };
}

/**
 * The problem that reports a conflict.
 * @param conflict - the conflict
 * @returns an error naming the item and every version
 */
export function conflictProblem(conflict: CollectConflict): Problem {
  const names = conflict.versions.map((version) => `「${version.book}」の「${version.sheet}」`).join('と');
  const message =
    conflict.reason === 'returns'
      ? `小№ ${conflict.itemNo} が ${names} で違う内容で提出されているため、取り込みませんでした。`
      : `小№ ${conflict.itemNo} は、配布した後に元のブックのシートも変更されているため、取り込みませんでした（${names}）。`;
  return problem(
    'collect-conflict',
    { sheet: null },
    message,
    'シート「取込履歴」で両方の内容を見比べ、正しい方だけを残して回収し直してください（どちらのシートも変更していません）。',
  );
}

function missingItems(
  plan: Plan,
  year: FiscalYear,
  sheets: readonly ReturnedSheet[],
  conflicts: readonly CollectConflict[],
  books: readonly BookReading[],
): Problem[] {
  const found = new Set([...sheets.map((sheet) => sheet.data.itemNo), ...conflicts.map((entry) => entry.itemNo)]);
  const archived = new Set(books.flatMap((book) => book.reading.archived.map((item) => item.itemNo)));
  return plan.items
    .filter((item) => !found.has(item.no) && !archived.has(item.no) && !endedBefore(plan, item.no, year))
    .map((item) =>
      problem(
        'item-sheet-missing',
        { sheet: null },
        `実践項目 ${item.no}「${item.name}」のシートが、どのブックにもありません（担当: ${leadDepartment(plan, item.no)}）。`,
        '担当部署に提出を依頼し、届いたら集め直してください。',
      ),
    );
}

function distinct(versions: readonly ReturnedSheet[]): ReturnedSheet[] {
  return versions.filter((version, index) => versions.findIndex((each) => each.hash === version.hash) === index);
}

function firstPerItem(items: readonly ArchivedItem[]): ArchivedItem[] {
  return items.filter((item, index) => items.findIndex((each) => each.itemNo === item.itemNo) === index);
}

/** The value most entries have (the first of the most common on a tie), or undefined for none. */
function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | undefined;
  for (const [value, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  return best;
}
