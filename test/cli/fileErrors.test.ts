/**
 * Files the CLI cannot use are refused in Japanese with the file and what to do (issue 9, item
 * 6): file-system errors (a folder, a path through a file, a name too long, a missing file) and
 * files that are not a workbook it can open (password-protected, .xls, empty, text, a cut-short
 * or non-workbook zip). Never the system's or the library's English text.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { run } from '../../src/cli/main';
import { captureIo } from '../support/captureIo';
import { smallBook, temporaryFolder } from '../support/smallBook';

const FIXTURES = join(__dirname, 'fixtures');
/** Words of Node's and the zip and spreadsheet libraries' messages that must never reach the user. */
const ENGLISH =
  /illegal operation|no such file|not a directory|name too long|Error:|errno|syscall|corrupted|central directory|end of data|can't find|is this a zip/i;

let folder: string;
let book: string;

beforeAll(async () => {
  folder = temporaryFolder('file-errors');
  ({ book } = await smallBook(folder));
});

async function refusal(...args: string[]): Promise<string> {
  const io = captureIo();
  const code = await run(args, io);
  const text = io.stderr.join('\n');
  expect({ args, code }).toEqual({ args, code: 2 });
  expect(text).not.toMatch(ENGLISH);
  expect(text).toContain('→ '); // a fix is given
  return text;
}

describe('inputs that are not a workbook the CLI can open', () => {
  it('a password-protected workbook is named as protected, with how to remove the password', async () => {
    const text = await refusal('check', join(FIXTURES, 'error.encrypted.xlsx'));
    expect(text).toContain('パスワードで保護（暗号化）されたブックです');
    expect(text).toContain('［ファイル］→［情報］→［ブックの保護］→［パスワードを使用して暗号化］');
  });

  it('an Excel 97-2003 .xls is named as the old format', async () => {
    expect(await refusal('aggregate', join(FIXTURES, 'error.legacy.xls'), '--out', join(folder, 'x.xlsx'))).toContain(
      '古い形式（Excel 97-2003 ブック .xls）です',
    );
  });

  it('an empty file, a text file, a cut-short workbook, a zip that is no workbook', async () => {
    const empty = join(folder, 'empty.xlsx');
    writeFileSync(empty, '');
    expect(await refusal('check', empty)).toContain('空のファイルです');
    const text = join(folder, 'text.xlsx');
    writeFileSync(text, '小№,進捗度\n1,2\n');
    expect(await refusal('check', text)).toContain('中身がブックの形式ではありません');
    const cut = join(folder, 'cut.xlsx');
    const bytes = readFileSync(book);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await refusal('check', cut)).toContain('ブックが壊れています');
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const docx = join(folder, 'letter.xlsx');
    writeFileSync(docx, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(await refusal('check', docx)).toContain('Word の .docx');
  });

  it('a folder given as the workbook', async () => {
    expect(await refusal('check', folder)).toContain('ファイルではなくフォルダーです');
  });

  it('a missing file and a missing --plan', async () => {
    expect(await refusal('check', join(folder, 'missing.xlsx'))).toContain('見つかりません');
    expect(await refusal('check', book, '--plan', join(folder, 'missing.json'))).toContain('見つかりません');
  });
});

describe('outputs the file system refuses', () => {
  it('--out through a file, an existing folder, a name too long', async () => {
    const plain = join(folder, 'plain.txt');
    writeFileSync(plain, 'x');
    expect(await refusal('aggregate', book, '--out', join(plain, 'out.xlsx'))).toContain(
      'パスの途中にフォルダーではないもの',
    );
    const existing = join(folder, 'a-folder');
    mkdirSync(existing);
    expect(await refusal('aggregate', book, '--out', existing)).toContain('ファイルではなくフォルダーです');
    expect(await refusal('aggregate', book, '--out', join(folder, `${'長'.repeat(120)}.xlsx`))).toContain(
      'ファイル名またはパスが長すぎます',
    );
  });

  it('split --out a file', async () => {
    const target = join(folder, 'split-target.xlsx');
    copyFileSync(book, target);
    expect(await refusal('split', book, '--out', target)).toContain('パスの途中にフォルダーではないもの');
  });
});
