/**
 * Golden: the built-in example's summary for R2 and R3 against expected JSON made independently
 * by test/golden/tools/make_expected.py, and the figures the published report prints.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { exampleScores } from '../../src/core/example';
import { parseFiscalYear } from '../../src/core/fiscalYear';
import { summaryToJson } from '../../src/core/summaryJson';
import { exampleSummary } from './exampleEvaluations';

function expected(code: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, `example-${code}.summary.json`), 'utf-8'));
}

describe.each(['R2', 'R3'])('example summary %s', (code) => {
  const year = parseFiscalYear(code) as number;
  it('matches the independently computed golden file', () => {
    expect(summaryToJson(exampleSummary(year))).toEqual(expected(code));
  });
  it('reports no missing item', () => {
    expect(exampleSummary(year).missing).toEqual([]);
  });
});

describe('the figures printed in the published R3 report', () => {
  const summary = exampleSummary(2021);
  const initiative = (no: number) => summary.initiatives.find((each) => each.no === String(no))!;
  const averages = (no: number) => Object.values(initiative(no).result!.averages).map((value) => value!.toFixed(1));

  it('initiative 1: 2.3/2.3/3.0/2.3 = 9.9 → Ａ, council 4.3', () => {
    expect(averages(1)).toEqual(['2.3', '2.3', '3.0', '2.3']);
    expect(initiative(1).result!.total!.toFixed(1)).toBe('9.9');
    expect(initiative(1).result!.grade).toBe('A');
    expect(initiative(1).councilAverage!.toFixed(1)).toBe('4.3');
  });
  it('initiative 16: 9.5 → Ａ; initiative 18: 9.4 → Ｂ', () => {
    expect(initiative(16).result!.total!.toFixed(1)).toBe('9.5');
    expect(initiative(16).result!.grade).toBe('A');
    expect(initiative(18).result!.total!.toFixed(1)).toBe('9.4');
    expect(initiative(18).result!.grade).toBe('B');
  });
  it('initiative 3: 1.0/3.0/3.0/3.0 = 10.0 → Ｂ (progress gate); item 7: 1・3・3・3 → Ｂ', () => {
    expect(averages(3)).toEqual(['1.0', '3.0', '3.0', '3.0']);
    expect(initiative(3).result!.total!.toFixed(1)).toBe('10.0');
    expect(initiative(3).result!.grade).toBe('B');
    const item7 = summary.items.find((item) => item.no === '7')!;
    expect([item7.total, item7.grade]).toEqual([10, 'B']);
  });
  it('theme Ⅰ: 10 initiatives, 39 items, 2.1/2.5/2.4/2.2 = 9.2 → Ｂ, council 3.6', () => {
    const theme = summary.themes[0];
    expect(theme.numeral).toBe('Ⅰ');
    expect([theme.initiativeCount, theme.itemCount]).toEqual([10, 39]);
    expect(Object.values(theme.result!.averages).map((value) => value!.toFixed(1))).toEqual([
      '2.1',
      '2.5',
      '2.4',
      '2.2',
    ]);
    expect(theme.result!.total!.toFixed(1)).toBe('9.2');
    expect(theme.result!.grade).toBe('B');
    expect(theme.councilAverage!.toFixed(1)).toBe('3.6');
  });
  it('items 44, 45, 60 and 63 ended in R2 and still count in R3 with their R2 scores', () => {
    for (const no of ['44', '45', '60', '63']) {
      const item = summary.items.find((each) => each.no === no)!;
      expect([item.endedIn, item.scoredIn]).toEqual([2020, 2020]);
      expect(item.scores).toEqual(exampleScores()[2020][no]);
    }
  });
  it('総評: 66 running items, Ａ・Ｂ over 95 %, Ｃ down from 7 to 3', () => {
    const { active, grades, previousGrades, endedBy } = summary.counts;
    expect(active).toBe(66);
    expect((grades.A + grades.B) / active).toBeGreaterThan(0.95);
    expect(grades.C).toBe(3);
    expect(previousGrades.C).toBe(7);
    expect(endedBy).toEqual(['12', '19', '21', '42', '44', '45', '53', '60', '63']);
  });
});
