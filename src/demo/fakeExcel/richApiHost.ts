/**
 * The fake Excel as the *host* of Microsoft's office.js: it answers the Rich API requests that
 * the real Excel client library (npm `@microsoft/office-js`) builds, as Excel does.
 *
 * office.js turns every proxy, property set, method call and `load` of a batch into one request
 * body — `{ Actions: [...], ObjectPaths: {...} }` — and hands it, as the fifth entry of a message
 * array, to `OSF.DDA.RichApi.executeRichApiRequestAsync(message, callback)`; the host answers
 * `{ Results: [{ ActionId, Value }], Error? }`. So `bindOfficeJs` replaces that one function (and
 * the Rich API message manager that delivers events) in a window where the library is loaded:
 * every request, `load`, `sync`, error and null object is then Microsoft's own code, and only
 * the workbook behind it is ours.
 *
 * How a request is answered: each object path is resolved to the fake's proxy of that object
 * (./sheetProxies, ./rangeProxies: the one model of Excel's behaviour), each action replays the
 * same call on it, then one `sync` of the fake applies them in order. The request and answer
 * texts are measured as sent (UTF-8 bytes) and refused above `payloadLimit` like Excel on the web
 * (OSF codes 5103/5104, which office.js maps to Request/ResponsePayloadSizeLimitExceeded); a
 * batch while the user edits a cell fails with OSF code 5004 (office.js: InvalidOperationInCellEditMode)
 * or with `InvalidOperation`, unless the run asked to wait (`delayForCellEdit`, request flag 64).
 */
import { utf8Length } from '../../excel/utf8';
import { FakeOfficeError } from './errors';
import { FakeRequestContext, type FakeExcel } from './FakeExcel';

import { errorBody, Replay, type ReplayHost, type RequestBody } from './richApiReplay';

/** What `executeRichApiRequestAsync` calls back with (OSF's AsyncResult, reduced). */
export type RichApiResult =
  | { status: 'succeeded'; value: { data: [number, string[], string] } }
  | { status: 'failed'; error: { code: number; message: string } };

/** A Rich API event message (category 65536 = Rich API events). */
interface RichApiMessage {
  entries: { messageCategory: number; messageType: number; targetId: string; message: string }[];
}

/** OSF error codes the host answers with (office.js RichApiMessageUtility). */
const OSF_CELL_EDIT = 5004;
const OSF_REQUEST_TOO_LARGE = 5103;
const OSF_RESPONSE_TOO_LARGE = 5104;
/** Request flag office.js sets for `Excel.run({ delayForCellEdit: true }, …)`. */
const DELAY_FOR_CELL_EDIT_FLAG = 64;
/** office.js event type of WorksheetCollection.onChanged, and its target. */
const WORKSHEETS_CHANGED_EVENT = 10;
const WORKBOOK_TARGET = 'Workbook';

/** The fake Excel answering office.js: see the file comment. */
export class RichApiHost implements ReplayHost {
  private readonly references = new Map<string, unknown>();
  private nextReference = 1;
  private readonly listeners: ((message: RichApiMessage) => void)[] = [];
  private changeHandler: ((event: Excel.WorksheetChangedEventArgs) => Promise<unknown>) | null = null;
  /**
   * One context for every request: objects kept by reference live across requests (office.js
   * addresses them by `_ReferenceId`), so their proxies must queue on the context that syncs next.
   */
  private readonly context: FakeRequestContext;

  constructor(readonly fake: FakeExcel) {
    this.context = new FakeRequestContext(fake, false, true);
  }

  /** Stands in for `OSF.DDA.RichApi.executeRichApiRequestAsync`. */
  readonly execute = (message: unknown[], callback: (result: RichApiResult) => void): void => {
    // Excel answers asynchronously; office.js relies on that.
    this.fake.activeRequests++;
    void Promise.resolve()
      .then(() => this.answer(String(message[4]), Number(message[6])))
      .catch((error: unknown) => succeeded({ Error: errorBody(error) }))
      .then((result) => {
        this.fake.activeRequests--;
        callback(result);
      });
  };

  /** Stands in for `OSF.DDA.RichApi.richApiMessageManager` (events from host to add-in). */
  readonly messageManager = {
    register: (handler: (message: RichApiMessage) => void): Promise<void> => {
      this.listeners.push(handler);
      return Promise.resolve();
    },
    removeHandlerAsync: (
      _type: string,
      options: { handler: (message: RichApiMessage) => void },
      callback?: (result: { status: string }) => void,
    ): void => {
      const index = this.listeners.indexOf(options.handler);
      if (index >= 0) this.listeners.splice(index, 1);
      callback?.({ status: 'succeeded' });
    },
  };

  private async answer(text: string, flags: number): Promise<RichApiResult> {
    const fake = this.fake;
    const requestBytes = utf8Length(text);
    fake.stats.lastRequestBytes = requestBytes;
    fake.stats.maxRequestBytes = Math.max(fake.stats.maxRequestBytes, requestBytes);
    if (requestBytes > fake.payloadLimit) {
      fake.stats.refusedRequests++;
      return failed(OSF_REQUEST_TOO_LARGE, `The request payload size (${requestBytes} bytes) has exceeded the limit.`);
    }
    const delay = (flags & DELAY_FOR_CELL_EDIT_FLAG) !== 0 && fake.supports('1.11');
    if (fake.cellEditSyncs > 0) {
      if (delay) {
        // Excel holds the batch until the user leaves the cell; the fake lets the user finish.
        fake.cellEditSyncs = 0;
        fake.stats.delayedForCellEdit++;
      } else {
        fake.cellEditSyncs--;
        if (fake.cellEditCode === 'InvalidOperationInCellEditMode')
          return failed(OSF_CELL_EDIT, 'The API call is not valid in the current context.');
        return succeeded({
          Error: errorBody(new FakeOfficeError('InvalidOperation', 'Excel is in cell-editing mode.')),
        });
      }
    }
    const replay = new Replay(this, this.context, JSON.parse(text) as RequestBody);
    const answerText = JSON.stringify(await replay.run());
    const responseBytes = utf8Length(answerText);
    fake.stats.lastResponseBytes = responseBytes;
    fake.stats.maxResponseBytes = Math.max(fake.stats.maxResponseBytes, responseBytes);
    if (responseBytes > fake.payloadLimit) {
      fake.stats.refusedResponses++;
      return failed(
        OSF_RESPONSE_TOO_LARGE,
        `The response payload size (${responseBytes} bytes) has exceeded the limit.`,
      );
    }
    return { status: 'succeeded', value: { data: [200, [], answerText] } };
  }

  /** Keeps an object for later requests (`_KeepReference`); office.js then addresses it by id. */
  keep(proxy: unknown): string {
    const id = `{fake-ref-${this.nextReference++}}`;
    this.references.set(id, proxy);
    return id;
  }

  referenced(id: string): unknown {
    if (!this.references.has(id)) throw new FakeOfficeError('InvalidArgument', `Unknown reference ${id}.`);
    return this.references.get(id);
  }

  release(id: string): void {
    this.references.delete(id);
  }

  /** `_RegisterDataChangedEvent` / `_UnregisterDataChangedEvent` of the worksheet collection. */
  changedEvents(worksheets: Record<string, unknown>, on: boolean): void {
    const events = worksheets.onChanged as {
      add(handler: (event: Excel.WorksheetChangedEventArgs) => Promise<unknown>): { remove(): void };
    };
    if (on && !this.changeHandler) {
      this.changeHandler = async (event) => this.post(event);
      events.add(this.changeHandler);
    } else if (!on && this.changeHandler) {
      this.fake.handlers.delete(this.changeHandler);
      this.changeHandler = null;
    }
  }

  private post(event: Excel.WorksheetChangedEventArgs): void {
    const message: RichApiMessage = {
      entries: [
        {
          messageCategory: 65536,
          messageType: WORKSHEETS_CHANGED_EVENT,
          targetId: WORKBOOK_TARGET,
          message: JSON.stringify(event),
        },
      ],
    };
    for (const listener of [...this.listeners]) listener(message);
  }
}

function failed(code: number, message: string): RichApiResult {
  return { status: 'failed', error: { code, message } };
}

function succeeded(body: unknown): RichApiResult {
  return { status: 'succeeded', value: { data: [200, [], JSON.stringify(body)] } };
}

/** The part of an office.js window the binding touches. */
export interface OfficeJsWindow {
  OSF: {
    DDA: { RichApi: { executeRichApiRequestAsync: unknown; richApiMessageManager: unknown } };
    /** Defined by office.js's loader (office.js), which the host files do not include. */
    _OfficeAppFactory?: { getContext(): unknown };
  };
  Excel: { run: unknown };
}

/**
 * Makes a window in which Microsoft's Excel library (excel-web-16.00.js) is loaded talk to the
 * fake instead of a real Excel: requests, events and `isSetSupported` all go to `fake`.
 * @param window - a window (jsdom or a browser) with the library loaded
 * @param fake - the workbook to answer with
 * @returns the host (for its counters)
 */
export function bindOfficeJs(window: OfficeJsWindow, fake: FakeExcel): RichApiHost {
  const host = new RichApiHost(fake);
  window.OSF.DDA.RichApi.executeRichApiRequestAsync = host.execute;
  window.OSF.DDA.RichApi.richApiMessageManager = host.messageManager;
  // office.js asks Office.context.requirements before members of newer API sets (ApiNotFound)
  // and before setting the delayForCellEdit flag ("DelayForCellEdit", ExcelApi 1.11 hosts).
  const context = {
    requirements: {
      isSetSupported: (set: string, version?: string) =>
        set === 'ExcelApi'
          ? fake.supports(version ?? '1.1')
          : set === 'DelayForCellEdit'
            ? fake.supports('1.11')
            : true,
    },
  };
  // Office.context is a getter over the loader's app factory.
  window.OSF._OfficeAppFactory = { getContext: () => context };
  return host;
}
