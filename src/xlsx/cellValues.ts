/**
 * Cell values between ExcelJS and the port: reading normalises ExcelJS's many value shapes to the
 * port's string | number | boolean | null; writing turns a CellWrite into an ExcelJS value.
 */

import type { Cell, CellValue as ExcelValue } from 'exceljs';
import type { CellValue, CellWrite } from '../core/sheetSpec';

/** A cell as the port reads it. */
export interface ReadCell {
  value: CellValue;
  formula: string | null;
}

const EMPTY: ReadCell = { value: null, formula: null };

/**
 * Reads a cell the way the port promises: merged cells other than the top-left one, and empty
 * cells, read as null; a formula cell reads its cached result and its formula with "=".
 * @param cell - the cell, or undefined when ExcelJS has none there
 * @returns its value and formula
 */
export function readCell(cell: Cell | undefined): ReadCell {
  if (!cell || isHiddenMergedCell(cell)) return EMPTY;
  const raw = cell.value;
  if (isObject(raw) && ('formula' in raw || 'sharedFormula' in raw)) {
    // Cell.formula translates a shared formula to this cell's position.
    const formula = cell.formula;
    return { value: plainValue(raw.result), formula: formula ? `=${formula}` : null };
  }
  return { value: plainValue(raw), formula: null };
}

/**
 * Whether a cell is part of a merged area but not its top-left cell.
 * @param cell - an ExcelJS cell
 * @returns true for the cells a merge hides
 */
export function isHiddenMergedCell(cell: Cell): boolean {
  return cell.isMerged && cell.master.address !== cell.address;
}

/**
 * Normalises one ExcelJS value (not a formula) to a port value.
 * @param raw - the ExcelJS value or formula result
 * @returns string, number, boolean or null
 */
export function plainValue(raw: ExcelValue | unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw === '' ? null : raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return isoDate(raw);
  if (isObject(raw)) {
    if ('error' in raw && typeof raw.error === 'string') return raw.error;
    if ('richText' in raw && Array.isArray(raw.richText)) return richText(raw.richText) || null;
    if ('text' in raw) {
      // A hyperlink: its text may itself be rich text.
      const text = raw.text;
      if (typeof text === 'string') return text || null;
      if (isObject(text) && 'richText' in text && Array.isArray(text.richText)) return richText(text.richText) || null;
    }
  }
  return null;
}

/**
 * The ExcelJS value for a CellWrite. Strings are always string cells, so that user text such as
 * "=abc" or "+1" never becomes a formula.
 * @param write - the cell write
 * @returns the value to assign to `cell.value`
 */
export function excelValue(write: CellWrite): ExcelValue {
  const value = write.value === undefined || write.value === '' ? null : write.value;
  if (write.formula) {
    return value === null ? { formula: write.formula } : { formula: write.formula, result: value };
  }
  return value;
}

function richText(runs: unknown[]): string {
  return runs.map((run) => (isObject(run) && typeof run.text === 'string' ? run.text : '')).join('');
}

function isoDate(date: Date): string {
  const iso = date.toISOString();
  // Dates without a time of day read as "2024-03-31"; ExcelJS gives them as UTC midnight.
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
