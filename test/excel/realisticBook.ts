/**
 * Workbooks of realistic 進捗状況シート for the Office.js payload tests and `npm run bench`: the
 * published scores' pattern and about 950 characters of Japanese text per sheet, at the published
 * maximum lengths where the report has them (取組結果 up to 179 characters a row, 課題 up to 184 a
 * year, 特記事項 up to 465). Blank synthetic sheets hide how large a real read answer is.
 */
import { writeCouncilSheet } from '../../src/core/councilSheet';
import { writePlanSheet } from '../../src/core/planSheet';
import { blankProgressSheet } from '../../src/core/sheet/progressSheetData';
import { writeProgressSheet } from '../../src/core/sheet/writeProgressSheet';
import type { SheetSpec } from '../../src/core/sheetSpec';
import { syntheticPlan } from '../support/syntheticBook';

const PHRASE = '市民サービスの向上と業務の効率化に向けて関係部署と連携し、手続のオンライン化と窓口の見直しを進めた。';

/** Japanese text of exactly `length` characters (varied per sheet so nothing repeats exactly). */
function text(length: number, seed: number): string {
  let result = `${seed}：`;
  while (result.length < length) result += PHRASE;
  return result.slice(0, length);
}

/** Books up to this many items carry their プラン定義 tab. */
export const PLAN_TAB_ITEMS = 1000;

/** Characters of text per sheet written by realisticSheets (see the file comment). */
export const TEXT_PER_SHEET = 179 * 3 + 120 + 184 + 130 + 465 / 3;

/**
 * The specs of a workbook with `count` realistic sheets, the プラン定義 and 審議会評価 tabs.
 * @param count - 進捗状況シート
 */
export function realisticBookSpecs(count: number): SheetSpec[] {
  const plan = syntheticPlan(count);
  const specs = plan.items.map((item, index) => {
    const data = blankProgressSheet(plan, item, 2021);
    for (const year of [2020, 2021])
      data.scores[year] = { progress: index % 4, cooperation: (index + 1) % 4, efficiency: 2, creativity: 3 };
    data.activities[0] = { year: 'Ｒ２', plan: text(60, index), result: text(179, index) };
    data.activities[1] = { year: 'Ｒ３', plan: text(60, index + 1), result: text(179, index + 1) };
    data.activities[2] = { year: 'Ｒ３', plan: '', result: text(179, index + 2) };
    data.issues[2021] = { problem: text(184, index), solution: text(130, index) };
    data.notes = index % 3 === 0 ? text(465, index) : '';
    return writeProgressSheet(plan, data);
  });
  // Larger books go without the プラン定義 tab and 「集計」 is given the plan (as `shinchoku
  // aggregate --plan` does), so that the request figures are those of the sheets.
  const planTab = count <= PLAN_TAB_ITEMS ? [writePlanSheet(plan)] : [];
  return [...specs, ...planTab, writeCouncilSheet(plan, { year: 2021, members: [], rows: [] })];
}
