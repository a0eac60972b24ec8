/**
 * The clipped-text check itself, on a workbook made to be cut: it must flag a wrapped text in a
 * row too low for it, a text that cannot overflow into a neighbour that holds a value, and a
 * merged range too narrow and low, and pass the same texts given room; and it must attribute each
 * page to its sheet.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SheetSpec } from '../../src/core/sheetSpec';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { convertWithLibreOffice } from '../support/libreoffice';
import { CellMarks } from './cellMarks';
import { checkPrintedText, type PrintCheck } from './clippedText';
import { readPdf } from './pdfPages';

const LONG = '市民サービスの向上に向けて、窓口業務の効率化と関係部署との情報共有を進め、実施方針を取りまとめた。';
const style = { fontName: 'ＭＳ ゴシック', fontSize: 10 } as const;

function sheet(name: string, cut: boolean): SheetSpec {
  return {
    name,
    columnWidths: [20, 12, 12, 12],
    rowHeights: cut ? { 1: 12, 3: 12 } : { 1: 84, 3: 48 },
    cells: [
      { address: 'A1', value: LONG },
      { address: 'A2', value: 'はみ出す長い見出しの文字列です' },
      { address: 'B2', value: cut ? 'x' : null },
      { address: 'B3', value: LONG },
      { address: 'A5', value: '短い' },
    ],
    formats: [
      { address: 'A1', style: { ...style, wrap: true, vertical: 'top' } },
      { address: 'A2', style },
      { address: 'B3:D3', style: { ...style, wrap: true, vertical: 'top' }, merge: true },
      { address: 'A5', style },
    ],
    page: { paperSize: 'A4', orientation: 'portrait', scale: 100 },
  };
}

describe('the clipped-text check', () => {
  let result: PrintCheck;

  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'shinchoku-clip-'));
    const marks = new CellMarks();
    const book = XlsxWorkbook.create();
    await book.putSheets([marks.mark(sheet('cut', true)), marks.mark(sheet('whole', false))]);
    const input = join(folder, 'clip.xlsx');
    await book.save(input);
    const pdf = await convertWithLibreOffice(input, 'pdf', folder);
    result = checkPrintedText(pdf, readPdf(pdf), marks);
  }, 120_000);

  const outcome = (name: string) =>
    Object.fromEntries(
      result.checks.filter((check) => check.cell.sheet === name).map((check) => [check.cell.address, check.ok]),
    );

  it('flags a wrapped text in a low row, a blocked overflow and a cramped merge', () => {
    expect(outcome('cut')).toEqual({ A1: false, A2: false, B2: true, B3: false, A5: true });
  });

  it('passes the same texts given room', () => {
    expect(outcome('whole')).toEqual({ A1: true, A2: true, B3: true, A5: true });
  });

  it('attributes each page to its sheet', () => {
    expect(result.pageSheets).toEqual(['cut', 'whole']);
    expect(result.unprinted).toEqual([]);
  });
});
