import { cellKey, parseReference, readSharedStrings, readSheetCells } from './sheetCells';
import { MAIN_NS } from '../xml';

const MAIN = MAIN_NS;

describe('readSharedStrings', () => {
  test('joins rich text runs, leaves out phonetic runs, decodes _xHHHH_', () => {
    const xml =
      `<sst xmlns="${MAIN}" count="3" uniqueCount="3"><si><t>苫小牧</t><rPh sb="0" eb="3"><t>トマコマイ</t></rPh><phoneticPr fontId="1"/></si>` +
      '<si><r><rPr><b/></rPr><t>太字</t></r><r><t xml:space="preserve"> と普通</t></r></si><si><t>１行目_x000D_\n２行目</t></si></sst>';
    expect(readSharedStrings(xml)).toEqual(['苫小牧', '太字 と普通', '１行目\r\n２行目']);
  });
});

describe('readSheetCells', () => {
  const strings = () => ['共有', ''];
  const sheet =
    `<worksheet xmlns="${MAIN}"><sheetData>` +
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>イン</t></r><r><t>ライン</t></r><rPh sb="0" eb="1"><t>ヨミ</t></rPh></is></c>' +
    '<c r="C1" t="b"><v>0</v></c><c r="D1" t="e"><v>#DIV/0!</v></c><c r="E1" t="str"><f>"Ａ"</f><v>Ａ</v></c><c r="F1" t="s"><v>1</v></c></row>' +
    // No r attributes: the row follows the last, the cells follow each other.
    '<row><c><v>1.5</v></c><c s="2"/><c><f>A2*2</f><v>3</v></c></row>' +
    '<row r="5"><c r="A5"><f t="shared" ref="A5:B6" si="3">A1&amp;$B$1</f><v>0</v></c><c r="B5"><f t="shared" si="3"/><v>0</v></c><c r="C5" t="d"><v>2024-03-31</v></c></row>' +
    '<row r="6"><c r="A6"><f t="shared" si="3"/></c><c r="B6"><v>7</v></c></row>' +
    '<row r="9"><c r="A9"><v>1</v></c><c r="B9"><v>2</v></c></row>' +
    '</sheetData><mergeCells count="1"><mergeCell ref="A9:C9"/></mergeCells></worksheet>';

  test('reads every kind of value, formulas with "=", shared formulas moved to each cell', () => {
    const { cells, merges } = readSheetCells(sheet, [{ top: 1, left: 1, bottom: 9, right: 6 }], strings);
    const at = (row: number, column: number) => cells.get(cellKey(row, column)) ?? null;
    expect([at(1, 1), at(1, 2), at(1, 3), at(1, 4), at(1, 5), at(1, 6)]).toEqual([
      { value: '共有', formula: null },
      { value: 'インライン', formula: null },
      { value: false, formula: null },
      { value: '#DIV/0!', formula: null },
      { value: 'Ａ', formula: '="Ａ"' },
      null,
    ]);
    expect([at(2, 1), at(2, 2), at(2, 3)]).toEqual([
      { value: 1.5, formula: null },
      null,
      { value: 3, formula: '=A2*2' },
    ]);
    expect([at(5, 1), at(5, 2), at(6, 1), at(6, 2), at(5, 3)]).toEqual([
      { value: 0, formula: '=A1&$B$1' },
      { value: 0, formula: '=B1&$B$1' },
      { value: null, formula: '=A2&$B$1' },
      { value: 7, formula: null },
      { value: '2024-03-31', formula: null },
    ]);
    // A merge hides B9: only its top-left cell holds a value.
    expect([at(9, 1), at(9, 2)]).toEqual([{ value: 1, formula: null }, null]);
    expect(merges).toEqual([{ top: 9, left: 1, bottom: 9, right: 3 }]);
  });

  test('keeps only the cells of the ranges asked for, and never reads shared strings it does not need', () => {
    const { cells } = readSheetCells(sheet, [{ top: 2, left: 1, bottom: 2, right: 1 }], () => {
      throw new Error('shared strings read');
    });
    expect([...cells]).toEqual([[cellKey(2, 1), { value: 1.5, formula: null }]]);
  });

  test('parseReference', () => {
    expect(parseReference('$AB$12')).toEqual({ row: 12, column: 28 });
    expect(parseReference('xfd1048576')).toEqual({ row: 1048576, column: 16384 });
    expect([parseReference('A0'), parseReference('12'), parseReference('A')]).toEqual([null, null, null]);
  });
});
