import { councilHistoryName, councilHistoryYear, hasCouncilInput } from './councilHistory';
import { COUNCIL_SHEET_NAME } from './councilSheet';
import { parseFiscalYear } from './fiscalYear';

describe('council history tabs', () => {
  it('are named by their year and found by their name', () => {
    const r3 = parseFiscalYear('R3') as number;
    expect(councilHistoryName(r3)).toBe('審議会評価（Ｒ３）');
    expect(councilHistoryYear(councilHistoryName(r3))).toBe(r3);
    expect(councilHistoryYear(councilHistoryName(parseFiscalYear('R元') as number))).toBe(2019);
    for (const name of [COUNCIL_SHEET_NAME, '審議会評価（メモ）', '審議会評価（Ｒ３）の写し', '総評'])
      expect(councilHistoryYear(name)).toBeNull();
  });
  it('are kept only for a year with some council input', () => {
    const row = { initiativeNo: '1', typedAverage: null, entries: [{ member: '委員1', score: null, comment: '' }] };
    expect(hasCouncilInput({ year: 2021, members: ['委員1'], rows: [row] })).toBe(false);
    const commented = { ...row, entries: [{ member: '委員1', score: null, comment: '意見' }] };
    expect(hasCouncilInput({ year: 2021, members: ['委員1'], rows: [commented] })).toBe(true);
  });
});
