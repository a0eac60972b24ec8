/**
 * The scoring rules of spec §3: an item's 合計 and 総合評価, and a group's averages and grade.
 */
import { Decimal } from './decimal';
import { CRITERIA, type Criterion } from './plan';

/** 総合評価 as ASCII letters; the workbook prints them full width (Ａ…Ｄ). */
export type Grade = 'A' | 'B' | 'C' | 'D';
/** All grades, best first. */
export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];
/** The four self-evaluation scores of one item in one year, each an integer 0–3. */
export type Scores = Record<Criterion, number>;
/** The four averages of a group, exact decimals rounded to one place. */
export type Averages = Record<Criterion, Decimal>;

/** Lowest and highest self-evaluation score. */
export const SCORE_MIN = 0;
export const SCORE_MAX = 3;

/**
 * The grade for a 合計 and a 進捗度 (rule 3.1; groups pass their rounded values).
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
 * 合計 of one item: the sum of its four scores.
 * @param scores - the four scores
 * @returns 0–12
 */
export function itemTotal(scores: Scores): number {
  return CRITERIA.reduce((sum, key) => sum + scores[key], 0);
}

/**
 * 総合評価 of one item (rule 3.1): Ａ needs 合計 ≥ 10 and 進捗度 ≥ 2.
 * @param scores - the four scores
 * @returns the grade
 */
export function itemGrade(scores: Scores): Grade {
  return gradeFor(itemTotal(scores), scores.progress >= 2);
}

/** A group's figures: rounded averages, their sum, and the grade. */
export interface GroupResult {
  averages: Averages;
  total: Decimal;
  grade: Grade;
}

/**
 * Averages, 合計 and 総合評価 of a group of items (rule 3.2).
 * Each average is rounded half-up to one decimal; 合計 is the sum of the rounded averages; the
 * grade applies the item rule to 合計 rounded half-up to an integer, gated on the rounded 進捗度.
 * @param members - the scores of every counted item (at least one)
 * @returns the group's figures
 */
export function groupResult(members: readonly Scores[]): GroupResult {
  if (members.length === 0) throw new RangeError('a group needs at least one evaluated item');
  const averages = Object.fromEntries(
    CRITERIA.map((key) => [key, Decimal.mean(members.map((scores) => Decimal.of(scores[key]))).roundHalfUp(1)]),
  ) as Averages;
  const total = Decimal.sum(CRITERIA.map((key) => averages[key]));
  const grade = gradeFor(total.roundHalfUp(0).toNumber(), averages.progress.compare(Decimal.of(2)) >= 0);
  return { averages, total, grade };
}

/**
 * The mean of some values rounded half-up to one decimal (council averages).
 * @param values - at least one value
 * @returns the rounded mean
 */
export function roundedMean(values: readonly Decimal[]): Decimal {
  return Decimal.mean(values).roundHalfUp(1);
}
