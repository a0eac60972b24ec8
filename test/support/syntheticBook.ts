/**
 * A synthetic workbook of any size, for the sync-count test and `npm run bench`: `count` 実践項目
 * spread over the example's 取組項目, every item scored for R2 and R3, checked in R3.
 */
import { writeWorkbook } from '../../src/actions/template';
import { builtInPlan } from '../../src/core/example';
import type { Plan } from '../../src/core/plan';
import { blankProgressSheet } from '../../src/core/sheet/progressSheetData';
import type { WorkbookPort } from '../../src/workbook/port';

/** A plan of `count` 実践項目 over the example's 取組項目. */
export function syntheticPlan(count: number): Plan {
  const base = builtInPlan();
  const items = Array.from({ length: count }, (_, index) => ({
    ...base.items[index % base.items.length],
    no: String(index + 1),
    initiative: base.initiatives[index % base.initiatives.length].no,
    name: `実践項目 ${index + 1}`,
    endedIn: null,
  }));
  return { ...base, items };
}

/**
 * A plan of `count` 実践項目 with only the 取組項目 they belong to: its summary tabs are
 * small (a property test aggregates it a thousand times).
 */
export function smallSyntheticPlan(count: number): Plan {
  const plan = syntheticPlan(count);
  const initiatives = plan.initiatives.filter((initiative) =>
    plan.items.some((item) => item.initiative === initiative.no),
  );
  return { ...plan, initiatives };
}

/**
 * Writes a synthetic workbook of scored 進捗状況シート into `port`.
 * @param port - the workbook
 * @param count - how many 実践項目
 * @param plan - the plan (default: syntheticPlan(count))
 */
export async function writeSyntheticBook(
  port: WorkbookPort,
  count: number,
  plan = syntheticPlan(count),
): Promise<void> {
  const sheets = plan.items.map((item, index) => {
    const data = blankProgressSheet(plan, item, 2021);
    for (const year of [2020, 2021])
      data.scores[year] = { progress: index % 4, cooperation: (index + 1) % 4, efficiency: 2, creativity: 3 };
    return data;
  });
  await writeWorkbook(port, plan, 2021, sheets, null);
}
