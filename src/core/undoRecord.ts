/**
 * The record of the last 「集計」 (and of a 回収 into the workbook after it), kept in the workbook itself (a very hidden sheet with the owner
 * marker), so that 元に戻す works after the pane or the workbook was closed and opened again.
 *
 * It holds two things:
 * - `tabs`: what the summary tabs now in the workbook were built from (plan, year, the evaluations
 *   read, the council tab as read). A later 「集計」 replaces those tabs; its undo rebuilds them from
 *   this, with the same pure builders, rather than keeping copies of whole sheets (no sheet has to be
 *   renamed: renaming sheets fails on Excel on the web, office-js #3218).
 * - `undo`: one step back: the 合計/総合評価 cells of every 進捗状況シート as they were, which tabs
 *   were created (deleted on undo) and which replaced (rebuilt from the previous `tabs`).
 *
 * One generation: after 元に戻す the record keeps `tabs` (now the previous ones) and no `undo`.
 * The JSON is stored in cells of at most RECORD_CHUNK characters; Decimal values are tagged, and any
 * other non-plain value is refused when writing (a test round-trips the example).
 */
import { UserError } from './errors';
import { Decimal } from './decimal';
import type { CouncilSheetData } from './councilSheet';
import type { ItemEvaluation } from './evaluation';
import type { FiscalYear, ItemCode, Plan } from './plan';
import { markOwned } from './ownership';
import type { CellValue, CellWrite, SheetSpec } from './sheetSpec';

/** The very hidden sheet that holds the record. */
export const RECORD_SHEET_NAME = '進捗集計_元に戻す';

/** What the summary tabs of a 「集計」 are built from. */
export interface AggregateInputs {
  plan: Plan;
  year: FiscalYear;
  evaluations: ItemEvaluation[];
  council: CouncilSheetData | null;
  /** Earlier years' council tabs kept by a rollover (absent in records written before them). */
  councilHistory?: CouncilSheetData[];
}

/** The owned cells of one 進捗状況シート before 「集計」 wrote them. */
export interface RecordedSheet {
  name: string;
  itemNo: ItemCode;
  /** [address, value, index into `formulas` or -1 for a plain value] */
  cells: [string, CellValue, number][];
}

/** One step back. */
export interface UndoStep {
  /**
   * What the step undoes: a 「集計」 (also when absent: records written before 回収 kept one) or a
   * 回収 into the workbook (`collect`: the input cells it changed, the sheets it added, 取込履歴).
   */
  kind?: 'aggregate' | 'collect';
  year: FiscalYear;
  /** The formulas of the recorded cells, each once (they repeat across sheets). */
  formulas: string[];
  sheets: RecordedSheet[];
  /** Tabs this 「集計」 added (deleted on undo). */
  created: string[];
  /** Tabs this 「集計」 replaced (rebuilt on undo from `previousTabs`). */
  replaced: string[];
  /** What the replaced tabs were built from, or null when not known (then they are kept). */
  previousTabs: AggregateInputs | null;
  /** 回収: the 進捗状況シート it added (deleted on undo while still the sheet of that 小№). */
  addedSheets?: { name: string; itemNo: ItemCode }[];
  /** 回収: the rows 取込履歴 had before (cut back to them on undo); absent when it made the tab. */
  importLogRows?: number;
}

/** The undo step a record holds, by kind (what the header's B1 says). */
export type UndoKind = 'aggregate' | 'collect';

/** B1 of the record: 0 no undo step, 1 a 「集計」's, 2 a 回収's. */
const UNDO_FLAGS: Record<UndoKind, number> = { aggregate: 1, collect: 2 };

/** The record. */
export interface AggregateRecord {
  version: 1;
  tabs: AggregateInputs | null;
  undo: UndoStep | null;
}

/** Characters per cell (Excel holds 32,767). */
export const RECORD_CHUNK = 30000;

/** Read first: A1 the number of chunks, B1 1 when the record holds an undo step. */
export const RECORD_HEADER_READ = 'A1:B1';

/** The record cannot be read back (damaged, or written by another version). */
export class RecordError extends UserError {
  override name = 'RecordError';
}

function damaged(detail: string): RecordError {
  return new RecordError(
    `集計の記録（非表示のシート「${RECORD_SHEET_NAME}」）が読み取れないため、元に戻せません（${detail}）。`,
    {
      code: 'record-damaged',
      sheet: RECORD_SHEET_NAME,
      fix: 'もう一度「集計」すると、新しい記録が作られます。',
    },
  );
}

/**
 * The owned cells as they were, compactly: each distinct formula once.
 * @param sheets - each 進捗状況シート's name, 小№ and owned cells as read
 * @returns the formulas and the recorded sheets
 */
export function recordCells(
  sheets: readonly { name: string; itemNo: ItemCode; cells: readonly CellWrite[] }[],
): Pick<UndoStep, 'formulas' | 'sheets'> {
  const formulas: string[] = [];
  const index = new Map<string, number>();
  const recorded = sheets.map((sheet) => ({
    name: sheet.name,
    itemNo: sheet.itemNo,
    cells: sheet.cells.map((cell): [string, CellValue, number] => {
      if (cell.formula === undefined) return [cell.address, cell.value ?? null, -1];
      if (!index.has(cell.formula)) index.set(cell.formula, formulas.push(cell.formula) - 1);
      return [cell.address, cell.value ?? null, index.get(cell.formula)!];
    }),
  }));
  return { formulas, sheets: recorded };
}

/**
 * The cells to write back for one recorded sheet.
 * @param step - the undo step
 * @param sheet - one of its sheets
 * @returns the cell writes
 */
export function recordedWrites(step: UndoStep, sheet: RecordedSheet): CellWrite[] {
  return sheet.cells.map(([address, value, formula]) =>
    formula >= 0 ? { address, value, formula: step.formulas[formula] } : { address, value },
  );
}

/** JSON with exact decimals; anything else that is not plain data is a programming error. */
function toJson(record: AggregateRecord): string {
  const text = JSON.stringify(record, function (this: unknown, _key: string, value: unknown) {
    if (value instanceof Decimal) return { $decimal: [String(value.numerator), String(value.denominator)] };
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) throw new TypeError('record: not plain data');
    }
    if (typeof value === 'bigint' || typeof value === 'function') throw new TypeError('record: not plain data');
    return value;
  });
  // Cells keep every character, but DEL and C1 controls are escaped too, as for C0, for any reader.
  return text.replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Whether two 「集計」 inputs are the same (exact decimals compared exactly).
 * @param a - one
 * @param b - the other
 * @returns true when a 「集計」 from either builds the same tabs
 */
export function sameInputs(a: AggregateInputs, b: AggregateInputs): boolean {
  return toJson({ version: 1, tabs: a, undo: null }) === toJson({ version: 1, tabs: b, undo: null });
}

function fromJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && '$decimal' in value) {
      const [numerator, denominator] = (value as { $decimal: [string, string] }).$decimal;
      return Decimal.ratio(BigInt(numerator), BigInt(denominator));
    }
    return value;
  });
}

/** Splits text into chunks of at most `size` code units, never inside a surrogate pair. */
function chunks(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

/**
 * The record sheet: very hidden, with the owner marker; A1 the number of chunks, B1 whether it
 * holds an undo step, then the JSON from A2 down.
 * @param record - the record
 * @returns the sheet to put
 */
export function writeRecordSheet(record: AggregateRecord): SheetSpec {
  const parts = chunks(toJson(record), RECORD_CHUNK);
  return markOwned(
    {
      name: RECORD_SHEET_NAME,
      visibility: 'veryHidden',
      columnWidths: [20, 4],
      cells: [
        { address: 'A1', value: parts.length },
        { address: 'B1', value: record.undo ? UNDO_FLAGS[record.undo.kind ?? 'aggregate'] : 0 },
        ...parts.map((part, index) => ({ address: `A${index + 2}`, value: part })),
      ],
      formats: [],
    },
    'record',
  );
}

/**
 * What the header row says (B1: whether there is an undo step, and of what).
 * @param values - the values of RECORD_HEADER_READ
 * @returns the number of chunks and whether there is an undo step
 * @throws RecordError when the header is not one
 */
export function recordHeader(values: readonly (readonly CellValue[])[]): {
  chunks: number;
  hasUndo: boolean;
  undoKind: UndoKind | null;
} {
  const [count, flag] = values[0] ?? [];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw damaged('A1');
  const kinds = Object.keys(UNDO_FLAGS) as UndoKind[];
  const undoKind = kinds.find((kind) => UNDO_FLAGS[kind] === flag) ?? null;
  return { chunks: count, hasUndo: undoKind !== null, undoKind };
}

/** Where the chunks are, for a header's count. */
export function recordChunksRange(count: number): string {
  return `A2:A${count + 1}`;
}

/**
 * Reads the record back from its chunks.
 * @param values - the values of `recordChunksRange`
 * @returns the record
 * @throws RecordError when it is damaged or of another version
 */
export function readRecord(values: readonly (readonly CellValue[])[]): AggregateRecord {
  const parts = values.map((row) => row[0]);
  if (parts.some((part) => typeof part !== 'string')) throw damaged('空のセル');
  let record: unknown;
  try {
    record = fromJson(parts.join(''));
  } catch (error) {
    throw damaged(error instanceof Error ? error.message : String(error));
  }
  const candidate = record as Partial<AggregateRecord> | null;
  if (typeof candidate !== 'object' || candidate === null || candidate.version !== 1) throw damaged('版');
  const undo = candidate.undo;
  if (
    undo !== null &&
    (typeof undo !== 'object' ||
      !Array.isArray(undo?.sheets) ||
      !Array.isArray(undo.created) ||
      !Array.isArray(undo.replaced) ||
      !Array.isArray(undo.formulas))
  )
    throw damaged('内容');
  return candidate as AggregateRecord;
}
