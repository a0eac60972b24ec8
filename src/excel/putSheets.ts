/**
 * putSheets over Office.js: one request per group of sheets packed under the budget by the bytes
 * office.js sends (./payload), each a batch of two syncs — learn the sheets, then add, render,
 * delete and order them.
 *
 * - **No renames.** A replaced sheet is deleted and the new one added under the same name in the
 *   same request (renaming sheets fails on Excel on the web: office-js #3218). When the old sheet
 *   is the last visible one, a placeholder sheet keeps one visible until the new sheets are in.
 * - **Repeatable.** A batch may be refused part-way (another workbook took the focus, or any
 *   failure after some actions ran: Excel keeps those) and run again: the first sync reads the
 *   sheets again, a sheet of a wanted name that is there is replaced (so a retry never meets
 *   ItemAlreadyExists), placeholders of an earlier try are deleted, and a replaced sheet keeps
 *   the place its old sheet had at the first try.
 * - A VeryHidden sheet is made Hidden before it is deleted (Excel refuses deleting it otherwise).
 * - Freezing panes on a sheet that is not active makes Excel treat it as active while another one
 *   is shown (office-js #3148): the sheet active before is activated again at the end.
 * - Fit-to-page print scaling is sometimes not applied (office-js #1860): it is read back in the
 *   same request and a Japanese warning says so when Excel dropped it.
 */
import { sheetNameKey } from '../core/sheetName';
import type { SheetSpec } from '../core/sheetSpec';
import { findSheetIndex } from '../workbook/memory';
import type { PlaceOptions, ReplaceGuard } from '../workbook/port';
import type { BatchRunner } from './batchRunner';
import { cellsOf } from './cellInput';
import type { ExcelContext, PageLayoutLike, WorksheetLike } from './excelApi';
import { renderSheet } from './renderSheet';
import { DEFAULT_MAX_DIGIT_WIDTH, maxDigitWidthOf } from './specMapping';

/** Names of the add-in's placeholder sheets (no user sheet starts so). */
export const PLACEHOLDER_PREFIX = '~shinchoku-';

/** What one putSheets call remembers across the tries of its batches. */
export interface PutMemory {
  /** The workbook's sheets (names in tab order) at the call's first try. */
  first: string[] | null;
  /** Every sheet name of the call, checked by the guard in its first request (before any change). */
  guarded: readonly string[];
}

/** The warning when Excel did not keep a fit-to-page print scaling. */
export function fitWarning(sheet: string): string {
  return `シート「${sheet}」の印刷の拡大縮小（ページに合わせる）が Excel に反映されませんでした。「ページ レイアウト」タブの「拡大縮小印刷」で設定するか、「印刷設定」をもう一度実行してください。`;
}

function wantsFit(spec: SheetSpec): boolean {
  return spec.page !== undefined && (spec.page.fitToWidth !== undefined || spec.page.fitToHeight !== undefined);
}

function placeholderName(taken: readonly string[]): string {
  for (let i = 0; ; i++) {
    const name = `${PLACEHOLDER_PREFIX}${i}`;
    if (findSheetIndex(taken, name) < 0) return name;
  }
}

/**
 * One request of putSheets (two syncs), repeatable after a partial run (see the file comment).
 * @param runner - the port's batch runner
 * @param specs - the sheets of this request
 * @param options - where new sheets go
 * @param memory - state kept across the tries of the same call
 */
export function putChunk(
  runner: BatchRunner,
  specs: readonly SheetSpec[],
  options: PlaceOptions,
  memory: PutMemory,
): Promise<never[]> {
  const features = runner.features();
  return runner.batch(async (context: ExcelContext) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name, items/visibility');
    const active = features.api17 ? worksheets.getActiveWorksheet() : null;
    const probe = active?.getRange('XFD1').format;
    active?.load('name, standardWidth');
    probe?.load('columnWidth');
    await context.sync();
    const maxDigitWidth =
      active && probe ? maxDigitWidthOf(active.standardWidth, probe.columnWidth) : DEFAULT_MAX_DIGIT_WIDTH;
    const existing = worksheets.items.filter((sheet) => !sheet.name.startsWith(PLACEHOLDER_PREFIX));
    const leftovers = worksheets.items.filter((sheet) => sheet.name.startsWith(PLACEHOLDER_PREFIX));
    const names = existing.map((sheet) => sheet.name);
    memory.first ??= names;
    const indexOf = new Map(names.map((name, index) => [sheetNameKey(name), index]));
    const replaced = (spec: SheetSpec) => indexOf.get(sheetNameKey(spec.name)) ?? -1;
    await checkGuard(context, existing, indexOf, memory, options.guard);
    runner.suspend(context);
    const env = { features, maxDigitWidth, warn: (message: string) => runner.warn(message) };
    const added = new Map<SheetSpec, WorksheetLike>();
    const fits: { spec: SheetSpec; layout: PageLayoutLike }[] = [];
    const add = (spec: SheetSpec) => {
      const sheet = worksheets.add(spec.name);
      renderSheet(sheet, spec, env);
      if (features.api19 && wantsFit(spec)) fits.push({ spec, layout: sheet.pageLayout.load('zoom') });
      added.set(spec, sheet);
    };
    // New names first: each is one more visible sheet before any old one is deleted.
    for (const spec of specs) if (replaced(spec) < 0) add(spec);
    const staysVisible = (spec: SheetSpec) => (spec.visibility ?? 'visible') === 'visible';
    const goingAway = new Set(specs.map(replaced).filter((index) => index >= 0));
    // Sheets still visible when the first old sheet is deleted.
    let visible =
      existing.filter((sheet, index) => sheet.visibility === 'Visible' && !goingAway.has(index)).length +
      leftovers.filter((sheet) => sheet.visibility === 'Visible').length +
      specs.filter((spec) => replaced(spec) < 0 && staysVisible(spec)).length;
    let placeholder: WorksheetLike | null = null;
    for (const spec of specs) {
      const index = replaced(spec);
      if (index < 0) continue;
      if (visible === 0) {
        placeholder = worksheets.add(placeholderName(worksheets.items.map((sheet) => sheet.name)));
        visible++;
      }
      const old = existing[index];
      if (old.visibility === 'VeryHidden') old.visibility = 'Hidden';
      old.delete();
      add(spec);
      if (staysVisible(spec)) visible++;
    }
    for (const sheet of leftovers) sheet.delete();
    placeholder?.delete();
    placeSheets(specs, added, names, options, memory.first);
    if (active && specs.some((spec) => spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0))) {
      const shown = specs.find((spec) => findSheetIndex([active.name], spec.name) === 0);
      if (!shown) active.activate();
      else if (staysVisible(shown)) added.get(shown)?.activate();
    }
    await context.sync();
    for (const { spec, layout } of fits) {
      const zoom = layout.zoom;
      if (zoom.horizontalFitToPages === undefined && zoom.verticalFitToPages === undefined)
        runner.warn(fitWarning(spec.name));
    }
    return [];
  });
}

/**
 * The replace guard over Office.js: in the call's first request, after the sheets are known and
 * before anything changes, the guarded cells of every existing sheet the call would replace are
 * read (one more sync, only when there is such a sheet) and checked.
 */
async function checkGuard(
  context: ExcelContext,
  existing: readonly WorksheetLike[],
  indexOf: ReadonlyMap<string, number>,
  memory: PutMemory,
  guard: ReplaceGuard | undefined,
): Promise<void> {
  if (guard === undefined || memory.guarded.length === 0) return;
  const positions = [...new Set(memory.guarded.map((name) => indexOf.get(sheetNameKey(name)) ?? -1))];
  const targets = positions.filter((index) => index >= 0).map((index) => existing[index]);
  if (targets.length > 0) {
    const ranges = targets.map((sheet) => sheet.getRange(guard.address).load('values'));
    await context.sync();
    targets.forEach((sheet, index) => guard.check(sheet.name, cellsOf(ranges[index].values)));
  }
  memory.guarded = [];
}

/**
 * Sets the position of every added sheet: a sheet replacing one the workbook had at the first
 * try goes where that one stood, new ones before `options.before` (or at the end), in spec order.
 * A sheet an interrupted earlier try added counts as new.
 */
function placeSheets(
  specs: readonly SheetSpec[],
  added: ReadonlyMap<SheetSpec, WorksheetLike>,
  names: readonly string[],
  options: PlaceOptions,
  first: readonly string[],
): void {
  // Names compared as Excel compares them, through keys: a workbook may hold thousands of sheets.
  const specKeys = new Set(specs.map((spec) => sheetNameKey(spec.name)));
  const nowKeys = new Set(names.map(sheetNameKey));
  const firstKeys = new Set(first.map(sheetNameKey));
  // Tab order as at the first try: the sheets that stay and the places of the replaced ones
  // (whatever an interrupted earlier try added or deleted), then any sheet added since.
  const order = [
    ...first.filter((name) => specKeys.has(sheetNameKey(name)) || nowKeys.has(sheetNameKey(name))),
    ...names.filter((name) => !specKeys.has(sheetNameKey(name)) && !firstKeys.has(sheetNameKey(name))),
  ];
  const placed = new Set(order.map(sheetNameKey));
  const before = options.before === undefined ? -1 : findSheetIndex(order, options.before);
  let at = before >= 0 ? before : order.length;
  for (const spec of specs) {
    if (placed.has(sheetNameKey(spec.name))) continue;
    order.splice(at++, 0, spec.name);
  }
  const position = new Map(order.map((name, index) => [sheetNameKey(name), index]));
  // Moving sheets in ascending target order puts each where it belongs.
  const targets = specs
    .map((spec) => ({ sheet: added.get(spec), position: position.get(sheetNameKey(spec.name)) ?? order.length - 1 }))
    .sort((a, b) => a.position - b.position);
  for (const { sheet, position } of targets) if (sheet) sheet.position = position;
}
