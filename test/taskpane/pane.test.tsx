/**
 * @jest-environment jsdom
 */
/**
 * The task pane's components under jsdom with a stub host: the result card, the problems list,
 * progress with cancel, and failures shown as a message without breaking the pane.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { step, type RunOptions } from '../../src/actions/progress';
import { UserError } from '../../src/core/errors';
import { ProblemsList } from '../../src/taskpane/components/ProblemsList';
import { ResultCard } from '../../src/taskpane/components/ResultCard';
import { PaneApp } from '../../src/taskpane/PaneApp';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { aggregateResult, stubHost } from './stubHost';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
beforeAll(() => {
  window.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

function inTheme(node: React.ReactNode) {
  return render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

describe('ResultCard', () => {
  test('shows the counts, opens each tab, and undoes', () => {
    const opened: string[] = [];
    const onUndo = jest.fn();
    inTheme(<ResultCard result={aggregateResult()} onOpenSheet={(sheet) => opened.push(sheet)} onUndo={onUndo} />);
    expect(screen.getByTestId('result-items').textContent).toBe('実践項目 70 件（今年度の評価 66 件）');
    expect(within(screen.getByTestId('grade-A')).getByText('25')).toBeTruthy();
    expect(within(screen.getByTestId('grade-C')).getByText('Ｃ（前年 7）')).toBeTruthy();
    expect(screen.getByTestId('result-problems').textContent).toBe('問題 2 件（エラー 1・注意 1）');
    fireEvent.click(screen.getByRole('button', { name: 'テーマ別・評価集計' }));
    fireEvent.click(screen.getByRole('button', { name: '取組項目別の評価' }));
    expect(opened).toEqual(['テーマ別・評価集計', '取組項目別の評価']);
    fireEvent.click(screen.getByRole('button', { name: '元に戻す' }));
    expect(onUndo).toHaveBeenCalledTimes(1);
  });
});

describe('ProblemsList', () => {
  test('a problem on a sheet is a button that selects its cell; a workbook-wide one is not', () => {
    const selected: unknown[] = [];
    const problems = aggregateResult().problems;
    inTheme(<ProblemsList problems={problems} onSelect={(problem) => selected.push(problem)} />);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByText('エラー')).toBeTruthy();
    expect(within(items[1]).getByText('注意')).toBeTruthy();
    expect(within(items[1]).queryByRole('button')).toBeNull();
    fireEvent.click(within(items[0]).getByRole('button'));
    expect(selected).toEqual([problems[0]]);
  });

  test('says so when there is nothing', () => {
    inTheme(<ProblemsList problems={[]} onSelect={() => undefined} />);
    expect(screen.getByText('問題は見つかりませんでした。')).toBeTruthy();
  });
});

describe('PaneApp', () => {
  test('shows the plan, the year and the API level', async () => {
    render(
      <PaneApp host={stubHost({ apiVersion: '1.8', supports: (version) => Number(version.split('.')[1]) <= 8 })} />,
    );
    await waitFor(() => expect(screen.getByTestId('info-plan').textContent).toContain('行政創革プラン'));
    expect(screen.getByTestId('info-year').textContent).toBe('令和３年度末');
    expect(screen.getByTestId('info-api').textContent).toBe('ExcelApi 1.8');
    expect(screen.getAllByText(/この Excel では使えません（ExcelApi 1\.9 以上が必要です）/).length).toBeGreaterThan(0);
  });

  test('集計 shows its progress and can be cancelled; the pane stays usable', async () => {
    let release: () => void = () => undefined;
    const host = stubHost({
      aggregate: async (options?: RunOptions) => {
        step(options, 'シートを確認中', 12, 70);
        await new Promise<void>((resolve) => (release = resolve));
        step(options, '集計中', 0, 1); // throws CancelledError once cancelled
        return aggregateResult();
      },
    });
    render(<PaneApp host={host} />);
    await waitFor(() => expect(screen.getByTestId('info-plan').textContent).toContain('行政創革プラン'));
    fireEvent.click(screen.getByTestId('aggregate-button'));
    const progress = await screen.findByTestId('progress');
    expect(progress.textContent).toContain('シートを確認中（12 / 70）');
    expect((screen.getByTestId('aggregate-button') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(progress).getByRole('button', { name: 'キャンセル' }));
    await act(async () => release());
    await waitFor(() => expect(screen.getByTestId('message').textContent).toContain('キャンセルしました'));
    expect(screen.queryByTestId('progress')).toBeNull();
    expect(screen.queryByTestId('result-card')).toBeNull();
    expect((screen.getByTestId('aggregate-button') as HTMLButtonElement).disabled).toBe(false);
  });

  test('a failure becomes a Japanese message, and the next run works', async () => {
    let fail = true;
    const host = stubHost({
      aggregate: async () => {
        if (fail) throw Object.assign(new Error('シート「プラン定義」がありません。'), { name: 'WorkbookReadError' });
        return aggregateResult();
      },
    });
    render(<PaneApp host={host} />);
    await waitFor(() => expect((screen.getByTestId('aggregate-button') as HTMLButtonElement).disabled).toBe(false)); // the info has loaded
    fireEvent.click(screen.getByTestId('aggregate-button'));
    await waitFor(() =>
      expect(screen.getByTestId('message').textContent).toContain('シート「プラン定義」がありません。'),
    );
    fail = false;
    fireEvent.click(screen.getByTestId('aggregate-button'));
    await screen.findByTestId('result-card');
    fireEvent.click(within(screen.getByTestId('result-card')).getByRole('button', { name: '総評' }));
    await waitFor(() => expect(host.activated).toEqual([['総評', 'A1']]));
  });

  test('a refusal to start live 自動計算 is shown as its own Japanese message', async () => {
    const host = stubHost({
      onChanged: async () => {
        throw new UserError('このブックでは変更を監視できません。', { fix: 'ブックを保存して開き直してください。' });
      },
    });
    render(<PaneApp host={host} />);
    await waitFor(() => expect(screen.getByTestId('info-plan').textContent).toContain('行政創革プラン'));
    fireEvent.click(screen.getByRole('button', { name: '自動計算' }));
    await waitFor(() => expect((screen.getByTestId('live-toggle') as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('live-toggle'));
    await waitFor(() => expect(screen.getByTestId('message').textContent).toContain('変更を監視できません'));
    expect(screen.getByTestId('message').textContent).toContain('ブックを保存して開き直してください。');
    expect(screen.getByTestId('message').textContent).not.toContain('予期しない');
  });

  test('clicking a problem of 入力チェック selects its cell', async () => {
    const host = stubHost({
      check: async () => ({
        year: 2021,
        sheetCount: 70,
        problems: aggregateResult().problems,
        errorCount: 1,
        warningCount: 1,
      }),
    });
    render(<PaneApp host={host} />);
    await waitFor(() => expect((screen.getByTestId('check-button') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('check-button'));
    expect((await screen.findByTestId('problem-count')).textContent).toBe('エラー 1 件・注意 1 件');
    fireEvent.click(screen.getByRole('button', { name: /範囲外です/ }));
    await waitFor(() => expect(host.activated).toEqual([['1 ガバメントクラウドファンディングの実施', 'E28']]));
  });
});
