/**
 * The council's part and the printed workbook through the use cases, over the in-memory port:
 * member scores typed into 審議会評価 reach the summary by the spec's rule (§3.3), 集計 writes the
 * 取組項目別の評価 pages and can undo them, and 印刷設定 restores our print settings.
 */
import { councilCells, COUNCIL_SHEET_NAME } from '../core/councilSheet';
import { Decimal } from '../core/decimal';
import { builtInPlan } from '../core/example';
import { progressSheetPage } from '../core/printSetup';
import { roundedMean } from '../core/rules';
import { SUMMARY_SHEET_NAMES } from '../core/summaryTabs';
import { INITIATIVE_PAGES_SHEET_NAME } from '../core/summaryTabs/initiativePages';
import { MemoryWorkbook } from '../workbook/memory';
import type { CellWrite } from '../workbook/port';
import { aggregate } from './aggregate';
import { applyPrintSetup } from './printSetup';
import { isReservedName } from './ownedSheets';
import { createExample } from './template';
import { undoAggregate } from './undo';

const plan = builtInPlan();

/** Scores of three members per 取組項目, varied so that half-up rounding matters (x.x5 cases). */
function memberScores(code: string): (number | null)[] {
  const initiativeNo = Number(code);
  return [
    (initiativeNo % 5) + 1,
    ((initiativeNo * 2) % 5) + 1,
    initiativeNo % 4 === 0 ? null : ((initiativeNo * 3) % 5) + 1,
  ];
}

async function exampleWithCouncilScores(): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  await createExample(book);
  const cells = plan.initiatives.flatMap((initiative) => {
    const first = councilCells(plan, initiative.no, 0);
    // Clear the example's typed (published) average so that the members' scores decide.
    const writes: CellWrite[] = [{ address: first.typedAverage, value: null }];
    memberScores(initiative.no).forEach((score, member) => {
      const at = councilCells(plan, initiative.no, member);
      if (score !== null) writes.push({ address: at.score, value: score });
      if (member === 0) writes.push({ address: at.comment, value: `委員1の意見（№${initiative.no}）` });
    });
    return writes;
  });
  // Keep 取組項目 21's published average typed: a typed average wins.
  cells.push({ address: councilCells(plan, '21', 0).typedAverage, value: 3.6 });
  cells.push({ address: councilCells(plan, '1', 0).member, value: '山田' });
  await book.writeCells([{ sheet: COUNCIL_SHEET_NAME, cells }]);
  return book;
}

describe('審議会評価 through 集計', () => {
  it('gives each 取組項目 and テーマ the spec rule over the input tab', async () => {
    const book = await exampleWithCouncilScores();
    const result = await aggregate(book);
    expect(result.problems.filter((problem) => problem.code === 'council-invalid')).toEqual([]);
    const expected = new Map<string, Decimal>();
    for (const initiative of plan.initiatives) {
      const scores = memberScores(initiative.no).flatMap((score) => (score === null ? [] : [Decimal.of(score)]));
      expected.set(initiative.no, initiative.no === '21' ? Decimal.of('3.6') : roundedMean(scores));
    }
    for (const initiative of result.summary.initiatives) {
      expect([initiative.no, initiative.councilAverage?.toFixed(1)]).toEqual([
        initiative.no,
        expected.get(initiative.no)?.toFixed(1),
      ]);
    }
    for (const theme of result.summary.themes) {
      const marked = plan.initiatives.filter((initiative) => initiative.themes.includes(theme.numeral));
      const rule = roundedMean(marked.map((initiative) => expected.get(initiative.no) as Decimal));
      expect([theme.numeral, theme.councilAverage?.toFixed(1)]).toEqual([theme.numeral, rule.toFixed(1)]);
    }
    // The same figures on the tabs.
    const initiativeTab = book.sheet(SUMMARY_SHEET_NAMES.initiatives);
    const councilColumn = 'Q';
    expect(initiativeTab.value(`${councilColumn}5`)).toBe(expected.get('1')?.toNumber());
    // (2 + 3 + 4) / 3 = 3.0 for №1; the pages print it as "3.0 /5" with 山田's comment.
    const pages = book.sheet(INITIATIVE_PAGES_SHEET_NAME);
    const texts = [...pages.cells.values()].map((cell) => cell.value);
    expect(texts).toContain(`${expected.get('1')?.toFixed(1)} /5`);
    // Comments print as anonymous bullets, without the member's name.
    expect(texts).not.toContain('山田');
    expect(texts).toContain('・委員1の意見（№1）');
  });

  it('reports bad council scores as problems and averages the rest', async () => {
    const book = await exampleWithCouncilScores();
    const bad = [0, 6, 3.5, '良い'];
    await book.writeCells([
      {
        sheet: COUNCIL_SHEET_NAME,
        cells: bad.map((value, index) => ({ address: councilCells(plan, String(2 + index), 1).score, value })),
      },
    ]);
    const result = await aggregate(book);
    const problems = result.problems.filter((problem) => problem.code === 'council-invalid');
    expect(problems.map((problem) => problem.cell).sort()).toEqual(
      bad.map((_, index) => councilCells(plan, String(2 + index), 1).score).sort(),
    );
    const two = result.summary.initiatives.find((initiative) => initiative.no === '2');
    const kept = memberScores('2').filter((score, member) => member !== 1 && score !== null) as number[];
    expect(two?.councilAverage?.toFixed(1)).toBe(roundedMean(kept.map((score) => Decimal.of(score))).toFixed(1));
  });
});

describe('集計 and the 取組項目別の評価 pages', () => {
  it('writes the pages after the summary tabs, skips them when reading, and undoes them', async () => {
    const book = new MemoryWorkbook();
    await createExample(book);
    const before = book.sheetNames();
    const result = await aggregate(book);
    expect(result.pageSheets).toEqual([INITIATIVE_PAGES_SHEET_NAME]);
    const names = book.sheetNames();
    const review = names.indexOf(SUMMARY_SHEET_NAMES.review);
    expect(names[review + 1]).toBe(INITIATIVE_PAGES_SHEET_NAME);
    expect(isReservedName(INITIATIVE_PAGES_SHEET_NAME)).toBe(true);
    expect(result.createdSheets).toContain(INITIATIVE_PAGES_SHEET_NAME);
    const afterFirst = book.sheetNames();
    // A second 集計 reads the pages sheet as ours (no problem about it) and replaces it.
    const again = await aggregate(book);
    expect(again.problems.filter((problem) => problem.sheet === INITIATIVE_PAGES_SHEET_NAME)).toEqual([]);
    expect(again.replacedSheets).toContain(INITIATIVE_PAGES_SHEET_NAME);
    // The second 集計 changed nothing, so 元に戻す still goes back to before the first.
    expect((await undoAggregate(book)).deletedTabs).toContain(INITIATIVE_PAGES_SHEET_NAME);
    expect(book.sheetNames()).toEqual(before);
    expect(afterFirst).toContain(INITIATIVE_PAGES_SHEET_NAME);
  });
});

describe('印刷設定', () => {
  it('re-applies A4 settings to 進捗状況シート found by content and to our tabs by name', async () => {
    const book = new MemoryWorkbook();
    await createExample(book);
    await aggregate(book);
    const pagesBefore = book.sheet(INITIATIVE_PAGES_SHEET_NAME).page;
    const names = book.sheetNames();
    // Sheets "from elsewhere": every print setting lost or wrong.
    await book.setPageSetups(
      names.map((sheet) => ({
        sheet,
        page: { paperSize: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 1 },
      })),
    );
    const result = await applyPrintSetup(book);
    expect(result.progressSheets).toHaveLength(plan.items.length);
    expect(result.tabs).toEqual(
      expect.arrayContaining([...Object.values(SUMMARY_SHEET_NAMES), INITIATIVE_PAGES_SHEET_NAME, COUNCIL_SHEET_NAME]),
    );
    expect(book.sheet(result.progressSheets[0]).page).toEqual(progressSheetPage(plan));
    expect(book.sheet(INITIATIVE_PAGES_SHEET_NAME).page?.rowBreaks).toEqual(pagesBefore?.rowBreaks);
    expect(book.sheet(SUMMARY_SHEET_NAMES.items).page).toMatchObject({
      orientation: 'landscape',
      printTitleRows: '3:4',
      footerCenter: '&P / &N',
    });
    expect(book.sheet(SUMMARY_SHEET_NAMES.review).page?.orientation).toBe('portrait');
  });
});
