import { realLengthWorkbookData } from '../../../test/support/realLength';
import { cellAddress, parseRange } from '../address';
import { builtInPlan } from '../example';
import { exampleWorkbookData } from '../exampleSheets';
import type { Plan } from '../plan';
import type { SheetSpec } from '../sheetSpec';
import { cellTextWidth, lineCount, lineHeight, textCells, textWidth } from '../text';
import { fitForm, formOverflowProblems, LEGIBLE_POINTS } from './fitForm';
import { blankProgressSheet, type ProgressSheetData } from './progressSheetData';
import { PRINTABLE_HEIGHT_POINTS, progressSheetLayout } from './progressSheetLayout';
import { writeProgressSheet } from './writeProgressSheet';

const example = { plan: builtInPlan(), sheets: exampleWorkbookData().sheets };
const real = realLengthWorkbookData(2021);

/**
 * Text cells of the print area cut in print: wrapped ones whose rows are lower than their lines
 * need, and unwrapped ones wider than their cell.
 */
function cutTexts(sheet: SheetSpec, plan: Plan): string[] {
  const area = parseRange(progressSheetLayout(plan).printArea);
  return textCells(sheet)
    .filter((cell) => cell.range.right <= area.right)
    .filter((cell) => {
      const columnWidths = sheet.columnWidths.slice(cell.range.left - 1, cell.range.right);
      if (!cell.style.wrap)
        return (
          Math.max(...cell.text.split('\n').map((line) => textWidth(line, cell.style))) > cellTextWidth(columnWidths)
        );
      let height = 0;
      for (let row = cell.range.top; row <= cell.range.bottom; row++) height += sheet.rowHeights?.[row] ?? 15;
      return (
        height + 0.01 <
        lineCount({ text: cell.text, columnWidths, style: cell.style }) * lineHeight(cell.style.fontSize)
      );
    })
    .map((cell) => `${sheet.name}!${cellAddress(cell.range.top, cell.range.left)}`);
}

/** Each part's height on paper against the printable height, and the smallest printed size. */
function onPaper(sheet: SheetSpec, plan: Plan) {
  const layout = progressSheetLayout(plan);
  const area = parseRange(layout.printArea);
  const scale = sheet.page!.scale! / 100;
  const part = (from: number, to: number) => {
    let total = 0;
    for (let row = from; row <= to; row++) total += sheet.rowHeights?.[row] ?? 15;
    return total * scale;
  };
  const sizes = textCells(sheet)
    .filter((cell) => cell.range.left <= area.right)
    .map((cell) => (cell.style.fontSize ?? 10) * scale);
  return {
    parts: [part(1, layout.partOneLastRow), part(layout.partOneLastRow + 1, area.bottom)],
    smallest: Math.min(...sizes),
  };
}

describe.each([
  ['the example', example],
  ['real-length texts', real],
])('the written 進捗状況シート with %s', (_, { plan, sheets }) => {
  const written = sheets.map((data) => writeProgressSheet(plan, data));

  it('gives every text of the form the rows its lines need', () => {
    expect(written.flatMap((sheet) => cutTexts(sheet, plan))).toEqual([]);
  });

  it('prints each part on one A4 page, no text below 7 pt on paper', () => {
    for (const sheet of written) {
      const { parts, smallest } = onPaper(sheet, plan);
      expect([sheet.name, parts.every((height) => height <= PRINTABLE_HEIGHT_POINTS)]).toEqual([sheet.name, true]);
      expect([sheet.name, smallest >= LEGIBLE_POINTS]).toEqual([sheet.name, true]);
    }
  });

  it('fits once: fitting a fitted sheet again changes nothing', () => {
    const layout = progressSheetLayout(plan);
    for (const sheet of written.slice(0, 8)) expect(fitForm(sheet, layout).sheet).toEqual(sheet);
  });
});

describe('fitForm', () => {
  const plan = example.plan;
  const layout = progressSheetLayout(plan);

  it('keeps the designed rows of an empty form (room to type) and its scale', () => {
    const sheet = writeProgressSheet(plan, blankProgressSheet(plan, plan.items[0], 2021));
    for (const [row, height] of Object.entries(layout.rowHeights))
      expect([row, sheet.rowHeights?.[Number(row)]]).toEqual([row, height]);
    expect(sheet.page?.scale).toBe(layout.printScale);
  });

  it('uses the room a part has: long 課題 rows grow on part ② at the same scale', () => {
    const data: ProgressSheetData = { ...example.sheets[0], issues: { ...example.sheets[0].issues } };
    data.issues[2021] = { problem: '・課題の一つ目を書きます。'.repeat(14), solution: '対応します。' };
    const sheet = writeProgressSheet(plan, data);
    const row = parseRange(layout.issues[1].problem).top;
    expect(sheet.rowHeights?.[row]).toBeGreaterThan(layout.rowHeights[row]);
    expect(cutTexts(sheet, plan)).toEqual([]);
    expect(sheet.page?.scale).toBe(layout.printScale);
  });

  it('gives up empty typing room first, then shrinks the scale no further than 7 pt on paper', () => {
    const data: ProgressSheetData = {
      ...example.sheets[0],
      activities: example.sheets[0].activities.map((row) => ({ ...row })),
    };
    for (const row of data.activities.slice(0, 6)) row.result = '取組の結果を記入します。'.repeat(12);
    const { sheet, overflows } = fitForm(writeProgressSheet(plan, data), layout);
    expect(overflows).toEqual([]);
    const empty = parseRange(layout.activities[14].result).top;
    expect(sheet.rowHeights?.[empty]).toBeLessThan(layout.rowHeights[empty]);
    expect(onPaper(sheet, plan).smallest).toBeGreaterThanOrEqual(LEGIBLE_POINTS);
    expect(cutTexts(sheet, plan)).toEqual([]);
  });

  it('never cuts: a form too long for two pages keeps its texts whole and names the cells to shorten', () => {
    const data: ProgressSheetData = {
      ...example.sheets[0],
      activities: example.sheets[0].activities.map((row) => ({ ...row })),
    };
    for (const row of data.activities) row.result = '取組の結果を記入します。'.repeat(20);
    const { sheet, overflows, scale } = fitForm(writeProgressSheet(plan, data), layout);
    expect(cutTexts(sheet, plan)).toEqual([]);
    expect(scale).toBe(Math.ceil((100 * LEGIBLE_POINTS) / 9));
    expect(overflows.map((overflow) => overflow.part)).toEqual([1]);
    const problems = formOverflowProblems(sheet.name, overflows);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ code: 'text-overflows-page', severity: 'warning', sheet: sheet.name });
    expect(problems[0].cell).toMatch(/^J\d+$/);
    expect(problems[0].fix).toMatch(/約 \d+ 文字/);
    // Shortening by the characters named makes the part fit.
    const cut = new Map(overflows[0].cells.map((cell) => [cell.address, cell.characters]));
    for (const [index, row] of data.activities.entries()) {
      const chars = cut.get(layout.activities[index].result);
      if (chars) row.result = row.result.slice(0, row.result.length - chars);
    }
    expect(fitForm(writeProgressSheet(plan, data), layout).overflows).toEqual([]);
  });
});
