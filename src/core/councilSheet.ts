/**
 * The 審議会評価 tab: per 取組項目, each council member's score (1–5) and comment, and the
 * 審議会評価平均 (mean of the members' scores, half-up to one decimal) or an average typed directly.
 */
import { cellAddress, columnLetters } from './address';
import { Decimal } from './decimal';
import { checkPeriodLabel, type FiscalYear } from './fiscalYear';
import { codeCellValue } from './itemCode';
import type { ItemCode, Plan } from './plan';
import { problem, type Problem } from './problems';
import { groupGradeCodes, roundedMean, type Grade } from './rules';
import { enteredGradeParts, entersGrades, GRADE_COLUMN, GRADE_LABEL, printedGroupGrade } from './councilGrades';
import { councilAverageFormula, councilScaleHint, councilScaleLegend, readCouncilValue } from './councilScale';
import { gradesOf, scaleChoices, symbolKey } from './scheme';
import type { CellValue, CellWrite, ListValidation, PageSetup, RangeFormat, SheetSpec } from './sheetSpec';
import { BASE, COMPUTED, FIXED_TEXT, INPUT_CENTER, INPUT_TEXT, LABEL, TITLE } from './styles';

/** The tab's name. */
export const COUNCIL_SHEET_NAME = '審議会評価';
/** Marker text in A2. */
export const COUNCIL_SHEET_MARKER = 'shinchoku:council:v1';
/** Members a new tab has room for. */
export const DEFAULT_MEMBER_COUNT = 5;
/** Most members a tab may have. */
export const MAX_MEMBERS = 30;

const HEADER_ROW = 4;
const SUBHEADER_ROW = 5;
const FIRST_ROW = 6;
const FIRST_MEMBER_COLUMN = 5; // E, or F after the entered grade's column
const SCORE_LABEL = '評価';
const COMMENT_LABEL = '意見等';
/** Most テーマ a plan has (rows of the entered テーマ grades). */
const MAX_THEME_ROWS = 15;

/** One member's entry for one 取組項目. */
export interface CouncilEntry {
  member: string;
  /** The score's value (a symbol scale's symbols become their values). */
  score: number | null;
  /** The symbol as the plan prints it (symbol scales), kept to write it back. */
  symbol?: string | null;
  comment: string;
}

/** What the tab holds for one 取組項目. */
export interface CouncilRow {
  initiativeNo: ItemCode;
  typedAverage: Decimal | null;
  entries: CouncilEntry[];
  /** The grade the council entered (plans whose group grade is entered), as a code. */
  grade?: Grade | null;
}

/** The tab's content. */
export interface CouncilSheetData {
  year: FiscalYear;
  members: string[];
  rows: CouncilRow[];
  /** The grades the council entered for the テーマ (plans whose group grade is entered). */
  themes?: { numeral: string; grade: Grade | null }[];
}

/**
 * The council average of a row: the typed average if any, else the members' mean (half-up, 1 place).
 * @param row - the row
 * @returns the average, or null when there is nothing to average
 */
export function councilAverage(row: CouncilRow): Decimal | null {
  if (row.typedAverage) return row.typedAverage;
  const scores = row.entries.flatMap((entry) => (entry.score === null ? [] : [Decimal.of(entry.score)]));
  return scores.length > 0 ? roundedMean(scores) : null;
}

/** The cell map of the tab for a number of members (one column further when grades are entered). */
function memberColumns(index: number, shift = 0): { score: number; comment: number } {
  const first = FIRST_MEMBER_COLUMN + shift;
  return { score: first + 2 * index, comment: first + 2 * index + 1 };
}

/** The first row of the テーマ table (its heading), below the 取組項目. */
function themeHeadingRow(plan: Plan): number {
  return FIRST_ROW + plan.initiatives.length + 1;
}

/**
 * The 審議会評価 tab.
 * @param plan - the plan (one row per 取組項目; its council scale and, when the council enters the
 *   groups' grades, a grade column and a テーマ table)
 * @param data - members, scores, comments, typed averages and entered grades
 * @returns the sheet
 */
export function writeCouncilSheet(plan: Plan, data: CouncilSheetData): SheetSpec {
  const members =
    data.members.length > 0
      ? data.members
      : Array.from({ length: DEFAULT_MEMBER_COUNT }, (_, index) => `委員${index + 1}`);
  const shift = entersGrades(plan) ? 1 : 0;
  const columns = (index: number) => memberColumns(index, shift);
  const lastColumn = columns(members.length - 1).comment;
  const lastRow = FIRST_ROW + plan.initiatives.length - 1;
  const scale = plan.scheme.council;
  const cells: CellWrite[] = [
    { address: 'A1', value: `【審議会評価】${checkPeriodLabel(data.year)}` },
    { address: 'A2', value: COUNCIL_SHEET_MARKER },
    {
      address: 'A3',
      value: `各委員の評価（${councilScaleLegend(scale)}）と意見を入力してください。平均だけが分かっている場合は「平均（直接入力）」に入力します。${shift ? `取組項目・テーマの総合評価は「${GRADE_LABEL}」に入力します。` : ''}`,
    },
    { address: cellAddress(HEADER_ROW, 1), value: '大№' },
    { address: cellAddress(HEADER_ROW, 2), value: '取組項目' },
    { address: cellAddress(HEADER_ROW, 3), value: '審議会評価平均' },
    { address: cellAddress(HEADER_ROW, 4), value: '平均（直接入力）' },
  ];
  const formats: RangeFormat[] = [
    { address: `A1:${columnLetters(lastColumn)}${lastRow}`, style: BASE },
    { address: 'A1', style: TITLE },
    { address: 'A2', style: { ...BASE, fontSize: 8, fontColor: '#808080' } },
    {
      address: `A3:${columnLetters(Math.max(lastColumn, 8))}3`,
      style: { ...BASE, wrap: true, fontSize: 9 },
      merge: true,
    },
    { address: `A${HEADER_ROW}:A${SUBHEADER_ROW}`, style: LABEL, merge: true },
    { address: `B${HEADER_ROW}:B${SUBHEADER_ROW}`, style: LABEL, merge: true },
    { address: `C${HEADER_ROW}:C${SUBHEADER_ROW}`, style: LABEL, merge: true },
    { address: `D${HEADER_ROW}:D${SUBHEADER_ROW}`, style: LABEL, merge: true },
  ];
  if (shift) {
    cells.push({ address: cellAddress(HEADER_ROW, GRADE_COLUMN), value: GRADE_LABEL });
    formats.push({ address: `E${HEADER_ROW}:E${SUBHEADER_ROW}`, style: { ...LABEL, wrap: true }, merge: true });
  }
  members.forEach((member, index) => {
    const { score, comment } = columns(index);
    cells.push(
      { address: cellAddress(HEADER_ROW, score), value: member },
      { address: cellAddress(SUBHEADER_ROW, score), value: SCORE_LABEL },
      { address: cellAddress(SUBHEADER_ROW, comment), value: COMMENT_LABEL },
    );
    formats.push(
      {
        address: `${cellAddress(HEADER_ROW, score)}:${cellAddress(HEADER_ROW, comment)}`,
        style: { ...LABEL, fill: '#FFF9DB', locked: false },
        merge: true,
      },
      { address: `${cellAddress(SUBHEADER_ROW, score)}:${cellAddress(SUBHEADER_ROW, comment)}`, style: LABEL },
    );
  });
  plan.initiatives.forEach((initiative, index) => {
    const row = FIRST_ROW + index;
    const entry = data.rows.find((candidate) => candidate.initiativeNo === initiative.no);
    cells.push(
      { address: cellAddress(row, 1), value: codeCellValue(initiative.no) },
      { address: cellAddress(row, 2), value: initiative.name },
    );
    const scoreCells = members.map((_, memberIndex) => cellAddress(row, columns(memberIndex).score));
    const average = entry ? councilAverage(entry) : null;
    cells.push({
      address: cellAddress(row, 3),
      formula: councilAverageFormula(scale, `D${row}`, scoreCells),
      value: average ? average.toNumber() : '',
    });
    if (entry?.typedAverage) cells.push({ address: cellAddress(row, 4), value: entry.typedAverage.toNumber() });
    const grade = printedGroupGrade(plan, entry?.grade);
    if (shift && grade) cells.push({ address: cellAddress(row, GRADE_COLUMN), value: grade });
    members.forEach((member, memberIndex) => {
      const found = entry?.entries.find((candidate) => candidate.member === member) ?? entry?.entries[memberIndex];
      const { score, comment } = columns(memberIndex);
      const written = found?.symbol ?? found?.score;
      if (written !== null && written !== undefined) cells.push({ address: cellAddress(row, score), value: written });
      if (found?.comment) cells.push({ address: cellAddress(row, comment), value: found.comment });
    });
  });
  formats.push(
    { address: `A${FIRST_ROW}:A${lastRow}`, style: { ...FIXED_TEXT, horizontal: 'center' } },
    { address: `B${FIRST_ROW}:B${lastRow}`, style: FIXED_TEXT },
    { address: `C${FIRST_ROW}:C${lastRow}`, style: { ...COMPUTED, numberFormat: '0.0' } },
    { address: `D${FIRST_ROW}:D${lastRow}`, style: { ...INPUT_CENTER, numberFormat: '0.0' } },
  );
  members.forEach((_, index) => {
    const { score, comment } = columns(index);
    formats.push(
      { address: `${cellAddress(FIRST_ROW, score)}:${cellAddress(lastRow, score)}`, style: INPUT_CENTER },
      {
        address: `${cellAddress(FIRST_ROW, comment)}:${cellAddress(lastRow, comment)}`,
        style: { ...INPUT_TEXT, fontSize: 9 },
      },
    );
  });
  const rowHeights: Record<number, number> = { 3: 30 };
  for (let row = FIRST_ROW; row <= lastRow; row++) rowHeights[row] = 36;
  const validations: ListValidation[] = members.map((_, index) => {
    const { score } = columns(index);
    return {
      address: `${cellAddress(FIRST_ROW, score)}:${cellAddress(lastRow, score)}`,
      list: scaleChoices(scale, null),
      errorMessage: `審議会評価は ${councilScaleHint(scale)}で入力してください。`,
    };
  });
  if (shift) {
    const parts = enteredGradeParts(plan, data, FIRST_ROW, lastRow, themeHeadingRow(plan));
    cells.push(...parts.cells);
    formats.push(...parts.formats);
    validations.push(...parts.validations);
  }
  return {
    name: COUNCIL_SHEET_NAME,
    tabColor: '#C65911',
    columnWidths: [6, 34, 10, 10, ...(shift ? [10] : []), ...members.flatMap(() => [6, 30])],
    rowHeights,
    cells,
    formats,
    validations,
    freeze: { rows: SUBHEADER_ROW, columns: 2 },
    page: councilPage(data.year),
  };
}

/**
 * The tab's print area: one cell right of the last member column, which nobody types into. The
 * tab is an entry form, not part of the council's printed book (the comments print on the
 * 取組項目別の評価 pages): with nothing in its print area, Excel's "print the entire workbook" and
 * LibreOffice's PDF leave it out. A secretariat who wants it on paper clears the print area.
 */
export const COUNCIL_PRINT_AREA = `${cellAddress(1, FIRST_MEMBER_COLUMN + 2 * MAX_MEMBERS)}:${cellAddress(1, FIRST_MEMBER_COLUMN + 2 * MAX_MEMBERS)}`;

/**
 * The print setup of the tab: nothing printed (COUNCIL_PRINT_AREA); should its print area be
 * cleared, A4 landscape, one page wide, the member header rows repeated, 確認時期 in the header and
 * page numbers in the footer.
 * @param year - the year checked
 * @returns the page setup
 */
export function councilPage(year: FiscalYear): PageSetup {
  return {
    paperSize: 'A4',
    orientation: 'landscape',
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: COUNCIL_PRINT_AREA,
    printTitleRows: `${HEADER_ROW}:${SUBHEADER_ROW}`,
    headerRight: `確認時期　${checkPeriodLabel(year)}`,
    footerCenter: '&P / &N',
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/**
 * Where a member's score and comment for a 取組項目 are (for tests and for tools that fill the tab).
 * @param plan - the plan
 * @param initiativeNo - 大№
 * @param memberIndex - 0-based member position
 * @returns the A1 addresses of the score and the comment, of the member's name, the typed average,
 *   the average and the entered grade (plans whose group grade is entered)
 */
export function councilCells(
  plan: Plan,
  initiativeNo: ItemCode,
  memberIndex: number,
): { score: string; comment: string; member: string; typedAverage: string; average: string; grade: string } {
  const index = plan.initiatives.findIndex((initiative) => initiative.no === initiativeNo);
  if (index < 0) throw new RangeError(`unknown 取組項目 ${initiativeNo}`);
  const row = FIRST_ROW + index;
  const columns = memberColumns(memberIndex, entersGrades(plan) ? 1 : 0);
  return {
    score: cellAddress(row, columns.score),
    comment: cellAddress(row, columns.comment),
    member: cellAddress(HEADER_ROW, columns.score),
    typedAverage: cellAddress(row, 4),
    average: cellAddress(row, 3),
    grade: cellAddress(row, GRADE_COLUMN),
  };
}

/**
 * Where the council enters a テーマ's grade (plans whose group grade is entered).
 * @param plan - the plan
 * @param numeral - the テーマ's numeral
 * @returns the A1 address
 */
export function councilThemeGradeCell(plan: Plan, numeral: string): string {
  const index = plan.themes.findIndex((theme) => theme.numeral === numeral);
  if (index < 0) throw new RangeError(`unknown テーマ ${numeral}`);
  return cellAddress(themeHeadingRow(plan) + 1 + index, GRADE_COLUMN);
}

/**
 * The range a reader loads for a plan.
 * @param plan - the plan, or just its number of 取組項目 (one row each; then the range also covers
 *   a grade column and a テーマ table, which only some schemes have)
 * @returns the range, members' columns included
 */
export function councilReadRange(plan: Plan | number): string {
  const known = typeof plan !== 'number';
  const rows = known ? plan.initiatives.length : plan;
  const grades = !known || entersGrades(plan);
  const themes = !known ? MAX_THEME_ROWS : grades ? plan.themes.length : 0;
  const last = FIRST_ROW + Math.max(rows, 1) - 1 + (grades ? 1 + themes : 0);
  return `A1:${columnLetters(memberColumns(MAX_MEMBERS - 1, grades ? 1 : 0).comment)}${last}`;
}

/**
 * Reads the tab back.
 * @param plan - the plan (its council scale and how groups are graded)
 * @param year - the year the tab is for
 * @param values - the values of `councilReadRange(plan)`
 * @returns the content, and problems for bad scores, averages or grades (reported, left out)
 */
export function readCouncilSheet(
  plan: Plan,
  year: FiscalYear,
  values: readonly (readonly CellValue[])[],
): { data: CouncilSheetData; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (row: number, column: number): CellValue => values[row - 1]?.[column - 1] ?? null;
  const text = (value: CellValue) => (value === null ? '' : String(value).trim());
  const shift = entersGrades(plan) ? 1 : 0;
  const scale = plan.scheme.council;
  const members: string[] = [];
  for (let index = 0; index < MAX_MEMBERS; index++) {
    const { score, comment } = memberColumns(index, shift);
    // A member column pair is recognised by either sub-heading, so that a secretariat who copies
    // the last pair to add a member, or retypes one label, still has the member read.
    if (text(at(SUBHEADER_ROW, score)) !== SCORE_LABEL && text(at(SUBHEADER_ROW, comment)) !== COMMENT_LABEL) break;
    members.push(text(at(HEADER_ROW, score)) || `委員${index + 1}`);
  }
  const report = (row: number, column: number, message: string, fix: string) =>
    problems.push(
      problem('council-invalid', { sheet: COUNCIL_SHEET_NAME, cell: cellAddress(row, column) }, message, fix),
    );
  const gradeAt = (row: number, what: string): Grade | null => {
    const typed = text(at(row, GRADE_COLUMN));
    if (!shift || typed === '') return null;
    const code = symbolKey(typed);
    if (groupGradeCodes(plan).includes(code)) return code;
    const grades = gradesOf(plan.scheme.groupGrade).join('・');
    report(
      row,
      GRADE_COLUMN,
      `${what}の総合評価「${typed}」はプランの評価（${grades}）ではありません。`,
      `${grades} から選んでください。`,
    );
    return null;
  };
  const rows: CouncilRow[] = plan.initiatives.map((initiative, index) => {
    const row = FIRST_ROW + index;
    const entries = members.map((member, memberIndex) => {
      const { score, comment } = memberColumns(memberIndex, shift);
      const read = readCouncilValue(scale, at(row, score), false);
      if (read.problem)
        report(
          row,
          score,
          `${member}の評価「${text(at(row, score))}」は${read.problem}`,
          `${councilScaleHint(scale)}を入力してください。`,
        );
      return {
        member,
        score: read.value,
        ...(scale.kind === 'symbols' && { symbol: read.symbol }),
        comment: text(at(row, comment)),
      };
    });
    const typed = readCouncilValue(scale, at(row, 4), true);
    if (typed.problem)
      report(
        row,
        4,
        `審議会評価平均「${text(at(row, 4))}」は${typed.problem}`,
        `${councilScaleHint(scale, true)}を入力するか、空欄にして委員の評価から計算してください。`,
      );
    const typedAverage = typed.value === null ? null : Decimal.of(typed.value).roundHalfUp(1);
    const grade = gradeAt(row, `取組項目 ${initiative.no} `);
    return { initiativeNo: initiative.no, typedAverage, entries, ...(shift && { grade }) };
  });
  const themeRow = themeHeadingRow(plan);
  const themes = shift
    ? plan.themes.map((theme, index) => ({
        numeral: theme.numeral,
        grade: gradeAt(themeRow + 1 + index, `テーマ ${theme.numeral} `),
      }))
    : undefined;
  return { data: { year, members, rows, ...(themes && { themes }) }, problems };
}
