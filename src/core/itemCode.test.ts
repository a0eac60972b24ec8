import { codeCellValue, compareItemCodes, parseItemCode } from './itemCode';

describe('item codes', () => {
  it('reads numbers and text as people type them', () => {
    expect(parseItemCode(12)).toBe('12');
    expect(parseItemCode('１２')).toBe('12');
    expect(parseItemCode(' 1－①－1 ')).toBe('1-①-1');
    expect(parseItemCode('№１')).toBe('1');
    expect(parseItemCode('No.8101')).toBe('8101');
    expect(parseItemCode('')).toBeNull();
    expect(parseItemCode(2.5)).toBeNull();
    expect(parseItemCode(-1)).toBeNull();
    expect(parseItemCode(true)).toBeNull();
  });
  it('sorts naturally: 2 < 10 < 10-1 < 12 < 8101, and circled numbers in order', () => {
    const codes = ['10-1', '8101', '12', '2', '10', '1-②-1', '1-①-10', '1-①-2', '010'];
    expect([...codes].sort(compareItemCodes)).toEqual([
      '1-①-2',
      '1-①-10',
      '1-②-1',
      '2',
      '010',
      '10',
      '10-1',
      '12',
      '8101',
    ]);
  });
  it('writes whole numbers as numbers and everything else as text', () => {
    expect(codeCellValue('12')).toBe(12);
    expect(codeCellValue('012')).toBe('012');
    expect(codeCellValue('1-①-1')).toBe('1-①-1');
  });
});
