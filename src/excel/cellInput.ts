/**
 * Turning CellWrites into the 2-D arrays Office.js takes, so that text stays text.
 *
 * Excel parses what `range.values`/`range.formulas` receive as if typed: "=…", "+…", "-…" and
 * `@…` become formulas, "123" and "001" become numbers, "4/1" and "4月1日" become dates,
 * "TRUE" a boolean, and a leading apostrophe is swallowed. A leading apostrophe is also Excel's
 * way to say "this is text" (it reads back without it), so text that Excel could reinterpret is
 * written with one. Plain text gets none, so cells the user later types into stay ordinary.
 */
import { parseCell, rangeAddress } from '../core/address';
import type { CellValue, CellWrite } from '../core/sheetSpec';
import type { CellInput, CellOutput } from './excelApi';
import { jsonLength } from './utf8';

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

/** Request bytes of one write beyond its grid: a range path and a `formulas` action (see ./payload). */
const WRITE_OVERHEAD_BYTES = 220;

const jsonBytes = jsonLength;

/** A band of rows stops growing at this size, so that one block always fits in a request. */
const MAX_BLOCK_BYTES = 1_000_000;

/**
 * Packs cell writes into few rectangular blocks: rows with writes that follow each other form a
 * band (up to about 1 MB of values), written as one block over the band's columns (null for the
 * cells in between) unless writing its cells one by one is smaller, as for a few cells far apart.
 * Later writes of the same cell win.
 */
export function inputBlocks(cells: readonly CellWrite[]): InputBlock[] {
  const byRow = new Map<number, Map<number, CellInput>>();
  for (const write of cells) {
    const { row, column } = parseCell(write.address);
    let line = byRow.get(row);
    if (!line) byRow.set(row, (line = new Map()));
    line.set(column, cellInput(write));
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const blocks: InputBlock[] = [];
  const rowBytes = rows.map((row) =>
    [...(byRow.get(row)?.values() ?? [])].reduce<number>((sum, input) => sum + jsonBytes([[input]]), 0),
  );
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = rowBytes[start];
    while (end + 1 < rows.length && rows[end + 1] === rows[end] + 1 && bytes + rowBytes[end + 1] <= MAX_BLOCK_BYTES)
      bytes += rowBytes[++end];
    const top = rows[start];
    const bottom = rows[end];
    let left = Infinity;
    let right = 0;
    let single = 0;
    const perCell: InputBlock[] = [];
    for (let row = top; row <= bottom; row++) {
      for (const [column, input] of byRow.get(row) ?? []) {
        left = Math.min(left, column);
        right = Math.max(right, column);
        const block = {
          address: rangeAddress({ top: row, left: column, bottom: row, right: column }),
          grid: [[input]],
        };
        perCell.push(block);
        single += WRITE_OVERHEAD_BYTES + jsonBytes(block.grid);
      }
    }
    const grid: CellInput[][] = Array.from({ length: bottom - top + 1 }, () =>
      new Array<CellInput>(right - left + 1).fill(null),
    );
    for (let row = top; row <= bottom; row++)
      for (const [column, input] of byRow.get(row) ?? []) grid[row - top][column - left] = input;
    if (perCell.length > 1 && WRITE_OVERHEAD_BYTES + jsonBytes(grid) < single)
      blocks.push({ address: rangeAddress({ top, left, bottom, right }), grid });
    else blocks.push(...perCell);
    start = end + 1;
  }
  return blocks;
}

/** Cells as the port gives them: '' is empty (null). */
export function cellsOf(values: readonly (readonly CellOutput[])[]): CellValue[][] {
  return values.map((row) => row.map((value) => (value === '' ? null : value)));
}

/** A cell as read: '' is empty (null); formula text only when the cell holds a formula. */
export function readCell(
  value: string | number | boolean,
  formula: string | number | boolean,
): { value: CellValue; formula: string | null } {
  // A text cell "=abc" reads back the same through both properties; a formula differs from its value.
  const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
  return { value: value === '' ? null : value, formula: isFormula ? formula : null };
}
