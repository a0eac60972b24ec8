/**
 * シート作成: a workbook with the プラン定義, the 審議会評価 tab and one 進捗状況シート per 実践項目.
 */
import { UserError } from '../core/errors';
import { writeCouncilSheet, COUNCIL_SHEET_NAME, type CouncilSheetData } from '../core/councilSheet';
import { endedAtEndOf, endedBefore, ENDED_TAB_COLOR } from '../core/endedItems';
import { exampleCouncilAverages, EXAMPLE_YEAR } from '../core/example';
import { exampleWorkbookData } from '../core/exampleSheets';
import { findItem, outsidePeriod, PlanError, type FiscalYear, type ItemCode, type Plan } from '../core/plan';
import { planFormSheets } from '../core/planForm';
import { markOwned } from '../core/ownership';
import { PLAN_SHEET_NAME, writePlanSheet } from '../core/planSheet';
import { blankProgressSheet, type ProgressSheetData } from '../core/sheet/progressSheetData';
import { progressSheetName, writeProgressSheet } from '../core/sheet/writeProgressSheet';
import type { SheetSpec, WorkbookPort } from '../workbook/port';
import { findListed, markCouncil, ownedOnly, readOwners } from './ownedSheets';
import { step, type RunOptions } from './progress';
import { readWorkbook, readWorkbookPlan, WorkbookReadError } from './readWorkbook';

/** Options of シート作成. */
export interface TemplateOptions extends RunOptions {
  plan: Plan;
  year: FiscalYear;
  /** 小№ to create (default: every item). */
  itemNos?: ItemCode[];
}

/** シート作成 refused: every requested item already has a sheet (a department's input is never replaced). */
export class TemplateError extends UserError {
  override name = 'TemplateError';
}

/**
 * Writes the sheets of a workbook made from a plan: プラン定義 and 審議会評価 (when absent) and one
 * blank 進捗状況シート per 実践項目 that has none yet. An item whose sheet exists — under any name,
 * found by content — is skipped, so that nothing a department typed is replaced.
 * @param port - the workbook
 * @param options - plan, year, which items
 * @returns the names of the item sheets written
 * @throws TemplateError when every requested item already has its sheet
 */
export async function createTemplate(port: WorkbookPort, options: TemplateOptions): Promise<string[]> {
  const { plan, year } = options;
  if (!plan.period.includes(year)) throw new PlanError(outsidePeriod(plan, year));
  const wanted = new Set(options.itemNos ?? plan.items.map((item) => item.no));
  const unknown = [...wanted].filter((no) => !findItem(plan, no));
  if (unknown.length > 0) throw new PlanError(`小№ ${unknown.join('、')} はプランにありません。`);
  await assertPlanUnchanged(port, plan);
  const existing = await existingItemSheets(port, plan);
  const requested = plan.items.filter((item) => wanted.has(item.no));
  const missing = requested.filter(
    (item) => !existing.byItem.has(item.no) && !existing.names.has(progressSheetName(item.no, item.name)),
  );
  if (requested.length > 0 && missing.length === 0) {
    const names = requested.map(
      (item) => `「${existing.byItem.get(item.no) ?? progressSheetName(item.no, item.name)}」`,
    );
    throw new TemplateError(
      `${names.slice(0, 3).join('、')}${names.length > 3 ? ` ほか ${names.length - 3} 枚` : ''}は既にあります。部署の入力を守るため、上書きしません。作り直す場合は、元のシートを削除してから実行してください。`,
    );
  }
  const sheets = missing.map((item) => {
    const sheet = blankProgressSheet(plan, item, year);
    // Ended items are marked: their 取組終了 as the plan says (the sheet then gets a grey tab).
    if (item.endedIn !== null && item.endedIn < year) sheet.ended = endedAtEndOf(item.endedIn);
    return sheet;
  });
  return writeWorkbook(port, plan, year, sheets, null, options);
}

/**
 * Refuses a plan that is not the one the workbook's プラン定義 now holds (a definition edited after
 * the pane read it): シート作成 rewrites the tab from the plan, and would otherwise put the old plan
 * over the secretariat's edits. A tab that cannot be read is replaced, as before.
 */
async function assertPlanUnchanged(port: WorkbookPort, plan: Plan): Promise<void> {
  const listed = await port.listSheets();
  if (!listed.some((sheet) => sheet.name === PLAN_SHEET_NAME)) return;
  let current: Plan;
  try {
    current = await readWorkbookPlan(port, listed);
  } catch (error) {
    if (error instanceof WorkbookReadError) return;
    throw error;
  }
  if (JSON.stringify(current) !== JSON.stringify(plan))
    throw new TemplateError(
      `シート「${PLAN_SHEET_NAME}」が、読み込んだ後に変更されています。変更を上書きしないため、シートを作成しませんでした。`,
      {
        fix: '作業ウィンドウを開き直して（CLI ではこのブックを --plan に指定して）、もう一度シート作成を実行してください。',
      },
    );
}

/** The item sheets already in the workbook (小№ → sheet name, found by content) and every sheet name. */
async function existingItemSheets(
  port: WorkbookPort,
  plan: Plan,
): Promise<{ byItem: Map<ItemCode, string>; names: Set<string> }> {
  const listed = await port.listSheets();
  const found = { byItem: new Map<ItemCode, string>(), names: new Set(listed.map((sheet) => sheet.name)) };
  if (listed.length === 0) return found;
  try {
    const reading = await readWorkbook(port, { plan, purpose: 'aggregate' });
    for (const sheet of reading.sheets) found.byItem.set(sheet.data.itemNo, sheet.name);
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error; // no 進捗状況シート yet
  }
  return found;
}

/**
 * Writes a workbook from sheet contents (used by シート作成 and the built-in example).
 * @param port - the workbook
 * @param plan - its plan
 * @param year - the year being checked
 * @param sheets - the item sheets' content
 * @param council - the council tab's content, or null for an empty tab (kept when present)
 * @param options - progress and cancellation
 * @returns the names of the item sheets written
 */
export async function writeWorkbook(
  port: WorkbookPort,
  plan: Plan,
  year: FiscalYear,
  sheets: ProgressSheetData[],
  council: CouncilSheetData | null,
  options: RunOptions = {},
): Promise<string[]> {
  const sheetsListed = await port.listSheets();
  const listed = sheetsListed.map((sheet) => sheet.name);
  const existing = new Set(listed);
  const owners = await readOwners(port, sheetsListed, [PLAN_SHEET_NAME]);
  const itemSpecs: SheetSpec[] = [];
  sheets.forEach((data, index) => {
    step(options, 'シートを作成中', index, sheets.length);
    itemSpecs.push(itemSheetSpec(plan, year, data));
  });
  // プラン定義 is written when absent or ours; a sheet of that name without the owner marker (made
  // before markers, or a department's sheet renamed) is left as it is. The council tab holds the
  // council's input: it is written only when absent, or from given content (a new workbook).
  const support: SheetSpec[] = [];
  if (!existing.has(PLAN_SHEET_NAME) || owners.get(PLAN_SHEET_NAME))
    support.push(markOwned(writePlanSheet(plan), 'plan'));
  if (council || !existing.has(COUNCIL_SHEET_NAME))
    support.push(markCouncil(writeCouncilSheet(plan, council ?? { year, members: [], rows: [] })));
  step(options, 'ブックに書き込み中', sheets.length, sheets.length);
  // The support tabs first: a failure between the two writes leaves no new item sheet, so シート作成
  // can simply be run again. New item sheets go before the support tabs, so the tabs stay last.
  const supportTab = supportTabOf(listed) ?? support[0]?.name;
  const owned = ownedOnly(port);
  await owned.putSheets(support);
  await owned.putSheets(itemSpecs, { before: supportTab });
  step(options, '完了', sheets.length, sheets.length);
  return itemSpecs.map((spec) => spec.name);
}

/**
 * The sheet of an item checked in a year: the form with its content, grey-tabbed when the item
 * ended before the year.
 * @param plan - the plan
 * @param year - the year checked
 * @param data - the sheet's content
 * @returns the sheet
 */
export function itemSheetSpec(plan: Plan, year: FiscalYear, data: ProgressSheetData): SheetSpec {
  const spec = writeProgressSheet(plan, data);
  return endedBefore(plan, data.itemNo, year, data) ? { ...spec, tabColor: ENDED_TAB_COLOR } : spec;
}

/**
 * Where new item sheets go: before the first support tab (プラン定義 or 審議会評価), so those stay last.
 * @param names - the workbook's sheets in tab order
 * @returns the sheet to put them before, or undefined for the end
 */
export function supportTabOf(names: readonly string[]): string | undefined {
  return names.find((name) => name === PLAN_SHEET_NAME || name === COUNCIL_SHEET_NAME);
}

/**
 * The built-in example workbook: 70 sheets with the published R2/R3 scores and the R3 council averages.
 * @param port - an empty workbook
 * @param options - progress and cancellation
 * @returns the names of the item sheets written
 */
export async function createExample(port: WorkbookPort, options: RunOptions = {}): Promise<string[]> {
  const { plan, sheets } = exampleWorkbookData(EXAMPLE_YEAR);
  const averages = exampleCouncilAverages()[EXAMPLE_YEAR] ?? {};
  const council: CouncilSheetData = {
    year: EXAMPLE_YEAR,
    members: [],
    rows: plan.initiatives.map((initiative) => ({
      initiativeNo: initiative.no,
      typedAverage: averages[initiative.no] ?? null,
      entries: [],
    })),
  };
  return writeWorkbook(port, plan, EXAMPLE_YEAR, sheets, council, options);
}

/**
 * 新しいプラン: writes the sheets of a プラン定義 form (記入方法 and プラン定義) that a secretariat
 * fills, with a plan's rows as the example; `readWorkbookPlan` reads the filled workbook back. Used
 * for a new workbook (the CLI) and for the open workbook (the pane): a sheet of either name that is
 * already there — a plan in use, or a sheet made by hand — is never replaced.
 * @param port - the workbook
 * @param plan - the plan written as the example
 * @param options - progress and cancellation
 * @returns the names of the sheets written
 * @throws TemplateError when a sheet of one of those names exists (nothing is written)
 */
export async function createPlanForm(port: WorkbookPort, plan: Plan, options: RunOptions = {}): Promise<string[]> {
  const sheets = planFormSheets(plan);
  const listed = await port.listSheets();
  const taken = sheets.flatMap((sheet) => findListed(listed, sheet.name)?.name ?? []);
  if (taken.length > 0)
    throw new TemplateError(
      `このブックには既にシート${taken.map((name) => `「${name}」`).join('')}があります。その内容を守るため、新しいプランのシートは作りませんでした。`,
      {
        code: 'plan-form-exists',
        sheet: taken[0],
        fix: '新しいプランは新しい空のブックで始めてください（このブックで始める場合は、そのシートの名前を変えるか削除してから、もう一度実行してください）。',
      },
    );
  step(options, 'ブックに書き込み中', 0, 1);
  // Through the ownership guard as every use case writes: even a sheet appearing meanwhile is kept.
  await ownedOnly(port).putSheets(sheets);
  step(options, 'ブックに書き込み中', 1, 1);
  return sheets.map((sheet) => sheet.name);
}
