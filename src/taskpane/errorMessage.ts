/**
 * The Japanese message the pane shows for a failure. Our errors (workbook, plan, reading) already
 * speak Japanese; anything else is unexpected and says so.
 */
import { CancelledError } from '../actions/progress';

/** A failure turned into what the pane shows. */
export interface PaneFailure {
  cancelled: boolean;
  message: string;
}

/**
 * Describes a failure for the user.
 * @param error - what was thrown
 * @returns whether it was a cancellation, and the message
 */
export function describeFailure(error: unknown): PaneFailure {
  if (error instanceof CancelledError || (error as { name?: unknown } | null)?.name === 'CancelledError') {
    return { cancelled: true, message: 'キャンセルしました。途中まで書き込んだ内容は残っています。' };
  }
  const known = ['WorkbookError', 'WorkbookReadError', 'PlanError'];
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof name === 'string' && known.includes(name)) return { cancelled: false, message };
  return { cancelled: false, message: `予期しないエラーが発生しました。もう一度お試しください（${message}）。` };
}
