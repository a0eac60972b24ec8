import { groupReads, keptRanges } from './readRanges';

describe('groupReads: which ranges of a sheet are read as one rectangle', () => {
  test('the ten owned cells of a sheet (合計 and 総合評価 per year) become one range per sheet', () => {
    const owned = ['F30', 'F31', 'G30', 'G31', 'H30', 'H31', 'I30', 'I31', 'J30', 'J31'];
    const requests = ['一', '二'].flatMap((sheet) => owned.map((address) => ({ sheet, address })));
    const groups = groupReads(requests);
    expect(groups.map((group) => [group.sheet, group.address, group.members.length])).toEqual([
      ['一', 'F30:J31', 10],
      ['二', 'F30:J31', 10],
    ]);
  });

  test('rectangles with other cells between them stay apart (a read plan that skips texts)', () => {
    const requests = ['A1:P3', 'A20:P28', 'A40:P41'].map((address) => ({ sheet: '一', address }));
    expect(groupReads(requests).map((group) => group.address)).toEqual(['A1:P3', 'A20:P28', 'A40:P41']);
  });

  test('overlapping and repeated requests share a range; names are matched ignoring case', () => {
    const groups = groupReads([
      { sheet: 'Sheet', address: 'A1:B2' },
      { sheet: 'sheet', address: 'B2:C3' },
      { sheet: 'SHEET', address: 'A1:B2' },
    ]);
    expect(groups.map((group) => [group.address, group.members])).toEqual([['A1:C3', [0, 1, 2]]]);
  });

  test('a range over 64 cells keeps its formula cells apart on ExcelApi 1.9 (two kept ranges)', () => {
    const [large, small] = groupReads([
      { sheet: '一', address: 'A1:Q46' },
      { sheet: '二', address: 'A1:H8' },
    ]);
    expect([keptRanges(large, true), keptRanges(small, true), keptRanges(large, false)]).toEqual([2, 1, 1]);
  });
});
