/**
 * Writes a 進捗状況シート (parts ① and ②) as a SheetSpec, through the one cell map.
 */
import { legalSheetName, sheetNameNote } from '../sheetName';
import { parseCell, parseRange, rangeAddress, cellAddress } from '../address';
import { checkPeriodLabel, toFullWidth } from '../japanese';
import { CRITERIA, type Plan } from '../plan';
import { itemGrade, itemTotal, SCORE_MAX, SCORE_MIN, type Scores } from '../rules';
import type { CellStyle, CellWrite, RangeFormat, SheetSpec } from '../sheetSpec';
import { BASE, COMPUTED, FIXED_TEXT, INPUT_CENTER, INPUT_TEXT, LABEL, TITLE } from '../styles';
import type { ProgressSheetData, ScoreEntry } from './progressSheetData';
import {
  LABELS,
  LAYOUT_MARKER,
  MARKER_COLUMN,
  NOT_EVALUATED,
  SCHEDULE_STATUSES,
  progressSheetLayout,
  type ProgressSheetLayout,
  type YearScoreCells,
} from './progressSheetLayout';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮';
/** The ○ printed under a theme the item belongs to. */
export const THEME_MARK = '○';
/** The items' score drop-down. */
export const SCORE_CHOICES = ['0', '1', '2', '3', NOT_EVALUATED];

/**
 * The sheet name of an item: its 小№ and name, shortened to Excel's 31 characters.
 * @param itemNo - 小№
 * @param itemName - 実践項目 name
 * @returns a legal, unique-per-item sheet name
 */
export function progressSheetName(itemNo: number, itemName: string): string {
  return legalSheetName(`${itemNo} ${itemName}`);
}

/**
 * What the user is told about items whose sheet name had to be made legal (see sheetNameNote).
 * @param items - 実践項目 whose sheets were written
 * @returns one Japanese note per item whose name Excel would refuse, in item order
 */
export function itemSheetNameNotes(items: readonly { no: number; name: string }[]): string[] {
  return items.flatMap((item) => sheetNameNote(`${item.no} ${item.name}`) ?? []);
}

/**
 * The Excel formula (without "=") of a year's 合計: the sum once all four scores are numbers from
 * 0 to 3 (a score out of range leaves it blank, as the check reports it, rather than a wrong total).
 * @param cells - the year's score cells
 * @returns the formula text
 */
export function totalFormula(cells: YearScoreCells): string {
  const range = `${cells.scores.progress}:${cells.scores.creativity}`;
  return `IF(AND(COUNT(${range})=4,MIN(${range})>=${SCORE_MIN},MAX(${range})<=${SCORE_MAX}),SUM(${range}),"")`;
}

/**
 * The Excel formula (without "=") of a year's 総合評価 (rule 3.1 with the 進捗度 gate).
 * @param cells - the year's score cells
 * @returns the formula text
 */
export function gradeFormula(cells: YearScoreCells): string {
  const total = cells.total;
  return `IF(${total}="","",IF(AND(${total}>=10,${cells.scores.progress}>=2),"Ａ",IF(${total}>=8,"Ｂ",IF(${total}>=5,"Ｃ","Ｄ"))))`;
}

/**
 * The complete scores of a year, or null when any is blank or "-".
 * @param entries - the four score entries
 * @returns the scores or null
 */
export function completeScores(entries: Record<string, ScoreEntry>): Scores | null {
  const scores = {} as Scores;
  for (const key of CRITERIA) {
    const entry = entries[key];
    if (typeof entry !== 'number') return null;
    scores[key] = entry;
  }
  return scores;
}

/**
 * The 合計 and 総合評価 cells of every year, as formulas with their computed values.
 * @param layout - the cell map
 * @param data - the sheet's scores
 * @returns the cells the product owns on an item sheet
 */
export function computedCells(layout: ProgressSheetLayout, scores: ProgressSheetData['scores']): CellWrite[] {
  return layout.scores.flatMap((cells) => {
    const complete = completeScores(scores[cells.year] ?? {});
    return [
      { address: cells.total, formula: totalFormula(cells), value: complete ? itemTotal(complete) : '' },
      { address: cells.grade, formula: gradeFormula(cells), value: complete ? toFullWidth(itemGrade(complete)) : '' },
    ];
  });
}

/**
 * The whole 進捗状況シート of one item.
 * @param plan - the plan the sheet belongs to
 * @param data - the sheet's content
 * @param name - the sheet name (default: progressSheetName)
 * @returns the sheet as data
 */
export function writeProgressSheet(
  plan: Plan,
  data: ProgressSheetData,
  name = progressSheetName(data.itemNo, data.itemName),
): SheetSpec {
  const layout = progressSheetLayout(plan);
  const cells: CellWrite[] = [];
  const formats: RangeFormat[] = [];
  const put = (address: string, value: string | number | null) => {
    if (value !== null && value !== '') cells.push({ address, value });
  };
  const format = (address: string, style: CellStyle, merge = address.includes(':')) =>
    formats.push({ address, style, merge });
  const mergeFrom = (address: string, right: number, bottom?: number) => {
    const start = parseCell(address);
    return rangeAddress({ top: start.row, left: start.column, bottom: bottom ?? start.row, right });
  };
  const lastColumn = layout.columnWidths.length - 1; // P (column Q holds the marker)

  format(layout.printArea, BASE, false);
  for (const label of layout.labels) {
    put(label.address, label.text);
    format(label.range, LABEL);
  }

  // Part ① header
  put(layout.itemNo, data.itemNo);
  format(layout.itemNo, { ...FIXED_TEXT, horizontal: 'center', fontSize: 14, bold: true });
  put(layout.titleOne, LABELS.titlePartOne(plan.title));
  format(mergeFrom(layout.titleOne, 10), TITLE);
  put(layout.checkPeriod, checkPeriodLabel(data.checkYear));
  format(mergeFrom(layout.checkPeriod, lastColumn), { ...FIXED_TEXT, horizontal: 'center' });
  for (const theme of layout.themeMarks) {
    put(theme.mark, data.themes.includes(theme.numeral) ? THEME_MARK : '');
    format(theme.range, { ...FIXED_TEXT, horizontal: 'center', fontSize: 12 });
  }
  put(layout.initiativeNo, `№${toFullWidth(data.initiativeNo)}`);
  format(layout.initiativeNo, { ...FIXED_TEXT, horizontal: 'center' });
  put(layout.initiativeName, data.initiativeName);
  format(mergeFrom(layout.initiativeName, lastColumn), FIXED_TEXT);
  put(layout.itemName, data.itemName);
  format(mergeFrom(layout.itemName, lastColumn), { ...FIXED_TEXT, bold: true });
  put(layout.departments, data.departments.join('、'));
  format(mergeFrom(layout.departments, lastColumn), FIXED_TEXT);

  // 工程表
  for (const step of layout.schedule) {
    put(step.plan, data.schedule[step.year]?.plan ?? '');
    format(step.range, { ...INPUT_TEXT, fontSize: 9 });
    put(step.status, data.schedule[step.year]?.status ?? '');
    const statusRange = parseRange(step.range);
    format(rangeAddress({ ...statusRange, top: statusRange.top + 1, bottom: statusRange.bottom + 1 }), {
      ...INPUT_CENTER,
      fontSize: 9,
    });
  }

  // 取組内容
  layout.activities.forEach((row, index) => {
    const activity = data.activities[index] ?? { year: '', plan: '', result: '' };
    put(row.year, activity.year);
    format(row.year, { ...INPUT_CENTER, fontSize: 9 });
    put(row.number, CIRCLED[index]);
    format(row.number, { ...FIXED_TEXT, horizontal: 'center' });
    put(row.plan, activity.plan);
    format(mergeFrom(row.plan, parseCell(row.result).column - 1), { ...INPUT_TEXT, fontSize: 9 });
    put(row.result, activity.result);
    format(mergeFrom(row.result, lastColumn), { ...INPUT_TEXT, fontSize: 9 });
  });

  // 自己評価
  for (const yearCells of layout.scores) {
    for (const key of CRITERIA) {
      const entry = data.scores[yearCells.year]?.[key] ?? null;
      put(yearCells.scores[key], entry === null ? '' : entry);
      format(yearCells.scores[key], INPUT_CENTER);
    }
    format(yearCells.total, COMPUTED);
    format(yearCells.grade, COMPUTED);
  }
  cells.push(...computedCells(layout, data.scores));
  const reasonRight = lastColumn;
  for (const key of [...CRITERIA, 'overall'] as const) {
    put(layout.reasons[key], data.reasons[key]);
    format(mergeFrom(layout.reasons[key], reasonRight), { ...INPUT_TEXT, fontSize: 9 });
  }
  const totalReason = parseCell(layout.scores[0].total);
  const totalNote = cellAddress(totalReason.row, parseCell(layout.reasons.progress).column);
  put(totalNote, '（合計・総合評価は自動計算されます）');
  format(mergeFrom(totalNote, reasonRight), { ...FIXED_TEXT, fontColor: '#808080', fontSize: 8 });

  // 取組終了
  put(layout.endedEraYear, data.ended ? data.ended.eraYear : '');
  format(layout.endedEraYear, INPUT_CENTER);
  put(layout.endedMonth, data.ended ? data.ended.month : '');
  format(layout.endedMonth, INPUT_CENTER);

  // Part ②
  put(layout.titleTwo, LABELS.titlePartTwo(plan.title));
  format(mergeFrom(layout.titleTwo, lastColumn), TITLE);
  put(layout.partTwoItemNo, data.itemNo);
  format(layout.partTwoItemNo, { ...FIXED_TEXT, horizontal: 'center' });
  put(layout.partTwoItemName, data.itemName);
  format(mergeFrom(layout.partTwoItemName, parseCell(layout.partTwoCheckPeriod).column - 3), FIXED_TEXT);
  put(layout.partTwoCheckPeriod, checkPeriodLabel(data.checkYear));
  format(mergeFrom(layout.partTwoCheckPeriod, lastColumn), { ...FIXED_TEXT, horizontal: 'center' });
  put(layout.partTwoInitiativeNo, `№${toFullWidth(data.initiativeNo)}`);
  format(layout.partTwoInitiativeNo, { ...FIXED_TEXT, horizontal: 'center' });
  put(layout.partTwoInitiativeName, data.initiativeName);
  format(mergeFrom(layout.partTwoInitiativeName, lastColumn), FIXED_TEXT);
  for (const issue of layout.issues) {
    put(issue.label, toFullWidth(issue.year));
    format(issue.label, { ...LABEL });
    put(issue.problem, data.issues[issue.year]?.problem ?? '');
    format(mergeFrom(issue.problem, parseCell(issue.solution).column - 1), { ...INPUT_TEXT, fontSize: 9 });
    put(issue.solution, data.issues[issue.year]?.solution ?? '');
    format(mergeFrom(issue.solution, lastColumn), { ...INPUT_TEXT, fontSize: 9 });
  }
  put(layout.notes, data.notes);
  format(mergeFrom(layout.notes, lastColumn), { ...INPUT_TEXT, fontSize: 9 });

  // Outlines of the two parts, and the marker outside the print area.
  format(
    rangeAddress({ top: 3, left: 1, bottom: layout.partOneLastRow, right: lastColumn }),
    { outline: 'medium' },
    false,
  );
  format(
    rangeAddress({ top: layout.partOneLastRow + 3, left: 1, bottom: layout.lastRow, right: lastColumn }),
    { outline: 'medium' },
    false,
  );
  put(layout.marker, LAYOUT_MARKER);
  format(layout.marker, { fontName: BASE.fontName, fontSize: 6, fontColor: '#BFBFBF' }, false);

  const scoreArea = rangeAddress({
    ...parseRange(`${layout.scores[0].scores.progress}:${layout.scores[layout.scores.length - 1].scores.creativity}`),
  });
  return {
    name,
    columnWidths: layout.columnWidths,
    // The marker column stays out of sight so that nobody edits or deletes it by mistake.
    hiddenColumns: [MARKER_COLUMN],
    rowHeights: layout.rowHeights,
    cells,
    formats,
    validations: [
      {
        address: scoreArea,
        list: SCORE_CHOICES,
        errorMessage: '自己評価は 0〜3 の整数で入力してください（評価しない年度は「-」）。',
        prompt: '0〜3 を選んでください',
      },
      ...layout.schedule.map((step) => ({
        address: step.status,
        list: [...SCHEDULE_STATUSES],
        errorMessage: '工程どおり・前倒し・遅れ から選んでください。',
      })),
      {
        address: layout.endedMonth,
        list: Array.from({ length: 12 }, (_, index) => String(index + 1)),
        errorMessage: '月は 1〜12 で入力してください。',
      },
    ],
    page: {
      paperSize: 'A4',
      orientation: 'portrait',
      scale: layout.printScale,
      printArea: layout.printArea,
      rowBreaks: [layout.partOneLastRow],
      margins: { left: 0.4, right: 0.4, top: 0.55, bottom: 0.55, header: 0.25, footer: 0.25 },
      centerHorizontally: true,
    },
    showGridLines: false,
  };
}
