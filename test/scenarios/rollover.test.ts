/**
 * 年度の繰越 (issue 11): the example rolled from R3 to R4 keeps every earlier year's entries and
 * scores, moves 確認時期, clears only what R4 must fill; with the running items' R4 scores filled,
 * the R4 summary's previous grades and R2/R3 history equal the R3 summary, and the 9 ended items
 * count with their last evaluation and are never missing. Rolling again to R5 keeps R2–R4.
 * A rollover past the plan's last year, backwards, or from a workbook with errors is refused.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { aggregate } from '../../src/actions/aggregate';
import { checkWorkbook } from '../../src/actions/check';
import { groupByDepartment, writeDepartmentBook } from '../../src/actions/distribute';
import { collectBooks } from '../../src/actions/distributeCollect';
import { writeCollected } from '../../src/actions/distributeMerge';
import { readWorkbook } from '../../src/actions/readWorkbook';
import { rollover } from '../../src/actions/rollover';
import { run } from '../../src/cli/main';
import { isUserError } from '../../src/core/errors';
import { parseFiscalYear } from '../../src/core/fiscalYear';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { captureIo } from '../support/captureIo';
import { exampleBook } from '../support/exampleBook';
import { smallBook, temporaryFolder } from '../support/smallBook';

const year = (code: string) => parseFiscalYear(code) as number;
const [R2, R3, R4, R5] = ['R2', 'R3', 'R4', 'R5'].map(year);

/** Fills the R4/R5 scores of every sheet checked in that year whose item runs. */
async function fillScores(book: MemoryWorkbook, of: number): Promise<void> {
  const reading = await readWorkbook(book);
  const layout = progressSheetLayout(reading.plan);
  const cells = layout.scores.find((entry) => entry.year === of)!.scores;
  const running = reading.sheets.filter((sheet) => {
    const ended = reading.plan.items.find((item) => item.no === sheet.data.itemNo)?.endedIn ?? null;
    return ended === null || ended >= of;
  });
  await book.writeCells(
    running.map((sheet) => ({
      sheet: sheet.name,
      cells: [cells.progress, cells.cooperation, cells.efficiency, cells.creativity].map((address) => ({
        address,
        value: 2,
      })),
    })),
  );
}

describe('the example rolled from R3 to R4', () => {
  let r3: MemoryWorkbook;
  let r4: MemoryWorkbook;
  beforeAll(async () => {
    r3 = await exampleBook();
    r4 = new MemoryWorkbook();
    const result = await rollover(r3, r4, R4);
    expect(result).toMatchObject({ from: R3, to: R4, ended: 9 });
    expect(result.sheets).toHaveLength(70);
  });

  it('keeps every earlier year’s entries and scores, moves 確認時期, clears 評価の理由 of running items only', async () => {
    const before = await readWorkbook(r3, { purpose: 'full' });
    const after = await readWorkbook(r4, { purpose: 'full' });
    expect(after.year).toBe(R4);
    for (const [index, sheet] of after.sheets.entries()) {
      const old = before.sheets[index].data;
      expect(sheet.data.checkYear).toBe(R4);
      expect([sheet.data.scores[R2], sheet.data.scores[R3]]).toEqual([old.scores[R2], old.scores[R3]]);
      expect([sheet.data.schedule, sheet.data.activities, sheet.data.issues]).toEqual([
        old.schedule,
        old.activities,
        old.issues,
      ]);
      const item = after.plan.items.find((entry) => entry.no === sheet.data.itemNo)!;
      const ended = item.endedIn !== null && item.endedIn < R4;
      expect(sheet.data.reasons).toEqual(
        ended ? old.reasons : Object.fromEntries(Object.keys(old.reasons).map((key) => [key, ''])),
      );
    }
  });

  it('asks R4 scores of the 61 running items only', async () => {
    const result = await checkWorkbook(r4);
    const asked = new Set(
      result.problems.filter((entry) => entry.code === 'score-missing').map((entry) => entry.sheet),
    );
    expect(asked.size).toBe(61);
  });

  it('aggregates, once filled, to previous grades and R2/R3 history equal to the R3 summary', async () => {
    const filled = new MemoryWorkbook();
    await rollover(r3, filled, R4);
    await fillScores(filled, R4);
    const now = await aggregate(filled);
    const then = await aggregate(await exampleBook());
    expect(now.problems.filter((entry) => entry.severity === 'error')).toEqual([]);
    expect(now.summary.counts.active).toBe(61);
    expect(now.summary.counts.endedBy).toHaveLength(9);
    expect(now.summary.missing).toEqual([]);
    expect(now.summary.items.map((item) => item.previousGrade)).toEqual(then.summary.items.map((item) => item.grade));
    expect(now.summary.initiatives.map((entry) => [entry.history[R2], entry.history[R3]])).toEqual(
      then.summary.initiatives.map((entry) => [entry.history[R2], entry.history[R3]]),
    );
    // The council's R3 input is kept whole in its own tab and gives the council averages' history.
    expect(filled.sheetNames()).toContain('審議会評価（Ｒ３）');
    const councilR3 = then.summary.initiatives.map((entry) => entry.councilAverage?.toFixed(1) ?? null);
    expect(councilR3.filter((average) => average !== null).length).toBeGreaterThan(0);
    expect(now.summary.initiatives.map((entry) => entry.councilHistory[R3]?.toFixed(1) ?? null)).toEqual(councilR3);
    expect(now.summary.initiatives.every((entry) => entry.councilAverage === null)).toBe(true);
    // Each 取組項目's page has the council averages' history under the grade history (21 pages).
    const labels = (book: MemoryWorkbook) =>
      [...book.sheet('取組項目別の評価').cells.values()].filter((cell) => cell.value === '審議会評価平均').length;
    const example = await exampleBook();
    await aggregate(example);
    expect(labels(filled)).toBe(labels(example) + 21);
  });

  it('split into department books and collected into a new book, keeps the council’s earlier years', async () => {
    const reading = await readWorkbook(r4, { purpose: 'full' });
    const books = [];
    for (const group of groupByDepartment(reading)) {
      const port = new MemoryWorkbook();
      await writeDepartmentBook(port, reading, group, { source: 'R4.xlsx' });
      books.push({ label: `${group.department}.xlsx`, port });
    }
    const collected = new MemoryWorkbook();
    await writeCollected(collected, await collectBooks(books));
    expect(collected.sheetNames()).toContain('審議会評価（Ｒ３）');
    expect((await readWorkbook(collected)).councilHistory).toEqual(reading.councilHistory);
    // Each department sees the council's history too (its 取組項目 pages show it after 集計).
    expect((await readWorkbook(books[0].port)).councilHistory).toEqual(reading.councilHistory);
  });

  it('rolled again to R5 keeps R2–R4', async () => {
    const filled = new MemoryWorkbook();
    await rollover(r3, filled, R4);
    await fillScores(filled, R4);
    const r5 = new MemoryWorkbook();
    expect((await rollover(filled, r5, R5)).from).toBe(R4);
    const before = await readWorkbook(filled);
    const after = await readWorkbook(r5);
    expect(after.year).toBe(R5);
    expect(after.sheets.map((sheet) => [R2, R3, R4].map((each) => sheet.data.scores[each]))).toEqual(
      before.sheets.map((sheet) => [R2, R3, R4].map((each) => sheet.data.scores[each])),
    );
    expect(after.councilHistory).toEqual(before.councilHistory);
    expect(after.councilHistory.map((council) => council.year)).toEqual([R3]);
  });

  it('refuses to roll backwards or past the plan’s last year, and from a workbook with errors', async () => {
    const refusal = async (source: MemoryWorkbook, to: number) =>
      rollover(source, new MemoryWorkbook(), to).then(
        () => null,
        (error: unknown) => (isUserError(error) ? error.message : String(error)),
      );
    expect(await refusal(r3, R3)).toContain('繰り越すことはできません');
    expect(await refusal(r3, year('R7'))).toContain('計画期間（R2〜R6）の後のため');
    expect(await refusal(r4, R5)).toMatch(/エラーが 61 件あるため、繰り越せません/);
  });
});

describe('shinchoku rollover', () => {
  it('refuses a workbook with errors (exit 2) and writes nothing', async () => {
    const folder = temporaryFolder('rollover');
    const { book } = await smallBook(folder);
    const io = captureIo();
    expect(await run(['rollover', book, '--to', 'R4', '--out', join(folder, 'R4.xlsx')], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('繰り越せません');
    expect(existsSync(join(folder, 'R4.xlsx'))).toBe(false);
  });
});
