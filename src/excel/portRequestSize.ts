/**
 * The bytes office.js sends for the port's reads and cell writes, written out in the JSON shape
 * office.js serializes them (measured against Microsoft's library in test/excel/requestSize.test.ts):
 *
 * - a sheet looked up by name: `GetItemOrNullObject` path + instantiate action; in later requests
 *   the sheet is addressed by its id (an indexer path with the `{GUID}` id);
 * - a range read: `GetRange` path, instantiate, `_KeepReference` (office.js keeps every range of an
 *   `Excel.run` and removes the references in a clean-up request after the run), instantiate again
 *   and the query (`QueryInfo.Select`);
 * - the formula cells of a range: `GetSpecialCellsOrNullObject` the same way; later their areas
 *   by reference id (`Areas` path and query);
 * - a write: the range as above and a `Formulas` set action carrying the grid; a sheet's
 *   protection (`Protection` path and query; `Unprotect` and `Protect` with its options).
 *
 * Ids are counted at six digits and ids of sheets and references as 38-character GUIDs.
 */

import { jsonLength, utf8Length } from './utf8';

const ID = '100000';
const GUID = '{00000000-0000-0000-0000-000000000000}';
const bytesOf = utf8Length;

function path(type: number, name: string, args?: unknown[]): number {
  const argumentInfo = args ? `,"ArgumentInfo":{"Arguments":${JSON.stringify(args)}}` : '';
  // The path itself, and its id once in an action's "L" (last use) list.
  return (
    bytesOf(
      `"${ID}":{"Id":${ID},"ObjectPathType":${type},"Name":"${name}","ParentObjectPathId":${ID}${argumentInfo}},`,
    ) +
    ID.length +
    1
  );
}

const INSTANTIATE = bytesOf(`{"Id":${ID},"ActionType":1,"Name":"","ObjectPathId":${ID}},`);
const KEEP = bytesOf(
  `{"Id":${ID},"ActionType":3,"Name":"_KeepReference","ObjectPathId":${ID},"ArgumentInfo":{"Arguments":[]}},`,
);

function query(select: readonly string[]): number {
  return bytesOf(
    `{"Id":${ID},"ActionType":2,"Name":"","ObjectPathId":${ID},"QueryInfo":{"Select":${JSON.stringify(select)}},"L":[]},`,
  );
}

/** A request's frame: the envelope, the workbook and its worksheet collection. */
export const REQUEST_FRAME_BYTES =
  bytesOf('{"AutoKeepReference":true,"Actions":[],"ObjectPaths":{}}') +
  2 * INSTANTIATE +
  path(1, '') +
  path(4, 'Worksheets');

/** Looking a sheet up by name (`getItemOrNullObject`). */
export function lookupBytes(name: string): number {
  return path(3, 'GetItemOrNullObject', [name]) + INSTANTIATE;
}

/** A sheet found earlier, as office.js addresses it in later requests (by id). */
export const SHEET_BY_ID_BYTES = path(5, '', [GUID]) + INSTANTIATE;

/** Reading a range's properties (`getRange(address).load(select)`). */
export function rangeReadBytes(address: string, select: readonly string[]): number {
  return path(3, 'GetRange', [address]) + 2 * INSTANTIATE + KEEP + query(select);
}

/** A range's formula cells (`getSpecialCellsOrNullObject('Formulas')`, loading their count). */
export const SPECIAL_CELLS_BYTES =
  path(3, 'GetSpecialCellsOrNullObject', ['Formulas', null]) + 2 * INSTANTIATE + KEEP + query(['cellCount']);

/** Loading the formulas of those cells' areas in a later request. */
export const AREAS_LOAD_BYTES =
  path(6, GUID) + path(4, 'Areas') + 2 * INSTANTIATE + query(['formulas', 'rowIndex', 'columnIndex']);

/** What office.js's clean-up request after a run spends on each kept range (`_RemoveReference`). */
export const CLEANUP_BYTES_PER_RANGE = bytesOf(
  `{"Id":${ID},"ActionType":3,"Name":"_RemoveReference","ObjectPathId":${ID},"ArgumentInfo":{"Arguments":["${GUID}"]}},`,
);

/** Setting a range's formulas (`getRange(address).formulas = grid`); grids over 1,500 cells go in bands, a few per cent more. */
export function rangeWriteBytes(address: string, grid: unknown[][]): number {
  const cells = grid.length * (grid[0]?.length ?? 0);
  const bands = Math.ceil(cells / 1500);
  return (
    path(3, 'GetRange', [address]) +
    2 * INSTANTIATE +
    KEEP +
    bytesOf(
      `{"Id":${ID},"ActionType":4,"Name":"Formulas","ObjectPathId":${ID},"ArgumentInfo":{"Arguments":[]},"L":[]},`,
    ) +
    jsonLength(grid) +
    (bands > 1 ? bands * (3 * (path(3, 'GetBoundingRect', [0]) + INSTANTIATE) + 100) : 0)
  );
}

/** Loading a sheet's protection (`protection.load('protected, options')`). */
export const PROTECTION_LOAD_BYTES = path(4, 'Protection') + INSTANTIATE + query(['protected', 'options']);

/** Unprotecting and protecting a sheet again with its options (at most all of Excel's options). */
export const PROTECT_AGAIN_BYTES =
  2 *
    bytesOf(
      `{"Id":${ID},"ActionType":3,"Name":"Protect","ObjectPathId":${ID},"ArgumentInfo":{"Arguments":[]},"L":[]},`,
    ) +
  600;

/** The answer of one protection load (every option spelt out). */
export const PROTECTION_ANSWER_BYTES = 600;
