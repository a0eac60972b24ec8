/**
 * The replace guard (./port ReplaceGuard) for ports that hold the workbook in this process
 * (memory, .xlsx): listing the sheets and reading the guarded cells costs no round trip, so they
 * check before changing anything with their own listSheets and readRanges.
 */
import { sheetNameKey } from '../core/validateSheetSpecs';
import type { ReplaceGuard, WorkbookPort } from './port';

export type { GuardOptions } from './port';

/**
 * Checks every existing sheet among `names` with the guard; does nothing without one.
 * @param port - the workbook, not yet changed
 * @param sheets - the sheets about to be replaced or deleted, by name or as specs (those that do
 *   not exist are skipped)
 * @param guard - the check
 * @throws whatever the guard throws, for the first refused sheet in tab order
 */
export async function checkGuard(
  port: Pick<WorkbookPort, 'listSheets' | 'readRanges'>,
  sheets: readonly (string | { name: string })[],
  guard: ReplaceGuard | undefined,
): Promise<void> {
  if (guard === undefined || sheets.length === 0) return;
  const wanted = new Set(sheets.map((sheet) => sheetNameKey(typeof sheet === 'string' ? sheet : sheet.name)));
  const existing = (await port.listSheets()).filter((sheet) => wanted.has(sheetNameKey(sheet.name)));
  if (existing.length === 0) return;
  const ranges = await port.readRanges(existing.map((sheet) => ({ sheet: sheet.name, address: guard.address })));
  existing.forEach((sheet, index) => guard.check(sheet.name, ranges[index].values));
}
