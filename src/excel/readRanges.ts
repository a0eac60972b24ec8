/**
 * readRanges over Office.js: any number of ranges of any number of sheets in few syncs, with
 * every request and every answer under Excel on the web's 5 MB cap by the bytes office.js really
 * sends and receives.
 *
 * - Ranges of one sheet that touch or nearly touch are read as one rectangle (the undo record of
 *   「集計」 asks for ten single cells a sheet: one range instead of ten, a tenth of the request).
 * - Sheets are looked up by name in syncs packed by request bytes (./portRequestSize).
 * - Values are read in syncs packed by request bytes and by the answer's expected size: the first
 *   sized for text-heavy cells, each next one by the bytes per cell the answers so far really had
 *   (their JSON), with a margin.
 * - A range's `formulas` repeat its `values` cell for cell, so a larger range (ExcelApi 1.9) loads
 *   its values and which of its cells hold formulas (`getSpecialCellsOrNullObject`, with their
 *   count), then the formula text of those cells only, packed by the same rules.
 * - office.js keeps a reference to every range of a run and removes them all in one clean-up
 *   request after it: a run holds at most as many ranges as keep that request under the budget.
 */
import { boundsUnion, parseRange, rangeAddress, type RangeBounds } from '../core/address';
import { sheetNameKey } from '../core/sheetName';
import { missingSheetMessage } from '../workbook/memory';
import type { RangeData, ReadRequest } from '../workbook/port';
import { WorkbookError } from '../workbook/port';
import { readCell } from './cellInput';
import type { CellOutput, ExcelContext, RangeAreasLike, RangeLike, WorksheetLike } from './excelApi';
import {
  AREAS_LOAD_BYTES,
  CLEANUP_BYTES_PER_RANGE,
  lookupBytes,
  rangeReadBytes,
  REQUEST_FRAME_BYTES,
  SHEET_BY_ID_BYTES,
  SPECIAL_CELLS_BYTES,
} from './portRequestSize';
import { jsonLength } from './utf8';
import type { BatchRunner } from './batchRunner';
import { errorCode, PAYLOAD_CODES } from './officeErrors';

/** Request and answer bytes per sync: 80 % of Excel on the web's 5 MB cap. */
export const SYNC_BUDGET_BYTES = 4_000_000;
/** Ranges one run may keep: office.js's clean-up request after the run stays under the budget. */
export const MAX_RANGES_PER_RUN = Math.floor(SYNC_BUDGET_BYTES / CLEANUP_BYTES_PER_RANGE);
/** Ranges of at most this many cells load values and formulas at once (their answer is small). */
const SMALL_READ_CELLS = 64;
/**
 * How a range is read: its values alone (its formula cells apart), a small range with its
 * formulas, or a large one with its formulas (hosts below ExcelApi 1.9).
 */
type ReadKind = 'apart' | 'small' | 'large';
const READ_KINDS: readonly ReadKind[] = ['apart', 'small', 'large'];
/**
 * Answer bytes per cell assumed until answers of that kind have been measured: long Japanese
 * text in every cell; formula text as long as 「集計」's own formulas in small ranges (the owned
 * cells); in a large range most formulas repeat the value.
 */
const FIRST_BYTES_PER_CELL: Record<ReadKind, number> = { apart: 24, small: 200, large: 48 };
/** An answer's bytes for each range beyond its cells' JSON (action results, property names, reference ids). */
const RANGE_ANSWER_BYTES = 300;
/** Bytes per formula cell assumed for the first formula chunk. */
const FIRST_BYTES_PER_FORMULA = 160;
/** Floor and margin of the bytes per cell measured on the answers so far. */
const MIN_BYTES_PER_CELL = 2;
const ANSWER_MARGIN = 1.25;
/** Extra cells a merged rectangle may hold beyond the cells asked for (absolute and relative). */
const MERGE_SLACK_CELLS = 4;
const MERGE_SLACK_SHARE = 0.25;

/** One rectangle read for one or more requests of a sheet. */
export interface ReadGroup {
  sheet: string;
  address: string;
  bounds: RangeBounds | null;
  /** Cells of the requests it answers (for the merge rule). */
  asked: number;
  /** Indexes of the requests it answers. */
  members: number[];
}

function area(bounds: RangeBounds): number {
  return (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1);
}

/** The bounds of an A1 range address, or null if it is not one (Excel will say why at sync). */
function boundsOrNull(address: string): RangeBounds | null {
  try {
    return parseRange(address);
  } catch {
    return null;
  }
}

/** What one group's read gives: its values and formulas (see readGroups). */
export type ReadGrid = { values: CellOutput[][]; formulas: CellOutput[][] };

/**
 * readGroups in one run; when Excel refuses the request or its answer (the packing's estimate was
 * short: one range of long texts can answer more than 5 MB), the runner reads the groups in halves
 * (`inChunks`), and a single group is read by its rows in halves, the grids stacked back.
 * @param runner - the port's batch runner
 * @param groups - the groups of one run
 * @param special - whether the host has ExcelApi 1.9
 * @returns one grid per group
 */
export function readSplitting(
  runner: BatchRunner,
  groups: readonly ReadGroup[],
  special: boolean,
): Promise<ReadGrid[]> {
  return runner.inChunks(groups, (chunk) => readByRows(runner, chunk, special));
}

/** readGroups in one run; one group whose read Excel refuses is read again by its rows in halves. */
async function readByRows(runner: BatchRunner, groups: readonly ReadGroup[], special: boolean): Promise<ReadGrid[]> {
  try {
    return await runner.batch((context) => readGroups(context, groups, special));
  } catch (error) {
    const rows = groups.length === 1 ? rowHalves(groups[0]) : null;
    if (!rows || !PAYLOAD_CODES.includes(errorCode(error) ?? '')) throw error;
    runner.stats.splits++;
    const [top] = await readByRows(runner, [rows[0]], special);
    const [bottom] = await readByRows(runner, [rows[1]], special);
    return [{ values: [...top.values, ...bottom.values], formulas: [...top.formulas, ...bottom.formulas] }];
  }
}

/** A group's top and bottom rows as two groups, or null for a single row. */
function rowHalves(group: ReadGroup): [ReadGroup, ReadGroup] | null {
  const bounds = group.bounds;
  if (!bounds || bounds.bottom === bounds.top) return null;
  const middle = Math.floor((bounds.top + bounds.bottom) / 2);
  const part = (rows: RangeBounds): ReadGroup => ({
    ...group,
    bounds: rows,
    address: rangeAddress(rows),
    asked: area(rows),
  });
  return [part({ ...bounds, bottom: middle }), part({ ...bounds, top: middle + 1 })];
}

/**
 * The rectangles to read: requests of a sheet whose bounding rectangle holds hardly more cells
 * than they ask for are read together.
 * @param requests - the port's read requests
 * @returns groups in first-seen order
 */
export function groupReads(requests: readonly ReadRequest[]): ReadGroup[] {
  const groups: ReadGroup[] = [];
  const bySheet = new Map<string, ReadGroup[]>();
  requests.forEach((request, index) => {
    const bounds = boundsOrNull(request.address);
    const key = sheetNameKey(request.sheet);
    const sheetGroups = bySheet.get(key) ?? [];
    bySheet.set(key, sheetGroups);
    if (bounds) {
      for (const group of sheetGroups) {
        if (!group.bounds) continue;
        const merged = boundsUnion(group.bounds, bounds);
        const asked = group.asked + area(bounds);
        if (area(merged) > asked + Math.max(MERGE_SLACK_CELLS, asked * MERGE_SLACK_SHARE)) continue;
        group.bounds = merged;
        group.address = rangeAddress(merged);
        group.asked = asked;
        group.members.push(index);
        return;
      }
    }
    const group: ReadGroup = {
      sheet: request.sheet,
      address: request.address,
      bounds,
      asked: bounds ? area(bounds) : 1,
      members: [index],
    };
    sheetGroups.push(group);
    groups.push(group);
  });
  return groups;
}

/** Ranges a group keeps in a run (the range, and its formula cells where read apart). */
export function keptRanges(group: ReadGroup, special: boolean): number {
  return special && group.bounds && area(group.bounds) > SMALL_READ_CELLS ? 2 : 1;
}

/** One rectangle being read. */
interface RangeRead {
  group: ReadGroup;
  cells: number;
  range: RangeLike;
  formulaCells: RangeAreasLike | null;
}

/**
 * Sheets looked up by name in syncs packed by request bytes.
 * @param context - the run's context
 * @param names - sheet names (repeats and case or width variants count once)
 * @returns the sheets by name key (sheetNameKey)
 * @throws WorkbookError for the first missing one
 */
export async function findSheets(context: ExcelContext, names: readonly string[]): Promise<Map<string, WorksheetLike>> {
  const sheets = new Map<string, WorksheetLike>();
  const keys = new Set<string>();
  const unique = names.filter((name) => !keys.has(sheetNameKey(name)) && keys.add(sheetNameKey(name)));
  let bytes = REQUEST_FRAME_BYTES;
  for (const [i, name] of unique.entries()) {
    sheets.set(sheetNameKey(name), context.workbook.worksheets.getItemOrNullObject(name));
    bytes += lookupBytes(name);
    const next = unique[i + 1];
    if (next === undefined || bytes + lookupBytes(next) > SYNC_BUDGET_BYTES) {
      // One sync per 4 MB of lookups is the point.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      bytes = REQUEST_FRAME_BYTES;
    }
  }
  for (const name of unique) {
    if (sheets.get(sheetNameKey(name))?.isNullObject !== false) throw new WorkbookError(missingSheetMessage(name));
  }
  return sheets;
}

/** Request bytes of queuing a group's read, and whether its formula cells are read apart. */
function readCost(group: ReadGroup, special: boolean): { bytes: number; apart: boolean } {
  const apart = special && group.bounds !== null && area(group.bounds) > SMALL_READ_CELLS;
  const select = apart ? ['values'] : ['values', 'formulas'];
  return { bytes: rangeReadBytes(group.address, select) + (apart ? SPECIAL_CELLS_BYTES : 0), apart };
}

/** UTF-8 bytes of a read's answer as Excel sends it (its values, and formulas where loaded). */
function answerBytes(read: RangeRead): number {
  return jsonLength(read.range.values) + (read.formulaCells ? 0 : jsonLength(read.range.formulas));
}

function kindOf(group: ReadGroup, special: boolean): ReadKind {
  if (readCost(group, special).apart) return 'apart';
  return cellsOf(group) <= SMALL_READ_CELLS ? 'small' : 'large';
}

function cellsOf(group: ReadGroup): number {
  return group.bounds ? area(group.bounds) : 1;
}

/**
 * Reads the groups in one run (see the file comment for the syncs).
 * @param context - the run's context (its syncs counted)
 * @param groups - at most MAX_RANGES_PER_RUN kept ranges
 * @param special - whether the host has ExcelApi 1.9 (formula cells apart)
 * @returns per group, its values and formulas (formula text with "=" or '' for other cells)
 */
export async function readGroups(
  context: ExcelContext,
  groups: readonly ReadGroup[],
  special: boolean,
): Promise<{ values: CellOutput[][]; formulas: CellOutput[][] }[]> {
  const sheets = await findSheets(
    context,
    groups.map((group) => group.sheet),
  );
  const reads: RangeRead[] = [];
  // Answer bytes per cell by kind of read, learnt from the answers so far.
  const rate: Record<ReadKind, number> = { ...FIRST_BYTES_PER_CELL };
  const estimate = (group: ReadGroup) => RANGE_ANSWER_BYTES + cellsOf(group) * rate[kindOf(group, special)];
  for (let start = 0; start < groups.length;) {
    const first = reads.length;
    const addressed = new Set<WorksheetLike>();
    let request = REQUEST_FRAME_BYTES;
    let answer = 0;
    do {
      const group = groups[start++];
      const sheet = sheets.get(sheetNameKey(group.sheet)) as WorksheetLike;
      const cost = readCost(group, special);
      request += cost.bytes + (addressed.has(sheet) ? 0 : SHEET_BY_ID_BYTES);
      answer += estimate(group);
      addressed.add(sheet);
      const range = sheet.getRange(group.address);
      if (cost.apart) {
        const formulaCells = range.getSpecialCellsOrNullObject('Formulas');
        formulaCells.load('cellCount');
        reads.push({ group, cells: cellsOf(group), range: range.load('values'), formulaCells });
      } else reads.push({ group, cells: cellsOf(group), range: range.load('values, formulas'), formulaCells: null });
      const next = groups[start];
      if (!next) break;
      const nextRequest = readCost(next, special).bytes + SHEET_BY_ID_BYTES;
      if (request + nextRequest > SYNC_BUDGET_BYTES || answer + estimate(next) > SYNC_BUDGET_BYTES) break;
    } while (start < groups.length);
    // One sync per answer chunk is the point: each chunk's request and answer must stay under 5 MB.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const kind of READ_KINDS) {
      const answered = reads.slice(first).filter((read) => kindOf(read.group, special) === kind);
      const cells = answered.reduce((sum, read) => sum + read.cells, 0);
      const bytes = answered.reduce((sum, read) => sum + answerBytes(read), 0);
      if (cells > 0) rate[kind] = Math.max(MIN_BYTES_PER_CELL, (bytes / cells) * ANSWER_MARGIN);
    }
  }
  await readFormulaAreas(context, reads);
  return reads.map(gridsOf);
}

/** Loads the formula text of the formula cells of the reads that hold some, in packed syncs. */
async function readFormulaAreas(context: ExcelContext, reads: readonly RangeRead[]): Promise<void> {
  const withFormulas = reads.filter((read) => read.formulaCells && !read.formulaCells.isNullObject);
  let bytesPerFormula = FIRST_BYTES_PER_FORMULA;
  for (let start = 0; start < withFormulas.length;) {
    const chunk: RangeRead[] = [];
    let request = REQUEST_FRAME_BYTES;
    let formulas = 0;
    do {
      const read = withFormulas[start++];
      read.formulaCells?.areas.load('items/formulas, items/rowIndex, items/columnIndex');
      chunk.push(read);
      request += AREAS_LOAD_BYTES;
      formulas += read.formulaCells?.cellCount ?? 0;
      const next = withFormulas[start]?.formulaCells?.cellCount;
      if (next === undefined) break;
      const answer = (chunk.length + 1) * RANGE_ANSWER_BYTES + (formulas + next) * bytesPerFormula;
      if (request + AREAS_LOAD_BYTES > SYNC_BUDGET_BYTES || answer > SYNC_BUDGET_BYTES) break;
    } while (start < withFormulas.length);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    const bytes = chunk.reduce(
      (sum, read) => sum + jsonLength(read.formulaCells?.areas.items.map((item) => item.formulas) ?? []),
      0,
    );
    bytesPerFormula = Math.max(MIN_BYTES_PER_CELL, (bytes / Math.max(1, formulas)) * ANSWER_MARGIN);
  }
}

/** A read's values and formula grid (formulas '' where a cell has none). */
function gridsOf(read: RangeRead): { values: CellOutput[][]; formulas: CellOutput[][] } {
  const { range, formulaCells } = read;
  const bounds = read.group.bounds;
  if (!formulaCells) return { values: range.values, formulas: range.formulas };
  const formulas: CellOutput[][] = range.values.map((row) => row.map(() => ''));
  if (!formulaCells.isNullObject && bounds) {
    for (const item of formulaCells.areas.items) {
      item.formulas.forEach((row, r) =>
        row.forEach((formula, c) => {
          const line = formulas[item.rowIndex + 1 - bounds.top + r];
          const column = item.columnIndex + 1 - bounds.left + c;
          if (line && column < line.length) line[column] = formula;
        }),
      );
    }
  }
  return { values: range.values, formulas };
}

/**
 * The port's answer to each request, cut from its group's grids.
 * @param requests - the port's read requests
 * @param groups - their groups (groupReads)
 * @param grids - what readGroups read for each group
 * @returns one RangeData per request, in request order
 */
export function answersOf(
  requests: readonly ReadRequest[],
  groups: readonly ReadGroup[],
  grids: readonly { values: CellOutput[][]; formulas: CellOutput[][] }[],
): RangeData[] {
  const answers: RangeData[] = new Array<RangeData>(requests.length);
  groups.forEach((group, g) => {
    const { values, formulas } = grids[g];
    for (const index of group.members) {
      const request = requests[index];
      const bounds = boundsOrNull(request.address);
      const top = bounds && group.bounds ? bounds.top - group.bounds.top : 0;
      const left = bounds && group.bounds ? bounds.left - group.bounds.left : 0;
      const rows = bounds ? bounds.bottom - bounds.top + 1 : values.length;
      const columns = bounds ? bounds.right - bounds.left + 1 : (values[0]?.length ?? 0);
      const cells = Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) => readCell(values[top + r][left + c], formulas[top + r][left + c])),
      );
      answers[index] = {
        sheet: request.sheet,
        address: request.address,
        values: cells.map((row) => row.map((cell) => cell.value)),
        formulas: cells.map((row) => row.map((cell) => cell.formula)),
      };
    }
  });
  return answers;
}
