import type { SheetSpec } from '../sheetSpec';
import { columnWidthFor } from './measure';
import { DEFAULT_ROW_HEIGHT, fitColumnWidths, fitRowHeights, textCells } from './fitSheet';
import { lineHeight } from './rowHeight';

const sheet = (over: Partial<SheetSpec>): SheetSpec => ({
  name: 's',
  columnWidths: [12, 12, 12],
  cells: [],
  formats: [],
  ...over,
});

describe('fitRowHeights', () => {
  it('gives each row the lines of its tallest wrapped text, merged ranges at their whole width', () => {
    const long = 'あ'.repeat(40); // three columns of 84 px: 185 pt, 18 a line, 3 lines
    const heights = fitRowHeights(
      sheet({
        cells: [
          { address: 'A1', value: long },
          { address: 'A2', value: long },
          { address: 'A3', value: 'short' },
          { address: 'B3', value: 12 },
        ],
        formats: [
          { address: 'A1:C1', style: { wrap: true, fontSize: 10 }, merge: true },
          { address: 'A2', style: { wrap: true, fontSize: 10 } },
          { address: 'A3', style: { fontSize: 14, bold: true } },
        ],
      }),
    );
    expect(heights[1]).toBe(3 * lineHeight(10));
    expect(heights[2]).toBe(8 * lineHeight(10)); // one column of 84 px: 5 a line
    expect(heights[3]).toBe(lineHeight(14)); // not wrapped: one line of its size
  });

  it('keeps designed heights as minimums and leaves rows without text alone', () => {
    const heights = fitRowHeights(
      sheet({
        cells: [
          { address: 'A1', value: '短い' },
          { address: 'A3', value: 5 },
        ],
        rowHeights: { 1: 30, 2: 8 },
      }),
    );
    expect(heights).toEqual({ 1: 30, 2: 8 });
  });

  it('lets a text spanning rows add what it lacks to its last row', () => {
    const text = 'あ'.repeat(100); // 6 lines of 12 pt = 72 pt over rows 1–2
    const heights = fitRowHeights(
      sheet({
        cells: [{ address: 'A1', value: text }],
        formats: [{ address: 'A1:C2', style: { wrap: true }, merge: true }],
        rowHeights: { 1: 20 },
      }),
    );
    expect(heights[1]).toBe(20);
    expect(20 + heights[2]).toBe(72);
    expect(DEFAULT_ROW_HEIGHT).toBe(15);
  });

  it('skips values hidden under a merge and applies formats in order', () => {
    const cells = textCells(
      sheet({
        cells: [
          { address: 'A1', value: 'top-left' },
          { address: 'B1', value: 'hidden' },
        ],
        formats: [
          { address: 'A1:B1', style: { fontSize: 9, wrap: true }, merge: true },
          { address: 'A1', style: { fontSize: 12, wrap: undefined } },
        ],
      }),
    );
    expect(cells.map((cell) => [cell.text, cell.style.fontSize, cell.style.wrap])).toEqual([['top-left', 12, true]]);
  });
});

describe('fitColumnWidths', () => {
  it('widens a column to its longest line, within its limits, headers by their explicit lines', () => {
    const widths = fitColumnWidths(
      {
        cells: [
          { address: 'A1', value: '前プラン\n継続' },
          { address: 'B1', value: 'とても長い実践項目の名前がここに入ります' },
          { address: 'C1', value: '○' },
          { address: 'A2', value: 'ignored: merged over A2:B2' },
        ],
        formats: [
          { address: 'A1:C1', style: { fontSize: 9 } },
          { address: 'A2:B2', merge: true },
        ],
      },
      [
        { min: 3, max: 20 },
        { min: 3, max: 20 },
        { min: 3, max: 20 },
      ],
    );
    expect(widths[0]).toBe(columnWidthFor(4 * 9));
    expect(widths[1]).toBe(20);
    expect(widths[2]).toBe(3);
  });
});
