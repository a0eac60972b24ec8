/**
 * The printed book of a test workbook: written by the product through a marking port, aggregated
 * as the CLI does (save, open, 「集計」, save), printed by `shinchoku pdf`'s own conversion, then
 * read back: pages, words, which sheet each page belongs to, and the clipped-text check of every
 * text cell. Page images of the pages worth a look are kept under test-artifacts/print/.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { aggregate } from '../../src/actions/aggregate';
import { applyPrintSetup } from '../../src/actions/printSetup';
import { convertToPdf } from '../../src/cli/commands/pdf';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { CellMarks, MarkingWorkbook } from './cellMarks';
import { checkPrintedText, describeCheck, type PrintCheck } from './clippedText';
import { readPdf, savePageImages, type PdfPage } from './pdfPages';

/** Where print tests keep their files. */
export const PRINT_ARTIFACTS = resolve(__dirname, '../../test-artifacts/print');

/** A printed book and what was found in it. */
export interface PrintedBook extends PrintCheck {
  pdf: string;
  pages: PdfPage[];
  marks: CellMarks;
  /** Milliseconds spent writing the workbook and converting it. */
  timings: { build: number; libreoffice: number; check: number };
}

/**
 * Writes, aggregates and prints a workbook, and checks every text cell on the pages.
 * @param name - a name for its files under test-artifacts/print/
 * @param write - writes the workbook's sheets into the given (marking) port
 * @param options - `printSetup`: run 印刷設定 on the aggregated file, as `shinchoku print-setup` does, before printing
 * @returns the printed book
 */
export async function printBook(
  name: string,
  write: (port: WorkbookPort) => Promise<unknown>,
  options: { printSetup?: boolean } = {},
): Promise<PrintedBook> {
  const folder = join(PRINT_ARTIFACTS, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const marks = new CellMarks();
  let started = Date.now();
  const created = XlsxWorkbook.create();
  await write(new MarkingWorkbook(created, marks));
  const input = join(folder, `${name}.xlsx`);
  await created.save(input);
  const opened = await XlsxWorkbook.open(input);
  await aggregate(new MarkingWorkbook(opened, marks));
  let summary = join(folder, `${name}-summary.xlsx`);
  await opened.save(summary);
  if (options.printSetup) {
    const again = await XlsxWorkbook.open(summary);
    await applyPrintSetup(again);
    summary = join(folder, `${name}-printed.xlsx`);
    await again.save(summary);
  }
  const build = Date.now() - started;
  started = Date.now();
  const pdf = join(folder, `${name}.pdf`);
  writeFileSync(pdf, await convertToPdf(summary));
  const libreoffice = Date.now() - started;
  started = Date.now();
  const pages = readPdf(pdf);
  const check = checkPrintedText(pdf, pages, marks);
  const failed = check.checks.filter((each) => !each.ok);
  writeFileSync(join(folder, 'failed-checks.json'), JSON.stringify(failed, null, 1));
  return { pdf, pages, marks, ...check, timings: { build, libreoffice, check: Date.now() - started } };
}

/**
 * The pages of each sheet, in order of first appearance.
 * @param book - the printed book
 * @returns sheet name → page numbers
 */
export function pagesBySheet(book: Pick<PrintCheck, 'pageSheets'>): Map<string, number[]> {
  const result = new Map<string, number[]>();
  book.pageSheets.forEach((sheet, index) => {
    if (sheet === null) return;
    result.set(sheet, [...(result.get(sheet) ?? []), index + 1]);
  });
  return result;
}

/**
 * The failed checks on some sheets, one readable line each.
 * @param book - the printed book
 * @param sheets - which sheets
 * @returns the failures
 */
export function failures(book: PrintCheck, sheets: (sheet: string) => boolean): string[] {
  return book.checks.filter((check) => !check.ok && sheets(check.cell.sheet)).map(describeCheck);
}

/**
 * Keeps page images of the given pages (50 dpi) next to the book's files.
 * @param book - the printed book
 * @param name - the book's folder name
 * @param pages - page numbers
 */
export function keepPages(book: PrintedBook, name: string, pages: readonly number[]): void {
  savePageImages(book.pdf, pages, join(PRINT_ARTIFACTS, name), 'page');
}
