/**
 * Inputs that used to be accepted without a word (issue 9, item 5): each is now reported with its
 * sheet, cell and fix, and nothing a department typed is changed.
 */
import { aggregate } from '../../src/actions/aggregate';
import { checkWorkbook } from '../../src/actions/check';
import { collectBooks } from '../../src/actions/distributeCollect';
import { groupByDepartment } from '../../src/actions/distribute';
import { readWorkbook } from '../../src/actions/readWorkbook';
import { isUserError } from '../../src/core/errors';
import { builtInPlan } from '../../src/core/example';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { exampleBook } from '../support/exampleBook';
import { parseCell, parseRange } from '../../src/core/address';
import type { WorkbookPort } from '../../src/workbook/port';

const layout = progressSheetLayout(builtInPlan());
const r3 = layout.scores[1];
const FIRST = '1 ガバメントクラウドファンディングの実施';

async function bookWith(cells: { address: string; value: string | number | null }[], sheet = FIRST) {
  const book = await exampleBook();
  await book.writeCells([{ sheet, cells }]);
  return book;
}

/**
 * The example as a file made elsewhere would read: one cell holds what our ports refuse to write
 * (text longer than Excel allows).
 */
async function bookReading(address: string, value: string, sheet = FIRST): Promise<WorkbookPort> {
  const book = await exampleBook();
  return {
    listSheets: () => book.listSheets(),
    readRanges: async (requests) =>
      (await book.readRanges(requests)).map((range) => {
        if (range.sheet !== sheet) return range;
        const bounds = parseRange(range.address);
        const { row, column } = parseCell(address);
        if (row < bounds.top || row > bounds.bottom || column < bounds.left || column > bounds.right) return range;
        const values = range.values.map((cells) => [...cells]);
        values[row - bounds.top][column - bounds.left] = value;
        return { ...range, values };
      }),
    writeCells: (writes) => book.writeCells(writes),
    putSheets: (specs, options) => book.putSheets(specs, options),
    deleteSheets: (names, options) => book.deleteSheets(names, options),
    setPageSetups: (setups) => book.setPageSetups(setups),
  };
}

describe('a score typed as text', () => {
  it.each([['2'], ['2 '], ['2\n'], [' 2'], ['２']])(
    '"%s" is read as 2 with the same warning as a full-width ２',
    async (typed) => {
      const result = await aggregate(await bookWith([{ address: r3.scores.progress, value: typed }]));
      expect(result.json.items[0].scores?.progress).toBe(2);
      expect(result.problems).toEqual([
        expect.objectContaining({ severity: 'warning', code: 'score-text', sheet: FIRST, cell: r3.scores.progress }),
      ]);
      expect(result.problems[0].fix).toContain('数字');
    },
  );
});

describe('取組終了 outside the plan period', () => {
  it('is reported at the 取組終了 cell, and the item is listed as missing, not dropped silently', async () => {
    const book = await bookWith([
      { address: layout.endedEraYear, value: 10 },
      { address: layout.endedMonth, value: 3 },
      ...Object.values(r3.scores).map((address) => ({ address, value: null })),
    ]);
    const result = await checkWorkbook(book);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'ended-outside-period',
        sheet: FIRST,
        cell: layout.endedEraYear,
      }),
    );
    const problem = result.problems.find((entry) => entry.code === 'ended-outside-period');
    expect(problem?.message).toContain('令和10年');
    expect(problem?.fix).toContain('計画期間');
    const aggregated = await aggregate(book);
    expect(aggregated.problems).toContainEqual(expect.objectContaining({ code: 'ended-outside-period' }));
    expect(aggregated.summary.missing).toContainEqual({ itemNo: '1', sheetName: FIRST });
  });
});

describe('text longer than Excel allows (32,767 characters)', () => {
  const long = 'あ'.repeat(32768);
  it('is reported by check at its cell', async () => {
    const result = await checkWorkbook(await bookReading(layout.notes, long));
    expect(result.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'text-too-long', sheet: FIRST, cell: layout.notes }),
    );
  });
  it('makes split refuse with the same sheet and cell, before writing anything', async () => {
    const reading = await readWorkbook(await bookReading(layout.notes, long));
    let thrown: unknown;
    try {
      groupByDepartment(reading);
    } catch (error) {
      thrown = error;
    }
    expect(isUserError(thrown)).toBe(true);
    expect(thrown).toMatchObject({ sheet: FIRST, cell: layout.notes });
  });
  it('makes collect refuse a returned book with it, naming the file, the sheet and the cell', async () => {
    const returned = [{ label: '総務課.xlsx', port: await bookReading(layout.notes, long) }];
    await expect(collectBooks(returned)).rejects.toMatchObject({
      file: '総務課.xlsx',
      sheet: FIRST,
      cell: layout.notes,
    });
  });
});

describe('control characters', () => {
  const typed = 'ベル\u0007縦タブ\u000b削除\u007f終わり';
  it('are kept through 集計 in an .xlsx file', async () => {
    const book = XlsxWorkbook.create();
    const source = await exampleBook();
    await book.putSheets(source.specs);
    await book.writeCells([{ sheet: FIRST, cells: [{ address: layout.reasons.progress, value: typed }] }]);
    const opened = await XlsxWorkbook.open(await book.toBuffer());
    await aggregate(opened);
    const reopened = await XlsxWorkbook.open(await opened.toBuffer());
    const [cell] = await reopened.readRanges([{ sheet: FIRST, address: layout.reasons.progress }]);
    expect(cell.values[0][0]).toBe(typed);
  });
  it('are reported by check as a warning for printing, and left as typed', async () => {
    const book = await bookWith([{ address: layout.reasons.progress, value: typed }]);
    const result = await checkWorkbook(book);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'text-control-character', cell: layout.reasons.progress }),
    ]);
    const reading = await readWorkbook(book);
    expect(reading.sheets[0].data.reasons.progress).toBe(typed);
  });
});
