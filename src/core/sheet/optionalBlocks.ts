/**
 * The optional blocks of part ②, present when the plan's scheme asks for them: 目標・実績 (per target
 * indicator its name and unit, and per year the target, the actual, the achievement ratio and, with
 * achievement bands, the achievement grade) and 事業費 (予算・決算 per year, 千円). Names, targets,
 * actuals and costs are the department's; the ratio and the grade are formulas the product owns.
 */
import { splitColumns } from '../address';
import type { FiscalYear, Plan } from '../plan';
import type { CellStyle } from '../sheetSpec';
import { COMPUTED, INPUT_CENTER, INPUT_TEXT, LABEL } from '../styles';
import { BlockBuilder } from './formCells';
import { DATA_COLUMNS, LABELS } from './formLabels';
import { scheduleYearLabel } from './partOne';

const LAST = 1 + DATA_COLUMNS; // column P
/** Columns of the years: H…P (nine columns shared by up to eight years). */
const YEARS_FROM = 8;
const YEAR_COLUMNS = LAST - YEARS_FROM + 1;
const ROW_HEIGHT = 16;
const NUMBER: CellStyle = { ...INPUT_CENTER, fontSize: 9, numberFormat: '#,##0' };
const SMALL_LABEL: CellStyle = { ...LABEL, fontSize: 9 };

/** The cells of one target indicator. */
export interface IndicatorCells {
  index: number;
  name: string;
  unit: string;
  years: { year: FiscalYear; target: string; actual: string; ratio: string; achievement: string | null }[];
}

/** The cells of one year's cost. */
export interface CostCells {
  year: FiscalYear;
  budget: string;
  settlement: string;
}

/** Where each year's cells go: spans of H…P. */
function yearSpans(plan: Plan): [number, number][] {
  return splitColumns(YEARS_FROM, YEAR_COLUMNS, plan.period.length);
}

/**
 * 目標・実績: a heading row (指標, 単位, the years), then per indicator the rows 目標, 実績, 達成率
 * and, with achievement bands, 達成度.
 * @param plan - the plan (targets in its scheme)
 * @param rowHeights - filled with the block's row heights
 * @param top - the block's first row
 * @returns the block (null without targets), its cells and the next row
 */
export function targetsBlock(plan: Plan, rowHeights: Record<number, number>, top: number) {
  const targets = plan.scheme.targets;
  if (!targets) return { block: null, next: top, indicators: [] as IndicatorCells[] };
  const block = new BlockBuilder('targets', 2);
  const graded = targets.bands.length > 0;
  const kinds = graded ? 4 : 3;
  const spans = yearSpans(plan);
  const bottom = top + targets.indicators * kinds;
  rowHeights[top] = 18;
  block.label(top, 1, 1, LABELS.targets, bottom);
  block.label(top, 2, 4, LABELS.indicator, top, SMALL_LABEL);
  block.label(top, 5, 5, LABELS.unit, top, SMALL_LABEL);
  block.label(top, 6, 7, LABELS.targetKind, top, SMALL_LABEL);
  plan.period.forEach((year, index) =>
    block.label(top, spans[index][0], spans[index][1], scheduleYearLabel(year), top, SMALL_LABEL),
  );
  const indicators = Array.from({ length: targets.indicators }, (_, index): IndicatorCells => {
    const first = top + 1 + index * kinds;
    const rows = { target: first, actual: first + 1, ratio: first + 2, achievement: first + 3 };
    for (let row = first; row < first + kinds; row++) rowHeights[row] = ROW_HEIGHT;
    const name = block.cell(
      first,
      2,
      4,
      { kind: 'indicatorName', index },
      { ...INPUT_TEXT, fontSize: 9 },
      first + kinds - 1,
    );
    const unit = block.cell(
      first,
      5,
      5,
      { kind: 'indicatorUnit', index },
      { ...INPUT_CENTER, fontSize: 9 },
      first + kinds - 1,
    );
    block.label(rows.target, 6, 7, LABELS.target, rows.target, SMALL_LABEL);
    block.label(rows.actual, 6, 7, LABELS.actual, rows.actual, SMALL_LABEL);
    block.label(rows.ratio, 6, 7, LABELS.ratio, rows.ratio, SMALL_LABEL);
    if (graded) block.label(rows.achievement, 6, 7, LABELS.achievement, rows.achievement, SMALL_LABEL);
    const years = plan.period.map((year, yearIndex) => {
      const [left, right] = spans[yearIndex];
      return {
        year,
        target: block.cell(rows.target, left, right, { kind: 'target', index, year }, NUMBER),
        actual: block.cell(rows.actual, left, right, { kind: 'actual', index, year }, NUMBER),
        ratio: block.cell(
          rows.ratio,
          left,
          right,
          { kind: 'ratio', index, year },
          {
            ...COMPUTED,
            fontSize: 9,
            numberFormat: '0.0"%"',
          },
        ),
        achievement: graded
          ? block.cell(
              rows.achievement,
              left,
              right,
              { kind: 'achievement', index, year },
              { ...COMPUTED, fontSize: 9 },
            )
          : null,
      };
    });
    return { index, name, unit, years };
  });
  return { block: block.build(), next: bottom + 1, indicators };
}

/**
 * 事業費: a heading row (（千円）, the years), then 予算 and 決算.
 * @param plan - the plan (cost in its scheme)
 * @param rowHeights - filled with the block's row heights
 * @param top - the block's first row
 * @returns the block (null without cost), its cells and the next row
 */
export function costBlock(plan: Plan, rowHeights: Record<number, number>, top: number) {
  if (!plan.scheme.cost) return { block: null, next: top, cost: [] as CostCells[] };
  const block = new BlockBuilder('cost', 2);
  const spans = yearSpans(plan);
  for (const row of [top, top + 1, top + 2]) rowHeights[row] = ROW_HEIGHT + 2;
  block.label(top, 1, 1, LABELS.cost, top + 2);
  block.label(top, 2, 7, LABELS.costUnit, top, SMALL_LABEL);
  block.label(top + 1, 2, 7, LABELS.budget, top + 1, SMALL_LABEL);
  block.label(top + 2, 2, 7, LABELS.settlement, top + 2, SMALL_LABEL);
  const cost = plan.period.map((year, index): CostCells => {
    const [left, right] = spans[index];
    block.label(top, left, right, scheduleYearLabel(year), top, SMALL_LABEL);
    return {
      year,
      budget: block.cell(top + 1, left, right, { kind: 'budget', year }, NUMBER),
      settlement: block.cell(top + 2, left, right, { kind: 'settlement', year }, NUMBER),
    };
  });
  return { block: block.build(), next: top + 3, cost };
}
