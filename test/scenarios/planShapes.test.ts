/**
 * Plans as municipalities write them (issues 11, 13, 14): 8 years, 7,000 items, years across 平成
 * and 令和 with 元年, item numbers that are codes; and a プラン定義 tab that names the cell and the
 * fix of what is wrong in it.
 */
import { aggregate } from '../../src/actions/aggregate';
import { checkWorkbook } from '../../src/actions/check';
import { collectBooks } from '../../src/actions/distributeCollect';
import { groupByDepartment, writeDepartmentBook } from '../../src/actions/distribute';
import { readWorkbook } from '../../src/actions/readWorkbook';
import { createTemplate } from '../../src/actions/template';
import { isUserError } from '../../src/core/errors';
import { builtInPlan } from '../../src/core/example';
import { parsePlan, type Plan } from '../../src/core/plan';
import { PLAN_SHEET_NAME, writePlanSheet } from '../../src/core/planSheet';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { MemoryWorkbook } from '../../src/workbook/memory';

/** A small plan in the JSON form, with the years and item numbers given. */
function smallPlan(period: unknown[], itemNos: unknown[] = [1, 2, 3]): Plan {
  const base = builtInPlan();
  return parsePlan({
    title: 'テストプラン',
    period,
    themes: base.themes.slice(0, 3),
    initiatives: [
      { no: 1, name: '取組一', themes: ['Ⅰ'] },
      { no: 2, name: '取組二', themes: ['Ⅱ', 'Ⅲ'] },
    ],
    items: itemNos.map((no, index) => ({
      no,
      initiative: index % 2 === 0 ? 1 : 2,
      name: `実践項目${index + 1}`,
      departments: [index % 2 === 0 ? '総務課' : '財政課'],
    })),
  });
}

/** Fills every item's scores of some years with 2・2・3・2 (Ｂ). */
async function fillScores(book: MemoryWorkbook, plan: Plan, years: readonly unknown[]): Promise<void> {
  const layout = progressSheetLayout(plan);
  const reading = await readWorkbook(book, { plan });
  await book.writeCells(
    reading.sheets.map((sheet) => ({
      sheet: sheet.name,
      cells: layout.scores
        .filter((cells) => years.includes(cells.year))
        .flatMap((cells) => [
          { address: cells.scores.progress, value: 2 },
          { address: cells.scores.cooperation, value: 2 },
          { address: cells.scores.efficiency, value: 3 },
          { address: cells.scores.creativity, value: 2 },
        ]),
    })),
  );
}

describe('a plan of 8 years', () => {
  const period = ['R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'];
  it('goes through template, check and aggregate with its own プラン定義', async () => {
    const plan = smallPlan(period);
    const book = new MemoryWorkbook();
    await createTemplate(book, { plan, year: plan.period[7] });
    await fillScores(book, plan, plan.period);
    const check = await checkWorkbook(book);
    expect(check.problems).toEqual([]);
    const result = await aggregate(book);
    expect(result.json.items.map((item) => item.grade)).toEqual(['B', 'B', 'B']);
    expect(Object.keys(result.json.initiatives[0].history)).toHaveLength(8);
  });
});

describe('a plan of 7,000 実践項目', () => {
  it('fits its プラン定義 tab and reads back whole', async () => {
    const base = builtInPlan();
    const plan: Plan = {
      ...base,
      items: Array.from({ length: 7000 }, (_, index) => ({
        ...base.items[index % base.items.length],
        no: base.items[0].no,
        initiative: base.initiatives[index % base.initiatives.length].no,
        name: `実践項目 ${index + 1}`,
        endedIn: null,
      })).map((item, index) => ({ ...item, no: String(index + 1) })),
    };
    const book = new MemoryWorkbook();
    await book.putSheets([writePlanSheet(plan)]);
    await createTemplate(book, { plan, year: plan.period[1], itemNos: [plan.items[6999].no] });
    const reading = await readWorkbook(book);
    expect(reading.plan.items).toHaveLength(7000);
    expect(reading.plan.items[6999].name).toBe('実践項目 7000');
  });
});

describe('the プラン定義 tab names the cell and the fix of an error', () => {
  it('for an item under a 取組項目 that does not exist', async () => {
    const book = new MemoryWorkbook();
    const plan = builtInPlan();
    await createTemplate(book, { plan, year: plan.period[1], itemNos: [plan.items[0].no] });
    const tab = book.sheet(PLAN_SHEET_NAME);
    const row = [...tab.cells.entries()].find(([, cell]) => cell.value === plan.items[4].name)?.[0];
    const initiativeCell = `B${row?.slice(1)}`;
    await book.writeCells([{ sheet: PLAN_SHEET_NAME, cells: [{ address: initiativeCell, value: 99 }] }]);
    let thrown: unknown;
    try {
      await readWorkbook(book);
    } catch (error) {
      thrown = error;
    }
    expect(isUserError(thrown)).toBe(true);
    expect(thrown).toMatchObject({ sheet: PLAN_SHEET_NAME, cell: initiativeCell });
    expect((thrown as { fix: string | null }).fix).toBeTruthy();
  });
});

describe('years across eras, as people write them', () => {
  const plan = () => smallPlan(['H29', 'H30', '令和元年度', 'R2', '令和３年度']);
  it('a plan H29–R3 prints 平成 and 令和 years, and 元年 as 元', async () => {
    const book = new MemoryWorkbook();
    const created = plan();
    await createTemplate(book, { plan: created, year: created.period[2] });
    const sheet = book.sheet(book.sheetNames()[0]);
    const texts = [...sheet.cells.values()].map((cell) => String(cell.value));
    expect(texts).toEqual(
      expect.arrayContaining(['Ｈ２９年度', 'Ｈ３０年度', 'Ｒ元年度', 'Ｒ２年度', 'Ｒ３年度', '令和元年度末']),
    );
    expect(texts.join()).not.toMatch(/令和１|Ｒ１/);
    await fillScores(book, created, created.period.slice(0, 3));
    const result = await aggregate(book);
    expect(result.json.year).toBe('R1');
    expect(Object.keys(result.json.initiatives[0].history)).toEqual(['H29', 'H30', 'R1']);
  });
  it('平成31年度 and 令和元年度 are one year', async () => {
    const book = new MemoryWorkbook();
    const created = plan();
    await createTemplate(book, { plan: created, year: created.period[4] });
    await fillScores(book, created, created.period);
    const viaHeisei = await aggregate(book, { year: smallPlan(['H31']).period[0] });
    expect(viaHeisei.json.year).toBe('R1');
  });
});

describe('確認時期 and 取組終了 as people type them', () => {
  const plan = () => smallPlan(['H29', 'H30', '令和元年度', 'R2', '令和３年度']);
  it.each([['令和元年度末'], ['R元'], ['H31'], ['R1'], ['令和１年度']])('確認時期 %s is 令和元年度', async (typed) => {
    const created = plan();
    const book = new MemoryWorkbook();
    await createTemplate(book, { plan: created, year: created.period[4] });
    const layout = progressSheetLayout(created);
    await book.writeCells(
      book
        .sheetNames()
        .slice(0, 3)
        .map((sheet) => ({ sheet, cells: [{ address: layout.checkPeriod, value: typed }] })),
    );
    const reading = await readWorkbook(book);
    expect(reading.sheets.map((sheet) => sheet.data.checkYear)).toEqual([2019, 2019, 2019]);
    expect(reading.problems.filter((problem) => problem.code === 'check-year-invalid')).toEqual([]);
  });
  it('取組終了 typed H30 beside the printed 令和 ends the item in 平成29年度', async () => {
    const created = plan();
    const book = new MemoryWorkbook();
    await createTemplate(book, { plan: created, year: created.period[1] });
    const layout = progressSheetLayout(created);
    const sheet = book.sheetNames()[0];
    expect(book.sheet(sheet).value(`G${layout.endedEraYear.slice(1)}`)).toBe('令和');
    await fillScores(book, created, [created.period[0]]);
    await book.writeCells([
      {
        sheet,
        cells: [
          { address: layout.endedEraYear, value: 'H30' },
          { address: layout.endedMonth, value: 3 },
        ],
      },
    ]);
    const reading = await readWorkbook(book);
    expect(reading.sheets[0].data.ended).toEqual({ year: 2018, month: 3 });
    const result = await aggregate(book, { year: created.period[1] });
    expect(result.json.items[0]).toMatchObject({ endedIn: 'H29', grade: 'B' });
    expect(result.json.counts.endedBy).toEqual([created.items[0].no]);
  });
});

describe('item numbers as codes', () => {
  const codes = ['10-1', '1-①-1', '8101', '12', '2', '10'];
  it('are kept as text, sorted naturally, and found by content, through split and collect', async () => {
    const plan = smallPlan(['R4', 'R5', 'R6', 'R7', 'R8'], codes);
    expect(plan.items.map((item) => item.no)).toEqual(['1-①-1', '2', '10', '10-1', '12', '8101']);
    const book = new MemoryWorkbook();
    await createTemplate(book, { plan, year: plan.period[0] });
    expect(
      book
        .sheetNames()
        .slice(0, 6)
        .map((name) => name.split(' ')[0]),
    ).toEqual(['1-①-1', '2', '10', '10-1', '12', '8101']);
    await fillScores(book, plan, [plan.period[0]]);
    const result = await aggregate(book);
    expect(result.problems).toEqual([]);
    expect(result.json.items.map((item) => item.no)).toEqual(['1-①-1', '2', '10', '10-1', '12', '8101']);
    const reading = await readWorkbook(book);
    const groups = groupByDepartment(reading);
    const returned = await Promise.all(
      groups.map(async (group) => {
        const port = new MemoryWorkbook();
        await writeDepartmentBook(port, reading, group);
        return { label: group.department, port };
      }),
    );
    const collected = await collectBooks(returned);
    expect(collected.problems).toEqual([]);
    expect(collected.sheets.map((sheet) => sheet.data.itemNo)).toEqual(['1-①-1', '2', '10', '10-1', '12', '8101']);
  });
});
