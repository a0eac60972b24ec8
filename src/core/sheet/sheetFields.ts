/**
 * Between the cell map's fields and a sheet's content: the value each cell is written with, and
 * where a text read from a cell goes. One place, so that writing and reading cannot drift apart.
 */
import { checkPeriodLabel, ERAS } from '../fiscalYear';
import { codeCellValue } from '../itemCode';
import { toFullWidth } from '../japanese';
import type { CellValue } from '../sheetSpec';
import type { FormField } from './formCells';
import type { ProgressSheetData } from './progressSheetData';
import type { ProgressSheetLayout } from './progressSheetLayout';

/** The ○ printed under a theme the item belongs to. */
export const THEME_MARK = '○';

/** The field kinds `setText` stores. */
export type TextField = Extract<
  FormField,
  {
    kind:
      | 'schedulePlan'
      | 'scheduleStatus'
      | 'activityYear'
      | 'activityPlan'
      | 'activityResult'
      | 'reason'
      | 'issueProblem'
      | 'issueSolution'
      | 'notes';
  }
>;

/**
 * The value a cell of the form is written with (owned 合計/総合評価 cells are written by
 * `computedCells`, and give null here).
 * @param field - what the cell holds
 * @param data - the sheet's content
 * @param layout - the cell map (for the era of 取組終了)
 * @returns the value, or null for an empty cell
 */
export function fieldValue(field: FormField, data: ProgressSheetData, layout: ProgressSheetLayout): CellValue {
  switch (field.kind) {
    case 'label':
      return field.text;
    case 'itemNo':
      return codeCellValue(data.itemNo);
    case 'checkYear':
      return checkPeriodLabel(data.checkYear);
    case 'themeMark':
      return data.themes.includes(field.numeral) ? THEME_MARK : null;
    case 'initiativeNo':
      return `№${toFullWidth(data.initiativeNo)}`;
    case 'initiativeName':
      return data.initiativeName;
    case 'itemName':
      return data.itemName;
    case 'departments':
      return data.departments.join('、');
    case 'score':
      return data.scores[field.year]?.[field.criterion] ?? null;
    case 'endedYear':
      return data.ended ? endedYearValue(data.ended.year, layout) : null;
    case 'endedMonth':
      return data.ended ? data.ended.month : null;
    case 'total':
    case 'grade':
      return null;
    default:
      return textOf(field, data);
  }
}

/**
 * Stores a text read from a cell in the sheet's content.
 * @param field - what the cell holds
 * @param data - the content being read (changed)
 * @param text - the text read
 */
export function setText(field: TextField, data: ProgressSheetData, text: string): void {
  switch (field.kind) {
    case 'schedulePlan':
      data.schedule[field.year] = { ...data.schedule[field.year], plan: text };
      return;
    case 'scheduleStatus':
      data.schedule[field.year] = { ...data.schedule[field.year], status: text };
      return;
    case 'activityYear':
    case 'activityPlan':
    case 'activityResult': {
      const key = field.kind === 'activityYear' ? 'year' : field.kind === 'activityPlan' ? 'plan' : 'result';
      data.activities[field.index] = { ...data.activities[field.index], [key]: text };
      return;
    }
    case 'reason':
      data.reasons[field.key] = text;
      return;
    case 'issueProblem':
      data.issues[field.year] = { ...data.issues[field.year], problem: text };
      return;
    case 'issueSolution':
      data.issues[field.year] = { ...data.issues[field.year], solution: text };
      return;
    case 'notes':
      data.notes = text;
  }
}

/**
 * Whether a field is free text a department types.
 * @param field - a field of the map
 * @returns true for the text inputs
 */
export function isTextField(field: FormField): field is TextField {
  return TEXT_KINDS.has(field.kind);
}

const TEXT_KINDS = new Set<FormField['kind']>([
  'schedulePlan',
  'scheduleStatus',
  'activityYear',
  'activityPlan',
  'activityResult',
  'reason',
  'issueProblem',
  'issueSolution',
  'notes',
]);

function textOf(field: FormField, data: ProgressSheetData): string | null {
  switch (field.kind) {
    case 'schedulePlan':
      return data.schedule[field.year]?.plan || null;
    case 'scheduleStatus':
      return data.schedule[field.year]?.status || null;
    case 'activityYear':
      return data.activities[field.index]?.year || null;
    case 'activityPlan':
      return data.activities[field.index]?.plan || null;
    case 'activityResult':
      return data.activities[field.index]?.result || null;
    case 'reason':
      return data.reasons[field.key] || null;
    case 'issueProblem':
      return data.issues[field.year]?.problem || null;
    case 'issueSolution':
      return data.issues[field.year]?.solution || null;
    case 'notes':
      return data.notes || null;
    default:
      return null;
  }
}

/** The 取組終了 year cell: the era year as a number in the printed era, else with its era ("平成30"). */
function endedYearValue(calendarYear: number, layout: ProgressSheetLayout): string | number {
  if (calendarYear > layout.endedEra.offset) return calendarYear - layout.endedEra.offset;
  const era = ERAS.find((candidate) => calendarYear > candidate.offset) ?? ERAS[ERAS.length - 1];
  return `${era.name}${calendarYear - era.offset}`;
}
