/**
 * Golden: the example workbook in, the summary JSON out — through the workbook (sheets written,
 * read back by content, aggregated), compared with the independently computed expected file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { aggregate } from '../../src/actions/aggregate';
import { createExample } from '../../src/actions/template';
import { totalFormula } from '../../src/core/sheet/writeProgressSheet';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { builtInPlan } from '../../src/core/example';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import type { WorkbookPort } from '../../src/workbook/port';
import { exampleBook } from '../support/exampleBook';

const expected = JSON.parse(readFileSync(join(__dirname, 'example-R3.summary.json'), 'utf8'));

describe('the example workbook aggregated', () => {
  it('gives the expected R3 summary in memory, with no problems', async () => {
    const book = await exampleBook();
    const result = await aggregate(book);
    expect(result.problems).toEqual([]);
    expect(result.json).toEqual(expected);
  });

  it('gives the same summary through .xlsx files (ExcelJS write, reopen, read)', async () => {
    const book = XlsxWorkbook.create();
    await createExample(book);
    const reopened = await XlsxWorkbook.open(await book.toBuffer());
    const result = await aggregate(reopened);
    expect(result.json).toEqual(expected);
  });

  it('gives the R2 summary when asked for R2', async () => {
    const book = await exampleBook();
    const result = await aggregate(book, { year: 2020 });
    expect(result.json).toEqual(JSON.parse(readFileSync(join(__dirname, 'example-R2.summary.json'), 'utf8')));
  });

  it('is idempotent: aggregating an aggregated file gives the same file content', async () => {
    const book = XlsxWorkbook.create();
    await createExample(book);
    const once = await XlsxWorkbook.open(await book.toBuffer());
    await aggregate(once);
    const firstBuffer = await once.toBuffer();
    const twice = await XlsxWorkbook.open(firstBuffer);
    await aggregate(twice);
    const secondBuffer = await twice.toBuffer();
    const [first, second] = await Promise.all([JSZip.loadAsync(firstBuffer), JSZip.loadAsync(secondBuffer)]);
    const names = Object.keys(first.files)
      .filter((name) => !name.startsWith('docProps/'))
      .sort();
    expect(
      Object.keys(second.files)
        .filter((name) => !name.startsWith('docProps/'))
        .sort(),
    ).toEqual(names);
    for (const name of names) {
      const [a, b] = await Promise.all([first.file(name)?.async('string'), second.file(name)?.async('string')]);
      expect({ name, content: b }).toEqual({ name, content: a });
    }
  });

  it('leaves every input cell of every sheet unchanged, and writes only 合計 and 総合評価', async () => {
    const book = await exampleBook();
    const layout = progressSheetLayout(builtInPlan());
    const owned = new Set(layout.owned);
    const before = await readAll(book, layout.readRange);
    await book.writeCells([{ sheet: before[0].sheet, cells: [{ address: layout.scores[1].total!, value: 99 }] }]); // typed over
    await aggregate(book);
    const after = await readAll(book, layout.readRange);
    let compared = 0;
    before.forEach((sheet, index) => {
      sheet.values.forEach((row, r) =>
        row.forEach((value, c) => {
          const address = `${String.fromCharCode(65 + c)}${r + 1}`;
          if (owned.has(address)) return;
          compared++;
          expect([sheet.sheet, address, after[index].values[r][c], after[index].formulas[r][c]]).toEqual([
            sheet.sheet,
            address,
            value,
            sheet.formulas[r][c],
          ]);
        }),
      );
    });
    expect(compared).toBeGreaterThan(70 * 700);
    // the typed-over 合計 got its formula and value back
    const restored = (await book.readRanges([{ sheet: before[0].sheet, address: layout.scores[1].total! }]))[0];
    expect(restored.formulas[0][0]).toBe(`=${totalFormula(layout, layout.scores[1])}`);
    expect(restored.values[0][0]).toBe(9);
  });
});

async function readAll(book: WorkbookPort, range: string) {
  const sheets = (await book.listSheets()).filter((sheet) => /^\d+ /.test(sheet.name));
  expect(sheets).toHaveLength(70);
  return book.readRanges(sheets.map((sheet) => ({ sheet: sheet.name, address: range })));
}
