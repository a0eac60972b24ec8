/**
 * Issue 9, item 2 through whole workbooks: a row inserted or deleted in a 進捗状況シート is never
 * read shifted. 入力チェック refuses the sheet with the cell that differs; 集計 reads only its own
 * blocks, so a row moved in part ② does not stop it; 配布・回収 never move text to another year.
 */
import { aggregate } from '../../src/actions/aggregate';
import { checkWorkbook } from '../../src/actions/check';
import { collectBooks } from '../../src/actions/distributeCollect';
import { groupByDepartment, writeDepartmentBook } from '../../src/actions/distribute';
import { readWorkbook } from '../../src/actions/readWorkbook';
import { builtInPlan } from '../../src/core/example';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import type { SheetSpec } from '../../src/core/sheetSpec';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { exampleBook } from '../support/exampleBook';

const plan = builtInPlan();
const layout = progressSheetLayout(plan);
const FIRST = '1 ガバメントクラウドファンディングの実施';
const [r2, r3] = layout.issues;

/** Moves every A1 reference at or below `row` by `by` rows (what Excel does to a sheet's formulas). */
function moveReferences(text: string, row: number, by: number): string {
  return text.replace(/([A-Z]{1,3})(\d+)/g, (match, column: string, number: string) =>
    Number(number) >= row ? `${column}${Number(number) + by}` : match,
  );
}

/** The sheet as after a row inserted above `row` (+1) or `row` deleted (-1); merges and formats dropped. */
function withRowMoved(spec: SheetSpec, row: number, by: 1 | -1): SheetSpec {
  return {
    ...spec,
    formats: [],
    validations: [],
    cells: spec.cells
      .filter((cell) => by === 1 || Number(/\d+/.exec(cell.address)?.[0]) !== row)
      .map((cell) => ({
        ...cell,
        address: moveReferences(cell.address, by === 1 ? row : row + 1, by),
        ...(cell.formula ? { formula: moveReferences(cell.formula, by === 1 ? row : row + 1, by) } : {}),
      })),
  };
}

/** The example with item 1's issues filled for R2 and R3 and its 特記事項, then one row moved. */
async function exampleWithRowMoved(row: number, by: 1 | -1): Promise<MemoryWorkbook> {
  const source = await exampleBook();
  await source.writeCells([
    {
      sheet: FIRST,
      cells: [
        { address: r2.problem, value: 'Ｒ２の課題' },
        { address: r3.problem, value: 'Ｒ３の課題' },
        { address: r3.solution, value: 'Ｒ３の解決方法' },
        { address: layout.notes, value: '特記すべき事項' },
      ],
    },
  ]);
  const specs = source.specs.map((spec) => {
    if (spec.name !== FIRST) return spec;
    const cells = [...source.sheet(FIRST).cells.entries()].map(([address, cell]) =>
      cell.formula ? { address, formula: cell.formula.slice(1), value: cell.value } : { address, value: cell.value },
    );
    return withRowMoved({ ...spec, cells }, row, by);
  });
  return MemoryWorkbook.fromSpecs(specs);
}

describe('a row inserted in 取組上の課題等 (row 41, between Ｒ２ and Ｒ３)', () => {
  it('is refused by 入力チェック at the first label that moved, saying a row was inserted', async () => {
    const result = await checkWorkbook(await exampleWithRowMoved(41, 1));
    const damaged = result.problems.find((problem) => problem.code === 'layout-damaged');
    expect(damaged).toMatchObject({ severity: 'error', sheet: FIRST, cell: 'B41' });
    expect(damaged?.message).toContain('取組上の課題等');
    expect(damaged?.message).toContain('41 行目より上に 1 行挿入されたようです');
    expect(damaged?.fix).toContain('挿入や削除を元に戻してください');
  });
  it('does not stop 集計, which reads part ① only, with the same figures', async () => {
    const moved = await aggregate(await exampleWithRowMoved(41, 1));
    const original = await aggregate(await exampleBook());
    expect(moved.problems).toEqual([]);
    expect(moved.json).toEqual(original.json);
  });
  it('is not distributed: split refuses nothing silently, the sheet is left out and reported', async () => {
    const reading = await readWorkbook(await exampleWithRowMoved(41, 1));
    expect(reading.sheets.map((sheet) => sheet.name)).not.toContain(FIRST);
    expect(reading.problems.map((problem) => problem.code)).toEqual(
      expect.arrayContaining(['layout-damaged', 'item-sheet-missing']),
    );
  });
});

describe('the empty Ｒ６ row of 取組上の課題等 deleted', () => {
  it('is refused at the 特記事項 heading that moved up, and nothing is read into the wrong place', async () => {
    const r6Row = Number(/\d+/.exec(layout.issues[4].label)?.[0]);
    const result = await checkWorkbook(await exampleWithRowMoved(r6Row, -1));
    const damaged = result.problems.find((problem) => problem.code === 'layout-damaged');
    expect(damaged?.sheet).toBe(FIRST);
    expect(damaged?.message).toContain(`${r6Row + 1} 行目より上で 1 行削除されたようです`);
  });
});

describe('split → collect with every sheet in place', () => {
  it('carries 課題, 解決方法 and 特記事項 to the same years', async () => {
    const book = await exampleWithRowMoved(999, 1); // a row inserted below the form: nothing moves
    const reading = await readWorkbook(book);
    const returned = await Promise.all(
      groupByDepartment(reading).map(async (group) => {
        const port = new MemoryWorkbook();
        await writeDepartmentBook(port, reading, group);
        return { label: group.department, port };
      }),
    );
    const collected = await collectBooks(returned);
    const first = collected.sheets.find((sheet) => sheet.data.itemNo === '1')?.data;
    expect(first?.issues[r2.year]).toEqual({ problem: 'Ｒ２の課題', solution: expect.any(String) });
    expect(first?.issues[r3.year]).toEqual({ problem: 'Ｒ３の課題', solution: 'Ｒ３の解決方法' });
    expect(first?.notes).toBe('特記すべき事項');
  });
});
