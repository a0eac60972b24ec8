/**
 * One Rich API request replayed onto the fake's proxies: each object path office.js sends is
 * resolved to the fake's proxy of that object, each action replays the same call on it, then one
 * `sync` of the fake applies them in order (Excel applies the actions before a failing one).
 */
import { FakeOfficeError } from './errors';
import type { FakeRequestContext } from './FakeExcel';
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

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

/** What a replay needs of its host: objects kept by reference across requests, change events. */
export interface ReplayHost {
  keep(proxy: unknown): string;
  referenced(id: string): unknown;
  release(id: string): void;
  changedEvents(worksheets: Record<string, unknown>, on: boolean): void;
}

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

export function errorBody(error: unknown, actionIndex?: number): Record<string, unknown> {
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
export class Replay {
  private readonly paths = new Map<number, unknown>();
  /** Reference ids given to paths in this request (`_KeepReference`). */
  private readonly kept = new Map<number, string>();
  /** Answers to build after the sync, in action order. */
  private readonly answers: { actionId: number; value: () => unknown }[] = [];

  constructor(
    private readonly host: ReplayHost,
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
      case 4: {
        const owner = parent();
        value = owner[member(owner, path.Name)];
        break;
      }
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
      // Excel on the web's path of `Excel.createWorkbook(base64)` (WacWorkbook.createAndOpenWorkbook).
      createAndOpenWorkbook: (base64: string) => this.context.application.createWorkbook(base64).open(),
    };
  }
}
