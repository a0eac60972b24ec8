/**
 * Read plans: which ranges of each 進捗状況シート a use case asks the workbook for, from the cell map.
 * 「集計」 needs the blocks it computes from (header, 取組項目, 自己評価 with the owned 合計/総合評価,
 * 取組終了), found by their labels, and none of the departments' texts; 入力チェック, 配布 and 回収
 * read the whole form. Hosts that pay for every cell (Office.js) read only these ranges.
 */
import { boundsUnion, parseRange, rangeAddress, type RangeBounds } from '../address';
import type { FiscalYear, Plan } from '../plan';
import { defaultScheme } from '../scheme';
import type { BlockKey, FormBlock } from './formCells';
import { progressSheetLayout, type ProgressSheetLayout } from './progressSheetLayout';
import { isTextField } from './sheetFields';

/** Why a sheet is read: 'aggregate' for 集計 and 自動計算, 'full' for everything that reads texts. */
export type ReadPurpose = 'aggregate' | 'full';

/** The blocks each purpose reads (and checks by their labels). */
const PURPOSE_BLOCKS: Record<ReadPurpose, readonly BlockKey[] | 'all'> = {
  aggregate: ['header', 'identity', 'scores', 'targets', 'cost', 'ended'],
  full: 'all',
};

/** What to read from every 進捗状況シート for a purpose. */
export interface ReadPlan {
  purpose: ReadPurpose;
  /** The blocks read and checked, in the form's order. */
  blocks: FormBlock[];
  /** A1 ranges to read from each sheet: few rectangles, covering the blocks and no text of another block. */
  ranges: string[];
  /** Cells in those ranges per sheet. */
  cellCount: number;
}

/**
 * The read plan of a purpose.
 * @param plan - the workbook's plan
 * @param purpose - 'aggregate' (no texts) or 'full'
 * @returns the blocks and the ranges to read from each sheet
 */
export function readPlanFor(plan: Plan, purpose: ReadPurpose): ReadPlan {
  const layout = progressSheetLayout(plan);
  const known = plans.get(layout) ?? new Map<ReadPurpose, ReadPlan>();
  plans.set(layout, known);
  const cached = known.get(purpose);
  if (cached) return cached;
  const made = makeReadPlan(layout, purpose);
  known.set(purpose, made);
  return made;
}

/** Read plans already made, per cell map (each reader asks for one per sheet). */
const plans = new WeakMap<ProgressSheetLayout, Map<ReadPurpose, ReadPlan>>();

function makeReadPlan(layout: ProgressSheetLayout, purpose: ReadPurpose): ReadPlan {
  const wanted = PURPOSE_BLOCKS[purpose];
  if (wanted === 'all') {
    const bounds = parseRange(layout.readRange);
    return { purpose, blocks: layout.blocks, ranges: [layout.readRange], cellCount: area(bounds) };
  }
  const blocks = layout.blocks.filter((block) => wanted.includes(block.key));
  // Blocks with text that this purpose does not read: a merged rectangle must not cover them.
  const avoided = layout.blocks.filter(
    (block) => !wanted.includes(block.key) && block.cells.some((cell) => isTextField(cell.field)),
  );
  const rectangles: RangeBounds[] = [];
  for (const block of [...blocks].sort((a, b) => a.bounds.top - b.bounds.top || a.bounds.left - b.bounds.left)) {
    const last = rectangles[rectangles.length - 1];
    const merged = last && boundsUnion(last, block.bounds);
    if (merged && !avoided.some((other) => overlaps(merged, other.bounds))) rectangles[rectangles.length - 1] = merged;
    else rectangles.push(block.bounds);
  }
  return {
    purpose,
    blocks,
    ranges: rectangles.map(rangeAddress),
    cellCount: rectangles.reduce((sum, bounds) => sum + area(bounds), 0),
  };
}

function overlaps(a: RangeBounds, b: RangeBounds): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function area(bounds: RangeBounds): number {
  return (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1);
}

/**
 * What shapes the form's rectangles: the years, the number of criteria, whether 総合評価 is typed,
 * the target indicators (and whether they are graded) and the cost block. Names do not matter.
 */
export interface FormShape {
  period: FiscalYear[];
  criteria: number;
  gradeEntered: boolean;
  indicators: number;
  achievement: boolean;
  cost: boolean;
}

/**
 * The shape of a plan's form.
 * @param plan - the plan
 * @returns what its form's rectangles depend on
 */
export function formShapeOf(plan: Pick<Plan, 'period' | 'criteria' | 'scheme'>): FormShape {
  return {
    period: [...plan.period],
    criteria: plan.criteria.length,
    gradeEntered: plan.scheme.itemGrade.kind === 'entered',
    indicators: plan.scheme.targets?.indicators ?? 0,
    achievement: (plan.scheme.targets?.bands.length ?? 0) > 0,
    cost: plan.scheme.cost,
  };
}

/**
 * The ranges of a purpose from the form's shape alone, before the plan itself is read (the block
 * rectangles depend on the numbers of years, criteria and indicators, not on names): lets a reader
 * ask for the プラン定義 tables and every sheet in one batch.
 * @param form - the form's shape, from the プラン定義 header
 * @param purpose - 'aggregate' or 'full'
 * @returns the ranges to read from each sheet (equal to `readPlanFor(plan, purpose).ranges`)
 */
export function sheetReadRanges(form: FormShape, purpose: ReadPurpose): string[] {
  const criteria = Array.from({ length: form.criteria }, (_, index) => ({
    key: `c${index + 1}`,
    label: `c${index + 1}`,
    short: `c${index + 1}`,
  }));
  const scheme = defaultScheme('c1');
  const shape: Plan = {
    title: '',
    period: [...form.period],
    criteria,
    scheme: {
      ...scheme,
      itemGrade: form.gradeEntered ? { kind: 'entered', grades: ['Ａ'] } : scheme.itemGrade,
      targets:
        form.indicators > 0
          ? { indicators: form.indicators, bands: form.achievement ? [{ grade: 'Ａ', min: null, gates: [] }] : [] }
          : null,
      cost: form.cost,
    },
    themes: [{ numeral: '', name: '', label: '' }],
    initiatives: [],
    items: [],
  };
  return readPlanFor(shape, purpose).ranges;
}
