import { Decimal } from '../decimal';
import { builtInPlan } from '../example';
import { exampleSheetData, exampleWorkbookData } from '../exampleSheets';
import { ownedTabPage, progressSheetPage } from '../printSetup';
import { progressSheetLayout } from '../sheet/progressSheetLayout';
import { writeProgressSheet } from '../sheet/writeProgressSheet';
import type { CellValue, SheetSpec } from '../sheetSpec';
import { buildSummaryTabs } from '../summaryTabs';
import { COUNCIL_SHEET_NAME, writeCouncilSheet } from '../councilSheet';
import {
  buildInitiativePages,
  initiativePageBreaks,
  INITIATIVE_PAGE_SCALE,
  INITIATIVE_PAGES_SHEET_NAME,
} from './initiativePages';
import { exampleSummary } from '../../../test/golden/exampleEvaluations';

const plan = builtInPlan();
const summary = exampleSummary(2021);
const council = {
  year: 2021,
  members: ['山田', '佐藤'],
  rows: [
    {
      initiativeNo: '1',
      typedAverage: null,
      entries: [
        { member: '山田', score: 4, comment: '財源確保の成果が出ている。' },
        { member: '佐藤', score: 3, comment: '' },
      ],
    },
  ],
};
const pages = buildInitiativePages(summary, plan, council);

function texts(sheet: SheetSpec): string[] {
  return sheet.cells.map((cell) => String(cell.value ?? ''));
}
function valueAt(sheet: SheetSpec, address: string): CellValue {
  return sheet.cells.find((cell) => cell.address === address)?.value ?? null;
}

describe('取組項目別の評価 pages', () => {
  it('start one page per 取組項目 with a manual break between them, at a fixed scale', () => {
    const columnA: CellValue[] = [];
    for (const cell of pages.cells) {
      const match = /^A(\d+)$/.exec(cell.address);
      if (match) columnA[Number(match[1]) - 1] = cell.value ?? null;
    }
    const titles = columnA.filter((value) => typeof value === 'string' && value.startsWith('【取組項目別の評価】'));
    expect(titles).toHaveLength(plan.initiatives.length);
    expect(pages.page?.rowBreaks).toHaveLength(plan.initiatives.length - 1);
    expect(initiativePageBreaks(columnA)).toEqual(pages.page?.rowBreaks);
    expect(pages.page).toMatchObject({
      paperSize: 'A4',
      orientation: 'portrait',
      scale: INITIATIVE_PAGE_SCALE,
      footerCenter: '&P / &N',
      headerRight: '確認時期　令和３年度末',
    });
    expect(pages.page?.fitToWidth).toBeUndefined();
    expect(pages.name).toBe(INITIATIVE_PAGES_SHEET_NAME);
  });

  it('keeps every page within one A4 page at its scale', () => {
    const breaks = [...(pages.page?.rowBreaks ?? []), Number(/\d+$/.exec(pages.page?.printArea ?? '')?.[0])];
    const printable = (842 - (0.7 + 0.7) * 72) / ((pages.page?.scale ?? 100) / 100);
    let top = 1;
    for (const bottom of breaks) {
      let height = 0;
      for (let row = top; row <= bottom; row++) height += pages.rowHeights?.[row] ?? 15;
      expect(height).toBeLessThan(printable);
      top = bottom + 1;
    }
  });

  it('show the themes, averages, history (今回), items, council average /5 and comments', () => {
    const all = texts(pages);
    expect(all).toContain('【取組項目別の評価】　№１　新たな財源確保に向けた取組');
    expect(all).toContain('Ｒ３（今回）');
    expect(all).toContain('ガバメントクラウドファンディングの実施');
    const first = summary.initiatives[0];
    expect(all).toContain(`${first.councilAverage?.toFixed(1)} /5`);
    // Comments print as anonymous bullets, as the published report prints them: no member names.
    expect(all).toContain('・財源確保の成果が出ている。');
    expect(all.filter((text) => text.includes('山田') || text.includes('佐藤'))).toEqual([]);
    expect(all.filter((text) => text.startsWith('・'))).toHaveLength(1); // no comment, no line
    expect(all.filter((text) => text === '（意見等はありません）')).toHaveLength(plan.initiatives.length - 1);
    // Initiative 1's figures: 2.3・2.3・3.0・2.3, 合計 9.9, Ａ (R2) and Ａ (R3) in its history.
    const result = first.result;
    expect(result?.total?.toFixed(1)).toBe('9.9');
    expect(valueAt(pages, 'A1')).toBe('【取組項目別の評価】　№１　新たな財源確保に向けた取組');
    expect(all).toContain('Ｒ２');
  });

  it('print a missing council average and a missing year as －', () => {
    const bare = buildInitiativePages(
      { ...summary, initiatives: summary.initiatives.map((each) => ({ ...each, councilAverage: null })) },
      plan,
      null,
    );
    expect(texts(bare)).not.toContain(`${Decimal.of(4.3).toFixed(1)} /5`);
    expect(texts(bare).filter((text) => text === '－').length).toBeGreaterThanOrEqual(plan.initiatives.length);
  });
});

describe('print settings of 印刷設定', () => {
  it('equal what the writers set, less the print area of tabs', () => {
    const sheet = writeProgressSheet(plan, exampleSheetData(plan, plan.items[0], 2021, {}));
    expect(progressSheetPage(plan)).toEqual(sheet.page);
    expect(sheet.page?.rowBreaks).toEqual([progressSheetLayout(plan).partOneLastRow]);
    for (const tab of [
      ...buildSummaryTabs(summary, plan),
      writeCouncilSheet(plan, { year: 2021, members: [], rows: [] }),
      pages,
    ]) {
      const { printArea: _printArea, ...expected } = tab.page ?? { paperSize: 'A4', orientation: 'portrait' };
      // The council tab keeps its (empty) print area: it is left out of the printed book.
      expect(ownedTabPage(tab.name, 2021, tab.page?.rowBreaks ?? [])).toEqual(
        tab.name === COUNCIL_SHEET_NAME ? tab.page : expected,
      );
    }
    expect(ownedTabPage('1 ガバメントクラウドファンディングの実施', 2021)).toBeNull();
    expect(ownedTabPage(COUNCIL_SHEET_NAME, 2021)?.printTitleRows).toBe('4:5');
  });

  it('use a fixed scale (no fit to page) with a break after part ① for the item sheets', () => {
    const page = progressSheetPage(exampleWorkbookData(2021).plan);
    expect(page.fitToWidth).toBeUndefined();
    expect(page.fitToHeight).toBeUndefined();
    expect(page.scale).toBeGreaterThanOrEqual(70);
  });
});
