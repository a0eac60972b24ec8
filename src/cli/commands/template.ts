/**
 * `shinchoku template [--plan FILE] --year R3 --out FILE`: empty 進捗状況シート for a plan and year;
 * `shinchoku template --plan-form [--plan FILE] --out FILE`: the プラン定義 workbook a secretariat fills.
 */
import { createPlanForm, createTemplate } from '../../actions/template';
import { createWorkbookFile } from '../../xlsx/workbookFile';
import { defineCommand, progressTo } from '../command';
import { Outputs } from '../files/outputs';
import { OPTIONS, UsageError, yearValue } from '../options';
import { planValue } from '../files/planFile';
import { yearCode } from '../../core/fiscalYear';
import { outsidePeriod } from '../../core/plan';
import { itemSheetNameNotes } from '../../core/sheet/writeProgressSheet';

export const templateCommand = defineCommand({
  name: 'template',
  summary: 'プランから空の進捗状況シートのブックを作る',
  description: `プラン（省略時は組み込みの苫小牧市のプラン）の実践項目ごとに、空の進捗状況シートを作ります。
ブックにはプラン定義と審議会評価のシートも入り、集計にはこのブックだけが必要です。
--plan にはプランの JSON か、プラン定義のブック（.xlsx）を指定できます。
--plan-form では、事務局が記入するプラン定義のブック（記入方法、ドロップダウン、記入例つき）を作ります。`,
  positionals: { usage: '', min: 0, max: 0 },
  options: {
    plan: {
      ...OPTIONS.plan('プランの JSON（assets/plan/plan.json と同じ形）か、プラン定義のブック（.xlsx）'),
      default: '組み込みの苫小牧市のプラン',
    },
    year: OPTIONS.year('確認する年度（--plan-form では不要）'),
    out: OPTIONS.outFile('出力する .xlsx'),
    force: OPTIONS.force,
    'plan-form': { type: 'boolean', description: 'プラン定義のブックを作る（--plan のプランを記入例にする）' },
  },
  async run({ values, io }) {
    const { plan, path: planPath } = await planValue(values.plan);
    if (values['plan-form']) {
      const outputs = await Outputs.begin(planPath ? [planPath] : [], { force: values.force });
      const out = await outputs.claim(values.out, '--out');
      const book = createWorkbookFile();
      await createPlanForm(book, plan);
      await outputs.write(out, await book.toBuffer());
      io.out(`作成: ${out.path}（プラン定義のブック、記入例: ${plan.title}）`);
      return 0;
    }
    const year = yearValue(values.year);
    if (!year) throw new UsageError('--year で確認する年度を指定してください（例: --year R3）。');
    if (!plan.period.includes(year)) throw new UsageError(outsidePeriod(plan, year));
    const outputs = await Outputs.begin(planPath ? [planPath] : [], { force: values.force });
    const out = await outputs.claim(values.out, '--out');
    const book = createWorkbookFile();
    const names = await createTemplate(book, { plan, year, onProgress: progressTo(io) });
    await outputs.write(out, await book.toBuffer());
    io.out(`作成: ${out.path}（${plan.title}、進捗状況シート ${names.length} 枚、確認時期 ${yearCode(year)}）`);
    for (const note of itemSheetNameNotes(plan.items)) io.out(note);
    return 0;
  },
});
