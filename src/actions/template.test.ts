import { builtInPlan } from '../core/example';
import { progressSheetLayout } from '../core/sheet/progressSheetLayout';
import { MemoryWorkbook } from '../workbook/memory';
import { PLAN_SHEET_NAME } from '../core/planSheet';
import { readWorkbook, readWorkbookPlan } from './readWorkbook';
import { createPlanForm, createTemplate, TemplateError } from './template';
import { exampleBookWith } from '../../test/support/exampleBook';

const plan = builtInPlan();
const layout = progressSheetLayout(plan);

describe('シート作成 never replaces a department’s sheet', () => {
  it('creates every sheet of a plan in an empty workbook, with its プラン定義 and 審議会評価', async () => {
    const book = new MemoryWorkbook();
    const names = await createTemplate(book, { plan, year: 2022 });
    expect(names).toHaveLength(70);
    expect(book.sheetNames()).toEqual(expect.arrayContaining(['プラン定義', '審議会評価']));
    expect((await readWorkbook(book)).year).toBe(2022);
  });

  it('refuses to re-create a chosen item whose sheet exists, and keeps what was typed', async () => {
    const book = new MemoryWorkbook();
    const [first] = await createTemplate(book, { plan, year: 2021, itemNos: ['1'] });
    await book.writeCells([{ sheet: first, cells: [{ address: layout.scores[1].scores.progress, value: 3 }] }]);
    await expect(createTemplate(book, { plan, year: 2021, itemNos: ['1'] })).rejects.toThrow(TemplateError);
    await expect(createTemplate(book, { plan, year: 2021, itemNos: ['1'] })).rejects.toThrow(
      /既にあります.*上書きしません/,
    );
    expect(book.sheet(first).value(layout.scores[1].scores.progress)).toBe(3);
  });

  it('creates only the missing sheets, finding renamed ones by their content', async () => {
    const book = await exampleBookWith((specs) =>
      specs
        .filter((spec) => !spec.name.startsWith('2 '))
        .map((spec) => (spec.name.startsWith('1 ') ? { ...spec, name: '提出分' } : spec)),
    );
    const names = await createTemplate(book, { plan, year: 2021 });
    expect(names).toEqual(['2 企業版ふるさと納税の導入']);
    expect(book.sheet('提出分').value(layout.scores[1].scores.progress)).toBe(2);
    const reading = await readWorkbook(book);
    expect(reading.sheets).toHaveLength(70);
    expect(book.sheetNames().slice(-2)).toEqual(['プラン定義', '審議会評価']);
  });
});

describe('シート作成 on a プラン定義 workbook a secretariat is filling', () => {
  it('refuses a plan read before the definition was edited, and keeps the edit', async () => {
    const book = new MemoryWorkbook();
    const stale = builtInPlan();
    await createPlanForm(book, stale);
    const cell = [...book.sheet(PLAN_SHEET_NAME).cells.entries()].find(([, value]) => value.value === stale.title);
    await book.writeCells([{ sheet: PLAN_SHEET_NAME, cells: [{ address: cell![0], value: '新しいプラン名' }] }]);
    await expect(createTemplate(book, { plan: stale, year: 2021 })).rejects.toThrow(TemplateError);
    expect(book.sheet(PLAN_SHEET_NAME).cells.get(cell![0])?.value).toBe('新しいプラン名');
    const fresh = await readWorkbookPlan(book);
    expect(fresh.title).toBe('新しいプラン名');
    expect(await createTemplate(book, { plan: fresh, year: 2021 })).toHaveLength(fresh.items.length);
  });
});

describe('新しいプラン never replaces a sheet that is already there', () => {
  const handMade = {
    name: '記入方法',
    columnWidths: [],
    cells: [{ address: 'A1', value: '課の手順メモ' }],
    formats: [],
  };

  it('writes 記入方法 and プラン定義 beside the sheets of an open workbook, reporting progress', async () => {
    const book = new MemoryWorkbook();
    await book.putSheets([{ ...handMade, name: 'Sheet1' }]);
    const phases: string[] = [];
    const names = await createPlanForm(book, plan, { onProgress: (step) => phases.push(step.phase) });
    expect(names).toEqual(['記入方法', PLAN_SHEET_NAME]);
    expect(book.sheetNames()).toEqual(expect.arrayContaining(['Sheet1', '記入方法', PLAN_SHEET_NAME]));
    expect(book.sheet('Sheet1').value('A1')).toBe('課の手順メモ');
    expect(phases.length).toBeGreaterThan(0);
    expect((await readWorkbookPlan(book)).title).toBe(plan.title);
  });

  it.each([
    ['a sheet made by hand', async (book: MemoryWorkbook) => book.putSheets([handMade])],
    [
      'a plan in use (its hidden プラン定義)',
      async (book: MemoryWorkbook) => void (await createTemplate(book, { plan, year: 2021, itemNos: ['1'] })),
    ],
    ['a form already written', async (book: MemoryWorkbook) => void (await createPlanForm(book, plan))],
  ])('refuses, with the sheet and the fix, over %s, and changes nothing', async (_, prepare) => {
    const book = new MemoryWorkbook();
    await prepare(book);
    const before = book.sheetNames().map((name) => [name, [...book.sheet(name).cells.entries()]]);
    const error = await createPlanForm(book, plan).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TemplateError);
    expect(error).toMatchObject({ code: 'plan-form-exists', fix: expect.stringContaining('新しい空のブック') });
    expect((error as TemplateError).message).toMatch(/既にシート「(記入方法|プラン定義)」/);
    expect(book.sheetNames().map((name) => [name, [...book.sheet(name).cells.entries()]])).toEqual(before);
  });
});

describe('a workbook whose プラン定義 is the filled form', () => {
  it('reads its 進捗状況シート with the plan the form defines (the form states no sheet layout)', async () => {
    const book = new MemoryWorkbook();
    await createPlanForm(book, plan);
    const fresh = await readWorkbookPlan(book);
    const names = await createTemplate(book, { plan: fresh, year: 2021, itemNos: ['1', '2'] });
    const reading = await readWorkbook(book);
    expect(reading.sheets.map((sheet) => sheet.name)).toEqual(names);
    expect(reading.plan.title).toBe(plan.title);
  });
});
