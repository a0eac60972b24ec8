/**
 * Real-length fixtures: a workbook whose every text field is as long as the texts departments
 * really write (issue 10, measured over the 66 published sheets), with long plan, 取組項目 and
 * 実践項目 names and long council comments. Deterministic (seeded), so a failure can be looked at
 * again. For the print tests, the form's print layout, and the bench.
 *
 *   const { plan, sheets, council } = realLengthWorkbookData();
 *   await writeWorkbook(port, plan, 2021, sheets, council);
 */
import { builtInPlan, exampleCouncilAverages, exampleScores } from '../../src/core/example';
import type { CouncilSheetData } from '../../src/core/councilSheet';
import { exampleSheetData } from '../../src/core/exampleSheets';
import { toFullWidth } from '../../src/core/japanese';
import { yearsThrough, type Plan, type FiscalYear } from '../../src/core/plan';
import { ACTIVITY_ROWS } from '../../src/core/sheet/progressSheetLayout';
import type { ProgressSheetData } from '../../src/core/sheet/progressSheetData';
import { summarize, type Summary } from '../../src/core/summary';
import { exampleEvaluations } from '../golden/exampleEvaluations';

/** Published lengths (characters, line breaks not counted) and most paragraphs or bullets per cell. */
export const REAL_LENGTHS = {
  plan: { max: 109, p90: 32, paragraphs: 2 },
  result: { max: 179, p90: 100, paragraphs: 5 },
  reason: { max: 125, p90: 50, paragraphs: 2 },
  issue: { max: 184, p90: 83, paragraphs: 4 },
  notes: { max: 465, p90: 296, paragraphs: 6 },
  /** Per sheet: 取組内容 rows used, all 取組内容 texts together, all reasons together, all 課題 texts together. */
  sheet: { activityRows: 15, activities: { max: 795, p90: 572 }, reasons: 318, issues: 407 },
} as const;

/** A small deterministic random source (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  '市民サービスの向上',
  '窓口業務の効率化',
  '庁内の事務処理の標準化',
  '関係部署との情報共有',
  '公共施設の長寿命化',
  'ＩＣＴを活用した業務改善',
  '民間事業者との連携',
  '財源確保の取組',
  '職員の人材育成',
  '地域団体との協働',
  '利用者アンケートの結果',
  'システム導入の効果',
];
const OBJECTS = [
  '先進自治体の事例',
  '実施方針',
  '費用対効果',
  '運用マニュアル',
  '利用状況のデータ',
  '課題の整理',
  '関係機関との協議',
  '市民への周知方法',
  '次年度の実施計画',
  '業務フロー',
];
const ENDINGS = [
  'について検討を進めた。',
  'を取りまとめ、庁内で共有した。',
  'を踏まえ、実施内容を見直した。',
  'の調査・分析を行った。',
  'に関する説明会を開催した。',
  'を確認し、改善点を整理した。',
  'について関係課と協議を重ねた。',
  'を策定し、運用を開始した。',
];
const FIGURES = ['2,000件', '80,000人', '12回', '３か所', '1.5倍', '約30％', '5,400万円', '延べ1,200人'];

/** One sentence of administrative Japanese. */
function sentence(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const figure = random() < 0.35 ? `（${pick(FIGURES)}）` : '';
  return `${pick(SUBJECTS)}${random() < 0.5 ? 'に向けて' : 'のため'}、${pick(OBJECTS)}${figure}${pick(ENDINGS)}`;
}

/** Characters of a text, line breaks not counted (how the published lengths were measured). */
export function textLength(text: string): number {
  return [...text.replace(/\n/g, '')].length;
}

/**
 * A text of exactly `length` characters (line breaks not counted) in `paragraphs` paragraphs,
 * each a line of its own, as bullets ("・") or plain paragraphs, ending in a full stop.
 * @param random - the random source
 * @param length - characters wanted (at least 2 per paragraph)
 * @param paragraphs - paragraphs or bullets
 * @param bullets - start each paragraph with "・"
 * @param prefix - text that starts the first paragraph (such as "(継)"), counted in the length
 * @returns the text
 */
export function realLengthText(
  random: () => number,
  length: number,
  paragraphs = 1,
  bullets = false,
  prefix = '',
): string {
  const count = Math.max(1, Math.min(paragraphs, Math.floor(length / 8)));
  const parts: string[] = [];
  let remaining = length;
  for (let index = 0; index < count; index++) {
    const share = index === count - 1 ? remaining : Math.max(4, Math.round(remaining / (count - index)));
    remaining -= share;
    const head = (index === 0 ? prefix : '') + (bullets ? '・' : '');
    let body = '';
    while ([...body].length < share - [...head].length) body += sentence(random);
    const cut = [...body].slice(0, Math.max(1, share - [...head].length - 1)).join('');
    parts.push(`${head}${cut.replace(/[、。]$/, 'る')}。`);
  }
  return parts.join('\n');
}

/** Splits `total` into `parts` lengths, each at most `max`, one of them the max when the total allows. */
function spread(random: () => number, total: number, parts: number, max: number, min = 8): number[] {
  const lengths = Array.from({ length: parts }, () => min);
  let left = total - min * parts;
  if (left > 0) {
    const grow = Math.min(left, max - min);
    lengths[Math.floor(random() * parts)] += grow;
    left -= grow;
  }
  while (left > 0) {
    const index = Math.floor(random() * parts);
    const grow = Math.min(left, max - lengths[index], 1 + Math.floor(random() * 20));
    if (grow > 0) {
      lengths[index] += grow;
      left -= grow;
    } else if (lengths.every((length) => length >= max)) break;
  }
  return lengths;
}

/**
 * The built-in plan with long names: a plan title of 50 characters, 取組項目 names up to 36 and
 * 実践項目 names up to 60 (every third name lengthened), departments lists of up to four.
 * @returns the plan
 */
export function realLengthPlan(): Plan {
  const base = builtInPlan();
  const longer = (name: string, max: number, index: number) =>
    index % 3 === 0
      ? `${name}及び関連する業務の見直しと、市民サービスの向上に向けた全庁的な推進体制の構築・運用`.slice(0, max)
      : name;
  return {
    ...base,
    title: `${base.title}～持続可能な行財政運営と市民サービスの向上を目指して～（令和２年度～令和６年度）`,
    initiatives: base.initiatives.map((initiative, index) => ({
      ...initiative,
      name: longer(initiative.name, 36, index),
    })),
    items: base.items.map((item, index) => ({
      ...item,
      name: longer(item.name, 60, index),
      departments:
        index % 5 === 0
          ? [...item.departments, '（総）行政監理室', '（財）資産経営課', '（市）市民生活課'].slice(0, 4)
          : item.departments,
    })),
  };
}

/**
 * One sheet's content with texts of real lengths. `longest` fills every field to the published
 * maximum (15 取組内容 rows, totals at their per-sheet maxima); otherwise fields are at the 90th
 * percentile with a few rows used.
 * @param plan - the plan
 * @param year - the year checked
 * @param itemIndex - which item (also the seed)
 * @param longest - the longest sheet, or a typical long one
 * @returns the sheet content
 */
export function realLengthSheet(plan: Plan, year: FiscalYear, itemIndex: number, longest: boolean): ProgressSheetData {
  const random = seededRandom(1000 + itemIndex);
  const item = plan.items[itemIndex];
  const data = exampleSheetData(plan, item, year, exampleScores());
  const L = REAL_LENGTHS;
  const years = yearsThrough(plan, year);
  const rows = longest ? L.sheet.activityRows : Math.min(ACTIVITY_ROWS, 4 + (itemIndex % 5));
  const total = longest ? L.sheet.activities.max : L.sheet.activities.p90;
  const plans = spread(random, Math.round(total * 0.35), rows, L.plan.max);
  const results = spread(random, total - Math.round(total * 0.35), rows, L.result.max);
  for (let row = 0; row < ACTIVITY_ROWS; row++) {
    if (row >= rows) {
      data.activities[row] = { year: '', plan: '', result: '' };
      continue;
    }
    const label = toFullWidth(years[Math.min(years.length - 1, Math.floor((row * years.length) / rows))]);
    data.activities[row] = {
      year: label,
      plan: realLengthText(random, plans[row], plans[row] > 60 ? L.plan.paragraphs : 1),
      result: realLengthText(
        random,
        results[row],
        results[row] > 100 ? L.result.paragraphs : 1,
        false,
        row === 0 ? '(新)' : '(継)',
      ),
    };
  }
  const reasonLengths = longest ? spread(random, L.sheet.reasons, 5, L.reason.max, 30) : [50, 50, 50, 50, 50];
  (['progress', 'cooperation', 'efficiency', 'creativity', 'overall'] as const).forEach((key, index) => {
    data.reasons[key] = realLengthText(
      random,
      reasonLengths[index],
      reasonLengths[index] > 60 ? L.reason.paragraphs : 1,
    );
  });
  const issueYears = years.filter((each) => data.issues[each].problem !== '' || longest);
  const issueLengths = spread(
    random,
    longest ? L.sheet.issues : L.issue.p90 * issueYears.length,
    Math.max(1, issueYears.length * 2),
    L.issue.max,
  );
  issueYears.forEach((each, index) => {
    data.issues[each] = {
      problem: realLengthText(random, issueLengths[index * 2], L.issue.paragraphs, true),
      solution: realLengthText(random, issueLengths[index * 2 + 1] ?? 40, L.issue.paragraphs, true),
    };
  });
  data.notes = realLengthText(random, longest ? L.notes.max : L.notes.p90, L.notes.paragraphs);
  return data;
}

/**
 * The council tab with long comments: four members, each commenting on every 取組項目 with
 * 80–300 characters in one to three paragraphs.
 * @param plan - the plan
 * @param year - the year checked
 * @returns the council tab's content
 */
export function realLengthCouncil(plan: Plan, year: FiscalYear): CouncilSheetData {
  const random = seededRandom(7);
  const members = ['委員1', '委員2', '委員3', '委員4'];
  return {
    year,
    members,
    rows: plan.initiatives.map((initiative) => ({
      initiativeNo: initiative.no,
      typedAverage: null,
      entries: members.map((member) => {
        const length = 80 + Math.floor(random() * 221);
        return {
          member,
          score: 2 + Math.floor(random() * 4),
          comment: realLengthText(random, length, 1 + Math.floor(random() * 3)),
        };
      }),
    })),
  };
}

/**
 * The whole real-length workbook's content: the long-named plan, one sheet per item (every
 * seventh the longest possible, the rest typical long ones) and the council tab.
 * @param year - the year checked (default R3)
 * @returns plan, sheets and council
 */
export function realLengthWorkbookData(year: FiscalYear = 2021): {
  plan: Plan;
  sheets: ProgressSheetData[];
  council: CouncilSheetData;
} {
  const plan = realLengthPlan();
  return {
    plan,
    sheets: plan.items.map((_, index) => realLengthSheet(plan, year, index, index % 7 === 0)),
    council: realLengthCouncil(plan, year),
  };
}

/**
 * The example's published figures under the real-length plan's long names, with the long council
 * comments: what the summary tabs and 取組項目別の評価 pages are built from, without a workbook.
 * @param year - the year checked (default R3)
 * @returns plan, summary and council
 */
export function realLengthSummary(year: FiscalYear = 2021): {
  plan: Plan;
  summary: Summary;
  council: CouncilSheetData;
} {
  const plan = realLengthPlan();
  const evaluations = exampleEvaluations().map((evaluation) => {
    const item = plan.items.find((each) => each.no === evaluation.itemNo);
    return { ...evaluation, name: item?.name ?? evaluation.name, departments: item?.departments ?? [] };
  });
  const summary = summarize({ plan, evaluations, council: exampleCouncilAverages(), year });
  return { plan, summary, council: realLengthCouncil(plan, year) };
}
