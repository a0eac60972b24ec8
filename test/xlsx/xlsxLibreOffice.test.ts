/**
 * A real spreadsheet program opens what the ExcelJS port writes: LibreOffice prints it to PDF and
 * saves it again as .xlsx with the charts intact. Two conversions only: each costs seconds.
 */

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { convertWithLibreOffice, hasLibreOffice, pdfPageCount, renderPdfPages } from '../support/libreoffice';
import { chartSheet, formSheet } from './fixtures';

const withLibreOffice = hasLibreOffice() ? test : test.skip;

describe('LibreOffice opens what XlsxWorkbook writes', () => {
  let directory: string;
  let input: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'shinchoku-lo-xlsx-'));
    const workbook = XlsxWorkbook.create();
    await workbook.putSheets([chartSheet('集計'), formSheet('No.1')]);
    input = join(directory, 'report.xlsx');
    writeFileSync(input, await workbook.toBuffer());
  });

  withLibreOffice('prints to PDF: the summary with its charts on one page, the form on two', async () => {
    const pdf = await convertWithLibreOffice(input, 'pdf', join(directory, 'pdf'));
    // 集計 fits one page; No.1 has a manual break after row 4 inside its print area.
    expect(pdfPageCount(pdf)).toBe(3);
    const pages = renderPdfPages(pdf, join(directory, 'png'));
    expect(pages).toHaveLength(3);
  });

  withLibreOffice('keeps the charts, values, merges and validations through its own .xlsx', async () => {
    const output = await convertWithLibreOffice(input, 'xlsx', join(directory, 'xlsx'));
    const zip = await JSZip.loadAsync(readFileSync(output));
    const charts = zip.file(/^xl\/charts\/chart\d+\.xml$/);
    expect(charts).toHaveLength(2);
    const chartXml = (await Promise.all(charts.map((file) => file.async('string')))).join('\n');
    expect(chartXml).toContain('テーマ別の平均点');
    expect(chartXml).toMatch(/<c:barDir val="col"\/>/);
    expect(chartXml).toMatch(/<c:barDir val="bar"\/>/);
    expect(chartXml).toContain('$A$2:$A$5');

    // What ExcelJS reads of a file another program wrote.
    const reopened = await XlsxWorkbook.open(output);
    expect((await reopened.listSheets()).map((sheet) => sheet.name)).toEqual(['集計', 'No.1']);
    const form = reopened.sheet('No.1');
    expect(form.value('B4')).toBe(3);
    expect(form.formula('B4')).toBe('=SUM(B3:B3)');
    expect(form.value('D3')).toBe('=そのまま');
    expect([...form.merges].sort()).toEqual(['A1:E1', 'B6:E7']);
    expect(form.validationAt('C4')).toMatchObject({
      list: ['工程どおり', '前倒し', '遅れ'],
      errorMessage: 'リストから選んでください。',
    });
    expect(form.page).toMatchObject({
      paperSize: 'A4',
      printArea: 'A1:E7',
      rowBreaks: [4],
      headerRight: '令和３年度末',
    });
    expect(form.protect).toBe(true);
    expect(form.style('B3')).toMatchObject({ fill: '#FFF9DB', locked: false });
  });
});
