import { patchWorksheet, replaceCellsAt } from './patchWorksheet';
import { cellKey, readSheetCells } from './sheetCells';
import { MAIN_NS } from '../xml';

const MAIN = MAIN_NS;

function writes(entries: [string, { value?: string | number | boolean | null; formula?: string }][]) {
  return new Map(
    entries.map(([address, write]) => {
      const column = address.charCodeAt(0) - 64;
      return [cellKey(Number(address.slice(1)), column), { address, ...write }];
    }),
  );
}

function read(xml: string, range = { top: 1, left: 1, bottom: 9, right: 9 }) {
  const { cells } = readSheetCells(xml, [range], () => ['共有']);
  return [...cells].map(([key, cell]) => [key, cell.value, cell.formula]);
}

describe('patchWorksheet', () => {
  const sheet =
    `<worksheet xmlns="${MAIN}"><sheetData>` +
    '<row r="2" spans="1:3"><c r="A2" s="3"><v>1</v></c><c r="C2" s="4" t="s"><v>0</v></c></row>' +
    '<row r="4"/>' +
    '<row r="5"><c r="A5" s="7"><f t="shared" ref="A5:C5" si="0">A2+1</f><v>2</v></c><c r="B5" s="7"><f t="shared" si="0"/><v>1</v></c><c r="C5" s="7"><f t="shared" si="0"/><v>1</v></c></row>' +
    '</sheetData><mergeCells count="1"><mergeCell ref="E1:F1"/></mergeCells><extLst><ext uri="x"><keep/></ext></extLst></worksheet>';

  test('replaces a cell keeping its format, fills a gap in a row, opens an empty row, adds rows in order', () => {
    const patched = patchWorksheet(sheet, {
      cells: writes([
        ['A2', { formula: 'SUM(B2:C2)', value: 9 }],
        ['B2', { value: '新しい' }],
        ['A4', { value: true }],
        ['B1', { value: 3 }],
        ['B3', { formula: 'IF(A2>1,"Ａ","")', value: 'Ａ' }],
        ['B9', { value: null }],
      ]),
    });
    expect(patched).toContain('<row r="1"><c r="B1"><v>3</v></c></row><row r="2">');
    expect(patched).toContain(
      '<c r="A2" s="3"><f>SUM(B2:C2)</f><v>9</v></c><c r="B2" t="inlineStr"><is><t xml:space="preserve">新しい</t></is></c><c r="C2" s="4" t="s">',
    );
    expect(patched).toContain(
      '<row r="3"><c r="B3" t="str"><f>IF(A2&gt;1,&quot;Ａ&quot;,&quot;&quot;)</f><v>Ａ</v></c></row><row r="4"><c r="A4" t="b"><v>1</v></c></row>',
    );
    expect(patched).toContain('<row r="9"><c r="B9"/></row></sheetData><mergeCells count="1">');
    expect(patched).toContain('<extLst><ext uri="x"><keep/></ext></extLst>');
    expect(read(patched)).toEqual([
      [cellKey(1, 2), 3, null],
      [cellKey(2, 1), 9, '=SUM(B2:C2)'],
      [cellKey(2, 2), '新しい', null],
      [cellKey(2, 3), '共有', null],
      [cellKey(3, 2), 'Ａ', '=IF(A2>1,"Ａ","")'],
      [cellKey(4, 1), true, null],
      [cellKey(5, 1), 2, '=A2+1'],
      [cellKey(5, 2), 1, '=B2+1'],
      [cellKey(5, 3), 1, '=C2+1'],
    ]);
  });

  test('a shared formula whose master is overwritten gives its other cells their own formula', () => {
    const patched = patchWorksheet(sheet, {
      cells: writes([
        ['A5', { value: 0 }],
        ['C5', { formula: 'A5*2', value: 0 }],
      ]),
    });
    expect(patched).toContain(
      '<c r="A5" s="7"><v>0</v></c><c r="B5" s="7"><f>B2+1</f><v>1</v></c><c r="C5" s="7"><f>A5*2</f><v>0</v></c>',
    );
  });

  test('uses the prefix the part binds to the main namespace', () => {
    const prefixed = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const patched = patchWorksheet(prefixed, {
      cells: writes([
        ['B1', { value: 'あ' }],
        ['A3', { value: 2 }],
      ]),
    });
    expect(patched).toBe(
      `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t xml:space="preserve">あ</x:t></x:is></x:c></x:row><x:row r="3"><x:c r="A3"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    );
    expect(read(patched)).toEqual([
      [cellKey(1, 1), 1, null],
      [cellKey(1, 2), 'あ', null],
      [cellKey(3, 1), 2, null],
    ]);
  });

  test('replaces print settings, keeping printer settings and other attributes, in schema order', () => {
    const before =
      `<worksheet xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr><tabColor rgb="FFFF0000"/></sheetPr><sheetData/>` +
      '<printOptions gridLines="1"/><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/>' +
      '<pageSetup paperSize="8" orientation="landscape" fitToHeight="0" r:id="rId1"/><rowBreaks count="1" manualBreakCount="1"><brk id="3" max="16383" man="1"/></rowBreaks><drawing r:id="rId2"/></worksheet>';
    const after = patchWorksheet(before, {
      cells: new Map(),
      page: {
        paperSize: 'A4',
        orientation: 'portrait',
        fitToWidth: 1,
        fitToHeight: 0,
        centerHorizontally: true,
        headerCenter: '&A',
        rowBreaks: [],
      },
    });
    expect(after).toBe(
      `<worksheet xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr><tabColor rgb="FFFF0000"/><pageSetUpPr fitToPage="1"/></sheetPr><sheetData/>` +
        '<printOptions gridLines="1" horizontalCentered="1"/><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/>' +
        '<pageSetup r:id="rId1" paperSize="9" fitToWidth="1" fitToHeight="0" orientation="portrait"/><headerFooter><oddHeader>&amp;C&amp;A</oddHeader></headerFooter><drawing r:id="rId2"/></worksheet>',
    );
  });

  test('replacing cells at the positions recorded when reading gives what the full patch gives', () => {
    const prefixed = sheet
      .replace(/<(\/?)(?!worksheet)([a-zA-Z])/g, '<$1x:$2')
      .replace('<worksheet xmlns=', '<x:worksheet xmlns:x=')
      .replace('</worksheet>', '</x:worksheet>');
    for (const xml of [
      sheet.replace(/<f t="shared"[^>]*\/?>(A2\+1<\/f>)?/g, ''),
      prefixed.replace(/<x:f t="shared"[^>]*\/?>(A2\+1<\/x:f>)?/g, ''),
    ]) {
      const { positions } = readSheetCells(xml, [], () => []);
      const cells = writes([
        ['A2', { formula: 'SUM(B2:C2)', value: 9 }],
        ['C2', { value: 'あ' }],
        ['B5', { value: null }],
      ]);
      expect(replaceCellsAt(xml, positions, cells)).toBe(patchWorksheet(xml, { cells }));
    }
    // A cell that does not exist yet, or a part with shared formulas: the full patch is needed.
    const { positions } = readSheetCells(sheet, [], () => []);
    expect(replaceCellsAt(sheet, positions, writes([['A2', { value: 1 }]]))).toBeNull();
  });
});
