/**
 * The ribbon's function file: the 「集計」 button on the Home tab runs the same aggregate as the
 * pane (through excelHost), then activates the 総評 tab, whose figures are the result. Office ends
 * a function command after five minutes, so a book whose reading takes longer is left unchanged and
 * handed to the pane. A failure
 * opens a small dialog with the Japanese message (this same page with ?message=…), since a
 * function command has no other way to speak to the user. event.completed() is always called.
 */
import { SUMMARY_SHEET_NAMES } from '../core/summaryTabs';
import { describeFailure } from '../host/errorMessage';
import { createOfficeHost } from '../host/excelHost';
import { LABELS } from '../host/labels';
import { CancelledError, WRITING_PHASE, type PaneHost } from '../host/PaneHost';

/** The name manifest.xml's <FunctionName> calls. */
export const AGGREGATE_FUNCTION = 'runAggregate';

/** Dialog size in percent of the Excel window. */
const DIALOG_SIZE = { height: 30, width: 30 };

/**
 * Office ends a function command five minutes after the click. The ribbon's 集計 reads for at most
 * this long; a book that takes longer is handed to the pane, which shows progress and has no limit.
 */
export const RIBBON_READ_BUDGET_MS = 3 * 60_000;

/** What the ribbon says when the book is too large for it (nothing was written). */
export const HAND_OFF_MESSAGE = LABELS.ribbon.handOff;

/**
 * Runs 集計 and shows its result by activating the 総評 tab; stops before writing anything when
 * reading outlasts RIBBON_READ_BUDGET_MS.
 * @param host - the workbook (Excel's in production, a fake in tests)
 * @param clock - milliseconds now (tests pass their own)
 * @returns the message to show the user on failure, or null on success
 */
export async function aggregateAndShow(host: PaneHost, clock: () => number = Date.now): Promise<string | null> {
  const started = clock();
  let writing = false;
  const signal = {
    get cancelled(): boolean {
      return !writing && clock() - started > RIBBON_READ_BUDGET_MS;
    },
  };
  try {
    const result = await host.aggregate({
      signal,
      onProgress: (progress) => void (writing ||= progress.phase === WRITING_PHASE),
    });
    const review = result.summarySheets.find((name) => name === SUMMARY_SHEET_NAMES.review) ?? result.summarySheets[0];
    if (review) await host.activate(review, 'A1');
    return null;
  } catch (error) {
    if (error instanceof CancelledError && signal.cancelled) return HAND_OFF_MESSAGE;
    return describeFailure(error).message;
  }
}

/** Shows a message in a small dialog (this page in message mode). */
function showMessage(text: string): Promise<void> {
  return new Promise((resolve) => {
    const url = `${window.location.origin}${window.location.pathname}?message=${encodeURIComponent(text)}`;
    Office.context.ui.displayDialogAsync(url, { ...DIALOG_SIZE, displayInIframe: true }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        console.error(LABELS.ribbon.log, text);
        resolve();
        return;
      }
      const dialog = opened.value;
      const close = () => {
        dialog.close();
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

async function runAggregate(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const failure = await aggregateAndShow(createOfficeHost());
    if (failure) await showMessage(LABELS.ribbon.failed(failure));
  } finally {
    event.completed();
  }
}

/** Message mode: the dialog opened by showMessage shows its text and a 閉じる button. */
function renderMessage(text: string): void {
  const body = document.getElementById('message');
  if (body) body.textContent = text;
  const button = document.getElementById('close');
  if (button) {
    button.hidden = false;
    button.addEventListener('click', () => Office.context.ui.messageParent('close'));
  }
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    const message = new URLSearchParams(window.location.search).get('message');
    if (message !== null) renderMessage(message);
    else Office.actions.associate(AGGREGATE_FUNCTION, runAggregate);
  });
}
