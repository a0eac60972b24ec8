/**
 * The text measure (src/core/text) against LibreOffice's own rendering, not against itself: a
 * sheet of probes (real-length texts, kinsoku cases, half-width words and numbers, sizes 8–14, bold,
 * one to twenty columns), each row as high as the measure says, printed by LibreOffice with our
 * font aliases. Every probe must print whole (the clipped-text check), the measure must never
 * count fewer lines than LibreOffice shows, and the widths of one-line texts must match the
 * printed ones to the rounding Excel adds.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellAddress } from '../../src/core/address';
import type { CellStyle, SheetSpec } from '../../src/core/sheetSpec';
import {
  LIBREOFFICE_POINTS_PER_WIDTH_UNIT,
  lineCount,
  textHeight,
  textWidth,
  wrapText,
  type TextStyle,
} from '../../src/core/text';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { convertWithLibreOffice } from '../support/libreoffice';
import { realLengthText, seededRandom } from '../support/realLength';
import { CellMarks } from './cellMarks';
import { checkPrintedText, type CellCheck } from './clippedText';
import { readPdf, savePageImages, type PdfPage } from './pdfPages';
import { PRINT_ARTIFACTS } from './printedBook';

const COLUMN_WIDTH = 4.3;
const COLUMNS = 20;

interface Probe {
  text: string;
  columns: number;
  style: TextStyle;
}

/** Probes: edge cases by hand, then real-length texts at many widths, sizes and weights. */
function probes(): Probe[] {
  const gothic = { fontName: 'ＭＳ ゴシック', fontSize: 10 };
  const edge = [
    'あいうえおかきくけこ。さしすせそ、たちつてと',
    '（新）市民サービスの向上に向けた「窓口改革」の実施（令和３年度）',
    'ＩＣＴを活用したDX推進計画（2021-2025）の策定',
    '延べ1,200人、80,000件、5,400万円、約30%の削減',
    'Plan Do Check Action の PDCA サイクルによる進捗管理',
    '・関係課との協議\n・先進自治体の調査\n・実施方針の決定',
    'っゃゅょーーー。。。、、、」」」',
  ].flatMap((text) => [3, 5, 8, 13].map((columns) => ({ text, columns, style: gothic })));
  const random = seededRandom(42);
  const real: Probe[] = [];
  for (let index = 0; index < 90; index++) {
    const length = 10 + Math.floor(random() * 180);
    const fontSize = [8, 9, 10, 10, 11, 12, 14][index % 7];
    real.push({
      text: realLengthText(random, length, 1 + Math.floor(random() * 3), random() < 0.3),
      columns: 4 + Math.floor(random() * (COLUMNS - 3)),
      style: { fontName: index % 9 === 0 ? 'ＭＳ Ｐゴシック' : 'ＭＳ ゴシック', fontSize, bold: index % 5 === 0 },
    });
  }
  return [...edge, ...real];
}

function probeSheet(list: readonly Probe[]): SheetSpec {
  const widths = Array.from({ length: COLUMNS }, () => COLUMN_WIDTH);
  const rowHeights: Record<number, number> = {};
  const spec: SheetSpec = { name: 'probes', columnWidths: widths, rowHeights, cells: [], formats: [] };
  list.forEach((probe, index) => {
    const row = index + 1;
    const style: CellStyle = { ...probe.style, wrap: true, vertical: 'top', horizontal: 'left' };
    spec.cells.push({ address: cellAddress(row, 1), value: probe.text });
    spec.formats.push({ address: `${cellAddress(row, 1)}:${cellAddress(row, probe.columns)}`, style, merge: true });
    rowHeights[row] = textHeight({
      text: probe.text,
      columnWidths: widths.slice(0, probe.columns),
      style: probe.style,
    });
  });
  spec.page = { paperSize: 'A4', orientation: 'portrait', scale: 100, printArea: `A1:T${list.length}` };
  return spec;
}

/** Lines LibreOffice printed in an area: its words grouped by their top. */
function printedLines(page: PdfPage, check: CellCheck): number {
  const tops = page.words
    .filter((word) => {
      const x = (word.xMin + word.xMax) / 2;
      const y = (word.yMin + word.yMax) / 2;
      return x >= check.area.left && x <= check.area.right && y >= check.area.top && y <= check.area.bottom;
    })
    .map((word) => word.yMin)
    .sort((a, b) => a - b);
  return tops.filter((top, index) => index === 0 || top - tops[index - 1] > 2).length;
}

describe('the text measure against LibreOffice', () => {
  const list = probes();
  let checks: CellCheck[] = [];
  let pages: PdfPage[] = [];

  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'shinchoku-measure-'));
    const marks = new CellMarks();
    const book = XlsxWorkbook.create();
    await book.putSheets([marks.mark(probeSheet(list))]);
    const input = join(folder, 'probes.xlsx');
    await book.save(input);
    const pdf = await convertWithLibreOffice(input, 'pdf', folder);
    pages = readPdf(pdf);
    checks = checkPrintedText(pdf, pages, marks).checks;
    savePageImages(pdf, [1], join(PRINT_ARTIFACTS, 'measure'), 'probes');
  }, 120_000);

  it('gives every probe a row that shows it whole', () => {
    expect(checks).toHaveLength(list.length);
    expect(checks.filter((check) => !check.ok).map((check) => `${check.cell.address} ${check.problem}`)).toEqual([]);
  });

  it('never counts fewer lines than LibreOffice prints, and not many more', () => {
    const counts = checks.map((check) => {
      const probe = list[check.cell.id];
      const measured = lineCount({
        text: probe.text,
        columnWidths: Array(probe.columns).fill(COLUMN_WIDTH),
        style: probe.style,
      });
      return { measured, printed: printedLines(pages[check.page - 1], check), probe: check.cell.address };
    });
    expect(counts.filter((count) => count.measured < count.printed)).toEqual([]);
    // Excel's columns are ~6 % narrower than LibreOffice's, Excel draws bold a pixel wider a glyph
    // and applies kinsoku: the measure counts for Excel, so a text may take a line or two more than
    // LibreOffice needs (most where a few characters a line make each one count: 14 pt bold in 6
    // columns is 8 characters a line in Excel, 10 in LibreOffice).
    const total = (key: 'measured' | 'printed') => counts.reduce((sum, count) => sum + count[key], 0);
    console.log(`measure vs LibreOffice: ${total('measured')} lines measured, ${total('printed')} printed`);
    expect(total('measured') / total('printed')).toBeLessThan(1.12);
  });

  it("breaks lines where LibreOffice does, given LibreOffice's column width", () => {
    // Where Excel's whole-pixel rounding changes nothing (ＭＳ ゴシック, 9 and 12 pt, not bold) the
    // measure's widths are the font's own; at LibreOffice's column width (5.55 pt a unit, less its
    // 2.5 pt of padding) the lines must be LibreOffice's, but for kinsoku, which LibreOffice skips here.
    const exact = checks.filter((check) => {
      const { style } = list[check.cell.id];
      return style.fontName === 'ＭＳ ゴシック' && !style.bold && (style.fontSize === 9 || style.fontSize === 12);
    });
    expect(exact.length).toBeGreaterThan(10);
    const results = exact.map((check) => {
      const probe = list[check.cell.id];
      const width = probe.columns * COLUMN_WIDTH * LIBREOFFICE_POINTS_PER_WIDTH_UNIT - 2.5;
      return {
        measured: wrapText(probe.text, width, probe.style).length,
        printed: printedLines(pages[check.page - 1], check),
      };
    });
    expect(results.filter((result) => result.measured < result.printed)).toEqual([]);
    const same = results.filter((result) => result.measured === result.printed).length;
    console.log(`at LibreOffice's width: ${same} of ${results.length} probes in the same number of lines`);
    expect(same / results.length).toBeGreaterThanOrEqual(0.9);
  });

  it('measures one-line widths as LibreOffice prints them (Excel rounds half-width glyphs up)', () => {
    const single = checks.filter(
      (check) => !list[check.cell.id].text.includes('\n') && printedLines(pages[check.page - 1], check) === 1,
    );
    expect(single.length).toBeGreaterThan(5);
    for (const check of single) {
      const probe = list[check.cell.id];
      const words = pages[check.page - 1].words.filter(
        (word) =>
          word.yMin >= check.area.top - 2 &&
          word.yMax <= check.area.bottom + 6 &&
          word.xMin >= check.area.left - 1 &&
          word.xMax <= check.area.right + 1,
      );
      const printed = Math.max(...words.map((word) => word.xMax)) - Math.min(...words.map((word) => word.xMin));
      const measured = textWidth(probe.text, { ...probe.style, bold: false });
      expect([probe.text, measured >= printed - 0.5]).toEqual([probe.text, true]);
      expect([probe.text, measured <= printed * 1.08 + 1]).toEqual([probe.text, true]);
    }
  });
});
