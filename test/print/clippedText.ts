/**
 * The clipped-text check, which trusts no measure of ours: in a PDF of a marked workbook
 * (cellMarks.ts), each text cell's printed area is where its fill colour shows on the page image,
 * and its text is what pdftotext finds there. A cell prints whole when the words inside its area
 * end with the cell's last characters and no line of it sticks out of the area. LibreOffice draws
 * every line of a cell even when it does not fit, clipping only the drawing; pdftotext ignores the
 * clip, so a cut line shows up outside the area (or its end is missing inside).
 */
import { parseRange } from '../../src/core/address';
import type { CellMarks, MarkedCell } from './cellMarks';
import { forEachPageImage, type PdfPage, type PdfWord } from './pdfPages';

/** A rectangle on a page, in points from the top-left. */
export interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How one printed occurrence of a cell came out. */
export interface CellCheck {
  cell: MarkedCell;
  page: number;
  area: Area;
  /** The words found in the area, in reading order, spaces removed. */
  found: string;
  ok: boolean;
  /** Why not: its last characters are missing, or a line of it lies outside the area. */
  problem?: 'end-missing' | 'outside';
}

/** The result over a whole PDF. */
export interface PrintCheck {
  checks: CellCheck[];
  /** Marked cells found on no page (outside the print area, hidden, or not printed at all). */
  unprinted: MarkedCell[];
  /** The sheet each page belongs to (by the marks on it; a page without marks continues the previous sheet). */
  pageSheets: (string | null)[];
}

/** Resolution of the page images: one pixel per point. */
const DPI = 72;
/** How far (points) a line may reach past its area: the rounding of a 72-dpi image. */
const TOLERANCE = 1.5;
/** pdftotext's word box is 1.3 em tall for our fonts (IPA fonts' descriptor); the glyphs take the top 1.0 em. */
const BOX_PER_EM = 1.3;

/** Removes what pdftotext does not keep: spaces and line breaks. */
export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** A mark's pixels on a page: per-row and per-column counts and the total. */
interface MarkPixels {
  rows: Uint16Array;
  columns: Uint16Array;
  count: number;
}

/** Counts each mark's pixels on a page image. */
function markPixels(rgb: Buffer, width: number, height: number, marks: CellMarks): Map<number, MarkPixels> {
  const pixels = new Map<number, MarkPixels>();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 3;
      const r = rgb[offset];
      // Cheap rejection first: every mark channel is a multiple of 5 in 100–250.
      if (r < 100 || r > 250 || r % 5 !== 0) continue;
      const cell = marks.ofColour((r << 16) | (rgb[offset + 1] << 8) | rgb[offset + 2]);
      if (!cell) continue;
      let entry = pixels.get(cell.id);
      if (!entry) {
        entry = { rows: new Uint16Array(height), columns: new Uint16Array(width), count: 0 };
        pixels.set(cell.id, entry);
      }
      entry.rows[y]++;
      entry.columns[x]++;
      entry.count++;
    }
  }
  return pixels;
}

/** The span of indexes whose count is at least `least`, or null. */
function span(counts: Uint16Array, least: number): [number, number] | null {
  let first = -1;
  let last = -1;
  counts.forEach((count, index) => {
    if (count >= least) {
      if (first < 0) first = index;
      last = index;
    }
  });
  return first < 0 ? null : [first, last];
}

/**
 * The areas of the marks on a page image. A cell's fill covers most of its area (text covers the
 * rest); a colour that only shows in a few scattered pixels is the blend of a glyph's edge with
 * some other fill, not a cell, and is dropped.
 */
function areasOnImage(rgb: Buffer, width: number, height: number, marks: CellMarks): Map<number, Area> {
  const scale = 72 / DPI;
  const areas = new Map<number, Area>();
  for (const [id, pixels] of markPixels(rgb, width, height, marks)) {
    const vertical = span(pixels.rows, 2);
    const horizontal = span(pixels.columns, 2);
    if (!vertical || !horizontal) continue;
    const box = (vertical[1] - vertical[0] + 1) * (horizontal[1] - horizontal[0] + 1);
    if (pixels.count < 12 || pixels.count < box * 0.3) continue;
    areas.set(id, {
      left: horizontal[0] * scale,
      top: vertical[0] * scale,
      right: (horizontal[1] + 1) * scale,
      bottom: (vertical[1] + 1) * scale,
    });
  }
  return areas;
}

/** The words whose centre lies in an area, in reading order. */
function wordsIn(words: readonly PdfWord[], area: Area): PdfWord[] {
  return words
    .filter((word) => {
      const x = (word.xMin + word.xMax) / 2;
      const y = (word.yMin + word.yMax) / 2;
      return x >= area.left && x <= area.right && y >= area.top && y <= area.bottom;
    })
    .sort((a, b) => (Math.abs(a.yMin - b.yMin) > 2 ? a.yMin - b.yMin : a.xMin - b.xMin));
}

/** Whether a word's glyphs (its box less the part below the em) lie inside an area. */
function inside(word: PdfWord, area: Area): boolean {
  const glyphBottom = word.yMin + (word.yMax - word.yMin) / BOX_PER_EM;
  return (
    word.xMin >= area.left - TOLERANCE &&
    word.xMax <= area.right + TOLERANCE &&
    word.yMin >= area.top - TOLERANCE &&
    glyphBottom <= area.bottom + TOLERANCE
  );
}

/**
 * Checks every marked cell of a PDF made from a marked workbook.
 * @param pdf - the PDF's path
 * @param pages - its pages (readPdf)
 * @param marks - the marks the workbook was written with
 * @returns every printed occurrence of every marked cell, the unprinted ones, and each page's sheet
 */
export function checkPrintedText(pdf: string, pages: readonly PdfPage[], marks: CellMarks): PrintCheck {
  const checks: CellCheck[] = [];
  const seen = new Set<number>();
  const pageSheets: (string | null)[] = [];
  forEachPageImage(pdf, pages.length, DPI, (image) => {
    const page = pages[image.number - 1];
    const areas = areasOnImage(image.rgb, image.width, image.height, marks);
    const votes = new Map<string, number>();
    for (const [id, area] of areas) {
      const sheet = marks.cells[id].sheet;
      votes.set(sheet, (votes.get(sheet) ?? 0) + (area.right - area.left) * (area.bottom - area.top));
    }
    const winner = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
    pageSheets.push(winner ?? pageSheets[pageSheets.length - 1] ?? null);
    for (const [id, area] of areas) {
      const cell = marks.cells[id];
      if (cell.sheet !== winner) continue; // a page prints one sheet; other colours are blends
      seen.add(id);
      const words = wordsIn(page.words, area);
      const found = compact(words.map((word) => word.text).join(''));
      const expected = compact(cell.text);
      const ending = [...expected].slice(-Math.min(6, [...expected].length)).join('');
      const problem = !found.endsWith(ending)
        ? 'end-missing'
        : words.some((word) => !inside(word, area))
          ? 'outside'
          : undefined;
      checks.push({ cell, page: image.number, area, found, ok: problem === undefined, ...(problem && { problem }) });
    }
  });
  return { checks, unprinted: marks.cells.filter((cell) => !seen.has(cell.id)), pageSheets };
}

/**
 * A readable line per failed check, for messages and reports.
 * @param check - a failed check
 * @returns "sheet!A1 (p. 3): end-missing: …found… ≠ …expected…"
 */
export function describeCheck(check: CellCheck): string {
  const rows = parseRange(check.cell.area);
  const expected = compact(check.cell.text);
  return (
    `${check.cell.sheet}!${check.cell.address} (${rows.top === rows.bottom ? 'row' : 'rows'} ` +
    `${rows.top}${rows.top === rows.bottom ? '' : `–${rows.bottom}`}, p. ${check.page}): ${check.problem}: ` +
    `printed …${[...check.found].slice(-12).join('')} / text …${[...expected].slice(-12).join('')}`
  );
}
