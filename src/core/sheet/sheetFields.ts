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
      | 'indicatorName'
      | 'indicatorUnit'
      | 'issueProblem'
      | 'issueSolution'
      | 'notes';
  }
>;

/**
 * The value a cell of the form is written with (owned cells — 合計, 総合評価, 達成率,
 * 達成度 — are written by `computedCells`, and give null here).
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
    case 'enteredGrade':
      return data.grades[field.year] ?? null;
    case 'target':
      return data.indicators[field.index]?.target[field.year] ?? null;
    case 'actual':
      return data.indicators[field.index]?.actual[field.year] ?? null;
    case 'budget':
      return data.cost[field.year]?.budget ?? null;
    case 'settlement':
      return data.cost[field.year]?.settlement ?? null;
    case 'endedYear':
      return data.ended ? endedYearValue(data.ended.year, layout) : null;
    case 'endedMonth':
      return data.ended ? data.ended.month : null;
    case 'total':
    case 'grade':
    case 'ratio':
    case 'achievement':
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
  // TEXTS[field.kind] takes this kind of field; TypeScript cannot relate the two through the union.
  (TEXTS[field.kind] as TextAccess<TextField>).set(data, field, text);
}

/**
 * Whether a field is free text a department types.
 * @param field - a field of the map
 * @returns true for the text inputs
 */
export function isTextField(field: FormField): field is TextField {
  return field.kind in TEXTS;
}

/** Where each kind of text lives in a sheet's content. */
interface TextAccess<F> {
  get(data: ProgressSheetData, field: F): string;
  set(data: ProgressSheetData, field: F, text: string): void;
}
type TextOf<K extends TextField['kind']> = Extract<TextField, { kind: K }>;

/** A text of a per-year record (工程表, 取組上の課題等). */
function yearly(
  records: (data: ProgressSheetData) => Record<number, Record<string, string>>,
  key: string,
): TextAccess<{ year: number }> {
  return {
    get: (data, field) => records(data)[field.year]?.[key] ?? '',
    set: (data, field, text) => void (records(data)[field.year] = { ...records(data)[field.year], [key]: text }),
  };
}

/** A text of a 取組内容 row. */
function activity(key: 'year' | 'plan' | 'result'): TextAccess<{ index: number }> {
  return {
    get: (data, field) => data.activities[field.index]?.[key] ?? '',
    set: (data, field, text) => void (data.activities[field.index] = { ...data.activities[field.index], [key]: text }),
  };
}

/** The name or unit of a target indicator. */
function indicator(key: 'name' | 'unit'): TextAccess<{ index: number }> {
  return {
    get: (data, field) => data.indicators[field.index]?.[key] ?? '',
    set: (data, field, text) => {
      const entry = data.indicators[field.index];
      if (entry) entry[key] = text;
    },
  };
}

const TEXTS: { [K in TextField['kind']]: TextAccess<TextOf<K>> } = {
  schedulePlan: yearly((data) => data.schedule, 'plan'),
  scheduleStatus: yearly((data) => data.schedule, 'status'),
  activityYear: activity('year'),
  activityPlan: activity('plan'),
  activityResult: activity('result'),
  reason: {
    get: (data, field) => data.reasons[field.key] ?? '',
    set: (data, field, text) => void (data.reasons[field.key] = text),
  },
  indicatorName: indicator('name'),
  indicatorUnit: indicator('unit'),
  issueProblem: yearly((data) => data.issues, 'problem'),
  issueSolution: yearly((data) => data.issues, 'solution'),
  notes: { get: (data) => data.notes, set: (data, _field, text) => void (data.notes = text) },
};

function textOf(field: FormField, data: ProgressSheetData): string | null {
  return isTextField(field) ? (TEXTS[field.kind] as TextAccess<TextField>).get(data, field) || null : null;
}

/** The 取組終了 year cell: the era year as a number in the printed era, else with its era ("平成30"). */
function endedYearValue(calendarYear: number, layout: ProgressSheetLayout): string | number {
  if (calendarYear > layout.endedEra.offset) return calendarYear - layout.endedEra.offset;
  const era = ERAS.find((candidate) => calendarYear > candidate.offset) ?? ERAS[ERAS.length - 1];
  return `${era.name}${calendarYear - era.offset}`;
}
