/**
 * The ExcelJS port renders every SheetSpec field into the file, and a sheet the port did not touch
 * survives open → save → open.
 */

import JSZip from 'jszip';
import { exampleWorkbookData } from '../../src/core/exampleSheets';
import { LAYOUT_MARKER, MARKER_COLUMN, progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { isProgressSheet, readProgressSheet } from '../../src/core/sheet/readProgressSheet';
import { writeProgressSheet } from '../../src/core/sheet/writeProgressSheet';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { chartSheet, formSheet, SNAPSHOT_FIELDS } from './fixtures';

async function partsOf(buffer: Buffer): Promise<(path: string) => Promise<string>> {
  const zip = await JSZip.loadAsync(buffer);
  return async (path) => {
    const file = zip.file(path);
    if (!file) throw new Error(`no part ${path}`);
    return file.async('string');
  };
}

describe('XlsxWorkbook rendering', () => {
  let buffer: Buffer;
  let reopened: XlsxWorkbook;

  beforeAll(async () => {
    const workbook = XlsxWorkbook.create();
    await workbook.putSheets([formSheet('No.1'), { ...formSheet('隠し'), visibility: 'veryHidden', protect: false }]);
    buffer = await workbook.toBuffer();
    reopened = await XlsxWorkbook.open(buffer);
  });

  test('writes values, and formulas with their cached results', async () => {
    const part = await partsOf(buffer);
    const sheet = await part('xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<c r="B4"[^>]*><f>SUM\(B3:B3\)<\/f><v>3<\/v><\/c>/);
    // Text that looks like a formula is a shared string, never <f>.
    expect(sheet).not.toContain('<f>そのまま');
    expect(await part('xl/sharedStrings.xml')).toContain('<t>=そのまま</t>');
    const snapshot = reopened.sheet('No.1');
    expect(snapshot.value('B4')).toBe(3);
    expect(snapshot.formula('B4')).toBe('=SUM(B3:B3)');
    expect(snapshot.value('D3')).toBe('=そのまま');
    expect(snapshot.formula('D3')).toBeNull();
    expect(snapshot.value('E3')).toBe('0.50');
    expect(snapshot.value('B6')).toBe('(新)説明会を開催した。\n参加者 120 名');
  });

  test('writes column widths, row heights, tab colour, frozen panes and hidden grid lines', () => {
    const snapshot = reopened.sheet('No.1');
    expect(snapshot.columnWidths).toEqual([6, 18, 10, 10, 10]);
    expect(snapshot.rowHeights).toMatchObject({ 1: 24, 4: 40 });
    expect(snapshot.tabColor).toBe('#4472C4');
    expect(snapshot.freeze).toEqual({ rows: 2, columns: 1 });
    expect(snapshot.showGridLines).toBe(false);
  });

  test('writes fonts, fills, alignment, number formats, borders with outlines and locking', () => {
    const snapshot = reopened.sheet('No.1');
    expect(snapshot.style('A1')).toMatchObject({
      fontName: 'ＭＳ Ｐゴシック',
      fontSize: 14,
      bold: true,
      horizontal: 'left',
      vertical: 'middle',
    });
    // A3:E4 has thin borders inside and a medium outline.
    expect(snapshot.style('A3').borders).toEqual({ top: 'medium', left: 'medium', bottom: 'thin', right: 'thin' });
    expect(snapshot.style('C3').borders).toEqual({ top: 'medium', left: 'thin', bottom: 'thin', right: 'thin' });
    expect(snapshot.style('E4').borders).toEqual({ top: 'thin', left: 'thin', bottom: 'medium', right: 'medium' });
    expect(snapshot.style('B3')).toMatchObject({ fill: '#FFF9DB', horizontal: 'center', locked: false, fontSize: 10 });
    expect(snapshot.style('B4')).toMatchObject({
      fill: '#E2EFDA',
      bold: true,
      fontColor: '#C00000',
      numberFormat: '0.0',
    });
    expect(snapshot.style('B6')).toMatchObject({
      wrap: true,
      vertical: 'top',
      borders: { top: 'hair', bottom: 'hair', left: 'hair', right: 'hair' },
    });
    // Cells of a merged area keep their own borders, so the merged box is drawn all round.
    expect(snapshot.style('E7').borders).toEqual({ top: 'hair', bottom: 'hair', left: 'hair', right: 'hair' });
    expect(snapshot.style('A6')).toMatchObject({ shrinkToFit: true });
  });

  test('writes merges and list validations with their messages', async () => {
    const snapshot = reopened.sheet('No.1');
    expect([...snapshot.merges].sort()).toEqual(['A1:E1', 'B6:E7']);
    expect(snapshot.validations).toEqual([
      {
        address: 'C3:C4',
        list: ['工程どおり', '前倒し', '遅れ'],
        errorMessage: 'リストから選んでください。',
        prompt: '進捗を選択',
      },
    ]);
    const sheet = await (await partsOf(buffer))('xl/worksheets/sheet1.xml');
    const validation = /<dataValidation [^>]*>/.exec(sheet)?.[0] ?? '';
    expect(validation).toContain('type="list"');
    expect(validation).toContain('showErrorMessage="1"');
    expect(validation).toContain('showInputMessage="1"');
    expect(sheet).toContain('<formula1>&quot;工程どおり,前倒し,遅れ&quot;</formula1>');
  });

  test('writes the page setup: A4, fit, print area and titles, breaks, margins, centring, header and footer', async () => {
    expect(reopened.sheet('No.1').page).toEqual(formSheet().page);
    const part = await partsOf(buffer);
    const sheet = await part('xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"/);
    expect(sheet).toMatch(/<pageSetup [^>]*scale="90"/);
    expect(sheet).not.toContain('fitToPage');
    expect(sheet).toContain('<rowBreaks count="1" manualBreakCount="1"><brk id="4" max="16383" man="1"/></rowBreaks>');
    expect(sheet).toContain('<printOptions horizontalCentered="1"/>');
    expect(sheet).toContain('<oddHeader>&amp;C&amp;A&amp;R令和３年度末</oddHeader>');
    const workbook = await part('xl/workbook.xml');
    expect(workbook).toContain('_xlnm.Print_Area');
    expect(workbook).toContain('_xlnm.Print_Titles');
  });

  test('fits to pages when asked', async () => {
    const workbook = XlsxWorkbook.create();
    await workbook.putSheets([chartSheet('集計')]);
    const again = await XlsxWorkbook.open(await workbook.toBuffer());
    expect(again.sheet('集計').page).toMatchObject(chartSheet().page ?? {});
    const sheet = await (await partsOf(await again.toBuffer()))('xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9" orientation="landscape"[^>]*fitToWidth="1" fitToHeight="1"/);
  });

  test('protects the sheet without a password and keeps visibility', async () => {
    expect(reopened.sheet('No.1').protect).toBe(true);
    expect(reopened.sheet('隠し').protect).toBe(false);
    const sheet = await (await partsOf(buffer))('xl/worksheets/sheet1.xml');
    const protection = /<sheetProtection [^>]*>/.exec(sheet)?.[0] ?? '';
    expect(protection).toContain('sheet="1"');
    expect(protection).not.toContain('hashValue');
    expect(await reopened.listSheets()).toEqual([
      { name: 'No.1', visibility: 'visible' },
      { name: '隠し', visibility: 'veryHidden' },
    ]);
  });

  test('rejects specs Excel cannot store, leaving the workbook unchanged', async () => {
    const workbook = XlsxWorkbook.create();
    const bad = { ...formSheet('壊れ'), validations: [{ address: 'A1', list: ['a,b'] }] };
    await expect(workbook.putSheets([formSheet('良い'), bad])).rejects.toThrow('入力規則');
    expect(await workbook.listSheets()).toEqual([]);
    await workbook.putSheets([formSheet('良い')]);
    await expect(workbook.writeCells([{ sheet: '良い', cells: [{ address: 'C1', value: 1 }] }])).rejects.toThrow(
      '結合セル',
    );
    await expect(
      workbook.writeCells([{ sheet: '良い', cells: [{ address: 'C9', value: Number.NaN }] }]),
    ).rejects.toThrow('数値でない');
  });
});

describe('XlsxWorkbook: the marker column of a 進捗状況シート', () => {
  test('is hidden in the file, and the marker and the form still read back', async () => {
    const { plan, sheets } = exampleWorkbookData();
    const layout = progressSheetLayout(plan);
    const spec = writeProgressSheet(plan, sheets[0]);
    const workbook = XlsxWorkbook.create();
    await workbook.putSheets([spec]);
    const buffer = await workbook.toBuffer();
    const xml = await (await partsOf(buffer))('xl/worksheets/sheet1.xml');
    expect(xml).toMatch(new RegExp(`<col min="${MARKER_COLUMN}" max="${MARKER_COLUMN}"[^>]*hidden="1"`));
    expect(xml.match(/hidden="1"/g)).toHaveLength(1);
    const reopened = await XlsxWorkbook.open(buffer);
    expect(reopened.sheet(spec.name).hiddenColumns).toEqual([MARKER_COLUMN]);
    expect(reopened.sheet(spec.name).columnWidths).toHaveLength(MARKER_COLUMN);
    const [cells] = await reopened.readRanges([{ sheet: spec.name, address: layout.readRange }]);
    expect(cells.values[0][MARKER_COLUMN - 1]).toBe(LAYOUT_MARKER);
    expect(isProgressSheet(cells, layout)).toBe(true);
    expect(readProgressSheet(plan, cells)).toEqual({ data: sheets[0], problems: [] });
  });
});

describe('XlsxWorkbook round trip of sheets it did not write', () => {
  test('values, formulas, merges, validations, styles and print setup survive open → save → open', async () => {
    const original = XlsxWorkbook.create();
    await original.putSheets([
      formSheet('No.1'),
      { ...formSheet('No.2'), columnWidths: [6, 18, 10, 10, 10, 4], hiddenColumns: [6] },
    ]);
    const first = await XlsxWorkbook.open(await original.toBuffer());
    // Work on the opened file the way 「集計」 does: write totals, add a summary tab.
    await first.writeCells([{ sheet: 'No.2', cells: [{ address: 'B4', formula: 'SUM(B3:B3)', value: 3 }] }]);
    await first.putSheets([chartSheet('集計')], { before: 'No.1' });
    const second = await XlsxWorkbook.open(await first.toBuffer());

    for (const name of ['No.1', 'No.2']) {
      const before = first.sheet(name);
      const after = second.sheet(name);
      for (const field of [...SNAPSHOT_FIELDS, 'merges'] as const) {
        expect([name, field, after[field]]).toEqual([name, field, before[field]]);
      }
      for (const address of ['A1', 'B3', 'B4', 'C3', 'E4', 'B6', 'E7']) {
        expect([name, address, after.style(address)]).toEqual([name, address, before.style(address)]);
      }
    }
    expect((await second.listSheets()).map((sheet) => sheet.name)).toEqual(['集計', 'No.1', 'No.2']);
    expect(second.sheet('No.2').hiddenColumns).toEqual([6]);
    expect(second.sheet('No.1').hiddenColumns).toEqual([]);
  });

  test('known loss: charts of an opened file are dropped by ExcelJS', async () => {
    const original = XlsxWorkbook.create();
    await original.putSheets([chartSheet()]);
    const reopened = await XlsxWorkbook.open(await original.toBuffer());
    expect(reopened.sheet('集計').charts).toEqual([]);
    const zip = await JSZip.loadAsync(await reopened.toBuffer());
    expect(zip.file(/^xl\/charts\//)).toHaveLength(0);
  });
});
