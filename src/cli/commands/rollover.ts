/**
 * `shinchoku rollover FILE --to R4 --out FILE`: next year's workbook from this year's. The input
 * is never changed, so it stays as the year's archive (with this year's 評価の理由 and 審議会評価).
 */
import { rollover } from '../../actions/rollover';
import { yearCode } from '../../core/fiscalYear';
import { defineCommand, progressTo } from '../command';
import { newBook, openBook } from '../files/books';
import { ONE_WORKBOOK, OPTIONS, UsageError, yearValue } from '../options';
import { commandFiles } from './common';

export const rolloverCommand = defineCommand({
  name: 'rollover',
  summary: '年度の繰越: 今年度のブックから次の年度のブックを作る',
  description: `今年度のブック（集計済みでも可）から、--to の年度のブックを作ります。これまでの年度の工程・取組内容・自己評価は
入力されたとおりに残り、確認時期が新しい年度になります。新しい年度に入力する欄だけが空になります（評価の理由は一年度分の
欄のため空にします。今年度の評価の理由と審議会評価は、変更しない入力ファイルに残ります）。取組終了の実践項目は、シートを
残して灰色のタブで示し、入力を求めず、最後の評価で集計されます。エラーのあるブックや、計画期間の後の年度へは繰り越しません。`,
  positionals: ONE_WORKBOOK,
  options: {
    to: { ...OPTIONS.year('繰り越す先の年度'), required: true as const },
    out: OPTIONS.outFile('次の年度のブック（.xlsx、入力とは別のファイル）'),
    force: OPTIONS.force,
  },
  async run({ values, positionals, io, files }) {
    const to = yearValue(values.to);
    if (!to) throw new UsageError('--to で繰り越す先の年度を指定してください（例: --to R4）。');
    const { input, outputs } = await commandFiles(positionals[0], values, files);
    const out = await outputs.claim(values.out, '--out');
    const book = newBook(files, out.path);
    const result = await rollover(await openBook(files, input), book, to, { onProgress: progressTo(io) });
    await outputs.write(out, await book.toBuffer());
    const ended = result.ended > 0 ? `（うち取組終了 ${result.ended} 枚）` : '';
    io.out(
      `繰越: ${out.path}（${yearCode(result.from)} → ${yearCode(result.to)}、進捗状況シート ${result.sheets.length} 枚${ended}）`,
    );
    return 0;
  },
});
