import ExcelJS from 'exceljs';
import { XlsxWorkbook } from './XlsxWorkbook';

/** A file written by ExcelJS directly, holding value shapes our own writer never produces. */
async function foreignFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('他');
  sheet.getCell('A1').value = { richText: [{ text: '行政', font: { bold: true } }, { text: '改革' }] };
  sheet.getCell('A2').value = { text: '市のサイト', hyperlink: 'https://example.jp/' };
  sheet.getCell('A3').value = new Date(Date.UTC(2022, 2, 31));
  sheet.getCell('A4').value = { formula: 'NOSUCH()', result: { error: '#NAME?' } };
  sheet.getCell('A5').value = { error: '#DIV/0!' };
  sheet.getCell('B1').value = 1;
  sheet.getCell('B2').value = 2;
  sheet.getCell('C1').value = { formula: 'B1*10', result: 10, shareType: 'shared', ref: 'C1:C2' } as ExcelJS.CellValue;
  sheet.getCell('C2').value = { sharedFormula: 'C1', result: 20 };
  sheet.getCell('D1').value = { formula: 'B1>0', result: true };
  sheet.getCell('D2').value = { formula: 'B1+B2' };
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('reading cell values of any .xlsx', () => {
  test('normalises rich text, hyperlinks, dates, errors and shared formulas', async () => {
    const workbook = await XlsxWorkbook.open(await foreignFile());
    const [range] = await workbook.readRanges([{ sheet: '他', address: 'A1:D5' }]);
    expect(range.values).toEqual([
      ['行政改革', 1, 10, true],
      ['市のサイト', 2, 20, null],
      ['2022-03-31', null, null, null],
      ['#NAME?', null, null, null],
      ['#DIV/0!', null, null, null],
    ]);
    expect(range.formulas).toEqual([
      [null, null, '=B1*10', '=B1>0'],
      [null, null, '=B2*10', '=B1+B2'],
      [null, null, null, null],
      ['=NOSUCH()', null, null, null],
      [null, null, null, null],
    ]);
  });

  test('fails with a Japanese message for a file that is not .xlsx', async () => {
    await expect(XlsxWorkbook.open(Buffer.from('not a zip'))).rejects.toThrow('Excel ブック (.xlsx) として開けません');
    await expect(XlsxWorkbook.open('/nonexistent/進捗.xlsx')).rejects.toThrow(
      'ファイル「/nonexistent/進捗.xlsx」を読み込めません',
    );
  });
});
