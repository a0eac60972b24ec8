/**
 * Progress reporting and cancellation shared by every use case.
 */
import { UserError } from '../core/errors';

/** One progress step: a Japanese phase name and how far it is. */
/** The phase in which a use case starts writing (the ribbon lets 集計 finish once it is there). */
export const WRITING_PHASE = '合計・総合評価を書き込み中';

export interface Progress {
  phase: string;
  done: number;
  total: number;
}

/** Receives progress; hosts show it as a bar (pane) or a line (CLI). */
export type ProgressListener = (progress: Progress) => void;

/** Lets a host ask a long action to stop between steps. */
export interface CancelSignal {
  readonly cancelled: boolean;
}

/** Thrown when the user cancelled; nothing after the last completed step was written. */
export class CancelledError extends UserError {
  override name = 'CancelledError';
  constructor() {
    super('キャンセルしました。', { code: 'cancelled' });
  }
}

/** Options every use case takes. */
export interface RunOptions {
  onProgress?: ProgressListener;
  signal?: CancelSignal;
}

/** A cancel signal the host can trigger. */
export function cancelSource(): { signal: CancelSignal; cancel: () => void } {
  const state = { cancelled: false };
  return { signal: state, cancel: () => (state.cancelled = true) };
}

/** Reports progress and stops if cancelled. */
export function step(options: RunOptions | undefined, phase: string, done: number, total: number): void {
  if (options?.signal?.cancelled) throw new CancelledError();
  options?.onProgress?.({ phase, done, total });
}
