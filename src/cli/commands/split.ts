/**
 * `shinchoku split FILE --out DIR`: one workbook per 担当部署 (the first listed department of each
 * 実践項目), each standing alone with its プラン定義. File names come from the department names,
 * made legal and distinct on every OS (the same names as the pane's 配布: actions/splitFiles.ts); the output says which file holds which
 * department. Every file is claimed before any is written: a name that is the input itself, or an
 * existing file (without --force), stops the command with nothing written.
 */
import { join } from 'node:path';
import { groupByDepartment, writeDepartmentBook } from '../../actions/distribute';
import { readWorkbook } from '../../actions/readWorkbook';
import { departmentFileNames } from '../../actions/splitFiles';
import { defineCommand, progressTo } from '../command';
import { newBook, openBook } from '../files/books';
import { fileLabel } from '../files/inputs';
import { ONE_WORKBOOK, OPTIONS } from '../options';
import { commandFiles } from './common';

export const splitCommand = defineCommand({
  name: 'split',
  summary: '配布用: 担当部署ごとのブックに分ける',
  description: `ブックの進捗状況シートを、担当部署（実践項目の最初の担当部署）ごとのブックに分けて DIR に保存します。
各ブックにはプラン定義が入るので、部署は受け取ったブックだけで入力でき、集計もできます。
ファイル名は部署名です（ファイル名に使えない文字は全角に、長い名前は「…」で短くし、重なる名前には (2) などを付けます）。
どのファイルがどの部署のものかを表示します。入力ファイルは変更しません。回収は shinchoku collect で行います。`,
  positionals: ONE_WORKBOOK,
  options: { out: OPTIONS.outFolder('部署ごとのブックを保存するフォルダー（なければ作ります）'), force: OPTIONS.force },
  async run({ values, positionals, io, files }) {
    const { input, outputs } = await commandFiles(positionals[0], values, files);
    const folder = await outputs.folder(values.out);
    const reading = await readWorkbook(await openBook(files, input), { onProgress: progressTo(io) });
    const groups = groupByDepartment(reading);
    const names = departmentFileNames(groups);
    const claims = [];
    for (const group of groups)
      claims.push(await outputs.claim(join(folder, names.get(group.department) as string), group.department));
    // Every book is made before any is put in place: a failure leaves the folder as it was.
    await outputs.writeAll(claims, async (claim, index) => {
      io.progress(`部署ごとのブックを作成中 ${index + 1}/${groups.length}`);
      const book = newBook(files, claim.path);
      await writeDepartmentBook(book, reading, groups[index], { source: fileLabel(input) });
      return book.toBuffer();
    });
    io.progress('完了');
    for (const group of groups)
      io.out(
        `  ${names.get(group.department)} ← ${group.department}（小№ ${group.sheets.map((sheet) => sheet.data.itemNo).join('・')}）`,
      );
    const sent = groups.reduce((sum, group) => sum + group.sheets.length, 0);
    const ended = reading.sheets.length - sent;
    io.out(
      `分割: ${folder}（${groups.length} 部署、進捗状況シート ${sent} 枚${ended > 0 ? `。取組終了の ${ended} 枚は配布しません` : ''}）`,
    );
    return 0;
  },
});
