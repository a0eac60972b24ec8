/**
 * The ribbon's 「集計」 over a stub host and over Microsoft's office.js with the fake Excel as its host
 * (the same path as in Excel: excelHost → OfficeWorkbook → Excel.run); a book too large for the
 * function command's five minutes is left unchanged and handed to the pane.
 */
import { CancelledError, step, type RunOptions } from '../../src/actions/progress';
import { createExample } from '../../src/actions/template';
import { aggregateAndShow, HAND_OFF_MESSAGE, RIBBON_READ_BUDGET_MS } from '../../src/commands/commands';
import { FakeExcel } from '../../src/demo/fakeExcel';
import { createHost } from '../../src/host/excelHost';
import { officeJsOver } from '../excel/officeJs';
import { aggregateResult, stubHost } from './stubHost';

describe('the ribbon command', () => {
  test('runs 集計 and shows 総評; a failure is a message, not a throw', async () => {
    const host = stubHost();
    expect(await aggregateAndShow(host)).toBeNull();
    expect(host.activated).toEqual([['総評', 'A1']]);
    const failing = stubHost({ aggregate: async () => Promise.reject(new CancelledError()) });
    expect(await aggregateAndShow(failing)).toContain('キャンセルしました');
  });

  test('over office.js and the fake Excel: the example workbook is aggregated and 総評 is active', async () => {
    const fake = new FakeExcel();
    const office = officeJsOver(fake);
    const host = createHost({ run: office.run, requirements: office.requirements });
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
    const office = officeJsOver(fake);
    const message = await aggregateAndShow(createHost({ run: office.run, requirements: office.requirements }));
    expect(message).toContain('プラン定義');
  });

  test('a book whose reading outlasts the budget is left unchanged and handed to the pane', async () => {
    let now = 0;
    const written: string[] = [];
    const host = stubHost({
      aggregate: async (options?: RunOptions) => {
        step(options, 'シートを読み込み中', 0, 7000);
        now += RIBBON_READ_BUDGET_MS + 1; // a long read
        step(options, 'シートを確認中', 1, 7000);
        written.push('合計');
        return aggregateResult();
      },
    });
    expect(await aggregateAndShow(host, () => now)).toBe(HAND_OFF_MESSAGE);
    expect(written).toEqual([]);
    expect(host.activated).toEqual([]);
  });

  test('once writing has begun, the ribbon lets 集計 finish', async () => {
    let now = 0;
    const host = stubHost({
      aggregate: async (options?: RunOptions) => {
        step(options, '合計・総合評価を書き込み中', 0, 1);
        now += RIBBON_READ_BUDGET_MS + 1;
        step(options, '集計表を作成中', 0, 1);
        return aggregateResult();
      },
    });
    expect(await aggregateAndShow(host, () => now)).toBeNull();
    expect(host.activated).toEqual([['総評', 'A1']]);
  });
});
