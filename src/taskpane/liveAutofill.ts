/**
 * Live 自動計算: which edits matter (a score cell of a 進捗状況シート) and a debounce that gathers
 * the sheets edited in a burst (the user tabbing through four scores) into one autofill.
 *
 * Never fights the user's typing: Excel reports a change only after the user commits a cell,
 * the write waits for a quiet moment, touches only 合計/総合評価 (never the cell being typed
 * in), and the port itself waits while a cell is in edit mode (delayForCellEdit or retries).
 */
import { parseCell, parseRange } from '../core/address';
import type { Plan } from '../core/plan';
import { progressSheetLayout } from '../core/sheet/progressSheetLayout';

/** Quiet time after the last score edit before the sheets are recalculated. */
export const LIVE_DEBOUNCE_MS = 800;

/**
 * Whether an edited range covers a score cell (進捗度・連携度・効率性・創造性 of any year).
 * @param plan - the workbook's plan (its layout places the score cells)
 * @param address - the edited range ("D40", "D40:H43", or several areas joined by commas)
 * @returns true when a score cell was edited
 */
export function touchesScores(plan: Plan, address: string): boolean {
  const cells = progressSheetLayout(plan).scores.flatMap((year) =>
    Object.values(year.scores).map((cell) => parseCell(cell)),
  );
  return address.split(',').some((area) => {
    let bounds;
    try {
      bounds = parseRange(area.trim());
    } catch {
      return false; // whole rows or columns ("3:3", "A:A"): not a score edit
    }
    return cells.some(
      ({ row, column }) => row >= bounds.top && row <= bounds.bottom && column >= bounds.left && column <= bounds.right,
    );
  });
}

/** Gathers sheet names and calls `flush` once no new name came for `delay` ms. */
export class SheetDebouncer {
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly flush: (sheets: string[]) => Promise<boolean>,
    private readonly delay = LIVE_DEBOUNCE_MS,
  ) {}

  /** Notes an edited sheet and restarts the quiet-time clock. */
  add(sheet: string): void {
    this.pending.add(sheet);
    this.schedule();
  }

  /** Stops without flushing. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fire(), this.delay);
  }

  private async fire(): Promise<void> {
    this.timer = null;
    const sheets = [...this.pending];
    this.pending.clear();
    if (sheets.length === 0) return;
    // The pane was busy with another action: keep the sheets and try again after a pause.
    if (!(await this.flush(sheets))) {
      for (const sheet of sheets) this.pending.add(sheet);
      this.schedule();
    }
  }
}
