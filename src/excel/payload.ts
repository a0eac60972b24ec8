/**
 * Request size planning. Excel on the web refuses a request above 5 MB, and rendering a sheet
 * costs one action per property set (plus an object path per range): measured over the fake, one
 * 進捗状況シート is about 400 KB, so 70 of them (28 MB) cannot go in one request. putSheets packs
 * sheets into requests by this conservative estimate; OfficeWorkbook still halves a request
 * Excel refuses, as a safety net (see docs/decisions.md).
 */
import { parseRange } from '../core/address';
import type { SheetSpec } from '../core/sheetSpec';
import { inputBlocks } from './cellInput';
import { KnownFormats } from './renderSheet';

/** Budget per request: well under the 5 MB cap, since the estimate is approximate. */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

/** Bytes of one action with its object path, arguments aside (a little above the fake's accounting, which follows Office.js request JSON). */
const ACTION_BYTES = 150;

const encoder = new TextEncoder();

/** Estimated request bytes of rendering a sheet spec. */
export function estimateSpecBytes(spec: SheetSpec): number {
  let actions = 10 + spec.columnWidths.length + Object.keys(spec.rowHeights ?? {}).length;
  let argumentBytes = 0;
  for (const block of inputBlocks(spec.cells)) {
    actions += 1;
    argumentBytes += encoder.encode(JSON.stringify(block.grid)).length;
  }
  const known = new KnownFormats();
  for (const format of spec.formats) {
    // The same skipping of repeated properties as renderSheet.
    const style = format.style ? known.changes(format.address, format.style) : {};
    actions += (format.merge ? 1 : 0) + (Object.values(style).some((value) => value !== undefined) ? 1 : 0);
    actions += Object.values(style).filter((value) => value !== undefined).length;
    if (style.numberFormat !== undefined) {
      const bounds = parseRange(format.address);
      argumentBytes += (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1) * (style.numberFormat.length + 3);
    }
    if (style.border) actions += 6 * 2;
    if (style.outline) actions += 4 * 2;
  }
  actions += (spec.validations?.length ?? 0) * 5 + (spec.charts?.length ?? 0) * 20 + (spec.page ? 25 : 0);
  argumentBytes += encoder.encode(JSON.stringify([spec.validations ?? [], spec.charts ?? [], spec.page ?? {}])).length;
  return actions * ACTION_BYTES + argumentBytes;
}

/** Splits items into consecutive groups whose estimated sizes stay within the budget. */
export function packBySize<T>(items: readonly T[], size: (item: T) => number, budget = REQUEST_BUDGET_BYTES): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const bytes = size(item);
    if (current.length > 0 && used + bytes > budget) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
