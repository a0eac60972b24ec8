/**
 * Request size planning. Excel on the web refuses a request above 5 MB. putSheets packs sheets
 * into requests under a 4 MB budget by the bytes office.js would send for each (./requestSize,
 * measured against Microsoft's library); OfficeWorkbook still halves a request Excel refuses, as a
 * safety net (see docs/decisions.md).
 */
import type { SheetSpec } from '../core/sheetSpec';
import { requestBytes } from './requestSize';

/** Budget per request: 80 % of Excel on the web's 5 MB cap. */
export const REQUEST_BUDGET_BYTES = 4_000_000;

/** Request bytes of rendering a sheet spec (see ./requestSize). */
export function estimateSpecBytes(spec: SheetSpec): number {
  return requestBytes(spec);
}

/** Splits items into consecutive groups whose sizes stay within the budget. */
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
