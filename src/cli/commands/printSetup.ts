/** `shinchoku print-setup FILE --out FILE`: 印刷設定 on an .xlsx file. */
import { applyPrintSetup } from '../../actions/printSetup';
import { formatProblem } from '../../core/problems';
import { defineCommand } from '../command';
import { openWorkbookFile } from '../files/inputs';
import { ONE_WORKBOOK, OPTIONS } from '../options';
import { commandFiles } from './common';

/** Errors shown before the summary line (the first ones; the rest are in `check`). */
const SHOWN_ERRORS = 20;

export const printSetupCommand = defineCommand({
  name: 'print-setup',
  summary: '印刷設定: 進捗状況シート・集計表に A4 の印刷設定をやり直す',
  description: `よそから持ち込んだシートや印刷設定が崩れたブックに、進捗状況シート（A4 縦 2 ページ、①の後で改ページ）、
集計表・取組項目別の評価・審議会評価（A4、見出し行の繰り返し、確認時期、ページ番号）の印刷設定を入れ直します。
進捗状況シートは名前ではなく内容で見分けます。入力ファイルは変更しません。`,
  positionals: ONE_WORKBOOK,
  options: {
    out: OPTIONS.outFile('出力する .xlsx（入力とは別のファイル）'),
    ...OPTIONS.reading('確認時期'),
  },
  async run({ values, positionals, io }) {
    const { input, year, plan, outputs } = await commandFiles(positionals[0], values);
    const out = await outputs.claim(values.out, '--out');
    const book = await openWorkbookFile(input);
    const result = await applyPrintSetup(book, { year, plan });
    await outputs.write(out, await book.toBuffer());
    for (const problem of result.problems.filter((each) => each.severity === 'error').slice(0, SHOWN_ERRORS))
      io.out(formatProblem(problem));
    const tabs = result.tabs.length > 0 ? result.tabs.join('・') : 'ほかのシートなし';
    io.out(`印刷設定: ${out.path}（進捗状況シート ${result.progressSheets.length} 枚、${tabs}）`);
    return 0;
  },
});
