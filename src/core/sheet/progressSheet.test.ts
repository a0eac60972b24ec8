import { specCells, setCell } from '../../../test/support/specCells';
import { builtInPlan } from '../example';
import { exampleWorkbookData } from '../exampleSheets';
import { blankProgressSheet } from './progressSheetData';
import { progressSheetLayout, LAYOUT_MARKER, MARKER_COLUMN } from './progressSheetLayout';
import { isProgressSheet, readProgressSheet } from './readProgressSheet';
import { writeProgressSheet, progressSheetName, totalFormula } from './writeProgressSheet';

const plan = builtInPlan();
const layout = progressSheetLayout(plan);

function roundTrip(data = exampleWorkbookData().sheets[0]) {
  const spec = writeProgressSheet(plan, data);
  return { spec, cells: specCells(spec, layout.readRange) };
}

describe('progress sheet layout', () => {
  it('places the example form: 小№ A1, four criteria rows, 合計 and 総合評価 per year', () => {
    expect(layout.itemNo).toBe('A1');
    expect(layout.scores.map((year) => year.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(layout.scores[1].scores.progress).toBe('E28');
    expect(layout.scores[1].total).toBe('E32');
    expect(layout.scores[1].grade).toBe('E33');
    expect(layout.themeMarks).toHaveLength(7);
    expect(layout.partOneLastRow).toBeLessThan(layout.lastRow);
    expect(layout.printScale).toBeGreaterThan(50);
  });
  it('adapts to other plans: 4 themes and 3 years', () => {
    const small = { ...plan, themes: plan.themes.slice(0, 4), period: [2022, 2023, 2024] };
    const other = progressSheetLayout(small);
    expect(other.themeMarks.map((mark) => mark.range)).toEqual(['B4:D4', 'E4:H4', 'I4:L4', 'M4:P4']);
    expect(other.scores).toHaveLength(3);
  });
});

describe('write then read a progress sheet', () => {
  it('gives back every field of every example sheet, with no problems', () => {
    for (const data of exampleWorkbookData().sheets) {
      const { cells } = roundTrip(data);
      const result = readProgressSheet(plan, cells);
      expect(result.problems).toEqual([]);
      expect(result.data).toEqual(data);
    }
  });
  it('reads a blank template sheet with the check year but reports the missing scores', () => {
    const { cells } = roundTrip(blankProgressSheet(plan, plan.items[4], 2021));
    const result = readProgressSheet(plan, cells);
    expect(result.data?.itemNo).toBe('5');
    expect(result.problems.map((problem) => [problem.code, problem.cell])).toEqual([['score-missing', 'E28']]);
  });
  it('hides the marker column Q, outside the print area, and still recognises the sheet by it', () => {
    const { spec, cells } = roundTrip();
    expect(layout.marker).toBe('Q1');
    expect(spec.hiddenColumns).toEqual([MARKER_COLUMN]);
    expect(spec.page?.printArea).toMatch(/^A1:P\d+$/);
    expect(isProgressSheet(cells, layout)).toBe(true);
    // Recognised by the marker alone, with both titles gone.
    const untitled = {
      ...cells,
      values: cells.values.map((row) =>
        row.map((value) => (typeof value === 'string' && value.includes('進捗状況シート') ? null : value)),
      ),
    };
    expect(isProgressSheet(untitled, layout)).toBe(true);
  });
  it('writes 合計 and 総合評価 as formulas with their values, and the marker', () => {
    const { spec, cells } = roundTrip();
    expect(isProgressSheet(cells, layout)).toBe(true);
    const total = spec.cells.find((cell) => cell.address === 'E32');
    expect(total).toEqual({
      address: 'E32',
      formula: totalFormula(layout, layout.scores[1]),
      value: 9,
    });
    expect(spec.cells.find((cell) => cell.address === 'E33')?.value).toBe('Ｂ');
    expect(spec.cells.find((cell) => cell.address === layout.marker)?.value).toBe(LAYOUT_MARKER);
    expect(spec.page?.rowBreaks).toEqual([layout.partOneLastRow]);
  });
  it('names sheets by 小№ and name within 31 characters', () => {
    expect(progressSheetName('1', 'ガバメントクラウドファンディングの実施')).toBe(
      '1 ガバメントクラウドファンディングの実施',
    );
    expect(progressSheetName('70', 'あ'.repeat(40))).toHaveLength(31);
    expect(progressSheetName('3', 'a/b:c')).toBe('3 a・b・c');
    expect(progressSheetName('1-①-1', '名称')).toBe('1-①-1 名称');
  });
});

describe('bad input on a sheet', () => {
  const score = layout.scores[1].scores; // R3
  const cases: [string, string | number, string, string][] = [
    ['full-width ４ is out of range', '４', 'score-out-of-range', '0〜3 の範囲外'],
    ['a letter', 'a', 'score-not-number', '数字ではありません'],
    ['a decimal', 2.5, 'score-not-integer', '整数ではありません'],
  ];
  it.each(cases)('%s', (_name, typed, code, words) => {
    const { cells } = roundTrip();
    setCell(cells, score.cooperation, typed);
    const result = readProgressSheet(plan, cells);
    const problem = result.problems.find((entry) => entry.code === code);
    expect(problem).toMatchObject({ severity: 'error', sheet: cells.sheet, cell: score.cooperation });
    expect(problem?.message).toContain(words);
    expect(problem?.fix).not.toBe('');
    expect(result.problems.some((entry) => entry.code === 'score-incomplete')).toBe(true);
  });
  it('accepts full-width ２ as 2, with a note to retype it', () => {
    const { cells } = roundTrip();
    setCell(cells, score.cooperation, '２');
    const result = readProgressSheet(plan, cells);
    expect(result.data?.scores[2021].cooperation).toBe(2);
    expect(result.problems.map((entry) => [entry.severity, entry.code])).toEqual([['warning', 'score-text']]);
  });
  it('reports a blank score as incomplete', () => {
    const { cells } = roundTrip();
    setCell(cells, score.efficiency, null);
    const result = readProgressSheet(plan, cells);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'score-incomplete', cell: score.efficiency, severity: 'error' }),
    ]);
  });
  it('reports a typed-over 合計 formula as a warning to be restored', () => {
    const { cells } = roundTrip();
    setCell(cells, layout.scores[1].total!, 12);
    const result = readProgressSheet(plan, cells);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'formula-overwritten', cell: 'E32', severity: 'warning' }),
    ]);
  });
  it('reports text that became a formula', () => {
    const { cells } = roundTrip();
    setCell(cells, layout.reasons.progress, '#NAME?', '=東京');
    const result = readProgressSheet(plan, cells);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'text-formula', cell: layout.reasons.progress })]);
  });
  it('refuses a damaged layout (a row inserted) with the first cell that moved', () => {
    const { cells } = roundTrip();
    cells.values.splice(20, 0, Array(cells.values[0].length).fill(null));
    cells.formulas.splice(20, 0, Array(cells.values[0].length).fill(null));
    const result = readProgressSheet(plan, cells);
    expect(result.data).toBeNull();
    expect(result.problems[0]).toMatchObject({ code: 'layout-damaged', severity: 'error' });
    expect(result.problems[0].message).toContain('レイアウトが崩れています');
  });
  it('reads 取組終了 as the fiscal year and refuses half of it', () => {
    const { cells } = roundTrip(exampleWorkbookData().sheets.find((sheet) => sheet.itemNo === '44'));
    expect(readProgressSheet(plan, cells).data?.ended).toEqual({ year: 2021, month: 3 });
    setCell(cells, layout.endedMonth, null);
    // The plan says item 44 ended in R2, so its R3 scores are not asked for meanwhile.
    expect(readProgressSheet(plan, cells).problems.map((problem) => problem.code)).toEqual(['ended-invalid']);
  });
  it('refuses an unknown 小№', () => {
    const { cells } = roundTrip();
    setCell(cells, layout.itemNo, 99);
    expect(readProgressSheet(plan, cells)).toMatchObject({
      data: null,
      problems: [expect.objectContaining({ code: 'item-unknown', cell: 'A1' })],
    });
  });
});
