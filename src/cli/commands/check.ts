/** `shinchoku check FILE [--year R3] [--plan FILE] [--json FILE]`: 入力チェック. */
import { checkWorkbook } from '../../actions/check';
import { defineCommand, progressTo } from '../command';
import { openWorkbookFile } from '../files/inputs';
import { ONE_WORKBOOK, OPTIONS } from '../options';
import { jsonText, printProblems } from '../report';
import { commandFiles } from './common';
import { yearCode } from '../../core/fiscalYear';

export const checkCommand = defineCommand({
  name: 'check',
  summary: '入力チェック（問題があれば終了コード 1）',
  description: '進捗状況シートの入力を確認し、問題をシート名・セル・直し方とともに表示します。ブックは変更しません。',
  positionals: ONE_WORKBOOK,
  options: {
    ...OPTIONS.reading('確認する年度'),
    json: OPTIONS.json('問題の一覧を JSON で書き出す'),
  },
  exitCodes: '終了コード: 0 問題なし、1 問題あり、2 使い方・ファイルの誤り',
  async run({ values, positionals, io }) {
    const { input, year, plan, outputs, json } = await commandFiles(positionals[0], values);
    const book = await openWorkbookFile(input);
    const result = await checkWorkbook(book, { year, plan, onProgress: progressTo(io) });
    if (json)
      await outputs.write(
        json,
        jsonText({ year: yearCode(result.year), sheetCount: result.sheetCount, problems: result.problems }),
      );
    printProblems(io, result.problems);
    io.out(
      `確認: ${result.sheetCount} シート（${yearCode(result.year)}）、エラー ${result.errorCount} 件、注意 ${result.warningCount} 件`,
    );
    return result.problems.length > 0 ? 1 : 0;
  },
});
