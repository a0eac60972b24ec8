/**
 * 配布と回収 on files: `split` (one workbook per 担当部署) and `collect` (the returned workbooks into one).
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { collectBooks, groupByDepartment, writeDepartmentBook } from '../actions/distribute';
import { readWorkbook } from '../actions/readWorkbook';
import { writeWorkbook } from '../actions/template';
import { formatProblem } from '../core/problems';
import { createWorkbookFile } from '../xlsx/workbookFile';
import type { Command } from './commands';
import { inputFile, openBook, outputFile, planOption, progressTo, UsageError, yearOption } from './usage';

/** A file name for a department: its name without characters file systems refuse. */
export function departmentFileName(department: string): string {
  return `${department.replace(/[\\/:*?"<>|]/g, '_').trim() || '担当部署'}.xlsx`;
}

/** `shinchoku split FILE --out DIR` */
export const SPLIT_COMMAND: Command = {
  name: 'split',
  summary: '配布用: 担当部署ごとのブックに分ける',
  help: `使い方: shinchoku split FILE --out DIR

ブックの進捗状況シートを、担当部署（実践項目の最初の担当部署）ごとのブックに分けて DIR に保存します。
各ブックにはプラン定義が入るので、部署は受け取ったブックだけで入力でき、集計もできます。
入力ファイルは変更しません。回収は shinchoku collect で行います。`,
  options: { out: { type: 'string', short: 'o' } },
  async run(values, positionals, io) {
    const input = inputFile(positionals);
    if (typeof values.out !== 'string') throw new UsageError('--out で出力フォルダを指定してください。');
    const directory = resolve(values.out);
    const reading = await readWorkbook(await openBook(input), { onProgress: progressTo(io) });
    const groups = groupByDepartment(reading);
    mkdirSync(directory, { recursive: true });
    for (const [index, group] of groups.entries()) {
      io.progress(`部署ごとのブックを作成中 ${index + 1}/${groups.length}`);
      const book = createWorkbookFile();
      await writeDepartmentBook(book, reading, group);
      await book.save(join(directory, departmentFileName(group.department)));
    }
    io.progress('完了');
    for (const group of groups)
      io.out(`  ${departmentFileName(group.department)}: ${group.sheets.map((sheet) => sheet.itemNo).join('・')}`);
    io.out(`分割: ${directory}（${groups.length} 部署、進捗状況シート ${reading.sheets.length} 枚）`);
    return 0;
  },
};

/** `shinchoku collect FILE… --out FILE` */
export const COLLECT_COMMAND: Command = {
  name: 'collect',
  summary: '回収: 部署から戻ったブックを一つにまとめる',
  help: `使い方: shinchoku collect FILE または DIR ... --out FILE [--year R3] [--plan FILE]

部署から戻ったブック（.xlsx、フォルダーを指定するとその中のすべて）の進捗状況シートを、小№の順に一つのブックに
まとめます。入力した内容はすべて移り、様式は最新のものになります（部署が変えた行の高さや色は移りません）。
同じ小№が二つのブックにある場合や、どのブックにもない実践項目は、問題として表示します。
まとめたブックに対して shinchoku aggregate で集計します。入力ファイルは変更しません。
終了コード: 0 問題なし、1 問題あり（まとめたブックは保存）、2 使い方・ファイルの誤り`,
  options: { out: { type: 'string', short: 'o' }, year: { type: 'string', short: 'y' }, plan: { type: 'string' } },
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError('まとめるブック（.xlsx）かフォルダーを指定してください。');
    const files = [...new Set(positionals.flatMap((entry) => expandInput(entry)))];
    const out = outputFile(values.out);
    if (files.includes(out))
      throw new UsageError('入力ファイルは上書きしません。--out には別のファイル名を指定してください。');
    const books = [];
    for (const file of files) books.push({ label: basename(file), port: await openBook(file) });
    const collected = await collectBooks(books, {
      year: yearOption(values.year),
      plan: values.plan ? planOption(values.plan) : undefined,
      onProgress: progressTo(io),
    });
    const target = createWorkbookFile();
    await writeWorkbook(target, collected.plan, collected.year, collected.sheets, null, { onProgress: progressTo(io) });
    mkdirSync(dirname(out), { recursive: true });
    await target.save(out);
    for (const problem of collected.problems) io.out(formatProblem(problem));
    io.out(
      `回収: ${out}（${files.length} ファイルから進捗状況シート ${collected.sheets.length} 枚、確認時期 ${collected.year}）`,
    );
    return collected.problems.length > 0 ? 1 : 0;
  },
};

function expandInput(entry: string): string[] {
  const path = resolve(entry);
  if (existsSync(path) && statSync(path).isDirectory()) {
    const files = readdirSync(path)
      .filter((name) => name.toLowerCase().endsWith('.xlsx') && !name.startsWith('~$'))
      .sort()
      .map((name) => join(path, name));
    if (files.length === 0) throw new UsageError(`フォルダー ${entry} に .xlsx がありません。`);
    return files;
  }
  return [inputFile([entry])];
}
