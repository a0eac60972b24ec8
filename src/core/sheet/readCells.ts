/**
 * Reading the department's cells of a 進捗状況シート: free text exactly as typed (with warnings for
 * what Excel or a printer cannot take), and 取組終了 as a year and month.
 */
import { fiscalYearName, fiscalYearOfMonth, parseEraCalendarYear } from '../fiscalYear';
import { normalizeInput } from '../japanese';
import type { Plan } from '../plan';
import type { CellGrid } from './cellGrid';
import type { ProgressSheetData } from './progressSheetData';
import type { ProgressSheetLayout } from './progressSheetLayout';
import type { Report } from './readProgressSheet';

/** Excel's longest cell text. */
export const MAX_CELL_TEXT = 32767;
/** Control characters a printer shows as nothing or a box (tab and line breaks are fine). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * A typed text exactly as it is (no trimming, no removal), with a warning for text that became a
 * formula, an error for text longer than Excel allows, and a warning for control characters.
 * @param grid - the cells read
 * @param address - the cell
 * @param report - where problems go
 * @returns the text ('' when empty)
 */
export function readText(grid: CellGrid, address: string, report: Report): string {
  const formula = grid.formula(address);
  const value = grid.value(address);
  const text = value === null ? '' : String(value);
  if (formula !== null) {
    report(
      'text-formula',
      address,
      `数式「${formula}」が入力されています（値: ${text.trim() || '空欄'}）。`,
      "文章として入力する場合は、先頭に「'」を付けて入力し直してください。",
    );
  }
  if (text.length > MAX_CELL_TEXT) {
    report(
      'text-too-long',
      address,
      `文字数が Excel の上限（${MAX_CELL_TEXT.toLocaleString('en-US')} 文字）を超えています（${text.length.toLocaleString('en-US')} 文字）。`,
      `${MAX_CELL_TEXT.toLocaleString('en-US')} 文字以内に短くしてください。このままでは配布・回収でシートを書き出せず、Excel でも編集できません。`,
    );
  }
  const controls = [...new Set(text.match(CONTROL_CHARACTERS) ?? [])];
  if (controls.length > 0) {
    const names = controls.map((char) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    report(
      'text-control-character',
      address,
      `制御文字（${names.join('、')}）が含まれています。印刷では表示されないか、別の記号になります。`,
      '不要であれば削除してください（入力された文字は変更せずに残しています）。',
    );
  }
  return text;
}

/**
 * 取組終了 as typed, or null when both cells are blank; a half-filled or unreadable one is an
 * error, and so is one outside the plan's period (the item would otherwise leave the summary).
 * @param grid - the cells read
 * @param layout - the cell map
 * @param plan - the plan (its period)
 * @param report - where problems go
 * @returns the calendar year and month, or null
 */
export function readEnded(
  grid: CellGrid,
  layout: ProgressSheetLayout,
  plan: Plan,
  report: Report,
): ProgressSheetData['ended'] {
  const yearValue = grid.value(layout.endedEraYear);
  const monthValue = grid.value(layout.endedMonth);
  const yearText = grid.text(layout.endedEraYear);
  const monthText = grid.text(layout.endedMonth);
  if (yearText === '' && monthText === '') return null;
  const year =
    typeof yearValue === 'number' || typeof yearValue === 'string'
      ? parseEraCalendarYear(yearValue, layout.endedEra)
      : null;
  const month = monthOf(monthValue);
  const typed = `${layout.endedEra.name}${yearText || '□'}年${monthText || '□'}月`;
  if (year === null || month === null) {
    report(
      'ended-invalid',
      year === null ? layout.endedEraYear : layout.endedMonth,
      `取組終了「${typed}」が読み取れません。`,
      '取組が終了した場合は年と月を数字で入力し（平成の年は「H30」のように）、終了していない場合は両方を空欄にしてください。',
    );
    return null;
  }
  const fiscalYear = fiscalYearOfMonth(year, month);
  if (!plan.period.includes(fiscalYear)) {
    report(
      'ended-outside-period',
      layout.endedEraYear,
      `取組終了「${typed}」は${fiscalYearName(fiscalYear)}で、計画期間（${fiscalYearName(plan.period[0])}〜${fiscalYearName(plan.period[plan.period.length - 1])}）の外です。このままでは集計で終了した実践項目として扱えません。`,
      '取組が終了した年と月を計画期間の中で入力し直してください（終了していなければ空欄に）。',
    );
  }
  return { year, month };
}

function monthOf(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? normalizeInput(value) : '';
  const match = /^(\d{1,2})月?$/.exec(text);
  const month = match ? Number(match[1]) : NaN;
  return month >= 1 && month <= 12 ? month : null;
}
