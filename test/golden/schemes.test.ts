/**
 * The three sample schemes (assets/plan/samples) end to end: template → fill (the inputs of
 * test/golden/schemes/*.json, typed as people type them) → 集計, with every figure equal to the
 * independent Python computation (test/golden/tools/make_schemes.py), and forms that show only
 * their own criteria and symbols.
 */
import { aggregate } from '../../src/actions/aggregate';
import type { SummaryJson } from '../../src/core/summaryJson';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { fillSample, pick, SAMPLE_SCHEMES } from '../support/sampleSchemes';

const BUILT_IN_LABELS = ['進捗度', '連携度', '効率性', '創造性'];

/** A sample plan's filled workbook in memory. */
async function filledBook(name: string) {
  const book = new MemoryWorkbook();
  return { ...(await fillSample(book, name)), book };
}

/** Every text written on a sheet. */
function texts(book: MemoryWorkbook, sheet: string): string[] {
  return [...book.sheet(sheet).cells.values()].flatMap((cell) => (typeof cell.value === 'string' ? [cell.value] : []));
}

describe.each(SAMPLE_SCHEMES)('sample scheme %s', (name) => {
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
