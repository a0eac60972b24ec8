import { Decimal } from './decimal';

describe('Decimal', () => {
  it('rounds exact halves up, where binary floats would not', () => {
    expect(Decimal.of('2.25').roundHalfUp(1).toFixed(1)).toBe('2.3');
    expect(Decimal.of(1.005).roundHalfUp(2).toFixed(2)).toBe('1.01');
    expect(Decimal.ratio(9n, 4n).toFixed(1)).toBe('2.3');
    expect(Decimal.ratio(7n, 3n).toFixed(1)).toBe('2.3');
    expect(Decimal.ratio(-5n, 2n).roundHalfUp(0).toFixed(0)).toBe('-3');
  });
  it('computes exact means and sums', () => {
    const mean = Decimal.mean([1, 2, 2, 3].map((n) => Decimal.of(n)));
    expect(mean.toFixed(2)).toBe('2.00');
    expect(Decimal.sum(['2.3', '2.3', '3.0', '2.3'].map((t) => Decimal.of(t))).toFixed(1)).toBe('9.9');
    expect(Decimal.of(0.1).add(Decimal.of(0.2)).compare(Decimal.of('0.3'))).toBe(0);
  });
  it('reads numbers by their shortest text and rejects non-numbers', () => {
    expect(Decimal.of(4.3).toFixed(1)).toBe('4.3');
    expect(Decimal.of('1e-1').toFixed(1)).toBe('0.1');
    expect(() => Decimal.of('abc')).toThrow(RangeError);
    expect(() => Decimal.of(Number.NaN)).toThrow(RangeError);
    expect(Decimal.of('3.65').hasAtMostPlaces(1)).toBe(false);
    expect(Decimal.of('3.6').hasAtMostPlaces(1)).toBe(true);
  });
});
