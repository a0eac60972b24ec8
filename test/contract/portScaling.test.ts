/**
 * No quadratic step in the ports: the same work on 700 and on 7,000 進捗状況シート costs about ten
 * times the steps (sheets examined by lookups, merges examined, cells visited), counted by the
 * port itself, not timed. The work is what a year asks of a workbook: シート作成, 「集計」 (which
 * reads every sheet as 入力チェック does) and its undo. The plan is given (`plan` option) rather than read from a プラン定義 tab.
 */
import { aggregate } from '../../src/actions/aggregate';
import { undoAggregate } from '../../src/actions/undo';
import { blankProgressSheet } from '../../src/core/sheet/progressSheetData';
import { writeProgressSheet } from '../../src/core/sheet/writeProgressSheet';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { syntheticPlan } from '../support/syntheticBook';

async function stepsOfAYear(count: number): Promise<number> {
  const plan = syntheticPlan(count);
  const port = new MemoryWorkbook();
  const specs = plan.items.map((item, index) => {
    const data = blankProgressSheet(plan, item, 2021);
    for (const year of [2020, 2021])
      data.scores[year] = { progress: index % 4, cooperation: (index + 1) % 4, efficiency: 2, creativity: 3 };
    return writeProgressSheet(plan, data);
  });
  await port.putSheets(specs);
  await aggregate(port, { plan });
  // 元に戻す reads the record 集計 kept in the workbook.
  await undoAggregate(port);
  const { sheetSteps, mergeSteps, cellSteps } = port.operations;
  return sheetSteps + mergeSteps + cellSteps;
}

const [SMALL, LARGE] = (process.env.SCALING_SIZES ?? '700,7000').split(',').map(Number);

describe('MemoryWorkbook grows linearly with the number of sheets', () => {
  test(`${LARGE} sheets take at most 1.1 × ${LARGE / SMALL} times the steps of ${SMALL}`, async () => {
    const small = await stepsOfAYear(SMALL);
    const large = await stepsOfAYear(LARGE);
    const growth = large / small / (LARGE / SMALL);
    expect({ small, large, growth: Number(growth.toFixed(2)) }).toEqual({ small, large, growth: expect.any(Number) });
    expect(growth).toBeLessThanOrEqual(1.1);
    expect(growth).toBeGreaterThanOrEqual(0.8);
  });
});
