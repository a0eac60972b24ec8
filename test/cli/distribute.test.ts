/**
 * 配布と回収 on files: split the example into one workbook per 担当部署 (the 4 items that ended in R2
 * are not sent), collect them back, and 集計 gives the same figures (the ended items counted from
 * 取組終了の評価); a department checks only its own sheets; missing sheets are reported.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { captureIo as capture } from '../support/captureIo';

const directory = mkdtempSync(join(tmpdir(), 'shinchoku-distribute-'));
const split = join(directory, 'split');

beforeAll(async () => {
  expect(await run(['demo', '--out', directory], capture())).toBe(0);
  const io = capture();
  expect(await run(['split', join(directory, 'example.xlsx'), '--out', split], io)).toBe(0);
  expect(io.stdout.at(-1)).toMatch(/^分割: .*（38 部署、進捗状況シート 66 枚。取組終了の 4 枚は配布しません）$/);
});

describe('split and collect', () => {
  it('gives one workbook per lead department, each standing alone', async () => {
    const files = readdirSync(split);
    expect(files).toHaveLength(38);
    expect(files).toContain('（政）政策推進課.xlsx');
    const io = capture();
    // Only the department's own sheet is checked (it used to report the other 69 as missing).
    expect(await run(['check', join(split, '会計課.xlsx')], io)).toBe(0);
    expect(io.stdout.at(-1)).toBe('確認: 1 シート（R3）、エラー 0 件、注意 0 件');
  });

  it('collects them back into one workbook that aggregates to the same figures, council included', async () => {
    const collected = join(directory, 'collected.xlsx');
    const io = capture();
    expect(await run(['collect', split, '--out', collected], io)).toBe(0);
    expect(io.stdout.at(-1)).toBe(`回収: ${collected}（38 ファイルから進捗状況シート 66 枚、確認時期 R3）`);
    const jsonPath = join(directory, 'collected.json');
    expect(
      await run(
        ['aggregate', collected, '--out', join(directory, 'collected-summary.xlsx'), '--json', jsonPath],
        capture(),
      ),
    ).toBe(0);
    const expected = JSON.parse(readFileSync(join(__dirname, '../golden/example-R3.summary.json'), 'utf8'));
    expect(JSON.parse(readFileSync(jsonPath, 'utf8'))).toEqual(expected);
  });

  it('takes a sheet returned twice with the same content once, and reports a sheet never returned (exit 1)', async () => {
    const partial = join(directory, 'partial');
    mkdirSync(partial);
    for (const file of readdirSync(split)) copyFileSync(join(split, file), join(partial, file));
    rmSync(join(partial, '会計課.xlsx'));
    copyFileSync(join(split, '議会事務局.xlsx'), join(partial, '議会事務局 (2).xlsx'));
    const io = capture();
    expect(await run(['collect', partial, '--out', join(directory, 'partial.xlsx')], io)).toBe(1);
    const printed = io.stdout.join('\n');
    expect(printed).not.toContain('小№ 56');
    expect(printed).toContain(
      '実践項目 57「会計事務の在り方の検討」のシートが、どのブックにもありません（担当: 会計課）',
    );
    expect(io.stdout.at(-1)).toContain('進捗状況シート 65 枚');
    // The status board over the same folder: 会計課 has not returned its book.
    const status = capture();
    expect(await run(['status', partial], status)).toBe(1);
    expect(status.stdout).toContain('  未提出  会計課');
    expect(status.stdout).toContain('      小№ 57「会計事務の在り方の検討」: シートがありません');
    expect(status.stdout.at(-1)).toBe('提出状況: R3、38 部署（完了 37、入力中 0、未提出 1）');
  });

  it('refuses usage errors with exit 2', async () => {
    const io = capture();
    expect(await run(['collect', '--out', join(directory, 'x.xlsx')], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('まとめるブック');
    expect(await run(['split', join(directory, 'example.xlsx')], capture())).toBe(2);
  });
});
