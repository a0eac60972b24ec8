import { FONT_NAME } from '../styles';
import { fontMetrics, MEASURED_FONTS } from './fontMetrics';
import { cellTextWidth, charWidth, columnPixels, columnPoints, columnWidthFor, textWidth } from './measure';

const code = (char: string) => char.codePointAt(0) as number;

describe('font metrics (data measured from the metric-compatible fonts)', () => {
  it('ＭＳ ゴシック is strictly full- and half-width, like IPAGothic', () => {
    const gothic = fontMetrics('ＭＳ ゴシック');
    expect([...'あア漢、。（）「」ー①【'].map((char) => gothic.advance(code(char)))).toEqual(Array(12).fill(1));
    expect([...'aZ09 .,()-'].map((char) => gothic.advance(code(char)))).toEqual(Array(10).fill(0.5));
    expect(gothic.advance(code('ｱ'))).toBe(0.5); // half-width katakana
  });

  it('ＭＳ Ｐゴシック has proportional kana and Latin, full-width ideographs', () => {
    const proportional = fontMetrics('ＭＳ Ｐゴシック');
    expect(proportional.advance(code('漢'))).toBe(1);
    expect(proportional.advance(code('あ'))).toBeLessThan(1);
    expect(proportional.advance(code('i'))).toBeLessThan(proportional.advance(code('W')));
  });

  it('has the metrics of the font every sheet uses', () => {
    expect(MEASURED_FONTS).toContain(FONT_NAME);
  });

  it('falls back to ＭＳ Ｐゴシック for a font it does not know', () => {
    expect(fontMetrics('游ゴシック').name).toBe('ＭＳ Ｐゴシック');
  });

  it('knows line heights from the font tables', () => {
    expect(fontMetrics('ＭＳ ゴシック').lineHeight).toBe(1);
    expect(fontMetrics('ＭＳ ゴシック').winLineHeight).toBeGreaterThan(1);
  });
});

describe('widths in points', () => {
  it('counts a full-width character as one em and a half-width one as Excel rounds it on screen', () => {
    expect(charWidth(code('あ'), { fontSize: 10 })).toBe(10);
    // 10 pt is 13 px on screen; a half-width glyph takes 6.5 px, drawn as 7 (5.25 pt)
    expect(charWidth(code('a'), { fontSize: 10 })).toBe(5.25);
    expect(charWidth(code('a'), { fontSize: 12 })).toBe(6); // 16 px em, 8 px half: exact
    expect(charWidth(code('あ'), { fontSize: 10, bold: true })).toBe(10.75);
    expect(charWidth(0x200b)).toBe(0);
  });

  it('sums the characters of a text', () => {
    expect(textWidth('行政改革ICT', { fontSize: 10 })).toBe(40 + 3 * 5.25);
  });

  it('converts column widths as Excel does (7-pixel digits, padding included in the width)', () => {
    expect(columnPixels(8.43)).toBe(59);
    expect(columnPixels(9.140625)).toBe(64); // Excel's default column
    expect(columnPixels(36)).toBe(252);
    expect(columnPixels(0)).toBe(0);
    expect(columnPoints(36)).toBe(189);
    expect(cellTextWidth([36])).toBeCloseTo(189 - 3.75);
    // 4.3 units are 30 px in Excel (not 4.3 × 7 + 5 = 35)
    expect(columnPixels(4.3)).toBe(30);
    expect(cellTextWidth([4.3, 4.3, 4.3])).toBeCloseTo((90 * 3) / 4 - 3.75);
  });
});

describe('columnWidthFor', () => {
  it('gives the narrowest column whose room holds the text', () => {
    for (const points of [0, 10, 37.5, 100, 189.4, 250]) {
      const width = columnWidthFor(points);
      expect(cellTextWidth([width])).toBeGreaterThanOrEqual(points);
      expect(cellTextWidth([width - 0.01 * 7])).toBeLessThan(points + 1e-9 || 1);
    }
    expect(columnWidthFor(textWidth('進捗度', { fontSize: 9 }))).toBeLessThan(6);
  });
});
