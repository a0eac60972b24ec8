/**
 * Charts: DrawingML parts injected after ExcelJS writes the package.
 */

import JSZip from 'jszip';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { injectCharts, insertDrawing } from '../../src/xlsx/injectCharts';
import { CONTENT_TYPES_NS, MAIN_NS, PACKAGE_RELATIONSHIPS_NS, R_NS } from '../../src/xlsx/xml';
import { chartSheet, formSheet } from './fixtures';

async function zipOf(workbook: XlsxWorkbook): Promise<JSZip> {
  return JSZip.loadAsync(await workbook.toBuffer());
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`no part ${path}`);
  return file.async('string');
}

describe('XlsxWorkbook charts', () => {
  let zip: JSZip;

  beforeAll(async () => {
    const workbook = XlsxWorkbook.create();
    // The chart sheet is second, so its part is not simply sheet1.xml.
    await workbook.putSheets([formSheet('No.1'), chartSheet('集計')]);
    zip = await zipOf(workbook);
  });

  test('adds one chart part per chart, a drawing, their relationships and content types', async () => {
    expect(
      Object.keys(zip.files)
        .filter((path) => /^xl\/(charts|drawings)\//.test(path))
        .sort(),
    ).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/drawings/drawing1.xml',
    ]);
    const types = await text(zip, '[Content_Types].xml');
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    const drawingRels = await text(zip, 'xl/drawings/_rels/drawing1.xml.rels');
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');
    expect(drawingRels).toContain('Target="../charts/chart2.xml"');
  });

  test('links the drawing from the chart sheet only, after the print settings', async () => {
    const workbookXml = await text(zip, 'xl/workbook.xml');
    const relationshipId = /<sheet [^>]*name="集計"[^>]*r:id="(rId\d+)"/.exec(workbookXml)?.[1];
    const workbookRels = await text(zip, 'xl/_rels/workbook.xml.rels');
    const target = new RegExp(`Id="${relationshipId}"[^>]*Target="([^"]+)"`).exec(workbookRels)?.[1] ?? '';
    const sheetPath = `xl/${target}`;
    const sheet = await text(zip, sheetPath);
    const drawingId = /<drawing r:id="(rId\d+)"\/>/.exec(sheet)?.[1];
    expect(drawingId).toBeDefined();
    // CT_Worksheet order: … pageSetup, headerFooter, rowBreaks, colBreaks, …, drawing, legacyDrawing, …
    expect(sheet.indexOf('<drawing ')).toBeGreaterThan(sheet.indexOf('</rowBreaks>'));
    expect(sheet.indexOf('<drawing ')).toBeGreaterThan(sheet.indexOf('</headerFooter>'));
    const sheetRels = await text(zip, sheetPath.replace('worksheets/', 'worksheets/_rels/') + '.rels');
    expect(sheetRels).toContain(
      `Id="${drawingId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`,
    );
    const otherSheets = Object.keys(zip.files).filter(
      (path) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path) && path !== sheetPath,
    );
    for (const path of otherSheets) expect(await text(zip, path)).not.toContain('<drawing');
  });

  test('describes a clustered column chart with title, ranges, cached values and axis bounds', async () => {
    const chart = await text(zip, 'xl/charts/chart1.xml');
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart).toContain('<a:t>テーマ別の平均点</a:t>');
    expect(chart).toContain('<c:f>&apos;集計&apos;!$A$2:$A$5</c:f>');
    expect(chart).toContain('<c:f>&apos;集計&apos;!$C$2:$C$5</c:f>');
    expect(chart).toContain('<c:tx><c:v>Ｒ２</c:v></c:tx>');
    expect(chart).toContain('<c:pt idx="1"><c:v>市民サービス</c:v></c:pt>');
    expect(chart).toContain('<c:pt idx="3"><c:v>4</c:v></c:pt>');
    expect(chart).toContain('<c:scaling><c:orientation val="minMax"/><c:max val="5"/><c:min val="0"/></c:scaling>');
    const bar = await text(zip, 'xl/charts/chart2.xml');
    expect(bar).toContain('<c:barDir val="bar"/>');
    expect(bar).not.toContain('<c:max ');
  });

  test('anchors each chart from the top-left of `from` to the bottom-right of `to`', async () => {
    const drawing = await text(zip, 'xl/drawings/drawing1.xml');
    // E1 → column 4, row 0; L15 covered → the marker sits at column 12, row 15.
    expect(drawing).toContain(
      '<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>',
    );
    expect(drawing).toContain(
      '<xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>',
    );
    expect(drawing).toContain('name="テーマ別平均"');
  });

  test('caches the values the cells hold when saved, after writeCells too', async () => {
    const workbook = XlsxWorkbook.create();
    await workbook.putSheets([chartSheet('集計')]);
    await workbook.writeCells([{ sheet: '集計', cells: [{ address: 'B2', value: 4.5 }] }]);
    const chart = await text(await zipOf(workbook), 'xl/charts/chart1.xml');
    expect(chart).toContain('<c:pt idx="0"><c:v>4.5</c:v></c:pt>');
  });

  test('forgets the charts of a replaced or deleted sheet', async () => {
    const workbook = XlsxWorkbook.create();
    await workbook.putSheets([chartSheet('集計'), chartSheet('分析')]);
    await workbook.putSheets([{ ...chartSheet('集計'), charts: [] }]);
    await workbook.deleteSheets(['分析']);
    expect(Object.keys((await zipOf(workbook)).files).filter((path) => path.startsWith('xl/charts/'))).toEqual([]);
  });

  test('rejects a chart whose series and categories differ in length', async () => {
    const workbook = XlsxWorkbook.create();
    const spec = chartSheet('集計');
    const broken = { ...spec, charts: [{ ...spec.charts![0], series: [{ name: 'x', values: 'B2:B9' }] }] };
    await expect(workbook.putSheets([broken])).rejects.toThrow('同じ長さ');
  });
});

describe('insertDrawing', () => {
  const root =
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

  test('goes before legacyDrawing, tableParts and extLst, not before a nested extLst', () => {
    const xml =
      `<?xml version="1.0"?>${root}<sheetData/>` +
      '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>A1&gt;1</formula><extLst><ext uri="x"/></extLst></cfRule></conditionalFormatting>' +
      '<pageSetup paperSize="9"/><headerFooter><oddHeader>&amp;C見出し &gt; 2</oddHeader></headerFooter>' +
      '<legacyDrawing r:id="rId1"/><tableParts count="0"/><extLst><ext uri="y"/></extLst></worksheet>';
    const result = insertDrawing(xml, 'rId9');
    expect(result).toContain('</headerFooter><drawing r:id="rId9"/><legacyDrawing r:id="rId1"/>');
  });

  test('goes at the end when nothing follows it, and declares the r namespace when missing', () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><pageMargins left="0.7" note="a>b"/></worksheet>';
    expect(insertDrawing(xml, 'rId1')).toBe(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><pageMargins left="0.7" note="a>b"/>' +
        '<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></worksheet>',
    );
  });

  test('refuses a sheet that already has a drawing', () => {
    expect(() => insertDrawing(`${root}<sheetData/><drawing r:id="rId1"/></worksheet>`, 'rId2')).toThrow(
      'already has a drawing',
    );
  });
});

describe('charts added to parts another producer wrote', () => {
  const [MAIN, R, RELS, TYPES] = [MAIN_NS, R_NS, PACKAGE_RELATIONSHIPS_NS, CONTENT_TYPES_NS];

  /** Prefixed elements, single quotes, another attribute order, an existing relationship. */
  async function producedElsewhere(): Promise<Buffer> {
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      `<ct:Types xmlns:ct='${TYPES}'><ct:Default ContentType='application/xml' Extension='xml'/>` +
        `<ct:Override ContentType='application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml' PartName='/xl/worksheets/s1.xml'/></ct:Types>`,
    );
    zip.file(
      'xl/workbook.xml',
      `<x:workbook xmlns:x='${MAIN}' xmlns:rel='${R}'><x:sheets><x:sheet rel:id='rId3' sheetId='1' name='集計'/></x:sheets></x:workbook>`,
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns='${RELS}'><Relationship Target='worksheets/s1.xml' Type='${R}/worksheet' Id='rId3'/></Relationships>`,
    );
    zip.file(
      'xl/worksheets/s1.xml',
      `<x:worksheet xmlns:x='${MAIN}' xmlns:rel='${R}'><x:sheetData/><x:pageSetup paperSize='9'/><x:legacyDrawing rel:id='rId1'/></x:worksheet>`,
    );
    zip.file(
      'xl/worksheets/_rels/s1.xml.rels',
      `<pr:Relationships xmlns:pr='${RELS}'><pr:Relationship Target='../drawings/vmlDrawing1.vml' Id='rId1' Type='${R}/vmlDrawing'/></pr:Relationships>`,
    );
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  test('uses the prefixes the parts bind, a fresh relationship id, and adds the content types', async () => {
    const spec = chartSheet('集計');
    const cache = {
      categories: ['財政', '市民', '協働', '施設'],
      series: spec.charts![0].series.map(() => [1, 2, 3, 4]),
    };
    const output = await injectCharts(await producedElsewhere(), [
      { sheet: '集計', charts: [{ chart: spec.charts![0], cache }] },
    ]);
    const zip = await JSZip.loadAsync(output);
    const sheet = await text(zip, 'xl/worksheets/s1.xml');
    expect(sheet).toContain(`<x:pageSetup paperSize='9'/><x:drawing rel:id="rId2"/><x:legacyDrawing rel:id='rId1'/>`);
    const rels = await text(zip, 'xl/worksheets/_rels/s1.xml.rels');
    expect(rels).toContain(`<pr:Relationship Id="rId2" Type="${R}/drawing" Target="../drawings/drawing1.xml"/>`);
    const types = await text(zip, '[Content_Types].xml');
    expect(types).toMatch(
      /<ct:Override PartName="\/xl\/charts\/chart1\.xml" ContentType="[^"]+chart\+xml"\/><ct:Override PartName="\/xl\/drawings\/drawing1\.xml"[^>]*\/><\/ct:Types>$/,
    );
  });
});
