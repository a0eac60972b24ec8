/**
 * Turning CellWrites into the 2-D arrays Office.js takes, so that text stays text.
 *
 * Excel parses what `range.values`/`range.formulas` receive as if typed: "=…", "+…", "-…" and
 * "@…" become formulas, "123" and "001" become numbers, "4/1" and "4月1日" become dates,
 * "TRUE" a boolean, and a leading apostrophe is swallowed. A leading apostrophe is also Excel's
 * way to say "this is text" (it reads back without it), so text that Excel could reinterpret is
 * written with one. Plain text gets none, so cells the user later types into stay ordinary.
 */
import { parseCell, rangeAddress } from '../core/address';
import type { CellValue, CellWrite } from '../core/sheetSpec';
import type { CellInput } from './excelApi';

/** Whether Excel could read this text as something other than the same text. */
export function needsTextGuard(text: string): boolean {
  return /^[=+\-@'\s]/.test(text) || /[0-9０-９]/.test(text) || /^(true|false)$/i.test(text.trim());
}

/** The input for one cell: '' clears, formulas get their "=", risky text its apostrophe. */
export function cellInput(write: CellWrite): CellInput {
  if (write.formula !== undefined) return `=${write.formula}`;
  return valueInput(write.value ?? null);
}

export function valueInput(value: CellValue): CellInput {
  if (value === null || value === '') return '';
  if (typeof value === 'string' && needsTextGuard(value)) return `'${value}`;
  return value;
}

/** One rectangular block to write; null entries leave their cells unchanged. */
export interface InputBlock {
  address: string;
  grid: CellInput[][];
}

/**
 * Packs cell writes into few rectangular blocks: one block over the written area when it is at
 * least a quarter full, else one block per cell. Later writes of the same cell win.
 */
export function inputBlocks(cells: readonly CellWrite[]): InputBlock[] {
  const byCell = new Map<string, { row: number; column: number; input: CellInput }>();
  for (const write of cells) {
    const { row, column } = parseCell(write.address);
    byCell.set(`${row},${column}`, { row, column, input: cellInput(write) });
  }
  const entries = [...byCell.values()];
  if (entries.length === 0) return [];
  const top = Math.min(...entries.map((entry) => entry.row));
  const bottom = Math.max(...entries.map((entry) => entry.row));
  const left = Math.min(...entries.map((entry) => entry.column));
  const right = Math.max(...entries.map((entry) => entry.column));
  const area = (bottom - top + 1) * (right - left + 1);
  if (area > entries.length * 4) {
    return entries.map(({ row, column, input }) => ({ address: rangeAddress({ top: row, left: column, bottom: row, right: column }), grid: [[input]] }));
  }
  const grid: CellInput[][] = Array.from({ length: bottom - top + 1 }, () => new Array<CellInput>(right - left + 1).fill(null));
  for (const { row, column, input } of entries) grid[row - top][column - left] = input;
  return [{ address: rangeAddress({ top, left, bottom, right }), grid }];
}

/** A cell as read: '' is empty (null); formula text only when the cell holds a formula. */
export function readCell(value: string | number | boolean, formula: string | number | boolean): { value: CellValue; formula: string | null } {
  // A text cell "=abc" reads back the same through both properties; a formula differs from its value.
  const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
  return { value: value === '' ? null : value, formula: isFormula ? formula : null };
}
