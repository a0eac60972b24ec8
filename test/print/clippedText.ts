/**
 * The clipped-text check, which trusts no measure of ours: in a PDF of a marked workbook
 * (cellMarks.ts), each text cell's printed area is where its fill colour shows on the page image,
 * and its text is what pdftotext finds there. A cell prints whole when the words inside its area
 * end with the cell's last characters and no line of it sticks out of the area. LibreOffice draws
 * every line of a cell even when it does not fit, clipping only the drawing; pdftotext ignores the
 * clip, so a cut line shows up outside the area (or its end is missing inside).
 */
import { parseRange, type RangeBounds } from '../../src/core/address';
import { isMarkColour, type CellMarks, type MarkedCell } from './cellMarks';
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
  /** The words in the area, kept for a failed check (to look at). */
  words?: PdfWord[];
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
/** Pixels of a mark's colour hidden under glyphs that still count as one area. */
const GAP = 6;
/** How far (points) a line may reach past its area: the rounding of a 72-dpi image. */
const TOLERANCE = 1.5;
/** pdftotext's word box is 1.3 em tall for our fonts (IPA fonts' descriptor); the glyphs take the top 1.0 em. */
export const BOX_PER_EM = 1.3;

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

/** Counts the pixels of each mark colour on a page image. */
function markPixels(rgb: Buffer, width: number, height: number): Map<number, MarkPixels> {
  const pixels = new Map<number, MarkPixels>();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 3;
      const r = rgb[offset];
      // Cheap rejection first: every mark channel is a multiple of 5 in 75–250.
      if (r < 75 || r > 250 || r % 5 !== 0) continue;
      const colour = (r << 16) | (rgb[offset + 1] << 8) | rgb[offset + 2];
      if (!isMarkColour(colour)) continue;
      let entry = pixels.get(colour);
      if (!entry) {
        entry = { rows: new Uint16Array(height), columns: new Uint16Array(width), count: 0 };
        pixels.set(colour, entry);
      }
      entry.rows[y]++;
      entry.columns[x]++;
      entry.count++;
    }
  }
  return pixels;
}

/**
 * The span a mark covers along one axis: its pixels' positions grouped into runs (gaps of up to
 * GAP pixels bridged, for glyphs that cover the fill), the run with the most pixels. Stray pixels
 * of a blended colour elsewhere on the page form runs of their own and are ignored.
 */
function span(counts: Uint16Array): [number, number] | null {
  let best: [number, number] | null = null;
  let bestTotal = 0;
  let start = -1;
  let end = -1;
  let total = 0;
  const close = () => {
    if (start >= 0 && total > bestTotal) {
      best = [start, end];
      bestTotal = total;
    }
  };
  counts.forEach((count, index) => {
    if (count === 0) return;
    if (start < 0 || index - end > GAP) {
      close();
      start = index;
      total = 0;
    }
    end = index;
    total += count;
  });
  close();
  return best;
}

/**
 * The areas of the mark colours on a page image, by colour. A cell's fill covers most of its area
 * (text covers the rest); a colour that only shows in a few scattered pixels is the blend of a
 * glyph's edge with some other fill, not a cell, and is dropped.
 */
export function areasOnImage(rgb: Buffer, width: number, height: number): Map<number, Area> {
  const scale = 72 / DPI;
  const found: { colour: number; area: Area; count: number }[] = [];
  for (const [colour, pixels] of markPixels(rgb, width, height)) {
    const vertical = span(pixels.rows);
    const horizontal = span(pixels.columns);
    if (!vertical || !horizontal) continue;
    const tall = vertical[1] - vertical[0] + 1;
    const wide = horizontal[1] - horizontal[0] + 1;
    // A cell's fill covers most of its area and is a few points each way; blends are thin or sparse.
    if (tall < 3 || wide < 3 || pixels.count < 12 || pixels.count < tall * wide * 0.15) continue;
    const area = {
      left: horizontal[0] * scale,
      top: vertical[0] * scale,
      right: (horizontal[1] + 1) * scale,
      bottom: (vertical[1] + 1) * scale,
    };
    found.push({ colour, area, count: pixels.count });
  }
  // Cells never overlap: a colour found mostly inside a bigger cell's area is a blend of that
  // cell's fill and text that happens to equal some mark, not a cell.
  found.sort((a, b) => b.count - a.count);
  const areas = new Map<number, Area>();
  for (const candidate of found) {
    const size = (candidate.area.right - candidate.area.left) * (candidate.area.bottom - candidate.area.top);
    const covered = [...areas.values()].some((area) => overlap(area, candidate.area) > size / 2);
    if (!covered) areas.set(candidate.colour, candidate.area);
  }
  return areas;
}

/** The area two rectangles share. */
function overlap(a: Area, b: Area): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
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
 * Areas snapped to the sheet's grid: each area's edges are its columns' and rows' outermost edges
 * found on the page. A cell whose text starts at its left border hides that border's fill under
 * the glyphs at 72 dpi, so its own pixels place the edge too far in; the other cells of the same
 * column (or row) show where the edge is.
 */
function aligned(areas: readonly [MarkedCell, Area][]): [MarkedCell, Area][] {
  const ranges = new Map(areas.map(([cell]) => [cell.id, parseRange(cell.area)]));
  // The outermost edge that two areas agree on (to a pixel), or the only one there is: one area
  // misplaced by a stray colour cannot move a whole column.
  const edge = (side: keyof Area & keyof RangeBounds, best: typeof Math.min) => {
    const found = new Map<number, number[]>();
    for (const [cell, area] of areas) {
      const key = (ranges.get(cell.id) as RangeBounds)[side];
      found.set(key, [...(found.get(key) ?? []), area[side]]);
    }
    const edges = new Map<number, number>();
    for (const [key, values] of found) {
      const agreed = values.filter((one) => values.some((other) => other !== one && Math.abs(other - one) <= 1));
      edges.set(key, best(...(agreed.length > 0 ? agreed : values)));
    }
    return edges;
  };
  const lefts = edge('left', Math.min);
  const rights = edge('right', Math.max);
  const tops = edge('top', Math.min);
  const bottoms = edge('bottom', Math.max);
  return areas.map(([cell]) => {
    const range = ranges.get(cell.id) as RangeBounds;
    return [
      cell,
      {
        left: lefts.get(range.left) as number,
        right: rights.get(range.right) as number,
        top: tops.get(range.top) as number,
        bottom: bottoms.get(range.bottom) as number,
      },
    ];
  });
}

/**
 * The sheet a page prints. Colours repeat across sheets, so each sheet is scored by its marks
 * whose colour shows on the page and whose area holds the end of the mark's text; the best wins.
 */
function pageSheet(areas: ReadonlyMap<number, Area>, words: readonly PdfWord[], marks: CellMarks): string | null {
  let winner: string | null = null;
  let best = 0;
  for (const [sheet, own] of marks.bySheet) {
    let score = 0;
    for (const [colour, area] of areas) {
      const cell = own.get(colour);
      if (!cell || cell.kind !== 'text') continue;
      const last = [...compact(cell.text)].pop() ?? '';
      if (
        compact(
          wordsIn(words, area)
            .map((word) => word.text)
            .join(''),
        ).includes(last)
      )
        score++;
    }
    if (score > best) [winner, best] = [sheet, score];
  }
  return winner;
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
    const areas = areasOnImage(image.rgb, image.width, image.height);
    const winner = pageSheet(areas, page.words, marks);
    pageSheets.push(winner ?? pageSheets[pageSheets.length - 1] ?? null);
    const own = winner ? (marks.bySheet.get(winner) as Map<number, MarkedCell>) : new Map<number, MarkedCell>();
    const cells = [...areas].flatMap(([colour, area]): [MarkedCell, Area][] => {
      const cell = own.get(colour);
      return cell ? [[cell, area]] : [];
    });
    for (const [cell, area] of aligned(cells)) {
      if (cell.kind !== 'text') continue; // number cells only place the grid
      seen.add(cell.id);
      const words = wordsIn(page.words, area);
      const found = compact(words.map((word) => word.text).join(''));
      const expected = compact(cell.text);
      const ending = [...expected].slice(-Math.min(6, [...expected].length)).join('');
      const problem = !found.endsWith(ending)
        ? 'end-missing'
        : words.some((word) => !inside(word, area))
          ? 'outside'
          : undefined;
      checks.push({
        cell,
        page: image.number,
        area,
        found,
        ok: problem === undefined,
        ...(problem && { problem, words }),
      });
    }
  });
  return { checks, unprinted: marks.current().filter((cell) => !seen.has(cell.id)), pageSheets };
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
