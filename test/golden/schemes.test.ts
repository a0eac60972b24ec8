/**
 * The three sample schemes (assets/plan/samples) end to end: template → fill (the inputs of
 * test/golden/schemes/*.json, typed as people type them) → 集計, with every figure equal to the
 * independent Python computation (test/golden/tools/make_schemes.py), and forms that show only
 * their own criteria and symbols.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregate } from '../../src/actions/aggregate';
import { readWorkbook } from '../../src/actions/readWorkbook';
import { createTemplate } from '../../src/actions/template';
import { councilCells, councilThemeGradeCell, COUNCIL_SHEET_NAME } from '../../src/core/councilSheet';
import { parseFiscalYear } from '../../src/core/fiscalYear';
import { parsePlan, type Plan } from '../../src/core/plan';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import type { CellValue, CellWrite } from '../../src/core/sheetSpec';
import type { SummaryJson } from '../../src/core/summaryJson';
import { MemoryWorkbook } from '../../src/workbook/memory';

interface ItemInput {
  values: Record<string, string>;
  grade?: string;
  indicators?: { name: string; unit: string; target: number; actual: number }[];
  cost?: { budget: number; settlement: number };
}
interface Fixture {
  plan: string;
  year: string;
  inputs: {
    items: Record<string, ItemInput>;
    council: {
      initiatives: Record<string, { grade?: string; scores: (string | number)[] }>;
      themes: Record<string, string>;
    };
  };
  expected: {
    items: Record<string, unknown>[];
    initiatives: Record<string, unknown>[];
    themes: Record<string, unknown>[];
    grades: Record<string, number>;
  };
}

const ROOT = join(__dirname, '../..');
const BUILT_IN_LABELS = ['進捗度', '連携度', '効率性', '創造性'];
const load = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;

/** Only the fields the fixture has, so that the comparison is the independent computation's. */
function pick(actual: object, expected: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(expected).map((key) => [key, (actual as Record<string, unknown>)[key]]));
}

/** The workbook of a sample plan, filled with its fixture's inputs. */
async function filledBook(name: string) {
  const fixture = load<Fixture>(`test/golden/schemes/${name}.json`);
  const plan: Plan = parsePlan(load(`assets/plan/${fixture.plan}`));
  const year = parseFiscalYear(fixture.year)!;
  const book = new MemoryWorkbook();
  await createTemplate(book, { plan, year });
  const reading = await readWorkbook(book, { plan });
  const layout = progressSheetLayout(plan);
  const at = plan.period.indexOf(year);
  const writes = reading.sheets.map((sheet) => {
    const input = fixture.inputs.items[sheet.data.itemNo];
    const cells: CellWrite[] = [];
    const put = (address: string, value: CellValue) => cells.push({ address, value });
    for (const [key, value] of Object.entries(input.values)) put(layout.scores[at].scores[key], value);
    if (input.grade !== undefined) put(layout.scores[at].grade, input.grade);
    input.indicators?.forEach((indicator, index) => {
      const where = layout.indicators[index];
      put(where.name, indicator.name);
      put(where.unit, indicator.unit);
      put(where.years[at].target, indicator.target);
      put(where.years[at].actual, indicator.actual);
    });
    if (input.cost) {
      put(layout.cost[at].budget, input.cost.budget);
      put(layout.cost[at].settlement, input.cost.settlement);
    }
    return { sheet: sheet.name, cells };
  });
  const council: CellWrite[] = [];
  for (const [no, entry] of Object.entries(fixture.inputs.council.initiatives)) {
    entry.scores.forEach((score, member) =>
      council.push({ address: councilCells(plan, no, member).score, value: score }),
    );
    if (entry.grade !== undefined) council.push({ address: councilCells(plan, no, 0).grade, value: entry.grade });
  }
  for (const [numeral, grade] of Object.entries(fixture.inputs.council.themes))
    council.push({ address: councilThemeGradeCell(plan, numeral), value: grade });
  await book.writeCells([...writes, { sheet: COUNCIL_SHEET_NAME, cells: council }]);
  return { fixture, plan, year, book, sheets: reading.sheets.map((sheet) => sheet.name) };
}

/** Every text written on a sheet. */
function texts(book: MemoryWorkbook, sheet: string): string[] {
  return [...book.sheet(sheet).cells.values()].flatMap((cell) => (typeof cell.value === 'string' ? [cell.value] : []));
}

describe.each(['a-judged', 'b-direct', 'c-seven'])('sample scheme %s', (name) => {
  let built: Awaited<ReturnType<typeof filledBook>>;
  let json: SummaryJson;
  beforeAll(async () => {
    built = await filledBook(name);
    const result = await aggregate(built.book);
    expect(result.problems).toEqual([]);
    json = result.json;
  });

  it('has 10–50 items', () => {
    expect(built.plan.items.length).toBeGreaterThanOrEqual(10);
    expect(built.plan.items.length).toBeLessThanOrEqual(50);
  });

  it('gives each item the independent figures', () => {
    const expected = built.fixture.expected.items;
    expect(json.items.map((item, index) => pick(item, expected[index]))).toEqual(expected);
  });

  it('gives each 取組項目 and テーマ the independent figures', () => {
    const { initiatives, themes } = built.fixture.expected;
    expect(json.initiatives.map((initiative, index) => pick(initiative, initiatives[index]))).toEqual(initiatives);
    expect(json.themes.map((theme, index) => pick(theme, themes[index]))).toEqual(themes);
  });

  it('counts the grades as the independent computation does', () => {
    expect(json.counts.grades).toEqual(built.fixture.expected.grades);
  });

  it('shows only its own criteria and symbols on the form', () => {
    const form = texts(built.book, built.sheets[0]);
    for (const criterion of built.plan.criteria) expect(form).toContain(criterion.label);
    const own = new Set(built.plan.criteria.map((criterion) => criterion.label));
    for (const label of BUILT_IN_LABELS.filter((each) => !own.has(each))) expect(form).not.toContain(label);
    const lists = built.book.sheet(built.sheets[0]).validations.map((validation) => validation.list);
    const { scheme } = built.plan;
    if (scheme.scale.kind === 'symbols' && built.plan.criteria.length > 0)
      expect(lists).toContainEqual([...scheme.scale.symbols.map((each) => each.symbol), scheme.notApplicable]);
    if (scheme.itemGrade.kind === 'entered') expect(lists).toContainEqual(scheme.itemGrade.grades);
    expect(lists).not.toContainEqual(['0', '1', '2', '3', '-']); // no built-in score list
  });
});

describe('years across eras', () => {
  it('prints 令和元年 as 元, never 令和１', async () => {
    const { book, sheets } = await filledBook('b-direct');
    const form = texts(book, sheets[0]);
    expect(form).toEqual(expect.arrayContaining(['令和元年度末', 'Ｈ２９年度', 'Ｒ元年度', 'Ｒ元']));
    expect(form.join('\n')).not.toMatch(/令和[1１]年|Ｒ[1１]|R1/);
  });
});
