/**
 * The scoring rules (spec §3, generalised by the plan's scheme): an item's 合計, 平均 and 総合評価,
 * a group's averages, 合計 and grade. "Not applicable" (null) is left out criterion by criterion:
 * it never drops the item. The built-in scheme gives exactly the rules of spec §3.1 and §3.2.
 */
import { Decimal } from './decimal';
import type { Plan } from './plan';
import { gradeCode, gradesOf, type Band, type Basis } from './scheme';

/** A grade's code (A, B, B+, I): what the JSON holds; the workbook prints the plan's symbol (Ａ, Ｂ＋, Ⅰ). */
export type Grade = string;
/** The built-in grades, best first. */
export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];
/** One item's values in one year by criterion key: a number, or null for "not applicable". */
export type Scores = Record<string, number | null>;
/** A group's averages by criterion key, rounded to one place; null where no item had a value. */
export type Averages = Record<string, Decimal | null>;
/** What the rules need of a plan. */
export type Rules = Pick<Plan, 'criteria' | 'scheme'>;

/**
 * The grade codes of a plan's items, best first.
 * @param plan - the plan's criteria and scheme
 * @returns the codes (A, B, C, D for the built-in scheme)
 */
export function itemGradeCodes(plan: Rules): Grade[] {
  return gradesOf(plan.scheme.itemGrade).map(gradeCode);
}

/**
 * The grade codes of a plan's 取組項目 and テーマ, best first ([] when groups are not graded).
 * @param plan - the plan's criteria and scheme
 * @returns the codes
 */
export function groupGradeCodes(plan: Rules): Grade[] {
  return gradesOf(plan.scheme.groupGrade).map(gradeCode);
}

/**
 * The first band that holds for a value: its lower bound reached (null: always) and every gate met.
 * A gate on a criterion without a value (not applicable) is not met.
 * @param bands - best first
 * @param value - the total or average compared
 * @param gateValue - a criterion's value (or average) by key, null when not applicable
 * @returns the grade's code, or null when no band holds
 */
export function bandGrade(
  bands: readonly Band[],
  value: Decimal,
  gateValue: (criterion: string) => Decimal | null,
): Grade | null {
  const band = bands.find(
    (candidate) =>
      (candidate.min === null || value.compare(Decimal.of(candidate.min)) >= 0) &&
      candidate.gates.every((gate) => {
        const found = gateValue(gate.criterion);
        return found !== null && found.compare(Decimal.of(gate.min)) >= 0;
      }),
  );
  return band ? gradeCode(band.grade) : null;
}

/**
 * The built-in grade for a 合計 and a 進捗度 (rule 3.1; groups pass their rounded values).
 * @param total - the whole-number total (0–12)
 * @param progressAtLeastTwo - whether 進捗度 (or its average) is 2 or more
 * @returns Ａ if total ≥ 10 with the progress gate, Ｂ if ≥ 8, Ｃ if ≥ 5, else Ｄ
 */
export function gradeFor(total: number, progressAtLeastTwo: boolean): Grade {
  if (total >= 10 && progressAtLeastTwo) return 'A';
  if (total >= 8) return 'B';
  if (total >= 5) return 'C';
  return 'D';
}

/**
 * 合計 of one item: the sum of its values (not applicable left out).
 * @param scores - the values by criterion
 * @returns the sum, or null when no criterion has a value
 */
export function itemTotal(scores: Scores): number | null {
  const values = Object.values(scores).filter((value): value is number => value !== null);
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0);
}

/**
 * 平均 of one item: the mean of its values (not applicable left out), half-up to one place.
 * @param scores - the values by criterion
 * @returns the mean, or null when no criterion has a value
 */
export function itemAverage(scores: Scores): Decimal | null {
  const values = Object.values(scores).filter((value): value is number => value !== null);
  return values.length === 0 ? null : roundedMean(values.map((value) => Decimal.of(value)));
}

/** An item's figures of one year. */
export interface ItemResult {
  total: number | null;
  average: Decimal | null;
  grade: Grade | null;
}

/**
 * An item's 合計, 平均 and 総合評価 under the plan's scheme: bands over the total (or average) with
 * gates on the criteria's values, or the grade the department entered.
 * @param plan - the plan's criteria and scheme
 * @param scores - the item's values of the year
 * @param entered - the entered grade's code (for an entered grading), or null
 * @returns the figures
 */
export function itemResult(plan: Rules, scores: Scores, entered: Grade | null = null): ItemResult {
  const total = itemTotal(scores);
  const average = itemAverage(scores);
  const grading = plan.scheme.itemGrade;
  if (grading.kind === 'entered') return { total, average, grade: entered };
  const value = basisValue(grading.basis, total === null ? null : Decimal.of(total), average);
  const grade =
    value === null
      ? null
      : bandGrade(grading.bands, value, (key) => (typeof scores[key] === 'number' ? Decimal.of(scores[key]) : null));
  return { total, average, grade };
}

/**
 * 総合評価 of one item under the built-in rule (rule 3.1): Ａ needs 合計 ≥ 10 and 進捗度 ≥ 2.
 * @param scores - the four scores
 * @returns the grade
 */
export function itemGrade(scores: Scores): Grade {
  return gradeFor(itemTotal(scores) ?? 0, (scores.progress ?? 0) >= 2);
}

/** A group's figures: rounded averages, their sum and mean, and the grade. */
export interface GroupResult {
  averages: Averages;
  /** Sum of the rounded averages (null when no criterion has one). */
  total: Decimal | null;
  /** Mean of the rounded averages, half-up to one place (null when no criterion has one). */
  average: Decimal | null;
  /** From the bands, or the grade entered by the council; null when none. */
  grade: Grade | null;
}

/**
 * Averages, 合計 and 総合評価 of a group of items (rule 3.2 under the scheme). Each average is over
 * the items with a value for that criterion, rounded half-up to one decimal; 合計 is the sum of the
 * rounded averages; banding by 合計 compares it rounded half-up to an integer, banding by 平均 the
 * mean of the rounded averages (one place); gates are on the rounded averages.
 * @param plan - the plan's criteria and scheme
 * @param members - the values of every counted item (at least one)
 * @param entered - the grade entered for the group (an entered grading), or null
 * @returns the group's figures
 */
export function groupResult(plan: Rules, members: readonly Scores[], entered: Grade | null = null): GroupResult {
  if (members.length === 0) throw new RangeError('a group needs at least one evaluated item');
  const averages: Averages = {};
  for (const { key } of plan.criteria) {
    const values = members.flatMap((scores) => (typeof scores[key] === 'number' ? [Decimal.of(scores[key])] : []));
    averages[key] = values.length > 0 ? roundedMean(values) : null;
  }
  const present = Object.values(averages).filter((value): value is Decimal => value !== null);
  const total = present.length > 0 ? Decimal.sum(present) : null;
  const average = present.length > 0 ? roundedMean(present) : null;
  const grading = plan.scheme.groupGrade;
  let grade: Grade | null = null;
  if (grading.kind === 'entered') grade = entered;
  else if (grading.kind === 'bands') {
    const value = basisValue(grading.basis, total === null ? null : total.roundHalfUp(0), average);
    grade = value === null ? null : bandGrade(grading.bands, value, (key) => averages[key] ?? null);
  }
  return { averages, total, average, grade };
}

function basisValue(basis: Basis, total: Decimal | null, average: Decimal | null): Decimal | null {
  return basis === 'total' ? total : average;
}

/**
 * The mean of some values rounded half-up to one decimal (averages, council averages).
 * @param values - at least one value
 * @returns the rounded mean
 */
export function roundedMean(values: readonly Decimal[]): Decimal {
  return Decimal.mean(values).roundHalfUp(1);
}

/**
 * An indicator's achievement ratio in percent (実績 ÷ 目標 × 100), half-up to one place.
 * @param target - the target
 * @param actual - the actual value
 * @returns the ratio, or null when either is missing or the target is 0
 */
export function achievementRatio(target: number | null, actual: number | null): Decimal | null {
  if (target === null || actual === null || target === 0) return null;
  const t = Decimal.of(target);
  const a = Decimal.of(actual);
  return Decimal.ratio(a.numerator * 100n * t.denominator, a.denominator * t.numerator).roundHalfUp(1);
}

/**
 * An indicator's achievement grade by the plan's bands over the ratio.
 * @param bands - the achievement bands (none: no grade)
 * @param ratio - the ratio in percent, or null
 * @returns the grade's code, or null
 */
export function achievementGrade(bands: readonly Band[], ratio: Decimal | null): Grade | null {
  return ratio === null || bands.length === 0 ? null : bandGrade(bands, ratio, () => null);
}
