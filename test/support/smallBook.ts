/**
 * Test helper: a small plan (one 実践項目 per department given, cut from the built-in plan) as a
 * JSON file, and its blank workbook made by `shinchoku template`, in a new temporary folder.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbook } from '../../src/actions/readWorkbook';
import { run } from '../../src/cli/main';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { openWorkbookFile } from '../../src/xlsx/workbookFile';
import planData from '../../assets/plan/plan.json';
import { captureIo } from './captureIo';

/** A temporary folder for one test file. */
export function temporaryFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `shinchoku-${prefix}-`));
}

/**
 * Writes a plan whose items 1…n have these lead departments.
 * @param folder - where to write plan.json
 * @param departments - one per item
 * @returns the plan file's path
 */
export function writeSmallPlan(folder: string, departments: readonly string[]): string {
  const items = planData.items
    .slice(0, departments.length)
    .map((item, index) => ({ ...item, departments: [departments[index]] }));
  const initiatives = planData.initiatives.filter((initiative) =>
    items.some((item) => item.initiative === initiative.no),
  );
  const path = join(folder, 'plan.json');
  writeFileSync(path, JSON.stringify({ ...planData, initiatives, items }, null, 2));
  return path;
}

/**
 * A blank workbook (R3) of a small plan, made through the CLI.
 * @param folder - where to write plan.json and the workbook
 * @param departments - the lead department of each item
 * @param name - the workbook's file name
 * @returns the workbook's and the plan's paths
 */
export async function smallBook(
  folder: string,
  departments: readonly string[] = ['総務課', '財政課'],
  name = 'book.xlsx',
): Promise<{ book: string; plan: string }> {
  const plan = writeSmallPlan(folder, departments);
  const book = join(folder, name);
  const io = captureIo();
  const code = await run(['template', '--plan', plan, '--year', 'R3', '--out', book], io);
  if (code !== 0) throw new Error(`template failed: ${io.stderr.join('\n')}`);
  return { book, plan };
}

/**
 * Types the same score for every criterion of every year up to the book's, and every 工程's
 * status, into a workbook file (in place: it is the test's own copy), so that it checks clean.
 * @param path - the workbook file
 * @param score - the score typed
 */
export async function fillScores(path: string, score = 2): Promise<void> {
  const book = await openWorkbookFile(readFileSync(path));
  const reading = await readWorkbook(book);
  const layout = progressSheetLayout(reading.plan);
  await book.writeCells(
    reading.sheets.map((sheet) => ({
      sheet: sheet.name,
      cells: [
        ...layout.scores
          .filter((cells) => cells.year <= reading.year)
          .flatMap((cells) => Object.values(cells.scores).map((address) => ({ address, value: score }))),
        ...layout.schedule.map((cells) => ({ address: cells.status, value: '予定どおり' })),
      ],
    })),
  );
  writeFileSync(path, await book.toBuffer());
}
