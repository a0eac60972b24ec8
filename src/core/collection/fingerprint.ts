/**
 * Fingerprints: short, stable hashes that tell whether two things are the same (a plan, the input
 * cells of a sheet). Not for security: 64 bits of two FNV-1a variants, enough that two different
 * plans or sheets of one municipality never meet by chance.
 */
import type { Plan } from '../plan';
import type { CellValue } from '../sheetSpec';

/**
 * The fingerprint of a text: 16 hexadecimal digits.
 * @param text - any text (hashed as UTF-16 code units)
 * @returns the fingerprint
 */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
  }
  const hex = (value: number) => (value >>> 0).toString(16).padStart(8, '0');
  return `${hex(a)}${hex(b)}`;
}

/**
 * A cell value as text that keeps its type ("n:2", "s:2", "b:true", "-" for empty), so that the
 * number 2 and the text "2" differ.
 * @param value - a cell value
 * @returns the typed text
 */
export function typedValue(value: CellValue): string {
  if (value === null || value === '') return '-';
  return `${typeof value === 'number' ? 'n' : typeof value === 'boolean' ? 'b' : 's'}:${String(value)}`;
}

/**
 * The fingerprint of a plan: what identifies it, whatever its title (a title is retyped, and two
 * plans may share one). Its years, criteria, themes, the 大№ of its 取組項目 with their themes, and
 * the 小№ of its 実践項目 with their 大№; names, departments and 取組終了 are left out, so that a
 * corrected name or an item that ends does not make it another plan.
 * @param plan - the plan
 * @returns 16 hexadecimal digits
 */
export function planFingerprint(plan: Plan): string {
  return fingerprint(
    JSON.stringify([
      plan.period,
      plan.criteria.map((criterion) => [criterion.key, criterion.label]),
      plan.themes.map((theme) => theme.numeral),
      plan.initiatives.map((initiative) => [initiative.no, initiative.themes]),
      plan.items.map((item) => [item.no, item.initiative]),
    ]),
  );
}
