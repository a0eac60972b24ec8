/**
 * The one user-facing error type. Every refusal the user may see (a wrong command line, a file that
 * cannot be read, a plan that does not parse, シート作成 on an item that already has a sheet, a host
 * failure) is a `UserError`: a Japanese message, and where known the sheet, the cell and the fix.
 * The CLI and the pane recognise it by a brand, not by class name, so that a subclass added later
 * (or a copy of this module in another bundle) is shown as its message, never as 「予期しないエラー」.
 */

/** Where an error is and how to fix it; every field optional. */
export interface UserErrorDetails {
  /** A stable kind, for tests and for grouping (e.g. 'usage', 'file-exists'). */
  code?: string;
  /** Sheet name the error is about. */
  sheet?: string | null;
  /** A1 address in that sheet. */
  cell?: string | null;
  /** A file path the error is about. */
  file?: string | null;
  /** What the user can do (Japanese). */
  fix?: string | null;
  /** The underlying error (a file-system or library error), kept for diagnosis. */
  cause?: unknown;
}

/**
 * The code of a UserError that says a workbook failed while being read or written (an unexpected
 * failure of the host or the library, not something wrong in the book): it stops the whole command
 * or action, where a book that is merely unreadable may be skipped.
 */
export const WORKBOOK_FAILED = 'workbook-failed';

const BRAND = Symbol.for('shinchoku.UserError');

/** A failure the user is meant to read: message (Japanese), sheet, cell, file and fix. */
export class UserError extends Error {
  override name = 'UserError';
  readonly code: string;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly file: string | null;
  readonly fix: string | null;
  readonly [BRAND] = true;

  /**
   * @param message - what is wrong, in Japanese
   * @param details - where, how to fix, and the cause
   */
  constructor(message: string, details: UserErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code ?? 'user-error';
    this.sheet = details.sheet ?? null;
    this.cell = details.cell ?? null;
    this.file = details.file ?? null;
    this.fix = details.fix ?? null;
  }
}

/**
 * Whether a thrown value is a UserError, also across bundles and realms (checked by brand).
 * @param error - what was thrown
 * @returns true for a UserError of any subclass
 */
export function isUserError(error: unknown): error is UserError {
  return typeof error === 'object' && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true;
}

/**
 * The whole Japanese text of a user error: message, then where (file, sheet, cell), then the fix.
 * @param error - the error
 * @returns one or two lines
 */
export function describeUserError(error: UserError): string {
  const where = [
    error.file ? `ファイル ${error.file}` : '',
    error.sheet ? `シート「${error.sheet}」` : '',
    error.cell ? `セル ${error.cell}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const fix = error.fix && !error.message.includes(error.fix) ? `\n→ ${error.fix}` : '';
  return `${where ? `${where}: ` : ''}${error.message}${fix}`;
}
