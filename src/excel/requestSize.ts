/**
 * The size of the request office.js builds for rendering a sheet, computed by recording what
 * renderSheet queues in the shape office.js serializes it (measured against Microsoft's library
 * in test/excel/requestSize.test.ts):
 *
 * - every object a call reaches (a range, its format, a border item) is an object path
 *   `"N":{"Id":N,"ObjectPathType":T,"Name":"GetRange","ParentObjectPathId":P,"ArgumentInfo":{…}}`
 *   plus an instantiate action `{"Id":N,"ActionType":1,"Name":"","ObjectPathId":N}`, and its id is
 *   listed once more in the `"L"` (last use) list of an action; a range is also kept by reference
 *   (`_KeepReference` and a second instantiate);
 * - every property set or method call is an action
 *   `{"Id":N,"ActionType":4,"Name":"Bold","ObjectPathId":P,"ArgumentInfo":{"Arguments":[…]},"L":[…]}`;
 * - an array of more than 1,500 cells is sent as bands of rows (`_ValidateArraySize`, then per band
 *   `GetRow`, `GetRow`, `GetBoundingRect` and the set).
 *
 * Ids are counted with six digits (requests of up to a million actions); names are the REST names
 * office.js sends (PascalCase, `Gridlines` for showGridlines).
 */
import type { SheetSpec } from '../core/sheetSpec';
import type { WorksheetLike } from './excelApi';
import { renderSheet, type HostFeatures } from './renderSheet';
import { DEFAULT_MAX_DIGIT_WIDTH } from './specMapping';
import { utf8Length } from './utf8';

/** Members that return another object (an object path), not an action. */
const PATH_PROPERTIES = new Set([
  'format',
  'font',
  'fill',
  'borders',
  'protection',
  'dataValidation',
  'freezePanes',
  'pageLayout',
  'headersFooters',
  'defaultForAllPages',
  'horizontalPageBreaks',
  'charts',
  'title',
  'axes',
  'valueAxis',
  'series',
]);
const PATH_METHODS = new Set(['getRange', 'getItem', 'getItemAt', 'add', 'getSpecialCellsOrNullObject']);
/** Objects office.js keeps by reference across requests (`_KeepReference`). */
const KEPT_METHODS = new Set(['getRange']);
/** Properties office.js writes as bands of rows above 1,500 cells. */
const BULK_PROPERTIES = new Set(['values', 'formulas', 'numberFormat']);
const BULK_CELLS = 1500;
const REST_NAMES: Record<string, string> = { showGridlines: 'Gridlines' };

/** An id as office.js writes it, counted at six digits. */
const ID = '100000';
const ID_BYTES = ID.length;

const bytesOf = utf8Length;

function restName(name: string): string {
  return REST_NAMES[name] ?? name.charAt(0).toUpperCase() + name.slice(1);
}

/** Counts the request text of everything queued on the proxies it hands out. */
class RequestRecorder {
  bytes = 0;
  private readonly ids = new WeakMap<object, true>();

  /** An object path (and its instantiate action, its place in an "L" list, its keep-reference). */
  path(type: number, name: string, args: unknown[] | null, kept: boolean): object {
    const argumentInfo = args ? `,"ArgumentInfo":{"Arguments":${this.argumentsJson(args)}}` : '';
    this.bytes += bytesOf(
      `"${ID}":{"Id":${ID},"ObjectPathType":${type},"Name":"${name}","ParentObjectPathId":${ID}${argumentInfo}},`,
    );
    this.bytes += bytesOf(`{"Id":${ID},"ActionType":1,"Name":"","ObjectPathId":${ID}},`) + ID_BYTES + 1;
    if (kept)
      this.bytes += bytesOf(
        `{"Id":${ID},"ActionType":3,"Name":"_KeepReference","ObjectPathId":${ID},"ArgumentInfo":{"Arguments":[]}},{"Id":${ID},"ActionType":1,"Name":"","ObjectPathId":${ID}},`,
      );
    return this.node();
  }

  /** A property set or method call. */
  action(type: 3 | 4, name: string, args: unknown[]): void {
    this.bytes += bytesOf(
      `{"Id":${ID},"ActionType":${type},"Name":"${name}","ObjectPathId":${ID},"ArgumentInfo":{"Arguments":${this.argumentsJson(args)}},"L":[]},`,
    );
  }

  /** A 2-D array set, in bands of rows as office.js sends large ones. */
  bulk(name: string, grid: unknown[][]): void {
    const columns = grid[0]?.length ?? 0;
    if (grid.length * columns <= BULK_CELLS) return this.action(4, name, [grid]);
    this.action(3, '_ValidateArraySize', [grid.length, columns]);
    const rowsPerBand = Math.max(1, Math.round(BULK_CELLS / columns));
    for (let start = 0; start < grid.length; start += rowsPerBand) {
      this.path(3, 'GetRow', [start], false);
      this.path(3, 'GetRow', [start], false);
      this.path(3, 'GetBoundingRect', [0], false);
      this.bytes += bytesOf(`,"ReferencedObjectPathIds":[${ID}]`);
      this.action(4, name, [grid.slice(start, start + rowsPerBand)]);
    }
  }

  private argumentsJson(args: unknown[]): string {
    // An object argument is sent as its path id (a number as long as ID).
    return JSON.stringify(
      args.map((arg) => (typeof arg === 'object' && arg !== null && this.ids.has(arg) ? Number(ID) : arg)),
    );
  }

  /** A proxy that records what is done to it. */
  node(): object {
    const children = new Map<string, object>();
    const proxy: object = new Proxy(
      {},
      {
        get: (_target, property) => {
          const name = String(property);
          if (PATH_PROPERTIES.has(name)) {
            let child = children.get(name);
            if (!child) children.set(name, (child = this.path(4, restName(name), null, false)));
            return child;
          }
          return (...args: unknown[]) => {
            if (PATH_METHODS.has(name)) return this.path(3, restName(name), args, KEPT_METHODS.has(name));
            this.action(3, restName(name), args);
            return undefined;
          };
        },
        set: (_target, property, value: unknown) => {
          const name = String(property);
          if (BULK_PROPERTIES.has(name) && Array.isArray(value)) this.bulk(restName(name), value as unknown[][]);
          else this.action(4, restName(name), [value]);
          return true;
        },
      },
    );
    this.ids.set(proxy, true);
    return proxy;
  }
}

/** Bytes of adding, naming, placing (and for a replaced sheet, deleting the old one) per sheet. */
const SHEET_BYTES = 1200;

/**
 * The bytes office.js sends to render a sheet spec on a new worksheet (an upper bound, see above).
 * @param spec - the sheet
 * @param features - the host's API levels (all by default: the largest request)
 * @returns request bytes
 */
export function requestBytes(
  spec: SheetSpec,
  features: HostFeatures = { api17: true, api18: true, api19: true },
): number {
  const recorder = new RequestRecorder();
  const sheet = recorder.path(3, 'Add', [spec.name], false) as WorksheetLike;
  renderSheet(sheet, spec, { features, maxDigitWidth: DEFAULT_MAX_DIGIT_WIDTH, warn: () => undefined });
  return recorder.bytes + SHEET_BYTES;
}
