import { parseCell, parseRange } from '../address';
import { builtInPlan } from '../example';
import { progressSheetLayout } from './progressSheetLayout';
import { readPlanFor, sheetReadRanges, formShapeOf } from './readPlan';

const plan = builtInPlan();

describe('the cell map is built once per plan', () => {
  it('gives the same map for the same plan, and a new one when its years change', () => {
    expect(progressSheetLayout(plan)).toBe(progressSheetLayout(plan));
    const longer = { ...plan, period: [...plan.period, 2025, 2026, 2027] };
    expect(progressSheetLayout(longer)).not.toBe(progressSheetLayout(plan));
    expect(progressSheetLayout(longer).scores).toHaveLength(8);
  });
  it('has the form’s blocks in order, part ① then part ②, each found by at least one label', () => {
    const layout = progressSheetLayout(plan);
    expect(layout.blocks.map((block) => `${block.part}:${block.key}`)).toEqual([
      '1:header',
      '1:themes',
      '1:identity',
      '1:schedule',
      '1:activities',
      '1:scores',
      '1:reasons',
      '1:ended',
      '2:partTwoHeader',
      '2:issues',
      '2:notes',
    ]);
    for (const block of layout.blocks) expect([block.key, block.labels.length > 0]).toEqual([block.key, true]);
    // Every input cell carries its merged range and its style.
    const notes = layout.blocks.at(-1)?.cells.find((cell) => cell.field.kind === 'notes');
    expect(notes).toMatchObject({ address: 'B46', range: 'B46:P46', style: { wrap: true, locked: false } });
  });
});

describe('read plans', () => {
  it('read the whole form for 入力チェック, 配布 and 回収', () => {
    expect(readPlanFor(plan, 'full')).toMatchObject({ ranges: ['A1:Q46'], cellCount: 46 * 17 });
  });
  it('read for 集計 the header, 取組項目, 自己評価 with its owned cells and 取組終了, and no text', () => {
    const aggregate = readPlanFor(plan, 'aggregate');
    expect(aggregate.blocks.map((block) => block.key)).toEqual(['header', 'identity', 'scores', 'ended']);
    expect(aggregate.ranges).toEqual(['A1:Q7', 'A27:H33', 'A34:L34']);
    expect(aggregate.cellCount).toBeLessThan(readPlanFor(plan, 'full').cellCount / 4);
    const layout = progressSheetLayout(plan);
    const inputs = layout.blocks.flatMap((block) => block.cells);
    const read = (address: string) => {
      const { row, column } = parseCell(address);
      return aggregate.ranges.some((range) => {
        const bounds = parseRange(range);
        return row >= bounds.top && row <= bounds.bottom && column >= bounds.left && column <= bounds.right;
      });
    };
    const texts = inputs.filter((cell) =>
      ['schedulePlan', 'activityPlan', 'activityResult', 'reason', 'issueProblem', 'issueSolution', 'notes'].includes(
        cell.field.kind,
      ),
    );
    expect(texts.filter((cell) => read(cell.address)).map((cell) => cell.address)).toEqual([]);
    for (const year of layout.scores)
      for (const cell of [...Object.values(year.scores), year.total!, year.grade]) expect(read(cell)).toBe(true);
  });
  it('depend only on the years, so they can be planned from the プラン定義 header', () => {
    for (let years = 1; years <= 8; years++) {
      const period = Array.from({ length: years }, (_, index) => 2020 + index);
      for (const purpose of ['aggregate', 'full'] as const)
        expect(sheetReadRanges(formShapeOf({ ...plan, period }), purpose)).toEqual(
          readPlanFor({ ...plan, period }, purpose).ranges,
        );
    }
  });
});
