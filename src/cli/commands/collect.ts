/** `shinchoku collect FILE|DIR … --out FILE`: the workbooks returned by departments, into one. */
import { collectBooks } from '../../actions/distribute';
import { writeWorkbook } from '../../actions/template';
import { formatProblem } from '../../core/problems';
import { createWorkbookFile } from '../../xlsx/workbookFile';
import { defineCommand, progressTo } from '../command';
import { fileLabel, openWorkbookFile, workbookFiles } from '../files/inputs';
import { Outputs } from '../files/outputs';
import { OPTIONS, yearValue } from '../options';
import { planValue } from '../files/planFile';
import { yearCode } from '../../core/fiscalYear';

export const collectCommand = defineCommand({
  name: 'collect',
  summary: '回収: 部署から戻ったブックを一つにまとめる',
  description: `部署から戻ったブック（.xlsx、フォルダーを指定するとその中のすべて）の進捗状況シートを、小№の順に一つのブックに
まとめます。入力した内容はすべて移り、様式は最新のものになります（部署が変えた行の高さや色は移りません）。
同じ小№が二つのブックにある場合や、どのブックにもない実践項目は、問題として表示します。
まとめたブックに対して shinchoku aggregate で集計します。入力ファイルは変更しません。`,
  positionals: {
    usage: 'FILE または DIR ...',
    min: 1,
    max: Infinity,
    missing: 'まとめるブック（.xlsx）かフォルダーを指定してください。',
  },
  options: {
    out: OPTIONS.outFile('まとめたブック（.xlsx、入力のどれとも別のファイル）'),
    year: OPTIONS.year('まとめる年度', 'ブックの確認時期'),
    plan: OPTIONS.plan(),
    force: OPTIONS.force,
  },
  exitCodes: '終了コード: 0 問題なし、1 問題あり（まとめたブックは保存）、2 使い方・ファイルの誤り',
  async run({ values, positionals, io }) {
    const year = yearValue(values.year);
    const files = await workbookFiles(positionals);
    const planFile = values.plan === undefined ? null : await planValue(values.plan);
    const outputs = await Outputs.begin(planFile?.path ? [...files, planFile.path] : files, { force: values.force });
    const out = await outputs.claim(values.out, '--out');
    const books = [];
    for (const file of files) books.push({ label: fileLabel(file), port: await openWorkbookFile(file) });
    const collected = await collectBooks(books, { year, plan: planFile?.plan, onProgress: progressTo(io) });
    const target = createWorkbookFile();
    await writeWorkbook(target, collected.plan, collected.year, collected.sheets, null, { onProgress: progressTo(io) });
    await outputs.write(out, await target.toBuffer());
    for (const problem of collected.problems) io.out(formatProblem(problem));
    io.out(
      `回収: ${out.path}（${files.length} ファイルから進捗状況シート ${collected.sheets.length} 枚、確認時期 ${yearCode(collected.year)}）`,
    );
    return collected.problems.length > 0 ? 1 : 0;
  },
});
