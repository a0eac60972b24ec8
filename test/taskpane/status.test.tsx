/**
 * @jest-environment jsdom
 */
/**
 * The pane's 提出状況 section: shown when the host has it; the board's counts and, for each
 * department not done, its items with the blank fields or a missing sheet.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { StatusBoard } from '../../src/actions/status';
import { EXAMPLE_YEAR, builtInPlan } from '../../src/core/example';
import { PaneApp } from '../../src/taskpane/PaneApp';
import { stubHost } from './stubHost';

beforeAll(() => {
  window.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

function board(): StatusBoard {
  return {
    plan: builtInPlan(),
    year: EXAMPLE_YEAR,
    departments: [
      {
        department: '会計課',
        state: '完了',
        items: [{ itemNo: '57', name: '会計事務', book: 'このブック', blank: [] }],
      },
      {
        department: '総務課',
        state: '入力中',
        items: [
          { itemNo: '5', name: '文書管理', book: 'このブック', blank: ['自己評価（進捗度）', '評価の理由（総合）'] },
        ],
      },
      { department: '議会事務局', state: '未提出', items: [{ itemNo: '56', name: '議会', book: null, blank: [] }] },
    ],
  };
}

describe('提出状況', () => {
  test('shows the counts and what is left per department', async () => {
    const status = jest.fn(async () => board());
    render(<PaneApp host={stubHost({ status })} />);
    fireEvent.click(screen.getByRole('button', { name: '提出状況' }));
    fireEvent.click(await screen.findByTestId('status-button'));
    await waitFor(() => expect(screen.getByTestId('status-counts').textContent).toBe('R3: 完了 1・入力中 1・未提出 1'));
    const list = screen.getByTestId('status-list').textContent ?? '';
    expect(list).toContain('入力中 総務課');
    expect(list).toContain('小№ 5 文書管理: 未入力: 自己評価（進捗度）、評価の理由（総合）');
    expect(list).toContain('未提出 議会事務局');
    expect(list).toContain('小№ 56 議会: シートがありません');
    expect(list).not.toContain('会計課');
    expect(status).toHaveBeenCalledTimes(1);
  });

  test('is not offered by a host without it', () => {
    render(<PaneApp host={stubHost()} />);
    expect(screen.queryByRole('button', { name: '提出状況' })).toBeNull();
  });
});
