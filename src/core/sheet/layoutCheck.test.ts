/**
 * The strict reader: a row or column inserted or deleted anywhere in the form is either refused
 * (layout-damaged, with the cell that differs) or read exactly as written — never shifted.
 */
import { specCells } from '../../../test/support/specCells';
import { builtInPlan } from '../example';
import { exampleWorkbookData } from '../exampleSheets';
import { progressSheetLayout } from './progressSheetLayout';
import { readProgressSheet, type SheetCells } from './readProgressSheet';
import { writeProgressSheet } from './writeProgressSheet';

const plan = builtInPlan();
const layout = progressSheetLayout(plan);
/** Item 1 of the example with every typed field filled, so that any shift shows. */
const data = (() => {
  const sheet = exampleWorkbookData().sheets[0];
  sheet.activities = sheet.activities.map((row, index) => ({
    year: row.year || 'Ｒ３',
    plan: row.plan || `予定 ${index + 1}`,
    result: row.result || `結果 ${index + 1}`,
  }));
  for (const year of plan.period) {
    sheet.schedule[year] = { plan: `工程 ${year}`, status: '工程どおり' };
    sheet.issues[year] = { problem: `課題 ${year}`, solution: `解決 ${year}` };
  }
  sheet.notes = '特記すべき事項';
  return sheet;
})();
const spec = writeProgressSheet(plan, data);

function blankRow(width: number): null[] {
  return Array<null>(width).fill(null);
}

/** The cells as read after a row is inserted above `row` (1-based) or `row` is deleted. */
function withRow(op: 'insert' | 'delete', row: number): SheetCells {
  const cells = specCells(spec, layout.readRange);
  const width = cells.values[0].length;
  if (op === 'insert') {
    cells.values.splice(row - 1, 0, blankRow(width));
    cells.formulas.splice(row - 1, 0, blankRow(width));
  } else {
    cells.values.splice(row - 1, 1);
    cells.formulas.splice(row - 1, 1);
  }
  // The reader reads its range: what was pushed below the last row is out of it; a deleted row
  // pulls an empty row in at the bottom.
  const height = specCells(spec, layout.readRange).values.length;
  cells.values = cells.values.slice(0, height);
  cells.formulas = cells.formulas.slice(0, height);
  while (cells.values.length < height) {
    cells.values.push(blankRow(width));
    cells.formulas.push(blankRow(width));
  }
  return cells;
}

/** The cells as read after a column is inserted left of `column` (1-based) or `column` is deleted. */
function withColumn(op: 'insert' | 'delete', column: number): SheetCells {
  const cells = specCells(spec, layout.readRange);
  const width = cells.values[0].length;
  const change = (row: (string | number | boolean | null)[]) => {
    const next = [...row];
    if (op === 'insert') next.splice(column - 1, 0, null);
    else next.splice(column - 1, 1);
    return [...next, null].slice(0, width);
  };
  cells.values = cells.values.map(change);
  cells.formulas = cells.formulas.map((row) => change(row) as (string | null)[]);
  return cells;
}

function expectRefusedOrExact(cells: SheetCells, what: string): void {
  const result = readProgressSheet(plan, cells);
  if (result.data === null) {
    expect([what, result.problems[0]?.code]).toEqual([what, 'layout-damaged']);
  } else {
    expect([what, result.data]).toEqual([what, data]);
  }
}

describe('a row inserted or deleted anywhere is refused or changes nothing read', () => {
  const rows = Array.from({ length: layout.lastRow + 1 }, (_, index) => index + 1);
  it.each(rows)('insert above row %i', (row) => expectRefusedOrExact(withRow('insert', row), `insert ${row}`));
  it.each(rows.slice(0, layout.lastRow))('delete row %i', (row) =>
    expectRefusedOrExact(withRow('delete', row), `delete ${row}`),
  );
});

describe('a column inserted or deleted anywhere is refused or changes nothing read', () => {
  const columns = Array.from({ length: 17 }, (_, index) => index + 1);
  it.each(columns)('insert left of column %i', (column) =>
    expectRefusedOrExact(withColumn('insert', column), `insert column ${column}`),
  );
  it.each(columns)('delete column %i', (column) =>
    expectRefusedOrExact(withColumn('delete', column), `delete column ${column}`),
  );
});

describe('the same for 集計, which reads only its blocks (no texts)', () => {
  const figures = (read: ReturnType<typeof readProgressSheet>['data']) =>
    read && { itemNo: read.itemNo, checkYear: read.checkYear, scores: read.scores, ended: read.ended };
  const expectFiguresOrRefused = (cells: SheetCells, what: string) => {
    const result = readProgressSheet(plan, cells, 'aggregate');
    if (result.data === null) expect([what, result.problems[0]?.code]).toEqual([what, 'layout-damaged']);
    else expect([what, figures(result.data), result.problems]).toEqual([what, figures(data), []]);
  };
  const rows = Array.from({ length: layout.lastRow + 1 }, (_, index) => index + 1);
  const columns = Array.from({ length: 17 }, (_, index) => index + 1);
  it.each(rows)('insert above row %i', (row) => expectFiguresOrRefused(withRow('insert', row), `insert ${row}`));
  it.each(rows.slice(0, layout.lastRow))('delete row %i', (row) =>
    expectFiguresOrRefused(withRow('delete', row), `delete ${row}`),
  );
  it.each(columns)('insert left of column %i', (column) =>
    expectFiguresOrRefused(withColumn('insert', column), `insert column ${column}`),
  );
  it.each(columns)('delete column %i', (column) =>
    expectFiguresOrRefused(withColumn('delete', column), `delete column ${column}`),
  );
});
