/**
 * The options several commands share, declared once with their words, and the readers of their
 * values (the year, the plan, a timeout). Usage errors are `UsageError`s: the CLI prints them with
 * the command's help and exits 2.
 */
import { UserError } from '../core/errors';
import { parseFiscalYear, type FiscalYear } from '../core/fiscalYear';
import type { OptionSpec, PositionalSpec } from './command';

/** A wrong command line; the CLI prints it with the command's help and exits 2. */
export class UsageError extends UserError {
  override name = 'UsageError';

  /**
   * @param message - what is wrong with the command line (Japanese)
   */
  constructor(message: string) {
    super(message, { code: 'usage' });
  }
}

/** Option declarations shared by commands; the description says what the option does there. */
export const OPTIONS = {
  /** `--out FILE`, required. */
  outFile: (description: string) =>
    ({ type: 'string', short: 'o', value: 'FILE', description, required: true }) as const satisfies OptionSpec,
  /** `--out DIR`, required. */
  outFolder: (description: string) =>
    ({ type: 'string', short: 'o', value: 'DIR', description, required: true }) as const satisfies OptionSpec,
  /** `--year 年度`. */
  year: (description: string, fallback?: string): OptionSpec => ({
    type: 'string',
    short: 'y',
    value: '年度',
    description: `${description}（R3、令和3年度 など）`,
    default: fallback,
  }),
  /** `--plan FILE`. */
  plan: (
    description = 'プラン定義のシートがないブックに使うプランの JSON（assets/plan/plan.json と同じ形）',
  ): OptionSpec => ({
    type: 'string',
    value: 'FILE',
    description,
    default: 'ブックのプラン定義シート',
  }),
  /** `--year`, `--plan` and `--force` of a command that reads a workbook of 進捗状況シート and writes. */
  reading: (year: string) => ({
    year: OPTIONS.year(year, 'シートの確認時期'),
    plan: OPTIONS.plan(),
    force: OPTIONS.force,
  }),
  /** `--json FILE`. */
  json: (description: string): OptionSpec => ({ type: 'string', value: 'FILE', description }),
  /** `--force`. */
  force: {
    type: 'boolean',
    description: '既にあるファイルを置き換える（入力ファイルと、同じコマンドのほかの出力は置き換えません）',
  } as const satisfies OptionSpec,
} as const;

/** The positional argument of a command that reads one workbook. */
export const ONE_WORKBOOK: PositionalSpec = {
  usage: 'FILE',
  min: 1,
  max: 1,
  missing: '入力ファイル (.xlsx) を一つ指定してください。',
};

/**
 * Reads `--year` ("R3", "令和3年度", "令和３年度末", "H29", "平成29年度", "令和元年度", "2021").
 * @param value - the option's value
 * @returns the fiscal year, or undefined when not given
 */
export function yearValue(value: string | undefined): FiscalYear | undefined {
  if (value === undefined) return undefined;
  const year = parseFiscalYear(value);
  if (year === null)
    throw new UsageError(
      `--year「${value}」が読み取れません。R3、令和3年度、H29、令和元年度 のように指定してください。`,
    );
  return year;
}

/**
 * Reads a positive number of seconds (`--timeout`).
 * @param name - the option's name, for the message
 * @param value - the option's value
 * @returns the seconds, or undefined when not given
 */
export function secondsValue(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`--${name}「${value}」は正の秒数で指定してください。`);
  return seconds;
}
