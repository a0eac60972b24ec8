/**
 * Changes to a worksheet part made in place: the cells written (each keeps its format index),
 * and the print settings. Everything else in the part stays byte for byte as it was: the cells a
 * department typed, their formats, merges, validations (x14 ones included), drawings and whatever
 * else another program put there.
 *
 * A shared formula whose top-left (master) cell is overwritten would leave the other cells of its
 * block without a formula; those cells get their own formula, moved from the master's.
 */
import type { CellWrite, PageSetup } from '../../core/sheetSpec';
import { WORKSHEET_CHILDREN } from '../injectCharts';
import {
  applySplices,
  attributeOf,
  childNamed,
  inNamespaceOf,
  insertionPoint,
  MAIN_NS,
  scanXml,
  startTag,
} from '../xml';
import type { Splice, XmlElement } from '../xml';
import { shiftFormula } from './formulaShift';
import { cellKey, cellPosition, parseReference } from './sheetCells';
import type { CellPositions } from './sheetCells';
import { cellContent, encodeOoxmlText, pageElements } from './worksheetXml';
import { columnLetters } from '../../core/address';

/** What to change in a worksheet part. */
export interface WorksheetPatch {
  /** Cells to write, by cellKey (validated; not hidden by a merge). */
  cells: ReadonlyMap<number, CellWrite>;
  /** New print settings, or undefined to leave them. */
  page?: PageSetup;
}

interface ParsedCell {
  row: number;
  column: number;
  element: XmlElement;
  formula?: XmlElement;
}

interface ParsedRow {
  row: number;
  element: XmlElement;
  cells: ParsedCell[];
}

/**
 * A worksheet part with cells written and print settings replaced.
 * @param xml - the worksheet part
 * @param patch - what to change
 * @returns the new part
 */
export function patchWorksheet(xml: string, patch: WorksheetPatch): string {
  let root: XmlElement | undefined;
  let sheetData: XmlElement | undefined;
  const rows: ParsedRow[] = [];
  const masters = new Map<string, ParsedCell>();
  const dependents = new Map<string, ParsedCell[]>();
  let currentRow: ParsedRow | undefined;
  let currentCell: ParsedCell | undefined;
  let lastRow = 0;
  let lastColumn = 0;
  scanXml(xml, {
    open(element, depth) {
      if (depth === 0) root = element;
      else if (depth === 1) root?.children.push(element);
      else if (depth === 2 && root?.children[root.children.length - 1]?.local === 'sheetPr')
        root.children[root.children.length - 1].children.push(element);
      if (depth === 1 && element.local === 'sheetData') sheetData = element;
      if (depth === 2 && element.local === 'row' && sheetData) {
        const number = Number(attributeOf(element, 'r'));
        lastRow = Number.isInteger(number) && number > 0 ? number : lastRow + 1;
        lastColumn = 0;
        currentRow = { row: lastRow, element, cells: [] };
        rows.push(currentRow);
      } else if (depth === 3 && element.local === 'c' && currentRow) {
        const position = parseReference(attributeOf(element, 'r') ?? '');
        lastColumn = position ? position.column : lastColumn + 1;
        currentCell = { row: currentRow.row, column: lastColumn, element };
        currentRow.cells.push(currentCell);
      } else if (depth === 4 && element.local === 'f' && currentCell) {
        currentCell.formula = element;
      }
    },
    close(element, depth) {
      if (depth !== 4 || element.local !== 'f' || !currentCell) return;
      const index = attributeOf(element, 'si');
      if (attributeOf(element, 't') !== 'shared' || index === undefined) return;
      if (attributeOf(element, 'ref') !== undefined) masters.set(index, currentCell);
      else {
        const list = dependents.get(index);
        if (list) list.push(currentCell);
        else dependents.set(index, [currentCell]);
      }
    },
  });
  if (!root || !sheetData) throw new Error('not a worksheet part');
  const splices: Splice[] = [];
  if (patch.cells.size > 0) writeCells(sheetData, rows, patch.cells, splices);
  keepSharedFormulas(masters, dependents, patch.cells, splices);
  if (patch.page) setPage(root, patch.page, splices);
  return applySplices(xml, splices);
}

function newCell(row: number, column: number, write: CellWrite, style: string | undefined, prefix: string): string {
  const { type, children } = cellContent(write);
  const reference = `${columnLetters(column)}${row}`;
  const s = style === undefined ? '' : ` s="${style}"`;
  const markup = children ? `<c r="${reference}"${s}${type}>${children}</c>` : `<c r="${reference}"${s}/>`;
  return prefix ? markup.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}$2`) : markup;
}

function prefixOf(element: XmlElement): string {
  return element.name.slice(0, element.name.length - element.local.length);
}

/**
 * Cells replaced at the positions recorded when the part was read, without parsing it again:
 * only when every write replaces a cell element that exists (keeping its format) and the part has
 * no shared formulas; otherwise null, and patchWorksheet does the whole job.
 * @param xml - the worksheet part, unchanged since its positions were recorded
 * @param positions - where its cell elements are
 * @param writes - cells to write, by cellKey
 * @returns the new part, or null
 */
export function replaceCellsAt(
  xml: string,
  positions: CellPositions,
  writes: ReadonlyMap<number, CellWrite>,
): string | null {
  if (positions.sharedFormulas) return null;
  const splices: Splice[] = [];
  for (const [key, write] of writes) {
    const found = cellPosition(positions, key);
    if (!found) return null;
    const style = found.style < 0 ? undefined : String(found.style);
    const markup = newCell(Math.floor(key / 16385), key % 16385, write, style, positions.prefix);
    splices.push({ start: found.start, end: found.end, text: markup });
  }
  return applySplices(xml, splices);
}

function writeCells(
  sheetData: XmlElement,
  rows: ParsedRow[],
  writes: ReadonlyMap<number, CellWrite>,
  splices: Splice[],
): void {
  const byRow = new Map<number, [number, CellWrite][]>();
  for (const [key, write] of writes) {
    const row = Math.floor(key / 16385);
    const list = byRow.get(row);
    if (list) list.push([key % 16385, write]);
    else byRow.set(row, [[key % 16385, write]]);
  }
  const existingRows = new Map(rows.map((row) => [row.row, row]));
  const newRows: string[] = [];
  for (const [rowNumber, cells] of [...byRow].sort((a, b) => a[0] - b[0])) {
    cells.sort((a, b) => a[0] - b[0]);
    const row = existingRows.get(rowNumber);
    if (!row) {
      const markup = cells
        .map(([column, write]) => newCell(rowNumber, column, write, undefined, prefixOf(sheetData)))
        .join('');
      newRows.push(inNamespaceOf(`<row r="${rowNumber}">`, sheetData) + markup + inNamespaceOf('</row>', sheetData));
      continue;
    }
    const inserted: { at: number; markup: string }[] = [];
    for (const [column, write] of cells) {
      const existing = row.cells.find((cell) => cell.column === column);
      if (existing) {
        const markup = newCell(rowNumber, column, write, attributeOf(existing.element, 's'), prefixOf(sheetData));
        splices.push({ start: existing.element.start, end: existing.element.end, text: markup });
        continue;
      }
      const next = row.cells.find((cell) => cell.column > column);
      inserted.push({
        at: next ? next.element.start : row.element.closeStart,
        markup: newCell(rowNumber, column, write, undefined, prefixOf(sheetData)),
      });
    }
    if (inserted.length === 0) continue;
    // A row's spans only hint at its cells; drop them rather than keep a wrong hint.
    const open = startTag(row.element, { spans: null }, false);
    if (row.element.selfClosing) {
      const close = `</${row.element.name}>`;
      splices.push({
        start: row.element.start,
        end: row.element.end,
        text: open + inserted.map((entry) => entry.markup).join('') + close,
      });
    } else {
      splices.push({ start: row.element.start, end: row.element.openEnd, text: open });
      for (const entry of inserted) splices.push({ start: entry.at, end: entry.at, text: entry.markup });
    }
  }
  if (newRows.length === 0) return;
  // New rows go before the first existing row below them (rows stay in order).
  const rowNumbers = [...byRow.keys()].filter((row) => !existingRows.has(row)).sort((a, b) => a - b);
  if (sheetData.selfClosing) {
    const open = startTag(sheetData, {}, false);
    splices.push({
      start: sheetData.start,
      end: sheetData.end,
      text: `${open}${newRows.join('')}</${sheetData.name}>`,
    });
    return;
  }
  rowNumbers.forEach((rowNumber, index) => {
    const next = rows.find((row) => row.row > rowNumber);
    const at = next ? next.element.start : sheetData.closeStart;
    splices.push({ start: at, end: at, text: newRows[index] });
  });
}

function keepSharedFormulas(
  masters: Map<string, ParsedCell>,
  dependents: Map<string, ParsedCell[]>,
  writes: ReadonlyMap<number, CellWrite>,
  splices: Splice[],
): void {
  for (const [index, master] of masters) {
    if (!writes.has(cellKey(master.row, master.column)) || !master.formula) continue;
    for (const cell of dependents.get(index) ?? []) {
      if (writes.has(cellKey(cell.row, cell.column)) || !cell.formula) continue;
      const moved = shiftFormula(master.formula.text, cell.row - master.row, cell.column - master.column);
      const name = cell.formula.name;
      splices.push({
        start: cell.formula.start,
        end: cell.formula.end,
        text: `<${name}>${encodeOoxmlText(moved)}</${name}>`,
      });
    }
  }
}

function replaceChild(root: XmlElement, splices: Splice[], local: string, markup: string): void {
  const existing = childNamed(root, local, MAIN_NS);
  const text = inNamespaceOf(markup, root);
  if (existing) splices.push({ start: existing.start, end: existing.end, text });
  else if (text) {
    const at = insertionPoint(root, WORKSHEET_CHILDREN, local);
    splices.push({ start: at, end: at, text });
  }
}

/** Attributes of pageSetup that PageSetup sets; the others (printer settings, dpi…) are kept. */
const OWN_PAGE_ATTRIBUTES = { paperSize: null, orientation: null, scale: null, fitToWidth: null, fitToHeight: null };

function setPage(root: XmlElement, page: PageSetup, splices: Splice[]): void {
  const fresh = pageElements(page);
  const options = childNamed(root, 'printOptions', MAIN_NS);
  if (options) {
    const tag = startTag(options, { horizontalCentered: page.centerHorizontally ? '1' : null }, true);
    splices.push({ start: options.start, end: options.end, text: tag === `<${options.name}/>` ? '' : tag });
  } else replaceChild(root, splices, 'printOptions', fresh.printOptions);
  if (page.margins) replaceChild(root, splices, 'pageMargins', fresh.pageMargins);
  const setup = childNamed(root, 'pageSetup', MAIN_NS);
  if (setup) {
    const ours = /<pageSetup ([^/]*)\/>/.exec(fresh.pageSetup)?.[1] ?? '';
    const kept = startTag(setup, OWN_PAGE_ATTRIBUTES, true).replace(/\/>$/, '');
    splices.push({ start: setup.start, end: setup.end, text: `${kept} ${ours}/>` });
  } else replaceChild(root, splices, 'pageSetup', fresh.pageSetup);
  replaceChild(root, splices, 'headerFooter', fresh.headerFooter);
  replaceChild(root, splices, 'rowBreaks', fresh.rowBreaks);
  setFitToPage(root, page.fitToWidth !== undefined || page.fitToHeight !== undefined, splices);
}

function setFitToPage(root: XmlElement, fit: boolean, splices: Splice[]): void {
  const sheetPr = childNamed(root, 'sheetPr', MAIN_NS);
  if (!sheetPr) {
    if (fit) replaceChild(root, splices, 'sheetPr', '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    return;
  }
  const setUp = childNamed(sheetPr, 'pageSetUpPr', MAIN_NS);
  if (setUp) {
    splices.push({ start: setUp.start, end: setUp.openEnd, text: startTag(setUp, { fitToPage: fit ? '1' : '0' }) });
  } else if (fit) {
    const markup = inNamespaceOf('<pageSetUpPr fitToPage="1"/>', root);
    if (sheetPr.selfClosing) {
      splices.push({
        start: sheetPr.start,
        end: sheetPr.end,
        text: `${startTag(sheetPr, {}, false)}${markup}</${sheetPr.name}>`,
      });
    } else {
      const at = insertionPoint(sheetPr, ['tabColor', 'outlinePr', 'pageSetUpPr'], 'pageSetUpPr');
      splices.push({ start: at, end: at, text: markup });
    }
  }
}
