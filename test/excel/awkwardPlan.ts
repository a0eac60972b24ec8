/**
 * The example plan with its first items renamed to contain each character Japanese Excel forbids
 * in a sheet name — `[ ] : * ? / \`, their full-width forms `［ ］ ： ＊ ？ ／ ＼` and `￥` — and one
 * with apostrophes at the end.
 */
import planData from '../../assets/plan/plan.json';

export const FORBIDDEN = ['［', '］', '：', '＊', '？', '／', '＼', '￥', '[', ']', ':', '*', '?', '/', '\\'];

/** Items renamed: one per forbidden character, then the apostrophes. */
export const AWKWARD_ITEMS = FORBIDDEN.length + 1;

/** The plan data (assets/plan/plan.json's shape) with the awkward names. */
export function awkwardPlanData(): typeof planData {
  const data = JSON.parse(JSON.stringify(planData)) as typeof planData;
  FORBIDDEN.forEach((character, i) => (data.items[i].name = `窓口${character}電子申請`));
  data.items[FORBIDDEN.length].name = "市民’の声'";
  return data;
}
