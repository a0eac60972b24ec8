/**
 * The adapter packs sheets into requests by `estimateSpecBytes` (src/excel/payload.ts); this holds
 * that estimate to the bytes Microsoft's office.js really sends for every kind of sheet the product
 * writes — a 進捗状況シート, プラン定義, 審議会評価 and the tabs 「集計」 builds for 7, 70 and 700
 * 実践項目 — so that no request packed by it goes over Excel on the web's 5 MB cap.
 */
import { aggregate } from '../../src/actions/aggregate';
import type { SheetSpec } from '../../src/core/sheetSpec';
import { FakeExcel } from '../../src/demo/fakeExcel';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import { estimateSpecBytes } from '../../src/excel/payload';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { officeJsOver } from './officeJs';
import { realisticBookSpecs } from './realisticBook';

/** Every sheet 「集計」 writes for a realistic book of `count` sheets, and the book's own sheets. */
async function sheetKinds(count: number): Promise<SheetSpec[]> {
  const book = realisticBookSpecs(count);
  const memory = new MemoryWorkbook();
  await memory.putSheets(book);
  const written: SheetSpec[] = [];
  const put = memory.putSheets.bind(memory);
  memory.putSheets = async (specs, options) => {
    written.push(...specs);
    return put(specs, options);
  };
  await aggregate(memory);
  return count === 7 ? [book[0], ...book.slice(-2), ...written] : written;
}

/** The largest request office.js sends to write this one sheet. */
async function realBytes(spec: SheetSpec): Promise<number> {
  const fake = new FakeExcel();
  const office = officeJsOver(fake);
  const port = new OfficeWorkbook({ run: office.run, requirements: office.requirements });
  await port.putSheets([spec]);
  return fake.stats.maxRequestBytes;
}

describe("request size estimate against office.js's own requests", () => {
  const rows: { name: string; count: number; real: number; estimate: number }[] = [];

  beforeAll(async () => {
    for (const count of [7, 70, 700])
      for (const spec of await sheetKinds(count))
        rows.push({ name: spec.name, count, real: await realBytes(spec), estimate: estimateSpecBytes(spec) });
    // Recorded in docs/decisions.md.
    console.log(
      rows
        .map(
          (row) =>
            `${row.count} items ${row.name}: real ${row.real}, estimate ${row.estimate} (${(row.estimate / row.real).toFixed(2)}×)`,
        )
        .join('\n'),
    );
  }, 600_000);

  test('the estimate is never below the real request, and at most 20 % above it', () => {
    for (const row of rows) {
      expect({ ...row, enough: row.estimate >= row.real }).toEqual({ ...row, enough: true });
      expect(row.estimate).toBeLessThanOrEqual(row.real * 1.2);
    }
  });
});
