/**
 * 印刷設定: re-applies our print settings to a workbook whose sheets came from elsewhere. Each
 * 進捗状況シート (found by content, whatever its name) gets A4 portrait with a break after part ①, at
 * the scale its texts print whole at (the form's own, or smaller for long texts; fitForm); our tabs
 * (summary, 取組項目別の評価, 審議会評価) are known by name and by the owner marker they carry (a
 * department's sheet renamed 総評 is set up as a 進捗状況シート).
 * One batched read beyond readWorkbook's, one batched write.
 */
import type { FiscalYear } from '../core/fiscalYear';
import { ownedTabPage, progressSheetPage } from '../core/printSetup';
import { writeProgressSheet } from '../core/sheet/writeProgressSheet';
import type { Problem } from '../core/problems';
import { INITIATIVE_PAGES_SHEET_NAME, initiativePageBreaks } from '../core/summaryTabs/initiativePages';
import type { PageSetup, WorkbookPort } from '../workbook/port';
import { step } from './progress';
import { readWorkbook, type ReadOptions } from './readWorkbook';

/** Rows of column A read to find the page starts of the 取組項目別の評価 sheet. */
const PAGE_SCAN_ROWS = 5000;

/** What 印刷設定 did. */
export interface PrintSetupResult {
  year: FiscalYear;
  /** 進捗状況シート set to print as two pages each. */
  progressSheets: string[];
  /** Our other tabs whose print settings were set. */
  tabs: string[];
  /** Problems readWorkbook found on the way (the settings are applied all the same). */
  problems: Problem[];
}

/**
 * Applies our A4 print settings to every sheet of the workbook that we recognise.
 * @param port - the workbook
 * @param options - year and plan override (for workbooks without a プラン定義), progress
 * @returns the sheets set up and the problems found while reading
 */
export async function applyPrintSetup(port: WorkbookPort, options: ReadOptions = {}): Promise<PrintSetupResult> {
  // The texts too: a sheet with long ones prints at the smaller scale its writer gives it.
  const reading = await readWorkbook(port, { purpose: 'full', ...options });
  step(options, '印刷設定を作成中', 0, 1);
  const sheetPage = progressSheetPage(reading.plan);
  const setups: { sheet: string; page: PageSetup }[] = reading.sheets.map((sheet) => ({
    sheet: sheet.name,
    page: { ...sheetPage, scale: writeProgressSheet(reading.plan, sheet.data, sheet.name).page?.scale },
  }));

  let breaks: number[] = [];
  if (reading.owners.get(INITIATIVE_PAGES_SHEET_NAME)) {
    const [columnA] = await port.readRanges([{ sheet: INITIATIVE_PAGES_SHEET_NAME, address: `A1:A${PAGE_SCAN_ROWS}` }]);
    breaks = initiativePageBreaks(columnA.values.map((row) => row[0]));
  }
  const tabs: string[] = [];
  for (const name of reading.sheetOrder) {
    // Only tabs that carry the owner marker: a department's sheet named 総評 keeps its own settings.
    if (!reading.owners.get(name)) continue;
    const page = ownedTabPage(name, reading.year, breaks);
    if (!page) continue;
    setups.push({ sheet: name, page });
    tabs.push(name);
  }
  step(options, '印刷設定を書き込み中', 0, 1);
  await port.setPageSetups(setups);
  step(options, '完了', 1, 1);
  return {
    year: reading.year,
    progressSheets: reading.sheets.map((sheet) => sheet.name),
    tabs,
    problems: reading.problems,
  };
}
