/**
 * The 進捗状況シート of the built-in example: the published scores with short sample texts of our
 * own (the report carries no free text), so the demo workbook looks like a filled-in year.
 */
import { builtInPlan, EXAMPLE_YEAR, exampleScores } from './example';
import { yearLabel } from './fiscalYear';
import { yearsThrough, type FiscalYear, type Item, type Plan } from './plan';
import { blankProgressSheet, type ProgressSheetData } from './sheet/progressSheetData';

/**
 * The sheet of one example item, checked in `year`.
 * @param plan - the built-in plan
 * @param item - the 実践項目
 * @param year - the year being checked (R2 or R3)
 * @param scores - the published scores (year → 小№ → scores)
 * @returns the filled sheet content
 */
export function exampleSheetData(
  plan: Plan,
  item: Item,
  year: FiscalYear,
  scores = exampleScores(),
): ProgressSheetData {
  const data = blankProgressSheet(plan, item, year);
  const years = yearsThrough(plan, year);
  const lastYear = item.endedIn && years.includes(item.endedIn) ? item.endedIn : year;
  plan.period.forEach((planYear, index) => {
    const evaluated = plan.period.indexOf(planYear) <= plan.period.indexOf(lastYear);
    data.schedule[planYear] = {
      plan: index === 0 ? `${item.name}の検討・実施` : evaluated || !item.endedIn ? '⇒' : '',
      status: years.includes(planYear) && evaluated ? '工程どおり' : '',
    };
  });
  let row = 0;
  for (const planYear of years) {
    if (plan.period.indexOf(planYear) > plan.period.indexOf(lastYear)) break;
    const label = yearLabel(planYear);
    data.activities[row++] = {
      year: label,
      plan: `${planYear === years[0] ? '' : '引き続き'}${item.name}に向けた検討・関係課との調整を行う。`,
      result: `${row === 1 ? '(新)' : '(継)'}関係課と協議を行い、実施内容を整理した。`,
    };
    data.activities[row++] = {
      year: label,
      plan: '実施状況を確認し、効果を検証する。',
      result: `${row === 2 ? '(新)' : '(継)'}実施結果を取りまとめ、次年度の方針を決定した。`,
    };
  }
  for (const planYear of plan.period) {
    const published = scores[planYear]?.[item.no];
    const inRange = plan.period.indexOf(planYear) <= plan.period.indexOf(year);
    for (const { key } of plan.criteria) data.scores[planYear][key] = published ? published[key] : inRange ? '-' : null;
    if (years.includes(planYear) && published) {
      data.issues[planYear] = {
        problem: planYear === years[0] ? '関係機関との調整に時間を要している。' : `${yearLabel(years[0])}と同じ`,
        solution: '庁内の連絡会議で進捗を共有し、早期に課題を整理する。',
      };
    }
  }
  data.reasons = {
    progress: '計画した工程どおりに取組を進めることができた。',
    cooperation: '関係課・関係機関と連携して取り組んだ。',
    efficiency: '既存の仕組みを活用し、少ない費用で実施した。',
    creativity: '他市の事例を参考に、新たな手法を取り入れた。',
    overall: '概ね計画どおりに進んでおり、一定の成果が得られた。',
  };
  if (item.endedIn && years.includes(item.endedIn)) data.ended = { year: item.endedIn + 1, month: 3 };
  data.notes = item.continuedFromPreviousPlan ? '前プランから継続して取り組んでいる。' : '';
  return data;
}

/**
 * Every sheet of the example workbook.
 * @param year - the year being checked (default 令和３年度)
 * @returns the built-in plan and one sheet content per item
 */
export function exampleWorkbookData(year: FiscalYear = EXAMPLE_YEAR): { plan: Plan; sheets: ProgressSheetData[] } {
  const plan = builtInPlan();
  const scores = exampleScores();
  return { plan, sheets: plan.items.map((item) => exampleSheetData(plan, item, year, scores)) };
}
