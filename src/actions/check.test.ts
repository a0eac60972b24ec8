import { builtInPlan } from '../core/example';
import { exampleWorkbookData } from '../core/exampleSheets';
import { progressSheetLayout } from '../core/sheet/progressSheetLayout';
import { MemoryWorkbook } from '../workbook/memory';
import { checkWorkbook } from './check';
import { applyPrintSetup } from './printSetup';
import { writeWorkbook } from './template';

const plan = builtInPlan();
const layout = progressSheetLayout(plan);

/** The example with the first sheet's 取組結果 made too long for one page at 7 pt, the second's long. */
async function book(times: number) {
  const { sheets } = exampleWorkbookData();
  const long = (data: (typeof sheets)[number], repeat: number, rows = 15) => ({
    ...data,
    activities: data.activities.map((row, index) =>
      index < rows ? { ...row, result: '取組の結果を記入します。'.repeat(repeat) } : row,
    ),
  });
  const port = new MemoryWorkbook();
  const names = await writeWorkbook(
    port,
    plan,
    2021,
    [long(sheets[0], times), long(sheets[1], 8, 13), ...sheets.slice(2)],
    null,
  );
  return { port, names };
}

describe('入力チェック of texts too long for the printed form', () => {
  it('names each cell to shorten, with about how many characters, and reports nothing else of the kind', async () => {
    const { port, names } = await book(20);
    const result = await checkWorkbook(port);
    const overflowing = result.problems.filter((entry) => entry.code === 'text-overflows-page');
    expect(overflowing.length).toBeGreaterThan(0);
    expect(new Set(overflowing.map((entry) => entry.sheet))).toEqual(new Set([names[0]]));
    const results = new Set(layout.activities.map((row) => row.result));
    for (const entry of overflowing) {
      expect(results.has(entry.cell!)).toBe(true);
      expect(entry.severity).toBe('warning');
      expect(entry.message).toContain('進捗状況シート①');
      expect(entry.fix).toMatch(/^このセルの文章を約 \d+ 文字（\d+ 行）短くしてください。$/);
    }
  });

  it('印刷設定 gives a long sheet the smaller scale it prints whole at, the others the form’s', async () => {
    const { port, names } = await book(8);
    await applyPrintSetup(port);
    const scales = names.slice(0, 3).map((name) => port.sheet(name).page?.scale);
    expect(scales[0]).toBeLessThan(layout.printScale);
    expect(scales[2]).toBe(layout.printScale);
  });
});
