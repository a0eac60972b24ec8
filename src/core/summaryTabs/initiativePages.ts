/**
 * Tab 4 of spec §4: 取組項目別の評価, one printed A4 page per 取組項目, as the council reads it.
 *
 * One sheet holds every page, a manual page break after each 取組項目 (docs/decisions.md says
 * why one sheet rather than 21). Excel ignores manual breaks when "fit to page" is on, so the sheet
 * prints at a fixed scale; rows are as tall as their texts need (the text measure). A block taller
 * than a page (very many long comments) continues on the next page: rows are never cut, and
 * 印刷設定 can find every break again from column A.
 */
import { columnLetters } from '../address';
import type { CouncilSheetData } from '../councilSheet';
import { checkPeriodLabel, toFullWidth, yearLabel } from '../japanese';
import { yearsThrough, type FiscalYear, type Plan } from '../plan';
import { scaleBounds } from '../scheme';
import type { PageSetup, SheetSpec } from '../sheetSpec';
import { BASE, LABEL, TABLE_CENTER, TABLE_DECIMAL, TABLE_HEADER, TITLE } from '../styles';
import type { InitiativeSummary, Summary } from '../summary';
import {
  evenSpans,
  INITIATIVE_PAGE_COLUMNS,
  INITIATIVE_PAGE_LABELS,
  section,
  writeComments,
  writeItems,
  type PageWriter,
  type SpanWriter,
} from './initiativePageParts';
import { groupFigureColumns, gradeText, PAGE_FOOTER, SheetGrid, SUMMARY_LABELS } from './summaryGrid';

export { INITIATIVE_PAGE_COLUMNS, INITIATIVE_PAGE_LABELS } from './initiativePageParts';

/** The sheet's name. */
export const INITIATIVE_PAGES_SHEET_NAME = '取組項目別の評価';

/**
 * 34 px in Excel; LibreOffice makes each column ~6 % wider (5.55 pt a unit), and 21 of them at
 * 90 % must still fit the 523 pt between the margins there too.
 */
const COLUMN_WIDTH = 4.9;
/** Print scale (%) and margins (inches) of the sheet. */
export const INITIATIVE_PAGE_SCALE = 90;
const MARGINS = { top: 0.7, bottom: 0.7, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 };
/** Text in column A that starts each page (read back by 印刷設定 to find the page breaks). */
export const INITIATIVE_PAGE_MARKER_PREFIX = INITIATIVE_PAGE_LABELS.title;

/**
 * Builds the 取組項目別の評価 sheet: per 取組項目 its themes, averages, 合計 and 総合評価, the
 * history of its 総合評価 (this year marked 今回), its 実践項目, the 審議会評価平均 "/5" and the
 * council's comments.
 * @param summary - the year's summary
 * @param plan - the plan (themes, criteria labels, years)
 * @param council - the 審議会評価 tab as read (comments), or null
 * @returns the sheet, with a page break after each 取組項目
 */
export function buildInitiativePages(summary: Summary, plan: Plan, council: CouncilSheetData | null): SheetSpec {
  const grid = new SheetGrid();
  const breaks: number[] = [];
  let row = 1;
  summary.initiatives.forEach((initiative, index) => {
    row = writeBlock(grid, row, initiative, summary, plan, council);
    if (index < summary.initiatives.length - 1) breaks.push(row - 1);
  });
  const lastRow = Math.max(1, row - 1);
  return grid.toSheet({
    name: INITIATIVE_PAGES_SHEET_NAME,
    tabColor: '#2F75B5',
    columnWidths: Array.from({ length: INITIATIVE_PAGE_COLUMNS }, () => COLUMN_WIDTH),
    showGridLines: false,
    page: initiativePagesPage(summary.year, lastRow, breaks),
  });
}

/**
 * The print setup of the 取組項目別の評価 sheet: A4 portrait at a fixed scale (so that the manual
 * breaks hold in Excel), 確認時期 in the header and page numbers in the footer.
 * @param year - the year checked
 * @param lastRow - last printed row, or null to leave the print area unset
 * @param rowBreaks - the last row of each page but the last
 * @returns the page setup
 */
export function initiativePagesPage(year: FiscalYear, lastRow: number | null, rowBreaks: number[]): PageSetup {
  return {
    paperSize: 'A4',
    orientation: 'portrait',
    scale: INITIATIVE_PAGE_SCALE,
    ...(lastRow !== null && { printArea: `A1:${columnLetters(INITIATIVE_PAGE_COLUMNS)}${lastRow}` }),
    rowBreaks,
    margins: { ...MARGINS },
    centerHorizontally: true,
    headerRight: `${SUMMARY_LABELS.checkPeriod}　${checkPeriodLabel(year)}`,
    footerCenter: PAGE_FOOTER,
  };
}

/**
 * The page breaks of the sheet from the text of its column A: a break before each page title.
 * @param columnA - the values of column A, from row 1
 * @returns the last row of each page but the last
 */
export function initiativePageBreaks(columnA: readonly unknown[]): number[] {
  const starts = columnA.flatMap((value, index) =>
    typeof value === 'string' && value.startsWith(INITIATIVE_PAGE_MARKER_PREFIX) ? [index + 1] : [],
  );
  return starts.slice(1).map((start) => start - 1);
}

/** Writes one 取組項目's page from `top`; returns the first row after it. */
function writeBlock(
  grid: SheetGrid,
  top: number,
  initiative: InitiativeSummary,
  summary: Summary,
  plan: Plan,
  council: CouncilSheetData | null,
): number {
  const last = INITIATIVE_PAGE_COLUMNS;
  const span: SpanWriter = (row, left, right, value, style, height) => {
    grid.set(row, left, value);
    grid.format(row, left, row, right, style, right > left);
    if (height !== undefined) grid.rowHeights[row] = Math.max(grid.rowHeights[row] ?? 0, height);
  };
  let row = top;
  span(row, 1, last, `${INITIATIVE_PAGE_LABELS.title}　№${toFullWidth(initiative.no)}　${initiative.name}`, {
    ...TITLE,
    wrap: true,
  });
  row += 1;
  span(row, 1, last, `${plan.title}　${SUMMARY_LABELS.checkPeriod}　${checkPeriodLabel(summary.year)}`, {
    ...BASE,
    horizontal: 'right',
    fontSize: 9,
    wrap: true,
  });
  row += 2;

  // Themes: 3 columns per theme when there are 7; spans as even as the grid allows otherwise.
  section(grid, row, INITIATIVE_PAGE_LABELS.themes);
  row += 1;
  evenSpans(plan.themes.length).forEach(([left, right], index) => {
    const theme = plan.themes[index];
    span(row, left, right, theme.label, { ...LABEL, fontSize: 9 }, 18);
    span(
      row + 1,
      left,
      right,
      initiative.themes.includes(theme.numeral) ? SUMMARY_LABELS.mark : null,
      { ...TABLE_CENTER, fontSize: 12 },
      20,
    );
  });
  row += 3;

  // This year's averages, 合計 and 総合評価.
  section(grid, row, INITIATIVE_PAGE_LABELS.averages);
  row += 1;
  const figures = groupFigureColumns(plan, 1);
  const result = initiative.result;
  const figureCells = [
    ...figures.averages.map(({ key, label }) => ({
      label,
      value: result?.averages[key]?.toNumber() ?? null,
      bold: false,
    })),
    ...(figures.total
      ? [
          {
            label: figures.total.label,
            value: (figures.total.average ? result?.average : result?.total)?.toNumber() ?? null,
            bold: true,
          },
        ]
      : []),
    ...(figures.grade !== null
      ? [
          {
            label: SUMMARY_LABELS.grade,
            value: gradeText(result ? result.grade : null, plan.scheme.groupGrade),
            bold: true,
          },
        ]
      : []),
    ...figures.counts.map(({ code, symbol }) => ({
      label: `${symbol}（件）`,
      value: initiative.gradeCounts[code] ?? 0,
      bold: false,
    })),
  ];
  const figureSpans = evenSpans(figureCells.length, 4);
  span(row, 1, 3, SUMMARY_LABELS.fiscalYear, { ...TABLE_HEADER }, 20);
  span(row + 1, 1, 3, yearLabel(summary.year), { ...LABEL }, 24);
  figureCells.forEach(({ label, value, bold }, index) => {
    const [left, right] = figureSpans[index];
    span(row, left, right, label, TABLE_HEADER);
    const style = typeof value === 'string' ? TABLE_CENTER : TABLE_DECIMAL;
    span(row + 1, left, right, value, { ...style, fontSize: 12, ...(bold && { bold: true }) });
  });
  row += 3;

  // History of 総合評価 over the plan's years, this year marked 今回 (groups that are graded).
  const page: PageWriter = { grid, summary, plan, span };
  if (figures.grade !== null) row = writeHistory(page, row, initiative);

  // The 実践項目.
  row = writeItems(page, row, initiative);

  // 審議会評価平均 and the comments.
  const average = initiative.councilAverage;
  span(row, 1, 6, INITIATIVE_PAGE_LABELS.council, { ...LABEL, bold: true }, 26);
  span(
    row,
    7,
    10,
    average
      ? `${average.toFixed(1)}${INITIATIVE_PAGE_LABELS.outOf(scaleBounds(plan.scheme.council).max)}`
      : INITIATIVE_PAGE_LABELS.notEvaluated,
    { ...TABLE_CENTER, fontSize: 14, bold: true },
  );
  row += 2;
  row = writeComments(grid, row, initiative, council, span);
  return row + 1;
}

/** The history of the group's 総合評価 over the plan's years; returns the next row. */
function writeHistory({ grid, summary, plan, span }: PageWriter, top: number, initiative: InitiativeSummary): number {
  let row = top;
  section(grid, row, INITIATIVE_PAGE_LABELS.history);
  row += 1;
  const years = plan.period;
  const reached = new Set(yearsThrough(plan, summary.year));
  const yearSpans = evenSpans(years.length, 4);
  span(row, 1, 3, SUMMARY_LABELS.fiscalYear, TABLE_HEADER, 20);
  span(row + 1, 1, 3, SUMMARY_LABELS.grade, LABEL, 24);
  years.forEach((year, index) => {
    const [left, right] = yearSpans[index];
    const current = year === summary.year;
    span(
      row,
      left,
      right,
      `${yearLabel(year)}${current ? INITIATIVE_PAGE_LABELS.current : ''}`,
      current ? { ...TABLE_HEADER, fill: '#F8CBAD' } : TABLE_HEADER,
    );
    const grade = initiative.history[year];
    const text = grade
      ? gradeText(grade, plan.scheme.groupGrade)
      : reached.has(year)
        ? INITIATIVE_PAGE_LABELS.notEvaluated
        : null;
    span(row + 1, left, right, text, { ...TABLE_CENTER, fontSize: 12, bold: current });
  });
  // The council averages' history, when the workbook keeps an earlier year's council tab.
  if (hasCouncilHistory(summary)) {
    span(row + 2, 1, 3, INITIATIVE_PAGE_LABELS.council, LABEL, 24);
    years.forEach((year, index) => {
      const [left, right] = yearSpans[index];
      const average = initiative.councilHistory[year];
      span(row + 2, left, right, average ? average.toFixed(1) : null, { ...TABLE_CENTER, bold: year === summary.year });
    });
    row += 1;
  }
  return row + 3;
}

/** Whether any 取組項目 has a council average of a year before the summary's (kept by a rollover). */
function hasCouncilHistory(summary: Summary): boolean {
  return summary.initiatives.some((initiative) =>
    Object.keys(initiative.councilHistory).some((year) => Number(year) < summary.year),
  );
}
