/**
 * Exact collection (issue 9 item 3, issue 11): what a department typed comes back as typed (type
 * and value), each sheet keeps its own 確認時期, books of another plan or year are refused by file
 * while the rest merge, text outside the input cells and changed template cells are reported with
 * the cell, an item returned twice with different content stops, and 取込履歴 records every change.
 */
import { isOwnedTab, readWorkbook } from '../../src/actions/readWorkbook';
import { collectBooks } from '../../src/actions/distributeCollect';
import { mergeInto, writeCollected } from '../../src/actions/distributeMerge';
import { IMPORT_LOG_SHEET_NAME } from '../../src/core/collection/importLog';
import type { Plan } from '../../src/core/plan';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import type { CellValue } from '../../src/core/sheetSpec';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { WorkbookPort } from '../../src/workbook/port';
import { R3, smallPlan, splitSmall } from '../support/smallPlan';

const plan = smallPlan(['総務課', '財政課', '財政課']);
const layout = progressSheetLayout(plan);
const scores = layout.scores.find((entry) => entry.year === R3)!.scores;

/** The item sheets of a book, in tab order. */
function itemSheets(book: MemoryWorkbook): string[] {
  return book.sheetNames().filter((name) => !isOwnedTab(name));
}

async function cell(book: WorkbookPort, sheet: string, address: string): Promise<CellValue> {
  const [range] = await book.readRanges([{ sheet, address }]);
  return range.values[0]?.[0] ?? null;
}

async function put(book: WorkbookPort, sheet: string, cells: Record<string, CellValue>): Promise<void> {
  await book.writeCells([{ sheet, cells: Object.entries(cells).map(([address, value]) => ({ address, value })) }]);
}

/** What departments type, some of it odd on purpose. */
const TYPED: Record<string, CellValue> = {
  [scores.progress]: 2,
  [scores.cooperation]: '４', // full-width: invalid, and must stay so check can report it
  [scores.efficiency]: 'a',
  [layout.reasons.progress]: '  前後の空白  ',
  [layout.reasons.overall]: 'ベル\u0007と絵文字😀と異体字葛\u{E0100}',
  [layout.notes]: true,
  [layout.activities[0].plan]: 45000,
  [layout.activities[0].result]: '=1+1', // text that looks like a formula stays text
};

describe('split → edit → collect', () => {
  it('brings every typed cell back with its type and exact value, and nothing else', async () => {
    const { books } = await splitSmall(plan);
    const edited = books.find((book) => book.label === '財政課.xlsx')!;
    const [first, second] = itemSheets(edited.port);
    await put(edited.port, first, TYPED);
    await put(edited.port, second, { [scores.progress]: 3 });
    const collected = await collectBooks(books);
    const target = new MemoryWorkbook();
    const result = await writeCollected(target, collected, { now: new Date(Date.UTC(2022, 4, 1)) });
    for (const [address, value] of Object.entries(TYPED)) expect(await cell(target, first, address)).toEqual(value);
    expect(await cell(target, second, scores.progress)).toBe(3);
    // check can still report the invalid scores it carried
    const problems = (await readWorkbook(target)).problems.filter((entry) => entry.sheet === first);
    expect(problems.map((entry) => entry.cell)).toEqual(
      expect.arrayContaining([scores.cooperation, scores.efficiency]),
    );
    // every change is in 取込履歴, from what to what
    const changed = result.log.filter((entry) => entry.sheet === first && entry.cell !== '');
    const expected = [...Object.keys(TYPED), layout.checkPeriod, layout.partTwoCheckPeriod];
    expect(changed.map((entry) => entry.cell).sort()).toEqual(expected.sort());
    expect(target.sheetNames()).toContain(IMPORT_LOG_SHEET_NAME);
    // 取込履歴 is visible but not printed with the book: its print area is one empty cell.
    const area = target.sheet(IMPORT_LOG_SHEET_NAME).page?.printArea ?? '';
    const [corner] = area.split(':');
    expect(area).toBe(`${corner}:${corner}`);
    expect(await cell(target, IMPORT_LOG_SHEET_NAME, corner)).toBeNull();
  });

  it('keeps each sheet’s own 確認時期', async () => {
    const { books } = await splitSmall(plan);
    const edited = books.find((book) => book.label === '財政課.xlsx')!;
    const [first] = itemSheets(edited.port);
    const r3 = await cell(edited.port, first, layout.checkPeriod);
    expect(r3).toBe('令和３年度末');
    await put(edited.port, first, { [layout.checkPeriod]: '令和２年度末' });
    const collected = await collectBooks(books);
    const target = new MemoryWorkbook();
    await writeCollected(target, collected);
    expect(await cell(target, first, layout.checkPeriod)).toBe('令和２年度末');
    const others = itemSheets(target).filter((name) => name !== first);
    for (const name of others) expect(await cell(target, name, layout.checkPeriod)).toBe(r3);
  });

  it('refuses a book of another plan with the same title, and of another year, naming the file; the rest merge', async () => {
    const { books } = await splitSmall(plan);
    const other: Plan = smallPlan(['総務課', '財政課', '財政課', '企画課']); // one more item, same title
    const { books: foreign } = await splitSmall(other);
    const lastYear = await splitSmall(plan, async (master) => {
      for (const name of itemSheets(master)) await put(master, name, { [layout.checkPeriod]: '令和２年度末' });
    });
    const collected = await collectBooks([
      ...books,
      { label: '別プラン.xlsx', port: foreign.find((book) => book.label === '企画課.xlsx')!.port },
      { label: '昨年度.xlsx', port: lastYear.books[0].port },
    ]);
    expect(collected.refused).toEqual(['別プラン.xlsx', '昨年度.xlsx']);
    const refused = collected.problems.filter((entry) => entry.code === 'book-refused');
    expect(refused.map((entry) => entry.sheet)).toEqual(['別プラン.xlsx: ブック全体', '昨年度.xlsx: ブック全体']);
    expect(refused[0].message).toContain('別のプラン');
    expect(refused[1].message).toContain('R2');
    expect(collected.sheets).toHaveLength(3);
  });

  it('reports text typed outside the input cells and a changed item name, with the cell', async () => {
    const { books } = await splitSmall(plan);
    const [sheet] = itemSheets(books[0].port);
    await put(books[0].port, sheet, { S10: 'メモ', [layout.itemName]: '名前を変えた' });
    const collected = await collectBooks(books);
    const outside = collected.problems.find((entry) => entry.code === 'text-outside-input');
    expect(outside).toMatchObject({ sheet: `${books[0].label}: ${sheet}`, cell: 'S10' });
    const changed = collected.problems.find((entry) => entry.code === 'template-changed');
    expect(changed).toMatchObject({ cell: layout.itemName });
    const target = new MemoryWorkbook();
    await writeCollected(target, collected);
    expect(await cell(target, sheet, 'S10')).toBeNull();
    expect(await cell(target, sheet, layout.itemName)).toBe(plan.items[0].name);
  });

  it('stops an item returned twice with different content, shows both versions and writes neither', async () => {
    const { books } = await splitSmall(plan);
    const [sheet] = itemSheets(books[0].port);
    await put(books[0].port, sheet, { [scores.progress]: 1 });
    const revised = { label: '総務課 (修正版).xlsx', port: (await splitSmall(plan)).books[0].port };
    await put(revised.port, sheet, { [scores.progress]: 3 });
    const collected = await collectBooks([...books, revised]);
    expect(collected.conflicts.map((entry) => entry.itemNo)).toEqual([plan.items[0].no]);
    expect(collected.problems.map((entry) => entry.code)).toContain('collect-conflict');
    const target = new MemoryWorkbook();
    const result = await writeCollected(target, collected);
    expect(itemSheets(target)).not.toContain(sheet);
    const rows = result.log.filter((entry) => entry.itemNo === plan.items[0].no);
    expect(rows.map((entry) => [entry.file, entry.after])).toEqual([
      ['総務課.xlsx', 1],
      ['総務課 (修正版).xlsx', 3],
    ]);
  });
});

describe('collect --into the master', () => {
  it('writes only what departments changed, and stops an item changed in the master too since the split', async () => {
    const { master, books } = await splitSmall(plan);
    const [mine, theirs, untouched] = itemSheets(master);
    await put(books[0].port, mine, { [scores.progress]: 2 });
    const finance = books.find((book) => book.label === '財政課.xlsx')!;
    await put(finance.port, theirs, { [scores.progress]: 3 });
    await put(master, theirs, { [layout.notes]: '事務局が追記' }); // changed on both sides: a conflict
    await put(master, untouched, { [layout.notes]: '事務局のメモ' }); // department sent it back unchanged
    const reading = await readWorkbook(master, { purpose: 'full' });
    const collected = await collectBooks(books, { expect: { planFingerprint: reading.planFingerprint, year: R3 } });
    const result = await mergeInto(master, reading, collected, { masterLabel: 'master.xlsx' });
    expect(await cell(master, mine, scores.progress)).toBe(2);
    expect(await cell(master, theirs, scores.progress)).toBeNull();
    expect(await cell(master, theirs, layout.notes)).toBe('事務局が追記');
    expect(await cell(master, untouched, layout.notes)).toBe('事務局のメモ');
    expect(result.conflicts.map((entry) => entry.reason)).toEqual(['master']);
    expect(result.changedSheets).toEqual([mine]);
    const logged = result.log.filter((entry) => entry.sheet === mine && entry.cell === scores.progress);
    expect(logged).toMatchObject([{ before: null, after: 2, file: books[0].label }]);
    expect(master.sheetNames()).toContain(IMPORT_LOG_SHEET_NAME);
  });
});
