import { parseRange } from './address';
import {
  councilAverage,
  councilCells,
  councilReadRange,
  DEFAULT_MEMBER_COUNT,
  MAX_MEMBERS,
  readCouncilSheet,
  writeCouncilSheet,
  type CouncilSheetData,
} from './councilSheet';
import { builtInPlan } from './example';
import type { CellValue, SheetSpec } from './sheetSpec';

const plan = builtInPlan();
const R3 = 2021;

/** The values of the reader's range, as a spreadsheet would return them for a written sheet. */
function grid(sheet: SheetSpec, edits: Record<string, CellValue> = {}): CellValue[][] {
  const bounds = parseRange(councilReadRange(plan));
  const values: CellValue[][] = Array.from({ length: bounds.bottom }, () =>
    Array.from({ length: bounds.right }, () => null),
  );
  const put = (address: string, value: CellValue) => {
    const { top, left } = parseRange(address);
    values[top - 1][left - 1] = value;
  };
  for (const cell of sheet.cells) if (cell.formula === undefined) put(cell.address, cell.value ?? null);
  for (const [address, value] of Object.entries(edits)) put(address, value);
  return values;
}

const empty: CouncilSheetData = { year: R3, members: [], rows: [] };

describe('審議会評価 tab', () => {
  it('has five editable member columns with a 1–5 drop-down, and reads back', () => {
    const sheet = writeCouncilSheet(plan, empty);
    expect(sheet.validations).toHaveLength(DEFAULT_MEMBER_COUNT);
    expect(sheet.validations?.[0].list).toEqual(['1', '2', '3', '4', '5']);
    const { data, problems } = readCouncilSheet(plan, R3, grid(sheet));
    expect(problems).toEqual([]);
    expect(data.members).toEqual(['委員1', '委員2', '委員3', '委員4', '委員5']);
    expect(data.rows.every((row) => councilAverage(row) === null)).toBe(true);
  });

  it('reads renamed members, their scores and comments, and averages half-up to one decimal', () => {
    const sheet = writeCouncilSheet(plan, empty);
    const cells = (member: number) => councilCells(plan, '1', member);
    const edits: Record<string, CellValue> = {
      [cells(0).member]: '山田委員',
      [cells(0).score]: 4,
      [cells(0).comment]: '成果が出ている。',
      [cells(1).score]: '５', // full-width
      [cells(2).score]: 4,
      [cells(3).score]: 4,
    };
    const { data, problems } = readCouncilSheet(plan, R3, grid(sheet, edits));
    expect(problems).toEqual([]);
    expect(data.members[0]).toBe('山田委員');
    const row = data.rows[0];
    expect(row.entries[0]).toEqual({ member: '山田委員', score: 4, comment: '成果が出ている。' });
    // (4 + 5 + 4 + 4) / 4 = 4.25 → 4.3 (half-up, never binary rounding)
    expect(councilAverage(row)?.toFixed(1)).toBe('4.3');
  });

  it('takes a typed average as given when only the average is known, and over member scores', () => {
    const sheet = writeCouncilSheet(plan, empty);
    const c = councilCells(plan, '2', 0);
    const { data } = readCouncilSheet(
      plan,
      R3,
      grid(sheet, {
        [c.typedAverage]: 3.6,
        [councilCells(plan, '3', 0).typedAverage]: '３．６',
        [councilCells(plan, '3', 0).score]: 1,
      }),
    );
    expect(councilAverage(data.rows[1])?.toFixed(1)).toBe('3.6');
    expect(councilAverage(data.rows[2])?.toFixed(1)).toBe('3.6');
  });

  it('reports bad scores (0, 6, 3.5, text) and bad averages like sheet problems, and leaves them out', () => {
    const sheet = writeCouncilSheet(plan, empty);
    const at = (member: number) => councilCells(plan, '1', member).score;
    const { data, problems } = readCouncilSheet(
      plan,
      R3,
      grid(sheet, {
        [at(0)]: 0,
        [at(1)]: 6,
        [at(2)]: 3.5,
        [at(3)]: 'よい',
        [at(4)]: 3,
        [councilCells(plan, '2', 0).typedAverage]: 7,
      }),
    );
    expect(problems.map((problem) => problem.cell)).toEqual([
      at(0),
      at(1),
      at(2),
      at(3),
      councilCells(plan, '2', 0).typedAverage,
    ]);
    for (const problem of problems) {
      expect(problem).toMatchObject({ severity: 'error', code: 'council-invalid', sheet: '審議会評価' });
      expect(problem.fix).toMatch(/1/);
    }
    expect(problems[2].message).toContain('3.5');
    expect(problems[3].message).toContain('よい');
    expect(councilAverage(data.rows[0])?.toFixed(1)).toBe('3.0');
    expect(councilAverage(data.rows[1])).toBeNull();
  });

  it('holds any number of members up to MAX_MEMBERS, and writes them back', () => {
    const members = Array.from({ length: 12 }, (_, index) => `委員${String.fromCharCode(0x41 + index)}`);
    const data: CouncilSheetData = {
      year: R3,
      members,
      rows: [
        {
          initiativeNo: '5',
          typedAverage: null,
          entries: members.map((member, index) => ({
            member,
            score: (index % 5) + 1,
            comment: index === 11 ? '最後の委員' : '',
          })),
        },
      ],
    };
    const sheet = writeCouncilSheet(plan, data);
    expect(sheet.validations).toHaveLength(12);
    const read = readCouncilSheet(plan, R3, grid(sheet));
    expect(read.problems).toEqual([]);
    expect(read.data.members).toEqual(members);
    const row = read.data.rows.find((each) => each.initiativeNo === '5');
    expect(row?.entries[11].comment).toBe('最後の委員');
    // (15 + 15 + 1 + 2) / 12 = 2.75 → 2.8 half-up
    expect(councilAverage(row ?? { initiativeNo: '5', typedAverage: null, entries: [] })?.toFixed(1)).toBe('2.8');
    expect(parseRange(councilReadRange(plan)).right).toBe(4 + 2 * MAX_MEMBERS);
  });

  it('reads a member pair added by copying only the comment heading', () => {
    const sheet = writeCouncilSheet(plan, empty);
    const sixth = councilCells(plan, '1', 5);
    const commentHeading = sixth.comment.replace(/\d+$/, '5');
    const { data } = readCouncilSheet(
      plan,
      R3,
      grid(sheet, { [sixth.member]: '追加委員', [commentHeading]: '意見等', [sixth.score]: 2 }),
    );
    expect(data.members).toHaveLength(6);
    expect(data.rows[0].entries[5]).toMatchObject({ member: '追加委員', score: 2 });
  });
});
