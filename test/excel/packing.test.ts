/**
 * Every request and answer of the port stays under Excel on the web's 5 MB cap by the bytes
 * Microsoft's office.js really sends and receives, also where one call carries far more than
 * 5 MB: writing long texts into many sheets, and reading thousands of scattered cells. Nothing is
 * refused (a refusal costs a sync and, before this packing, split the batch by halves).
 */
import type { SheetSpec } from '../../src/core/sheetSpec';
import { FakeExcel, PAYLOAD_LIMIT_BYTES } from '../../src/demo/fakeExcel';
import { portOverOfficeJs } from './officeJs';

const SHEETS = 150;
const names = Array.from({ length: SHEETS }, (_, i) => `シート${i + 1}`);

function blankBook(): FakeExcel {
  const fake = new FakeExcel();
  fake.loadSheetSpecs(names.map((name): SheetSpec => ({ name, columnWidths: [], cells: [], formats: [] })));
  return fake;
}

test('writeCells of 9 MB of text goes in syncs under the cap, none refused', async () => {
  const { fake, port } = portOverOfficeJs(blankBook());
  const text = (i: number) => `${i}：${'市民サービスの向上と業務の効率化に向けて手続を見直した。'.repeat(25)}`;
  const writes = names.map((sheet, s) => ({
    sheet,
    cells: Array.from({ length: 30 }, (_, i) => ({ address: `B${2 * i + 1}`, value: text(s * 30 + i) })),
  }));
  const before = port.stats.syncs;
  await port.writeCells(writes);
  expect(fake.stats.refusedRequests).toBe(0);
  expect(port.stats.splits).toBe(0);
  expect(fake.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  // Lookups and protection one sync each, the cells in three.
  expect(port.stats.syncs - before).toBe(2 + 3);
  const [range] = await port.readRanges([{ sheet: names[SHEETS - 1], address: 'B59' }]);
  expect(range.values).toEqual([[text(SHEETS * 30 - 1)]]);
});

test('readRanges of 15,000 scattered cells goes in requests under the cap, none refused', async () => {
  const fake = blankBook();
  const { port } = portOverOfficeJs(fake);
  // Cells two rows and two columns apart are never read as one rectangle.
  const requests = names.flatMap((sheet) =>
    Array.from({ length: 100 }, (_, i) => ({
      sheet,
      address: `${String.fromCharCode(65 + 2 * (i % 10))}${1 + 2 * Math.floor(i / 10)}`,
    })),
  );
  const ranges = await port.readRanges(requests);
  expect(ranges).toHaveLength(15_000);
  expect(fake.stats.refusedRequests + fake.stats.refusedResponses).toBe(0);
  expect(port.stats.splits).toBe(0);
  expect(fake.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
});

test('putSheets of one sheet holding 7 MB of text (the record of 「集計」 at 7,000 sheets) goes in, none refused', async () => {
  const fake = blankBook();
  const { port } = portOverOfficeJs(fake);
  const chunk = (i: number) => `${i}:${'{"cells":["=SUM(J20:M20)",12.5,"Ａ"]}'.repeat(800)}`.slice(0, 30_000);
  const spec: SheetSpec = {
    name: '大きな記録',
    columnWidths: [10],
    cells: Array.from({ length: 240 }, (_, i) => ({ address: `A${i + 2}`, value: chunk(i) })),
    formats: [{ address: 'A1', style: { bold: true } }],
    visibility: 'veryHidden',
  };
  await port.putSheets([spec]);
  expect(fake.stats.refusedRequests).toBe(0);
  expect(fake.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  const [range] = await port.readRanges([{ sheet: '大きな記録', address: 'A2:A241' }]);
  expect(range.values.map((row) => row[0])).toEqual(spec.cells.map((cell) => cell.value));
  expect((await port.listSheets()).find((sheet) => sheet.name === '大きな記録')?.visibility).toBe('veryHidden');
});
