/**
 * The cells a department types, as they are: every input cell of the form travels between
 * workbooks with its type and exact value (a number stays a number, TRUE stays TRUE, spaces,
 * control characters, emoji and variation selectors stay, `４` and `a` stay so that 入力チェック can
 * still report them). Also what is not an input: text typed outside the form's cells, and template
 * cells (names, 担当部署, テーマ) a department changed, which a collection reports and never carries.
 */
import { cellAddress, parseRange, rangeAddress } from '../address';
import { yearLabel } from '../fiscalYear';
import type { Plan } from '../plan';
import type { CellValue } from '../sheetSpec';
import { CellGrid, type SheetCells } from '../sheet/cellGrid';
import type { FormCell, FormField } from '../sheet/formCells';
import { LABELS } from '../sheet/formLabels';
import type { ProgressSheetData } from '../sheet/progressSheetData';
import { progressSheetLayout, type ProgressSheetLayout } from '../sheet/progressSheetLayout';
import { fieldValue } from '../sheet/sheetFields';
import { fingerprint, typedValue } from './fingerprint';

/** The kinds of field a department types. */
const INPUT_KINDS = new Set<FormField['kind']>([
  'schedulePlan',
  'scheduleStatus',
  'activityYear',
  'activityPlan',
  'activityResult',
  'score',
  'reason',
  'endedYear',
  'endedMonth',
  'issueProblem',
  'issueSolution',
  'notes',
]);

/** Template fields the product writes from the plan (a change by a department is reported). */
const TEMPLATE_KINDS = new Set<FormField['kind']>([
  'itemNo',
  'themeMark',
  'initiativeNo',
  'initiativeName',
  'itemName',
  'departments',
]);

/** Columns and rows beyond the form that a collection reads to find text typed outside it. */
const MARGIN_COLUMNS = 13; // Q → AD
const MARGIN_ROWS = 50;

/** The carried cells of a sheet (確認時期 and the inputs): address → value (null for empty). */
export type InputValues = Map<string, CellValue>;

interface InputMap {
  inputs: FormCell[];
  /** The inputs and 確認時期: what travels between workbooks. */
  carried: FormCell[];
  templates: FormCell[];
  /** Every top-left address of the map (labels, template, inputs, owned cells). */
  known: Set<string>;
}
const maps = new WeakMap<ProgressSheetLayout, InputMap>();

function inputMap(layout: ProgressSheetLayout): InputMap {
  let map = maps.get(layout);
  if (!map) {
    const cells = layout.blocks.flatMap((block) => block.cells);
    const inputs = cells.filter((cell) => INPUT_KINDS.has(cell.field.kind));
    map = {
      inputs,
      carried: [...cells.filter((cell) => cell.field.kind === 'checkYear'), ...inputs],
      templates: cells.filter((cell) => TEMPLATE_KINDS.has(cell.field.kind)),
      known: new Set(cells.map((cell) => cell.address)),
    };
    maps.set(layout, map);
  }
  return map;
}

/**
 * The input cells of the form, in the map's order.
 * @param plan - the plan
 * @returns each input cell with its field
 */
export function inputCells(plan: Plan): readonly FormCell[] {
  return inputMap(progressSheetLayout(plan)).inputs;
}

/**
 * The range a collection reads from a returned sheet: the form and a margin right of it and
 * below it, where text typed outside the input cells is looked for.
 * @param plan - the plan
 * @returns an A1 range
 */
export function collectReadRange(plan: Plan): string {
  const form = parseRange(progressSheetLayout(plan).readRange);
  return rangeAddress({ ...form, right: form.right + MARGIN_COLUMNS, bottom: form.bottom + MARGIN_ROWS });
}

/**
 * The cells that travel between workbooks: 確認時期 (each sheet keeps its own) and every input cell.
 * @param plan - the plan
 * @returns each cell with its field
 */
export function carriedCells(plan: Plan): readonly FormCell[] {
  return inputMap(progressSheetLayout(plan)).carried;
}

/**
 * The value of every carried cell as read (values, not formulas: a formula's result is carried).
 * @param plan - the plan
 * @param cells - ranges of the sheet that cover the form
 * @returns address → value, 確認時期 first, then the inputs in the map's order
 */
export function inputValues(plan: Plan, cells: SheetCells | readonly SheetCells[]): InputValues {
  const grid = new CellGrid(cells);
  return new Map(carriedCells(plan).map((cell) => [cell.address, emptyAsNull(grid.value(cell.address))]));
}

/**
 * The fingerprint of a sheet's input cells (type and value of each), which tells whether a sheet
 * changed since it was distributed.
 * @param values - the input cells
 * @returns 16 hexadecimal digits
 */
export function inputFingerprint(values: InputValues): string {
  return fingerprint([...values].map(([address, value]) => `${address}=${typedValue(value)}`).join('\u0001'));
}

/**
 * Whether two cell values are the same value of the same type.
 * @param a - a value
 * @param b - another
 * @returns true when equal
 */
export function sameValue(a: CellValue, b: CellValue): boolean {
  return typedValue(a) === typedValue(b);
}

/** A cell that holds something where nothing of the form is, or a template cell that was changed. */
export interface StrayCell {
  address: string;
  value: CellValue;
  /** The template's value, for a changed template cell. */
  expected?: CellValue;
}

/**
 * Non-empty cells outside the form's cells (right of it, below it, or inside a merged area other
 * than its top-left cell), in the range a collection reads.
 * @param plan - the plan
 * @param cells - the sheet as read with `collectReadRange`
 * @returns the cells, row by row
 */
export function cellsOutsideForm(plan: Plan, cells: SheetCells): StrayCell[] {
  const { known } = inputMap(progressSheetLayout(plan));
  const { top, left } = parseRange(cells.address ?? 'A1');
  const found: StrayCell[] = [];
  cells.values.forEach((row, rowIndex) =>
    row.forEach((value, columnIndex) => {
      const address = cellAddress(top + rowIndex, left + columnIndex);
      if (emptyAsNull(value) !== null && !known.has(address)) found.push({ address, value });
    }),
  );
  return found;
}

/**
 * Template cells (小№, テーマ ○, 大№, names, 担当部署) whose value differs from what the template
 * writes for the item.
 * @param plan - the plan
 * @param data - the sheet's content as read (names come from the plan)
 * @param cells - the sheet as read
 * @returns the changed cells with the template's value
 */
export function changedTemplateCells(
  plan: Plan,
  data: ProgressSheetData,
  cells: SheetCells | readonly SheetCells[],
): StrayCell[] {
  const layout = progressSheetLayout(plan);
  const grid = new CellGrid(cells);
  return inputMap(layout).templates.flatMap((cell) => {
    const expected = fieldValue(cell.field, data, layout);
    const value = emptyAsNull(grid.value(cell.address));
    const same = String(value ?? '').trim() === String(expected ?? '').trim();
    return same ? [] : [{ address: cell.address, value, expected }];
  });
}

/**
 * What an input cell is, in the secretariat's words ("自己評価 進捗度（Ｒ３）", "取組内容 ③ 取組結果").
 * @param plan - the plan (criteria labels)
 * @param field - the cell's field
 * @returns a short Japanese description
 */
export function fieldName(plan: Plan, field: FormField): string {
  const criterion = (key: string) => plan.criteria.find((entry) => entry.key === key)?.label ?? LABELS.grade;
  const row = (index: number) => '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮'[index] ?? String(index + 1);
  switch (field.kind) {
    case 'schedulePlan':
      return `${LABELS.schedule.split('\n')[0]}（${yearLabel(field.year)}年度）予定`;
    case 'scheduleStatus':
      return `${LABELS.schedule.split('\n')[0]}（${yearLabel(field.year)}年度）状況`;
    case 'activityYear':
      return `${LABELS.activities} ${row(field.index)} 年度`;
    case 'activityPlan':
      return `${LABELS.activities} ${row(field.index)} 取組予定`;
    case 'activityResult':
      return `${LABELS.activities} ${row(field.index)} 取組結果`;
    case 'score':
      return `自己評価 ${criterion(field.criterion)}（${yearLabel(field.year)}）`;
    case 'reason':
      return `評価の理由（${criterion(field.key)}）`;
    case 'endedYear':
      return '取組終了（年）';
    case 'endedMonth':
      return '取組終了（月）';
    case 'issueProblem':
      return `${LABELS.issues}（${yearLabel(field.year)}）課題・問題点`;
    case 'issueSolution':
      return `${LABELS.issues}（${yearLabel(field.year)}）解決方法`;
    case 'notes':
      return LABELS.notes;
    case 'checkYear':
      return LABELS.checkPeriod;
    default:
      return field.kind;
  }
}

function emptyAsNull(value: CellValue | undefined): CellValue {
  return value === undefined || value === '' ? null : value;
}
