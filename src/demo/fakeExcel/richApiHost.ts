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
import { FakeWorksheet } from './sheetProxies';

/** One entry of a request's ObjectPaths (office.js ObjectPathInfo). */
interface ObjectPathInfo {
  Id: number;
  /** 1 global, 2 new object, 3 method, 4 property, 5 indexer, 6 reference id, 7 null object. */
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

/** One action of a request (office.js ActionInfo). */
interface ActionInfo {
  Id: number;
  /** 1 instantiate, 2 query, 3 method, 4 set property, 5 trace. */
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[] };
}

interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

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

/**
 * REST names that differ from the JavaScript names (office.js's generated setters say which):
 * `Worksheet.showGridlines` is sent as "Gridlines".
 */
const MEMBER_ALIASES: Record<string, string> = { Gridlines: 'showGridlines' };

/** The fake's member for a REST name ("NumberFormat" → numberFormat). */
function lowerFirst(name: string): string {
  return MEMBER_ALIASES[name] ?? name.charAt(0).toLowerCase() + name.slice(1);
}

/** The fake's member of this REST name; a member the fake lacks fails loudly, never silently. */
function member(target: unknown, name: string): string {
  const key = lowerFirst(name);
  if (typeof target !== 'object' || target === null || !(key in target))
    throw new FakeOfficeError('InvalidArgument', `The fake does not implement ${name}.`);
  return key;
}

function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A proxy's members, looked up by name (the host replays calls by their REST names). */
type Members = Record<string, unknown>;

function isNull(proxy: unknown): boolean {
  try {
    return (proxy as { isNullObject?: boolean }).isNullObject === true;
  } catch {
    return false; // not a nullable proxy
  }
}

/** A loaded proxy's selected properties as Excel answers them (PascalCase, nested by "/"). */
function pick(proxy: unknown, names: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const name of names) {
    const [head, ...rest] = name.split('/');
    const value = (proxy as Members)[head];
    if (rest.length === 0) result[upperFirst(head)] = value;
    else {
      const nested = (result[upperFirst(head)] ??= {}) as Record<string, unknown>;
      Object.assign(nested, pick(value, [rest.join('/')]));
    }
  }
  return result;
}

/** A collection proxy (loaded items), as opposed to an object proxy. */
function isCollection(proxy: unknown): proxy is { load(names?: string[]): unknown; readonly items: unknown[] } {
  return (
    typeof proxy === 'object' && proxy !== null && 'items' in proxy && typeof (proxy as Members).load === 'function'
  );
}

/** The fake Excel answering office.js: see the file comment. */
export class RichApiHost {
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
  changedEvents(worksheets: Members, on: boolean): void {
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

function errorBody(error: unknown, actionIndex?: number): Record<string, unknown> {
  if (error instanceof FakeOfficeError)
    return {
      Code: error.code,
      Message: error.message,
      Location: error.debugInfo.errorLocation ?? '',
      ActionIndex: actionIndex,
      HttpStatusCode: 400,
    };
  const message = error instanceof Error ? error.message : String(error);
  return { Code: 'GeneralException', Message: message, Location: '', ActionIndex: actionIndex, HttpStatusCode: 500 };
}

/** One request replayed onto the fake's proxies. */
class Replay {
  private readonly paths = new Map<number, unknown>();
  /** Reference ids given to paths in this request (`_KeepReference`). */
  private readonly kept = new Map<number, string>();
  /** Answers to build after the sync, in action order. */
  private readonly answers: { actionId: number; value: () => unknown }[] = [];

  constructor(
    private readonly host: RichApiHost,
    private readonly context: FakeRequestContext,
    private readonly body: RequestBody,
  ) {}

  async run(): Promise<Record<string, unknown>> {
    const actions = this.body.Actions;
    let index = 0;
    try {
      for (; index < actions.length; index++) this.queue(actions[index]);
    } catch (error) {
      // Excel applies the actions before a failing one.
      try {
        await this.context.sync();
      } catch (earlier) {
        return { Error: errorBody(earlier) };
      }
      return { Error: errorBody(error, index) };
    }
    try {
      await this.context.sync();
    } catch (error) {
      return { Error: errorBody(error) };
    }
    try {
      return { Results: this.answers.map((answer) => ({ ActionId: answer.actionId, Value: answer.value() })) };
    } catch (error) {
      return { Error: errorBody(error) };
    }
  }

  private queue(action: ActionInfo): void {
    if (action.ActionType === 5) {
      // A trace marker: office.js runs its callback (e.g. to record an event handler) on the answer.
      this.answers.push({ actionId: action.Id, value: () => null });
      return;
    }
    const target = this.resolve(action.ObjectPathId);
    switch (action.ActionType) {
      case 1: {
        // Worksheets are answered with their id, so office.js addresses them by id afterwards.
        if (target instanceof FakeWorksheet) target.load('id');
        this.answers.push({
          actionId: action.Id,
          value: () => (isNull(target) ? null : this.identity(action.ObjectPathId, target)),
        });
        return;
      }
      case 2:
        return this.query(action, target);
      case 3:
        return this.call(action, target);
      case 4: {
        const [value] = this.argumentsOf(action.ArgumentInfo);
        const key = member(target, action.Name);
        try {
          (target as Members)[key] = value;
        } catch (error) {
          if (error instanceof FakeOfficeError) throw error;
          throw new FakeOfficeError('InvalidArgument', `The fake cannot set ${action.Name}.`);
        }
        return;
      }
      default:
        throw new FakeOfficeError('InvalidArgument', `The fake does not handle action type ${action.ActionType}.`);
    }
  }

  /** `_Id` of sheets and `_ReferenceId` of kept objects: what office.js rebuilds paths from. */
  private identity(pathId: number, target: unknown): Record<string, unknown> {
    const value: Record<string, unknown> = {};
    if (target instanceof FakeWorksheet) value._Id = target.id;
    const reference = this.kept.get(pathId);
    if (reference) value._ReferenceId = reference;
    return value;
  }

  private query(action: ActionInfo, target: unknown): void {
    const select = action.QueryInfo?.Select;
    if (isCollection(target)) {
      const names = select ?? [];
      const withId = target instanceof Object && 'getItemOrNullObject' in target ? [...names, 'id'] : names;
      target.load(withId);
      this.answers.push({
        actionId: action.Id,
        value: () => ({
          _Items: target.items.map((item) => ({
            ...pick(item, names),
            ...(item instanceof FakeWorksheet ? { _Id: item.id } : {}),
          })),
        }),
      });
      return;
    }
    const loadable = target as { load(names?: string[]): unknown };
    if (typeof loadable.load !== 'function') throw new FakeOfficeError('InvalidArgument', 'Not a loadable object.');
    const names = select ?? [];
    loadable.load(target instanceof FakeWorksheet ? [...names, 'id'] : select);
    this.answers.push({
      actionId: action.Id,
      value: () => (isNull(target) ? null : { ...pick(target, names), ...this.identity(action.ObjectPathId, target) }),
    });
  }

  private call(action: ActionInfo, target: unknown): void {
    const args = this.argumentsOf(action.ArgumentInfo);
    switch (action.Name) {
      case '_KeepReference':
        this.kept.set(action.ObjectPathId, this.host.keep(target));
        return;
      case '_RemoveReference':
        this.host.release(String(args[0]));
        return;
      case '_RegisterDataChangedEvent':
      case '_UnregisterDataChangedEvent': {
        const on = action.Name.startsWith('_Register');
        if (on && !this.context.host.supports('1.9'))
          throw new FakeOfficeError('ApiNotFound', 'WorksheetCollection.onChanged needs ExcelApi 1.9.');
        this.host.changedEvents(target as Members, on);
        return;
      }
    }
    const method = (target as Members)[member(target, action.Name)];
    if (typeof method !== 'function')
      throw new FakeOfficeError('InvalidArgument', `The fake does not implement ${action.Name}.`);
    (method as (...values: unknown[]) => unknown).apply(target, args);
  }

  private argumentsOf(info: ActionInfo['ArgumentInfo']): unknown[] {
    const values = info?.Arguments ?? [];
    const referenced = info?.ReferencedObjectPathIds ?? [];
    return values.map((value, i) => (referenced[i] ? this.resolve(referenced[i]) : value));
  }

  /** The proxy an object path stands for (created once per request, in the order office.js needs it). */
  private resolve(id: number): unknown {
    if (this.paths.has(id)) return this.paths.get(id);
    const path = this.body.ObjectPaths[String(id)];
    if (!path) throw new FakeOfficeError('InvalidArgument', `Unknown object path ${id}.`);
    const parent = (): Members => this.resolve(path.ParentObjectPathId ?? 0) as Members;
    const args = (): unknown[] => this.argumentsOf(path.ArgumentInfo);
    let value: unknown;
    switch (path.ObjectPathType) {
      case 1:
        value = this.root();
        break;
      case 3: {
        const owner = parent();
        const method = owner[member(owner, path.Name)];
        if (typeof method !== 'function')
          throw new FakeOfficeError('InvalidArgument', `The fake does not implement ${path.Name}.`);
        value = (method as (...values: unknown[]) => unknown).apply(owner, args());
        break;
      }
      case 4:
        const owner = parent();
        value = owner[member(owner, path.Name)];
        break;
      case 5: {
        const owner = parent() as { getItem?: (key: unknown) => unknown };
        if (typeof owner.getItem !== 'function') throw new FakeOfficeError('InvalidArgument', 'Not a collection.');
        value = owner.getItem(args()[0]);
        break;
      }
      case 6:
        value = this.host.referenced(path.Name);
        break;
      default:
        throw new FakeOfficeError(
          'InvalidArgument',
          `The fake does not handle object path type ${path.ObjectPathType}.`,
        );
    }
    this.paths.set(id, value);
    return value;
  }

  /** The global object of Excel's requests: the workbook, with the application under it. */
  private root(): Members {
    const workbook = this.context.workbook;
    return {
      worksheets: workbook.worksheets,
      application: this.context.application,
      getSelectedRange: () => workbook.getSelectedRange(),
    };
  }
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
