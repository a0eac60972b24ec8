import { MemoryWorkbook, resolveCellFormats } from './memory';
import { WorkbookError } from './port';
import type { SheetSpec } from './port';

const form: SheetSpec = {
  name: 'No.1',
  visibility: 'hidden',
  tabColor: '#FF0000',
  columnWidths: [5, 20],
  hiddenColumns: [3, 2, 3],
  rowHeights: { 2: 30 },
  cells: [
    { address: 'A1', value: '見出し' },
    { address: 'B1', value: '結合で消える' },
    { address: 'A2', value: 2 },
    { address: 'B2', formula: 'A2*2', value: 4 },
  ],
  formats: [
    { address: 'A1:B1', merge: true, style: { bold: true, border: 'thin' } },
    { address: 'A1:B2', style: { outline: 'medium', fill: '#FFF9DB' } },
    { address: 'B2', style: { bold: false, numberFormat: '0.0', locked: false } },
  ],
  validations: [{ address: 'A2:A3', list: ['○', '×'], errorMessage: '○か×を選んでください。' }],
  page: { paperSize: 'A4', orientation: 'landscape', scale: 80, rowBreaks: [1] },
  freeze: { rows: 1, columns: 0 },
  charts: [
    {
      name: 'c',
      type: 'clusteredColumn',
      title: 't',
      categories: 'A2:A3',
      series: [{ name: 's', values: 'B2:B3' }],
      from: 'D1',
      to: 'H10',
    },
  ],
  protect: true,
  showGridLines: false,
};

describe('MemoryWorkbook', () => {
  test('keeps every field of a sheet spec, visible through a snapshot', () => {
    const sheet = MemoryWorkbook.fromSpecs([form]).sheet('no.1');
    expect(sheet).toMatchObject({
      name: 'No.1',
      visibility: 'hidden',
      tabColor: '#FF0000',
      columnWidths: [5, 20],
      // Ascending, each once.
      hiddenColumns: [2, 3],
      rowHeights: { 2: 30 },
      merges: ['A1:B1'],
      page: form.page,
      freeze: { rows: 1, columns: 0 },
      charts: form.charts,
      protect: true,
      showGridLines: false,
    });
    expect([...sheet.cells]).toEqual([
      ['A1', { value: '見出し', formula: null }],
      ['A2', { value: 2, formula: null }],
      ['B2', { value: 4, formula: '=A2*2' }],
    ]);
    expect(sheet.value('$B$2')).toBe(4);
    expect(sheet.formula('b2')).toBe('=A2*2');
    expect(sheet.mergeOf('B1')).toBe('A1:B1');
    expect(sheet.mergeOf('B2')).toBeNull();
    expect(sheet.validationAt('A3')).toEqual(form.validations?.[0]);
    expect(sheet.validationAt('B3')).toBeNull();
  });

  test('resolves formats in order: later fields win, borders per side, outline on the edges', () => {
    const sheet = MemoryWorkbook.fromSpecs([form]).sheet('No.1');
    expect(sheet.style('A1')).toEqual({
      bold: true,
      fill: '#FFF9DB',
      borders: { top: 'medium', bottom: 'thin', left: 'medium', right: 'thin' },
    });
    expect(sheet.style('B2')).toEqual({
      bold: false,
      fill: '#FFF9DB',
      numberFormat: '0.0',
      locked: false,
      borders: { bottom: 'medium', right: 'medium' },
    });
    expect(sheet.style('C9')).toEqual({});
  });

  test('resolveCellFormats ignores undefined fields', () => {
    const styles = resolveCellFormats([
      { address: 'A1', style: { bold: true } },
      { address: 'A1', style: { bold: undefined, wrap: true } },
    ]);
    expect(styles.get('A1')).toEqual({ bold: true, wrap: true });
  });

  test('snapshots are copies: later writes and edits of the snapshot change nothing', async () => {
    const workbook = MemoryWorkbook.fromSpecs([form]);
    const before = workbook.sheet('No.1');
    await workbook.writeCells([{ sheet: 'No.1', cells: [{ address: 'A2', value: 9 }] }]);
    expect(before.value('A2')).toBe(2);
    expect(workbook.sheet('No.1').value('A2')).toBe(9);
    expect(() => (before.merges as string[]).push('X1:X2')).toThrow();
    before.style('A1').bold = false;
    expect(workbook.sheet('No.1').style('A1').bold).toBe(true);
  });

  test('refuses writes into the hidden cells of a merged area, and values Excel cannot hold', async () => {
    const workbook = MemoryWorkbook.fromSpecs([form]);
    await expect(workbook.writeCells([{ sheet: 'No.1', cells: [{ address: 'B1', value: 'x' }] }])).rejects.toThrow(
      WorkbookError,
    );
    await expect(workbook.writeCells([{ sheet: 'No.1', cells: [{ address: 'C1', value: Infinity }] }])).rejects.toThrow(
      '数値でない',
    );
    await expect(
      workbook.writeCells([{ sheet: 'No.1', cells: [{ address: 'C1', value: 'あ'.repeat(32768) }] }]),
    ).rejects.toThrow('32767');
  });

  test('refuses overlapping merges, bad lists and bad charts, leaving the workbook unchanged', async () => {
    const workbook = MemoryWorkbook.fromSpecs([form]);
    const overlapping = {
      ...form,
      name: '重なり',
      formats: [
        { address: 'A1:B2', merge: true },
        { address: 'B2:C3', merge: true },
      ],
    };
    await expect(workbook.putSheets([overlapping])).rejects.toThrow('重なっています');
    await expect(
      workbook.putSheets([{ ...form, name: 'リスト', validations: [{ address: 'A1', list: [] }] }]),
    ).rejects.toThrow('入力規則');
    const longList = Array.from({ length: 100 }, (_, index) => `項目${index}`);
    await expect(
      workbook.putSheets([{ ...form, name: '長い', validations: [{ address: 'A1', list: longList }] }]),
    ).rejects.toThrow('255');
    const chart = { ...form.charts![0], categories: 'A2:B3' };
    await expect(workbook.putSheets([{ ...form, name: 'グラフ', charts: [chart] }])).rejects.toThrow('1 列');
    expect(workbook.sheetNames()).toEqual(['No.1']);
  });

  test('setPageSetups replaces the print settings', async () => {
    const workbook = MemoryWorkbook.fromSpecs([form]);
    await workbook.setPageSetups([
      { sheet: 'NO.1', page: { paperSize: 'A4', orientation: 'portrait', fitToWidth: 1 } },
    ]);
    expect(workbook.sheet('No.1').page).toEqual({ paperSize: 'A4', orientation: 'portrait', fitToWidth: 1 });
  });
});
