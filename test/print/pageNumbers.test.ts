/**
 * Page numbers of the printed book. Our sheets leave "first page number" on Auto, so Excel numbers
 * a tab printed alone from 1 and the whole workbook printed at once straight through, and
 * LibreOffice's PDF numbers the book straight through ("&P / &N" then reads "page / pages of the
 * book"). ExcelJS reads every sheet as if it said "start at page 1" and wrote that back, so that a
 * file once opened and saved (aggregate, print-setup) restarted at 1 on every sheet: "1 / 169".
 */
import JSZip from 'jszip';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import type { SheetSpec } from '../../src/core/sheetSpec';

const sheet = (name: string): SheetSpec => ({
  name,
  columnWidths: [10],
  cells: [{ address: 'A1', value: name }],
  formats: [],
  page: { paperSize: 'A4', orientation: 'portrait', footerCenter: '&P / &N' },
});

async function pageSetups(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files)
    .filter((path) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path))
    .sort();
  return Promise.all(
    parts.map(
      async (path) => /<pageSetup[^>]*>/.exec(await (zip.file(path) as JSZip.JSZipObject).async('string'))?.[0] ?? '',
    ),
  );
}

describe('page numbers of the printed book', () => {
  it('stay on Auto for every sheet through open and save', async () => {
    const created = XlsxWorkbook.create();
    await created.putSheets([sheet('一'), sheet('二')]);
    const reopened = await XlsxWorkbook.open(await created.toBuffer());
    await reopened.setPageSetups([{ sheet: '二', page: { paperSize: 'A4', orientation: 'landscape' } }]);
    const setups = await pageSetups(await reopened.toBuffer());
    expect(setups).toHaveLength(2);
    for (const setup of setups) expect(setup).not.toMatch(/useFirstPageNumber|firstPageNumber/);
  });

  it("keep a sheet's own first page number, until 印刷設定 puts it back on Auto", async () => {
    const created = XlsxWorkbook.create();
    await created.putSheets([sheet('一'), sheet('二')]);
    const zip = await JSZip.loadAsync(await created.toBuffer());
    const part = 'xl/worksheets/sheet1.xml';
    const xml = await (zip.file(part) as JSZip.JSZipObject).async('string');
    zip.file(part, xml.replace('<pageSetup ', '<pageSetup firstPageNumber="5" useFirstPageNumber="1" '));
    const opened = await XlsxWorkbook.open(await zip.generateAsync({ type: 'nodebuffer' }));
    expect((await pageSetups(await opened.toBuffer()))[0]).toMatch(/firstPageNumber="5"/);
    await opened.setPageSetups([{ sheet: '一', page: { paperSize: 'A4', orientation: 'portrait' } }]);
    expect((await pageSetups(await opened.toBuffer()))[0]).not.toMatch(/firstPageNumber/);
  });
});
