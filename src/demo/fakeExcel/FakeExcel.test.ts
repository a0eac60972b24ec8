/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read, office-addins/call-sync-after-load -- this suite checks that the fake throws exactly where these rules warn */
import type { ExcelContext } from '../../excel/excelApi';
import { FakeExcel } from './FakeExcel';

async function failure(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected a failure');
}

function batch<T>(fake: FakeExcel, work: (context: ExcelContext) => Promise<T>): Promise<T> {
  return fake.run({}, work);
}

describe('FakeExcel: Office.js semantics', () => {
  test('a property read before load and sync throws PropertyNotLoaded', async () => {
    const fake = new FakeExcel();
    await batch(fake, async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['']]);
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('writes are queued and applied at sync; loads see the state at their place in the queue', async () => {
    const fake = new FakeExcel();
    await batch(fake, async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      const before = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').load('values');
      range.values = [[1, 2]];
      expect(fake.snapshot().sheets[0].cells).toEqual([]);
      range.load('values');
      await context.sync();
      expect(before.values).toEqual([['', '']]);
      expect(range.values).toEqual([[1, 2]]);
    });
  });

  test('getItemOrNullObject gives a null object; getItem of a missing sheet fails at sync', async () => {
    const fake = new FakeExcel();
    await batch(fake, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('ない');
      const present = context.workbook.worksheets.getItemOrNullObject('sheet1');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      missing.getRange('A1').values = [[1]];
      expect(await failure(context.sync())).toMatchObject({ code: 'ItemNotFound' });
    });
    const error = await failure(
      batch(fake, async (context) => {
        context.workbook.worksheets.getItem('ない').getRange('A1').load('values');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemNotFound');
  });

  test('text starting with "=" becomes a formula; an apostrophe keeps text; numbers and dates are converted', async () => {
    const fake = new FakeExcel();
    await batch(fake, async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:F1');
      range.values = [[2, '=A1*3', "'=A1", '001', '2024/4/1', null]];
      const read = range.load('values, formulas');
      await context.sync();
      expect(read.values).toEqual([[2, 6, '=A1', 1, 45383, '']]);
      expect(read.formulas).toEqual([[2, '=A1*3', '=A1', 1, 45383, '']]);
    });
  });

  test('a formula the fake cannot evaluate keeps its cached value', () => {
    const fake = new FakeExcel();
    fake.loadSheetSpecs([
      {
        name: 'S',
        columnWidths: [],
        cells: [
          { address: 'A1', formula: 'VLOOKUP(1,B:C,2,FALSE)', value: 'x' },
          { address: 'A2', formula: 'IF(COUNT(B1:B2)=0,"",SUM(B1:B2))', value: null },
        ],
        formats: [],
      },
    ]);
    expect(fake.snapshot().sheets[0].cells.map((cell) => cell.value)).toEqual(['x', '']);
  });

  test('a request above 5 MB fails with RequestPayloadSizeLimitExceeded and changes nothing', async () => {
    const fake = new FakeExcel();
    const text = 'あ'.repeat(30_000);
    const error = await failure(
      batch(fake, async (context) => {
        const sheet = context.workbook.worksheets.getItem('Sheet1');
        for (let row = 1; row <= 70; row++) sheet.getRange(`A${row}`).values = [[text]];
        await context.sync();
      }),
    );
    expect(error.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.stats.lastRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(fake.snapshot().sheets[0].cells).toEqual([]);
  });

  test('members of newer API sets fail with ApiNotFound on an older host', async () => {
    const fake = new FakeExcel();
    fake.setApiVersion('1.8');
    expect(fake.requirements('ExcelApi', '1.8')).toBe(true);
    expect(fake.requirements('ExcelApi', '1.9')).toBe(false);
    const error = await failure(
      batch(fake, async (context) => {
        context.workbook.worksheets.getItem('Sheet1').pageLayout.orientation = 'Landscape';
        await context.sync();
      }),
    );
    expect(error.code).toBe('ApiNotFound');
  });

  test('cell edit mode fails the next syncs; sync counting', async () => {
    const fake = new FakeExcel();
    fake.enterCellEditMode(1);
    const run = () =>
      batch(fake, async (context) => {
        context.workbook.worksheets.load('items/name');
        await context.sync();
        return context.workbook.worksheets.items.map((sheet) => sheet.name);
      });
    expect((await failure(run())).code).toBe('InvalidOperationInCellEditMode');
    expect(await run()).toEqual(['Sheet1']);
    expect(fake.stats).toMatchObject({ runs: 2, syncs: 2 });
  });

  test('columnHidden hides whole columns: read back true, false or null for a mix; values still read', async () => {
    const fake = new FakeExcel();
    fake.loadSheetSpecs([{ name: 'S', columnWidths: [], cells: [{ address: 'Q1', value: 'marker' }], formats: [] }]);
    const read = await batch(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('Q:Q').columnHidden = true;
      sheet.getRange('B3:C3').columnHidden = true;
      sheet.getRange('C:C').columnHidden = false;
      const ranges = ['Q:Q', 'Q5', 'B1', 'B:C', 'D1', 'Q1'].map((address) =>
        sheet.getRange(address).load('address, columnHidden'),
      );
      const marker = sheet.getRange('Q1').load('values');
      await context.sync();
      return { ranges: ranges.map((range) => [range.address, range.columnHidden]), marker: marker.values };
    });
    expect(read.ranges).toEqual([
      ['S!Q:Q', true],
      ['S!Q5', true],
      ['S!B1', true],
      ['S!B:C', null],
      ['S!D1', false],
      ['S!Q1', true],
    ]);
    expect(read.marker).toEqual([['marker']]);
    expect(fake.snapshot().sheets[0].hiddenColumns).toEqual([2, 17]);
    // Demo mode's save and load keep them.
    expect(fake.toSheetSpecs()[0].hiddenColumns).toEqual([2, 17]);
    const copy = new FakeExcel();
    copy.loadSheetSpecs(fake.toSheetSpecs());
    expect(copy.snapshot().sheets[0].hiddenColumns).toEqual([2, 17]);
  });

  test('a protected sheet refuses hiding columns unless it allows formatting columns', async () => {
    const fake = new FakeExcel();
    expect(
      (
        await failure(
          batch(fake, async (context) => {
            const sheet = context.workbook.worksheets.getItem('Sheet1');
            sheet.protection.protect();
            sheet.getRange('Q:Q').columnHidden = true;
            await context.sync();
          }),
        )
      ).code,
    ).toBe('AccessDenied');
    await batch(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.protection.unprotect();
      sheet.protection.protect({ allowFormatColumns: true });
      sheet.getRange('Q:Q').columnHidden = true;
      await context.sync();
    });
    expect(fake.snapshot().sheets[0].hiddenColumns).toEqual([17]);
  });

  test('the last visible sheet cannot be deleted or hidden; protected cells refuse writes', async () => {
    const fake = new FakeExcel();
    expect(
      (
        await failure(
          batch(fake, async (context) => {
            context.workbook.worksheets.getItem('Sheet1').delete();
            await context.sync();
          }),
        )
      ).code,
    ).toBe('InvalidOperation');
    expect(
      (
        await failure(
          batch(fake, async (context) => {
            const sheet = context.workbook.worksheets.getItem('Sheet1');
            sheet.protection.protect();
            sheet.getRange('A1').values = [[1]];
            await context.sync();
          }),
        )
      ).code,
    ).toBe('AccessDenied');
  });
});
