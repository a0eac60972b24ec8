/**
 * Fiscal years (年度) as people write them and as the product stores them.
 *
 * A fiscal year is stored as the Western year it starts in (2021 = 令和３年度, April 2021 to March
 * 2022): unambiguous, ordered by `<`, and the same across eras. It is printed in its era: 平成 up to
 * 2018, 令和 from 2019 (令和元年度, the era in force for all but one month of that fiscal year),
 * with 元 for the first year (令和元年度, Ｒ元, never 令和１). Input accepts R3, H29, 令和3年度,
 * 令和３年度末, 令和元年度, R元, H31 (= 令和元年度) and 2021.
 */
import { normalizeInput, toFullWidth } from './japanese';

/** A fiscal year: the Western year it starts in (2021 = 令和３年度). */
export type FiscalYear = number;

/** A Japanese era: its name, its letter, and the Western year of its year 0. */
export interface Era {
  name: '平成' | '令和';
  letter: 'H' | 'R';
  /** Western year = offset + era year (令和3 = 2018 + 3). */
  offset: number;
  /** The first fiscal year printed in this era. */
  firstFiscalYear: number;
}

/** The eras the product prints, latest first. */
export const ERAS: readonly Era[] = [
  { name: '令和', letter: 'R', offset: 2018, firstFiscalYear: 2019 },
  { name: '平成', letter: 'H', offset: 1988, firstFiscalYear: 1989 },
];

/**
 * The era a fiscal year is printed in.
 * @param year - a fiscal year
 * @returns 令和 from 2019, 平成 from 1989
 * @throws RangeError for a year before 平成
 */
export function eraOf(year: FiscalYear): Era {
  const era = ERAS.find((candidate) => year >= candidate.firstFiscalYear);
  if (!era) throw new RangeError(`fiscal year ${year} is before 平成`);
  return era;
}

/**
 * An era year as printed: 元 for the first year, full-width digits otherwise.
 * @param eraYear - 1, 2, …
 * @returns 元, ２, …
 */
export function eraYearText(eraYear: number): string {
  return eraYear === 1 ? '元' : toFullWidth(eraYear);
}

/**
 * The short label of a year on the form and the summary tabs ("Ｒ３", "Ｒ元", "Ｈ２９").
 * @param year - a fiscal year
 * @returns the label
 */
export function yearLabel(year: FiscalYear): string {
  const era = eraOf(year);
  return `${toFullWidth(era.letter)}${eraYearText(year - era.offset)}`;
}

/**
 * The full name of a fiscal year ("令和３年度", "令和元年度", "平成２９年度").
 * @param year - a fiscal year
 * @returns the name
 */
export function fiscalYearName(year: FiscalYear): string {
  const era = eraOf(year);
  return `${era.name}${eraYearText(year - era.offset)}年度`;
}

/**
 * The 確認時期 text of a year ("令和３年度末").
 * @param year - a fiscal year
 * @returns the label
 */
export function checkPeriodLabel(year: FiscalYear): string {
  return `${fiscalYearName(year)}末`;
}

/**
 * The ASCII code of a year ("R3", "R1", "H29"): what `--year` takes, the JSON summary and messages
 * use.
 * @param year - a fiscal year
 * @returns the code
 */
export function yearCode(year: FiscalYear): string {
  const era = eraOf(year);
  return `${era.letter}${year - era.offset}`;
}

/**
 * Reads a year as people write it: R3, r3, Ｒ３, 令和3, 令和３年度, 令和３年度末, R元, 令和元年度,
 * H29, 平成29年度, H31 (the same year as 令和元年度), 2021, 2021年度.
 * @param text - typed text, or a Western year as a number
 * @returns the fiscal year, or null when the text names none (元 alone, 令和0, an unknown era)
 */
export function parseFiscalYear(text: string | number): FiscalYear | null {
  if (typeof text === 'number') return Number.isInteger(text) && text >= ERAS[ERAS.length - 1].offset + 1 ? text : null;
  const typed = normalizeInput(text)
    .replace(/\s+/g, '')
    .replace(/(?:年度?)?末?$/, '');
  if (/^\d{4}$/.test(typed)) return parseFiscalYear(Number(typed));
  return explicitEraYear(typed);
}

/**
 * Reads an era year typed without its era (the 取組終了 cell: 令和 [3] 年): a number, 元, or an
 * explicit era ("H30", "平成30").
 * @param value - what the cell holds
 * @param defaultEra - the era printed beside the cell
 * @returns the Western calendar year, or null when unreadable
 */
export function parseEraCalendarYear(value: string | number, defaultEra: Era): number | null {
  const typed =
    typeof value === 'number' ? String(value) : normalizeInput(value).replace(/\s+/g, '').replace(/年$/, '');
  if (/^(\d{1,2}|元)$/.test(typed)) return explicitEraYear(`${defaultEra.letter}${typed}`);
  return explicitEraYear(typed);
}

/** "R3", "令和元", "H30" → the Western year; null when not of that form or year 0. */
function explicitEraYear(typed: string): number | null {
  const match = /^(令和|平成|R|H)(\d{1,2}|元)$/i.exec(typed);
  if (!match) return null;
  const era = ERAS.find((candidate) => candidate.name === match[1] || candidate.letter === match[1].toUpperCase());
  const eraYear = match[2] === '元' ? 1 : Number(match[2]);
  return era && eraYear >= 1 ? era.offset + eraYear : null;
}

/**
 * The fiscal year a calendar month falls in: January–March belong to the year before (令和3年3月
 * is in 令和２年度).
 * @param calendarYear - Western calendar year
 * @param month - 1–12
 * @returns the fiscal year
 */
export function fiscalYearOfMonth(calendarYear: number, month: number): FiscalYear {
  return month <= 3 ? calendarYear - 1 : calendarYear;
}
