/**
 * Tab 4 of spec §4: 取組項目別の評価, one printed A4 page per 取組項目, as the council reads it.
 *
 * One sheet holds every page, a manual page break after each 取組項目 (docs/decisions.md says
 * why one sheet rather than 21). Excel ignores manual breaks when "fit to page" is on, so the sheet
 * prints at a fixed scale; rows are as tall as their texts need (the text measure). A block taller
 * than a page (very many long comments) continues on the next page: rows are never cut, and
 * 印刷設定 can find every break again from column A.
 */
import { columnLetters, splitColumns } from '../address';
import type { CouncilSheetData } from '../councilSheet';
import { checkPeriodLabel, toFullWidth, yearLabel } from '../japanese';
import { codeCellValue } from '../itemCode';
import { CRITERIA, yearsThrough, type FiscalYear, type Plan } from '../plan';
import type { CellStyle, PageSetup, SheetSpec } from '../sheetSpec';
import { BASE, LABEL, TABLE_CENTER, TABLE_DECIMAL, TABLE_HEADER, TABLE_TEXT, TITLE } from '../styles';
import type { InitiativeSummary, ItemSummary, Summary } from '../summary';
import { gradeText, PAGE_FOOTER, printedHeader, SheetGrid, SUMMARY_LABELS } from './summaryGrid';

/** The sheet's name. */
export const INITIATIVE_PAGES_SHEET_NAME = '取組項目別の評価';

/** Labels printed on the pages. */
export const INITIATIVE_PAGE_LABELS = {
  title: '【取組項目別の評価】',
  themes: 'テーマ',
  averages: '担当部署評価（自己評価の平均）',
  history: '総合評価の推移',
  current: '（今回）',
  items: '実践項目',
  council: '審議会評価平均',
  outOf: ' /5',
  comments: '審議会の意見等',
  bullet: '・',
  noComments: '（意見等はありません）',
  notEvaluated: '－',
} as const;

/** Grid columns: 21 equal columns so that 7 themes, 6 figures and the item table all align. */
export const INITIATIVE_PAGE_COLUMNS = 21;
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
 * Item table columns as [first, last] spans of the 21-column grid. The one-column headings are
 * printed vertically, one character a line (縦書き), so that no heading wraps inside a word.
 */
const ITEM_COLUMNS = {
  no: [1, 1],
  name: [2, 6],
  scores: [7, 10],
  total: [11, 11],
  grade: [12, 12],
  continued: [13, 14],
  ended: [15, 15],
  departments: [16, 21],
} as const;

/** A heading set vertically: one character a line. */
function vertical(label: string): string {
  return [...label].join('\n');
}

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
  const span = (
    row: number,
    left: number,
    right: number,
    value: string | number | null,
    style: CellStyle,
    height?: number,
  ) => {
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
  const figureLabels = [
    ...plan.criteria.map((criterion) => criterion.label),
    SUMMARY_LABELS.total,
    SUMMARY_LABELS.grade,
  ];
  const figureSpans = evenSpans(figureLabels.length, 4);
  span(row, 1, 3, SUMMARY_LABELS.fiscalYear, { ...TABLE_HEADER }, 20);
  span(row + 1, 1, 3, yearLabel(summary.year), { ...LABEL }, 24);
  figureLabels.forEach((label, index) => span(row, figureSpans[index][0], figureSpans[index][1], label, TABLE_HEADER));
  const result = initiative.result;
  CRITERIA.forEach((key, index) =>
    span(row + 1, figureSpans[index][0], figureSpans[index][1], result ? result.averages[key].toNumber() : null, {
      ...TABLE_DECIMAL,
      fontSize: 12,
    }),
  );
  span(row + 1, figureSpans[4][0], figureSpans[4][1], result ? result.total.toNumber() : null, {
    ...TABLE_DECIMAL,
    fontSize: 12,
    bold: true,
  });
  span(row + 1, figureSpans[5][0], figureSpans[5][1], gradeText(result ? result.grade : null), {
    ...TABLE_CENTER,
    fontSize: 12,
    bold: true,
  });
  row += 3;

  // History of 総合評価 over the plan's years, this year marked 今回.
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
    const text = grade ? gradeText(grade) : reached.has(year) ? INITIATIVE_PAGE_LABELS.notEvaluated : null;
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
  row += 3;

  // The 実践項目.
  section(grid, row, `${INITIATIVE_PAGE_LABELS.items}（${toFullWidth(initiative.itemCount)}件）`);
  row += 1;
  const c = ITEM_COLUMNS;
  const narrow: CellStyle = { ...TABLE_HEADER, fontSize: 9 };
  span(row, c.no[0], c.no[1], SUMMARY_LABELS.no, narrow);
  span(row, c.name[0], c.name[1], `${SUMMARY_LABELS.item}名`, TABLE_HEADER);
  plan.criteria.forEach((criterion, index) =>
    span(row, c.scores[0] + index, c.scores[0] + index, vertical(criterion.label), narrow),
  );
  span(row, c.total[0], c.total[1], vertical(SUMMARY_LABELS.total), narrow);
  span(row, c.grade[0], c.grade[1], vertical(SUMMARY_LABELS.grade), narrow);
  span(row, c.continued[0], c.continued[1], printedHeader(SUMMARY_LABELS.continued), narrow);
  span(row, c.ended[0], c.ended[1], vertical(SUMMARY_LABELS.ended), narrow);
  span(row, c.departments[0], c.departments[1], SUMMARY_LABELS.departments, TABLE_HEADER);
  row += 1;
  for (const item of summary.items.filter((each) => each.initiative === initiative.no)) {
    writeItemRow(row, item, span);
    row += 1;
  }
  row += 1;

  // 審議会評価平均 and the comments.
  const average = initiative.councilAverage;
  span(row, 1, 6, INITIATIVE_PAGE_LABELS.council, { ...LABEL, bold: true }, 26);
  span(
    row,
    7,
    10,
    average ? `${average.toFixed(1)}${INITIATIVE_PAGE_LABELS.outOf}` : INITIATIVE_PAGE_LABELS.notEvaluated,
    { ...TABLE_CENTER, fontSize: 14, bold: true },
  );
  row += 2;
  section(grid, row, INITIATIVE_PAGE_LABELS.comments);
  row += 1;
  // The comments print as anonymous bullets, as the published report prints them.
  const texts = (council?.rows.find((entry) => entry.initiativeNo === initiative.no)?.entries ?? [])
    .map((entry) => entry.comment.trim())
    .filter((comment) => comment !== '');
  if (texts.length === 0) {
    span(row, 1, last, INITIATIVE_PAGE_LABELS.noComments, { ...TABLE_TEXT, fontColor: '#808080' }, 22);
    row += 1;
  }
  for (const text of texts) {
    span(row, 1, last, `${INITIATIVE_PAGE_LABELS.bullet}${text}`, { ...TABLE_TEXT, vertical: 'top', fontSize: 9 });
    row += 1;
  }
  return row + 1;
}

type SpanWriter = (
  row: number,
  left: number,
  right: number,
  value: string | number | null,
  style: CellStyle,
  height?: number,
) => void;

function writeItemRow(row: number, item: ItemSummary, span: SpanWriter): void {
  const c = ITEM_COLUMNS;
  const departments = item.departments.join(SUMMARY_LABELS.departmentSeparator);
  span(row, c.no[0], c.no[1], codeCellValue(item.no), { ...TABLE_CENTER, numberFormat: '0' }, 18);
  span(row, c.name[0], c.name[1], item.name, { ...TABLE_TEXT, fontSize: 9 });
  CRITERIA.forEach((key, index) =>
    span(row, c.scores[0] + index, c.scores[0] + index, item.scores ? item.scores[key] : null, {
      ...TABLE_CENTER,
      numberFormat: '0',
    }),
  );
  span(row, c.total[0], c.total[1], item.total, { ...TABLE_CENTER, numberFormat: '0', bold: true });
  span(row, c.grade[0], c.grade[1], gradeText(item.grade), { ...TABLE_CENTER, bold: true });
  span(row, c.continued[0], c.continued[1], item.continuedFromPreviousPlan ? SUMMARY_LABELS.mark : null, TABLE_CENTER);
  span(row, c.ended[0], c.ended[1], item.endedIn ? yearLabel(item.endedIn) : null, { ...TABLE_CENTER, fontSize: 9 });
  span(row, c.departments[0], c.departments[1], departments, { ...TABLE_TEXT, fontSize: 8 });
}

/** A section heading: bold text over the whole width with a rule under it. */
function section(grid: SheetGrid, row: number, text: string): void {
  grid.set(row, 1, text);
  grid.format(row, 1, row, INITIATIVE_PAGE_COLUMNS, { ...BASE, bold: true, fontSize: 11 }, true);
  grid.rowHeights[row] = 20;
}

/** Splits the grid from column `first` into `parts` contiguous spans; extra columns go to the last spans. */
function evenSpans(parts: number, first = 1): [number, number][] {
  return splitColumns(first, INITIATIVE_PAGE_COLUMNS - first + 1, parts);
}

/** Whether any 取組項目 has a council average of a year before the summary's (kept by a rollover). */
function hasCouncilHistory(summary: Summary): boolean {
  return summary.initiatives.some((initiative) =>
    Object.keys(initiative.councilHistory).some((year) => Number(year) < summary.year),
  );
}
