import { Decimal } from './decimal';
import { builtInPlan } from './example';
import { gradeFor, groupResult as groupOf, itemGrade, itemTotal, roundedMean, type Scores } from './rules';

const plan = builtInPlan();
const groupResult = (members: Scores[]) => groupOf(plan, members);

const s = (progress: number, cooperation: number, efficiency: number, creativity: number): Scores => ({
  progress,
  cooperation,
  efficiency,
  creativity,
});

describe('item rule 3.1', () => {
  it('sums the four scores', () => {
    expect(itemTotal(s(1, 3, 3, 3))).toBe(10);
  });
  it('grades Ａ only with progress ≥ 2 (report: item 7 = 1・3・3・3 → Ｂ)', () => {
    expect(itemGrade(s(1, 3, 3, 3))).toBe('B');
    expect(itemGrade(s(2, 3, 3, 2))).toBe('A');
    expect(itemGrade(s(3, 3, 3, 3))).toBe('A');
    expect(itemGrade(s(2, 2, 3, 2))).toBe('B');
  });
  it('grades at the boundaries 10/9, 8/7, 5/4', () => {
    expect(gradeFor(10, true)).toBe('A');
    expect(gradeFor(9, true)).toBe('B');
    expect(gradeFor(8, false)).toBe('B');
    expect(gradeFor(7, true)).toBe('C');
    expect(gradeFor(5, true)).toBe('C');
    expect(gradeFor(4, true)).toBe('D');
    expect(gradeFor(0, false)).toBe('D');
  });
});

describe('group rule 3.2', () => {
  it('rounds each average half-up and sums the rounded averages (2.3+2.3+3.0+2.3 = 9.9)', () => {
    const result = groupResult([s(2, 2, 3, 2), s(3, 3, 3, 3), s(2, 2, 3, 2)]);
    expect(result.averages.progress!.toFixed(1)).toBe('2.3');
    expect(result.total!.toFixed(1)).toBe('9.9');
    expect(result.grade).toBe('A');
  });
  it('rounds 合計 9.5 up to 10 (Ａ) and 9.4 down to 9 (Ｂ)', () => {
    // progress 2.5, cooperation 2.5, efficiency 2.5, creativity 2.0 = 9.5
    expect(groupResult([s(2, 2, 2, 2), s(3, 3, 3, 2)]).total!.toFixed(1)).toBe('9.5');
    expect(groupResult([s(2, 2, 2, 2), s(3, 3, 3, 2)]).grade).toBe('A');
    // averages 2.4 + 2.4 + 2.4 + 2.2 = 9.4 over five items
    const nine = groupResult([s(3, 3, 3, 3), s(3, 3, 3, 2), s(2, 2, 2, 2), s(2, 2, 2, 2), s(2, 2, 2, 2)]);
    expect(nine.total!.toFixed(1)).toBe('9.4');
    expect(nine.grade).toBe('B');
  });
  it('gates Ａ on the rounded progress average: 1.9 → Ｂ, 2.0 → Ａ', () => {
    const under = groupResult(Array.from({ length: 10 }, (_, index) => s(index === 0 ? 1 : 2, 3, 3, 3)));
    expect(under.averages.progress!.toFixed(1)).toBe('1.9');
    expect(under.grade).toBe('B');
    const twenty = [...Array.from({ length: 19 }, () => s(2, 3, 3, 3)), s(1, 3, 3, 3)];
    const atTwo = groupResult(twenty); // 39/20 = 1.95 → 2.0
    expect(atTwo.averages.progress!.toFixed(1)).toBe('2.0');
    expect(atTwo.grade).toBe('A');
  });
  it('grades 1.0/3.0/3.0/3.0 = 10.0 as Ｂ (initiative 3)', () => {
    const result = groupResult([s(1, 3, 3, 3)]);
    expect(result.total!.toFixed(1)).toBe('10.0');
    expect(result.grade).toBe('B');
  });
  it('refuses an empty group', () => {
    expect(() => groupResult([])).toThrow(RangeError);
  });
  it('rounds council means half-up to one decimal', () => {
    expect(roundedMean([4, 4, 5, 4].map((n) => Decimal.of(n))).toFixed(1)).toBe('4.3');
    expect(roundedMean(['3.2', '3.3'].map((n) => Decimal.of(n))).toFixed(1)).toBe('3.3');
  });
});
