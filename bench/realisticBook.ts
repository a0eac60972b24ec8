/**
 * Realistic synthetic workbooks for `npm run bench`: any number of 進捗状況シート over the example's
 * 取組項目, with the published self-evaluations (items cycle through assets/plan's 70, ended items
 * included) and Japanese text of the published lengths: 取組予定 up to 109 and 取組結果 up to 179
 * characters per 取組内容 row (90 % of them up to 32 and 100), up to 15 rows; 評価の理由 up to 125
 * per criterion; 課題・問題点 and 解決方法 up to 184 per year; 特記事項 up to 465; about 950
 * characters a sheet in all. Deterministic (seeded), so every run measures the same book.
 */
import { writeCouncilSheet } from '../src/core/councilSheet';
import { builtInPlan, exampleCouncilAverages, exampleScores } from '../src/core/example';
import { exampleSheetData } from '../src/core/exampleSheets';
import type { FiscalYear } from '../src/core/fiscalYear';
import type { ItemCode } from '../src/core/itemCode';
import type { Plan } from '../src/core/plan';
import type { Scores } from '../src/core/rules';
import { ACTIVITY_ROWS } from '../src/core/sheet/progressSheetLayout';
import type { ProgressSheetData } from '../src/core/sheet/progressSheetData';
import { writeProgressSheet } from '../src/core/sheet/writeProgressSheet';
import type { SheetSpec } from '../src/core/sheetSpec';
import { random } from '../test/support/random';

/** The year the books are checked in. */
export const BENCH_YEAR: FiscalYear = 2021;

const PHRASES = [
  '市民サービスの向上に向けて',
  '関係部署と連携し',
  '説明会を開催した。',
  '参加者数は前年度比で増加した。',
  '課題を整理し、',
  '次年度の実施方針を決定した。',
  'ガバメントクラウドファンディングを活用し、',
  '公共施設の長寿命化計画に基づき',
  '窓口業務の電子化を進め、',
  '申請件数は１２０件となった。',
  '民間事業者との協定を締結し、',
  '職員研修を３回実施した。',
  '費用対効果を検証しながら',
  '地域の担い手と協働して',
  '⇒',
  '（新）',
  '（継）',
  '庁内の連絡会議で進捗を共有した。',
  '財源確保の手法を検討した。',
  'アンケート結果を分析し、改善点を洗い出した。',
];

/** Japanese text of exactly `length` characters. */
function text(next: () => number, length: number): string {
  let result = '';
  while (result.length < length) result += PHRASES[Math.floor(next() * PHRASES.length)];
  return result.slice(0, length);
}

/** A length: 90 % up to `p90`, the rest up to `max`. */
function length(next: () => number, p90: number, max: number, min = 4): number {
  return next() < 0.9 ? min + Math.floor(next() * (p90 - min + 1)) : p90 + Math.floor(next() * (max - p90 + 1));
}

/** A plan of `count` 実践項目 cycling through the example's items (their 取組項目, flags and endings). */
export function realisticPlan(count: number): Plan {
  const base = builtInPlan();
  const items = Array.from({ length: count }, (_, index) => {
    const item = base.items[index % base.items.length];
    return { ...item, no: String(index + 1), name: `${item.name}（${index + 1}）` };
  });
  return { ...base, items };
}

/** The published scores of each synthetic item (year → 小№ → scores). */
function scoresOf(plan: Plan): Record<FiscalYear, Record<ItemCode, Scores>> {
  const published = exampleScores();
  const scores: Record<FiscalYear, Record<ItemCode, Scores>> = {};
  for (const year of Object.keys(published).map(Number)) {
    scores[year] = {};
    for (const [index, item] of plan.items.entries()) {
      const source = published[year][String((index % 70) + 1)];
      if (source) scores[year][item.no] = source;
    }
  }
  return scores;
}

/** One sheet's content: the example's structure with texts of the published lengths. */
function sheetData(plan: Plan, index: number, scores: Record<FiscalYear, Record<ItemCode, Scores>>): ProgressSheetData {
  const next = random(index + 1);
  const data = exampleSheetData(plan, plan.items[index], BENCH_YEAR, scores);
  const rows = length(next, 10, ACTIVITY_ROWS, 1);
  data.activities = Array.from({ length: ACTIVITY_ROWS }, (_, row) =>
    row < rows
      ? {
          year: row < rows / 2 ? 'Ｒ２' : 'Ｒ３',
          plan: text(next, length(next, 32, 109)),
          result: `${row === 0 ? '(新)' : '(継)'}${text(next, length(next, 100, 179) - 3)}`,
        }
      : { year: '', plan: '', result: '' },
  );
  for (const key of Object.keys(data.reasons) as (keyof ProgressSheetData['reasons'])[])
    data.reasons[key] = text(next, length(next, 60, 125, 10));
  for (const year of [2020, 2021])
    if (data.issues[year])
      data.issues[year] = {
        problem: text(next, length(next, 70, 184, 10)),
        solution: text(next, length(next, 70, 184, 10)),
      };
  data.notes = next() < 0.5 ? text(next, length(next, 160, 465, 20)) : '';
  return data;
}

/**
 * The sheets of a realistic book, in batches (so that a big book is never all specs at once).
 * @param count - the number of 進捗状況シート
 * @param batch - how many specs each yielded batch holds
 * @returns batches of item sheets, then one batch with the 審議会評価 tab
 */
export function* realisticSheets(count: number, batch = 500): Generator<SheetSpec[]> {
  const plan = realisticPlan(count);
  const scores = scoresOf(plan);
  for (let start = 0; start < count; start += batch) {
    const end = Math.min(count, start + batch);
    yield Array.from({ length: end - start }, (_, offset) =>
      writeProgressSheet(plan, sheetData(plan, start + offset, scores)),
    );
  }
  const averages = exampleCouncilAverages()[BENCH_YEAR] ?? {};
  yield [
    writeCouncilSheet(plan, {
      year: BENCH_YEAR,
      members: [],
      rows: plan.initiatives.map((initiative) => ({
        initiativeNo: initiative.no,
        typedAverage: averages[initiative.no] ?? null,
        entries: [],
      })),
    }),
  ];
}

/**
 * The characters a department typed on a sheet (for the bench's report of the text per sheet).
 * @param count - how many sheets to sample
 * @returns the average typed characters per sheet
 */
export function typedCharactersPerSheet(count: number): number {
  const plan = realisticPlan(count);
  const scores = scoresOf(plan);
  let total = 0;
  for (let index = 0; index < count; index++) {
    const data = sheetData(plan, index, scores);
    total +=
      data.activities.reduce((sum, row) => sum + row.plan.length + row.result.length, 0) +
      Object.values(data.reasons).reduce((sum, reason) => sum + reason.length, 0) +
      Object.values(data.issues).reduce((sum, issue) => sum + issue.problem.length + issue.solution.length, 0) +
      data.notes.length;
  }
  return total / count;
}
