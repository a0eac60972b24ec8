/**
 * The `shinchoku` CLI end to end on real .xlsx files: outputs, messages and exit codes.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { captureIo as capture } from '../support/captureIo';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { builtInPlan } from '../../src/core/example';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';

const directory = mkdtempSync(join(tmpdir(), 'shinchoku-cli-'));
const example = join(directory, 'example.xlsx');

beforeAll(async () => {
  const io = capture();
  expect(await run(['demo', '--out', directory], io)).toBe(0);
  expect(io.stdout.join('\n')).toContain('進捗状況シート 70 枚');
});

describe('shinchoku', () => {
  it('demo writes the example, its summary and the JSON', () => {
    for (const name of ['example.xlsx', 'example-summary.xlsx', 'example-summary.json'])
      expect(existsSync(join(directory, name))).toBe(true);
    const json = JSON.parse(readFileSync(join(directory, 'example-summary.json'), 'utf8'));
    expect(json.counts.active).toBe(66);
  });

  it('demo prints counts of 実践項目 that add up: evaluated this year (some ending this year) and ended before', async () => {
    const io = capture();
    expect(await run(['demo', '--out', directory], io)).toBe(0);
    // 70 = 66 evaluated in R3 (5 of them end in R3) + 4 that ended by R2; the published report's 66.
    expect(io.stdout.join('\n')).toContain(
      '実践項目 70（R3 の評価対象 66、うち R3 で取組終了 5。R2 までに取組終了 4）',
    );
  });

  it('demo --out DIR a second time replaces its own unchanged files, and keeps a file someone changed', async () => {
    const again = capture();
    expect(await run(['demo', '--out', directory], again)).toBe(0);
    const json = join(directory, 'example-summary.json');
    writeFileSync(json, `${readFileSync(json, 'utf8')}\n`); // someone edited it
    const refused = capture();
    expect(await run(['demo', '--out', directory], refused)).toBe(2);
    expect(refused.stderr.join('\n')).toContain('example-summary.json のファイルは既にあります');
    expect(readFileSync(json, 'utf8').endsWith('\n\n')).toBe(true);
    expect(await run(['demo', '--out', directory, '--force'], capture())).toBe(0);
    expect(readFileSync(json, 'utf8').endsWith('}\n')).toBe(true);
  });

  it('check: exit 0 on the clean example', async () => {
    const io = capture();
    expect(await run(['check', example], io)).toBe(0);
    expect(io.stdout.at(-1)).toBe('確認: 70 シート（R3）、エラー 0 件、注意 0 件');
  });

  it('check: exit 1 with sheet, cell and fix for a bad score, and --json', async () => {
    const book = await XlsxWorkbook.open(example);
    const layout = progressSheetLayout(builtInPlan());
    const sheet = (await book.listSheets()).find((entry) => entry.name.startsWith('5 '))?.name as string;
    await book.writeCells([{ sheet, cells: [{ address: layout.scores[1].scores.efficiency, value: '４' }] }]);
    const bad = join(directory, 'bad.xlsx');
    await book.save(bad);
    const io = capture();
    const jsonPath = join(directory, 'problems.json');
    expect(await run(['check', bad, '--json', jsonPath], io)).toBe(1);
    expect(io.stdout[0]).toBe(
      `【エラー】シート「${sheet}」 セル E30: 効率性（R3） の「４」は 0〜3 の範囲外です。 → 0〜3 の整数を入力してください。`,
    );
    expect(JSON.parse(readFileSync(jsonPath, 'utf8')).problems[0]).toMatchObject({
      sheet,
      cell: 'E30',
      code: 'score-out-of-range',
    });
  });

  it('aggregate: writes --out and --json, never its input', async () => {
    const before = statSync(example).mtimeMs;
    const io = capture();
    const out = join(directory, 'summary.xlsx');
    const jsonPath = join(directory, 'summary.json');
    expect(await run(['aggregate', example, '--out', out, '--json', jsonPath], io)).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(JSON.parse(readFileSync(jsonPath, 'utf8')).year).toBe('R3');
    expect(statSync(example).mtimeMs).toBe(before);
    const same = capture();
    expect(await run(['aggregate', example, '--out', example], same)).toBe(2);
    expect(same.stderr.join('\n')).toContain('入力ファイルは上書きしません');
  });

  it('template: a blank workbook for a year, which check reports as unfilled (not the 9 ended items)', async () => {
    const out = join(directory, 'template.xlsx');
    const io = capture();
    expect(await run(['template', '--year', '令和４年度', '--out', out], io)).toBe(0);
    expect(io.stdout[0]).toContain('確認時期 R4');
    const checked = capture();
    expect(await run(['check', out], checked)).toBe(1);
    // The 9 items that ended in R2 and R3 are marked 取組終了 and not asked for R4 scores.
    expect(checked.stdout.at(-1)).toBe('確認: 70 シート（R4）、エラー 61 件、注意 0 件');
  });

  it('usage and file errors exit 2 with a Japanese message', async () => {
    const cases: [string[], RegExp][] = [
      [['nosuch'], /「nosuch」というコマンドはありません/],
      [['check'], /入力ファイル/],
      [['check', join(directory, 'missing.xlsx')], /見つかりません/],
      [['check', join(directory, 'example-summary.json')], /\.xlsx として開けません/],
      [['aggregate', example], /--out/],
      [['template', '--year', 'R9', '--out', join(directory, 'x.xlsx')], /計画期間/],
      [['template', '--year', 'R3', '--bogus', '--out', 'x'], /「--bogus」というオプションはありません/],
    ];
    for (const [args, message] of cases) {
      const io = capture();
      expect({ args, code: await run(args, io) }).toEqual({ args, code: 2 });
      expect(io.stderr.join('\n')).toMatch(message);
    }
  });

  it('--help for the program and each command', async () => {
    for (const args of [
      ['--help'],
      ...['demo', 'template', 'check', 'aggregate', 'split', 'collect', 'print-setup', 'pdf'].map((name) => [
        name,
        '--help',
      ]),
    ]) {
      const io = capture();
      expect(await run(args, io)).toBe(0);
      expect(io.stdout.join('\n')).toContain('使い方');
    }
  });
});
