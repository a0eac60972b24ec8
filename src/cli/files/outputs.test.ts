import * as fs from 'node:fs/promises';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUserError } from '../../core/errors';
import { Outputs, type OutputFileSystem } from './outputs';

const folder = () => mkdtempSync(join(tmpdir(), 'shinchoku-outputs-'));
const OLD = 'the old content, whole';

/** A file system that fails with `code` at the n-th call of `step` (as a full disk or a kill would). */
function failing(step: 'open' | 'write' | 'sync' | 'rename' | 'link', code: string): OutputFileSystem {
  const fail = () => Promise.reject(Object.assign(new Error(`${code}: simulated`), { code }));
  return {
    ...fs,
    open: (async (...args: Parameters<typeof fs.open>) => {
      if (step === 'open') return fail();
      const handle = await fs.open(...args);
      if (step === 'write') handle.writeFile = fail as typeof handle.writeFile;
      if (step === 'sync') handle.sync = fail;
      return handle;
    }) as typeof fs.open,
    rename: (step === 'rename' ? fail : fs.rename) as typeof fs.rename,
    link: (step === 'link' ? fail : fs.link) as typeof fs.link,
  };
}

describe('guarded outputs: a failure at any step leaves the old file whole and no temporary file', () => {
  it.each([
    ['open', 'EACCES'],
    ['write', 'ENOSPC'],
    ['sync', 'EIO'],
    ['rename', 'EROFS'],
  ] as const)('replacing (--force), failing at %s with %s', async (step, code) => {
    const dir = folder();
    const target = join(dir, 'summary.xlsx');
    writeFileSync(target, OLD);
    const outputs = await Outputs.begin([], { force: true, fs: failing(step, code) });
    const file = await outputs.claim(target, '--out');
    const error = await outputs.write(file, 'new content').catch((thrown: unknown) => thrown);
    expect(isUserError(error) && error.code).toBe(`file-${code.toLowerCase()}`);
    expect(isUserError(error) && error.fix).toBeTruthy();
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['summary.xlsx']);
  });

  it.each([
    ['write', 'ENOSPC'],
    ['link', 'EIO'],
  ] as const)('a new file, failing at %s with %s: nothing is left', async (step, code) => {
    const dir = folder();
    const outputs = await Outputs.begin([], { fs: failing(step, code) });
    const file = await outputs.claim(join(dir, 'new.xlsx'), '--out');
    await expect(outputs.write(file, 'x')).rejects.toMatchObject({ code: `file-${code.toLowerCase()}` });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a new file is never put over one that appeared meanwhile (link, not rename)', async () => {
    const dir = folder();
    const target = join(dir, 'new.xlsx');
    const outputs = await Outputs.begin([]);
    const file = await outputs.claim(target, '--out');
    writeFileSync(target, OLD); // another program, between claim and write
    await expect(outputs.write(file, 'x')).rejects.toMatchObject({ code: 'output-exists' });
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['new.xlsx']);
  });

  it('a file system without hard links: checked, then renamed', async () => {
    const dir = folder();
    const outputs = await Outputs.begin([], { fs: failing('link', 'EPERM') });
    const file = await outputs.claim(join(dir, 'new.xlsx'), '--out');
    await outputs.write(file, 'content');
    expect(readFileSync(join(dir, 'new.xlsx'), 'utf8')).toBe('content');
    expect(readdirSync(dir)).toEqual(['new.xlsx']);
  });
});

describe('claims', () => {
  it('a file written in this run may be written again in this run; another run needs --force', async () => {
    const dir = folder();
    const target = join(dir, 'out.json');
    const outputs = await Outputs.begin([]);
    const file = await outputs.claim(target, '--json');
    await outputs.write(file, '1');
    await outputs.write(file, '2');
    expect(readFileSync(target, 'utf8')).toBe('2');
    const later = await Outputs.begin([]);
    await expect(later.claim(target, '--json')).rejects.toMatchObject({ code: 'output-exists' });
  });

  it('names that differ only in case or Unicode form are one file to a claim', async () => {
    const dir = folder();
    const outputs = await Outputs.begin([]);
    await outputs.claim(join(dir, 'Summary.xlsx'), '--out');
    await expect(outputs.claim(join(dir, 'summary.XLSX'), '--json')).rejects.toMatchObject({ code: 'output-twice' });
    await outputs.claim(join(dir, 'が.json'), 'a');
    await expect(outputs.claim(join(dir, 'が.json'.normalize('NFD')), 'b')).rejects.toMatchObject({
      code: 'output-twice',
    });
  });

  it('the demo’s ledger: its own unchanged file may be replaced, a changed one not', async () => {
    const dir = folder();
    const target = join(dir, 'example.xlsx');
    const first = await Outputs.begin([], { ledger: '.ledger.json' });
    await first.write(await first.claim(target, 'example.xlsx'), 'ours');
    const second = await Outputs.begin([], { ledger: '.ledger.json' });
    await second.write(await second.claim(target, 'example.xlsx'), 'ours again');
    writeFileSync(target, 'edited by someone');
    const third = await Outputs.begin([], { ledger: '.ledger.json' });
    await expect(third.claim(target, 'example.xlsx')).rejects.toMatchObject({ code: 'output-exists' });
    expect(readFileSync(target, 'utf8')).toBe('edited by someone');
  });
});
