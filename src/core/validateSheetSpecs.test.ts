import type { RangeBounds } from './address';
import { findMergeOverlap, validateSheetSpecs } from './validateSheetSpecs';
import { WorkbookError } from './sheetSpec';
import { random } from '../../test/support/random';

function overlaps(a: RangeBounds, b: RangeBounds): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

describe('findMergeOverlap', () => {
  test('agrees with comparing every pair, on random merges', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const merges = Array.from({ length: 2 + Math.floor(next() * 12) }, () => {
        const top = 1 + Math.floor(next() * 20);
        const left = 1 + Math.floor(next() * 20);
        return { top, left, bottom: top + Math.floor(next() * 3), right: left + Math.floor(next() * 3) };
      });
      const expected = merges.some((a, i) => merges.some((b, j) => i < j && overlaps(a, b)));
      const found = findMergeOverlap(merges);
      expect({ seed, found: found !== null }).toEqual({ seed, found: expected });
      if (found) expect(overlaps(found[0], found[1])).toBe(true);
    }
  });

  test('merges that only touch do not overlap', () => {
    expect(
      findMergeOverlap([
        { top: 1, left: 1, bottom: 2, right: 3 },
        { top: 3, left: 1, bottom: 4, right: 3 },
        { top: 1, left: 4, bottom: 4, right: 4 },
      ]),
    ).toBeNull();
  });
});

describe('validateSheetSpecs', () => {
  test('names the sheet, and the cell where there is one', () => {
    const spec = { name: '集計', columnWidths: [], cells: [{ address: 'B3', value: Number.NaN }], formats: [] };
    let thrown: unknown;
    try {
      validateSheetSpecs([spec]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WorkbookError);
    expect(thrown).toMatchObject({ code: 'sheet-spec', sheet: '集計', cell: 'B3' });
  });

  test('accepts the largest sheet Excel has', () => {
    const spec = {
      name: "a'b",
      columnWidths: [255],
      cells: [{ address: 'XFD1048576', value: 'あ'.repeat(32767) }],
      formats: [{ address: 'A1:XFD1048576', style: { fill: '#ffffff', fontSize: 409 } }],
      page: { paperSize: 'A4' as const, orientation: 'portrait' as const, printTitleRows: '1:3', scale: 400 },
    };
    expect(() => validateSheetSpecs([spec])).not.toThrow();
  });
});
