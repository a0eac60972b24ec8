/**
 * Issue 14's "what breaks today", each through a whole workbook: the plan's own criteria (one,
 * three, seven) on the form, the summary and in messages; letters of a symbol scale (Ａ, a, Ⅰ, I);
 * "-" on one criterion leaving only that criterion out; a council grade Ａ where the council scale
 * is symbols.
 */
import { aggregate } from '../../src/actions/aggregate';
import { checkWorkbook } from '../../src/actions/check';
import { readWorkbook } from '../../src/actions/readWorkbook';
import { createTemplate } from '../../src/actions/template';
import { councilCells } from '../../src/core/councilSheet';
import { builtInPlan } from '../../src/core/example';
import { parsePlan, type Plan } from '../../src/core/plan';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { SUMMARY_SHEET_NAMES } from '../../src/core/summaryTabs';
import type { CellValue } from '../../src/core/sheetSpec';
import { MemoryWorkbook } from '../../src/workbook/memory';

/** A plan of two 取組項目 and four items with the criteria and scheme given. */
function planWith(criteria: { key: string; label: string }[], scheme?: unknown): Plan {
  const base = builtInPlan();
  return parsePlan({
    title: '評価方式テスト',
    period: ['R4', 'R5', 'R6'],
    criteria,
    ...(scheme === undefined ? {} : { scheme }),
    themes: base.themes.slice(0, 2),
    initiatives: [
      { no: 1, name: '取組一', themes: ['Ⅰ'] },
      { no: 2, name: '取組二', themes: ['Ⅱ'] },
    ],
    items: [1, 2, 3, 4].map((no) => ({
      no,
      initiative: no <= 2 ? 1 : 2,
      name: `実践項目${no}`,
      departments: ['総務課'],
    })),
  });
}

const SEVEN = ['必要性', '有効性', '効率性', '波及効果', '努力・工夫', '公平性', '協働'].map((label, index) => ({
  key: `c${index + 1}`,
  label,
}));

/** A workbook of the plan for R5, with the cells given by (item index, address) written. */
async function bookOf(
  plan: Plan,
  fill: (layout: ReturnType<typeof progressSheetLayout>) => Record<number, Record<string, CellValue>>,
) {
  const book = new MemoryWorkbook();
  await createTemplate(book, { plan, year: 2023 });
  const reading = await readWorkbook(book, { plan });
  const layout = progressSheetLayout(plan);
  const cells = fill(layout);
  await book.writeCells(
    reading.sheets.map((sheet, index) => ({
      sheet: sheet.name,
      cells: Object.entries(cells[index] ?? {}).map(([address, value]) => ({ address, value })),
    })),
  );
  return { book, sheets: reading.sheets.map((sheet) => sheet.name) };
}

/** Every text written on a sheet. */
function texts(book: MemoryWorkbook, sheet: string): string[] {
  return [...book.sheet(sheet).cells.values()].flatMap((cell) => (typeof cell.value === 'string' ? [cell.value] : []));
}

describe('the plan’s own criteria', () => {
  it('a plan with one criterion shows one row, not the built-in four', async () => {
    const plan = planWith([{ key: 'judgement', label: '評価' }]);
    const { book, sheets } = await bookOf(plan, () => ({}));
    const written = texts(book, sheets[0]);
    expect(written).toContain('評価');
    for (const builtIn of ['進捗度', '連携度', '効率性', '創造性']) expect(written).not.toContain(builtIn);
    expect(Object.keys(progressSheetLayout(plan).scores[0].scores)).toEqual(['judgement']);
  });

  it('a plan with seven criteria keeps all seven, on the form and in the summary', async () => {
    const plan = planWith(SEVEN);
    const { book, sheets } = await bookOf(plan, (layout) =>
      Object.fromEntries(
        [0, 1, 2, 3].map((index) => [index, Object.fromEntries(SEVEN.map((c) => [layout.scores[1].scores[c.key], 2]))]),
      ),
    );
    const form = texts(book, sheets[0]);
    for (const { label } of SEVEN) expect(form).toContain(label);
    const result = await aggregate(book);
    expect(result.problems).toEqual([]);
    expect(Object.keys(result.json.items[0].scores ?? {})).toEqual(SEVEN.map((c) => c.key));
    expect(result.json.items[0].total).toBe(14);
    const tab = texts(book, SUMMARY_SHEET_NAMES.items);
    for (const { label } of SEVEN) expect(tab).toContain(label);
  });

  it('messages name the plan’s criteria and their number', async () => {
    const three = SEVEN.slice(0, 3);
    const plan = planWith(three);
    const { book } = await bookOf(plan, (layout) => ({ 0: { [layout.scores[1].scores.c1]: 2 } }));
    const { problems } = await checkWorkbook(book);
    const incomplete = problems.find((problem) => problem.code === 'score-incomplete');
    expect(incomplete?.message).toContain('1/3');
    expect(incomplete?.fix).toContain('3 項目');
    const missing = problems.find((problem) => problem.code === 'score-missing');
    expect(missing?.fix).toContain('必要性・有効性・効率性');
    expect(problems.map((problem) => `${problem.message}${problem.fix}`).join()).not.toMatch(/進捗度|創造性/);
  });
});

/** A scale of three letters. */
const ABC = {
  kind: 'symbols',
  symbols: [
    { symbol: 'Ａ', value: 3 },
    { symbol: 'Ｂ', value: 2 },
    { symbol: 'Ｃ', value: 1 },
  ],
};

describe('letters of a symbol scale', () => {
  const letters = {
    scale: ABC,
    notApplicable: '－',
    itemGrade: {
      kind: 'bands',
      basis: 'total',
      bands: [
        { grade: 'Ａ', min: 3 },
        { grade: 'Ｂ', min: 2 },
        { grade: 'Ｃ', min: 1 },
      ],
    },
    groupGrade: {
      kind: 'bands',
      basis: 'average',
      bands: [{ grade: 'Ａ', min: 2.5 }, { grade: 'Ｂ', min: 1.5 }, { grade: 'Ｃ' }],
    },
  };

  it('Ａ, A, a and ａ are all Ａ; the form offers the plan’s symbols', async () => {
    const plan = planWith([{ key: 'judgement', label: '評価' }], letters);
    const { book, sheets } = await bookOf(plan, (layout) => {
      const cell = layout.scores[1].scores.judgement;
      return { 0: { [cell]: 'Ａ' }, 1: { [cell]: 'A' }, 2: { [cell]: 'a' }, 3: { [cell]: 'ｂ' } };
    });
    const result = await aggregate(book);
    expect(result.problems).toEqual([]);
    expect(result.json.items.map((item) => item.grade)).toEqual(['A', 'A', 'A', 'B']);
    const validation = book.sheet(sheets[0]).validations.find((each) => each.list.includes('Ａ'));
    expect(validation?.list).toEqual(['Ａ', 'Ｂ', 'Ｃ', '－']);
  });

  it('Ⅰ and I are the same symbol of a Ⅰ/Ⅱ scale', async () => {
    const plan = planWith(SEVEN.slice(0, 2), {
      scale: {
        kind: 'symbols',
        symbols: [
          { symbol: 'Ⅰ', value: 2 },
          { symbol: 'Ⅱ', value: 1 },
        ],
      },
      notApplicable: '—',
      itemGrade: { kind: 'bands', basis: 'average', bands: [{ grade: 'Ａ', min: 1.5 }, { grade: 'Ｂ' }] },
    });
    const { book } = await bookOf(plan, (layout) => {
      const cells = layout.scores[1].scores;
      return Object.fromEntries(
        [0, 1, 2, 3].map((index) => [index, { [cells.c1]: index % 2 === 0 ? 'Ⅰ' : 'I', [cells.c2]: 'Ⅱ' }]),
      );
    });
    const result = await aggregate(book);
    expect(result.problems).toEqual([]);
    expect(result.json.items[0].scores).toEqual({ c1: 2, c2: 1 });
    expect(result.json.items[1].scores).toEqual({ c1: 2, c2: 1 });
  });
});

describe('"-" on one criterion', () => {
  it('leaves that criterion out of the averages and keeps the item', async () => {
    const plan = builtInPlan();
    const book = new MemoryWorkbook();
    const small = { ...plan, items: plan.items.filter((item) => item.initiative === '1') };
    await createTemplate(book, { plan: small, year: 2020 });
    const reading = await readWorkbook(book, { plan: small });
    const r2 = progressSheetLayout(small).scores[0].scores;
    await book.writeCells(
      reading.sheets.map((sheet, index) => ({
        sheet: sheet.name,
        cells: [
          { address: r2.progress, value: index === 0 ? '-' : 2 },
          { address: r2.cooperation, value: 3 },
          { address: r2.efficiency, value: 1 },
          { address: r2.creativity, value: 2 },
        ],
      })),
    );
    const result = await aggregate(book, { plan: small });
    expect(result.summary.missing).toEqual([]);
    const first = result.json.items[0];
    expect(first.scores).toEqual({ progress: null, cooperation: 3, efficiency: 1, creativity: 2 });
    expect(first.total).toBe(6);
    const initiative = result.json.initiatives[0];
    expect(initiative.averages).toEqual({ progress: 2, cooperation: 3, efficiency: 1, creativity: 2 });
  });
});

describe('the council scale', () => {
  it('accepts a council grade Ａ where the council scale is symbols', async () => {
    const plan = planWith([{ key: 'judgement', label: '評価' }], {
      council: ABC,
    });
    const { book } = await bookOf(plan, (layout) =>
      Object.fromEntries([0, 1, 2, 3].map((index) => [index, { [layout.scores[1].scores.judgement]: 2 }])),
    );
    const first = councilCells(plan, '1', 0);
    const second = councilCells(plan, '1', 1);
    await book.writeCells([
      {
        sheet: '審議会評価',
        cells: [
          { address: first.score, value: 'Ａ' },
          { address: second.score, value: 'b' },
        ],
      },
    ]);
    const result = await aggregate(book);
    expect(result.problems).toEqual([]);
    expect(result.json.initiatives[0].councilAverage).toBe(2.5);
  });
});
