/**
 * The printing commands: `print-setup` (印刷設定 on an .xlsx file) and `pdf` (the whole printed
 * workbook as one PDF, through LibreOffice headless when it is installed).
 */
import { mkdirSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { applyPrintSetup } from '../actions/printSetup';
import { formatProblem } from '../core/problems';
import { openWorkbookFile, type WorkbookFile } from '../xlsx/workbookFile';
import type { Command } from './commands';
import type { CliIo } from './main';
import { convertWithSoffice, LibreOfficeError } from './libreoffice';
import { inputFile, outputFile, planOption, UsageError, yearOption } from './usage';

/** Default time LibreOffice may take to convert a workbook (a first start with a new profile is slow). */
export const DEFAULT_PDF_TIMEOUT_SECONDS = 300;

/**
 * Converts a workbook to PDF with LibreOffice headless, in a profile of its own (so that a running
 * LibreOffice or a user's settings neither block nor change the conversion).
 * @param input - the .xlsx file
 * @param output - the .pdf to write
 * @param options - the soffice to run (default: found on PATH) and a timeout in seconds
 * @throws LibreOfficeError when LibreOffice is missing, fails or takes too long
 */
export async function convertToPdf(
  input: string,
  output: string,
  options: { soffice?: string; timeoutSeconds?: number } = {},
): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'shinchoku-pdf-'));
  try {
    // An ASCII copy: file names with spaces or Japanese are passed to LibreOffice safely this way,
    // and the PDF's name is known.
    const book = join(work, 'book.xlsx');
    await copyFile(input, book);
    const pdf = await convertWithSoffice(book, {
      format: 'pdf',
      outDir: work,
      profileDir: join(work, 'profile'),
      timeoutMs: (options.timeoutSeconds ?? DEFAULT_PDF_TIMEOUT_SECONDS) * 1000,
      soffice: options.soffice,
    });
    mkdirSync(dirname(output), { recursive: true });
    await copyFile(pdf, output);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function timeoutOption(value: string | boolean | undefined): number | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`--timeout「${value}」は正の秒数で指定してください。`);
  return seconds;
}

/** `shinchoku pdf FILE --out FILE.pdf` */
export const PDF_COMMAND: Command = {
  name: 'pdf',
  summary: 'ブック全体を印刷イメージどおりの PDF にする（LibreOffice が必要）',
  help: `使い方: shinchoku pdf FILE --out FILE.pdf [--timeout 秒]

ブックを印刷設定どおりに PDF にします（進捗状況シートは 1 枚 2 ページ、集計表と取組項目別の評価は A4）。
LibreOffice（soffice コマンド）をヘッドレスで使います。入力ファイルは変更しません。
  --out FILE      出力する .pdf
  --timeout 秒    LibreOffice を待つ時間（既定 ${DEFAULT_PDF_TIMEOUT_SECONDS} 秒）
終了コード: 0 作成した、2 使い方・ファイルの誤り、または LibreOffice がない・失敗した`,
  options: { out: { type: 'string', short: 'o' }, timeout: { type: 'string' } },
  async run(values, positionals, io: CliIo) {
    const input = inputFile(positionals);
    const out = outputFile(values.out, input);
    const timeoutSeconds = timeoutOption(values.timeout);
    const started = Date.now();
    io.progress('PDF に変換中（LibreOffice）');
    try {
      await convertToPdf(input, out, { timeoutSeconds });
    } catch (error) {
      if (error instanceof LibreOfficeError) {
        io.error(`shinchoku pdf: ${error.message}`);
        return 2;
      }
      throw error;
    }
    io.progress('完了');
    io.out(`PDF: ${out}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
    return 0;
  },
};

/** `shinchoku print-setup FILE --out FILE` */
export const PRINT_SETUP_COMMAND: Command = {
  name: 'print-setup',
  summary: '印刷設定: 進捗状況シート・集計表に A4 の印刷設定をやり直す',
  help: `使い方: shinchoku print-setup FILE --out FILE [--year R3] [--plan FILE]

よそから持ち込んだシートや印刷設定が崩れたブックに、進捗状況シート（A4 縦 2 ページ、①の後で改ページ）、
集計表・取組項目別の評価・審議会評価（A4、見出し行の繰り返し、確認時期、ページ番号）の印刷設定を入れ直します。
進捗状況シートは名前ではなく内容で見分けます。入力ファイルは変更しません。
  --out FILE    出力する .xlsx
  --year 年度   確認時期（省略時はシートの確認時期）
  --plan FILE   プラン定義のシートがないブックに使うプランの JSON`,
  options: { out: { type: 'string', short: 'o' }, year: { type: 'string', short: 'y' }, plan: { type: 'string' } },
  async run(values, positionals, io: CliIo) {
    const input = inputFile(positionals);
    const out = outputFile(values.out, input);
    let book: WorkbookFile;
    try {
      book = await openWorkbookFile(input);
    } catch (error) {
      throw new UsageError(
        `${input} を .xlsx として開けません（${error instanceof Error ? error.message : String(error)}）。`,
      );
    }
    const result = await applyPrintSetup(book, {
      year: yearOption(values.year),
      plan: values.plan ? planOption(values.plan) : undefined,
    });
    mkdirSync(dirname(out), { recursive: true });
    await book.save(out);
    for (const problem of result.problems.filter((each) => each.severity === 'error').slice(0, 20))
      io.out(formatProblem(problem));
    io.out(
      `印刷設定: ${out}（進捗状況シート ${result.progressSheets.length} 枚、${result.tabs.length > 0 ? result.tabs.join('・') : 'ほかのシートなし'}）`,
    );
    return 0;
  },
};
