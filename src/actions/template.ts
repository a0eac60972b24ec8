/**
 * シート作成: a workbook with the プラン定義, the 審議会評価 tab and one 進捗状況シート per 実践項目.
 */
import { writeCouncilSheet, COUNCIL_SHEET_NAME, type CouncilSheetData } from '../core/councilSheet';
import { exampleCouncilAverages, EXAMPLE_YEAR } from '../core/example';
import { exampleWorkbookData } from '../core/exampleSheets';
import { PlanError, type Plan, type YearCode } from '../core/plan';
import { writePlanSheet } from '../core/planSheet';
import { blankProgressSheet, type ProgressSheetData } from '../core/sheet/progressSheetData';
import { writeProgressSheet } from '../core/sheet/writeProgressSheet';
import type { SheetSpec, WorkbookPort } from '../workbook/port';
import { step, type RunOptions } from './progress';

/** Options of シート作成. */
export interface TemplateOptions extends RunOptions {
  plan: Plan;
  year: YearCode;
  /** 小№ to create (default: every item). */
  itemNos?: number[];
  /** Keep existing sheets of those items (only create the missing ones). */
  onlyMissing?: boolean;
}

/**
 * Writes the sheets of a workbook made from a plan: プラン定義 and 審議会評価 (when absent) and one
 * blank 進捗状況シート per 実践項目.
 * @param port - the workbook
 * @param options - plan, year, which items
 * @returns the names of the item sheets written
 */
export async function createTemplate(port: WorkbookPort, options: TemplateOptions): Promise<string[]> {
  const { plan, year } = options;
  if (!plan.period.includes(year)) throw new PlanError(`年度「${year}」は計画期間 (${plan.period.join('・')}) にありません。`);
  const wanted = options.itemNos ?? plan.items.map((item) => item.no);
  const unknown = wanted.filter((no) => !plan.items.some((item) => item.no === no));
  if (unknown.length > 0) throw new PlanError(`小№ ${unknown.join('、')} はプランにありません。`);
  const sheets = plan.items.filter((item) => wanted.includes(item.no)).map((item) => blankProgressSheet(plan, item, year));
  return writeWorkbook(port, plan, year, sheets, null, options);
}

/**
 * Writes a workbook from sheet contents (used by シート作成 and the built-in example).
 * @param port - the workbook
 * @param plan - its plan
 * @param year - the year being checked
 * @param sheets - the item sheets' content
 * @param council - the council tab's content, or null for an empty tab (kept when present)
 * @param options - progress and cancellation; onlyMissing keeps existing item sheets
 * @returns the names of the item sheets written
 */
export async function writeWorkbook(
  port: WorkbookPort,
  plan: Plan,
  year: YearCode,
  sheets: ProgressSheetData[],
  council: CouncilSheetData | null,
  options: RunOptions & { onlyMissing?: boolean } = {},
): Promise<string[]> {
  const existing = new Set((await port.listSheets()).map((sheet) => sheet.name));
  const specs: SheetSpec[] = [];
  sheets.forEach((data, index) => {
    step(options, 'シートを作成中', index, sheets.length);
    specs.push(writeProgressSheet(plan, data));
  });
  const itemSpecs = options.onlyMissing ? specs.filter((spec) => !existing.has(spec.name)) : specs;
  const support: SheetSpec[] = [writePlanSheet(plan)];
  if (council || !existing.has(COUNCIL_SHEET_NAME)) support.push(writeCouncilSheet(plan, council ?? { year, members: [], rows: [] }));
  step(options, 'ブックに書き込み中', sheets.length, sheets.length);
  await port.putSheets([...itemSpecs, ...support]);
  step(options, '完了', sheets.length, sheets.length);
  return itemSpecs.map((spec) => spec.name);
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
    rows: plan.initiatives.map((initiative) => ({ initiativeNo: initiative.no, typedAverage: averages[initiative.no] ?? null, entries: [] })),
  };
  return writeWorkbook(port, plan, EXAMPLE_YEAR, sheets, council, options);
}
