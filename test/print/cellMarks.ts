/**
 * Marks where each text cell prints: every cell holding text gets a fill colour of its own (and
 * so does each empty cell its text may overflow into), so that the page images of a PDF show each
 * cell's printed area, whatever the scale, page breaks, repeated title rows or program. Fills
 * change no layout: the same conversion gives the areas (from the images) and the text (from the
 * PDF's words).
 *
 * Wrap a port in `MarkingWorkbook` before the product writes to it; every sheet put through it is
 * marked, and `marks` knows each colour's cell.
 */
import { cellAddress, parseCell, parseRange, rangeAddress } from '../../src/core/address';
import type { CellStyle, PageSetup, SheetSpec } from '../../src/core/sheetSpec';
import { resolveCellFormats } from '../../src/workbook/memory';
import type { PlaceOptions, ReadRequest, SheetWrite, WorkbookPort } from '../../src/workbook/port';

/** A text cell and the area it may print in. */
export interface MarkedCell {
  id: number;
  sheet: string;
  /** The cell holding the text (top-left of its merge). */
  address: string;
  /** The range its text may occupy: the merge, or the cell and the empty cells it overflows into. */
  area: string;
  text: string;
  /** The fill marking it, as 0xRRGGBB. */
  colour: number;
}

/** Palette: each channel one of 31 levels 100, 105, … 250 (29,791 colours, none of them our fills). */
const LEVELS = 31;
const PALETTE = LEVELS ** 3;

/**
 * The colour of the `id`-th marked cell: scattered over the palette so that neighbours differ.
 * @param id - 0-based mark number
 * @returns 0xRRGGBB
 */
export function markColour(id: number): number {
  if (id >= PALETTE) throw new Error(`more than ${PALETTE} text cells to mark`);
  const k = (id * 7919) % PALETTE;
  const level = (n: number) => 100 + 5 * n;
  return (level(k % LEVELS) << 16) | (level(Math.floor(k / LEVELS) % LEVELS) << 8) | level(Math.floor(k / LEVELS ** 2));
}

/**
 * The mark a colour stands for, if it is one of the palette's.
 * @param colour - 0xRRGGBB
 * @returns the mark number, or -1
 */
export function markOfColour(colour: number): number {
  const channel = (shift: number) => {
    const value = (colour >> shift) & 0xff;
    return value >= 100 && value <= 250 && value % 5 === 0 ? (value - 100) / 5 : -1;
  };
  const [r, g, b] = [channel(16), channel(8), channel(0)];
  if (r < 0 || g < 0 || b < 0) return -1;
  const k = r + LEVELS * g + LEVELS * LEVELS * b;
  // Inverse of k = id × 7919 mod PALETTE.
  return (k * INVERSE) % PALETTE;
}

/** 7919⁻¹ mod 29791, so that markOfColour undoes markColour. */
const INVERSE = (() => {
  for (let candidate = 1; candidate < PALETTE; candidate++) if ((candidate * 7919) % PALETTE === 1) return candidate;
  throw new Error('7919 is not invertible');
})();

/** The text cells marked so far, by mark number. */
export class CellMarks {
  readonly cells: MarkedCell[] = [];

  /**
   * Marks the text cells of a sheet: the spec with fill formats added after its own.
   * @param spec - the sheet as the product writes it
   * @returns the same sheet with each text cell's area filled with its mark colour
   */
  mark(spec: SheetSpec): SheetSpec {
    const styles = resolveCellFormats(spec.formats);
    const merges = spec.formats.filter((format) => format.merge).map((format) => parseRange(format.address));
    const occupied = new Set<string>();
    for (const cell of spec.cells) if (cell.value !== null && cell.value !== '') occupied.add(cell.address);
    for (const merge of merges)
      for (let row = merge.top; row <= merge.bottom; row++)
        for (let column = merge.left; column <= merge.right; column++) occupied.add(cellAddress(row, column));
    const lastColumn = printedColumns(spec.page) ?? Math.max(spec.columnWidths.length, 1);
    const fills: { address: string; style: CellStyle }[] = [];
    for (const cell of spec.cells) {
      if (typeof cell.value !== 'string' || cell.value.trim() === '') continue;
      const position = parseCell(cell.address);
      const merge = merges.find(
        (range) =>
          position.row >= range.top &&
          position.row <= range.bottom &&
          position.column >= range.left &&
          position.column <= range.right,
      );
      if (merge && (merge.top !== position.row || merge.left !== position.column)) continue; // hidden by the merge
      let area = merge ?? { top: position.row, bottom: position.row, left: position.column, right: position.column };
      const style = styles.get(cell.address) ?? {};
      if (!merge && !style.wrap && !style.shrinkToFit) area = overflowArea(area, style, occupied, lastColumn);
      const id = this.cells.length;
      const colour = markColour(id);
      this.cells.push({
        id,
        sheet: spec.name,
        address: cell.address,
        area: rangeAddress(area),
        text: cell.value,
        colour,
      });
      const fill = { fill: `#${colour.toString(16).padStart(6, '0')}` };
      if (merge) fills.push({ address: rangeAddress(area), style: fill });
      else
        for (let column = area.left; column <= area.right; column++)
          fills.push({ address: cellAddress(area.top, column), style: fill });
    }
    return { ...spec, formats: [...spec.formats, ...fills] };
  }

  /**
   * The marked cell of a colour.
   * @param colour - 0xRRGGBB
   * @returns the cell, or undefined when the colour marks none
   */
  ofColour(colour: number): MarkedCell | undefined {
    const id = markOfColour(colour);
    return id >= 0 ? this.cells[id] : undefined;
  }
}

/** The last printed column of a sheet with a print area, or null. */
function printedColumns(page: PageSetup | undefined): number | null {
  return page?.printArea ? parseRange(page.printArea).right : null;
}

/** A text that does not wrap may run over empty neighbours: right when left-aligned, left when right-aligned, both when centred. */
function overflowArea(
  cell: { top: number; bottom: number; left: number; right: number },
  style: CellStyle,
  occupied: ReadonlySet<string>,
  lastColumn: number,
): { top: number; bottom: number; left: number; right: number } {
  const free = (column: number) => column >= 1 && column <= lastColumn && !occupied.has(cellAddress(cell.top, column));
  let { left, right } = cell;
  const horizontal = style.horizontal ?? 'left';
  if (horizontal !== 'right') while (free(right + 1)) right++;
  if (horizontal !== 'left') while (free(left - 1)) left--;
  return { ...cell, left, right };
}

/** A port that marks every sheet put through it, then hands it on. */
export class MarkingWorkbook implements WorkbookPort {
  constructor(
    readonly inner: WorkbookPort,
    readonly marks: CellMarks = new CellMarks(),
  ) {}
  listSheets() {
    return this.inner.listSheets();
  }
  readRanges(requests: readonly ReadRequest[]) {
    return this.inner.readRanges(requests);
  }
  writeCells(writes: readonly SheetWrite[]) {
    return this.inner.writeCells(writes);
  }
  putSheets(specs: readonly SheetSpec[], options?: PlaceOptions) {
    return this.inner.putSheets(
      specs.map((spec) => this.marks.mark(spec)),
      options,
    );
  }
  deleteSheets(names: readonly string[]) {
    return this.inner.deleteSheets(names);
  }
  setPageSetups(setups: readonly { sheet: string; page: PageSetup }[]) {
    return this.inner.setPageSetups(setups);
  }
}
