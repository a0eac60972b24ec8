import { builtInPlan } from '../core/example';
import { progressSheetLayout } from '../core/sheet/progressSheetLayout';
import { SheetDebouncer, touchesScores } from './liveAutofill';

describe('live 自動計算', () => {
  const plan = builtInPlan();
  const r3 = progressSheetLayout(plan).scores.find((year) => year.year === 2021);

  test('only score cells count as edits that matter', () => {
    if (!r3) throw new Error('layout');
    expect(touchesScores(plan, r3.scores.progress)).toBe(true);
    expect(touchesScores(plan, `A1:${r3.scores.creativity}`)).toBe(true);
    expect(touchesScores(plan, `A1,${r3.scores.cooperation}`)).toBe(true);
    expect(touchesScores(plan, r3.total!)).toBe(false);
    expect(touchesScores(plan, 'A1')).toBe(false);
    expect(touchesScores(plan, '3:3')).toBe(false);
  });

  test('a burst of edits becomes one autofill; a busy pane retries later', async () => {
    jest.useFakeTimers();
    try {
      const calls: string[][] = [];
      let busy = true;
      const debouncer = new SheetDebouncer(async (sheets) => {
        if (busy) return false;
        calls.push(sheets);
        return true;
      }, 100);
      debouncer.add('a');
      await jest.advanceTimersByTimeAsync(50);
      debouncer.add('b');
      debouncer.add('a');
      await jest.advanceTimersByTimeAsync(100);
      expect(calls).toEqual([]);
      busy = false;
      await jest.advanceTimersByTimeAsync(100);
      expect(calls).toEqual([['a', 'b']]);
      debouncer.dispose();
    } finally {
      jest.useRealTimers();
    }
  });
});
