/**
 * The sheet's own formulas, as Excel evaluates them while a department types (the fake evaluates
 * the functions the product writes): 合計 and 総合評価 follow the scores, and stay blank while a
 * score is missing or out of range instead of showing a wrong total.
 */
import { exampleWorkbookData } from '../../src/core/exampleSheets';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { writeProgressSheet } from '../../src/core/sheet/writeProgressSheet';
import { FakeExcel } from '../../src/demo/fakeExcel';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import { officeJsOver } from './officeJs';

describe('合計 and 総合評価 formulas on a sheet being typed into', () => {
  it('follow the scores and go blank for a score out of range or missing', async () => {
    const { plan, sheets } = exampleWorkbookData();
    const layout = progressSheetLayout(plan);
    const fake = new FakeExcel();
    const port = new OfficeWorkbook({ run: officeJsOver(fake).run, requirements: fake.requirements });
    const spec = writeProgressSheet(plan, sheets[6]); // item 7: R3 scores give Ｂ
    await port.putSheets([spec]);
    const r3 = layout.scores[1];
    const read = async () =>
      (await port.readRanges([{ sheet: spec.name, address: `${r3.total}:${r3.grade}` }]))[0].values.map(
        (row) => row[0],
      );
    const before = await read();
    expect(before[1]).toMatch(/^[ＡＢＣＤ]$/);

    await fake.simulateUserEdit(spec.name, r3.scores.progress, [[3]]);
    await fake.simulateUserEdit(spec.name, r3.scores.cooperation, [[3]]);
    await fake.simulateUserEdit(spec.name, r3.scores.efficiency, [[3]]);
    await fake.simulateUserEdit(spec.name, r3.scores.creativity, [[3]]);
    expect(await read()).toEqual([12, 'Ａ']);

    await fake.simulateUserEdit(spec.name, r3.scores.progress, [[4]]);
    expect(await read()).toEqual([null, null]);
    await fake.simulateUserEdit(spec.name, r3.scores.progress, [['']]);
    expect(await read()).toEqual([null, null]);
    await fake.simulateUserEdit(spec.name, r3.scores.progress, [[1]]);
    expect(await read()).toEqual([10, 'Ｂ']); // 合計 10 but 進捗度 1: the gate gives Ｂ
  });
});
