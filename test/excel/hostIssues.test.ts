/**
 * The Office.js port against Excel's documented failures and known host issues, with Microsoft's
 * office.js building every request and the fake Excel answering as Excel does:
 *
 * - another workbook taking the focus mid-request (GeneralException at WorksheetCollection.add,
 *   Worksheet.activate, Range.select, freeze panes; InvalidSelection at Worksheet.delete), and a
 *   request refused part-way: the retry finishes the work, never meets ItemAlreadyExists and
 *   leaves no placeholder sheet;
 * - cell editing refused as InvalidOperation (the delay-for-cell-edit article);
 * - no renames on the replace path (office-js #3218), VeryHidden sheets deleted, the active sheet
 *   kept after freezing panes elsewhere (#3148), fit-to-page scaling checked (#1860);
 * - change events on ExcelApi 1.9–1.13 hosts (no triggerSource) and removing the handler inside
 *   `Excel.run(registration.context, …)`.
 */
import type { SheetSpec } from '../../src/core/sheetSpec';
import { FakeExcel } from '../../src/demo/fakeExcel';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import { fitWarning } from '../../src/excel/putSheets';
import { portOverOfficeJs } from './officeJs';

function sheet(name: string, extra: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name,
    columnWidths: [10, 12],
    cells: [
      { address: 'A1', value: name },
      { address: 'B1', value: 1 },
    ],
    formats: [{ address: 'A1:B1', style: { bold: true, border: 'thin' } }],
    ...extra,
  };
}

const names = (fake: FakeExcel) => fake.snapshot().sheets.map((entry) => entry.name);

/** A workbook with two old tabs (to be replaced) around a user's sheet, and four specs. */
async function replaceScenario(fault?: (fake: FakeExcel) => void) {
  const context = portOverOfficeJs(new FakeExcel(['入力']));
  await context.port.putSheets([sheet('総評'), sheet('集計')], { before: '入力' });
  fault?.(context.fake);
  await context.port.putSheets(
    [sheet('集計', { cells: [{ address: 'A1', value: '新' }] }), sheet('新1'), sheet('総評'), sheet('新2')],
    {
      before: '入力',
    },
  );
  return context;
}

describe('a request cut short by a focus change is run again to the same result', () => {
  test.each([
    ['adding the second sheet', 'WorksheetCollection.add', 1],
    ['adding the fourth sheet', 'WorksheetCollection.add', 3],
    ['deleting a replaced sheet', 'Worksheet.delete', 0],
  ] as const)('%s', async (_label, member, skip) => {
    const clean = await replaceScenario();
    const cut = await replaceScenario((fake) => fake.focus.lose(member, { skip }));
    expect(cut.port.stats.focusRetries).toBe(1);
    expect(names(cut.fake)).toEqual(names(clean.fake));
    expect(names(cut.fake)).toEqual(['総評', '集計', '新1', '新2', '入力']);
    const [range] = await cut.port.readRanges([{ sheet: '集計', address: 'A1' }]);
    expect(range.values).toEqual([['新']]);
  });

  test('freezing panes and activating are retried too; after the bounded retries a Japanese message', async () => {
    const { fake, port } = portOverOfficeJs();
    fake.focus.lose('WorksheetFreezePanes.freezeRows');
    await port.putSheets([sheet('固定', { freeze: { rows: 1, columns: 0 } })]);
    expect(fake.snapshot().sheets.find((entry) => entry.name === '固定')?.freeze).toEqual({ rows: 1, columns: 0 });
    fake.focus.lose('Worksheet.activate', { times: 10 });
    await expect(port.activate('固定', 'A1')).rejects.toThrow('別のブックに切り替わったため');
    expect(port.stats.focusRetries).toBe(1 + 3);
  });

  test('a request refused as too large after earlier ones were applied: running putSheets again completes the work', async () => {
    const { fake, port } = portOverOfficeJs();
    const rows = (name: string, count: number) =>
      sheet(name, {
        cells: Array.from({ length: count }, (_, i) => ({ address: `A${i + 1}`, value: `${name}の行${i}` })),
      });
    // One request for all four; refused, halved: 一 and 二 go in, 三 alone is still too large.
    const specs = [rows('一', 20), rows('二', 20), rows('三', 2000), rows('四', 20)];
    fake.payloadLimit = 40_000;
    await expect(port.putSheets(specs)).rejects.toThrow('データ量が多すぎて');
    expect(names(fake)).toEqual(['Sheet1', '一', '二']);
    fake.payloadLimit = 5_000_000;
    await port.putSheets(specs);
    expect(names(fake)).toEqual(['Sheet1', '一', '二', '三', '四']);
  });
});

describe('cell editing refused as InvalidOperation (the delay-for-cell-edit article)', () => {
  test('is waited out and retried like InvalidOperationInCellEditMode', async () => {
    const { fake, port, waits } = portOverOfficeJs(new FakeExcel(), '1.10');
    fake.enterCellEditMode(2, 'InvalidOperation');
    expect(await port.listSheets()).toEqual([{ name: 'Sheet1', visibility: 'visible' }]);
    expect(port.stats.retries).toBe(2);
    expect(waits).toEqual([250, 500]);
  });

  test('an InvalidOperation of an action (the last visible sheet) is not retried', async () => {
    const { port } = portOverOfficeJs();
    await expect(port.deleteSheets(['Sheet1'])).rejects.toThrow('Excel の操作に失敗しました（InvalidOperation');
    expect(port.stats.retries).toBe(0);
  });
});

describe('known host issues on the replace path', () => {
  test('replacing sheets renames none (office-js #3218), also the only visible one, and leaves no placeholder', async () => {
    const { fake, port, requests } = portOverOfficeJs();
    await port.putSheets([sheet('Sheet1')]);
    await port.putSheets([sheet('Sheet1'), sheet('別')]);
    expect(names(fake)).toEqual(['Sheet1', '別']);
    expect(requests.filter((body) => body.includes('"ActionType":4,"Name":"Name"'))).toEqual([]);
  });

  test('a placeholder left by a cut-short try is removed by the retry', async () => {
    const { fake, port } = portOverOfficeJs();
    // The placeholder is added, the old Sheet1 deleted, then adding the new one fails.
    fake.focus.lose('WorksheetCollection.add', { skip: 1 });
    await port.putSheets([sheet('Sheet1', { cells: [{ address: 'A1', value: '新' }] })]);
    expect(port.stats.focusRetries).toBe(1);
    expect(names(fake)).toEqual(['Sheet1']);
  });

  test('a VeryHidden sheet is replaced and deleted (made Hidden first)', async () => {
    const fake = new FakeExcel();
    fake.loadSheetSpecs([
      sheet('表'),
      sheet('隠し', { visibility: 'veryHidden' }),
      sheet('隠し2', { visibility: 'veryHidden' }),
    ]);
    const { port } = portOverOfficeJs(fake);
    await port.putSheets([sheet('隠し')]);
    await port.deleteSheets(['隠し2']);
    expect(names(fake)).toEqual(['表', '隠し']);
  });

  test('freezing panes on a new sheet leaves the active sheet active (office-js #3148)', async () => {
    const { port } = portOverOfficeJs(new FakeExcel(['入力']));
    await port.putSheets([sheet('固定', { freeze: { rows: 2, columns: 1 } })]);
    expect(await port.selectedSheet()).toBe('入力');
  });

  test('fit-to-page scaling that Excel did not keep is reported (office-js #1860)', async () => {
    const { fake, port } = portOverOfficeJs();
    fake.dropsFitToPages = true;
    const page = { paperSize: 'A4' as const, orientation: 'landscape' as const, fitToWidth: 1, fitToHeight: 0 };
    await port.putSheets([sheet('一覧', { page })]);
    expect(port.warnings).toEqual([fitWarning('一覧')]);
    await port.setPageSetups([{ sheet: '一覧', page }]);
    expect(port.warnings).toEqual([fitWarning('一覧')]);
    fake.dropsFitToPages = false;
    await port.setPageSetups([{ sheet: '一覧', page }]);
    expect(port.warnings).toEqual([]);
  });
});

describe('change events', () => {
  test('on ExcelApi 1.9–1.13 (no triggerSource) the port’s own writes are not reported as edits', async () => {
    const { fake, port } = portOverOfficeJs(new FakeExcel(), '1.13');
    await port.putSheets([sheet('入力')]);
    const heard: { sheet: string; address: string }[] = [];
    const stop = await port.onChanged((change) => void heard.push(change));
    await port.writeCells([{ sheet: '入力', cells: [{ address: 'B1', value: 5 }] }]);
    await port.putSheets([sheet('新しいシート')]);
    await fake.settle();
    expect(heard).toEqual([]);
    await fake.simulateUserEdit('入力', 'B2', [[4]]);
    expect(heard).toEqual([{ sheet: '入力', address: 'B2' }]);
    await stop();
  });

  test('the handler is removed inside Excel.run(registration.context, …)', async () => {
    const fake = new FakeExcel();
    const context = portOverOfficeJs(fake);
    const contexts: unknown[] = [];
    const run = context.office.run;
    const port = new OfficeWorkbook({
      requirements: context.office.requirements,
      run: (options, batch) => {
        contexts.push(options);
        return run(options, batch);
      },
    });
    const stop = await port.onChanged(() => undefined);
    contexts.length = 0;
    await stop();
    expect(contexts).toHaveLength(1);
    expect(typeof (contexts[0] as { sync?: unknown }).sync).toBe('function');
    await fake.simulateUserEdit('Sheet1', 'A1', [[1]]);
    expect(fake.handlers.size).toBe(0);
  });
});
