/**
 * `shinchoku undo FILE --out FILE`: 元に戻す on an .xlsx file that 「集計」 was run on in Excel (or by
 * `aggregate`): from the record the 集計 kept inside the workbook. The CLI itself never needs a
 * backup (it never writes its input); this command is for a workbook whose 集計 was saved over.
 */
import { undoAggregate } from '../../actions/undo';
import { defineCommand, progressTo } from '../command';
import { openWorkbookFile } from '../files/inputs';
import { ONE_WORKBOOK, OPTIONS } from '../options';
import { commandFiles } from './common';

export const undoCommand = defineCommand({
  name: 'undo',
  summary: '元に戻す: 前回の集計の前の状態に戻したブックを作る（入力ファイルは変更しない）',
  description: `ブックの中に残された集計の記録（非表示のシート）から、前回の「集計」の前の状態
（各進捗状況シートの合計・総合評価と集計表）に戻して --out に保存します。Excel で集計して保存したブックにも使えます。
入力ファイルは変更しません。部署が入力したセルは変更しません。`,
  positionals: ONE_WORKBOOK,
  options: {
    out: OPTIONS.outFile('出力する .xlsx（入力とは別のファイル）'),
    force: OPTIONS.force,
  },
  async run({ values, positionals, io }) {
    const { input, outputs } = await commandFiles(positionals[0], values);
    const out = await outputs.claim(values.out, '--out');
    const book = await openWorkbookFile(input);
    const result = await undoAggregate(book, { onProgress: progressTo(io) });
    await outputs.write(out, await book.toBuffer());
    io.out(`元に戻す: ${out.path}`);
    io.out(
      `合計・総合評価を戻したシート ${result.restoredSheets.length} 枚、集計表を前回の内容に戻したシート ${result.rebuiltTabs.length} 枚、削除したシート ${result.deletedTabs.length} 枚`,
    );
    if (result.keptTabs.length > 0)
      io.out(
        `そのまま残したシート: ${result.keptTabs.join('、')}（前の内容が記録されていないか、集計の後に入力があったため）`,
      );
    if (result.missingItems.length > 0) io.out(`シートが見つからず戻せなかった小№: ${result.missingItems.join('、')}`);
    return 0;
  },
});
