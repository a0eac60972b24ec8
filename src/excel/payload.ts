/**
 * Request size planning. Excel on the web refuses a request above 5 MB. Office.js sends each
 * property set or method call as an action, and each proxy it acts on (a range, a border item)
 * as an object path, with its arguments as JSON. estimateSpecBytes counts what renderSheet queues
 * for a spec (the same format plan, ./formatPlan) at a little above the fake's per-action and
 * per-path sizes. putSheets packs sheets into requests under a 4 MB budget by this estimate;
 * OfficeWorkbook still halves a request Excel refuses, as a safety net (see docs/decisions.md).
 */
import type { SheetSpec } from '../core/sheetSpec';
import { inputBlocks } from './cellInput';
import { planFormats } from './formatPlan';

/** Budget per request: under the 5 MB cap, since the estimate is approximate. */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

/** Bytes of one action and of one object path, arguments aside (the fake counts 90 and 110). */
const ACTION_BYTES = 100;
const PATH_BYTES = 120;

const encoder = new TextEncoder();

function json(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** Estimated request bytes of rendering a sheet spec. */
export function estimateSpecBytes(spec: SheetSpec): number {
  // Adding, naming, placing the sheet, its view and protection; widths and heights.
  let bytes =
    10 * ACTION_BYTES +
    (spec.columnWidths.length + Object.keys(spec.rowHeights ?? {}).length) * (ACTION_BYTES + PATH_BYTES + 16);
  for (const block of inputBlocks(spec.cells))
    bytes += PATH_BYTES + json(block.address) + ACTION_BYTES + json(block.grid);
  const plan = planFormats(spec);
  for (const operation of plan.ranges) {
    bytes += PATH_BYTES + json(operation.address);
    for (const [key, value] of Object.entries(operation.style)) {
      if (key !== 'numberFormat') bytes += ACTION_BYTES + json(value);
      else {
        const { top, left, bottom, right } = operation.bounds;
        bytes += ACTION_BYTES + (bottom - top + 1) * ((right - left + 1) * (json(value) + 1) + 2);
      }
    }
    // A border item is a path and its style (a weight too when not thin).
    bytes += operation.borders.length * (PATH_BYTES + 2 * ACTION_BYTES + 40);
  }
  bytes += plan.merges.length * (PATH_BYTES + 20 + ACTION_BYTES + 8);
  const extras = (spec.validations?.length ?? 0) * 5 + (spec.charts?.length ?? 0) * 20 + (spec.page ? 25 : 0);
  bytes += extras * (ACTION_BYTES + PATH_BYTES);
  bytes += json([spec.validations ?? [], spec.charts ?? [], spec.page ?? {}]);
  return bytes;
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
