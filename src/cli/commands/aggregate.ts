/** `shinchoku aggregate FILE --out FILE [--year R3] [--plan FILE] [--json FILE]`: 集計. */
import { aggregate } from '../../actions/aggregate';
import { assertWritable } from '../../actions/distribute';
import { readWorkbook } from '../../actions/readWorkbook';
import { MAX_CELL_TEXT } from '../../core/sheet/readCells';
import { defineCommand, progressTo } from '../command';
import { openWorkbookFile } from '../files/inputs';
import { ONE_WORKBOOK, OPTIONS } from '../options';
import { countErrors, jsonText, printAggregate, printProblems } from '../report';
import { commandFiles } from './common';

export const aggregateCommand = defineCommand({
  name: 'aggregate',
  summary: '集計: 合計・総合評価を入れ、集計表を作る（入力ファイルは変更しない）',
  description: `各進捗状況シートの合計・総合評価を入れ（消された式は元に戻します）、集計表
（取組状況一覧【実践項目別】【取組項目別】、テーマ別・評価集計、総評）を作って --out に保存します。
入力ファイルは変更しません。部署が入力したセルは変更しません。`,
  positionals: ONE_WORKBOOK,
  options: {
    out: OPTIONS.outFile('出力する .xlsx（入力とは別のファイル）'),
    ...OPTIONS.reading('集計する年度'),
    json: OPTIONS.json('集計結果を JSON で書き出す'),
  },
  exitCodes: '終了コード: 0 問題なし、1 問題あり（集計は行い、問題を表示）、2 使い方・ファイルの誤り',
  async run({ values, positionals, io }) {
    const { input, year, plan, outputs, json } = await commandFiles(positionals[0], values);
    const out = await outputs.claim(values.out, '--out');
    const book = await openWorkbookFile(input);
    // 集計 reads only the cells it counts; text longer than Excel keeps is found here, as split finds it.
    if (book.longestSharedText() > MAX_CELL_TEXT)
      assertWritable(await readWorkbook(book, { year, plan, purpose: 'full' }), input);
    const result = await aggregate(book, { year, plan, onProgress: progressTo(io) });
    await outputs.write(out, await book.toBuffer());
    if (json) await outputs.write(json, jsonText(result.json));
    printProblems(io, result.problems);
    io.out(`集計: ${out.path}`);
    printAggregate(io, result);
    return countErrors(result.problems) > 0 ? 1 : 0;
  },
});
