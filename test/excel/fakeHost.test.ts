/**
 * The fake Excel behind Microsoft's office.js behaves like Excel where the port relies on it:
 * values written into a merged area's other cells are dropped, loads in a sync that suspended
 * calculation see formulas as last calculated (recalculation resumes after that sync), and
 * protecting a protected sheet fails.
 */
import { FakeExcel } from '../../src/demo/fakeExcel';
import type { ExcelContext } from '../../src/excel/excelApi';
import { officeJsOver } from './officeJs';

function over(fake = new FakeExcel()): <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T> {
  const office = officeJsOver(fake);
  return (batch) => office.run({}, batch);
}

test('a merged area keeps only what is written into its top-left cell', async () => {
  const run = over();
  const values = await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('A1:B2').merge(false);
    sheet.getRange('A1:C2').values = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const range = sheet.getRange('A1:C2').load('values');
    await context.sync();
    return range.values;
  });
  expect(values).toEqual([
    [1, '', 3],
    ['', '', 6],
  ]);
});

test('loads in the sync that suspended calculation see formulas as last calculated', async () => {
  const run = over();
  const seen = await run(async (context) => {
    const app = context.application;
    const sheet = context.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('A1:C1').formulas = [[1, 2, '=SUM(A1:B1)']];
    const before = sheet.getRange('C1').load('values');
    await context.sync();
    app.suspendApiCalculationUntilNextSync();
    sheet.getRange('A1:B1').values = [[10, 20]];
    const during = sheet.getRange('C1').load('values');
    await context.sync();
    const after = sheet.getRange('C1').load('values');
    await context.sync();
    return [before.values[0][0], during.values[0][0], after.values[0][0]];
  });
  expect(seen).toEqual([3, 3, 30]);
});

test('protecting a protected sheet fails (Excel: "Fails if the worksheet has already been protected")', async () => {
  const run = over();
  await run(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').protection.protect();
    await context.sync();
  });
  await expect(
    run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').protection.protect();
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidOperation' });
});
