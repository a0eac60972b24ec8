/**
 * Runs the port's batches (one `Excel.run` each) with the waits and retries Microsoft documents:
 * `delayForCellEdit` on ExcelApi 1.11 hosts, else a bounded backoff while the user edits a cell;
 * a bounded backoff when another workbook takes the focus mid-call; and halving a batch that
 * Excel refuses as too large. Every `context.sync()` is counted in `stats`.
 *
 * A retried batch runs again from its start, so every batch is written to be repeatable after a
 * partial run: it reads the workbook's state again at its first sync and decides from that (Excel
 * applies the actions before a failing one and keeps them).
 */
import { isUserError } from '../core/errors';
import { PAYLOAD_CODES, errorCode, retryReason, workbookError, type RetryReason } from './officeErrors';
import type { ExcelContext, ExcelRun, RequirementCheck, RunOptionsLike } from './excelApi';
import type { HostFeatures } from './renderSheet';

export interface BatchRunnerOptions {
  /** `Excel.run` (or the fake's). */
  run: ExcelRun;
  /** `Office.context.requirements.isSetSupported` (or the fake's). */
  requirements: RequirementCheck;
  /** Tries after the first when the user is editing a cell (hosts without delayForCellEdit). */
  cellEditRetries?: number;
  /** Tries after the first when another workbook took the focus. */
  focusRetries?: number;
  /** First wait before a retry, doubled each time. */
  retryDelayMs?: number;
  /** How to wait (tests pass an instant one). */
  sleep?: (milliseconds: number) => Promise<void>;
  /** Told about features skipped on older hosts (Japanese, for the user). */
  onWarning?: (message: string) => void;
}

/** Counters for tests and the benchmark. */
export interface OfficeWorkbookStats {
  runs: number;
  syncs: number;
  /** Runs repeated because the user was editing a cell. */
  retries: number;
  /** Runs repeated because another workbook took the focus. */
  focusRetries: number;
  /** Batches split in two because Excel refused their size. */
  splits: number;
}

function defaultSleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

export class BatchRunner {
  readonly stats: OfficeWorkbookStats = { runs: 0, syncs: 0, retries: 0, focusRetries: 0, splits: 0 };
  /** Warnings of the current port call (features skipped on this host). */
  warnings: string[] = [];
  private readonly options: Required<Omit<BatchRunnerOptions, 'onWarning'>> & Pick<BatchRunnerOptions, 'onWarning'>;

  constructor(options: BatchRunnerOptions) {
    this.options = { cellEditRetries: 4, focusRetries: 3, retryDelayMs: 250, sleep: defaultSleep, ...options };
  }

  supports(version: string): boolean {
    return this.options.requirements('ExcelApi', version);
  }

  features(): HostFeatures {
    return { api17: this.supports('1.7'), api18: this.supports('1.8'), api19: this.supports('1.9') };
  }

  warn(message: string): void {
    if (this.warnings.includes(message)) return;
    this.warnings.push(message);
    this.options.onWarning?.(message);
  }

  /** Calls a port method body, turning host failures into WorkbookErrors with Japanese messages. */
  async guarded<T>(body: () => Promise<T>): Promise<T> {
    this.warnings = [];
    try {
      return await body();
    } catch (error) {
      // A refusal of our own (a replace guard) reaches the user as it is.
      throw isUserError(error) ? error : workbookError(error);
    }
  }

  /**
   * One Excel.run, with `delayForCellEdit` where the host has it; a run refused for cell editing
   * or a focus change is waited out and run again (bounded, doubling waits).
   */
  async batch<T>(work: (context: ExcelContext) => Promise<T>): Promise<T> {
    const runOptions = this.supports('1.11') ? { delayForCellEdit: true } : {};
    const tries: Record<RetryReason, number> = { 'cell-edit': 0, focus: 0 };
    for (;;) {
      try {
        return await this.runOnce(runOptions, work);
      } catch (error) {
        const reason = retryReason(error);
        const limit = reason === 'focus' ? this.options.focusRetries : this.options.cellEditRetries;
        if (!reason || tries[reason] >= limit) throw error;
        if (reason === 'focus') this.stats.focusRetries++;
        else this.stats.retries++;
        await this.options.sleep(this.options.retryDelayMs * 2 ** tries[reason]++);
      }
    }
  }

  /** One run, handing the batch a context whose sync() is counted. */
  private runOnce<T>(
    runOptions: { delayForCellEdit?: boolean },
    work: (context: ExcelContext) => Promise<T>,
  ): Promise<T> {
    this.stats.runs++;
    return this.options.run(runOptions, (context) => work(this.counted(context)));
  }

  /** The same context with every sync() counted. */
  counted(context: ExcelContext): ExcelContext {
    return {
      workbook: context.workbook,
      application: context.application,
      sync: () => {
        this.stats.syncs++;
        return context.sync();
      },
    };
  }

  /**
   * Runs a batch on an object's own context, `Excel.run(object.context, …)`, as Microsoft documents
   * for removing an event handler (a handler can only be removed in the context that added it).
   */
  onContextOf<T>(owner: { readonly context: object }, work: (context: ExcelContext) => Promise<T>): Promise<T> {
    this.stats.runs++;
    // Excel.run takes a request context where it takes run options (office.js tells them apart).
    const context = owner.context as RunOptionsLike;
    return this.options.run(context, (inner) => work(this.counted(inner)));
  }

  /** Suspends recalculation and screen updating until the next sync, where the host can. */
  suspend(context: ExcelContext): void {
    if (this.supports('1.6')) context.application.suspendApiCalculationUntilNextSync();
    if (this.supports('1.9')) context.application.suspendScreenUpdatingUntilNextSync();
  }

  /**
   * Runs work over all items; if Excel refuses the batch as too large, runs each half separately
   * (Excel rejects such a request before doing any of it, so nothing is applied twice).
   */
  async inChunks<I, R>(items: readonly I[], work: (chunk: readonly I[]) => Promise<R[]>): Promise<R[]> {
    try {
      return await work(items);
    } catch (error) {
      if (!PAYLOAD_CODES.includes(errorCode(error) ?? '') || items.length < 2) throw error;
      this.stats.splits++;
      const middle = Math.ceil(items.length / 2);
      const first = await this.inChunks(items.slice(0, middle), work);
      return [...first, ...(await this.inChunks(items.slice(middle), work))];
    }
  }
}
