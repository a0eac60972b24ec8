import { Decimal } from './decimal';
import type { ItemEvaluation } from './evaluation';
import { parsePlan, type Plan } from './plan';

const [R2, R3, R4] = [2020, 2021, 2022];
import type { Scores } from './rules';
import { summarize, SummaryError } from './summary';
import { summaryToJson } from './summaryJson';

const s = (progress: number, cooperation: number, efficiency: number, creativity: number): Scores => ({
  progress,
  cooperation,
  efficiency,
  creativity,
});

/** Three themes; initiative 1 (Ⅰ, Ⅱ) has items 1–2, initiative 2 (Ⅱ) items 3–4, initiative 3 (Ⅲ) item 5. */
function smallPlan(): Plan {
  return parsePlan({
    title: 'テストプラン',
    period: ['R2', 'R3', 'R4'],
    themes: [
      { numeral: 'Ⅰ', name: '財政', label: '財政運営' },
      { numeral: 'Ⅱ', name: 'サービス', label: '市民サービス' },
      { numeral: 'Ⅲ', name: '協働', label: '協働' },
    ],
    initiatives: [
      { no: 1, name: '取組一', themes: ['Ⅰ', 'Ⅱ'] },
      { no: 2, name: '取組二', themes: ['Ⅱ'] },
      { no: 3, name: '取組三', themes: ['Ⅲ'] },
    ],
    items: [1, 2, 3, 4, 5].map((no) => ({
      no,
      initiative: no <= 2 ? 1 : no <= 4 ? 2 : 3,
      name: `項目${no}`,
      endedIn: null,
    })),
  });
}

function evaluation(no: number, scores: ItemEvaluation['scores'], endedIn: number | null = null): ItemEvaluation {
  const itemNo = String(no);
  return {
    itemNo,
    initiativeNo: String(no <= 2 ? 1 : no <= 4 ? 2 : 3),
    name: `項目${itemNo}`,
    departments: ['（総）総務課'],
    continuedFromPreviousPlan: false,
    endedIn,
    scores,
    sheetName: `No${itemNo}`,
  };
}

function allEvaluated(): ItemEvaluation[] {
  return [
    evaluation(1, { [R2]: s(2, 2, 2, 2), [R3]: s(3, 3, 3, 3) }),
    evaluation(2, { [R2]: s(1, 1, 1, 1), [R3]: s(2, 2, 2, 2) }),
    evaluation(3, { [R2]: s(3, 3, 3, 3) }, R2),
    evaluation(4, { [R2]: s(1, 2, 1, 1), [R3]: s(2, 2, 1, 1) }),
    evaluation(5, { [R2]: s(3, 3, 3, 2), [R3]: s(3, 3, 3, 3) }),
  ];
}

const run = (evaluations: ItemEvaluation[], year: number, council = {}) =>
  summarize({ plan: smallPlan(), evaluations, council, year });

describe('items', () => {
  it('grades each item of the year and its previous year', () => {
    const item1 = run(allEvaluated(), R3).items[0];
    expect([item1.total, item1.grade, item1.previousGrade, item1.scoredIn]).toEqual([12, 'A', 'B', R3]);
  });
  it('has no previous grade in the first year of the plan', () => {
    const summary = run(allEvaluated(), R2);
    expect(summary.previousYear).toBeNull();
    expect(summary.items.every((item) => item.previousGrade === null)).toBe(true);
    expect(summary.counts.previousGrades).toEqual({ A: 0, B: 0, C: 0, D: 0 });
  });
});

describe('ended items still count (rule 3.2)', () => {
  it('carries the last self-evaluation of an item that ended in an earlier year', () => {
    const item3 = run(allEvaluated(), R3).items[2];
    expect([item3.scores, item3.scoredIn, item3.grade, item3.endedIn]).toEqual([s(3, 3, 3, 3), R2, 'A', R2]);
    // Two years later still the R2 scores, and they count in the initiative (3.0 and 2.0 → 2.5).
    const later = run(allEvaluated(), R4);
    expect(later.items[2].scoredIn).toBe(R2);
  });
  it('carries the last evaluated year at or before the end, not a later one', () => {
    const evaluations = [evaluation(3, { [R2]: s(1, 1, 1, 1), [R3]: s(3, 3, 3, 3) }, R2)];
    const item3 = run(evaluations, R4).items.find((item) => item.no === '3')!;
    expect(item3.scoredIn).toBe(R2);
  });
  it('does not carry for an item ending this year: it needs this year’s scores', () => {
    const evaluations = allEvaluated().map((each) =>
      each.itemNo === '2' ? evaluation(2, { [R2]: s(1, 1, 1, 1) }, R3) : each,
    );
    const summary = run(evaluations, R3);
    expect(summary.items[1].scores).toBeNull();
    expect(summary.missing).toEqual([{ itemNo: '2', sheetName: 'No2' }]);
    expect(summary.counts.endedBy).toEqual(['2', '3']);
  });
  it('uses the item’s own scores when an ended item has some for the year', () => {
    const evaluations = [evaluation(3, { [R2]: s(1, 1, 1, 1), [R3]: s(2, 2, 2, 2) }, R2)];
    expect(run(evaluations, R3).items.find((item) => item.no === '3')!.scoredIn).toBe(R3);
  });
});

describe('missing items', () => {
  it('leaves a running item without scores out of the averages and lists it', () => {
    const evaluations = allEvaluated().map((each) =>
      each.itemNo === '2' ? evaluation(2, { [R2]: s(1, 1, 1, 1) }) : each,
    );
    const summary = run(evaluations, R3);
    expect(summary.missing).toEqual([{ itemNo: '2', sheetName: 'No2' }]);
    const initiative1 = summary.initiatives[0];
    expect([initiative1.itemCount, initiative1.evaluatedCount]).toEqual([2, 1]);
    expect(initiative1.result!.total!.toFixed(1)).toBe('12.0'); // item 1 alone
    expect(summaryToJson(summary).items[1]).toEqual({
      no: '2',
      initiative: '1',
      scores: null,
      total: null,
      grade: null,
      previousGrade: 'D',
      endedIn: null,
    });
  });
  it('lists a plan item with no sheet at all, with a null sheet name', () => {
    const summary = run(
      allEvaluated().filter((each) => each.itemNo !== '5'),
      R3,
    );
    expect(summary.missing).toEqual([{ itemNo: '5', sheetName: null }]);
    expect(summary.initiatives[2].result).toBeNull();
    expect(summary.initiatives[2].history).toEqual({});
    expect(summary.themes[2].result).toBeNull();
  });
  it('counts a missing running item as active but not in the grade counts', () => {
    const evaluations = allEvaluated().map((each) =>
      each.itemNo === '2' ? evaluation(2, { [R2]: s(1, 1, 1, 1) }) : each,
    );
    const { counts } = run(evaluations, R3);
    expect(counts.active).toBe(4);
    expect(counts.grades).toEqual({ A: 2, B: 0, C: 1, D: 0 });
    expect(counts.previousGrades).toEqual({ A: 1, B: 1, C: 1, D: 1 });
  });
});

describe('initiatives and themes', () => {
  it('groups every item of every initiative marked with a theme', () => {
    const summary = run(allEvaluated(), R3);
    const [one, two, three] = summary.themes;
    expect([one.initiativeCount, one.itemCount]).toEqual([1, 2]);
    expect([two.initiativeCount, two.itemCount]).toEqual([2, 4]); // initiatives 1 and 2, item 3 carried
    expect([three.initiativeCount, three.itemCount]).toEqual([1, 1]);
    // Ⅱ over items 1–4 in R3: progress (3+2+3+2)/4 = 2.5, cooperation 2.5, efficiency (3+2+3+1)/4 = 2.25 → 2.3
    expect(Object.values(two.result!.averages).map((value) => value!.toFixed(1))).toEqual(['2.5', '2.5', '2.3', '2.3']);
    expect(two.result!.total!.toFixed(1)).toBe('9.6');
    expect(two.result!.grade).toBe('A');
  });
  it('keeps the history of each year with an evaluated item', () => {
    const summary = run(allEvaluated(), R3);
    expect(summary.initiatives[0].history).toEqual({ [R2]: 'C', [R3]: 'A' });
    expect(summary.initiatives[1].history).toEqual({ [R2]: 'B', [R3]: 'B' });
  });
  it('takes initiative council averages as given and rounds the theme mean half-up', () => {
    const council = { [R3]: { '1': Decimal.of('3.2'), '2': Decimal.of('3.3') } };
    const summary = run(allEvaluated(), R3, council);
    expect(summary.initiatives.map((each) => each.councilAverage?.toFixed(1) ?? null)).toEqual(['3.2', '3.3', null]);
    expect(summary.themes[1].councilAverage!.toFixed(1)).toBe('3.3'); // (3.2 + 3.3) / 2 = 3.25 → 3.3
    expect(summary.themes[0].councilAverage!.toFixed(1)).toBe('3.2');
    expect(summary.themes[2].councilAverage).toBeNull();
    expect(run(allEvaluated(), R2, council).initiatives[0].councilAverage).toBeNull();
  });
});

describe('headline counts', () => {
  it('counts running items, this year’s and last year’s grades of the same items, and ended items', () => {
    const { counts } = run(allEvaluated(), R3);
    expect(counts.active).toBe(4); // item 3 ended in R2
    expect(counts.grades).toEqual({ A: 2, B: 1, C: 1, D: 0 });
    expect(counts.previousGrades).toEqual({ A: 1, B: 1, C: 1, D: 1 });
    expect(counts.endedBy).toEqual(['3']);
  });
  it('counts an item ending this year as running', () => {
    expect(run(allEvaluated(), R2).counts.active).toBe(5);
    expect(run(allEvaluated(), R2).counts.endedBy).toEqual(['3']);
  });
});

describe('bad input', () => {
  it('refuses two sheets with one 小№', () => {
    expect(() => run([...allEvaluated(), evaluation(1, {})], R3)).toThrow(SummaryError);
  });
  it('refuses an unknown 取組項目', () => {
    expect(() => run([{ ...evaluation(1, {}), initiativeNo: '9' }], R3)).toThrow('大№ 9');
  });
  it('refuses a year outside the plan', () => {
    expect(() => run(allEvaluated(), 2027)).toThrow();
  });
});

describe('summaryToJson', () => {
  it('writes decimals as numbers and grades as letters', () => {
    const json = summaryToJson(run(allEvaluated(), R3, { [R3]: { '1': Decimal.of('4.3') } }));
    expect(json.initiatives[0]).toEqual({
      no: '1',
      itemCount: 2,
      themes: ['Ⅰ', 'Ⅱ'],
      averages: { progress: 2.5, cooperation: 2.5, efficiency: 2.5, creativity: 2.5 },
      total: 10,
      grade: 'A',
      history: { R2: 'C', R3: 'A' },
      councilAverage: 4.3,
    });
    expect(json.items[2]).toEqual({
      no: '3',
      initiative: '2',
      scores: s(3, 3, 3, 3),
      total: 12,
      grade: 'A',
      previousGrade: 'A',
      endedIn: 'R2',
    });
  });
});
