/**
 * No output of any command can overwrite an input or another output (issue 9, item 1): outputs
 * that are inputs by another name (symbolic and hard links, other spellings), --json colliding
 * with an input or with --out, split's files meeting the input, and existing files replaced
 * without --force. Each refused command exits 2, names the file, and writes nothing at all.
 */
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { captureIo } from '../support/captureIo';
import { smallBook, temporaryFolder } from '../support/smallBook';

let folder: string;
let book: string;
let plan: string;
let original: Buffer;

beforeAll(async () => {
  folder = temporaryFolder('outputs');
  ({ book, plan } = await smallBook(folder, ['総務課', '会計課']));
  original = readFileSync(book);
});

/** Runs the CLI; returns the exit code and what it printed on stderr. */
async function cli(...args: string[]) {
  const io = captureIo();
  const code = await run(args, io);
  return { code, stderr: io.stderr.join('\n'), stdout: io.stdout.join('\n') };
}

/** A fresh folder holding a copy of the workbook. */
function workFolder(name: string): { dir: string; input: string } {
  const dir = join(folder, name);
  mkdirSync(dir);
  const input = join(dir, 'book.xlsx');
  copyFileSync(book, input);
  return { dir, input };
}

function unchanged(path: string): boolean {
  return readFileSync(path).equals(original);
}

describe('an output that is an input by another name is refused, and nothing is written', () => {
  it.each([
    ['aggregate', (input: string, link: string) => ['aggregate', input, '--out', link]],
    ['print-setup', (input: string, link: string) => ['print-setup', input, '--out', link]],
    ['collect', (input: string, link: string) => ['collect', input, '--out', link]],
    ['pdf', (input: string, link: string) => ['pdf', input, '--out', link]],
  ])('%s --out a symbolic link, and a hard link, to the input', async (name, args) => {
    const { dir, input } = workFolder(`links-${name}`);
    const symbolic = join(dir, 'symbolic.xlsx');
    const hard = join(dir, 'hard.xlsx');
    symlinkSync(input, symbolic);
    linkSync(input, hard);
    for (const link of [symbolic, hard]) {
      const result = await cli(...args(input, link));
      expect({ link, code: result.code }).toEqual({ link, code: 2 });
      expect(result.stderr).toContain('入力ファイルは上書きしません');
      expect(unchanged(input)).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'hard.xlsx', 'symbolic.xlsx']);
  });

  it('--out spelled another way (../, ./) is still the input', async () => {
    const { dir, input } = workFolder('spelling');
    const result = await cli('aggregate', input, '--out', join(dir, '..', 'spelling', '.', 'book.xlsx'));
    expect(result.code).toBe(2);
    expect(unchanged(input)).toBe(true);
  });

  it('check A --json A', async () => {
    const { input } = workFolder('check-json');
    const result = await cli('check', input, '--json', input);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('入力ファイルは上書きしません');
    expect(unchanged(input)).toBe(true);
  });

  it('aggregate A --out O --json A: refused before O is written', async () => {
    const { dir, input } = workFolder('aggregate-json-input');
    const out = join(dir, 'out.xlsx');
    const result = await cli('aggregate', input, '--out', out, '--json', input);
    expect(result.code).toBe(2);
    expect(unchanged(input)).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it('--json O equal to --out O (also through a link to O)', async () => {
    const { dir, input } = workFolder('json-out');
    const out = join(dir, 'out.xlsx');
    const same = await cli('aggregate', input, '--out', out, '--json', join(dir, '.', 'out.xlsx'));
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/--(json|out) と --(out|json) が同じファイルです/);
    expect(existsSync(out)).toBe(false);
    writeFileSync(join(dir, 'old.json'), '{}\n');
    symlinkSync(join(dir, 'old.json'), join(dir, 'link.json'));
    const linked = await cli(
      'aggregate',
      input,
      '--out',
      join(dir, 'old.json'),
      '--json',
      join(dir, 'link.json'),
      '--force',
    );
    expect(linked.code).toBe(2);
    expect(readFileSync(join(dir, 'old.json'), 'utf8')).toBe('{}\n');
  });

  it('template --plan P --out P: the plan is an input too', async () => {
    const { dir } = workFolder('plan-out');
    const copy = join(dir, 'plan.json');
    copyFileSync(plan, copy);
    const before = readFileSync(copy, 'utf8');
    const result = await cli('template', '--plan', copy, '--year', 'R3', '--out', copy);
    expect(result.code).toBe(2);
    expect(readFileSync(copy, 'utf8')).toBe(before);
  });

  it('split IN --out DIR where DIR holds IN under a department’s file name', async () => {
    const dir = join(folder, 'split-into-input');
    mkdirSync(dir);
    const input = join(dir, '会計課.xlsx');
    copyFileSync(book, input);
    const result = await cli('split', input, '--out', dir, '--force');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('入力ファイルは上書きしません');
    expect(unchanged(input)).toBe(true);
    expect(readdirSync(dir)).toEqual(['会計課.xlsx']); // not even 総務課.xlsx: every file is claimed first
  });

  it('collect DIR --out DIR/all.xlsx a second time: the first result is now an input', async () => {
    const { dir } = workFolder('collect-again');
    const all = join(dir, 'all.xlsx');
    expect((await cli('collect', dir, '--out', all)).code).toBe(1); // blank scores are problems
    const before = readFileSync(all);
    const again = await cli('collect', dir, '--out', all, '--force');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('入力ファイルは上書きしません');
    expect(readFileSync(all).equals(before)).toBe(true);
  });
});

describe('an existing file is replaced only with --force (or when this run made it)', () => {
  it('aggregate --out over a file someone made: refused, kept; with --force: replaced', async () => {
    const { dir, input } = workFolder('existing');
    const out = join(dir, 'summary.xlsx');
    writeFileSync(out, 'someone else’s file');
    const refused = await cli('aggregate', input, '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('someone else’s file');
    expect((await cli('aggregate', input, '--out', out, '--force')).code).toBe(1); // blank sheets: problems
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('split into a folder that already holds a department’s file: refused, nothing written', async () => {
    const dir = join(folder, 'split-existing');
    mkdirSync(dir);
    writeFileSync(join(dir, '総務課.xlsx'), 'kept');
    const result = await cli('split', book, '--out', dir);
    expect(result.code).toBe(2);
    expect(readFileSync(join(dir, '総務課.xlsx'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['総務課.xlsx']);
  });

  it('a refused command leaves no temporary file behind', async () => {
    const { dir, input } = workFolder('no-temporary');
    writeFileSync(join(dir, 'out.xlsx'), 'x');
    await cli('aggregate', input, '--out', join(dir, 'out.xlsx'), '--json', join(dir, 'out.json'));
    expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'out.xlsx']);
  });
});
