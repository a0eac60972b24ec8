/**
 * The built-in example: 苫小牧市「行政創革プラン」 with its R2/R3 self-evaluations and the R3
 * council averages (assets/plan, copied from the published council report).
 */
import planData from '../../assets/plan/plan.json';
import evaluationData from '../../assets/plan/self-evaluations.json';
import councilData from '../../assets/plan/council-averages.json';
import { Decimal } from './decimal';
import { parseFiscalYear, type FiscalYear } from './fiscalYear';
import { parsePlan, type ItemCode, type Plan } from './plan';
import { DEFAULT_CRITERIA } from './scheme';
import type { Scores } from './rules';
import type { CouncilAverages } from './evaluation';

/** The year the example workbook is checked in (確認時期 令和３年度末). */
export const EXAMPLE_YEAR: FiscalYear = 2021;

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
export function exampleScores(): Record<FiscalYear, Record<ItemCode, Scores>> {
  const result: Record<FiscalYear, Record<ItemCode, Scores>> = {};
  for (const [code, items] of Object.entries(
    evaluationData as Record<string, Record<string, Record<string, number>>>,
  )) {
    const year = fiscalYearOf(code);
    result[year] = {};
    for (const [itemNo, scores] of Object.entries(items)) {
      result[year][itemNo] = Object.fromEntries(DEFAULT_CRITERIA.map(({ key }) => [key, scores[key]])) as Scores;
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
  for (const [code, averages] of Object.entries(councilData as Record<string, Record<string, number>>)) {
    result[fiscalYearOf(code)] = Object.fromEntries(
      Object.entries(averages).map(([no, average]) => [no, Decimal.of(average)]),
    );
  }
  return result;
}

function fiscalYearOf(code: string): FiscalYear {
  const year = parseFiscalYear(code);
  if (year === null) throw new RangeError(`bad year ${code} in assets/plan`);
  return year;
}
