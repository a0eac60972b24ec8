/**
 * The package port writes every SheetSpec field as the ExcelJS port does: the same specs written by
 * both and read back by one reader (ExcelJS) give the same cells, formats, merges, validations,
 * print settings and view; and every part of what it writes is valid against the ECMA-376 schemas.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { aggregate } from '../../src/actions/aggregate';
import type { SheetSpec } from '../../src/core/sheetSpec';
import { resolveCellFormats } from '../../src/workbook/memory';
import { PackageWorkbook } from '../../src/xlsx/package/PackageWorkbook';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { exampleBook } from '../support/exampleBook';
import { validateOoxml } from '../support/ooxml';
import { chartSheet, formSheet, SNAPSHOT_FIELDS } from './fixtures';

/** The example's sheets and every tab 「集計」 writes: the specs the product puts. */
async function productSpecs(): Promise<SheetSpec[]> {
  const book = await exampleBook();
  await aggregate(book);
  const items = book.specs.slice(0, 3);
  const rest = book.specs.slice(70);
  return [
    formSheet('No.1'),
    { ...formSheet('隠し'), visibility: 'veryHidden', protect: false },
    chartSheet('集計'),
    ...items,
    ...rest,
  ];
}

const FIELDS = [...SNAPSHOT_FIELDS, 'visibility'] as const;

describe('PackageWorkbook writes what XlsxWorkbook writes', () => {
  let specs: SheetSpec[];
  let ours: Buffer;
  let theirs: XlsxWorkbook;
  let reference: Buffer;
  let oursRead: XlsxWorkbook;

  beforeAll(async () => {
    specs = await productSpecs();
    const written = PackageWorkbook.create();
    await written.putSheets(specs);
    ours = await written.toBuffer();
    const other = XlsxWorkbook.create();
    await other.putSheets(specs);
    reference = await other.toBuffer();
    theirs = await XlsxWorkbook.open(reference);
    oursRead = await XlsxWorkbook.open(ours);
  }, 120_000);

  test('the same sheets in the same order', async () => {
    expect(await oursRead.listSheets()).toEqual(await theirs.listSheets());
  });

  test('every field of every sheet, and the format of every formatted cell', () => {
    for (const spec of specs) {
      const expected = theirs.sheet(spec.name);
      const actual = oursRead.sheet(spec.name);
      for (const field of FIELDS) {
        // ExcelJS leaves out a column of width 9 (its own default), so Excel shows 8.43 there; the
        // package port writes the width the spec asks for.
        const wanted =
          field === 'columnWidths'
            ? expected.columnWidths.map((width, index) => (width === 0 && spec.columnWidths[index] === 9 ? 9 : width))
            : expected[field];
        expect([spec.name, field, actual[field]]).toEqual([spec.name, field, wanted]);
      }
      const addresses = new Set([
        ...resolveCellFormats(spec.formats).keys(),
        ...spec.cells.map((cell) => cell.address),
      ]);
      for (const address of addresses)
        expect([spec.name, address, actual.style(address)]).toEqual([spec.name, address, expected.style(address)]);
    }
  });

  test('charts: the same chart and drawing parts as the ExcelJS port adds', async () => {
    const again = await PackageWorkbook.open(ours);
    const [range] = await again.readRanges([{ sheet: '集計', address: 'A1:C5' }]);
    expect(range.values[1]).toEqual(['財政運営', 2, 2.5]);
    const parts = async (bytes: Buffer): Promise<string[]> => {
      const zip = await JSZip.loadAsync(bytes);
      const charts = zip.file(/^xl\/(charts|drawings)\/[^/]+\.xml$/);
      return Promise.all(charts.map((file) => file.async('string')));
    };
    const expected = await parts(reference);
    const actual = await parts(ours);
    expect(actual.length).toBe(expected.length);
    expect(actual.sort()).toEqual(expected.sort());
  });

  test('is valid against the ECMA-376 schemas, part by part', () => {
    const directory = mkdtempSync(join(tmpdir(), 'shinchoku-package-'));
    expect(validateOoxml(ours, join(directory, 'written.xlsx'))).toEqual({ valid: true, failures: [] });
  });
});
