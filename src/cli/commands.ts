/**
 * The CLI's commands: each parses its options, runs a use case over the ExcelJS port, prints.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { aggregate, type AggregateResult } from '../actions/aggregate';
import { checkWorkbook } from '../actions/check';
import { createExample, createTemplate } from '../actions/template';
import { itemSheetNameNotes } from '../core/sheet/writeProgressSheet';
import { EXAMPLE_YEAR } from '../core/example';
import { formatProblem, type Problem } from '../core/problems';
import { GRADES } from '../core/rules';
import { XlsxWorkbook } from '../xlsx/XlsxWorkbook';
import type { CliIo } from './main';
import { COLLECT_COMMAND, SPLIT_COMMAND } from './distributeCommands';
import { PDF_COMMAND, PRINT_SETUP_COMMAND } from './pdfCommand';
import { inputFile, openBook, outputFile, planOption, progressTo, UsageError, yearOption } from './usage';

type Values = Record<string, string | boolean | undefined>;
type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** A CLI command. */
export interface Command {
  name: string;
  summary: string;
  help: string;
  options: OptionSpec;
  run(values: Values, positionals: string[], io: CliIo): Promise<number>;
}

/** The commands by name. */
export const COMMANDS: Record<string, Command> = {
  demo: {
    name: 'demo',
    summary: '組み込みの例（苫小牧市 70 実践項目）のブックを作り、集計する',
    help: `使い方: shinchoku demo --out DIR

組み込みの例（苫小牧市 行政創革プラン、令和３年度末、70 実践項目）で次のファイルを作ります:
  DIR/example.xlsx           進捗状況シート 70 枚（R2・R3 の自己評価、審議会評価平均入り）
  DIR/example-summary.xlsx   上のブックを「集計」したもの（合計・総合評価、集計表）
  DIR/example-summary.json   集計結果の JSON`,
    options: { out: { type: 'string', short: 'o' } },
    async run(values, positionals, io) {
      if (positionals.length > 0) throw new UsageError(`余分な引数 ${positionals.join(' ')} があります。`);
      if (typeof values.out !== 'string') throw new UsageError('--out で出力フォルダを指定してください。');
      const directory = resolve(values.out);
      mkdirSync(directory, { recursive: true });
      const started = Date.now();
      const book = XlsxWorkbook.create();
      const names = await createExample(book, { onProgress: progressTo(io) });
      const examplePath = join(directory, 'example.xlsx');
      await book.save(examplePath);
      io.out(`作成: ${examplePath}（進捗状況シート ${names.length} 枚、確認時期 ${EXAMPLE_YEAR}）`);
      const summaryBook = await XlsxWorkbook.open(examplePath);
      const result = await aggregate(summaryBook, { onProgress: progressTo(io) });
      const summaryPath = join(directory, 'example-summary.xlsx');
      await summaryBook.save(summaryPath);
      const jsonPath = join(directory, 'example-summary.json');
      writeFileSync(jsonPath, `${JSON.stringify(result.json, null, 2)}\n`);
      io.out(`集計: ${summaryPath}`);
      io.out(`JSON: ${jsonPath}`);
      printAggregate(io, result);
      io.out(`所要時間 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
      return result.problems.some((problem) => problem.severity === 'error') ? 1 : 0;
    },
  },
  template: {
    name: 'template',
    summary: 'プランから空の進捗状況シートのブックを作る',
    help: `使い方: shinchoku template [--plan FILE] --year R3 --out FILE

プラン（省略時は組み込みの苫小牧市のプラン）の実践項目ごとに、空の進捗状況シートを作ります。
ブックにはプラン定義と審議会評価のシートも入り、集計にはこのブックだけが必要です。
  --plan FILE   プランの JSON（assets/plan/plan.json と同じ形）
  --year 年度   確認する年度（R3、令和3年度 など）
  --out FILE    出力する .xlsx`,
    options: { plan: { type: 'string' }, year: { type: 'string', short: 'y' }, out: { type: 'string', short: 'o' } },
    async run(values, positionals, io) {
      if (positionals.length > 0) throw new UsageError(`余分な引数 ${positionals.join(' ')} があります。`);
      const plan = planOption(values.plan);
      const year = yearOption(values.year);
      if (!year) throw new UsageError('--year で確認する年度を指定してください（例: --year R3）。');
      if (!plan.period.includes(year))
        throw new UsageError(`年度 ${year} は計画期間 (${plan.period.join('・')}) にありません。`);
      const out = outputFile(values.out);
      const book = XlsxWorkbook.create();
      const names = await createTemplate(book, { plan, year, onProgress: progressTo(io) });
      mkdirSync(dirname(out), { recursive: true });
      await book.save(out);
      io.out(`作成: ${out}（${plan.title}、進捗状況シート ${names.length} 枚、確認時期 ${year}）`);
      for (const note of itemSheetNameNotes(plan.items)) io.out(note);
      return 0;
    },
  },
  check: {
    name: 'check',
    summary: '入力チェック（問題があれば終了コード 1）',
    help: `使い方: shinchoku check FILE [--year R3] [--json FILE]

進捗状況シートの入力を確認し、問題をシート名・セル・直し方とともに表示します。ブックは変更しません。
  --year 年度   確認する年度（省略時はシートの確認時期）
  --json FILE   問題の一覧を JSON で書き出す
終了コード: 0 問題なし、1 問題あり、2 使い方・ファイルの誤り`,
    options: { year: { type: 'string', short: 'y' }, json: { type: 'string' }, plan: { type: 'string' } },
    async run(values, positionals, io) {
      const input = inputFile(positionals);
      const book = await openBook(input);
      const result = await checkWorkbook(book, {
        year: yearOption(values.year),
        plan: values.plan ? planOption(values.plan) : undefined,
        onProgress: progressTo(io),
      });
      if (typeof values.json === 'string')
        writeJson(values.json, { year: result.year, sheetCount: result.sheetCount, problems: result.problems });
      printProblems(io, result.problems);
      io.out(
        `確認: ${result.sheetCount} シート（${result.year}）、エラー ${result.errorCount} 件、注意 ${result.warningCount} 件`,
      );
      return result.problems.length > 0 ? 1 : 0;
    },
  },
  aggregate: {
    name: 'aggregate',
    summary: '集計: 合計・総合評価を入れ、集計表を作る（入力ファイルは変更しない）',
    help: `使い方: shinchoku aggregate FILE --out FILE [--year R3] [--json FILE]

各進捗状況シートの合計・総合評価を入れ（消された式は元に戻します）、集計表
（取組状況一覧【実践項目別】【取組項目別】、テーマ別・評価集計、総評）を作って --out に保存します。
入力ファイルは変更しません。部署が入力したセルは変更しません。
  --year 年度   集計する年度（省略時はシートの確認時期）
  --json FILE   集計結果を JSON で書き出す
終了コード: 0 問題なし、1 問題あり（集計は行い、問題を表示）、2 使い方・ファイルの誤り`,
    options: {
      out: { type: 'string', short: 'o' },
      year: { type: 'string', short: 'y' },
      json: { type: 'string' },
      plan: { type: 'string' },
    },
    async run(values, positionals, io) {
      const input = inputFile(positionals);
      const out = outputFile(values.out, input);
      const book = await openBook(input);
      const result = await aggregate(book, {
        year: yearOption(values.year),
        plan: values.plan ? planOption(values.plan) : undefined,
        onProgress: progressTo(io),
      });
      mkdirSync(dirname(out), { recursive: true });
      await book.save(out);
      if (typeof values.json === 'string') writeJson(values.json, result.json);
      printProblems(io, result.problems);
      io.out(`集計: ${out}`);
      printAggregate(io, result);
      return result.problems.some((problem) => problem.severity === 'error') ? 1 : 0;
    },
  },
  split: SPLIT_COMMAND,
  collect: COLLECT_COMMAND,
  'print-setup': PRINT_SETUP_COMMAND,
  pdf: PDF_COMMAND,
};

function writeJson(path: string, data: unknown): void {
  const target = resolve(path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(data, null, 2)}\n`);
}

function printProblems(io: CliIo, problems: Problem[]): void {
  const shown = problems.slice(0, 200);
  for (const problem of shown) io.out(formatProblem(problem));
  if (problems.length > shown.length)
    io.out(`…ほか ${problems.length - shown.length} 件（--json で全件を書き出せます）`);
}

function printAggregate(io: CliIo, result: AggregateResult): void {
  const counts = result.json.counts;
  const grades = GRADES.map(
    (grade) => `${String.fromCharCode(grade.charCodeAt(0) + 0xfee0)} ${counts.grades[grade]}`,
  ).join('・');
  io.out(
    `  実践項目 ${result.json.items.length}（取組中 ${counts.active}、終了 ${counts.endedBy.length}）、取組項目 ${result.json.initiatives.length}、テーマ ${result.json.themes.length}`,
  );
  io.out(`  総合評価（${result.year}）: ${grades}`);
  io.out(`  合計・総合評価を入れたシート ${result.filledSheets.length} 枚、集計表 ${result.summarySheets.join('・')}`);
  const errors = result.problems.filter((problem) => problem.severity === 'error').length;
  if (result.problems.length > 0)
    io.out(`  問題: エラー ${errors} 件、注意 ${result.problems.length - errors} 件（上の一覧を確認してください）`);
}
