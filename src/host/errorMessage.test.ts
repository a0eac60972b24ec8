import { TemplateError } from '../actions/template';
import { CancelledError } from '../actions/progress';
import { UserError } from '../core/errors';
import { PlanError } from '../core/plan';
import { WorkbookError } from '../workbook/port';
import { describeFailure } from './errorMessage';

describe('describeFailure', () => {
  test.each([
    ['TemplateError', new TemplateError('実践項目 1 のシートは既にあります。')],
    ['PlanError', new PlanError('計画期間が空です。')],
    ['WorkbookError', new WorkbookError('シートがありません。')],
  ])('shows a deliberate refusal (%s) as its own message', (_name, error) => {
    const failure = describeFailure(error);
    expect(failure.cancelled).toBe(false);
    expect(failure.message).toBe(error.message);
    expect(failure.message).not.toContain('予期しない');
  });

  test('any subclass of UserError, even one the pane has never heard of, is shown with where and the fix', () => {
    class SomeNewRefusal extends UserError {
      override name = 'SomeNewRefusal';
    }
    const failure = describeFailure(
      new SomeNewRefusal('点数が範囲外です。', {
        sheet: '1 ガバメント',
        cell: 'D28',
        fix: '0〜3 を入力してください。',
      }),
    );
    expect(failure.message).toBe('シート「1 ガバメント」 セル D28: 点数が範囲外です。\n→ 0〜3 を入力してください。');
  });

  test('cancellation is recognised', () => {
    expect(describeFailure(new CancelledError()).cancelled).toBe(true);
  });

  test('anything else is unexpected', () => {
    expect(describeFailure(new TypeError('x is undefined')).message).toMatch(/^予期しないエラー/);
  });
});
