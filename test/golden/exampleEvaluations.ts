/**
 * The built-in example as if read from its workbook: one ItemEvaluation per 実践項目, with the
 * published scores and the 取組終了 year from the plan.
 */
import type { ItemEvaluation } from '../../src/core/evaluation';
import { builtInPlan, exampleCouncilAverages, exampleScores } from '../../src/core/example';
import type { FiscalYear } from '../../src/core/plan';
import type { Scores } from '../../src/core/rules';
import { summarize, type Summary } from '../../src/core/summary';

/** One evaluation per item of the example. */
export function exampleEvaluations(): ItemEvaluation[] {
  const scores = exampleScores();
  return builtInPlan().items.map((item) => {
    const byYear: Partial<Record<FiscalYear, Scores>> = {};
    for (const [year, items] of Object.entries(scores)) if (items[item.no]) byYear[Number(year)] = items[item.no];
    return {
      itemNo: item.no,
      initiativeNo: item.initiative,
      name: item.name,
      departments: item.departments,
      continuedFromPreviousPlan: item.continuedFromPreviousPlan,
      endedIn: item.endedIn,
      scores: byYear,
      sheetName: item.no,
    };
  });
}

/** The example's summary of a year. */
export function exampleSummary(year: FiscalYear): Summary {
  return summarize({ plan: builtInPlan(), evaluations: exampleEvaluations(), council: exampleCouncilAverages(), year });
}
