/**
 * The printed workbook (issue 5, spec §5): LibreOffice's PDF export of the built-in example after
 * 「集計」 has exactly two A4 pages per 進捗状況シート (① then ②), one A4 page per 取組項目 on the
 * 取組項目別の評価 sheet, and the summary tabs on A4. One conversion for the whole suite; pages are
 * attributed to sheets by their text (pdftotext separates pages with form feeds). Page images of a
 * few pages are kept under test-artifacts/print/ to look at.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { aggregate } from '../../src/actions/aggregate';
import { createExample } from '../../src/actions/template';
import { builtInPlan } from '../../src/core/example';
import { SUMMARY_SHEET_NAMES } from '../../src/core/summaryTabs';
import { INITIATIVE_PAGE_LABELS } from '../../src/core/summaryTabs/initiativePages';
import { createWorkbookFile, openWorkbookFile } from '../../src/xlsx/workbookFile';
import { convertWithLibreOffice, hasLibreOffice } from '../support/libreoffice';

const ARTIFACTS = resolve(__dirname, '../../test-artifacts/print');
const plan = builtInPlan();

interface PdfPage {
  number: number;
  text: string;
  width: number;
  height: number;
}

/** Every page's text and size: one pdftotext and one pdfinfo call. */
function readPdf(pdf: string): PdfPage[] {
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (text.status !== 0) throw new Error(`pdftotext failed: ${text.stderr}`);
  const texts = text.stdout.split('\f');
  const count = Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
  const sizes = spawnSync('pdfinfo', ['-f', '1', '-l', String(count), pdf], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  }).stdout;
  const pages: PdfPage[] = [];
  for (const match of sizes.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)) {
    const number = Number(match[1]);
    pages.push({ number, text: texts[number - 1] ?? '', width: Number(match[2]), height: Number(match[3]) });
  }
  return pages;
}

/** A4 in points, either orientation, to the rounding of the PDF. */
function isA4(page: PdfPage): boolean {
  const [short, long] = [Math.min(page.width, page.height), Math.max(page.width, page.height)];
  return Math.abs(short - 595.3) < 1.5 && Math.abs(long - 841.9) < 1.5;
}

/** Which sheet a page begins, from its text; null for a continuation page. */
function pageStart(text: string): string | null {
  const one = /【.*進捗状況シート①】/.test(text) ? /^\s*(\d+)\s+【/m.exec(text) : null;
  if (one) return `item:${one[1]}:1`;
  const two = /【.*進捗状況シート②】/.test(text) ? /小№\s+(\d+)/.exec(text) : null;
  if (two) return `item:${two[1]}:2`;
  const initiative = new RegExp(`${INITIATIVE_PAGE_LABELS.title}\\s*№([０-９]+)`).exec(text);
  if (initiative)
    return `initiative:${initiative[1].replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10))}`;
  const compact = text.replace(/[\s\u3000]+/g, '');
  for (const name of Object.values(SUMMARY_SHEET_NAMES))
    if (compact.includes(`${plan.title}${name}`)) return `tab:${name}`;
  if (text.includes('【審議会評価】')) return 'tab:審議会評価';
  return null;
}

// Required, not skipped: scripts/install-system-deps.sh installs LibreOffice, and a missing one must fail.
const run = describe;
test('LibreOffice is installed (scripts/install-system-deps.sh)', () => expect(hasLibreOffice()).toBe(true));

run('the printed example workbook (LibreOffice PDF)', () => {
  let pages: PdfPage[] = [];
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    let started = Date.now();
    const example = createWorkbookFile();
    await createExample(example);
    const examplePath = join(ARTIFACTS, 'example.xlsx');
    await example.save(examplePath);
    const book = await openWorkbookFile(examplePath);
    await aggregate(book);
    const summaryPath = join(ARTIFACTS, 'example-summary.xlsx');
    await book.save(summaryPath);
    timings.build = Date.now() - started;
    started = Date.now();
    const pdf = await convertWithLibreOffice(summaryPath, 'pdf', ARTIFACTS);
    timings.libreoffice = Date.now() - started;
    pages = readPdf(pdf);
    // A few pages to look at: summary tab 1, the first 取組項目 page, item 1's two pages.
    const keep = (predicate: (text: string) => boolean) => pages.find((page) => predicate(page.text))?.number;
    const wanted = [
      keep((text) => pageStart(text) === `tab:${SUMMARY_SHEET_NAMES.items}`),
      keep((text) => pageStart(text) === `tab:${SUMMARY_SHEET_NAMES.themes}`),
      keep((text) => pageStart(text) === 'initiative:1'),
      keep((text) => pageStart(text) === 'item:1:1'),
      keep((text) => pageStart(text) === 'item:1:2'),
    ].filter((page): page is number => page !== undefined);
    for (const page of wanted)
      spawnSync('pdftoppm', ['-r', '40', '-png', '-f', String(page), '-l', String(page), pdf, join(ARTIFACTS, 'page')]);
    console.log(`print test: build ${timings.build} ms, LibreOffice ${timings.libreoffice} ms, ${pages.length} pages`);
  }, 300_000);

  it('prints every page on A4', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((page) => !isA4(page)).map((page) => page.number)).toEqual([]);
  });

  it('prints each 進捗状況シート as exactly two pages, ① then ②', () => {
    const perItem = new Map<number, string[]>();
    let current: string | null = null;
    for (const page of pages) {
      const start = pageStart(page.text);
      if (start?.startsWith('item:')) {
        const [, no, part] = start.split(':');
        perItem.set(Number(no), [...(perItem.get(Number(no)) ?? []), part]);
        current = start;
      } else if (start !== null) {
        current = start;
      } else if (current?.startsWith('item:')) {
        // A page that starts nothing after an item page: the sheet spilled onto a third page.
        const no = Number(current.split(':')[1]);
        perItem.set(no, [...(perItem.get(no) ?? []), 'extra']);
      }
    }
    expect(perItem.size).toBe(plan.items.length);
    const wrong = [...perItem].filter(([, parts]) => parts.join(',') !== '1,2');
    expect(wrong).toEqual([]);
  });

  it('prints one page per 取組項目 on the 取組項目別の評価 sheet', () => {
    const starts = pages.map((page) => pageStart(page.text));
    for (const initiative of plan.initiatives) {
      const index = starts.indexOf(`initiative:${initiative.no}`);
      expect([initiative.no, index >= 0]).toEqual([initiative.no, true]);
      // The next page starts another sheet or page: nothing spilled.
      expect([initiative.no, starts[index + 1] ?? 'end']).not.toEqual([initiative.no, null]);
    }
    expect(starts.filter((start) => start?.startsWith('initiative:'))).toHaveLength(plan.initiatives.length);
  });

  it('prints the summary tabs with 確認時期 and page numbers', () => {
    for (const name of Object.values(SUMMARY_SHEET_NAMES)) {
      const first = pages.find((page) => pageStart(page.text) === `tab:${name}`);
      expect([name, first !== undefined]).toEqual([name, true]);
      expect(first?.text).toContain('確認時期');
      expect(first?.text).toMatch(/\d+ \/ \d+/);
    }
  });
});
