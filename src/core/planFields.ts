/**
 * Readers of the fields of plan data (the JSON form, or a table read from a workbook): each records
 * a problem with its place and gives a usable fallback, so that one pass finds every problem.
 */
import { parseItemCode, type ItemCode } from './itemCode';
import { normalizeInput } from './japanese';
import type { PlanChecker, PlanPlace, PlanTable } from './planError';

const SAME_SHAPE = 'assets/plan/plan.json と同じ形で書いてください。';

/**
 * An object, or null (recorded) when the value is something else.
 * @param check - where problems go
 * @param value - the value
 * @param what - its name in messages
 * @param at - its place
 * @returns the record or null
 */
export function record(
  check: PlanChecker,
  value: unknown,
  what: string,
  at: PlanPlace,
): Record<string, unknown> | null {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  check.error(`${what}の形式が正しくありません。`, at, SAME_SHAPE);
  return null;
}

/**
 * A list, or [] (recorded) when the value is not one.
 * @param check - where problems go
 * @param value - the value
 * @param what - its name in messages
 * @param at - its place
 * @returns the entries
 */
export function list(check: PlanChecker, value: unknown, what: string, at: PlanPlace): unknown[] {
  if (Array.isArray(value)) return value;
  check.error(`${what}は一覧で書いてください。`, at, SAME_SHAPE);
  return [];
}

/**
 * A non-empty text (numbers are taken as text), trimmed; '' (recorded) when empty.
 * @param check - where problems go
 * @param value - the value
 * @param what - its name in messages
 * @param at - its place
 * @returns the text
 */
export function text(check: PlanChecker, value: unknown, what: string, at: PlanPlace): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  check.error(`${what}が空です。`, at, `${what}を書いてください。`);
  return '';
}

/**
 * A text that may be absent.
 * @param value - the value
 * @returns the trimmed text, or '' when absent
 */
export function optionalText(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
}

/**
 * An item code (小№, 大№); null (recorded) when it cannot be read.
 * @param check - where problems go
 * @param value - the value
 * @param what - its name in messages
 * @param at - its place
 * @returns the code or null
 */
export function code(check: PlanChecker, value: unknown, what: string, at: PlanPlace): ItemCode | null {
  const parsed = parseItemCode(value);
  if (parsed === null)
    check.error(
      `${what}「${String(value ?? '')}」が読み取れません。`,
      at,
      '12、8101、1-①-1 のような番号を書いてください（空欄や小数は使えません）。',
    );
  return parsed;
}

/** Limits of a number field. */
export interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
  /** Decimal places allowed (default any). */
  places?: number;
}

/**
 * A number (typed as a number or as text such as "２" or "2.5"); null (recorded) when it is not one
 * or breaks a limit.
 * @param check - where problems go
 * @param value - the value
 * @param what - its name in messages
 * @param at - its place
 * @param rule - limits
 * @returns the number or null
 */
export function number(
  check: PlanChecker,
  value: unknown,
  what: string,
  at: PlanPlace,
  rule: NumberRule = {},
): number | null {
  const typed = typeof value === 'number' ? value : typeof value === 'string' ? Number(normalizeInput(value)) : NaN;
  const shown = String(value ?? '');
  const limits = [
    rule.integer ? '整数' : rule.places !== undefined ? `小数第 ${rule.places} 位までの数` : '数',
    rule.min !== undefined && rule.max !== undefined ? `（${rule.min}〜${rule.max}）` : '',
    rule.min !== undefined && rule.max === undefined ? `（${rule.min} 以上）` : '',
  ].join('');
  const wrong =
    (typeof value === 'string' && value.trim() === '') ||
    !Number.isFinite(typed) ||
    (rule.integer && !Number.isInteger(typed)) ||
    (rule.places !== undefined && Math.round(typed * 10 ** rule.places) !== typed * 10 ** rule.places) ||
    (rule.min !== undefined && typed < rule.min) ||
    (rule.max !== undefined && typed > rule.max);
  if (!wrong) return typed;
  check.error(`${what}「${shown || '空欄'}」は${limits}ではありません。`, at, `${what}には${limits}を書いてください。`);
  return null;
}

/**
 * Each row of a table of the plan as a record (rows that are not records are recorded and skipped),
 * with a function naming the place of a field.
 * @param check - where problems go
 * @param value - the table (a list)
 * @param what - its name in messages
 * @param table - its place
 * @param read - reads one row
 * @returns the rows read
 */
export function rows<T>(
  check: PlanChecker,
  value: unknown,
  what: string,
  table: PlanTable,
  read: (row: Record<string, unknown>, at: (field: string) => PlanPlace, index: number) => T,
): T[] {
  return list(check, value, what, { table }).flatMap((entry, index) => {
    const row = record(check, entry, `${what} ${index + 1}`, { table, index });
    return row ? [read(row, (field) => ({ table, index, field }), index)] : [];
  });
}

/**
 * Records every entry whose key repeats an earlier one's.
 * @param check - where problems go
 * @param entries - the entries, in table order (with their row index)
 * @param key - what must be unique ('' is skipped: already reported as empty)
 * @param what - its name in messages
 * @param at - the place of an entry
 */
export function unique<T>(
  check: PlanChecker,
  entries: readonly T[],
  key: (entry: T) => string,
  what: string,
  at: (entry: T, index: number) => PlanPlace,
): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const value = key(entry);
    if (value === '') return;
    if (seen.has(value))
      check.error(
        `${what}「${value}」が重複しています。`,
        at(entry, index),
        `${what}はそれぞれ別の番号にしてください。`,
      );
    seen.add(value);
  });
}
