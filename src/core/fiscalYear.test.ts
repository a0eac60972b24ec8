import {
  checkPeriodLabel,
  eraOf,
  fiscalYearName,
  fiscalYearOfMonth,
  parseEraCalendarYear,
  parseFiscalYear,
  yearCode,
  yearLabel,
} from './fiscalYear';

describe('fiscal years as people write them', () => {
  it.each([
    ['R3', 2021],
    ['r3', 2021],
    ['Ｒ３', 2021],
    ['令和3', 2021],
    ['令和３年度', 2021],
    ['令和３年度末', 2021],
    [' 令和 3 年度 ', 2021],
    ['R元', 2019],
    ['令和元年度', 2019],
    ['R1', 2019],
    ['H31', 2019],
    ['平成31年度', 2019],
    ['H29', 2017],
    ['平成２９年度末', 2017],
    ['2021', 2021],
    ['2021年度', 2021],
  ])('reads %s as %i', (text, year) => {
    expect(parseFiscalYear(text)).toBe(year);
  });
  it.each([['元'], ['令和0年度'], ['S60'], ['昭和60年度'], ['3'], ['R'], [''], ['令和三年度']])(
    'does not read %s',
    (text) => {
      expect(parseFiscalYear(text)).toBeNull();
    },
  );
  it('takes a Western year as a number', () => {
    expect(parseFiscalYear(2024)).toBe(2024);
    expect(parseFiscalYear(3)).toBeNull();
  });
});

describe('fiscal years as printed', () => {
  it('prints each year in its era, with 元 for the first year and never 令和１', () => {
    expect([2017, 2018, 2019, 2020, 2021].map(yearLabel)).toEqual(['Ｈ２９', 'Ｈ３０', 'Ｒ元', 'Ｒ２', 'Ｒ３']);
    expect(fiscalYearName(2019)).toBe('令和元年度');
    expect(fiscalYearName(1989)).toBe('平成元年度');
    expect(checkPeriodLabel(2021)).toBe('令和３年度末');
    expect(checkPeriodLabel(2030)).toBe('令和１２年度末');
    expect([2017, 2019, 2021].map(yearCode)).toEqual(['H29', 'R1', 'R3']);
    expect(eraOf(2019).name).toBe('令和');
    expect(() => eraOf(1988)).toThrow(RangeError);
  });
  it('round-trips every printed form', () => {
    for (let year = 1989; year <= 2040; year++) {
      for (const printed of [yearLabel(year), fiscalYearName(year), checkPeriodLabel(year), yearCode(year)])
        expect([printed, parseFiscalYear(printed)]).toEqual([printed, year]);
    }
  });
});

describe('取組終了 months', () => {
  it('puts January–March in the fiscal year before', () => {
    expect(fiscalYearOfMonth(2021, 3)).toBe(2020);
    expect(fiscalYearOfMonth(2021, 4)).toBe(2021);
  });
  it('reads the year cell in the printed era, or with an era of its own', () => {
    const reiwa = eraOf(2021);
    expect(parseEraCalendarYear(3, reiwa)).toBe(2021);
    expect(parseEraCalendarYear('３', reiwa)).toBe(2021);
    expect(parseEraCalendarYear('元', reiwa)).toBe(2019);
    expect(parseEraCalendarYear('H30', reiwa)).toBe(2018);
    expect(parseEraCalendarYear('平成30年', reiwa)).toBe(2018);
    expect(parseEraCalendarYear(0, reiwa)).toBeNull();
    expect(parseEraCalendarYear('三', reiwa)).toBeNull();
  });
});
