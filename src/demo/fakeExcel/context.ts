/**
 * The request context and the proxy base class of the fake: the Office.js batching model.
 *
 * - Setting a property or calling a method on a proxy only queues an action.
 * - `load()` queues a read; its properties become readable after `context.sync()` has run.
 *   Reading anything not loaded throws PropertyNotLoaded, like OfficeExtension.Error.
 * - `sync()` sends the queue: first the size check (5 MB request cap of Excel on the web), then
 *   every action in order against the state. Like Excel, actions before a failing one stay applied.
 * - `…OrNullObject` proxies learn `isNullObject` at the next sync; acting on a null object fails.
 */
import { FakeOfficeError } from './errors';
import { jsonLength } from '../../excel/utf8';
import { excelLocation } from './focus';
import type { FakeExcel } from './FakeExcel';

/** What a load hands back: data to size the response, and the step that makes it readable. */
interface LoadResult {
  data: unknown;
  commit: () => void;
}

interface Action {
  /** For error messages: "Range.values". */
  name: string;
  /** Estimated JSON bytes of this action in the request. */
  bytes: number;
  /** ExcelApi version the member needs ("1.9"); the sync fails with ApiNotFound below it. */
  api?: string;
  run: () => LoadResult | void;
}

// Office.js sends each action as JSON ({"Id":…,"ActionType":…,"Name":…,"ObjectPathId":…,
// "ArgumentInfo":{…}}) and each object it touches as an object path; these are their sizes
// without arguments, measured from real request bodies' shape.
const ACTION_BYTES = 90;
const OBJECT_PATH_BYTES = 110;

/** UTF-8 bytes of a value as JSON. */
export const jsonBytes = jsonLength;

/** A fake `Excel.RequestContext`. Proxies of the workbook hang off `workbook`. */
export class FakeContext {
  private queue: Action[] = [];
  private pathBytes = 0;
  private afterSync: (() => void)[] = [];

  /**
   * @param host - the fake workbook
   * @param delayForCellEdit - whether the run asked Excel to wait while the user edits a cell
   * @param measured - true when Microsoft's office.js sends the requests: the Rich API host
   *   (./richApiHost) then measures and caps the real request and answer texts, and this context
   *   skips its own estimates
   */
  constructor(
    readonly host: FakeExcel,
    private readonly delayForCellEdit: boolean,
    private readonly measured = false,
  ) {}

  /** Accounts an object path (a proxy created from another). */
  addPath(argument: unknown): void {
    this.pathBytes += OBJECT_PATH_BYTES + jsonBytes(argument);
  }

  enqueue(action: { name: string; args?: unknown; api?: string; run: () => LoadResult | void }): void {
    this.queue.push({ ...action, bytes: ACTION_BYTES + jsonBytes(action.args) });
  }

  /** Runs once after the next successful sync (event dispatch). */
  onSynced(step: () => void): void {
    this.afterSync.push(step);
  }

  /** Whether actions are waiting for a sync. */
  get pending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    const host = this.host;
    const queue = this.queue;
    const requestBytes = queue.reduce((sum, action) => sum + action.bytes, this.pathBytes);
    this.queue = [];
    this.pathBytes = 0;
    host.stats.syncs++;
    if (!this.measured) {
      host.stats.lastRequestBytes = requestBytes;
      host.stats.maxRequestBytes = Math.max(host.stats.maxRequestBytes, requestBytes);
    }
    // A round trip: callers never see results synchronously.
    await Promise.resolve();
    if (host.cellEditSyncs > 0) {
      if (this.delayForCellEdit && host.supports('1.11')) {
        // Excel holds the batch until the user leaves the cell; the fake lets the user finish.
        host.cellEditSyncs = 0;
        host.stats.delayedForCellEdit++;
      } else {
        host.cellEditSyncs--;
        throw new FakeOfficeError(
          host.cellEditCode,
          'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
        );
      }
    }
    if (!this.measured && requestBytes > host.payloadLimit) {
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size (${requestBytes} bytes) has exceeded the limit.`,
      );
    }
    const commits: (() => void)[] = [];
    let responseBytes = 0;
    try {
      responseBytes = this.apply(queue, commits);
    } finally {
      // Recalculation resumes after the sync that suspended it.
      host.calculationSuspended = false;
    }
    if (!this.measured) {
      host.stats.lastResponseBytes = responseBytes;
      host.stats.maxResponseBytes = Math.max(host.stats.maxResponseBytes, responseBytes);
    }
    if (!this.measured && responseBytes > host.payloadLimit) {
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size (${responseBytes} bytes) has exceeded the limit.`,
      );
    }
    for (const commit of commits) commit();
    const after = this.afterSync;
    this.afterSync = [];
    for (const step of after) step();
  }

  /** Runs the actions in order; returns the answer's bytes. Actions before a failing one stay applied. */
  private apply(queue: readonly Action[], commits: (() => void)[]): number {
    const host = this.host;
    let responseBytes = 0;
    for (const action of queue) {
      if (action.api && !host.supports(action.api)) {
        throw new FakeOfficeError(
          'ApiNotFound',
          `The API you are trying to use could not be found (${action.name}, ExcelApi ${action.api}).`,
          action.name,
        );
      }
      host.focus.check(action.name);
      const result = runAt(action);
      if (result) {
        commits.push(result.commit);
        responseBytes += jsonBytes(result.data);
      }
    }
    return responseBytes;
  }
}

/** Runs an action; an error of the fake gets the action's name as its location, as Excel reports it. */
function runAt(action: Action): LoadResult | void {
  try {
    return action.run();
  } catch (error) {
    if (error instanceof FakeOfficeError && !error.debugInfo.errorLocation)
      error.debugInfo.errorLocation = excelLocation(action.name);
    throw error;
  }
}

function notLoaded(type: string, property: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${property}`,
  );
}

/** Splits "a, b/c" or ["a", "b/c"] into names. */
function propertyNames(names: string | string[] | undefined): string[] {
  const list = names === undefined ? [] : Array.isArray(names) ? names : names.split(',');
  return list.map((name) => name.trim()).filter((name) => name !== '');
}

/**
 * A proxy of a host object of type T. `resolver` finds the object when an action runs, and the
 * proxy stays bound to that object (renaming a sheet does not lose its proxy). A nullable proxy
 * (from an …OrNullObject method) resolves to null instead of failing.
 */
export abstract class FakeObject<T> {
  private bound: T | undefined;
  private readonly loadedValues = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    protected readonly context: FakeContext,
    protected readonly typeName: string,
    private readonly resolver: () => T | null,
    private readonly nullable = false,
  ) {
    if (nullable) {
      // Office.js reports isNullObject after the next sync without an explicit load.
      context.enqueue({
        name: `${typeName}.isNullObject`,
        run: () => {
          const target = this.tryResolve();
          return { data: target === null, commit: () => (this.nullState = target === null) };
        },
      });
    }
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded(this.typeName, 'isNullObject');
    return this.nullState;
  }

  /** The host object, or null for a null object. Throws what Excel would for a missing one. */
  tryResolve(): T | null {
    if (this.bound !== undefined && !this.isGone(this.bound)) return this.bound;
    if (this.bound !== undefined) {
      throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (${this.typeName}).`);
    }
    const target = this.resolver();
    if (target === null) {
      if (this.nullable) return null;
      throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (${this.typeName}).`);
    }
    this.bound = target;
    return target;
  }

  /** The host object for an action; a null object fails the sync. */
  resolve(): T {
    const target = this.tryResolve();
    if (target === null)
      throw new FakeOfficeError(
        'ItemNotFound',
        `The requested resource doesn't exist (${this.typeName} is a null object).`,
      );
    return target;
  }

  /** Whether the bound object no longer exists (a deleted sheet). */
  protected isGone(_target: T): boolean {
    return false;
  }

  load(names?: string | string[]): this {
    const own: string[] = [];
    for (const name of propertyNames(names)) {
      const slash = name.indexOf('/');
      if (slash < 0) {
        own.push(name);
        continue;
      }
      const child = this.child(name.slice(0, slash));
      if (!child) throw new FakeOfficeError('InvalidArgument', `Unknown navigation property ${this.typeName}.${name}`);
      child.load(name.slice(slash + 1));
    }
    const wanted = own.length > 0 || names === undefined ? (own.length > 0 ? own : this.scalarNames()) : [];
    if (wanted.length === 0) return this;
    this.context.enqueue({
      name: `${this.typeName}.load`,
      args: wanted,
      run: () => {
        const target = this.tryResolve();
        if (target === null) return { data: null, commit: () => (this.nullState = true) };
        const data: Record<string, unknown> = {};
        for (const name of wanted) data[name] = structuredCopy(this.read(target, name));
        return {
          data,
          commit: () => {
            this.nullState = false;
            for (const name of wanted) this.loadedValues.set(name, data[name]);
          },
        };
      },
    });
    return this;
  }

  /** A loaded property's value, as read after sync. */
  protected loaded<V>(name: string): V {
    if (this.nullState === true) throw new FakeOfficeError('InvalidOperation', `${this.typeName} is a null object.`);
    if (!this.loadedValues.has(name)) throw notLoaded(this.typeName, name);
    return this.loadedValues.get(name) as V;
  }

  /** Makes values readable as if loaded (proxies that a collection load creates). */
  protected primeValues(entries: [string, unknown][]): void {
    this.nullState = false;
    for (const [name, value] of entries) this.loadedValues.set(name, structuredCopy(value));
  }

  /** Queues a property set or a method call on the host object. */
  protected act(name: string, args: unknown, apply: (target: T) => void, api?: string): void {
    this.context.enqueue({
      name: `${this.typeName}.${name}`,
      args,
      api,
      run: () => {
        apply(this.resolve());
      },
    });
  }

  /** Reads a scalar property of the host object for load(); throws for unknown names. */
  protected abstract read(target: T, name: string): unknown;

  /** Names loaded by a bare load(). */
  protected scalarNames(): string[] {
    return [];
  }

  /** A navigation property for "child/property" loads. */
  protected child(_name: string): FakeObject<unknown> | undefined {
    return undefined;
  }
}

/** Deep copy of loaded data so later host changes do not leak into loaded values. */
function structuredCopy<V>(value: V): V {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as V);
}

export function unknownProperty(type: string, name: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', `The fake does not load ${type}.${name}.`);
}
