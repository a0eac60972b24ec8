/**
 * Ended items (取組終了, issue 11): `template` marks them, `split` does not send them, `collect`
 * does not report them as not returned, `check` does not ask for their scores after they ended,
 * and 「集計」 counts them by the rule (running 61, ended 9 for the example's next year).
 */
import { aggregate } from '../../src/actions/aggregate';
import { checkWorkbook } from '../../src/actions/check';
import { collectBooks } from '../../src/actions/distributeCollect';
import { groupByDepartment, writeDepartmentBook } from '../../src/actions/distribute';
import { readWorkbook } from '../../src/actions/readWorkbook';
import { createTemplate } from '../../src/actions/template';
import { builtInPlan } from '../../src/core/example';
import { parseFiscalYear } from '../../src/core/fiscalYear';
import type { Plan } from '../../src/core/plan';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { endedYearOf } from '../../src/core/sheet/progressSheetData';
import { MemoryWorkbook } from '../../src/workbook/memory';

const R4 = parseFiscalYear('R4') as number;

/** The built-in plan's items that ended before R4 (4 in R2, 5 in R3). */
function endedBefore(plan: Plan, year: number): string[] {
  return plan.items.filter((item) => item.endedIn !== null && item.endedIn < year).map((item) => item.no);
}

/** A blank R4 workbook of the built-in plan, its running items' R4 scores filled when asked. */
async function r4Book(fill = false): Promise<{ book: MemoryWorkbook; plan: Plan }> {
  const plan = builtInPlan();
  const book = new MemoryWorkbook();
  await createTemplate(book, { plan, year: R4 });
  if (fill) {
    const layout = progressSheetLayout(plan);
    const cells = layout.scores.find((entry) => entry.year === R4)!.scores;
    const reading = await readWorkbook(book, { purpose: 'aggregate' });
    const ended = new Set(endedBefore(plan, R4));
    await book.writeCells(
      reading.sheets
        .filter((sheet) => !ended.has(sheet.data.itemNo))
        .map((sheet) => ({
          sheet: sheet.name,
          cells: [cells.progress, cells.cooperation, cells.efficiency, cells.creativity].map((address) => ({
            address,
            value: 2,
          })),
        })),
    );
  }
  return { book, plan };
}

describe('ended items in next year’s workbook', () => {
  it('are the 9 items of the example that ended in R2 and R3', () => {
    expect(endedBefore(builtInPlan(), R4)).toHaveLength(9);
  });

  it('template marks them: 取組終了 filled from the plan, a grey tab', async () => {
    const { book, plan } = await r4Book();
    const reading = await readWorkbook(book);
    const ended = new Set(endedBefore(plan, R4));
    for (const sheet of reading.sheets) {
      const item = plan.items.find((each) => each.no === sheet.data.itemNo)!;
      if (ended.has(item.no)) {
        expect(endedYearOf(sheet.data)).toBe(item.endedIn);
        expect(book.sheet(sheet.name).tabColor).toBe('#A6A6A6');
      } else {
        expect(sheet.data.ended).toBeNull();
        expect(book.sheet(sheet.name).tabColor).toBeUndefined();
      }
    }
  });

  it('check does not ask for their scores, even when the sheet’s 取組終了 is blank (the plan says so)', async () => {
    const { book, plan } = await r4Book();
    const layout = progressSheetLayout(plan);
    const reading = await readWorkbook(book);
    await book.writeCells(
      reading.sheets.map((sheet) => ({
        sheet: sheet.name,
        cells: [
          { address: layout.endedEraYear, value: null },
          { address: layout.endedMonth, value: null },
        ],
      })),
    );
    const result = await checkWorkbook(book);
    const asked = new Set(
      result.problems
        .filter((entry) => entry.code === 'score-missing')
        .map((entry) => reading.sheets.find((sheet) => sheet.name === entry.sheet)!.data.itemNo),
    );
    expect(asked.size).toBe(61);
    for (const no of endedBefore(plan, R4)) expect(asked.has(no)).toBe(false);
  });

  it('split does not send them; collect does not report them as not returned', async () => {
    const { book, plan } = await r4Book();
    const reading = await readWorkbook(book);
    const groups = groupByDepartment(reading);
    const sent = groups.flatMap((group) => group.sheets.map((sheet) => sheet.data.itemNo));
    expect(sent).toHaveLength(61);
    for (const no of endedBefore(plan, R4)) expect(sent).not.toContain(no);
    const books = [];
    for (const group of groups) {
      const port = new MemoryWorkbook();
      await writeDepartmentBook(port, reading, group);
      books.push({ label: `${group.department}.xlsx`, port });
    }
    const collected = await collectBooks(books);
    expect(collected.problems.filter((entry) => entry.code === 'item-sheet-missing')).toEqual([]);
  });

  it('aggregate counts 61 running and 9 ended items, and never lists an ended one as missing', async () => {
    const { book, plan } = await r4Book(true);
    const result = await aggregate(book);
    expect(result.summary.counts.active).toBe(61);
    expect(result.summary.counts.endedBy).toHaveLength(9);
    expect(result.problems.filter((entry) => entry.severity === 'error')).toEqual([]);
    const ended = new Set(endedBefore(plan, R4));
    expect(result.summary.missing.filter((entry) => !ended.has(entry.itemNo))).toEqual([]);
  });
});
