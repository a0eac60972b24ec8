/**
 * The catalogue's longest texts (issue 9): Excel keeps at most 32,767 characters in a cell. Text
 * of exactly 32,767 characters is accepted by 入力チェック and travels unchanged through split →
 * collect; 32,768 characters are refused alike by `check` (an error), `aggregate` and `split`
 * (nothing written), each naming the sheet, the cell and the fix.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { readWorkbook } from '../../src/actions/readWorkbook';
import { run } from '../../src/cli/main';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { openWorkbookFile } from '../../src/xlsx/workbookFile';
import { captureIo } from '../support/captureIo';
import { fillScores, smallBook, temporaryFolder } from '../support/smallBook';

const MAX = 32767;
/**
 * Text of `length` characters as Excel counts them (a character outside the BMP counts two), never
 * ending in half of one.
 */
function textOf(length: number): string {
  const cut = '進捗😀'.repeat(length).slice(0, length);
  return /[\ud800-\udbff]$/.test(cut) ? `${cut.slice(0, -1)}a` : cut;
}

let folder: string;
let book: string;
let sheet: string;
let cell: string;

beforeAll(async () => {
  folder = temporaryFolder('long-text');
  ({ book } = await smallBook(folder, ['総務課', '財政課']));
  await fillScores(book);
  const reading = await readWorkbook(await openWorkbookFile(readFileSync(book)));
  sheet = reading.sheets[0].name;
  cell = progressSheetLayout(reading.plan).reasons.overall;
});

const PLACEHOLDER = 'ここに長い文章';

/**
 * A copy of the book with the text in the first sheet's 評価の理由, stored as Excel stores text: in
 * the shared strings. The ports refuse to write more than Excel keeps, so the text is put into the
 * file's XML in place of a placeholder (as another program could have written it).
 */
async function withText(name: string, text: string): Promise<string> {
  const port = await openWorkbookFile(readFileSync(book));
  await port.writeCells([{ sheet, cells: [{ address: cell, value: PLACEHOLDER }] }]);
  const zip = await JSZip.loadAsync(await port.toBuffer());
  // Bytes, decoded and encoded by Node (JSZip's own string coding splits characters outside the BMP).
  const read = async (part: string) => (await zip.file(part)!.async('nodebuffer')).toString('utf8');
  const write = (part: string, xml: string) => zip.file(part, Buffer.from(xml, 'utf8'));
  const strings = await read('xl/sharedStrings.xml');
  const index = strings.match(/<si>/g)?.length ?? 0;
  write('xl/sharedStrings.xml', strings.replace('</sst>', `<si><t xml:space="preserve">${text}</t></si></sst>`));
  const sheets = Object.keys(zip.files).filter((part) => part.startsWith('xl/worksheets/sheet'));
  let replaced = 0;
  for (const part of sheets) {
    const xml = await read(part);
    const inline = new RegExp(`(<c r="${cell}"[^>]*?) t="inlineStr"><is><t[^>]*>${PLACEHOLDER}</t></is></c>`);
    if (!inline.test(xml)) continue;
    write(part, xml.replace(inline, `$1 t="s"><v>${index}</v></c>`));
    replaced++;
  }
  expect(replaced).toBe(1);
  const path = join(folder, name);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

async function cli(...args: string[]) {
  const io = captureIo();
  const code = await run(args, io);
  return { code, out: [...io.stdout, ...io.stderr].join('\n') };
}

describe('text of exactly 32,767 characters', () => {
  it('is accepted by check and kept exactly through split → collect', async () => {
    const text = textOf(MAX);
    expect(text).toHaveLength(MAX);
    const path = await withText('longest.xlsx', text);
    // No error (a warning that the page no longer fits is right: it is a very long text).
    const checked = await cli('check', path);
    expect(checked.out).toContain('エラー 0 件');
    expect(checked.out).not.toContain('上限');
    const split = await cli('split', path, '--out', join(folder, 'split'));
    expect(split).toEqual({ code: 0, out: split.code === 0 ? split.out : '' });
    const returned = readdirSync(join(folder, 'split')).map((name) => join(folder, 'split', name));
    const collected = join(folder, 'collected.xlsx');
    expect(await cli('collect', ...returned, '--out', collected)).toMatchObject({ code: 0 });
    const port = await openWorkbookFile(readFileSync(collected));
    const [range] = await port.readRanges([{ sheet, address: cell }]);
    const kept = range.values[0][0];
    // Compared without printing 32 KB on failure.
    expect({ length: String(kept).length, same: kept === text }).toEqual({ length: MAX, same: true });
  });
});

describe('text of 32,768 characters', () => {
  let path: string;
  beforeAll(async () => {
    path = await withText('too-long.xlsx', textOf(MAX + 1));
  });

  /** The message names the sheet, the cell, the limit and the fix. */
  function named(out: string): void {
    expect(out).toContain(sheet);
    expect(out).toContain(cell);
    expect(out).toContain('32,767');
    expect(out).toMatch(/短く/);
  }

  it('is an error of check, with the sheet, the cell and the fix', async () => {
    const { code, out } = await cli('check', path);
    expect(code).toBe(1);
    named(out);
  });

  it.each([
    ['aggregate', (out: string) => ['aggregate', path, '--out', out]],
    ['split', (out: string) => ['split', path, '--out', out]],
  ])('is refused by %s, with the sheet, the cell and the fix, and nothing is written', async (name, args) => {
    const out = join(folder, `${name}-out`);
    const { code, out: said } = await cli(...args(out));
    expect(code).toBe(2);
    named(said);
    expect(existsSync(out)).toBe(false);
  });
});
