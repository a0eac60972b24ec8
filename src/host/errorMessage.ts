/**
 * The Japanese message the pane shows for a failure. Every refusal of ours is a UserError (any
 * subclass, recognised by brand) and is shown as its message with where and how to fix it; anything
 * else is unexpected and says so.
 */
import { describeUserError, isUserError } from '../core/errors';
import { LABELS } from './labels';

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
  if (isUserError(error) && error.code === 'cancelled') {
    return { cancelled: true, message: LABELS.cancelled };
  }
  if (isUserError(error)) return { cancelled: false, message: describeUserError(error) };
  const message = error instanceof Error ? error.message : String(error);
  return { cancelled: false, message: LABELS.unexpected(message) };
}
