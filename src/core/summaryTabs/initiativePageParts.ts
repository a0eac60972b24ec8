/**
 * The parts of the 取組項目別の評価 pages: their words, the 21-column grid, section headings, and the
 * tables of a page (its 実践項目 under the plan's criteria, the council's comments).
 */
import { splitColumns } from '../address';
import type { CouncilSheetData } from '../councilSheet';
import { toFullWidth, yearLabel } from '../japanese';
import { codeCellValue } from '../itemCode';
import type { Plan } from '../plan';
import type { CellStyle } from '../sheetSpec';
import { BASE, TABLE_CENTER, TABLE_HEADER, TABLE_TEXT } from '../styles';
import type { InitiativeSummary, Summary } from '../summary';
import { scoreText } from './itemTab';
import { gradeText, printedHeader, SheetGrid, SUMMARY_LABELS } from './summaryGrid';

/** Labels printed on the pages. */
export const INITIATIVE_PAGE_LABELS = {
  title: '【取組項目別の評価】',
  themes: 'テーマ',
  averages: '担当部署評価（自己評価の平均）',
  history: '総合評価の推移',
  current: '（今回）',
  items: '実践項目',
  council: '審議会評価平均',
  outOf: (max: number) => ` /${max}`,
  comments: '審議会の意見等',
  bullet: '・',
  noComments: '（意見等はありません）',
  notEvaluated: '－',
} as const;

/** Grid columns: 21 equal columns so that 7 themes, 6 figures and the item table all align. */
export const INITIATIVE_PAGE_COLUMNS = 21;
/** Writes a value over a span of columns, with a style and a least row height. */
export type SpanWriter = (
  row: number,
  left: number,
  right: number,
  value: string | number | null,
  style: CellStyle,
  height?: number,
) => void;

/**
 * Item table columns as [first, last] spans of the 21-column grid, for a plan's number of criteria
 * (the built-in four: № 1, name 2–6, scores 7–10, 合計 11, 総合評価 12, 前プラン継続 13–14, 取組終了
 * 15, 担当部署 16–21). The one-column headings are printed vertically, one character a line (縦書き),
 * so that no heading wraps inside a word.
 */
function itemColumns(criteria: number) {
  const continuedWidth = criteria > 7 ? 1 : 2;
  const fixed = 1 + criteria + (criteria > 0 ? 1 : 0) + 1 + continuedWidth + 1;
  const rest = INITIATIVE_PAGE_COLUMNS - fixed;
  const nameWidth = Math.max(3, Math.round((rest * 5) / 11));
  let column = 1;
  const take = (width: number): [number, number] => [column, (column += width) - 1];
  const no = take(1);
  const name = take(nameWidth);
  const scores = take(criteria);
  const total = criteria > 0 ? take(1) : null;
  const grade = take(1);
  const continued = take(continuedWidth);
  const ended = take(1);
  const departments: [number, number] = [column, INITIATIVE_PAGE_COLUMNS];
  return { no, name, scores, total, grade, continued, ended, departments };
}

/** A heading set vertically: one character a line. */
export function vertical(label: string): string {
  return [...label].join('\n');
}

/** What a page's parts write with: the grid, the summary and its plan, and the span writer. */
export interface PageWriter {
  grid: SheetGrid;
  summary: Summary;
  plan: Plan;
  span: SpanWriter;
}

/** The table of the group's 実践項目; returns the next row. */
export function writeItems(
  { grid, summary, plan, span }: PageWriter,
  top: number,
  initiative: InitiativeSummary,
): number {
  let row = top;
  section(grid, row, `${INITIATIVE_PAGE_LABELS.items}（${toFullWidth(initiative.itemCount)}件）`);
  row += 1;
  const c = itemColumns(plan.criteria.length);
  const byAverage = plan.scheme.itemGrade.kind === 'bands' && plan.scheme.itemGrade.basis === 'average';
  const narrow: CellStyle = { ...TABLE_HEADER, fontSize: 9 };
  span(row, c.no[0], c.no[1], SUMMARY_LABELS.no, narrow);
  span(row, c.name[0], c.name[1], `${SUMMARY_LABELS.item}名`, TABLE_HEADER);
  plan.criteria.forEach((criterion, index) =>
    span(row, c.scores[0] + index, c.scores[0] + index, vertical(criterion.short), narrow),
  );
  if (c.total)
    span(row, c.total[0], c.total[1], vertical(byAverage ? SUMMARY_LABELS.average : SUMMARY_LABELS.total), narrow);
  span(row, c.grade[0], c.grade[1], vertical(SUMMARY_LABELS.grade), narrow);
  span(
    row,
    c.continued[0],
    c.continued[1],
    c.continued[0] === c.continued[1] ? vertical(SUMMARY_LABELS.continued) : printedHeader(SUMMARY_LABELS.continued),
    narrow,
  );
  span(row, c.ended[0], c.ended[1], vertical(SUMMARY_LABELS.ended), narrow);
  span(row, c.departments[0], c.departments[1], SUMMARY_LABELS.departments, TABLE_HEADER);
  row += 1;
  for (const item of summary.items.filter((each) => each.initiative === initiative.no)) {
    const departments = item.departments.join(SUMMARY_LABELS.departmentSeparator);
    span(row, c.no[0], c.no[1], codeCellValue(item.no), { ...TABLE_CENTER, numberFormat: '0' }, 18);
    span(row, c.name[0], c.name[1], item.name, { ...TABLE_TEXT, fontSize: 9 });
    plan.criteria.forEach(({ key }, index) =>
      span(row, c.scores[0] + index, c.scores[0] + index, scoreText(plan, item.scores?.[key], item.scores !== null), {
        ...TABLE_CENTER,
        numberFormat: '0',
      }),
    );
    if (c.total)
      span(row, c.total[0], c.total[1], byAverage ? (item.average?.toNumber() ?? null) : item.total, {
        ...TABLE_CENTER,
        numberFormat: byAverage ? '0.0' : '0',
        bold: true,
      });
    span(row, c.grade[0], c.grade[1], gradeText(item.grade, plan.scheme.itemGrade), { ...TABLE_CENTER, bold: true });
    span(
      row,
      c.continued[0],
      c.continued[1],
      item.continuedFromPreviousPlan ? SUMMARY_LABELS.mark : null,
      TABLE_CENTER,
    );
    span(row, c.ended[0], c.ended[1], item.endedIn ? yearLabel(item.endedIn) : null, { ...TABLE_CENTER, fontSize: 9 });
    span(row, c.departments[0], c.departments[1], departments, { ...TABLE_TEXT, fontSize: 8 });
    row += 1;
  }
  return row + 1;
}

/** The council's comments as anonymous bullets, as the published report prints them; returns the next row. */
export function writeComments(
  grid: SheetGrid,
  top: number,
  initiative: InitiativeSummary,
  council: CouncilSheetData | null,
  span: SpanWriter,
): number {
  const last = INITIATIVE_PAGE_COLUMNS;
  let row = top;
  section(grid, row, INITIATIVE_PAGE_LABELS.comments);
  row += 1;
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
  return row;
}

/** A section heading: bold text over the whole width with a rule under it. */
export function section(grid: SheetGrid, row: number, text: string): void {
  grid.set(row, 1, text);
  grid.format(row, 1, row, INITIATIVE_PAGE_COLUMNS, { ...BASE, bold: true, fontSize: 11 }, true);
  grid.rowHeights[row] = 20;
}

/** Splits the grid from column `first` into `parts` contiguous spans; extra columns go to the last spans. */
export function evenSpans(parts: number, first = 1): [number, number][] {
  return splitColumns(first, INITIATIVE_PAGE_COLUMNS - first + 1, parts);
}
