import { lineCount, lineHeight, rowHeightFor, textHeight } from './rowHeight';

describe('heights', () => {
  it("spaces lines at Excel's default row height for the size", () => {
    expect(lineHeight(10)).toBe(12);
    expect(lineHeight(11)).toBe(13.5);
    expect(lineHeight(9)).toBe(11.25);
    expect(lineHeight(14)).toBe(16.5);
  });

  it('counts the lines of a text in a merged range', () => {
    const text = 'あ'.repeat(40);
    // three columns of 12 units: 3 × 87 px − 5 px = 192 pt; 19 characters a line
    expect(lineCount({ text, columnWidths: [12, 12, 12] })).toBe(3);
    expect(lineCount({ text, columnWidths: [36] })).toBe(3);
  });

  it('gives a row the height of its tallest text, at least the minimum', () => {
    const long = { text: 'あ'.repeat(40), columnWidths: [36] };
    const short = { text: '短い', columnWidths: [36], style: { fontSize: 9 } };
    expect(textHeight(long)).toBe(36);
    expect(textHeight(short, 2)).toBe(22.5);
    expect(rowHeightFor([long, short])).toBe(36);
    expect(rowHeightFor([short], 20)).toBe(20);
  });
});
