/**
 * `shinchoku collect FILE|DIR … --out FILE [--into MASTER]`: the workbooks returned by departments,
 * into one new workbook, or merged into this year's master (saved as a new file: the master is an
 * input and is never written).
 */
import { resolve } from 'node:path';
import { collectBooks } from '../../actions/distributeCollect';
import { mergeInto, writeCollected, type MergeResult } from '../../actions/distributeMerge';
import { readWorkbook } from '../../actions/readWorkbook';
import { yearCode } from '../../core/fiscalYear';
import type { Problem } from '../../core/problems';
import { defineCommand, progressTo } from '../command';
import { newBook, openBook, type BookFile } from '../files/books';
import { existingFile, fileLabel, workbookFiles } from '../files/inputs';
import { Outputs } from '../files/outputs';
import { OPTIONS, yearValue } from '../options';
import { planValue } from '../files/planFile';
import { printProblems } from '../report';

export const collectCommand = defineCommand({
  name: 'collect',
  summary: '回収: 部署から戻ったブックを一つにまとめる（--into で年度のブックへ）',
  description: `部署から戻ったブック（.xlsx、フォルダーを指定するとその中のすべて）の進捗状況シートを、小№の順に一つのブックに
まとめます。部署が入力したセル（確認時期を含む）は、数値・文字・空白・記号まで入力されたとおりに移ります。様式は最新の
ものになります（部署が変えた行の高さや色は移りません）。--into で年度のブック（マスター）を指定すると、部署が変えたセル
だけをマスターに反映したブックを --out に保存します（マスター自体は変更しません）。
別のプラン・別の年度のブックは取り込まず、ほかのブックだけを取り込みます。同じ小№が違う内容で二つのブックにある場合や、
配布した後にマスターと部署の両方で変更されたシートは「競合」として取り込まず、両方の内容を「取込履歴」シートに記録します。
取り込んだ内容はすべて「取込履歴」シートに記録されます。入力欄の外の文字、変更された名称なども表示します。`,
  positionals: {
    usage: 'FILE または DIR ...',
    min: 1,
    max: Infinity,
    missing: 'まとめるブック（.xlsx）かフォルダーを指定してください。',
  },
  options: {
    out: OPTIONS.outFile('まとめたブック（.xlsx、入力のどれとも別のファイル）'),
    into: {
      type: 'string',
      value: 'MASTER',
      description: '回収した内容を反映する年度のブック（変更せず、反映したものを --out に保存）',
    },
    year: OPTIONS.year('まとめる年度', 'ブックの確認時期'),
    plan: OPTIONS.plan(),
    force: OPTIONS.force,
  },
  exitCodes: '終了コード: 0 問題なし、1 問題あり（まとめたブックは保存）、2 使い方・ファイルの誤り',
  async run({ values, positionals, io, files: host }) {
    const year = yearValue(values.year);
    const master = values.into === undefined ? null : await existingFile(values.into);
    const files = (await workbookFiles(positionals)).filter((file) => file !== master);
    const planFile = values.plan === undefined ? null : await planValue(values.plan);
    const inputs = [...files, ...(planFile?.path ? [planFile.path] : []), ...(master ? [master] : [])];
    const outputs = await Outputs.begin(inputs, { force: values.force, fs: host.fs });
    const out = await outputs.claim(values.out, '--out');
    const books = [];
    for (const file of files) books.push({ label: fileLabel(file), port: await openBook(host, file) });
    const onProgress = progressTo(io);
    let result: MergeResult;
    let target: BookFile;
    let collectedYear;
    let sheetCount;
    let problems: Problem[];
    if (master) {
      target = await openBook(host, master);
      const reading = await readWorkbook(target, { year, plan: planFile?.plan, purpose: 'full', onProgress });
      const collected = await collectBooks(books, {
        plan: planFile?.plan,
        expect: { planFingerprint: reading.planFingerprint, year: reading.year },
        onProgress,
      });
      result = await mergeInto(target, reading, collected, { masterLabel: fileLabel(master), onProgress });
      problems = [...collected.problems, ...result.problems];
      collectedYear = reading.year;
      sheetCount = collected.sheets.length;
    } else {
      const collected = await collectBooks(books, { year, plan: planFile?.plan, onProgress });
      target = newBook(host, out.path);
      result = await writeCollected(target, collected, { onProgress });
      problems = collected.problems;
      collectedYear = collected.year;
      sheetCount = collected.sheets.length;
    }
    await outputs.write(out, await target.toBuffer());
    printProblems(io, problems);
    const conflicts = result.conflicts.length > 0 ? `、競合 ${result.conflicts.length} 件（取り込まず）` : '';
    io.out(
      master
        ? `回収: ${out.path}（${resolve(master)} に ${files.length} ファイルから反映: 変更したシート ${result.changedSheets.length} 枚、変更なし ${result.unchanged} 枚${conflicts}、確認時期 ${yearCode(collectedYear)}）`
        : `回収: ${out.path}（${files.length} ファイルから進捗状況シート ${sheetCount} 枚${conflicts}、確認時期 ${yearCode(collectedYear)}）`,
    );
    return problems.length > 0 ? 1 : 0;
  },
});
