/**
 * Marks where each text cell prints: every cell holding text gets a fill colour of its own (and
 * so does each empty cell its text may overflow into), so that the page images of a PDF show each
 * cell's printed area, whatever the scale, page breaks, repeated title rows or program. Fills
 * change no layout: the same conversion gives the areas (from the images) and the text (from the
 * PDF's words).
 *
 * Wrap a port in `MarkingWorkbook` before the product writes to it; every visible sheet put
 * through it is marked, and `marks` knows each colour's cell. Colours are unique within a sheet,
 * not across sheets (a workbook has more text cells than the palette has colours): a page is
 * first attributed to the sheet whose colours it shows most of.
 */
import { cellAddress, parseCell, parseRange, rangeAddress } from '../../src/core/address';
import type { CellStyle, PageSetup, SheetSpec } from '../../src/core/sheetSpec';
import { resolveCellFormats } from '../../src/workbook/memory';
import type { GuardOptions, PlaceOptions, ReadRequest, SheetWrite, WorkbookPort } from '../../src/workbook/port';

/** A text cell and the area it may print in (or a number cell, marked only to place the grid). */
export interface MarkedCell {
  id: number;
  sheet: string;
  /** Text cells are checked; number cells only help find where columns and rows print. */
  kind: 'text' | 'number';
  /** The cell holding the text (top-left of its merge). */
  address: string;
  /** The range its text may occupy: the merge, or the cell and the empty cells it overflows into. */
  area: string;
  text: string;
  /** The fill marking it, as 0xRRGGBB. */
  colour: number;
}

/**
 * Palette: each channel one of 36 levels 75, 80, … 250, the three levels summing to a multiple
 * of 5, and no grey (the antialiased edges of black lines and text on white paper are greys):
 * 9,324 colours. The check digit makes the glyph-edge blends of some fill with black text or white
 * paper (a fill's channels scaled together) rarely land on another mark.
 */
const LEVELS = 36;
const LOWEST = 75;
const PALETTE: number[] = (() => {
  const colours: number[] = [];
  for (let r = 0; r < LEVELS; r++)
    for (let g = 0; g < LEVELS; g++)
      for (let b = 0; b < LEVELS; b++)
        if ((r + g + b) % 5 === 0 && !(r === g && g === b))
          colours.push(((LOWEST + 5 * r) << 16) | ((LOWEST + 5 * g) << 8) | (LOWEST + 5 * b));
  // Scatter the order so that neighbouring cells differ in colour.
  return colours.map((_, index) => colours[(index * 7919) % colours.length]);
})();
const PALETTE_SET = new Set(PALETTE);

/**
 * The colour of the `index`-th marked cell of a sheet, the sheet's colours starting at `offset`.
 * @param index - 0-based mark number within its sheet
 * @param offset - the sheet's first palette entry
 * @returns 0xRRGGBB
 */
export function markColour(index: number, offset = 0): number {
  if (index >= PALETTE.length) throw new Error(`more than ${PALETTE.length} text cells to mark on one sheet`);
  return PALETTE[(index + offset) % PALETTE.length];
}

/**
 * Whether a colour is one of the palette's.
 * @param colour - 0xRRGGBB
 * @returns true for a mark colour
 */
export function isMarkColour(colour: number): boolean {
  return PALETTE_SET.has(colour);
}

/** The text cells marked so far, by mark number. */
export class CellMarks {
  readonly cells: MarkedCell[] = [];
  /** Each sheet's marks by colour. */
  readonly bySheet = new Map<string, Map<number, MarkedCell>>();
  /** Where the next sheet's colours start: sheets take consecutive runs of the palette. */
  private nextOffset = 0;

  /**
   * Marks the text cells of a sheet: the spec with fill formats added after its own.
   * @param spec - the sheet as the product writes it
   * @returns the same sheet with each text cell's area filled with its mark colour
   */
  mark(spec: SheetSpec): SheetSpec {
    if (spec.visibility === 'hidden' || spec.visibility === 'veryHidden') return spec; // never printed
    const own = new Map<number, MarkedCell>();
    this.bySheet.set(spec.name, own); // a sheet put again replaces its marks
    const offset = this.nextOffset;
    const styles = resolveCellFormats(spec.formats);
    const merges = spec.formats.filter((format) => format.merge).map((format) => parseRange(format.address));
    const occupied = new Set<string>();
    for (const cell of spec.cells) if (cell.value !== null && cell.value !== '') occupied.add(cell.address);
    for (const merge of merges)
      for (let row = merge.top; row <= merge.bottom; row++)
        for (let column = merge.left; column <= merge.right; column++) occupied.add(cellAddress(row, column));
    const lastColumn = printedColumns(spec.page) ?? Math.max(spec.columnWidths.length, 1);
    const fills: { address: string; style: CellStyle }[] = [];
    const hiddenColumns = new Set(spec.hiddenColumns ?? []);
    for (const cell of spec.cells) {
      if (hiddenColumns.has(parseCell(cell.address).column)) continue; // a hidden column is never printed
      const kind = typeof cell.value === 'string' && cell.value.trim() !== '' ? 'text' : 'number';
      if (kind === 'number' && typeof cell.value !== 'number') continue;
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
      if (kind === 'text' && !merge && !style.wrap && !style.shrinkToFit)
        area = overflowArea(area, style, occupied, lastColumn);
      const id = this.cells.length;
      const colour = markColour(own.size, offset);
      const marked: MarkedCell = {
        id,
        sheet: spec.name,
        kind,
        address: cell.address,
        area: rangeAddress(area),
        text: String(cell.value),
        colour,
      };
      this.cells.push(marked);
      own.set(colour, marked);
      const fill = { fill: `#${colour.toString(16).padStart(6, '0')}` };
      if (merge) fills.push({ address: rangeAddress(area), style: fill });
      else
        for (let column = area.left; column <= area.right; column++)
          fills.push({ address: cellAddress(area.top, column), style: fill });
    }
    this.nextOffset = (offset + own.size) % PALETTE.length;
    return { ...spec, formats: [...spec.formats, ...fills] };
  }

  /**
   * The marked cells in force: those of each sheet's last marking.
   * @returns the cells
   */
  current(): MarkedCell[] {
    return [...this.bySheet.values()].flatMap((own) => [...own.values()]).filter((cell) => cell.kind === 'text');
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
  deleteSheets(names: readonly string[], options?: GuardOptions) {
    return this.inner.deleteSheets(names, options);
  }
  setPageSetups(setups: readonly { sheet: string; page: PageSetup }[]) {
    return this.inner.setPageSetups(setups);
  }
}
