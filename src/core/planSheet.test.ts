import { specCells } from '../../test/support/specCells';
import { builtInPlan } from './example';
import { isUserError } from './errors';
import { parsePlan, type Plan } from './plan';
import {
  PLAN_SHEET_HEADER_READ,
  PLAN_SHEET_HEADER_ROWS,
  PLAN_SHEET_NAME,
  planSheetShape,
  readPlanSheet,
  writePlanSheet,
} from './planSheet';
import type { CellValue } from './sheetSpec';

/** The tab's values as a reader gets them: the header read, then the rest the header asks for. */
function readBack(plan: Plan, edit: (values: CellValue[][]) => void = () => undefined): Plan {
  const spec = writePlanSheet(plan);
  const all = specCells(spec, `A1:L${spec.cells.length + 10}`).values;
  edit(all);
  const header = all.slice(0, PLAN_SHEET_HEADER_ROWS);
  const shape = planSheetShape(header);
  const last = Number(/\d+$/.exec(shape.rest)?.[0]);
  return readPlanSheet(all.slice(0, last));
}

function thrown(read: () => unknown): {
  message: string;
  sheet: string | null;
  cell: string | null;
  fix: string | null;
} {
  try {
    read();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('nothing thrown');
}

const codesPlan = (): Plan =>
  parsePlan({
    title: '八年のプラン',
    period: ['H29', 'H30', '令和元年度', 'R2', 'R3', 'R4', 'R5', 'R6'],
    themes: [{ numeral: 'Ⅰ', name: '財政', label: '財政運営' }],
    initiatives: [
      { no: '1-①', name: '取組', themes: ['Ⅰ'] },
      { no: 12, name: '別の取組', themes: ['Ⅰ'] },
    ],
    items: [
      { no: '1-①-1', initiative: '1-①', name: '一', departments: ['総務課', '財政課'], endedIn: '令和元年度' },
      { no: 8101, initiative: 12, name: '二', continuedFromPreviousPlan: true },
    ],
  });

describe('プラン定義 tab', () => {
  it('gives back the built-in plan and a plan of 8 years with codes and 元年', () => {
    expect(readBack(builtInPlan())).toEqual(builtInPlan());
    expect(readBack(codesPlan())).toEqual(codesPlan());
  });
  it('prints years in their era and says its size in a 件数 row', () => {
    const spec = writePlanSheet(codesPlan());
    const texts = spec.cells.map((cell) => cell.value);
    expect(texts).toEqual(expect.arrayContaining(['平成２９年度', '令和元年度', '件数', '実践項目', 2]));
    expect(PLAN_SHEET_HEADER_READ).toBe(`A1:L${PLAN_SHEET_HEADER_ROWS}`);
  });
  it('holds 7,000 items and tells a reader which rows to read', () => {
    const base = builtInPlan();
    const plan = {
      ...base,
      items: Array.from({ length: 7000 }, (_, index) => ({ ...base.items[index % 70], no: String(index + 1) })),
    };
    const back = readBack(plan);
    expect(back.items).toHaveLength(7000);
    expect(back.items[6999]).toEqual({ ...base.items[6999 % 70], no: '7000' });
  });
  it('reads a tab written before it had a 件数 row, up to the old 1,200 rows', () => {
    const spec = writePlanSheet(builtInPlan());
    const values = specCells(spec, 'A1:L1200').values;
    values[6] = values[6].map(() => null); // no 件数 row
    const shape = planSheetShape(values.slice(0, PLAN_SHEET_HEADER_ROWS));
    expect([shape.rest, shape.initiativeCount]).toEqual(['A9:L1200', null]);
    expect(readPlanSheet(values)).toEqual(builtInPlan());
  });
  it('reads its tables by their headings, whatever the order of the columns', () => {
    const plan = builtInPlan();
    const back = readBack(plan, (values) => {
      const heading = values.findIndex((row) => row[0] === '小№');
      for (let row = heading; row < values.length && values[row][0] !== null; row++) {
        const [a, b] = [values[row][2], values[row][3]];
        values[row][2] = b;
        values[row][3] = a; // 名称 and 担当部署 swapped
      }
    });
    expect(back).toEqual(plan);
  });
});

describe('プラン定義 errors name the sheet, the cell and the fix', () => {
  const plan = builtInPlan();
  /** The error of the tab with one cell changed, `rows` below the row starting with `first`. */
  const errorWith = (first: CellValue, rows: number, column: number, value: CellValue) => {
    let row = 0;
    const error = thrown(() =>
      readBack(plan, (values) => {
        row = values.findIndex((cells) => cells[0] === first) + 1 + rows;
        values[row - 1][column - 1] = value;
      }),
    );
    return { error, row };
  };
  it('an item under no 取組項目', () => {
    const { error, row } = errorWith('小№', 5, 2, 99);
    expect(error).toMatchObject({ sheet: PLAN_SHEET_NAME, cell: `B${row}` });
    expect(error.message).toContain('大№ 99');
    expect(error.fix).toContain('取組項目');
  });
  it('a duplicate 小№', () => {
    const { error, row } = errorWith('小№', 2, 1, 1);
    expect(error).toMatchObject({ sheet: PLAN_SHEET_NAME, cell: `A${row}` });
    expect(error.message).toContain('重複');
  });
  it('a year that is not one', () => {
    const error = thrown(() => readBack(plan, (values) => (values[4][3] = '令和三年度')));
    expect(error).toMatchObject({ sheet: PLAN_SHEET_NAME, cell: 'D5' });
    expect(error.fix).toContain('R2');
  });
  it('a missing heading, and a table whose rows differ from 件数', () => {
    const { error: missing, row: heading } = errorWith('小№', 0, 4, '担当');
    expect(missing).toMatchObject({ sheet: PLAN_SHEET_NAME, cell: `A${heading}` });
    expect(missing.message).toContain('担当部署');
    const error = thrown(() => readBack(plan, (values) => (values[6][6] = 71)));
    expect(error).toMatchObject({ sheet: PLAN_SHEET_NAME, cell: 'G7' });
    expect(error.message).toContain('件数');
  });
});
