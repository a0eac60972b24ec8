/**
 * THE cell map of the 進捗状況シート: every cell of parts ① and ②, with its range, style and what it
 * holds, grouped into blocks that are each found by their own labels. The writer, the reader, the
 * layout check and the read plans all work from it. The map depends on the plan only through its
 * title, themes, criteria and years, and is built once per plan.
 */
import { rangeAddress } from '../address';
import { eraOf } from '../fiscalYear';
import { MAX_PLAN_YEARS, PlanError, type FiscalYear, type Plan } from '../plan';
import { gradesOf, scaleChoices, scaleText } from '../scheme';
import type { ListValidation, RangeFormat } from '../sheetSpec';
import type { FormBlock, LabelCell } from './formCells';
import { DATA_COLUMNS, MARKER_COLUMN, SCHEDULE_STATUSES } from './formLabels';
import type { CostCells, IndicatorCells } from './optionalBlocks';
import { partOneBlocks } from './partOne';
import { partTwoBlocks } from './partTwo';

export type { BlockKey, FormBlock, FormCell, FormField, LabelCell } from './formCells';
export type { CostCells, IndicatorCells } from './optionalBlocks';
export * from './formLabels';

/** The score cells of one year. */
export interface YearScoreCells {
  year: FiscalYear;
  column: number;
  /** The score cell of each criterion, by key, in the form's order. */
  scores: Record<string, string>;
  /** 合計 (or 平均), null for a plan without criteria. */
  total: string | null;
  /** 総合評価: a formula the product owns, or an input when the plan's item grade is entered. */
  grade: string;
}

/** The whole cell map of one sheet for a plan. */
export interface ProgressSheetLayout {
  /** Every block, part ① then part ②, top to bottom. */
  blocks: FormBlock[];
  /** Every fixed text of every block. */
  labels: LabelCell[];
  columnWidths: number[];
  rowHeights: Record<number, number>;
  /** Formats drawn over the blocks (the outlines of the two parts). */
  frames: RangeFormat[];
  validations: ListValidation[];
  marker: string;
  endMarker: string;
  titleOne: string;
  itemNo: string;
  checkPeriod: string;
  themeMarks: { numeral: string; mark: string; range: string }[];
  initiativeNo: string;
  initiativeName: string;
  itemName: string;
  departments: string;
  schedule: { year: FiscalYear; plan: string; status: string }[];
  activities: { index: number; number: string; year: string; plan: string; result: string }[];
  /** The plan whose title, criteria, scheme, themes and years shaped the map. */
  plan: Shape;
  scores: YearScoreCells[];
  /** Whether 総合評価 is typed by the department (else a formula). */
  gradeEntered: boolean;
  /** Per criterion key, and 'overall'. */
  reasons: Record<string, string>;
  /** The target indicators' cells ([] without targets). */
  indicators: IndicatorCells[];
  /** The cost cells per year ([] without cost). */
  cost: CostCells[];
  /** Every cell the product owns (formulas written with their values). */
  owned: string[];
  /** The era printed before the 取組終了 year (令和 for plans that end in 令和). */
  endedEra: ReturnType<typeof eraOf>;
  endedEraYear: string;
  endedMonth: string;
  titleTwo: string;
  partTwoItemNo: string;
  partTwoItemName: string;
  partTwoCheckPeriod: string;
  partTwoInitiativeNo: string;
  partTwoInitiativeName: string;
  issues: { year: FiscalYear; label: string; problem: string; solution: string }[];
  notes: string;
  /** Last row of part ① (a page break follows it) and of the sheet. */
  partOneLastRow: number;
  lastRow: number;
  /** What a full reader loads: every cell of the form and the markers. */
  readRange: string;
  printArea: string;
  /** Print scale (%) at which each part fits one A4 portrait page. */
  printScale: number;
}

const LABEL_COLUMN_WIDTH = 11;
const DATA_COLUMN_WIDTH = 6.6;
const MARKER_COLUMN_WIDTH = 4;

/** What a map is built from: the parts of a plan that shape it. */
export type Shape = Pick<Plan, 'title' | 'themes' | 'criteria' | 'scheme' | 'period'>;
const SHAPE_KEYS = ['title', 'themes', 'criteria', 'scheme', 'period'] as const;
/** Layouts already built, by plan object, with the parts they were built from. */
const built = new WeakMap<Plan, { shape: Shape; layout: ProgressSheetLayout }>();

/**
 * The cell map of the 進捗状況シート for a plan, built once per plan (plans are not changed in
 * place; a copy with other title, themes, criteria or years gets its own map).
 * @param plan - the plan (its title, themes, criteria and years shape the map)
 * @returns every cell of the form
 * @throws PlanError when the plan has more themes or years than the form can hold
 */
export function progressSheetLayout(plan: Plan): ProgressSheetLayout {
  const known = built.get(plan);
  if (known && SHAPE_KEYS.every((key) => known.shape[key] === plan[key])) return known.layout;
  const { title, themes, criteria, scheme, period } = plan;
  const shape: Shape = { title, themes, criteria, scheme, period };
  const layout = buildLayout(plan, shape);
  built.set(plan, { shape, layout });
  return layout;
}

function buildLayout(plan: Plan, shape: Shape): ProgressSheetLayout {
  const themeCount = plan.themes.length;
  if (themeCount < 1 || themeCount > DATA_COLUMNS)
    throw new PlanError(`テーマは 1〜${DATA_COLUMNS} 個にしてください (現在 ${themeCount} 個)。`, { table: 'themes' });
  if (plan.period.length < 1 || plan.period.length > MAX_PLAN_YEARS)
    throw new PlanError(`計画期間は 1〜${MAX_PLAN_YEARS} 年度にしてください (現在 ${plan.period.length} 年度)。`, {
      table: 'period',
    });

  const rowHeights: Record<number, number> = {};
  const one = partOneBlocks(plan, rowHeights);
  const two = partTwoBlocks(plan, rowHeights, one.partOneLastRow + 1);
  const blocks = [...one.blocks, ...two.blocks];
  const last = 1 + DATA_COLUMNS; // column P
  const columnWidths = [
    LABEL_COLUMN_WIDTH,
    ...Array.from({ length: DATA_COLUMNS }, () => DATA_COLUMN_WIDTH),
    MARKER_COLUMN_WIDTH,
  ];
  const frame = (top: number, bottom: number): RangeFormat => ({
    address: rangeAddress({ top, left: 1, bottom, right: last }),
    style: { outline: 'medium' },
    merge: false,
  });
  const { scheme } = plan;
  const gradeEntered = scheme.itemGrade.kind === 'entered';
  const firstScores = Object.values(one.scores[0].scores);
  const lastScores = Object.values(one.scores[one.scores.length - 1].scores);
  const notApplicable = scheme.notApplicable === null ? '' : `（評価しない項目・年度は「${scheme.notApplicable}」）`;
  const scoreValidations: ListValidation[] =
    firstScores.length === 0
      ? []
      : [
          {
            address: `${firstScores[0]}:${lastScores[lastScores.length - 1]}`,
            list: scaleChoices(scheme.scale, scheme.notApplicable),
            errorMessage: `自己評価は ${scaleText(scheme.scale)} で入力してください${notApplicable}。`,
            prompt: `${scaleText(scheme.scale)} を選んでください`,
          },
        ];
  if (gradeEntered)
    scoreValidations.push({
      address: `${one.scores[0].grade}:${one.scores[one.scores.length - 1].grade}`,
      list: gradesOf(scheme.itemGrade),
      errorMessage: `総合評価は ${gradesOf(scheme.itemGrade).join('・')} から選んでください。`,
      prompt: `${gradesOf(scheme.itemGrade).join('・')} を選んでください`,
    });
  const owned = [
    ...one.scores.flatMap((year) => [year.total, gradeEntered ? null : year.grade]),
    ...two.indicators.flatMap((indicator) => indicator.years.flatMap((year) => [year.ratio, year.achievement])),
  ].filter((address): address is string => address !== null);
  return {
    ...one,
    ...two,
    plan: shape,
    gradeEntered,
    owned,
    blocks,
    labels: blocks.flatMap((block) => block.labels),
    columnWidths,
    rowHeights,
    frames: [frame(3, one.partOneLastRow), frame(one.partOneLastRow + 3, two.lastRow)],
    validations: [
      ...scoreValidations,
      ...one.schedule.map((step) => ({
        address: step.status,
        list: [...SCHEDULE_STATUSES],
        errorMessage: '工程どおり・前倒し・遅れ から選んでください。',
      })),
      {
        address: one.endedMonth,
        list: Array.from({ length: 12 }, (_, index) => String(index + 1)),
        errorMessage: '月は 1〜12 で入力してください。',
      },
    ],
    readRange: rangeAddress({ top: 1, left: 1, bottom: two.lastRow, right: MARKER_COLUMN }),
    printArea: rangeAddress({ top: 1, left: 1, bottom: two.lastRow, right: last }),
    printScale: printScaleFor(columnWidths.slice(0, last), rowHeights, one.partOneLastRow, two.lastRow),
  };
}

/** A4 portrait printable area (points) inside the margins the writer sets. */
export const PRINTABLE_WIDTH_POINTS = 595 - 2 * 0.4 * 72;
export const PRINTABLE_HEIGHT_POINTS = 842 - 2 * 0.55 * 72;

/** The largest whole percentage at which both parts fit one page each (Excel: 7 px/char + 5 px). */
function printScaleFor(widths: number[], heights: Record<number, number>, partOneLast: number, last: number): number {
  const widthPoints = widths.reduce((sum, width) => sum + (Math.trunc(width * 7 + 5) * 3) / 4, 0);
  const rowsHeight = (from: number, to: number) => {
    let sum = 0;
    for (let row = from; row <= to; row++) sum += heights[row] ?? 15;
    return sum;
  };
  const tallest = Math.max(rowsHeight(1, partOneLast), rowsHeight(partOneLast + 1, last));
  // 0.97 leaves room for renderers whose font metrics differ a little from Excel's.
  const fit = Math.min(PRINTABLE_WIDTH_POINTS / widthPoints, PRINTABLE_HEIGHT_POINTS / tallest) * 0.97;
  return Math.max(10, Math.min(100, Math.floor(fit * 100)));
}
