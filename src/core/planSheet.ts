/**
 * The プラン定義 sheet: the plan a workbook was made from, kept inside the workbook (hidden and
 * protected), so that 集計 needs nothing but the file.
 */
import { parseCell } from './address';
import { normalizeInput } from './japanese';
import { parsePlan, PlanError, type Plan } from './plan';
import type { CellValue, CellWrite, RangeFormat, SheetSpec } from './sheetSpec';
import { BASE, LABEL, TABLE_TEXT, TITLE } from './styles';

/** The sheet's name. */
export const PLAN_SHEET_NAME = 'プラン定義';
/** Marker text in A2. */
export const PLAN_SHEET_MARKER = 'shinchoku:plan:v1';
/** The range a reader loads (the sheet holds at most this many rows). */
export const PLAN_SHEET_READ_RANGE = 'A1:G1200';

const SECTION_THEMES = '[テーマ]';
const SECTION_INITIATIVES = '[取組項目]';
const SECTION_ITEMS = '[実践項目]';
const CONTINUED_MARK = '○';

/**
 * The プラン定義 sheet of a plan.
 * @param plan - the plan
 * @returns the sheet, hidden and protected
 */
export function writePlanSheet(plan: Plan): SheetSpec {
  const rows: CellValue[][] = [
    ['【プラン定義】集計に使うプランの定義です。編集しないでください（変更はシステム担当へ）。'],
    [PLAN_SHEET_MARKER],
    [],
    ['プラン名', plan.title],
    ['計画期間', ...plan.period],
    ['評価項目', ...plan.criteria.map((criterion) => criterion.label)],
    [],
    [SECTION_THEMES],
    ['番号', '名称', '略称'],
    ...plan.themes.map((theme) => [theme.numeral, theme.name, theme.label]),
    [],
    [SECTION_INITIATIVES],
    ['大№', '名称', 'テーマ'],
    ...plan.initiatives.map((initiative) => [initiative.no, initiative.name, initiative.themes.join(',')]),
    [],
    [SECTION_ITEMS],
    ['小№', '大№', '名称', '担当部署', '前プラン継続', '取組終了年度'],
    ...plan.items.map((item) => [
      item.no,
      item.initiative,
      item.name,
      item.departments.join('\n'),
      item.continuedFromPreviousPlan ? CONTINUED_MARK : '',
      item.endedIn ?? '',
    ]),
  ];
  const limit = parseCell(PLAN_SHEET_READ_RANGE.split(':')[1]).row;
  if (rows.length > limit) throw new PlanError(`プランが大きすぎます (${rows.length} 行、上限 ${limit} 行)。`);
  const cells: CellWrite[] = [];
  const formats: RangeFormat[] = [{ address: `A1:F${rows.length}`, style: BASE }];
  rows.forEach((row, index) => {
    row.forEach((value, column) => {
      if (value !== null && value !== '')
        cells.push({ address: `${String.fromCharCode(65 + column)}${index + 1}`, value });
    });
    const first = row[0];
    if (typeof first === 'string' && first.startsWith('['))
      formats.push({ address: `A${index + 1}`, style: { ...BASE, bold: true } });
    if (first === '番号' || first === '大№' || first === '小№')
      formats.push({ address: `A${index + 1}:${String.fromCharCode(64 + row.length)}${index + 1}`, style: LABEL });
  });
  formats.push(
    { address: 'A1', style: TITLE },
    { address: 'A2', style: { ...BASE, fontSize: 8, fontColor: '#808080' } },
  );
  formats.push({ address: `B4:B6`, style: TABLE_TEXT });
  return {
    name: PLAN_SHEET_NAME,
    visibility: 'hidden',
    protect: true,
    tabColor: '#808080',
    columnWidths: [10, 40, 30, 36, 12, 12],
    cells,
    formats,
  };
}

/**
 * Reads the plan back from the cells of `PLAN_SHEET_READ_RANGE`.
 * @param values - the values read
 * @returns the plan
 * @throws PlanError with a Japanese message naming the row that is wrong
 */
export function readPlanSheet(values: readonly (readonly CellValue[])[]): Plan {
  const text = (value: CellValue | undefined) => (value === null || value === undefined ? '' : String(value).trim());
  if (text(values[1]?.[0]) !== PLAN_SHEET_MARKER)
    throw new PlanError(`シート「${PLAN_SHEET_NAME}」の形式が違います (A2 に ${PLAN_SHEET_MARKER} がありません)。`);
  const find = (label: string) => values.find((row) => text(row[0]) === label) ?? [];
  const rowList = (row: readonly CellValue[]) =>
    row
      .slice(1)
      .map(text)
      .filter((value) => value !== '');
  const section = (marker: string) => {
    const start = values.findIndex((row) => text(row[0]) === marker);
    if (start < 0) throw new PlanError(`シート「${PLAN_SHEET_NAME}」に ${marker} の表がありません。`);
    const rows: (readonly CellValue[])[] = [];
    for (let index = start + 2; index < values.length && text(values[index][0]) !== ''; index++)
      rows.push(values[index]);
    return rows;
  };
  return parsePlan({
    title: text(find('プラン名')[1]),
    period: rowList(find('計画期間')).map((year) => normalizeInput(year).toUpperCase()),
    criteria: rowList(find('評価項目')).map((label) => ({ label })),
    themes: section(SECTION_THEMES).map((row) => ({ numeral: text(row[0]), name: text(row[1]), label: text(row[2]) })),
    initiatives: section(SECTION_INITIATIVES).map((row) => ({
      no: row[0],
      name: text(row[1]),
      themes: text(row[2])
        .split(/[,、，]/)
        .map((mark) => mark.trim())
        .filter(Boolean),
    })),
    items: section(SECTION_ITEMS).map((row) => ({
      no: row[0],
      initiative: row[1],
      name: text(row[2]),
      departments: text(row[3])
        .split(/\n/)
        .map((department) => department.trim())
        .filter(Boolean),
      continuedFromPreviousPlan: text(row[4]) !== '',
      endedIn: text(row[5]) === '' ? null : normalizeInput(text(row[5])).toUpperCase(),
    })),
  });
}
