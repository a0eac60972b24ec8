/**
 * Moving a formula to another cell the way Excel fills it: relative references shift by the
 * offset, absolute ones ($A$1) stay. Needed for shared formulas, which .xlsx stores once (in the
 * top-left cell of their range) for a block of cells that Excel filled by dragging.
 */
import { columnLetters, columnNumber } from '../../core/address';

const MAX_ROW = 1048576;
const MAX_COLUMN = 16384;

/** A cell reference, a column range (A:C) or a row range (1:3), not part of a longer name. */
const REFERENCE =
  /(?<![A-Za-z0-9_.$])(?:(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7}))(?![A-Za-z0-9_(!])/g;

function shiftRow(absolute: string, row: number, by: number): string | null {
  if (absolute) return `$${row}`;
  const moved = row + by;
  return moved >= 1 && moved <= MAX_ROW ? String(moved) : null;
}

function shiftColumn(absolute: string, letters: string, by: number): string | null {
  const column = columnNumber(letters);
  if (absolute) return `$${letters.toUpperCase()}`;
  const moved = column + by;
  return moved >= 1 && moved <= MAX_COLUMN ? columnLetters(moved) : null;
}

function shiftReferences(text: string, rows: number, columns: number): string {
  return text.replace(REFERENCE, (match, ...groups: (string | undefined)[]) => {
    const [cellColumnAbs, cellColumn, cellRowAbs, cellRow, fromAbs, from, toAbs, to, topAbs, top, bottomAbs, bottom] =
      groups;
    if (cellColumn !== undefined && cellRow !== undefined) {
      const row = Number(cellRow);
      if (columnNumber(cellColumn) > MAX_COLUMN || row < 1 || row > MAX_ROW) return match;
      const column = shiftColumn(cellColumnAbs ?? '', cellColumn, columns);
      const movedRow = shiftRow(cellRowAbs ?? '', row, rows);
      return column === null || movedRow === null ? '#REF!' : `${column}${movedRow}`;
    }
    if (from !== undefined && to !== undefined) {
      if (columnNumber(from) > MAX_COLUMN || columnNumber(to) > MAX_COLUMN) return match;
      const left = shiftColumn(fromAbs ?? '', from, columns);
      const right = shiftColumn(toAbs ?? '', to, columns);
      return left === null || right === null ? '#REF!' : `${left}:${right}`;
    }
    if (top !== undefined && bottom !== undefined) {
      const upper = shiftRow(topAbs ?? '', Number(top), rows);
      const lower = shiftRow(bottomAbs ?? '', Number(bottom), rows);
      return upper === null || lower === null ? '#REF!' : `${upper}:${lower}`;
    }
    return match;
  });
}

/**
 * A formula moved by an offset: relative references shift, absolute ones stay; text in double
 * quotes and sheet names in single quotes are left alone.
 * @param formula - the formula text, without "="
 * @param rows - rows to move down (negative: up)
 * @param columns - columns to move right (negative: left)
 * @returns the moved formula (a reference moved off the sheet becomes #REF!)
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  // Split into quoted strings ("…" with "" inside, '…' sheet names with '' inside) and the rest.
  const pieces = formula.split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/);
  return pieces.map((piece, index) => (index % 2 === 1 ? piece : shiftReferences(piece, rows, columns))).join('');
}
