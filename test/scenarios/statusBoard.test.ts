/**
 * The status board (issue 11): per department 未提出・入力中・完了, per item the fields of the year
 * still blank; items that ended before the year are not on it.
 */
import { groupByDepartment, writeDepartmentBook } from '../../src/actions/distribute';
import { readWorkbook } from '../../src/actions/readWorkbook';
import { statusBoard } from '../../src/actions/status';
import { createTemplate } from '../../src/actions/template';
import { builtInPlan } from '../../src/core/example';
import { parseFiscalYear } from '../../src/core/fiscalYear';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { exampleBook } from '../support/exampleBook';

describe('status board', () => {
  it('shows a department that did not return, one still filling (with the blank fields) and the complete ones', async () => {
    const example = await readWorkbook(await exampleBook(), { purpose: 'full' });
    const groups = groupByDepartment(example);
    const books = [];
    for (const group of groups) {
      const port = new MemoryWorkbook();
      await writeDepartmentBook(port, example, group);
      books.push({ label: `${group.department}.xlsx`, port, group });
    }
    const filling = books.find((book) => book.group.department === '会計課')!;
    const layout = progressSheetLayout(example.plan);
    const r3 = layout.scores.find((entry) => entry.year === example.year)!.scores;
    await filling.port.writeCells([
      {
        sheet: filling.group.sheets[0].name,
        cells: [
          { address: r3.progress, value: null },
          { address: layout.reasons.overall, value: '' },
        ],
      },
    ]);
    const returned = [];
    for (const book of books.filter((each) => each.group.department !== '議会事務局'))
      returned.push({ label: book.label, reading: await readWorkbook(book.port, { purpose: 'full' }) });
    const board = statusBoard(returned);
    const state = (name: string) => board.departments.find((entry) => entry.department === name);
    expect(board.departments).toHaveLength(38);
    expect(state('議会事務局')).toMatchObject({ state: '未提出' });
    expect(state('会計課')).toMatchObject({ state: '入力中', items: [{ itemNo: '57', book: '会計課.xlsx' }] });
    const progress = example.plan.criteria.find((criterion) => criterion.key === 'progress')!.label;
    expect(state('会計課')!.items[0].blank).toEqual([`自己評価（${progress}）`, '評価の理由（総合）']);
    expect(board.departments.filter((entry) => entry.state === '完了')).toHaveLength(36);
  });

  it('leaves out the items that ended before the year', async () => {
    const book = new MemoryWorkbook();
    await createTemplate(book, { plan: builtInPlan(), year: parseFiscalYear('R4') as number });
    const board = statusBoard([{ label: 'R4.xlsx', reading: await readWorkbook(book, { purpose: 'full' }) }]);
    expect(board.departments.flatMap((entry) => entry.items)).toHaveLength(61);
    expect(board.departments.every((entry) => entry.state === '入力中')).toBe(true);
  });
});
