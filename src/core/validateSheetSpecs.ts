/**
 * The one set of rules for what a workbook can hold, shared by every port: sheet specs given to
 * `putSheets` and cells given to `writeCells` are checked here, before a port changes anything, so
 * that the memory, ExcelJS, package and Office.js ports refuse the same things with the same
 * `WorkbookError` (code 'sheet-spec', the sheet and the cell named).
 *
 * Every check is linear in the size of the specs: merges are checked for overlap in one sweep over
 * the merges sorted by their top row, never each against all others.
 */
import { parseRange, rangeAddress } from './address';
import type { RangeBounds } from './address';
import type { CellWrite, ChartSpec, ListValidation, PageSetup, SheetSpec } from './sheetSpec';
import { WorkbookError } from './sheetSpec';
import { sheetNameKey, sheetNameProblem } from './sheetName';

/** Excel's last column (XFD). */
export const MAX_COLUMN = 16384;
/** Excel's last row. */
export const MAX_ROW = 1048576;
/** Excel's longest cell text. */
export const MAX_TEXT_LENGTH = 32767;
/** Excel's longest formula. */
export const MAX_FORMULA_LENGTH = 8192;
/** Excel's longest list of a list validation, as text between the quotes of its formula. */
export const MAX_LIST_LENGTH = 255;
/** The code of every refusal of this module. */
export const SHEET_SPEC_ERROR = 'sheet-spec';

function refuse(message: string, sheet: string | null, cell: string | null = null): never {
  throw new WorkbookError(message, { code: SHEET_SPEC_ERROR, sheet, cell });
}

// The one sheet-name rule (src/core/sheetName.ts): keys for comparing names, what Excel refuses.
export { sheetNameKey };

/**
 * Rejects a sheet name Excel would refuse.
 * @param name - the proposed name
 * @throws WorkbookError naming the rule
 */
export function checkSheetName(name: string): void {
  const problem = sheetNameProblem(name);
  if (problem) refuse(problem, name);
}

/**
 * Parses a cell address of a sheet, refusing one outside Excel's grid.
 * @param sheet - the sheet name, for the message
 * @param address - an A1 address such as "B3"
 * @returns its row and column
 */
export function checkedCell(sheet: string, address: string): { row: number; column: number } {
  return checkedBounds(sheet, address, false);
}

/**
 * Parses a range address of a sheet ("A1:C3" or one cell), refusing one outside Excel's grid.
 * @param sheet - the sheet name, for the message
 * @param address - an A1 range address
 * @returns its bounds
 */
export function checkedRange(sheet: string, address: string): RangeBounds {
  return checkedBounds(sheet, address, true);
}

function checkedBounds(sheet: string, address: string, range: true): RangeBounds;
function checkedBounds(sheet: string, address: string, range: false): { row: number; column: number };
function checkedBounds(sheet: string, address: string, range: boolean): RangeBounds | { row: number; column: number } {
  let bounds: RangeBounds;
  try {
    if (typeof address !== 'string' || (!range && address.includes(':'))) throw new RangeError(String(address));
    bounds = parseRange(address);
  } catch {
    return refuse(`シート「${sheet}」のアドレス「${String(address)}」が正しくありません。`, sheet);
  }
  if (bounds.top < 1 || bounds.bottom > MAX_ROW || bounds.left < 1 || bounds.right > MAX_COLUMN)
    refuse(`シート「${sheet}」のアドレス「${address}」は Excel のシートの範囲（A1〜XFD1048576）の外です。`, sheet);
  return range ? bounds : { row: bounds.top, column: bounds.left };
}

/**
 * Rejects a cell write Excel could not store: a bad address, a number that is not finite, text
 * over 32,767 characters, a formula written with its "=" or over 8,192 characters.
 * @param sheet - the sheet name, for the message
 * @param write - the cell write
 */
export function checkCellWrite(sheet: string, write: CellWrite): void {
  checkedCell(sheet, write.address);
  const { value, formula } = write;
  if (typeof value === 'number' && !Number.isFinite(value))
    refuse(
      `シート「${sheet}」のセル ${write.address} に数値でない値 (${value}) は書き込めません。`,
      sheet,
      write.address,
    );
  if (typeof value === 'string' && value.length > MAX_TEXT_LENGTH)
    refuse(
      `シート「${sheet}」のセル ${write.address} の文字数が ${MAX_TEXT_LENGTH} 文字を超えています。`,
      sheet,
      write.address,
    );
  if (formula !== undefined && (typeof formula !== 'string' || formula.startsWith('=')))
    refuse(`シート「${sheet}」のセル ${write.address} の式は「=」を付けずに書いてください。`, sheet, write.address);
  if (formula !== undefined && formula.length > MAX_FORMULA_LENGTH)
    refuse(
      `シート「${sheet}」のセル ${write.address} の式が ${MAX_FORMULA_LENGTH} 文字を超えています。`,
      sheet,
      write.address,
    );
}

/**
 * Rejects hidden columns that are not columns of a sheet, and returns them ascending, each once.
 * @param sheet - the sheet name, for the message
 * @param columns - 1-based column numbers (SheetSpec.hiddenColumns)
 * @returns the columns, sorted and without repeats
 */
export function hiddenColumnList(sheet: string, columns: readonly number[] | undefined): number[] {
  for (const column of columns ?? []) {
    if (!Number.isInteger(column) || column < 1 || column > MAX_COLUMN)
      refuse(`シート「${sheet}」の非表示列 ${column} は 1〜${MAX_COLUMN} の列番号にしてください。`, sheet);
  }
  return [...new Set(columns ?? [])].sort((a, b) => a - b);
}

/**
 * The formula of a list validation: the items between double quotes, separated by commas.
 * Rejects lists Excel cannot store that way.
 * @param sheet - the sheet name, for the message
 * @param validation - the validation
 * @returns such as "\"工程どおり,前倒し,遅れ\""
 */
export function listFormula(sheet: string, validation: ListValidation): string {
  checkedRange(sheet, validation.address);
  if (validation.list.length === 0 || validation.list.some((item) => item.includes(',')))
    refuse(`シート「${sheet}」の ${validation.address} の入力規則: リストが空か、項目に「,」が含まれています。`, sheet);
  const text = validation.list.map((item) => item.replace(/"/g, '""')).join(',');
  if (text.length > MAX_LIST_LENGTH)
    refuse(
      `シート「${sheet}」の ${validation.address} の入力規則: リストが ${MAX_LIST_LENGTH} 文字を超えています。`,
      sheet,
    );
  return `"${text}"`;
}

/**
 * Rejects a chart whose ranges do not fit: categories and each series one column (or row) of the
 * same length, and a valid anchor.
 * @param sheet - the sheet name, for the message
 * @param chart - the chart
 */
export function checkChart(sheet: string, chart: ChartSpec): void {
  const fail = (reason: string): never => refuse(`シート「${sheet}」のグラフ「${chart.name}」: ${reason}`, sheet);
  const length = (address: string): number => {
    const bounds = checkedRange(sheet, address);
    if (bounds.left !== bounds.right && bounds.top !== bounds.bottom)
      fail(`${address} は 1 列（または 1 行）の範囲にしてください。`);
    return Math.max(bounds.bottom - bounds.top, bounds.right - bounds.left) + 1;
  };
  const count = length(chart.categories);
  if (chart.series.length === 0) fail('系列がありません。');
  for (const series of chart.series) {
    if (length(series.values) !== count)
      fail(`系列「${series.name}」の範囲 ${series.values} は項目の範囲 ${chart.categories} と同じ長さにしてください。`);
  }
  const from = checkedCell(sheet, chart.from);
  const to = checkedCell(sheet, chart.to);
  if (to.row < from.row || to.column < from.column) fail(`位置 ${chart.from}〜${chart.to} が正しくありません。`);
}

/**
 * The first two merged ranges that overlap, found in one sweep: merges sorted by top row, each
 * compared only with the merges still open at its top row that share a column.
 * @param merges - the merged ranges
 * @returns a pair that overlaps, or null
 */
export function findMergeOverlap(merges: readonly RangeBounds[]): [RangeBounds, RangeBounds] | null {
  const sorted = [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
  // Open merges by column span: kept sorted by left column; at most one per column can be open
  // without an overlap, so the list stays as short as the sheet is wide.
  let open: RangeBounds[] = [];
  for (const merge of sorted) {
    open = open.filter((candidate) => candidate.bottom >= merge.top);
    for (const candidate of open) {
      if (candidate.left <= merge.right && merge.left <= candidate.right) return [candidate, merge];
    }
    open.push(merge);
  }
  return null;
}

function checkPage(sheet: string, page: PageSetup): void {
  const integerIn = (value: number | undefined, low: number, high: number): boolean =>
    value === undefined || (Number.isInteger(value) && value >= low && value <= high);
  if (page.printArea !== undefined) checkedRange(sheet, page.printArea);
  if (page.printTitleRows !== undefined) {
    const match = /^(\d+):(\d+)$/.exec(page.printTitleRows);
    if (!match || Number(match[1]) < 1 || Number(match[2]) < Number(match[1]) || Number(match[2]) > MAX_ROW)
      refuse(`シート「${sheet}」の印刷タイトル行「${page.printTitleRows}」は「1:3」の形にしてください。`, sheet);
  }
  if (!integerIn(page.scale, 10, 400)) refuse(`シート「${sheet}」の印刷の倍率は 10〜400 % にしてください。`, sheet);
  if (!integerIn(page.fitToWidth, 0, 32767) || !integerIn(page.fitToHeight, 0, 32767))
    refuse(`シート「${sheet}」の印刷のページ数指定が正しくありません。`, sheet);
  for (const row of page.rowBreaks ?? []) {
    if (!integerIn(row, 1, MAX_ROW - 1)) refuse(`シート「${sheet}」の改ページ位置 ${row} が正しくありません。`, sheet);
  }
  for (const margin of Object.values(page.margins ?? {})) {
    if (!Number.isFinite(margin) || margin < 0 || margin > 49)
      refuse(`シート「${sheet}」の余白が正しくありません。`, sheet);
  }
}

function checkColor(sheet: string, color: string | undefined, where: string): void {
  if (color !== undefined && !/^#[0-9A-Fa-f]{6}$/.test(color))
    refuse(`シート「${sheet}」の${where}の色「${color}」は #RRGGBB の形にしてください。`, sheet);
}

/**
 * Checks one sheet spec.
 * @param spec - the sheet
 * @throws WorkbookError (code 'sheet-spec') at the first thing Excel could not hold
 */
export function validateSheetSpec(spec: SheetSpec): void {
  const sheet = spec.name;
  checkSheetName(sheet);
  checkColor(sheet, spec.tabColor, 'シート見出し');
  spec.columnWidths.forEach((width, index) => {
    if (!Number.isFinite(width) || width < 0 || width > 255)
      refuse(`シート「${sheet}」の ${index + 1} 列目の幅 ${width} は 0〜255 にしてください。`, sheet);
  });
  hiddenColumnList(sheet, spec.hiddenColumns);
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) {
    const number = Number(row);
    if (
      !Number.isInteger(number) ||
      number < 1 ||
      number > MAX_ROW ||
      !Number.isFinite(height) ||
      height < 0 ||
      height > 409
    )
      refuse(`シート「${sheet}」の ${row} 行目の高さ ${height} が正しくありません（0〜409）。`, sheet);
  }
  for (const cell of spec.cells) checkCellWrite(sheet, cell);
  const merges: RangeBounds[] = [];
  for (const format of spec.formats) {
    const bounds = checkedRange(sheet, format.address);
    const style = format.style;
    checkColor(sheet, style?.fill, `${format.address} の塗りつぶし`);
    checkColor(sheet, style?.fontColor, `${format.address} の文字`);
    if (style?.fontSize !== undefined && !(style.fontSize >= 1 && style.fontSize <= 409))
      refuse(
        `シート「${sheet}」の ${format.address} の文字の大きさ ${style.fontSize} は 1〜409 にしてください。`,
        sheet,
      );
    if (format.merge && (bounds.bottom > bounds.top || bounds.right > bounds.left)) merges.push(bounds);
  }
  const overlap = findMergeOverlap(merges);
  if (overlap)
    refuse(
      `シート「${sheet}」の ${rangeAddress(overlap[1])} は、結合する ${rangeAddress(overlap[0])} と重なっています。`,
      sheet,
    );
  for (const validation of spec.validations ?? []) listFormula(sheet, validation);
  if (spec.page) checkPage(sheet, spec.page);
  if (spec.freeze) {
    const { rows, columns } = spec.freeze;
    if (
      !Number.isInteger(rows) ||
      !Number.isInteger(columns) ||
      rows < 0 ||
      columns < 0 ||
      rows >= MAX_ROW ||
      columns >= MAX_COLUMN
    )
      refuse(`シート「${sheet}」のウィンドウ枠の固定が正しくありません。`, sheet);
  }
  for (const chart of spec.charts ?? []) checkChart(sheet, chart);
}

/**
 * Checks the specs of one `putSheets` call: each spec, and no two of one name (ignoring case).
 * @param specs - the sheets
 * @throws WorkbookError (code 'sheet-spec') before anything is written
 */
export function validateSheetSpecs(specs: readonly SheetSpec[]): void {
  const names = new Set<string>();
  for (const spec of specs) {
    validateSheetSpec(spec);
    const key = sheetNameKey(spec.name);
    if (names.has(key)) refuse(`シート名「${spec.name}」が重複しています。`, spec.name);
    names.add(key);
  }
}

/**
 * Checks the cells of one `writeCells` call.
 * @param writes - the writes, by sheet
 * @throws WorkbookError (code 'sheet-spec') before anything is written
 */
export function validateCellWrites(writes: readonly { sheet: string; cells: readonly CellWrite[] }[]): void {
  for (const write of writes) for (const cell of write.cells) checkCellWrite(write.sheet, cell);
}

/**
 * Checks print settings given to `setPageSetups`.
 * @param setups - the settings, by sheet
 * @throws WorkbookError (code 'sheet-spec') before anything is written
 */
export function validatePageSetups(setups: readonly { sheet: string; page: PageSetup }[]): void {
  for (const setup of setups) checkPage(setup.sheet, setup.page);
}
