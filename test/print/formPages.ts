/**
 * The printed 進捗状況シート of a book, read off LibreOffice's PDF: the sheets not printed as exactly
 * two pages (① then ②), the form's cells found on no page, and the smallest text on the form's pages
 * (each word's box is BOX_PER_EM of its size on paper).
 */
import { parseRange } from '../../src/core/address';
import { BOX_PER_EM, compact } from './clippedText';
import type { PrintedBook } from './printedBook';

/** What the form's pages show. */
export interface FormPages {
  /** Sheets not printed as two pages, ① then ②, with their page count. */
  notTwoPages: string[];
  /** Text cells of the print area found on no page. */
  unprinted: string[];
  /** Text cells checked on the form's pages. */
  checked: number;
  /** The smallest text on the form's pages, in points on paper. */
  smallest: number;
}

/**
 * Reads the form's pages of a printed book.
 * @param book - the printed book
 * @param bySheet - its pages by sheet (pagesBySheet)
 * @param formSheets - the names of its 進捗状況シート
 * @param lastColumn - the last column of the form's print area (P = 16)
 * @returns what the pages show
 */
export function formPageChecks(
  book: PrintedBook,
  bySheet: Map<string, number[]>,
  formSheets: ReadonlySet<string>,
  lastColumn = 16,
): FormPages {
  const notTwoPages: string[] = [];
  let smallest = Infinity;
  for (const sheet of formSheets) {
    const pages = bySheet.get(sheet) ?? [];
    const [one, two] = pages.map((page) => compact(book.pages[page - 1].text));
    if (pages.length !== 2 || !one.includes('進捗状況シート①') || !two.includes('進捗状況シート②'))
      notTwoPages.push(`${sheet}: ${pages.length} pages`);
    for (const page of pages)
      for (const word of book.pages[page - 1].words)
        smallest = Math.min(smallest, (word.yMax - word.yMin) / BOX_PER_EM);
  }
  return {
    notTwoPages,
    unprinted: book.unprinted
      .filter((cell) => formSheets.has(cell.sheet) && cell.kind === 'text')
      .filter((cell) => parseRange(cell.area).left <= lastColumn)
      .map((cell) => `${cell.sheet}!${cell.address}`),
    checked: book.checks.filter((check) => formSheets.has(check.cell.sheet)).length,
    smallest,
  };
}
