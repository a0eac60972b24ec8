/**
 * Exact decimal arithmetic for averages and rounding.
 *
 * Values are kept as exact rationals (bigint numerator / positive bigint denominator), so a mean
 * such as 2.25 is exactly 9/4 and rounds half-up to 2.3, never to binary-float 2.2.
 */
export class Decimal {
  private constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}

  /**
   * Makes an exact decimal from an integer, a JS number or a decimal string.
   * A JS number is read through its shortest round-trip text (4.3 is exactly 43/10).
   * @param value - integer, number or text such as "3.65" or "-1"
   * @returns the exact value
   */
  static of(value: number | string | bigint): Decimal {
    if (typeof value === 'bigint') return new Decimal(value, 1n);
    const text = typeof value === 'number' ? numberText(value) : value.trim();
    const match = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!match) throw new RangeError(`not a decimal: ${text}`);
    const [, sign, whole, fraction = '', exponentText = '0'] = match;
    let numerator = BigInt(whole + fraction);
    let denominator = 10n ** BigInt(fraction.length);
    const exponent = Number(exponentText);
    if (exponent > 0) numerator *= 10n ** BigInt(exponent);
    if (exponent < 0) denominator *= 10n ** BigInt(-exponent);
    return Decimal.ratio(sign === '-' ? -numerator : numerator, denominator);
  }

  /**
   * Makes the exact quotient numerator / denominator.
   * @param numerator - any integer
   * @param denominator - a non-zero integer
   * @returns the reduced rational
   */
  static ratio(numerator: bigint, denominator: bigint): Decimal {
    if (denominator === 0n) throw new RangeError('division by zero');
    if (denominator < 0n) {
      numerator = -numerator;
      denominator = -denominator;
    }
    const divisor = gcd(numerator < 0n ? -numerator : numerator, denominator);
    return new Decimal(numerator / divisor, denominator / divisor);
  }

  /**
   * The exact arithmetic mean of the values.
   * @param values - at least one value
   * @returns their mean
   */
  static mean(values: readonly Decimal[]): Decimal {
    if (values.length === 0) throw new RangeError('mean of nothing');
    return Decimal.sum(values).divide(BigInt(values.length));
  }

  /**
   * The exact sum of the values (0 for none).
   * @param values - any values
   * @returns their sum
   */
  static sum(values: readonly Decimal[]): Decimal {
    return values.reduce((total, value) => total.add(value), Decimal.of(0n));
  }

  /** @returns this + other */
  add(other: Decimal): Decimal {
    return Decimal.ratio(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  /** @returns this / divisor, for a non-zero integer divisor */
  divide(divisor: bigint): Decimal {
    return Decimal.ratio(this.numerator, this.denominator * divisor);
  }

  /** @returns -1, 0 or 1 as this is below, equal to or above other */
  compare(other: Decimal): number {
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  /**
   * Rounds half away from zero (四捨五入) to a number of decimal places.
   * @param places - decimal places kept, 0 or more
   * @returns the rounded exact value
   */
  roundHalfUp(places: number): Decimal {
    const scale = 10n ** BigInt(places);
    const scaled = this.numerator * scale;
    const magnitude = scaled < 0n ? -scaled : scaled;
    const rounded = (2n * magnitude + this.denominator) / (2n * this.denominator);
    return Decimal.ratio(scaled < 0n ? -rounded : rounded, scale);
  }

  /** @returns true when the value has no more decimal places than given */
  hasAtMostPlaces(places: number): boolean {
    return (this.numerator * 10n ** BigInt(places)) % this.denominator === 0n;
  }

  /** @returns the nearest JS number (exact for values with a few decimal places) */
  toNumber(): number {
    return Number(this.toFixed(12));
  }

  /**
   * Formats with a fixed number of decimal places, rounding half-up.
   * @param places - decimal places printed
   * @returns text such as "3.0"
   */
  toFixed(places: number): string {
    const rounded = this.roundHalfUp(places);
    const scale = 10n ** BigInt(places);
    const units = (rounded.numerator * scale) / rounded.denominator;
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
    const whole = digits.slice(0, digits.length - places);
    const fraction = places > 0 ? '.' + digits.slice(digits.length - places) : '';
    return (negative ? '-' : '') + whole + fraction;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
}
