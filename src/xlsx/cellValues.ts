/**
 * Cell values between ExcelJS and the port: reading normalises ExcelJS's many value shapes to the
 * port's string | number | boolean | null; writing turns a CellWrite into an ExcelJS value.
 */

import type { Cell, CellValue as ExcelValue, Worksheet } from 'exceljs';
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

/**
 * Characters a cell text may hold that XML cannot (C0 controls other than tab and line feed, and
 * DEL, which ExcelJS drops on save), and the start of a literal "_xHHHH_": .xlsx stores both as
 * _xHHHH_ escapes (ECMA-376 ST_Xstring), which Excel and ExcelJS decode on read. A carriage
 * return is one of them: an XML reader turns CR LF and a lone CR into LF (as Excel writes it).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const UNSTORABLE = /[\u0000-\u0008\u000b-\u001f\u007f]|_x(?=[0-9A-Fa-f]{4}_)/g;

/**
 * A text as .xlsx must store it so that it reads back unchanged (BEL → _x0007_).
 * @param text - a cell text
 * @returns the escaped text (the same string when nothing needs escaping)
 */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, (match) =>
    match === '_x' ? '_x005F_x' : `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/**
 * Escapes every cell text of some worksheets that ExcelJS would change on save (control characters
 * a department typed must survive), and gives back a function that restores the values.
 * @param worksheets - the worksheets about to be written
 * @returns the restore function
 */
export function escapeUnstorableTexts(worksheets: readonly Worksheet[]): () => void {
  const changed: { cell: Cell; value: ExcelValue }[] = [];
  const test = new RegExp(UNSTORABLE.source);
  for (const worksheet of worksheets) {
    worksheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (isHiddenMergedCell(cell)) return; // it shows its master's value, escaped once
        const value = cell.value;
        if (typeof value === 'string' && test.test(value)) {
          changed.push({ cell, value });
          cell.value = storableText(value);
        } else if (isObject(value) && 'richText' in value && Array.isArray(value.richText)) {
          const runs = value.richText as { text: string }[];
          if (!runs.some((run) => typeof run.text === 'string' && test.test(run.text))) return;
          changed.push({ cell, value });
          const richText = runs.map((run) => ({ ...run, text: storableText(run.text) }));
          cell.value = { ...(value as object), richText } as ExcelValue;
        }
      }),
    );
  }
  return () => {
    for (const { cell, value } of changed.reverse()) cell.value = value;
  };
}
