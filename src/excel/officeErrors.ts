/**
 * Office.js failures by Microsoft's documented codes: which ones a batch waits out and retries,
 * and the Japanese message for the rest.
 *
 * - Cell edit mode: a batch sent while the user edits a cell fails with InvalidOperationInCellEditMode,
 *   or (per the delay-for-cell-edit article) with InvalidOperation, which then names no member. Hosts with ExcelApi 1.11 are
 *   asked to wait instead (`delayForCellEdit`).
 * - Focus change: when another workbook gains focus mid-call, `WorksheetCollection.add`,
 *   `Worksheet.activate`, `Range.select`, `Worksheet.gridlines` and the freeze-pane methods throw
 *   GeneralException, `Worksheet.delete` and the selection getters InvalidSelection (the Excel
 *   troubleshooting page). Only a GeneralException located at one of those members counts.
 * - Request and answer size (Excel on the web's 5 MB): refused before anything is applied.
 */
import { WorkbookError } from '../workbook/port';

/** Why a failed batch may be tried again, or null when it may not. */
export type RetryReason = 'cell-edit' | 'focus';

/** The Office.js error code of a failure, if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Where Excel says a failure happened ("WorksheetCollection.add"), if it says. */
export function errorLocation(error: unknown): string {
  const location = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation;
  return typeof location === 'string' ? location : '';
}

export const PAYLOAD_CODES: readonly string[] = ['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded'];

/** Members that throw GeneralException when another workbook takes the focus during the call. */
const FOCUS_MEMBERS = [
  'WorksheetCollection.add',
  'Worksheet.activate',
  'Worksheet.gridlines',
  'Worksheet.showGridlines',
  'Worksheet.showHeadings',
  'Range.select',
  'WorksheetFreezePanes.',
  'Chart.activate',
];

/**
 * Whether a failed batch may be tried again, and why.
 * @param error - what the batch threw
 * @returns 'cell-edit', 'focus' or null
 */
export function retryReason(error: unknown): RetryReason | null {
  const code = errorCode(error);
  if (code === 'InvalidOperationInCellEditMode') return 'cell-edit';
  // A refusal for cell editing comes before any action runs, so it names no member; an
  // InvalidOperation of an action (deleting the last visible sheet) names it and is final.
  if (code === 'InvalidOperation' && errorLocation(error) === '') return 'cell-edit';
  if (code === 'InvalidSelection') return 'focus';
  if (code === 'GeneralException') {
    const location = errorLocation(error);
    if (FOCUS_MEMBERS.some((member) => location.startsWith(member))) return 'focus';
  }
  return null;
}

const MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode:
    'セルを編集中のため Excel を操作できませんでした。Enter キーで入力を確定してから、もう一度実行してください。',
  RequestPayloadSizeLimitExceeded: 'データ量が多すぎて Excel に送れませんでした。シートを分けて実行してください。',
  ResponsePayloadSizeLimitExceeded:
    'データ量が多すぎて Excel から読み取れませんでした。シートを分けて実行してください。',
  AccessDenied: 'シートまたはブックが保護されているため、変更できませんでした。',
  ItemAlreadyExists: '同じ名前のシートがすでにあります。',
  ApiNotFound: 'この Excel では使えない機能が含まれていました。Microsoft 365 または Office 2021 以降でお試しください。',
};

const FOCUS_MESSAGE =
  '別のブックに切り替わったため、Excel が操作を受け付けませんでした。このブックを選んだまま、もう一度実行してください。';

/**
 * A WorkbookError with a Japanese message for an Office.js failure.
 * @param error - what Office.js threw
 * @returns the error to show the user (the original is its cause)
 */
export function workbookError(error: unknown): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  const reason = retryReason(error);
  const message =
    reason === 'focus'
      ? FOCUS_MESSAGE
      : reason === 'cell-edit'
        ? MESSAGES.InvalidOperationInCellEditMode
        : ((code && MESSAGES[code]) ?? `Excel の操作に失敗しました（${code ?? 'Error'}: ${detail}）。`);
  return new WorkbookError(message, { cause: error });
}
