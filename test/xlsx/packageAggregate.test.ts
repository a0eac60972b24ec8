/**
 * 「集計」 over the package port: the same summary as the ExcelJS port; only the owned cells of
 * each 進捗状況シート change (their format kept), every other part leaves byte for byte as it came,
 * whatever another program put there (a chart a user added, x14 validations, a calculation chain is
 * dropped cleanly), and the file stays valid against the ECMA-376 schemas.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { aggregate } from '../../src/actions/aggregate';
import { applyPrintSetup } from '../../src/actions/printSetup';
import { createExample } from '../../src/actions/template';
import { builtInPlan } from '../../src/core/example';
import { progressSheetPage } from '../../src/core/printSetup';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { injectCharts } from '../../src/xlsx/injectCharts';
import { PackageWorkbook } from '../../src/xlsx/package/PackageWorkbook';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { inflateEntry, readZip } from '../../src/xlsx/zip';
import { validateOoxml } from '../support/ooxml';
import { chartSheet } from './fixtures';

const layout = progressSheetLayout(builtInPlan());
const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';
/** A list validation Excel keeps in the x14 extension (a list on another sheet), which ExcelJS drops. */
const X14_VALIDATION =
  `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}">` +
  '<x14:dataValidation type="list" allowBlank="1" showErrorMessage="1"><x14:formula1><xm:f>プラン定義!$A$1:$A$3</xm:f></x14:formula1>' +
  '<xm:sqref>B40</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';

/** Every part's stored (compressed) bytes and its text, by path. */
async function partsOf(bytes: Buffer): Promise<Map<string, { stored: Buffer; text: string }>> {
  const parts = new Map<string, { stored: Buffer; text: string }>();
  for (const entry of readZip(bytes).values())
    parts.set(entry.name, { stored: Buffer.from(entry.data), text: inflateEntry(entry).toString('utf8') });
  return parts;
}

/** The example as Excel might hand it over: a chart a user added, x14 validations, a calcChain. */
/** The worksheet part of each sheet, by name, from workbook.xml and its relationships. */
function partsBySheet(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map(
    [...relsXml.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map(([, id, target]) => [
      id,
      `xl/${target.replace(/^\/?xl\//, '')}`,
    ]),
  );
  return new Map(
    [...workbookXml.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)].map(([, name, id]) => [
      name,
      targets.get(id) ?? '',
    ]),
  );
}

async function exampleFromElsewhere(): Promise<{ bytes: Buffer; sheetPath: string }> {
  const book = XlsxWorkbook.create();
  await createExample(book);
  const withChart = await injectCharts(await book.toBuffer(), [
    {
      sheet: '1 ガバメントクラウドファンディングの実施',
      charts: [
        {
          chart: { ...chartSheet().charts![0], from: 'R1', to: 'Y15' },
          cache: {
            categories: [1, 2, 3, 4],
            series: [
              [1, 2, 3, 4],
              [1, 2, 3, 4],
            ],
          },
        },
      ],
    },
  ]);
  const zip = await JSZip.loadAsync(withChart);
  const sheetPath = partsBySheet(
    await zip.file('xl/workbook.xml')!.async('string'),
    await zip.file('xl/_rels/workbook.xml.rels')!.async('string'),
  ).get('1 ガバメントクラウドファンディングの実施')!;
  const sheet = await zip.file(sheetPath)!.async('string');
  zip.file(sheetPath, sheet.replace('</worksheet>', `${X14_VALIDATION}</worksheet>`));
  zip.file(
    'xl/calcChain.xml',
    `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="${layout.scores[0].total}" i="1"/></calcChain>`,
  );
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rId999" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    ),
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    ),
  );
  return { bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), sheetPath };
}

describe('「集計」 over the package port', () => {
  let input: Buffer;
  let output: Buffer;
  let sheetPath: string;
  let before: Map<string, { stored: Buffer; text: string }>;
  let after: Map<string, { stored: Buffer; text: string }>;
  let packageSummary: unknown;

  beforeAll(async () => {
    ({ bytes: input, sheetPath } = await exampleFromElsewhere());
    const book = await PackageWorkbook.open(input);
    packageSummary = (await aggregate(book)).json;
    output = await book.toBuffer();
    before = await partsOf(input);
    after = await partsOf(output);
  }, 120_000);

  test('gives the summary the ExcelJS port gives', async () => {
    const reference = await aggregate(await XlsxWorkbook.open(input));
    expect(packageSummary).toEqual(reference.json);
  });

  test('writes 合計 and 総合評価 with their formulas and values, keeping each cell’s format', async () => {
    const reopened = await XlsxWorkbook.open(output);
    const original = await XlsxWorkbook.open(input);
    const sheet = reopened.sheet('1 ガバメントクラウドファンディングの実施');
    const was = original.sheet('1 ガバメントクラウドファンディングの実施');
    const [r2, r3] = layout.scores.map((year) => ({ total: String(year.total), grade: String(year.grade) }));
    expect([sheet.value(r2.total), sheet.value(r2.grade), sheet.value(r3.total), sheet.value(r3.grade)]).toEqual([
      8,
      'Ｂ',
      9,
      'Ｂ',
    ]);
    expect(sheet.formula(r3.total)).toMatch(/^=IF\(AND\(COUNT\(E28:E31\)/);
    for (const address of [r2.total, r2.grade, r3.total, r3.grade, 'A1', 'B40'])
      expect([address, sheet.style(address)]).toEqual([address, was.style(address)]);
  });

  test('leaves every other part as it was stored, byte for byte', () => {
    const changed = [...before]
      .filter(([path, part]) => !after.get(path)?.stored.equals(part.stored))
      .map(([path]) => path);
    const bySheet = partsBySheet(before.get('xl/workbook.xml')!.text, before.get('xl/_rels/workbook.xml.rels')!.text);
    const itemSheets = [...bySheet].filter(([name]) => /^\d+ /.test(name)).map(([, path]) => path);
    expect(itemSheets).toHaveLength(70);
    // The item sheets (owned cells), the workbook, its relationships, content types, titles and
    // formats change; calcChain goes. Nothing else: プラン定義, 審議会評価, shared strings, theme,
    // the user's chart and drawing and their relationships are the same bytes.
    expect(changed.filter((path) => !itemSheets.includes(path)).sort()).toEqual(
      [
        '[Content_Types].xml',
        'docProps/app.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/calcChain.xml',
        'xl/styles.xml',
        'xl/workbook.xml',
      ].sort(),
    );
    expect(after.has('xl/calcChain.xml')).toBe(false);
    for (const path of [
      'xl/charts/chart1.xml',
      'xl/drawings/drawing1.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      sheetPath.replace('worksheets/', 'worksheets/_rels/') + '.rels',
    ])
      expect([path, after.get(path)?.stored.equals(before.get(path)!.stored)]).toEqual([path, true]);
  });

  test('changes nothing in an item sheet but the owned cells: the chart link and x14 validations stay', () => {
    const original = before.get(sheetPath)!.text;
    const patched = after.get(sheetPath)!.text;
    expect(patched).toContain(X14_VALIDATION);
    expect(patched).toMatch(/<drawing r:id="rId\d+"\/>/);
    // Remove the owned cells from both: the rest is the same text.
    const owned = new RegExp(
      `<c r="(${layout.scores.flatMap((year) => [year.total, year.grade]).join('|')})"[^>]*?(/>|>.*?</c>)`,
      'g',
    );
    expect(patched.replace(owned, '')).toBe(original.replace(owned, ''));
  });

  test('asks Excel to recalculate on open, and the file is valid against the schemas', () => {
    expect(after.get('xl/workbook.xml')!.text).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    expect(after.get('xl/_rels/workbook.xml.rels')!.text).not.toContain('calcChain');
    expect(after.get('[Content_Types].xml')!.text).not.toContain('calcChain');
    const directory = mkdtempSync(join(tmpdir(), 'shinchoku-aggregate-'));
    expect(validateOoxml(output, join(directory, 'summary.xlsx'))).toEqual({ valid: true, failures: [] });
  });

  test('a second 「集計」 replaces the tabs and gives the same figures', async () => {
    const again = await PackageWorkbook.open(output);
    expect((await aggregate(again)).json).toEqual(packageSummary);
    const sheets = (await again.listSheets()).map((sheet) => sheet.name);
    expect(new Set(sheets).size).toBe(sheets.length);
    const directory = mkdtempSync(join(tmpdir(), 'shinchoku-aggregate-'));
    expect(validateOoxml(await again.toBuffer(), join(directory, 'twice.xlsx'))).toEqual({ valid: true, failures: [] });
  });

  test('opening and saving without a change gives back every part as stored', async () => {
    const untouched = await partsOf(await (await PackageWorkbook.open(input)).toBuffer());
    expect([...untouched.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, part] of before)
      expect([path, untouched.get(path)?.stored.equals(part.stored)]).toEqual([path, true]);
  });

  test('lists the sheets in docProps/app.xml as they are now', async () => {
    const app = after.get('docProps/app.xml')!.text;
    const names = (await (await PackageWorkbook.open(output)).listSheets()).map((sheet) => sheet.name);
    expect(app).toContain(`<vt:vector size="${names.length}" baseType="lpstr">`);
    for (const name of names) expect(app).toContain(`<vt:lpstr>${name}</vt:lpstr>`);
  });

  test('印刷設定 sets every item sheet and tab, and changes no other part', async () => {
    const book = await PackageWorkbook.open(output);
    const result = await applyPrintSetup(book);
    const printed = await book.toBuffer();
    const reopened = await XlsxWorkbook.open(printed);
    const wanted = progressSheetPage(builtInPlan());
    for (const sheet of result.progressSheets) expect([sheet, reopened.sheet(sheet).page]).toEqual([sheet, wanted]);
    expect(result.tabs.length).toBeGreaterThan(4);
    const parts = await partsOf(printed);
    const changed = [...after]
      .filter(([path, part]) => !parts.get(path)?.stored.equals(part.stored))
      .map(([path]) => path)
      .filter((path) => !path.startsWith('xl/worksheets/sheet'));
    expect(changed).toEqual(['xl/workbook.xml']);
    const directory = mkdtempSync(join(tmpdir(), 'shinchoku-print-setup-'));
    expect(validateOoxml(printed, join(directory, 'printed.xlsx'))).toEqual({ valid: true, failures: [] });
  });
});
