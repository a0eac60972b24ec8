/**
 * split names each department's workbook after the department, legal and distinct on every OS:
 * 総務/課 and 総務:課 no longer meet in one file (one item was never distributed), a very long name
 * no longer stops split (ENAMETOOLONG), and the output says which file holds which department.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { captureIo } from '../support/captureIo';
import { smallBook, temporaryFolder } from '../support/smallBook';

const LONG = `${'地域包括ケア推進'.repeat(30)}課`; // 241 characters, 723 bytes in UTF-8
const DEPARTMENTS = ['総務/課', '総務:課', '総務／課', LONG, 'CON', ' .隠し課. ', '市民課', '市民課'];

describe('split: one file per department, whatever its name', () => {
  let folder: string;
  let book: string;
  let stdout: string[];
  let code: number;

  beforeAll(async () => {
    folder = temporaryFolder('departments');
    ({ book } = await smallBook(folder, DEPARTMENTS));
    const io = captureIo();
    code = await run(['split', book, '--out', join(folder, 'split')], io);
    stdout = io.stdout;
  });

  it('gives every distinct department its own file (7 departments for 8 items), none lost', async () => {
    expect(code).toBe(0);
    const files = readdirSync(join(folder, 'split')).sort();
    expect(files).toHaveLength(7);
    expect(files).toEqual(
      expect.arrayContaining([
        '総務／課.xlsx',
        '総務：課.xlsx',
        '総務／課 (2).xlsx',
        'CON_.xlsx',
        '隠し課.xlsx',
        '市民課.xlsx',
      ]),
    );
    const collected = captureIo();
    await run(['collect', join(folder, 'split'), '--out', join(folder, 'collected.xlsx')], collected);
    const printed = collected.stdout.join('\n');
    expect(printed).toContain('7 ファイルから進捗状況シート 8 枚');
    expect(printed).not.toMatch(/にもあります|どのブックにもありません/);
  });

  it('shortens a very long name readably, within what every file system accepts', () => {
    const long = readdirSync(join(folder, 'split')).find((name) => name.startsWith('地域包括ケア推進'));
    expect(long).toMatch(/^(地域包括ケア推進)+地?域?包?括?ケ?ア?推?…\.xlsx$/);
    expect(Buffer.byteLength(long as string)).toBeLessThan(255);
  });

  it('says which file holds which department', () => {
    const printed = stdout.join('\n');
    expect(printed).toContain('総務／課.xlsx ← 総務/課（小№ 1）');
    expect(printed).toContain('総務：課.xlsx ← 総務:課（小№ 2）');
    expect(printed).toContain('総務／課 (2).xlsx ← 総務／課（小№ 3）');
    expect(printed).toContain('市民課.xlsx ← 市民課（小№ 7・8）');
    expect(stdout.at(-1)).toMatch(/（7 部署、進捗状況シート 8 枚）$/);
  });
});
