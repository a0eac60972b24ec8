import JSZip from 'jszip';
import { normaliseBooleans, readRowBreaks, sheetPartsByName } from './packageParts';
import { MAIN_NS, PACKAGE_RELATIONSHIPS_NS, R_NS } from './xml';

const MAIN = MAIN_NS;
const R = R_NS;
const RELS = PACKAGE_RELATIONSHIPS_NS;
const WORKSHEET = `${R_NS}/worksheet`;

/** A package whose parts were written by a producer with its own habits: prefixes, quotes, order. */
async function unusualPackage(): Promise<JSZip> {
  const zip = new JSZip();
  zip.file(
    'xl/workbook.xml',
    `<?xml version='1.0' encoding='UTF-8'?>
<x:workbook xmlns:x='${MAIN}' xmlns:rel='${R}'>
  <x:sheets>
    <x:sheet rel:id='rId7' sheetId='1' name='集計 &amp; 分析'/>
    <x:sheet
        name="No.1"
        rel:id="rId8" sheetId="2"/>
  </x:sheets>
</x:workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<pr:Relationships xmlns:pr="${RELS}"><pr:Relationship Target='/xl/worksheets/first.xml' Type='${WORKSHEET}' Id='rId7'/>` +
      `<pr:Relationship Target="worksheets/../worksheets/second.xml" Id="rId8" Type="${WORKSHEET}"/></pr:Relationships>`,
  );
  zip.file(
    'xl/worksheets/first.xml',
    `<x:worksheet xmlns:x="${MAIN}"><x:sheetData/>` +
      `<x:rowBreaks count='2' manualBreakCount='1'><x:brk man='true' id='23' max='16383'/><x:brk id='40' max='16383'/></x:rowBreaks>` +
      `<x:colBreaks count="1" manualBreakCount="1"><x:brk id="5" man="1"/></x:colBreaks></x:worksheet>`,
  );
  zip.file(
    'xl/worksheets/second.xml',
    `<worksheet xmlns="${MAIN}"><sheetPr><pageSetUpPr fitToPage = "false"/></sheetPr><sheetData>` +
      `<row r="1"><c r="A1" t="inlineStr"><is><t>true</t></is></c></row></sheetData>` +
      `<sheetProtection sheet='true' objects="true"/>` +
      `<dataValidations count="1"><dataValidation type="list" allowBlank='true' prompt="true" sqref="A1"><formula1>"a"</formula1></dataValidation></dataValidations>` +
      `<rowBreaks count="1"><brk id="12" man="1" max="16383"/></rowBreaks></worksheet>`,
  );
  zip.file(
    'xl/styles.xml',
    `<styleSheet xmlns="${MAIN}"><cellXfs count="1"><xf><protection locked= 'false'/></xf></cellXfs></styleSheet>`,
  );
  return zip;
}

describe('package parts are read with an XML parser', () => {
  test('finds worksheet parts whatever the prefixes, quotes, attribute order and target form', async () => {
    const parts = await sheetPartsByName(await unusualPackage());
    expect([...parts]).toEqual([
      ['集計 & 分析', 'xl/worksheets/first.xml'],
      ['No.1', 'xl/worksheets/second.xml'],
    ]);
  });

  test('reads manual row breaks only (not automatic ones, not column breaks)', async () => {
    const breaks = await readRowBreaks(await unusualPackage());
    expect([...breaks]).toEqual([
      ['集計 & 分析', [23]],
      ['No.1', [12]],
    ]);
  });

  test('writes boolean attributes as digits, leaving text attributes and cell text alone', async () => {
    const zip = await unusualPackage();
    expect(await normaliseBooleans(zip)).toBe(true);
    const sheet = await zip.file('xl/worksheets/second.xml')!.async('string');
    expect(sheet).toContain('<pageSetUpPr fitToPage="0"/>');
    expect(sheet).toContain('<sheetProtection sheet="1" objects="1"/>');
    expect(sheet).toContain('allowBlank="1" prompt="true"');
    expect(sheet).toContain('<t>true</t>');
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(styles).toContain('<protection locked="0"/>');
    // Parts without booleans are not rewritten.
    expect(await normaliseBooleans(zip)).toBe(false);
  });
});
