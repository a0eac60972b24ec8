/**
 * Which sheets the product owns: the tabs it writes (summary tabs, 取組項目別の評価, the 審議会評価 tab
 * it creates, プラン定義, the record of the last 「集計」) carry a marker in row 1, in a hidden column
 * just after their content. The product replaces or deletes a sheet only when it finds that marker:
 * never by name alone, so that a department's sheet renamed to 総評 is never replaced.
 *
 * The marker sits right after the tab's last column (not in a fixed far column), so the used range
 * grows by one hidden column only: a sheet printed by its used range or fitted to the page width
 * prints the same.
 */
import { cellAddress, columnLetters, parseRange } from './address';
import type { CellStyle, SheetSpec } from './sheetSpec';

/** What kind of owned sheet a marker says. */
export type OwnedKind = 'summary' | 'pages' | 'council' | 'plan' | 'record';

const PREFIX = 'shinchoku:owned:';
const KINDS: readonly OwnedKind[] = ['summary', 'pages', 'council', 'plan', 'record'];

/** Owned tabs never reach this column; row 1 is read up to it to find the marker. */
export const MAX_OWNED_COLUMN = 1024;

/** Row 1 up to the last column a marker can be in: what to read to know whether a sheet is ours. */
export const OWNER_MARKER_READ = `A1:${columnLetters(MAX_OWNED_COLUMN)}1`;

const MARKER_STYLE: CellStyle = { fontSize: 6, fontColor: '#BFBFBF', wrap: false };

/**
 * The marker text of a kind of owned sheet.
 * @param kind - the kind
 * @returns such as "shinchoku:owned:summary"
 */
export function ownerMarker(kind: OwnedKind): string {
  return `${PREFIX}${kind}`;
}

/**
 * The kind an owned-sheet marker says, or null when the value is not one.
 * @param value - a cell value
 * @returns the kind, or null
 */
export function ownedKindOf(value: unknown): OwnedKind | null {
  if (typeof value !== 'string' || !value.startsWith(PREFIX)) return null;
  const kind = value.slice(PREFIX.length);
  return (KINDS as readonly string[]).includes(kind) ? (kind as OwnedKind) : null;
}

/**
 * The kind of owned sheet whose row 1 (as read with `OWNER_MARKER_READ`) holds a marker, or null.
 * @param rowOne - the values of row 1
 * @returns the kind, or null for a sheet the product does not own
 */
export function ownedKindInRow(rowOne: readonly unknown[]): OwnedKind | null {
  for (const value of rowOne) {
    const kind = ownedKindOf(value);
    if (kind) return kind;
  }
  return null;
}

/** The last column a spec writes, formats, sizes or hides. */
function lastColumnOf(spec: SheetSpec): number {
  let last = spec.columnWidths.length;
  for (const column of spec.hiddenColumns ?? []) last = Math.max(last, column);
  for (const cell of spec.cells) last = Math.max(last, parseRange(cell.address).right);
  for (const format of spec.formats) last = Math.max(last, parseRange(format.address).right);
  for (const validation of spec.validations ?? []) last = Math.max(last, parseRange(validation.address).right);
  return last;
}

/**
 * A spec with the owner marker added: row 1 of the first column after its content, hidden, in a
 * small grey font that never makes row 1 taller.
 * @param spec - a sheet the product writes and may later replace or delete
 * @param kind - what it is
 * @param reserved - columns the sheet may grow into (a user adding a 委員): the marker goes after them
 * @returns the spec with the marker
 */
export function markOwned(spec: SheetSpec, kind: OwnedKind, reserved = 0): SheetSpec {
  const column = Math.max(lastColumnOf(spec), reserved) + 1;
  if (column > MAX_OWNED_COLUMN) throw new RangeError(`${spec.name}: too wide for an owner marker`);
  const address = cellAddress(1, column);
  return {
    ...spec,
    hiddenColumns: [...(spec.hiddenColumns ?? []), column],
    cells: [...spec.cells, { address, value: ownerMarker(kind) }],
    formats: [...spec.formats, { address, style: MARKER_STYLE }],
  };
}
