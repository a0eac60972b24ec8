/**
 * Demo mode in a real browser (headless Debian Chromium through playwright-core): a new user
 * opens the demo, clicks 集計, sees the progress and the result card, and the summary tabs hold
 * the engine's figures (test/golden/example-R3.summary.json, the same as `shinchoku aggregate`);
 * a score typed wrong shows up in 入力チェック and clicking it moves the selection there;
 * 「ブックをダウンロード」 saves an .xlsx the ExcelJS port can read back. Screenshots go to
 * test-artifacts/e2e/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readWorkbook } from '../../src/actions/readWorkbook';
import { builtInPlan } from '../../src/core/example';
import { yearCode } from '../../src/core/fiscalYear';
import { toFullWidth } from '../../src/core/japanese';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { progressSheetName } from '../../src/core/sheet/writeProgressSheet';
import type { SummaryJson } from '../../src/core/summaryJson';
import { SUMMARY_SHEET_NAMES } from '../../src/core/summaryTabs';
import { ITEM_TAB_COLUMNS, ITEM_TAB_FIRST_ROW } from '../../src/core/summaryTabs/itemTab';
import { THEME_TAB_COLUMNS, THEME_TAB_FIRST_ROW } from '../../src/core/summaryTabs/themeTab';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { startDemoServer, type DemoServer } from './demoServer';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve(__dirname, '../../test-artifacts/e2e');
const golden = JSON.parse(readFileSync(resolve(__dirname, '../golden/example-R3.summary.json'), 'utf8')) as SummaryJson;

/** A block of cell values of a sheet of the demo's fake workbook, as Excel would show them. */
async function cellValues(
  page: Page,
  sheet: string,
  top: number,
  left: number,
  bottom: number,
  right: number,
): Promise<unknown[][]> {
  return page.evaluate(
    ({ sheet, top, left, bottom, right }) => {
      const demo = window.__shinchokuDemo;
      if (!demo) throw new Error('no demo');
      const target = demo.fake.sheet(sheet);
      const rows: unknown[][] = [];
      for (let row = top; row <= bottom; row++) {
        const values: unknown[] = [];
        for (let column = left; column <= right; column++) values.push(demo.fake.cellValue(target, row, column));
        rows.push(values);
      }
      return rows;
    },
    { sheet, top, left, bottom, right },
  );
}

/** Empty cells read "" or null. */
function plain(value: unknown): unknown {
  return value === '' || value === undefined ? null : value;
}

/** Grades print full-width (Ｂ), as on the form. */
function grade(value: string | null): string | null {
  return value === null ? null : toFullWidth(value);
}

/** A grade with ↑/↓ where it changed since the previous year (Ａ is best), as 実践項目別 prints it. */
function gradeWithMark(value: string | null, previous: string | null): string | null {
  if (value === null) return null;
  const order = 'ABCD';
  const mark =
    previous === null || previous === value ? '' : order.indexOf(value) < order.indexOf(previous) ? '↑' : '↓';
  return `${grade(value)}${mark}`;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

describe('demo mode in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    // Fail, never skip: the setup script installs Debian's chromium.
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} がありません。scripts/install-system-deps.sh で chromium を入れてください。`);
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startDemoServer();
    timings.build = server.buildMs;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    page.on('pageerror', (error) => console.error('ページのエラー:', error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    console.log(`e2e timings (ms): ${JSON.stringify(timings)}`);
  });

  test('opens as a labelled demo with the example workbook and no office.js', async () => {
    const started = Date.now();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(server.url);
    await page.getByTestId('demo-banner').getByText('デモ（Excel なし・組み込みの例）').waitFor();
    await page.getByTestId('aggregate-button').waitFor({ timeout: 60_000 });
    await page.getByTestId('info-plan').getByText('行政創革プラン', { exact: false }).waitFor({ timeout: 30_000 });
    timings.open = Date.now() - started;
    const sheets = await page.evaluate(
      () => window.__shinchokuDemo?.fake.state.sheets.map((sheet) => sheet.name) ?? [],
    );
    const plan = builtInPlan();
    expect(sheets).toEqual(expect.arrayContaining(plan.items.map((item) => progressSheetName(item.no, item.name))));
    expect(sheets).not.toContain('Sheet1');
    expect(await page.getByTestId('info-year').textContent()).toBe('令和３年度末');
    expect(requests.filter((url) => !url.startsWith(new URL(server.url).origin))).toEqual([]);
    await shot(page, '01-opened');
  });

  test('集計 shows progress, then the result card, and the summary tabs hold the engine figures', async () => {
    // Record every progress text the pane shows (the run is quick; a poll could miss it).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progressSeen: string[] }).__progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="progress"]')?.textContent;
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const started = Date.now();
    await page.getByTestId('aggregate-button').click();
    const card = page.getByTestId('result-card');
    await card.waitFor({ timeout: 60_000 });
    timings.aggregate = Date.now() - started;
    const progress = await page.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen);
    expect(progress.some((text) => /シートを確認中（\d+ \/ \d+）/.test(text))).toBe(true);
    expect(progress.some((text) => text.includes('キャンセル'))).toBe(true);
    await shot(page, '02-aggregated');

    expect(await page.getByTestId('result-items').textContent()).toBe(
      `実践項目 ${golden.items.length} 件（今年度の評価 ${golden.counts.active} 件）`,
    );
    for (const grade of ['A', 'B', 'C', 'D'] as const) {
      expect(await page.getByTestId(`grade-${grade}`).locator('span').first().textContent()).toBe(
        String(golden.counts.grades[grade]),
      );
    }

    // テーマ別・評価集計: every figure of every row.
    const c = THEME_TAB_COLUMNS;
    const themeRows = await cellValues(
      page,
      SUMMARY_SHEET_NAMES.themes,
      THEME_TAB_FIRST_ROW,
      1,
      THEME_TAB_FIRST_ROW + golden.themes.length - 1,
      c.council,
    );
    expect(themeRows.map((row) => row.map(plain))).toEqual(
      golden.themes.map((theme) => {
        const row: unknown[] = Array.from({ length: c.council }, () => null);
        row[c.numeral - 1] = theme.numeral;
        row[c.name - 1] = themeRows[golden.themes.indexOf(theme)][c.name - 1];
        row[c.initiativeCount - 1] = theme.initiativeCount;
        row[c.itemCount - 1] = theme.itemCount;
        ['progress', 'cooperation', 'efficiency', 'creativity'].forEach(
          (key, index) => (row[c.firstAverage - 1 + index] = theme.averages?.[key as 'progress'] ?? null),
        );
        row[c.total - 1] = theme.total;
        row[c.grade - 1] = grade(theme.grade);
        row[c.council - 1] = theme.councilAverage;
        return row;
      }),
    );

    // 取組状況一覧【実践項目別】: 合計 and 総合評価 of all 70 items.
    const i = ITEM_TAB_COLUMNS;
    const itemRows = await cellValues(
      page,
      SUMMARY_SHEET_NAMES.items,
      ITEM_TAB_FIRST_ROW,
      1,
      ITEM_TAB_FIRST_ROW + golden.items.length - 1,
      i.grade,
    );
    expect(itemRows.map((row) => [row[i.itemNo - 1], plain(row[i.total - 1]), plain(row[i.grade - 1])])).toEqual(
      golden.items.map((item) => [Number(item.no), item.total, gradeWithMark(item.grade, item.previousGrade)]),
    );

    // The item sheets got 合計/総合評価 (item 7: 1・3・3・3 = 10, graded Ｂ).
    const plan = builtInPlan();
    const cells = progressSheetLayout(plan).scores.find((year) => yearCode(year.year) === golden.year);
    const seven = plan.items.find((item) => item.no === '7');
    if (!cells || !seven) throw new Error('layout');
    const total = await page.evaluate(
      ({ sheet, total, grade }) => {
        const demo = window.__shinchokuDemo;
        if (!demo) throw new Error('no demo');
        const target = demo.fake.sheet(sheet);
        const at = (address: string) => {
          const match = /^([A-Z]+)(\d+)$/.exec(address);
          if (!match) throw new Error(address);
          const column = [...match[1]].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
          return demo.fake.cellValue(target, Number(match[2]), column);
        };
        return [at(total), at(grade)];
      },
      { sheet: progressSheetName(seven.no, seven.name), total: cells.total!, grade: cells.grade },
    );
    expect(total).toEqual([10, 'Ｂ']);

    // A link of the card opens the tab.
    await card.getByRole('button', { name: SUMMARY_SHEET_NAMES.themes }).click();
    await page.locator(`[data-testid="sheet-grid"][data-sheet="${SUMMARY_SHEET_NAMES.themes}"]`).waitFor();
    await shot(page, '03-theme-tab');
  });

  test('a wrong score shows in 入力チェック and clicking it selects the cell', async () => {
    const plan = builtInPlan();
    const item = plan.items[0];
    const sheet = progressSheetName(item.no, item.name);
    const cell = progressSheetLayout(plan).scores.find((year) => yearCode(year.year) === golden.year)?.scores.progress;
    if (!cell) throw new Error('layout');
    await page.evaluate(({ sheet, cell }) => window.__shinchokuDemo?.fake.simulateUserEdit(sheet, cell, [[4]]), {
      sheet,
      cell,
    });
    await page.evaluate(() => window.__shinchokuDemo?.activateSheet('総評'));

    await page.getByTestId('check-button').click();
    const problem = page
      .locator('li[data-severity="error"]')
      .filter({ hasText: `${sheet}　${cell}` })
      .filter({ hasText: '範囲外' });
    await problem.waitFor({ timeout: 30_000 });
    await shot(page, '04-problems');
    await problem.getByRole('button').click();
    await page.locator(`[data-testid="sheet-grid"][data-sheet="${sheet}"] td[data-address="${cell}"]`).waitFor();
    await page.getByTestId('selection').getByText(`${sheet}!${cell}`).waitFor();
    const where = await page.evaluate(() => {
      const state = window.__shinchokuDemo?.fake.state;
      return {
        sheet: state?.sheets.find((item) => item.id === state.activeSheetId)?.name,
        selection: state?.selection,
      };
    });
    expect(where).toEqual({ sheet, selection: cell });
    await page.locator(`td[data-address="${cell}"]`).scrollIntoViewIfNeeded();
    await shot(page, '05-selected');
  });

  test('提出状況 shows the department of the wrong score (above) still filling, every other one done', async () => {
    await page.getByRole('button', { name: '提出状況' }).click();
    await page.getByTestId('status-button').click();
    // Reads every sheet in full over the fake (as 入力チェック does): allow for a loaded machine.
    await page.getByTestId('status-counts').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('status-counts').textContent()).toBe('R3: 完了 37・入力中 1・未提出 0');
    // A score out of range is not a score: the field counts as not filled yet.
    expect(await page.getByTestId('status-list').textContent()).toContain('未入力: 自己評価');
  });

  test('「ブックをダウンロード」 saves the workbook as .xlsx', async () => {
    const started = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('download-button').click(),
    ]);
    const path = await download.path();
    timings.download = Date.now() - started;
    expect(download.suggestedFilename()).toBe('進捗集計デモ.xlsx');
    const book = await XlsxWorkbook.open(readFileSync(path));
    const names = (await book.listSheets()).map((sheet) => sheet.name);
    expect(names).toEqual(expect.arrayContaining(Object.values(SUMMARY_SHEET_NAMES)));
    const c = THEME_TAB_COLUMNS;
    const [range] = await book.readRanges([
      { sheet: SUMMARY_SHEET_NAMES.themes, address: `I${THEME_TAB_FIRST_ROW}:I${THEME_TAB_FIRST_ROW}` },
    ]);
    expect(c.total).toBe(9);
    expect(range.values[0][0]).toBe(golden.themes[0].total);
  });

  test('配布 makes one book per department; 「ファイルに保存」 downloads it under the department’s name', async () => {
    await page.getByRole('button', { name: '配布' }).click();
    await page.getByTestId('split-button').click();
    const files = page.getByTestId('split-result').getByTestId('book-file');
    await files.first().waitFor({ timeout: 120_000 });
    const count = await files.count();
    expect(count).toBeGreaterThan(1);
    const first = files.first();
    const name = (await first.getByText(/\.xlsx$/).textContent()) ?? '';
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      first.getByRole('button', { name: 'ファイルに保存' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(name);
    const book = await XlsxWorkbook.open(readFileSync(await download.path()));
    const reading = await readWorkbook(book, { purpose: 'full' });
    expect(reading.sheets.length).toBeGreaterThan(0);
    expect(reading.splitRecord?.department).toBe(name.replace(/\.xlsx$/, ''));
    // No Excel in the demo: no 「Excel で開く」.
    expect(await first.getByRole('button', { name: 'Excel で開く' }).count()).toBe(0);
    await shot(page, '06-split');
  });
});
