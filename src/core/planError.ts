/**
 * Problems in plan data: where in the plan (a table, a row and a field, so that the プラン定義 tab
 * and the definition workbook can name the cell), what is wrong and how to fix it, in Japanese.
 * Plans are checked in full (`PlanChecker` collects every problem); `parsePlan` throws the first
 * error as a `PlanError`.
 */
import { UserError, type UserErrorDetails } from './errors';

/** The tables of a plan, as the JSON form and the workbooks hold them. */
export type PlanTable =
  | 'title'
  | 'period'
  | 'criteria'
  | 'themes'
  | 'initiatives'
  | 'items'
  /** The scheme's settings (field: the setting). */
  | 'scheme'
  /** The symbols of the criteria's scale. */
  | 'scale'
  /** The bands (or entered grades) of an item's 総合評価. */
  | 'itemBands'
  /** The bands (or entered grades) of a 取組項目's and a テーマ's 総合評価. */
  | 'groupBands'
  /** The symbols of the council's scale. */
  | 'councilScale'
  /** The bands of the achievement grade. */
  | 'achievementBands';

/** Where in a plan an error is: a table, a row of it (0-based) and a field, so a sheet can name the cell. */
export interface PlanPlace {
  table: PlanTable;
  index?: number;
  field?: string;
}

/** A problem in plan data, in Japanese, with where it is and how to fix it. */
export class PlanError extends UserError {
  override name = 'PlanError';
  /** The place in the plan, or null when it concerns the plan as a whole. */
  readonly at: PlanPlace | null;

  /**
   * @param message - what is wrong, in Japanese
   * @param at - where in the plan
   * @param details - fix, sheet and cell when known
   */
  constructor(message: string, at: PlanPlace | null = null, details: UserErrorDetails = {}) {
    super(message, { code: 'plan', ...details });
    this.at = at;
  }
}

/** One problem of a plan: an error stops the plan from being used; a warning does not. */
export interface PlanProblem {
  severity: 'error' | 'warning';
  message: string;
  fix: string;
  at: PlanPlace | null;
}

/** Collects the problems of a plan while it is read, so that every one can be shown at once. */
export class PlanChecker {
  readonly problems: PlanProblem[] = [];

  /**
   * Records an error.
   * @param message - what is wrong
   * @param at - where
   * @param fix - how to fix it
   */
  error(message: string, at: PlanPlace | null, fix: string): void {
    this.problems.push({ severity: 'error', message, fix, at });
  }

  /**
   * Records a warning.
   * @param message - what is worth a look
   * @param at - where
   * @param fix - what to do
   */
  warning(message: string, at: PlanPlace | null, fix: string): void {
    this.problems.push({ severity: 'warning', message, fix, at });
  }

  /** Errors so far. */
  get errors(): PlanProblem[] {
    return this.problems.filter((problem) => problem.severity === 'error');
  }

  /**
   * Throws the first error, if any.
   * @throws PlanError with its place and fix
   */
  throwFirst(): void {
    const [first] = this.errors;
    if (first) throw new PlanError(first.message, first.at, { fix: first.fix });
  }
}
