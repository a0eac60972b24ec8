/**
 * What the summary tabs become through each port (issue 10): the テーマ別 charts — the averages
 * (0–3), 合計 (0–12) and the council average (1–5) each on a chart and axis of its own, the theme
 * names (not Ⅰ–Ⅶ) as categories — in the .xlsx file (DrawingML parts) and through Office.js (over
 * the fake Excel); and through Office.js, the row heights that fit the texts of real-length names
 * and comments, and the 進捗状況シート's fitted rows and print scale with real-length texts.
 * (「集計」 puts these same specs; test/golden and src/actions cover that path.)
 */
import JSZip from 'jszip';
import { parseRange } from '../../src/core/address';
import { builtInPlan } from '../../src/core/example';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { writeProgressSheet } from '../../src/core/sheet/writeProgressSheet';
import type { SheetSpec } from '../../src/core/sheetSpec';
import { buildSummaryTabs, SUMMARY_SHEET_NAMES } from '../../src/core/summaryTabs';
import { buildInitiativePages } from '../../src/core/summaryTabs/initiativePages';
import { textCells } from '../../src/core/text';
import { FakeExcel } from '../../src/demo/fakeExcel';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { exampleSummary } from '../golden/exampleEvaluations';
import { realLengthSummary, realLengthWorkbookData } from '../support/realLength';

const plan = builtInPlan();
const themeTab = buildSummaryTabs(exampleSummary(2021), plan)[2];
const officeWorkbook = (fake: FakeExcel) =>
  new OfficeWorkbook({ run: fake.run, requirements: fake.requirements, sleep: async () => undefined });
const sheet = SUMMARY_SHEET_NAMES.themes;
const names = plan.themes.map((theme) => theme.name);
const ref = (column: string) => `'${sheet}'!$${column}$4:$${column}$10`;

/** What a chart part says, read from its XML. */
interface ChartContent {
  direction: string | undefined;
  title: string | undefined;
  categories: string[];
  categoryCache: string[];
  series: { name: string; values: string }[];
  bounds: (string | undefined)[];
}

function read(xml: string): ChartContent {
  const all = (pattern: RegExp) => [...xml.matchAll(pattern)].map((match) => match[1]);
  const values = (tag: string) =>
    [...xml.matchAll(new RegExp(`<c:${tag}>([\\s\\S]*?)</c:${tag}>`, 'g'))].map(
      (match) => /<c:f>([^<]*)<\/c:f>/.exec(match[1])?.[1].replace(/&apos;/g, "'") ?? '',
    );
  const firstCategory = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(xml)?.[1] ?? '';
  const names = all(/<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/g);
  return {
    direction: /<c:barDir val="(\w+)"\/>/.exec(xml)?.[1],
    title: /<a:t>([^<]*)<\/a:t>/.exec(xml)?.[1],
    categories: [...new Set(values('cat'))],
    categoryCache: [...firstCategory.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((match) => match[1]),
    series: values('val').map((values, index) => ({ name: names[index], values })),
    bounds: [
      /<c:min val="([\d.]+)"\/>/.exec(xml)?.[1],
      /<c:max val="([\d.]+)"\/>/.exec(xml)?.[1],
      /<c:majorUnit val="([\d.]+)"\/>/.exec(xml)?.[1],
    ],
  };
}

describe('テーマ別 charts in the .xlsx file', () => {
  let charts: ChartContent[];

  beforeAll(async () => {
    const book = XlsxWorkbook.create();
    await book.putSheets([themeTab]);
    const zip = await JSZip.loadAsync(await book.toBuffer());
    const parts = Object.keys(zip.files)
      .filter((path) => /^xl\/charts\/chart\d+\.xml$/.test(path))
      .sort();
    charts = await Promise.all(parts.map(async (path) => read(await zip.file(path)!.async('string'))));
  }, 120_000);

  it('draws three bar charts: averages, 合計 and the council average, each on its own axis', () => {
    expect(charts.map((chart) => [chart.title, chart.direction, chart.bounds])).toEqual([
      ['テーマ別　自己評価の平均（0〜3）', 'bar', ['0', '3', '0.5']],
      ['テーマ別　合計（0〜12）', 'bar', ['0', '12', '2']],
      ['テーマ別　審議会評価平均（1〜5）', 'bar', ['0', '5', '1']],
    ]);
  });

  it('takes the theme names as categories and the table columns as series', () => {
    for (const chart of charts) {
      expect(chart.categories).toEqual([ref('B')]);
      expect(chart.categoryCache).toEqual(names);
    }
    expect(charts[0].series).toEqual([
      { name: '進捗度', values: ref('E') },
      { name: '連携度', values: ref('F') },
      { name: '効率性', values: ref('G') },
      { name: '創造性', values: ref('H') },
    ]);
    expect(charts[1].series).toEqual([{ name: '合計', values: ref('I') }]);
    expect(charts[2].series).toEqual([{ name: '審議会評価平均', values: ref('K') }]);
  });
});

describe('テーマ別 charts through Office.js (fake Excel)', () => {
  it('adds the same three charts with their series, categories and axis bounds', async () => {
    const fake = new FakeExcel();
    await officeWorkbook(fake).putSheets([themeTab]);
    const charts = fake.snapshot().sheets.find((each) => each.name === sheet)?.charts ?? [];
    const at = (column: string) => `'${sheet}'!${column}4:${column}10`;
    expect(
      charts.map((chart) => ({
        type: chart.type,
        title: chart.title,
        bounds: [chart.minimum, chart.maximum],
        series: chart.series.map((series) => [series.name, series.categories]),
      })),
    ).toEqual([
      {
        type: 'BarClustered',
        title: 'テーマ別　自己評価の平均（0〜3）',
        bounds: [0, 3],
        series: ['進捗度', '連携度', '効率性', '創造性'].map((name) => [name, at('B')]),
      },
      { type: 'BarClustered', title: 'テーマ別　合計（0〜12）', bounds: [0, 12], series: [['合計', at('B')]] },
      {
        type: 'BarClustered',
        title: 'テーマ別　審議会評価平均（1〜5）',
        bounds: [0, 5],
        series: [['審議会評価平均', at('B')]],
      },
    ]);
    expect(charts[0].series.slice(1).map((series) => series.values)).toEqual(['F', 'G', 'H'].map(at));
  }, 120_000);
});

describe('rows that fit their text, through Office.js (fake Excel)', () => {
  it('sets every measured row height of the summary tabs and 取組項目別の評価 on the sheet', async () => {
    const { plan: longPlan, summary, council } = realLengthSummary(2021);
    const specs: SheetSpec[] = [
      ...buildSummaryTabs(summary, longPlan),
      buildInitiativePages(summary, longPlan, council),
    ];
    const fake = new FakeExcel();
    await officeWorkbook(fake).putSheets(specs);
    const snapshot = fake.snapshot();
    for (const spec of specs) {
      const written: Record<number, number> = snapshot.sheets.find((each) => each.name === spec.name)?.rowHeights ?? {};
      // Rows holding wrapped text of more than one line: the ones Excel would never grow by itself.
      const tall = textCells(spec).filter((cell) => cell.style.wrap && cell.height > 15);
      expect([spec.name, tall.length > 0]).toEqual([spec.name, true]);
      for (const cell of tall)
        expect([spec.name, cell.range.bottom, written[cell.range.bottom]]).toEqual([
          spec.name,
          cell.range.bottom,
          spec.rowHeights?.[cell.range.bottom],
        ]);
    }
  }, 120_000);
});

describe('the 進捗状況シート fitted to its texts, through Office.js (fake Excel)', () => {
  it('sets rows that hold every real-length text and the scale that prints each part on a page', async () => {
    const { plan: longPlan, sheets } = realLengthWorkbookData(2021);
    const area = parseRange(progressSheetLayout(longPlan).printArea);
    // Every seventh sheet has the longest texts: two of those, six typical long ones, and one longer
    // still (each 取組結果 twice over), which prints at a smaller scale.
    const longer = {
      ...sheets[0],
      activities: sheets[0].activities.map((row) => ({ ...row, result: row.result + row.result })),
    };
    const specs = [...sheets.slice(0, 8), longer].map((data, index) =>
      writeProgressSheet(longPlan, data, index === 8 ? 'longer' : undefined),
    );
    const fake = new FakeExcel();
    await officeWorkbook(fake).putSheets(specs);
    const snapshot = fake.snapshot();
    for (const spec of specs) {
      const written = snapshot.sheets.find((each) => each.name === spec.name)!;
      const short = textCells(spec)
        .filter((cell) => cell.style.wrap && cell.range.right <= area.right)
        .filter((cell) => {
          let height = 0;
          for (let row = cell.range.top; row <= cell.range.bottom; row++) height += written.rowHeights[row] ?? 15;
          return height + 0.01 < cell.height;
        })
        .map((cell) => `${spec.name} row ${cell.range.top}: ${cell.height} pt of text`);
      expect(short).toEqual([]);
      expect([spec.name, written.page.zoom]).toEqual([spec.name, { scale: spec.page?.scale }]);
    }
    expect(specs.some((spec) => (spec.page?.scale ?? 0) < progressSheetLayout(longPlan).printScale)).toBe(true);
  }, 120_000);
});
