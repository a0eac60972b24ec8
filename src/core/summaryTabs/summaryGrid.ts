/**
 * What the summary tabs share: their names and Japanese labels, a small grid builder that
 * collects cells and formats, the title rows, and the A4 print setup of spec §5.
 */
import { rangeAddress, cellAddress, columnLetters } from '../address';
import { checkPeriodLabel, yearLabel } from '../japanese';
import type { FiscalYear, Plan } from '../plan';
import { GRADES, type Grade, type GroupResult } from '../rules';
import { gradeCode, gradesOf, printedSymbol, type ItemGrading, type GroupGrading } from '../scheme';
import type { Decimal } from '../decimal';
import type { CellStyle, CellValue, CellWrite, PageSetup, RangeFormat, SheetSpec } from '../sheetSpec';
import { BASE, TABLE_HEADER, TITLE } from '../styles';
import { fitRowHeights, type WidthLimits } from '../text';

/** Tab names of the summary (Excel forbids only half-width `[ ] : * ? / \` and 32+ characters). */
export const SUMMARY_SHEET_NAMES = {
  items: '取組状況一覧【実践項目別】',
  initiatives: '取組状況一覧【取組項目別】',
  themes: 'テーマ別・評価集計',
  review: '総評',
} as const;

/** Japanese labels printed on the summary tabs. */
export const SUMMARY_LABELS = {
  checkPeriod: '確認時期',
  itemNo: '小№',
  initiativeNo: '大№',
  no: '№',
  initiative: '取組項目',
  item: '実践項目',
  total: '合計',
  grade: '総合評価',
  ended: '取組終了',
  continued: '前プラン継続',
  departments: '担当部署',
  theme: 'テーマ',
  themeName: 'テーマ名',
  initiativeCount: '取組項目数',
  itemCount: '実践項目数',
  averages: '自己評価の平均',
  average: '平均',
  gradeCounts: '総合評価の件数',
  departmentGrade: '担当部署評価（総合評価）',
  councilAverage: '審議会評価平均',
  previousYear: '前年度',
  fiscalYear: '年度',
  mark: '○',
  departmentSeparator: '、',
} as const;

/** Short theme labels of the 取組項目別 table, keyed by the label printed on the sheet. */
export const THEME_SHORT_LABELS: Readonly<Record<string, string>> = {
  財政運営: '財政',
  市民サービス: 'サービス',
  協働: '協働',
  施設: '施設',
  民間活力: '民活',
  ＩＣＴ: 'ＩＣＴ',
  人材育成: '人材',
};

/** A centred whole number of a summary table. */
export const TABLE_INTEGER: CellStyle = { ...BASE, horizontal: 'center', border: 'thin', numberFormat: '0' };
/** A share of a summary table. */
export const TABLE_PERCENT: CellStyle = { ...BASE, horizontal: 'center', border: 'thin', numberFormat: '0.0%' };
/** A note under a table. */
export const TABLE_NOTE: CellStyle = { ...BASE, fontSize: 9, horizontal: 'left', wrap: false };
/** Page number footer: "page / pages". */
export const PAGE_FOOTER = '&P / &N';

/**
 * The short column label of a theme: the known short form, else the plan's label.
 * @param label - the theme's label as printed on the sheet
 * @returns the short label
 */
export function themeShortLabel(label: string): string {
  return THEME_SHORT_LABELS[label] ?? label;
}

/**
 * A grade as the plan prints it (Ａ, Ｂ＋, Ⅰ), or null for none.
 * @param grade - a grade's code (A, B+, I) or null
 * @param grading - the grading it belongs to (its symbols); without it, the code in full width
 * @returns the printed grade or null
 */
export function gradeText(grade: Grade | null, grading?: ItemGrading | GroupGrading): string | null {
  if (grade === null) return null;
  const symbols = grading ? gradesOf(grading) : [];
  return symbols.find((symbol) => gradeCode(symbol) === grade) ?? printedSymbol(grade);
}

/** Marks of a grade that went up or down since the previous year. */
export const GRADE_CHANGE_MARKS = { up: '↑', down: '↓' } as const;

/**
 * How a grade changed since the previous year (better is earlier in the scheme's grades, best first).
 * @param grade - this year's grade
 * @param previous - the previous year's grade
 * @param grading - how the plan grades (default: the built-in Ａ–Ｄ)
 * @returns 'up', 'down', 'same', or null when either is missing or not one of the scheme's grades
 */
export function gradeChange(
  grade: Grade | null,
  previous: Grade | null,
  grading?: ItemGrading | GroupGrading,
): 'up' | 'down' | 'same' | null {
  if (grade === null || previous === null) return null;
  const grades = grading ? gradesOf(grading).map(gradeCode) : GRADES;
  const now = grades.indexOf(grade);
  const before = grades.indexOf(previous);
  if (now < 0 || before < 0) return null;
  return now < before ? 'up' : now > before ? 'down' : 'same';
}

/**
 * A grade as printed with its change since the previous year: Ｂ, Ａ↑, Ｃ↓.
 * @param grade - this year's grade
 * @param previous - the previous year's grade
 * @param grading - how the plan grades (default: the built-in Ａ–Ｄ)
 * @returns the printed grade, or null for none
 */
export function gradeWithChange(
  grade: Grade | null,
  previous: Grade | null,
  grading?: ItemGrading | GroupGrading,
): string | null {
  const change = gradeChange(grade, previous, grading);
  const mark = change === 'up' || change === 'down' ? GRADE_CHANGE_MARKS[change] : '';
  return grade === null ? null : `${gradeText(grade, grading)}${mark}`;
}

/**
 * The column label of a fiscal year (2021 → "Ｒ３年度").
 * @param year - a fiscal year
 * @returns the label
 */
export function fiscalYearLabel(year: FiscalYear): string {
  return `${yearLabel(year)}${SUMMARY_LABELS.fiscalYear}`;
}

/** Collects the cells and formats of one sheet by 1-based row and column. */
export class SheetGrid {
  readonly cells: CellWrite[] = [];
  readonly formats: RangeFormat[] = [];
  readonly rowHeights: Record<number, number> = {};

  /**
   * Writes a value; null and undefined leave the cell empty.
   * @param row - 1-based row
   * @param column - 1-based column
   * @param value - the value
   */
  set(row: number, column: number, value: CellValue | undefined): void {
    if (value === null || value === undefined) return;
    this.cells.push({ address: cellAddress(row, column), value });
  }

  /**
   * Formats a range, optionally merging it.
   * @param top - first row
   * @param left - first column
   * @param bottom - last row
   * @param right - last column
   * @param style - the format
   * @param merge - merge the range into one cell
   */
  format(top: number, left: number, bottom: number, right: number, style: CellStyle, merge = false): void {
    const address = rangeAddress({ top, left, bottom, right });
    this.formats.push(merge && address.includes(':') ? { address, style, merge: true } : { address, style });
  }

  /**
   * Writes a header cell spanning rows and columns (merged when it spans more than one).
   * @param row - first row
   * @param column - first column
   * @param text - the label (line breaks where it may break: see PRINTED_HEADERS)
   * @param rows - rows spanned
   * @param columns - columns spanned
   */
  header(row: number, column: number, text: string, rows = 1, columns = 1): void {
    this.set(row, column, printedHeader(text));
    this.format(row, column, row + rows - 1, column + columns - 1, TABLE_HEADER, rows > 1 || columns > 1);
  }

  /**
   * The finished sheet, its rows as tall as their texts need (the text measure), never lower than
   * the heights set on `rowHeights`.
   * @param spec - everything of the sheet but its cells, formats and row heights
   * @returns the sheet
   */
  toSheet(spec: Omit<SheetSpec, 'cells' | 'formats' | 'rowHeights'>): SheetSpec {
    const sheet = { ...spec, cells: this.cells, formats: this.formats, rowHeights: this.rowHeights };
    return { ...sheet, rowHeights: fitRowHeights(sheet) };
  }
}

/**
 * Header labels as printed, broken where a line may break: a header never wraps inside a word
 * (サービ/ス, 実践項/目数), so long labels carry their own line breaks and columns are wide enough
 * for each line (fitColumnWidths).
 */
export const PRINTED_HEADERS: Readonly<Record<string, string>> = {
  前プラン継続: '前プラン\n継続',
  実践項目数: '実践\n項目数',
  取組項目数: '取組\n項目数',
  '担当部署評価（総合評価）': '担当部署評価\n（総合評価）',
  審議会評価平均: '審議会\n評価平均',
};

/**
 * A header label as printed (PRINTED_HEADERS), or the label itself.
 * @param label - the label
 * @returns the printed label
 */
export function printedHeader(label: string): string {
  return PRINTED_HEADERS[label] ?? label;
}

/** Where a group's figures go: an average per criterion, 合計 or 平均, 総合評価, the grade counts, 審議会評価平均. */
export interface GroupFigureColumns {
  /** The average of each criterion, in the plan's order. */
  averages: { key: string; label: string; column: number }[];
  /** 合計 (or 平均 for groups graded by the average); null without criteria. */
  total: { column: number; label: string; average: boolean } | null;
  /** 総合評価; null when groups are not graded. */
  grade: number | null;
  /** The count of each item grade (groups whose grade is not formed by bands). */
  counts: { code: Grade; symbol: string; column: number }[];
  council: number;
}

/**
 * The columns of a group's figures from a first column, under the plan's scheme.
 * @param plan - the plan (criteria and scheme)
 * @param first - the first figure column
 * @returns the columns
 */
export function groupFigureColumns(plan: Pick<Plan, 'criteria' | 'scheme'>, first: number): GroupFigureColumns {
  const { scheme } = plan;
  let column = first;
  const averages = plan.criteria.map((criterion) => ({ key: criterion.key, label: criterion.short, column: column++ }));
  const average = scheme.groupGrade.kind === 'bands' && scheme.groupGrade.basis === 'average';
  const total =
    averages.length === 0
      ? null
      : { column: column++, label: average ? SUMMARY_LABELS.average : SUMMARY_LABELS.total, average };
  const grade = scheme.groupGrade.kind === 'none' ? null : column++;
  const counts =
    scheme.groupGrade.kind === 'bands'
      ? []
      : gradesOf(scheme.itemGrade).map((symbol) => ({ code: gradeCode(symbol), symbol, column: column++ }));
  return { averages, total, grade, counts, council: column };
}

/**
 * Width limits of a group's figure columns: averages and 合計 6–9, 総合評価 10–14, counts 5–8,
 * the council average 8–12.
 * @param columns - the figure columns
 * @returns the limits, in column order
 */
export function figureLimits(columns: GroupFigureColumns): WidthLimits[] {
  return [
    ...columns.averages.map(() => ({ min: 6, max: 9 })),
    ...(columns.total ? [{ min: 6, max: 9 }] : []),
    ...(columns.grade !== null ? [{ min: 10, max: 14 }] : []),
    ...columns.counts.map(() => ({ min: 5, max: 8 })),
    { min: 8, max: 12 },
  ];
}

/**
 * Writes a group's (取組項目 or テーマ) figures on a row: averages, 合計 (or 平均), 総合評価, the
 * counts of its items' grades and the council average; a group with no evaluated item gets blanks
 * and a "－" grade.
 * @param grid - the sheet's grid
 * @param row - 1-based row
 * @param columns - where the figures go
 * @param figures - the group's result, grade counts and council average
 * @param grading - the groups' grading (to print the grade)
 */
export function writeGroupFigures(
  grid: SheetGrid,
  row: number,
  columns: GroupFigureColumns,
  figures: { result: GroupResult | null; gradeCounts: Record<Grade, number>; councilAverage: Decimal | null },
  grading: GroupGrading,
): void {
  const { result } = figures;
  for (const { key, column } of columns.averages) grid.set(row, column, result?.averages[key]?.toNumber() ?? null);
  if (columns.total)
    grid.set(row, columns.total.column, (columns.total.average ? result?.average : result?.total)?.toNumber() ?? null);
  if (columns.grade !== null) grid.set(row, columns.grade, gradeText(result ? result.grade : null, grading));
  for (const { code, column } of columns.counts) grid.set(row, column, figures.gradeCounts[code] ?? 0);
  grid.set(row, columns.council, figures.councilAverage ? figures.councilAverage.toNumber() : null);
}

/**
 * Writes the title (row 1) and 確認時期 (row 2, right-aligned) of a summary tab.
 * @param grid - the sheet's grid
 * @param title - the title text
 * @param year - the year checked
 * @param lastColumn - the table's last column
 */
export function writeTitleRows(grid: SheetGrid, title: string, year: FiscalYear, lastColumn: number): void {
  grid.set(1, 1, title);
  // Wrapped, so that a long plan title takes two lines rather than running off the page.
  grid.format(1, 1, 1, lastColumn, { ...TITLE, wrap: true, vertical: 'bottom' }, true);
  grid.set(2, 1, `${SUMMARY_LABELS.checkPeriod}　${checkPeriodLabel(year)}`);
  grid.format(2, 1, 2, lastColumn, { ...BASE, horizontal: 'right' }, true);
}

/**
 * The title of a summary tab: the plan's title and the tab's name.
 * @param plan - the plan
 * @param name - the tab's name
 * @returns the plan title, an ideographic space (U+3000) and the name: 苫小牧市行政創革プラン + 取組状況一覧【実践項目別】
 */
export function tabTitle(plan: Plan, name: string): string {
  return `${plan.title}　${name}`;
}

/**
 * A4 print setup of a summary tab (spec §5): one page wide, header rows repeated, 確認時期 in the
 * page header and page numbers in the footer.
 * @param year - the year checked
 * @param orientation - page orientation
 * @param headerRows - first and last header row repeated on every page
 * @param lastRow - last printed row
 * @param lastColumn - last printed column
 * @returns the page setup
 */
export function summaryPage(
  year: FiscalYear,
  orientation: PageSetup['orientation'],
  headerRows: [number, number],
  lastRow: number,
  lastColumn: number,
): PageSetup {
  return {
    paperSize: 'A4',
    orientation,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:${columnLetters(lastColumn)}${lastRow}`,
    printTitleRows: `${headerRows[0]}:${headerRows[1]}`,
    margins: { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 },
    centerHorizontally: true,
    headerRight: `${SUMMARY_LABELS.checkPeriod}　${checkPeriodLabel(year)}`,
    footerCenter: PAGE_FOOTER,
  };
}
