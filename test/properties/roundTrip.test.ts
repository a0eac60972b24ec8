/**
 * Property (issue 9, item 7): any sheet of typed values round-trips exactly through every port —
 * the memory port, the .xlsx port (saved and opened again) and the Office.js port over the fake
 * Excel (also saved and opened again): the same value of the same type in every cell. Dates are
 * numbers in a date-formatted cell and come back as the same number.
 */
import fc from 'fast-check';
import { cellAddress } from '../../src/core/address';
import type { CellValue, CellWrite, SheetSpec } from '../../src/core/sheetSpec';
import { FakeExcel } from '../../src/demo/fakeExcel';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { cellValue, dateSerial, longest } from './cellValues';
import { runs } from './runs';

// The product runs the ExcelJS port only in the browser (the pane's and the demo's downloads), where
// webpack resolves exceljs to its browser build (its package.json "browser"): this suite tests that
// build. Its Node build hands text to its zip library as a string, which is encoded in chunks of
// 16,384 UTF-16 units, so a character outside the BMP split at a chunk edge becomes U+FFFD; the
// browser build encodes the whole part first (docs/decisions.md).
jest.mock('exceljs', () => jest.requireActual('exceljs/dist/exceljs.min.js'));

const COLUMNS = 4;

interface Case {
  values: CellValue[][];
  /** Row-major indexes of cells holding a date (a date format). */
  dates: number[];
  long: string | null;
}

const cases: fc.Arbitrary<Case> = fc
  .record({
    values: fc.array(fc.array(cellValue, { minLength: COLUMNS, maxLength: COLUMNS }), { minLength: 1, maxLength: 6 }),
    dates: fc.array(fc.tuple(fc.nat({ max: 23 }), dateSerial), { maxLength: 3 }),
    long: fc.option(longest, { freq: 10 }),
  })
  .map(({ values, dates, long }) => {
    const grid = values.map((row) => [...row]);
    const indexes: number[] = [];
    for (const [index, serial] of dates) {
      const row = Math.floor(index / COLUMNS);
      if (row >= grid.length || indexes.includes(index)) continue;
      grid[row][index % COLUMNS] = serial;
      indexes.push(index);
    }
    return { values: grid, dates: indexes, long };
  });

function specOf(name: string, sample: Case): SheetSpec {
  const cells: CellWrite[] = [];
  sample.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) cells.push({ address: cellAddress(r + 1, c + 1), value });
    }),
  );
  const longRow = sample.values.length + 1;
  if (sample.long !== null) cells.push({ address: cellAddress(longRow, 1), value: sample.long });
  return {
    name,
    columnWidths: Array<number>(COLUMNS).fill(12),
    cells,
    formats: sample.dates.map((index) => ({
      address: cellAddress(Math.floor(index / COLUMNS) + 1, (index % COLUMNS) + 1),
      style: { numberFormat: 'yyyy/m/d' },
    })),
  };
}

function expected(sample: Case, dateAs?: (serial: number) => CellValue): CellValue[][] {
  const rows = sample.values.map((row) => [...row]);
  if (dateAs)
    for (const index of sample.dates) {
      const row = rows[Math.floor(index / COLUMNS)];
      row[index % COLUMNS] = dateAs(row[index % COLUMNS] as number);
    }
  rows.push([sample.long, ...Array<CellValue>(COLUMNS - 1).fill(null)]);
  return rows;
}

async function readBack(port: WorkbookPort, name: string, sample: Case): Promise<CellValue[][]> {
  const address = `A1:${cellAddress(sample.values.length + 1, COLUMNS)}`;
  const [range] = await port.readRanges([{ sheet: name, address }]);
  return range.values;
}

interface Harness {
  name: string;
  /** How the port reads a date cell, when not as its serial number. */
  dateAs?: (serial: number) => CellValue;
  /** Puts the sheet and gives the port to read it from (after saving and opening again where there is a file). */
  through(spec: SheetSpec): Promise<WorkbookPort>;
}

const officeOver = (fake: FakeExcel) =>
  new OfficeWorkbook({ run: fake.run, requirements: fake.requirements, sleep: async () => undefined });

const HARNESSES: Harness[] = [
  {
    name: 'memory port',
    through: async (spec) => {
      const book = new MemoryWorkbook();
      await book.putSheets([spec]);
      return book;
    },
  },
  {
    name: '.xlsx port, saved and opened again',
    // The .xlsx port reads a date cell as ISO text (src/xlsx/cellValues.ts); Office.js gives the
    // serial number. Reported: the type differs between ports.
    dateAs: (serial) => new Date(Math.round((serial - 25569) * 86400000)).toISOString().slice(0, 10),
    through: async (spec) => {
      const book = XlsxWorkbook.create();
      await book.putSheets([spec]);
      return XlsxWorkbook.open(await book.toBuffer());
    },
  },
  {
    name: 'Office.js port over the fake Excel, saved and opened again',
    through: async (spec) => {
      const fake = new FakeExcel();
      await officeOver(fake).putSheets([spec]);
      const opened = new FakeExcel();
      opened.loadSheetSpecs(fake.toSheetSpecs());
      return officeOver(opened);
    },
  },
];

describe.each(HARNESSES)('every typed value round-trips exactly: $name', (harness) => {
  it('keeps each cell’s value and type', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (drawn) => {
        const port = await harness.through(specOf('入力', drawn));
        expect(await readBack(port, '入力', drawn)).toEqual(expected(drawn, harness.dateAs));
      }),
      runs(),
    );
  });
});

describe('a text of 32,767 characters full of characters outside the BMP', () => {
  // ExcelJS's Node build turned some of these into U+FFFD (its zip library encodes a string part in
  // chunks of 16,384 UTF-16 units); the browser build, the one the product runs, keeps them.
  it.each(HARNESSES.map((harness) => [harness.name, harness] as const))(
    '%s keeps every character',
    async (_, harness) => {
      const text = '\u0002@\u{EF6B4}\u{917CA}\u{12227}\u001b\u001c,😀'.repeat(2520); // 32,760 characters
      const sample: Case = { values: [[null, null, null, null]], dates: [], long: text };
      const port = await harness.through(specOf('入力', sample));
      expect(await readBack(port, '入力', sample)).toEqual(expected(sample, harness.dateAs));
    },
  );
});
