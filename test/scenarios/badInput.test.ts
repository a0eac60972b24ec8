/**
 * Bad input in a whole workbook: each case is accepted (normalised) or reported with sheet, cell
 * and a Japanese fix, and 集計 still runs over what can be used.
 */
import { aggregate } from '../../src/actions/aggregate';
import { checkWorkbook } from '../../src/actions/check';
import { readWorkbook, WorkbookReadError } from '../../src/actions/readWorkbook';
import { builtInPlan } from '../../src/core/example';
import { PLAN_SHEET_NAME } from '../../src/core/planSheet';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import type { MemoryWorkbook } from '../../src/workbook/memory';
import { exampleBook, exampleBookWith } from '../support/exampleBook';

const layout = progressSheetLayout(builtInPlan());
const r3 = layout.scores[1];
const FIRST = '1 ガバメントクラウドファンディングの実施';

async function withCell(address: string, value: string | number | null, sheet = FIRST): Promise<MemoryWorkbook> {
  const book = await exampleBook();
  await book.writeCells([{ sheet, cells: [{ address, value }] }]);
  return book;
}

describe('bad input in the workbook', () => {
  it('reports a score of ４ with sheet, cell and fix, and leaves the item out of the averages', async () => {
    const book = await withCell(r3.scores.progress, '４');
    const result = await aggregate(book);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'score-out-of-range',
        sheet: FIRST,
        cell: 'E28',
        message: expect.stringContaining('0〜3 の範囲外'),
        fix: expect.stringContaining('0〜3'),
      }),
    );
    expect(result.json.items[0].scores).toBeNull();
    expect(result.json.initiatives[0].itemCount).toBe(3);
  });

  it('accepts a full-width ２ as 2 (same summary as the number 2)', async () => {
    const book = await withCell(r3.scores.progress, '２');
    const result = await aggregate(book);
    expect(result.json.items[0].scores).toEqual({ progress: 2, cooperation: 2, efficiency: 3, creativity: 2 });
    expect(result.problems.map((problem) => problem.code)).toEqual(['score-text']);
  });

  it('reports text "a" and a blank score', async () => {
    const letter = await checkWorkbook(await withCell(r3.scores.cooperation, 'a'));
    expect(letter.problems).toContainEqual(
      expect.objectContaining({ code: 'score-not-number', sheet: FIRST, cell: 'E29' }),
    );
    const blank = await checkWorkbook(await withCell(r3.scores.creativity, null));
    expect(blank.problems).toEqual([expect.objectContaining({ code: 'score-incomplete', sheet: FIRST, cell: 'E31' })]);
    expect(blank.errorCount).toBe(1);
  });

  it('reports a deleted sheet and aggregates the rest', async () => {
    const book = await exampleBook();
    await book.deleteSheets(['7 苫小牧市民ホール整備におけるネーミングライツの導入'.slice(0, 31)]);
    const names = await book.listSheets();
    const deleted = (await exampleBook()).sheetNames().find((name) => name.startsWith('7 '));
    if (names.some((sheet) => sheet.name === deleted)) await book.deleteSheets([deleted as string]);
    const result = await aggregate(book);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'item-sheet-missing',
        sheet: null,
        message: expect.stringContaining('実践項目 7'),
      }),
    ]);
    expect(result.json.items.find((item) => item.no === '7')?.scores).toBeNull();
  });

  it('finds a renamed sheet by its content', async () => {
    const book = await exampleBookWith((specs) =>
      specs.map((spec) => (spec.name === FIRST ? { ...spec, name: 'コピー (2)' } : spec)),
    );
    const result = await aggregate(book);
    expect(result.problems).toEqual([]);
    expect(result.filledSheets).toContain('コピー (2)');
    expect(result.json.items[0].total).toBe(9);
  });

  it('warns about a typed-over formula and restores it', async () => {
    const book = await withCell(r3.grade, 'Ａ');
    const result = await aggregate(book);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'formula-overwritten', sheet: FIRST, cell: 'E33' }),
    ]);
    expect(book.sheet(FIRST).formula('E33')).toMatch(/^=IF\(E32=""/);
    expect(book.sheet(FIRST).value('E33')).toBe('Ｂ');
  });

  it('warns about text that became a formula (入力チェック), and 集計 keeps it as typed', async () => {
    const book = await exampleBook();
    await book.writeCells([
      { sheet: FIRST, cells: [{ address: layout.reasons.progress, formula: '東京', value: '#NAME?' }] },
    ]);
    const checked = await checkWorkbook(book);
    expect(checked.problems).toEqual([
      expect.objectContaining({ code: 'text-formula', sheet: FIRST, cell: layout.reasons.progress }),
    ]);
    // 集計 reads no texts (its read plan), so it neither reports nor touches them.
    const result = await aggregate(book);
    expect(result.problems).toEqual([]);
    expect(book.sheet(FIRST).formula(layout.reasons.progress)).toBe('=東京');
  });

  it('keeps text that only looks like a formula as text', async () => {
    const book = await withCell(layout.reasons.progress, '=東京と連携');
    const reading = await readWorkbook(book);
    expect(reading.problems).toEqual([]);
    expect(reading.sheets[0].data.reasons.progress).toBe('=東京と連携');
  });

  it('explains a workbook without its プラン定義', async () => {
    const book = await exampleBook();
    await book.deleteSheets([PLAN_SHEET_NAME]);
    await expect(readWorkbook(book)).rejects.toThrow(WorkbookReadError);
    await expect(readWorkbook(book)).rejects.toThrow(/プラン定義.*がありません/);
    const withPlan = await readWorkbook(book, { plan: builtInPlan() });
    expect(withPlan.sheets).toHaveLength(70);
  });

  it('refuses a damaged layout and reports the sheet as missing from the summary', async () => {
    // Everything one row down, as after a row inserted at the top.
    const down = (address: string) => address.replace(/\d+/g, (row) => String(Number(row) + 1));
    const book = await exampleBookWith((specs) =>
      specs.map((spec) =>
        spec.name === FIRST
          ? {
              ...spec,
              formats: [],
              validations: [],
              cells: spec.cells.map((cell) => ({ ...cell, address: down(cell.address) })),
            }
          : spec,
      ),
    );
    const result = await aggregate(book);
    expect(result.problems.map((problem) => [problem.code, problem.sheet])).toEqual([
      ['item-sheet-missing', null],
      ['layout-damaged', FIRST],
    ]);
    expect(result.problems[1].message).toContain('レイアウトが崩れています');
    expect(result.filledSheets).not.toContain(FIRST);
  });
});
