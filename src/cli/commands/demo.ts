/**
 * `shinchoku demo --out DIR`: the built-in example workbook, its 集計 and the JSON.
 *
 * A second run into the same folder replaces the three files when they are the demo's own and
 * nobody changed them since (a ledger of their checksums in DIR/.shinchoku-demo.json), so the
 * README's first command works twice in a row; a file someone edited, or one the demo did not
 * write, is kept unless `--force` is given.
 */
import { join } from 'node:path';
import { aggregate } from '../../actions/aggregate';
import { createExample } from '../../actions/template';
import { EXAMPLE_YEAR } from '../../core/example';
import { createWorkbookFile, openWorkbookFile } from '../../xlsx/workbookFile';
import { defineCommand, progressTo } from '../command';
import { Outputs } from '../files/outputs';
import { OPTIONS } from '../options';
import { countErrors, jsonText, printAggregate } from '../report';
import { yearCode } from '../../core/fiscalYear';

/** The demo's record of the files it wrote (in the output folder). */
export const DEMO_LEDGER = '.shinchoku-demo.json';

export const demoCommand = defineCommand({
  name: 'demo',
  summary: '組み込みの例（苫小牧市 70 実践項目）のブックを作り、集計する',
  description: `組み込みの例（苫小牧市 行政創革プラン、令和３年度末、70 実践項目）で次のファイルを作ります:
  DIR/example.xlsx           進捗状況シート 70 枚（R2・R3 の自己評価、審議会評価平均入り）
  DIR/example-summary.xlsx   上のブックを「集計」したもの（合計・総合評価、集計表）
  DIR/example-summary.json   集計結果の JSON
もう一度実行すると、前回 demo が作ったまま変更されていないファイルだけを作り直します
（開いて入力したファイルや、ほかのファイルは --force がなければ置き換えません）。`,
  positionals: { usage: '', min: 0, max: 0 },
  options: { out: OPTIONS.outFolder('出力するフォルダー（なければ作ります）'), force: OPTIONS.force },
  async run({ values, io }) {
    const started = Date.now();
    const outputs = await Outputs.begin([], { force: values.force, ledger: DEMO_LEDGER });
    const folder = await outputs.folder(values.out);
    const examplePath = await outputs.claim(join(folder, 'example.xlsx'), 'example.xlsx');
    const summaryPath = await outputs.claim(join(folder, 'example-summary.xlsx'), 'example-summary.xlsx');
    const jsonPath = await outputs.claim(join(folder, 'example-summary.json'), 'example-summary.json');

    const book = createWorkbookFile();
    const names = await createExample(book, { onProgress: progressTo(io) });
    const exampleBytes = await book.toBuffer();
    await outputs.write(examplePath, exampleBytes);
    io.out(`作成: ${examplePath.path}（進捗状況シート ${names.length} 枚、確認時期 ${yearCode(EXAMPLE_YEAR)}）`);

    const summaryBook = await openWorkbookFile(exampleBytes);
    const result = await aggregate(summaryBook, { onProgress: progressTo(io) });
    await outputs.write(summaryPath, await summaryBook.toBuffer());
    await outputs.write(jsonPath, jsonText(result.json));
    io.out(`集計: ${summaryPath.path}`);
    io.out(`JSON: ${jsonPath.path}`);
    printAggregate(io, result);
    io.out(`所要時間 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
    return countErrors(result.problems) > 0 ? 1 : 0;
  },
});
