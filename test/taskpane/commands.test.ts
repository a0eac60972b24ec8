/**
 * The ribbon's 「集計」 over a stub host and over the demo's fake Excel (the same path as in Excel:
 * excelHost → OfficeWorkbook → Excel.run).
 */
import { CancelledError } from '../../src/actions/progress';
import { createExample } from '../../src/actions/template';
import { aggregateAndShow } from '../../src/commands/commands';
import { FakeExcel } from '../../src/demo/fakeExcel';
import { createHost } from '../../src/host/excelHost';
import { stubHost } from './stubHost';

describe('the ribbon command', () => {
  test('runs 集計 and shows 総評; a failure is a message, not a throw', async () => {
    const host = stubHost();
    expect(await aggregateAndShow(host)).toBeNull();
    expect(host.activated).toEqual([['総評', 'A1']]);
    const failing = stubHost({ aggregate: async () => Promise.reject(new CancelledError()) });
    expect(await aggregateAndShow(failing)).toContain('キャンセルしました');
  });

  test('over the fake Excel: the example workbook is aggregated and 総評 is active', async () => {
    const fake = new FakeExcel();
    const host = createHost({ run: fake.run, requirements: fake.requirements });
    await createExample(host.workbook);
    expect(await aggregateAndShow(host)).toBeNull();
    const snapshot = fake.snapshot();
    expect(snapshot.activeSheet).toBe('総評');
    expect(snapshot.sheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(['テーマ別・評価集計', '取組項目別の評価']),
    );
  });

  test('an empty workbook gives the reader’s Japanese message', async () => {
    const fake = new FakeExcel();
    const message = await aggregateAndShow(createHost({ run: fake.run, requirements: fake.requirements }));
    expect(message).toContain('プラン定義');
  });
});
