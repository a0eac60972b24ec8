/**
 * The printed example (issues 5 and 10, spec §5): `shinchoku pdf` of the built-in example after
 * 「集計」. Every page A4; two pages per 進捗状況シート; one page per 取組項目 on 取組項目別の評価;
 * the summary tabs in as many pages as the report; page numbers of the printed book; no input
 * tab; and no text cut off on any page, the 進捗状況シート included (the clipped-text check of
 * clippedText.ts, which reads LibreOffice's PDF and trusts no measure of ours), none below 7 pt.
 * One conversion for the suite; page images under test-artifacts/print/example/.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExample } from '../../src/actions/template';
import { COUNCIL_SHEET_MARKER, COUNCIL_SHEET_NAME } from '../../src/core/councilSheet';
import { builtInPlan } from '../../src/core/example';
import { progressSheetName } from '../../src/core/sheet/writeProgressSheet';
import { SUMMARY_SHEET_NAMES } from '../../src/core/summaryTabs';
import { INITIATIVE_PAGE_LABELS, INITIATIVE_PAGES_SHEET_NAME } from '../../src/core/summaryTabs/initiativePages';
import { hasLibreOffice } from '../support/libreoffice';
import { formPageChecks } from './formPages';
import { isA4 } from './pdfPages';
import { failures, keepPages, pagesBySheet, printBook, PRINT_ARTIFACTS, type PrintedBook } from './printedBook';

const plan = builtInPlan();
const formSheets = new Set(plan.items.map((item) => progressSheetName(item.no, item.name)));
const ownedTabs = new Set<string>([...Object.values(SUMMARY_SHEET_NAMES), INITIATIVE_PAGES_SHEET_NAME]);

// Required, not skipped: scripts/install-system-deps.sh installs LibreOffice, and a missing one must fail.
test('LibreOffice is installed (scripts/install-system-deps.sh)', () => expect(hasLibreOffice()).toBe(true));

describe('the printed example workbook (shinchoku pdf)', () => {
  let book: PrintedBook;
  let bySheet: Map<string, number[]>;

  beforeAll(async () => {
    book = await printBook('example', (port) => createExample(port));
    bySheet = pagesBySheet(book);
    const first = (sheet: string) => bySheet.get(sheet)?.[0];
    const wanted = [...ownedTabs].flatMap((sheet) => bySheet.get(sheet)?.slice(0, 3) ?? []);
    keepPages(book, 'example', [...wanted, first(progressSheetName('1', plan.items[0].name)) ?? 1]);
    const formFailures = failures(book, (sheet) => formSheets.has(sheet));
    writeFileSync(join(PRINT_ARTIFACTS, 'example', 'form-clipped.txt'), formFailures.join('\n'));
    console.log(
      `print test (example): build ${book.timings.build} ms, LibreOffice ${book.timings.libreoffice} ms, ` +
        `check ${book.timings.check} ms, ${book.pages.length} pages; 進捗状況シート: ${formFailures.length} ` +
        `text cells cut (test-artifacts/print/example/form-clipped.txt)`,
    );
  }, 300_000);

  it('prints the cells in IPAGothic, the metric-compatible stand-in for ＭＳ ゴシック (assets/fonts)', () => {
    const fonts = spawnSync('pdffonts', [book.pdf], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/\+IPAGothic\b/);
  });

  it('prints every page on A4', () => {
    expect(book.pages.length).toBeGreaterThan(0);
    expect(book.pages.filter((page) => !isA4(page)).map((page) => page.number)).toEqual([]);
  });

  it('prints each 進捗状況シート as exactly two pages, ① then ②', () => {
    const counts = [...formSheets].map((sheet) => [sheet, bySheet.get(sheet)?.length ?? 0]);
    expect(counts.filter(([, count]) => count !== 2)).toEqual([]);
    for (const sheet of formSheets) {
      const [one, two] = bySheet.get(sheet) ?? [];
      expect([sheet, book.pages[one - 1].text]).toEqual([sheet, expect.stringContaining('進捗状況シート①')]);
      expect([sheet, book.pages[two - 1].text]).toEqual([sheet, expect.stringContaining('進捗状況シート②')]);
    }
  });

  it('prints every text of every 進捗状況シート whole, none below 7 pt on paper', () => {
    const form = formPageChecks(book, bySheet, formSheets);
    expect(failures(book, (sheet) => formSheets.has(sheet))).toEqual([]);
    expect(form.unprinted).toEqual([]);
    expect(form.checked).toBeGreaterThan(plan.items.length * 10);
    expect(form.smallest).toBeGreaterThanOrEqual(7 - 0.05);
  });

  it('prints one page per 取組項目 on 取組項目別の評価, each with its title', () => {
    const pages = bySheet.get(INITIATIVE_PAGES_SHEET_NAME) ?? [];
    expect(pages).toHaveLength(plan.initiatives.length);
    pages.forEach((page, index) => {
      const title = `${INITIATIVE_PAGE_LABELS.title}№${String(plan.initiatives[index].no).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}`;
      expect(book.pages[page - 1].text.replace(/[\s\u3000]+/g, '')).toContain(title);
    });
  });

  it('prints the summary tabs in as many pages as the published report', () => {
    expect(Object.values(SUMMARY_SHEET_NAMES).map((sheet) => [sheet, bySheet.get(sheet)?.length ?? 0])).toEqual([
      [SUMMARY_SHEET_NAMES.items, 2],
      [SUMMARY_SHEET_NAMES.initiatives, 1],
      [SUMMARY_SHEET_NAMES.themes, 1],
      [SUMMARY_SHEET_NAMES.review, 1],
    ]);
  });

  it('numbers the pages of the printed book "page / pages", with 確認時期 on each summary page', () => {
    const total = book.pages.length;
    for (const sheet of ownedTabs)
      for (const page of bySheet.get(sheet) ?? []) {
        const text = book.pages[page - 1].text;
        expect([sheet, page, text.match(/(\d+) \/ (\d+)\s*$/)?.slice(1, 3)]).toEqual([
          sheet,
          page,
          [String(page), String(total)],
        ]);
        expect([sheet, page, text.includes('確認時期')]).toEqual([sheet, page, true]);
      }
  });

  it('leaves the council input tab (審議会評価) out of the printed book', () => {
    expect(bySheet.has(COUNCIL_SHEET_NAME)).toBe(false);
    expect(book.pages.filter((page) => page.text.includes(COUNCIL_SHEET_MARKER)).map((page) => page.number)).toEqual(
      [],
    );
  });

  it('prints every text of the summary tabs and 取組項目別の評価 whole (LibreOffice PDF, no measure of ours)', () => {
    expect(failures(book, (sheet) => ownedTabs.has(sheet))).toEqual([]);
    expect(
      book.unprinted.filter((cell) => ownedTabs.has(cell.sheet)).map((cell) => `${cell.sheet}!${cell.address}`),
    ).toEqual([]);
    // The check saw every owned tab's text (a vacuous pass would see none).
    const checked = new Set(
      book.checks.filter((check) => ownedTabs.has(check.cell.sheet)).map((check) => check.cell.sheet),
    );
    expect([...checked].sort()).toEqual([...ownedTabs].sort());
  });
});
