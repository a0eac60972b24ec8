/**
 * The built-in example: 苫小牧市「行政創革プラン」 with its R2/R3 self-evaluations and the R3
 * council averages (assets/plan, copied from the published council report).
 */
import planData from '../../assets/plan/plan.json';
import evaluationData from '../../assets/plan/self-evaluations.json';
import councilData from '../../assets/plan/council-averages.json';
import { Decimal } from './decimal';
import { CRITERIA, parsePlan, type Plan, type YearCode } from './plan';
import type { Scores } from './rules';
import type { CouncilAverages } from './evaluation';

/** The year the example workbook is checked in (確認時期 令和３年度末). */
export const EXAMPLE_YEAR: YearCode = 'R3';

/**
 * The built-in plan.
 * @returns a fresh copy of the 苫小牧市 plan
 */
export function builtInPlan(): Plan {
  return parsePlan(JSON.parse(JSON.stringify(planData)));
}

/**
 * The example's self-evaluation scores as published.
 * @returns year → 小№ → scores
 */
export function exampleScores(): Record<YearCode, Record<number, Scores>> {
  const result: Record<YearCode, Record<number, Scores>> = {};
  for (const [year, items] of Object.entries(
    evaluationData as Record<string, Record<string, Record<string, number>>>,
  )) {
    result[year] = {};
    for (const [itemNo, scores] of Object.entries(items)) {
      result[year][Number(itemNo)] = Object.fromEntries(CRITERIA.map((key) => [key, scores[key]])) as Scores;
    }
  }
  return result;
}

/**
 * The example's council averages as published.
 * @returns year → 大№ → average
 */
export function exampleCouncilAverages(): CouncilAverages {
  const result: CouncilAverages = {};
  for (const [year, averages] of Object.entries(councilData as Record<string, Record<string, number>>)) {
    result[year] = Object.fromEntries(
      Object.entries(averages).map(([no, average]) => [Number(no), Decimal.of(average)]),
    );
  }
  return result;
}
