/**
 * A plan defined in Excel (issue 14): the プラン定義 workbook of `template --plan-form` gives back
 * every plan we ship; a workbook a secretariat fills cell by cell (headings in its own column order,
 * years and letters as people type them) gives the same plan, and the same workbook, as the plan in
 * JSON; mistakes in it are reported with the sheet, the cell and the fix; and the CLI reads it with
 * `template --plan PLAN.xlsx`.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbook, readWorkbookPlan } from '../../src/actions/readWorkbook';
import { createPlanForm, createTemplate } from '../../src/actions/template';
import { run } from '../../src/cli/main';
import { isUserError } from '../../src/core/errors';
import { checkPlan, parsePlan, type Plan } from '../../src/core/plan';
import { PLAN_FORM_GUIDE_NAME } from '../../src/core/planForm';
import { PLAN_SHEET_MARKER, PLAN_SHEET_NAME } from '../../src/core/planSheet';
import type { CellValue } from '../../src/core/sheetSpec';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { captureIo } from '../support/captureIo';

const PLAN_DIR = join(__dirname, '../../assets/plan');
const jsonPlan = (name: string): Plan => parsePlan(JSON.parse(readFileSync(join(PLAN_DIR, name), 'utf8')));
const SHIPPED = ['plan.json', 'samples/a-judged.json', 'samples/b-direct.json', 'samples/c-seven.json'];

/** The plan of c-seven.json as a secretariat types it, row by row from A1 (sections, headings, rows). */
function handWritten(edit: (rows: CellValue[][]) => void = () => undefined): CellValue[][] {
  const seven = ['必要性', '有効性', '効率性', '波及効果', '努力・工夫', '公平性', '協働'];
  const keys = ['necessity', 'effectiveness', 'efficiency', 'spread', 'effort', 'fairness', 'cooperation'];
  const source = JSON.parse(readFileSync(join(PLAN_DIR, 'samples/c-seven.json'), 'utf8')) as {
    title: string;
    themes: { numeral: string; name: string; label: string }[];
    initiatives: { no: string; name: string; themes: string[] }[];
    items: { no: string; initiative: string; name: string; departments: string[] }[];
  };
  const rows: CellValue[][] = [
    ['プラン定義（事務局記入）'],
    [PLAN_SHEET_MARKER],
    [],
    ['プラン名', source.title],
    ['計画期間', '令和3年度', 'R4', 2023, '令和６年度', 'r7'],
    [],
    [],
    [],
    ['[テーマ]'],
    ['名称', '番号', '略称'],
    ...source.themes.map((theme) => [theme.name, theme.numeral, theme.label]),
    [],
    ['[取組項目]'],
    ['大№', 'テーマ', '名称'],
    ...source.initiatives.map((initiative) => [initiative.no, initiative.themes.join('、'), initiative.name]),
    [],
    ['[実践項目]'],
    ['名称', '担当部署', '小№', '大№', '取組終了年度', '前プラン継続'],
    ...source.items.map((item) => [item.name, item.departments.join('\n'), item.no, item.initiative]),
    [],
    ['[評価項目]'],
    ['キー', '名称', '略称'],
    ...seven.map((label, index) => [keys[index], label]),
    [],
    ['[評価方式]'],
    ['項目', '値'],
    ['評価の尺度', '記号'],
    ['該当なしの記号', '—'],
    ['総合評価の決め方', '基準による'],
    ['総合評価の基準の対象', '平均'],
    ['取組項目の評価の決め方', '基準による'],
    ['取組項目の評価の基準の対象', '平均'],
    ['審議会評価の尺度', '数値'],
    ['審議会評価の最小値', 1],
    ['審議会評価の最大値', 5],
    ['目標・実績の指標数', 2],
    ['事業費', 'あり'],
    [],
    ['[評価の記号]'],
    ['記号', '値', '意味'],
    ['Ⅰ', 2, '高い'],
    ['Ⅱ', 1, '低い'],
    [],
    ['[総合評価の基準]'],
    ['評価', '下限', '条件'],
    ['A', 1.8, '有効性 2 以上'],
    ['b', 1.5],
    ['Ｃ'],
    [],
    ['[取組項目の評価の基準]'],
    ['評価', '下限', '条件'],
    ['Ａ', 1.8],
    ['Ｂ', 1.5],
    ['Ｃ'],
    [],
    ['[達成度の基準]'],
    ['評価', '達成率の下限（%）'],
    ['A', 100],
    ['B+', 90],
    ['Ｂ', 70],
    ['Ｃ'],
  ];
  edit(rows);
  return rows;
}

/** A workbook whose プラン定義 sheet is written cell by cell from the rows. */
async function bookOf(rows: CellValue[][]): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  await book.putSheets([{ name: PLAN_SHEET_NAME, columnWidths: [], cells: [], formats: [] }]);
  const cells = rows.flatMap((row, index) =>
    row.flatMap((value, column) =>
      value === null || value === '' ? [] : [{ address: `${String.fromCharCode(65 + column)}${index + 1}`, value }],
    ),
  );
  for (const cell of cells) await book.writeCells([{ sheet: PLAN_SHEET_NAME, cells: [cell] }]);
  return book;
}

/** The error readWorkbookPlan throws for the rows, as sheet, cell and text. */
async function errorOf(rows: CellValue[][]): Promise<{ sheet: string | null; cell: string | null; text: string }> {
  try {
    await readWorkbookPlan(await bookOf(rows));
  } catch (error) {
    if (isUserError(error)) return { sheet: error.sheet, cell: error.cell, text: `${error.message} ${error.fix}` };
    throw error;
  }
  throw new Error('no error');
}

/** Every cell of every sheet of a memory workbook, for comparing two workbooks. */
function contents(book: MemoryWorkbook): Record<string, unknown> {
  return Object.fromEntries(
    book
      .sheetNames()
      .map((name) => [name, [...book.sheet(name).cells.entries()].map(([at, cell]) => [at, cell.value])]),
  );
}

describe('the プラン定義 workbook (template --plan-form)', () => {
  it.each(SHIPPED)('gives back %s through an .xlsx file', async (name) => {
    const plan = jsonPlan(name);
    const book = XlsxWorkbook.create();
    expect(await createPlanForm(book, plan)).toEqual([PLAN_FORM_GUIDE_NAME, PLAN_SHEET_NAME]);
    const reopened = await XlsxWorkbook.open(await book.toBuffer());
    expect(await readWorkbookPlan(reopened)).toEqual(plan);
  });

  it.each(SHIPPED)(
    'ships %s as a プラン定義 workbook that reads as the JSON (npm run plan-workbooks)',
    async (name) => {
      const shipped = await XlsxWorkbook.open(join(PLAN_DIR, name.replace(/\.json$/, '.xlsx')));
      expect(await readWorkbookPlan(shipped)).toEqual(jsonPlan(name));
    },
  );

  it('offers the settings as drop-down lists and explains itself in Japanese', async () => {
    const book = new MemoryWorkbook();
    await createPlanForm(book, jsonPlan('samples/c-seven.json'));
    const lists = book.sheet(PLAN_SHEET_NAME).validations.map((validation) => validation.list);
    expect(lists).toEqual(
      expect.arrayContaining([
        ['数値', '記号'],
        ['基準による', '直接入力'],
        ['基準による', '審議会が入力', 'なし'],
        ['合計', '平均'],
        ['あり', 'なし'],
      ]),
    );
    const guide = [...book.sheet(PLAN_FORM_GUIDE_NAME).cells.values()].map((cell) => String(cell.value)).join('\n');
    expect(guide).toContain('[総合評価の基準]');
    expect(guide).toContain('template --plan');
  });
});

describe('a plan written in Excel by hand', () => {
  it('is the same plan as in JSON, and makes the same workbook', async () => {
    const fromExcel = await readWorkbookPlan(await bookOf(handWritten()));
    const fromJson = jsonPlan('samples/c-seven.json');
    expect(fromExcel).toEqual(fromJson);
    const [a, b] = [new MemoryWorkbook(), new MemoryWorkbook()];
    await createTemplate(a, { plan: fromExcel, year: 2022 });
    await createTemplate(b, { plan: fromJson, year: 2022 });
    expect(contents(a)).toEqual(contents(b));
  });

  it('reads each 進捗状況シート in one batch, though the filled definition does not state the form', async () => {
    const book = await bookOf(handWritten());
    const plan = await readWorkbookPlan(book);
    await createTemplate(book, { plan, year: 2022 });
    const itemSheets = new Set(
      book.sheetNames().filter((name) => name !== PLAN_SHEET_NAME && !name.startsWith('審議会')),
    );
    const batches: number[] = [];
    const readRanges = book.readRanges.bind(book);
    book.readRanges = async (requests) => {
      batches.push(requests.filter((request) => itemSheets.has(request.sheet)).length);
      return readRanges(requests);
    };
    const reading = await readWorkbook(book);
    expect(reading.sheets).toHaveLength(plan.items.length);
    expect(batches.filter((count) => count > 0)).toHaveLength(1);
  });

  const rowOf = (rows: CellValue[][], first: CellValue) => rows.findIndex((row) => row[0] === first);
  /** The A1 address of a column in the row that starts with a value. */
  const at = (column: string, first: CellValue) => (rows: CellValue[][]) => `${column}${rowOf(rows, first) + 1}`;
  it.each<[string, (rows: CellValue[][]) => void, (rows: CellValue[][]) => string, RegExp]>([
    [
      'a duplicate 小№',
      (rows) => (rows[rowOf(rows, '広告収入の拡大')][2] = '1-①-1'),
      at('C', '広告収入の拡大'),
      /1-①-1/,
    ],
    [
      'an item under no 取組項目',
      (rows) => (rows[rowOf(rows, '広告収入の拡大')][3] = '9-⑨'),
      at('D', '広告収入の拡大'),
      /9-⑨.*取組項目にありません/,
    ],
    ['bands that overlap', (rows) => (rows[rowOf(rows, 'b')][1] = 1.9), at('B', 'b'), /重なって/],
    [
      'a gate on an unknown criterion',
      (rows) => (rows[rowOf(rows, 'A')][2] = '実現性 2 以上'),
      at('C', 'A'),
      /実現性.*評価項目にありません/,
    ],
    [
      'a lowest band with a gate (a gap)',
      (rows) => rows[rowOf(rows, 'Ｃ')].push(null, '有効性 1 以上'),
      at('C', 'Ｃ'),
      /すき間/,
    ],
  ])('reports %s with the sheet, the cell and the fix', async (_, edit, cell, message) => {
    const rows = handWritten(edit);
    const error = await errorOf(rows);
    expect(error).toEqual({ sheet: PLAN_SHEET_NAME, cell: cell(rows), text: expect.stringMatching(message) });
  });

  it('warns of a theme nobody uses', () => {
    const data = JSON.parse(readFileSync(join(PLAN_DIR, 'samples/c-seven.json'), 'utf8')) as { themes: unknown[] };
    data.themes.push({ numeral: 'Ⅳ', name: '使われないテーマ', label: '未使用' });
    const warnings = checkPlan(data).problems.filter((problem) => problem.severity === 'warning');
    expect(warnings.map((problem) => problem.message).join()).toMatch(/Ⅳ/);
  });
});

describe('the CLI with a プラン定義 workbook', () => {
  it('template --plan-form writes it, and template --plan PLAN.xlsx builds every sheet from it', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'shinchoku-planform-'));
    const form = join(directory, 'plan-form.xlsx');
    const io = captureIo();
    const formRun = await run(
      ['template', '--plan-form', '--plan', join(PLAN_DIR, 'samples/b-direct.json'), '--out', form],
      io,
    );
    expect({ code: formRun, err: io.stderr }).toEqual({ code: 0, err: [] });
    const out = join(directory, 'book.xlsx');
    const second = captureIo();
    expect(await run(['template', '--plan', form, '--year', '令和元年度', '--out', out], second)).toBe(0);
    expect(second.stdout[0]).toContain('進捗状況シート 12 枚');
    const book = await XlsxWorkbook.open(out);
    expect(await readWorkbookPlan(book)).toEqual(jsonPlan('samples/b-direct.json'));
  });
});
