/**
 * `shinchoku pdf FILE --out FILE.pdf`: the whole printed workbook as one PDF, through LibreOffice
 * headless when it is installed. LibreOffice writes into a folder of our own; the PDF is then put
 * in place through the guarded outputs like every other file.
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineCommand } from '../command';
import { onFile } from '../files/fileErrors';
import { checkWorkbookFile } from '../files/inputs';
import { convertWithSoffice, findSoffice, LibreOfficeError, MISSING_MESSAGE } from '../libreoffice';
import { ONE_WORKBOOK, OPTIONS, secondsValue } from '../options';
import { commandFiles } from './common';

/** Default time LibreOffice may take to convert a workbook (a first start with a new profile is slow). */
export const DEFAULT_PDF_TIMEOUT_SECONDS = 300;

/**
 * Converts a workbook to PDF with LibreOffice headless, in a profile of its own (so that a running
 * LibreOffice or a user's settings neither block nor change the conversion).
 * @param input - the .xlsx file
 * @param options - the soffice to run (default: found on PATH) and a timeout in seconds
 * @returns the PDF's bytes
 * @throws LibreOfficeError when LibreOffice is missing, fails or takes too long
 */
export async function convertToPdf(
  input: string,
  options: { soffice?: string; timeoutSeconds?: number } = {},
): Promise<Uint8Array> {
  const work = await mkdtemp(join(tmpdir(), 'shinchoku-pdf-'));
  try {
    // An ASCII copy: file names with spaces or Japanese are passed to LibreOffice safely this way,
    // and the PDF's name is known.
    const book = join(work, 'book.xlsx');
    await onFile(input, 'read', () => copyFile(input, book));
    const pdf = await convertWithSoffice(book, {
      format: 'pdf',
      outDir: work,
      profileDir: join(work, 'profile'),
      timeoutMs: (options.timeoutSeconds ?? DEFAULT_PDF_TIMEOUT_SECONDS) * 1000,
      soffice: options.soffice,
    });
    return await readFile(pdf);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export const pdfCommand = defineCommand({
  name: 'pdf',
  summary: 'ブック全体を印刷イメージどおりの PDF にする（LibreOffice が必要）',
  description: `ブックを印刷設定どおりに PDF にします（進捗状況シートは 1 枚 2 ページ、集計表と取組項目別の評価は A4）。
LibreOffice（soffice コマンド）をヘッドレスで使います。入力ファイルは変更しません。`,
  positionals: ONE_WORKBOOK,
  options: {
    out: OPTIONS.outFile('出力する .pdf'),
    timeout: {
      type: 'string',
      value: '秒',
      description: 'LibreOffice を待つ時間',
      default: `${DEFAULT_PDF_TIMEOUT_SECONDS} 秒`,
    },
    force: OPTIONS.force,
  },
  exitCodes: '終了コード: 0 作成した、2 使い方・ファイルの誤り、または LibreOffice がない・失敗した',
  async run({ values, positionals, io }) {
    const timeoutSeconds = secondsValue('timeout', values.timeout);
    const { input, outputs } = await commandFiles(positionals[0], values);
    const out = await outputs.claim(values.out, '--out');
    if (!findSoffice()) throw new LibreOfficeError(MISSING_MESSAGE);
    await checkWorkbookFile(input);
    const started = Date.now();
    io.progress('PDF に変換中（LibreOffice）');
    await outputs.write(out, await convertToPdf(input, { timeoutSeconds }));
    io.progress('完了');
    io.out(`PDF: ${out.path}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
    return 0;
  },
});
