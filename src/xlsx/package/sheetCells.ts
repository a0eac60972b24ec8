/**
 * Cells read straight from a worksheet part with a streaming parser, as the port promises them:
 * shared strings, inline strings (rich text runs joined, phonetic runs left out), numbers,
 * booleans, errors, formulas with their cached values (shared formulas moved to each cell), and
 * null for empty cells and for the cells a merge hides. Only the cells inside the ranges asked for
 * are kept; the merges of the sheet are returned with them.
 */
import type { RangeBounds } from '../../core/address';
import type { CellValue } from '../../core/sheetSpec';
import { MergeIndex } from '../../workbook/mergeIndex';
import { scanXml } from '../xml';
import type { XmlElement } from '../xml';
import { shiftFormula } from './formulaShift';

/** A cell as the port reads it: its value and its formula with "=". */
export interface CellRead {
  value: CellValue;
  formula: string | null;
}

/**
 * Where every cell element of a worksheet part is (recorded while reading it), so that cells can
 * be replaced later without parsing the part again. Valid while the part's text is unchanged.
 */
export interface CellPositions {
  /** The prefix of the part's main-namespace elements ("" or "x:"). */
  prefix: string;
  /** Whether the part has shared formulas (replacing cells then needs the full patch). */
  sharedFormulas: boolean;
  /** Cell keys in document order (ascending in a well-formed part). */
  keys: Float64Array;
  /** Offsets of each cell element's `<` and just after its end. */
  starts: Int32Array;
  ends: Int32Array;
  /** Each cell's s attribute (-1 when it has none). */
  styles: Int32Array;
}

/** What was read of a sheet. */
export interface SheetReading {
  /** Cells inside the wanted ranges, by cellKey. */
  cells: Map<number, CellRead>;
  /** Every merged range of the sheet. */
  merges: RangeBounds[];
  /** Where every cell element is. */
  positions: CellPositions;
}

/**
 * The recorded position of a cell element.
 * @param positions - the positions of a part
 * @param key - a cellKey
 * @returns its element's offsets and style, or null when the part has no such cell element
 */
export function cellPosition(
  positions: CellPositions,
  key: number,
): { start: number; end: number; style: number } | null {
  let low = 0;
  let high = positions.keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = positions.keys[middle];
    if (found === key)
      return { start: positions.starts[middle], end: positions.ends[middle], style: positions.styles[middle] };
    if (found < key) low = middle + 1;
    else high = middle - 1;
  }
  return null;
}

/**
 * The key of a cell (the same numbering as the memory port's).
 * @param row - 1-based row
 * @param column - 1-based column
 * @returns a number unique to the cell
 */
export function cellKey(row: number, column: number): number {
  return row * 16385 + column;
}

/**
 * Text of a part with the _xHHHH_ escapes of OOXML strings decoded (how Excel stores characters
 * XML cannot hold, such as control characters).
 * @param text - the text as parsed
 * @returns the text as typed
 */
export function decodeOoxmlText(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/**
 * A string that does not keep the part it was parsed from alive. Strings the parser gives are views
 * into the part's text (for 13 characters or more), so one formula kept from each of 7,000 sheets
 * would keep all 7,000 parts in memory; a copy keeps only itself.
 * @param text - a string cut from a part
 * @returns the same text, on its own
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * Parses "AB12" (with or without "$").
 * @param reference - a cell reference
 * @returns its row and column, or null when it is not one
 */
export function parseReference(reference: string): { row: number; column: number } | null {
  let column = 0;
  let index = 0;
  for (; index < reference.length; index++) {
    let code = reference.charCodeAt(index);
    if (code === 36 && index === 0) continue; // $
    if (code >= 97 && code <= 122) code -= 32;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (reference.charCodeAt(index) === 36) index++;
  const row = Number(reference.slice(index));
  return column > 0 && index < reference.length && Number.isInteger(row) && row > 0 ? { row, column } : null;
}

/**
 * Parses "A1:C3" (or one cell).
 * @param reference - a range reference
 * @returns its bounds, or null
 */
export function parseBounds(reference: string): RangeBounds | null {
  const [first, second = first] = reference.split(':');
  const start = parseReference(first);
  const end = parseReference(second);
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

function attribute(element: XmlElement, local: string): string | undefined {
  const entry = element.byName[local];
  return entry && entry.uri === '' ? entry.value : undefined;
}

/**
 * The strings of xl/sharedStrings.xml: each <si> as its text, rich text runs joined, phonetic
 * (rPh) runs left out.
 * @param xml - the part
 * @returns the strings by index
 */
export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string[] | null = null;
  let phonetic = 0;
  scanXml(xml, {
    open(element) {
      if (element.local === 'si') current = [];
      else if (element.local === 'rPh') phonetic++;
    },
    close(element) {
      if (element.local === 'rPh') phonetic--;
      else if (element.local === 't' && current && phonetic === 0) current.push(element.text);
      else if (element.local === 'si' && current) {
        strings.push(decodeOoxmlText(current.join('')));
        current = null;
      }
    },
  });
  return strings;
}

/** A cell being read. */
interface OpenCell {
  row: number;
  column: number;
  type: string;
  value: string | null;
  formula: string | null;
  shared: { index: string; master: boolean } | null;
  inline: string[];
}

/**
 * Reads the cells of a worksheet part inside some ranges, and its merges.
 * @param xml - the worksheet part
 * @param wanted - the ranges to read
 * @param strings - the shared strings, asked for only when a shared-string cell is read
 * @returns the cells and merges
 */
export function readSheetCells(
  xml: string,
  wanted: readonly RangeBounds[],
  strings: () => readonly string[],
): SheetReading {
  const top = Math.min(...wanted.map((bounds) => bounds.top));
  const bottom = Math.max(...wanted.map((bounds) => bounds.bottom));
  const isWanted = (row: number, column: number): boolean =>
    row >= top &&
    row <= bottom &&
    wanted.some(
      (bounds) => row >= bounds.top && row <= bounds.bottom && column >= bounds.left && column <= bounds.right,
    );
  const cells = new Map<number, CellRead>();
  const merges: RangeBounds[] = [];
  const masters = new Map<string, { row: number; column: number; text: string }>();
  const dependents: { key: number; row: number; column: number; index: string }[] = [];
  let row = 0;
  let column = 0;
  let cell: OpenCell | null = null;
  let phonetic = 0;
  let prefix = '';
  let sharedFormulas = false;
  const keys: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const styles: number[] = [];
  scanXml(xml, {
    open(element, depth) {
      const local = element.local;
      if (depth === 2 && local === 'row') {
        const number = Number(attribute(element, 'r'));
        row = Number.isInteger(number) && number > 0 ? number : row + 1;
        column = 0;
      } else if (depth === 3 && local === 'c') {
        const position = parseReference(attribute(element, 'r') ?? '');
        column = position ? position.column : column + 1;
        if (position) row = position.row;
        const style = attribute(element, 's');
        keys.push(cellKey(row, column));
        starts.push(element.start);
        styles.push(style === undefined ? -1 : Number(style));
        if (keys.length === 1) prefix = element.name.slice(0, element.name.length - element.local.length);
        cell = {
          row,
          column,
          type: attribute(element, 't') ?? 'n',
          value: null,
          formula: null,
          shared: null,
          inline: [],
        };
      } else if (depth === 4 && local === 'f' && cell) {
        const index = attribute(element, 'si');
        if (attribute(element, 't') === 'shared' && index !== undefined) {
          cell.shared = { index, master: attribute(element, 'ref') !== undefined };
          sharedFormulas = true;
        }
      } else if (local === 'rPh') phonetic++;
      else if (depth === 2 && local === 'mergeCell') {
        const bounds = parseBounds(attribute(element, 'ref') ?? '');
        if (bounds) merges.push(bounds);
      }
    },
    close(element, depth) {
      const local = element.local;
      if (local === 'rPh') phonetic--;
      if (!cell) return;
      if (depth === 4 && local === 'v') cell.value = element.text;
      else if (depth === 4 && local === 'f') cell.formula = element.text;
      else if (local === 't' && depth >= 5 && phonetic === 0) cell.inline.push(element.text);
      else if (depth === 3 && local === 'c') {
        const done: OpenCell = cell;
        cell = null;
        ends.push(element.end);
        if (done.shared?.master && done.formula)
          masters.set(done.shared.index, { row: done.row, column: done.column, text: done.formula });
        if (!isWanted(done.row, done.column)) return;
        const key = cellKey(done.row, done.column);
        const value = cellValue(done, strings);
        const formula = done.formula ? ownString(`=${done.formula}`) : null;
        if (done.shared && !done.formula)
          dependents.push({ key, row: done.row, column: done.column, index: done.shared.index });
        if (value !== null || formula !== null || done.shared) cells.set(key, { value, formula });
      }
    },
  });
  for (const dependent of dependents) {
    const master = masters.get(dependent.index);
    const cellRead = cells.get(dependent.key);
    if (master && cellRead)
      cellRead.formula = `=${shiftFormula(master.text, dependent.row - master.row, dependent.column - master.column)}`;
  }
  // Like Excel, only the top-left cell of a merged area holds a value (merges found by row).
  if (merges.length > 0 && cells.size > 0) {
    const index = new MergeIndex(merges, { top, bottom });
    for (const key of [...cells.keys()]) if (index.hides(Math.floor(key / 16385), key % 16385)) cells.delete(key);
  }
  const ordered = keys.every((key, index) => index === 0 || key > keys[index - 1]);
  const positions: CellPositions = {
    prefix,
    sharedFormulas,
    // Out-of-order cells (not written by Excel) leave no positions: the full patch handles them.
    keys: Float64Array.from(ordered ? keys : []),
    starts: Int32Array.from(ordered ? starts : []),
    ends: Int32Array.from(ordered ? ends : []),
    styles: Int32Array.from(ordered ? styles : []),
  };
  return { cells, merges, positions };
}

function cellValue(cell: OpenCell, strings: () => readonly string[]): CellValue {
  const raw = cell.value;
  switch (cell.type) {
    case 's': {
      const text = raw === null ? undefined : strings()[Number(raw)];
      return text ? text : null;
    }
    case 'inlineStr': {
      const text = ownString(decodeOoxmlText(cell.inline.join('')));
      return text === '' ? null : text;
    }
    case 'str':
    case 'e':
    case 'd':
      return raw === null || raw === '' ? null : ownString(decodeOoxmlText(raw));
    case 'b':
      return raw === null || raw === '' ? null : raw === '1' || raw === 'true';
    default: {
      if (raw === null || raw.trim() === '') return null;
      const number = Number(raw);
      return Number.isFinite(number) ? number : null;
    }
  }
}
