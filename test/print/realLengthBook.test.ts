/**
 * The printed book with real-length texts (issue 10): every field as long as departments really
 * write, long plan, 取組項目 and 実践項目 names, four long council comments per 取組項目; aggregated
 * and put through 印刷設定 as `shinchoku aggregate` and `shinchoku print-setup` do, then printed
 * by `shinchoku pdf`. No text of the summary tabs and 取組項目別の評価 pages is cut (the
 * clipped-text check reads LibreOffice's PDF), page numbers run through the book, the council's
 * input tab is not in it. Every 進捗状況シート prints whole on exactly two A4 pages, ① then ②, with no
 * text smaller than 7 pt on paper (the rows fit their texts; the longest sheets print at a smaller
 * scale, never below that floor).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeWorkbook } from '../../src/actions/template';
import { COUNCIL_SHEET_NAME } from '../../src/core/councilSheet';
import { progressSheetName } from '../../src/core/sheet/writeProgressSheet';
import { SUMMARY_SHEET_NAMES } from '../../src/core/summaryTabs';
import { INITIATIVE_PAGES_SHEET_NAME } from '../../src/core/summaryTabs/initiativePages';
import { realLengthWorkbookData } from '../support/realLength';
import { isA4 } from './pdfPages';
import { formPageChecks } from './formPages';
import { failures, keepPages, pagesBySheet, printBook, PRINT_ARTIFACTS, type PrintedBook } from './printedBook';

const { plan, sheets, council } = realLengthWorkbookData(2021);
const formSheets = new Set(plan.items.map((item) => progressSheetName(item.no, item.name)));
const ownedTabs = new Set<string>([...Object.values(SUMMARY_SHEET_NAMES), INITIATIVE_PAGES_SHEET_NAME]);

describe('the printed book with real-length texts (shinchoku aggregate, print-setup, pdf)', () => {
  let book: PrintedBook;
  let bySheet: Map<string, number[]>;

  beforeAll(async () => {
    book = await printBook('real-length', (port) => writeWorkbook(port, plan, 2021, sheets, council), {
      printSetup: true,
    });
    bySheet = pagesBySheet(book);
    const wanted = [...ownedTabs].flatMap((sheet) => bySheet.get(sheet)?.slice(0, 2) ?? []);
    const longest = bySheet.get(progressSheetName(plan.items[0].no, plan.items[0].name)) ?? [];
    keepPages(book, 'real-length', [...wanted, ...longest]);
    const formFailures = failures(book, (sheet) => formSheets.has(sheet));
    const formPages = [...formSheets].map((sheet) => bySheet.get(sheet)?.length ?? 0);
    writeFileSync(join(PRINT_ARTIFACTS, 'real-length', 'form-clipped.txt'), formFailures.join('\n'));
    console.log(
      `print test (real length): build ${book.timings.build} ms, LibreOffice ${book.timings.libreoffice} ms, ` +
        `check ${book.timings.check} ms, ${book.pages.length} pages. 進捗状況シート: ` +
        `${formFailures.length} text cells cut on ${new Set(formFailures.map((line) => line.split('!')[0])).size} ` +
        `sheets; pages per sheet ${Math.min(...formPages)}–${Math.max(...formPages)}; smallest text on paper ` +
        `${formPageChecks(book, bySheet, formSheets).smallest.toFixed(2)} pt (test-artifacts/print/real-length/form-clipped.txt)`,
    );
  }, 400_000);

  it('prints every page on A4', () => {
    expect(book.pages.filter((page) => !isA4(page)).map((page) => page.number)).toEqual([]);
  });

  it('prints every text of the summary tabs and 取組項目別の評価 whole: long names, long comments', () => {
    expect(failures(book, (sheet) => ownedTabs.has(sheet))).toEqual([]);
    expect(
      book.unprinted.filter((cell) => ownedTabs.has(cell.sheet)).map((cell) => `${cell.sheet}!${cell.address}`),
    ).toEqual([]);
    const comments = book.checks.filter(
      (check) => check.cell.sheet === INITIATIVE_PAGES_SHEET_NAME && check.cell.text.startsWith('・'),
    );
    expect(comments.length).toBeGreaterThanOrEqual(plan.initiatives.length * 4);
  });

  it('starts a page for every 取組項目 and keeps the long plan title whole on every summary tab', () => {
    const titles = book.checks.filter(
      (check) => ownedTabs.has(check.cell.sheet) && check.cell.address === 'A1' && check.cell.text.includes(plan.title),
    );
    expect(new Set(titles.map((check) => check.cell.sheet)).size).toBe(Object.keys(SUMMARY_SHEET_NAMES).length);
    expect(titles.filter((check) => !check.ok)).toEqual([]);
    const starts = book.checks.filter(
      (check) => check.cell.sheet === INITIATIVE_PAGES_SHEET_NAME && check.cell.text.startsWith('【取組項目別の評価】'),
    );
    expect(new Set(starts.map((check) => check.page)).size).toBe(plan.initiatives.length);
  });

  it('numbers the pages of the printed book "page / pages" after 印刷設定, every tab included', () => {
    const total = book.pages.length;
    for (const sheet of ownedTabs)
      for (const page of bySheet.get(sheet) ?? [])
        expect([sheet, page, book.pages[page - 1].text.match(/(\d+) \/ (\d+)\s*$/)?.slice(1, 3)]).toEqual([
          sheet,
          page,
          [String(page), String(total)],
        ]);
  });

  it('prints every 進捗状況シート whole on exactly two A4 pages, ① then ②, no text below 7 pt', () => {
    const form = formPageChecks(book, bySheet, formSheets);
    expect(form.notTwoPages).toEqual([]);
    expect(failures(book, (sheet) => formSheets.has(sheet))).toEqual([]);
    expect(form.unprinted).toEqual([]);
    expect(form.checked).toBeGreaterThan(plan.items.length * 20);
    expect(form.smallest).toBeGreaterThanOrEqual(7 - 0.05);
  });

  it('leaves the council input tab out of the printed book', () => {
    expect(bySheet.has(COUNCIL_SHEET_NAME)).toBe(false);
  });
});
