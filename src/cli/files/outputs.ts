/**
 * The one guarded output layer of the CLI. Every file a command writes is first claimed, then
 * written:
 * - a claim compares files by identity (device and inode of what the path leads to, following
 *   links, and the real path of its folder for a file that does not exist yet, compared without
 *   case), and refuses an output that is one of the command's inputs or another of its outputs;
 * - an existing file is never replaced unless the command created it in this run or `--force` is
 *   given (the demo may also replace its own earlier outputs that nobody changed: see `ledger`);
 * - every claim is made before anything is written, so a refused command writes nothing;
 * - bytes go to a temporary file in the target's folder, are flushed, and the file is then linked
 *   (a new file: fails if one appeared meanwhile) or renamed (a replacement) into place, so a
 *   killed process leaves the old file whole.
 * File-system failures become Japanese UserErrors (fileErrors.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../../core/errors';
import { fileError, isSystemError, onFile } from './fileErrors';

/** The file-system calls the layer makes (tests inject failures through it). */
export type OutputFileSystem = Pick<
  typeof nodeFs,
  'stat' | 'lstat' | 'realpath' | 'mkdir' | 'open' | 'rename' | 'link' | 'unlink' | 'readFile' | 'chmod'
>;

/** How a command's outputs may be written. */
export interface OutputOptions {
  /** `--force`: existing files (not inputs, not other outputs) may be replaced. */
  force?: boolean;
  /**
   * The demo's record of what it wrote (a file name in each output folder): a file it lists whose
   * bytes are unchanged since may be replaced without `--force`.
   */
  ledger?: string;
  fs?: OutputFileSystem;
}

/** A claimed output: where it goes, and how it may be put there. */
export interface OutputFile {
  path: string;
  /** What the user called it (`--out`, `--json`, a department's file). */
  label: string;
  /** Whether a file is there now that this run may replace. */
  replaces: boolean;
}

interface Identity {
  /** "device:inode" of an existing file. */
  id: string | null;
  /** The real path of its folder + its name, without case (also for a file not there yet). */
  key: string;
}

/** One command run's outputs, checked against its inputs and each other. */
export class Outputs {
  private readonly fs: OutputFileSystem;
  private readonly claimed: { identity: Identity; label: string }[] = [];
  /** Identities of files written in this run (they may be replaced again in this run). */
  private readonly written = new Set<string>();
  private ledgerEntries = new Map<string, Record<string, string>>();

  private constructor(
    private readonly inputs: { identity: Identity; path: string }[],
    private readonly options: OutputOptions,
  ) {
    this.fs = options.fs ?? nodeFs;
  }

  /**
   * Starts a command's outputs.
   * @param inputs - every file the command reads (workbooks, --plan), as absolute paths
   * @param options - --force, the demo's ledger, a file system for tests
   * @returns the outputs, ready to claim
   */
  static async begin(inputs: readonly string[], options: OutputOptions = {}): Promise<Outputs> {
    const fs = options.fs ?? nodeFs;
    const identities = [];
    for (const path of inputs) identities.push({ identity: await identityOf(fs, path), path });
    return new Outputs(identities, options);
  }

  /**
   * Claims a file to write, or refuses it (exit 2, nothing written yet).
   * @param given - the path as the user gave it (or as built from a folder they gave)
   * @param label - what it is, for messages (`--out`, `--json`, a department's file)
   * @returns the claim, to pass to write
   */
  async claim(given: string, label: string): Promise<OutputFile> {
    const path = resolve(given);
    const identity = await identityOf(this.fs, path);
    const input = this.inputs.find((entry) => same(entry.identity, identity));
    if (input)
      throw refusal(
        'output-is-input',
        path,
        `${label} のファイルは入力ファイル ${input.path} と同じファイルです（別名やリンクを含む）。入力ファイルは上書きしません。`,
        `${label} には別のファイル名を指定してください。`,
      );
    const other = this.claimed.find((entry) => same(entry.identity, identity));
    if (other)
      throw refusal(
        'output-twice',
        path,
        `${label} と ${other.label} が同じファイルです。一つのファイルに二つの出力は書けません。`,
        `${label} と ${other.label} に別々のファイル名を指定してください。`,
      );
    const existing = await onFile(path, 'inspect', () => orNull(this.fs.lstat(path)));
    // A link to a folder is a folder here: --out names a file.
    const target = existing?.isSymbolicLink()
      ? await onFile(path, 'inspect', () => orNull(this.fs.stat(path)))
      : existing;
    if (target?.isDirectory()) throw fileError(Object.assign(new Error(), { code: 'EISDIR' }), path, 'write');
    const replaces = existing !== null;
    if (replaces && !this.options.force && !this.written.has(identity.id ?? '') && !(await this.unchangedOwn(path)))
      throw refusal(
        'output-exists',
        path,
        `${label} のファイルは既にあります。このコマンドが作ったものではないため、置き換えません。`,
        '別のファイル名を指定するか、置き換えてよければ --force を付けてください。',
      );
    this.claimed.push({ identity, label });
    return { path, label, replaces };
  }

  /**
   * Checks a folder that outputs will go into: a folder or nothing yet (it is made on write).
   * @param given - the folder as the user gave it
   * @returns its absolute path
   */
  async folder(given: string): Promise<string> {
    const path = resolve(given);
    const existing = await onFile(path, 'inspect', () => orNull(this.fs.stat(path)));
    if (existing && !existing.isDirectory())
      throw fileError(Object.assign(new Error(), { code: 'ENOTDIR' }), path, 'create-folder');
    return path;
  }

  /**
   * Writes a claimed file: to a temporary file beside it, flushed, then moved into place.
   * @param file - the claim
   * @param data - the whole content
   */
  async write(file: OutputFile, data: Uint8Array | string): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const folder = dirname(file.path);
    await onFile(folder, 'create-folder', () => this.fs.mkdir(folder, { recursive: true }));
    const temporary = join(folder, `.shinchoku-${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await onFile(file.path, 'write', () => this.fs.open(temporary, 'wx'));
      try {
        await onFile(file.path, 'write', () => handle.writeFile(bytes));
        await onFile(file.path, 'write', () => handle.sync());
      } finally {
        await handle.close();
      }
      await this.keepMode(file, temporary);
      await this.place(file, temporary);
    } catch (error) {
      await this.fs.unlink(temporary).catch(() => undefined);
      throw error;
    }
    file.replaces = true; // written by this run: this run may write it again
    const identity = await identityOf(this.fs, file.path);
    if (identity.id) this.written.add(identity.id);
    if (this.options.ledger) await this.record(file.path, bytes);
  }

  /** Moves the temporary file into place: link for a new file (never over one), rename to replace. */
  private async place(file: OutputFile, temporary: string): Promise<void> {
    if (file.replaces) {
      await onFile(file.path, 'write', () => this.fs.rename(temporary, file.path));
      return;
    }
    try {
      await this.fs.link(temporary, file.path);
      await this.fs.unlink(temporary).catch(() => undefined);
    } catch (error) {
      if (isSystemError(error) && error.code === 'EEXIST')
        throw refusal(
          'output-exists',
          file.path,
          `${file.label} のファイルが、書き込みの途中でほかから作られました。置き換えません。`,
          'ほかのプログラムが同じファイルに書いていないか確かめて、もう一度実行してください。',
        );
      if (!isSystemError(error) || !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(error.code))
        throw fileError(error, file.path, 'write');
      // A file system without hard links (FAT, some network shares): check, then rename.
      if (await orNull(this.fs.lstat(file.path)))
        throw refusal(
          'output-exists',
          file.path,
          `${file.label} のファイルは既にあります。`,
          '--force を付けてください。',
        );
      await onFile(file.path, 'write', () => this.fs.rename(temporary, file.path));
    }
  }

  /** A replaced file keeps its permissions. */
  private async keepMode(file: OutputFile, temporary: string): Promise<void> {
    if (!file.replaces) return;
    const stats = await this.fs.stat(file.path).catch(() => null);
    if (stats) await this.fs.chmod(temporary, stats.mode & 0o7777).catch(() => undefined);
  }

  /** Whether the demo's ledger says this file is its own output, unchanged since. */
  private async unchangedOwn(path: string): Promise<boolean> {
    if (!this.options.ledger) return false;
    const entries = await this.ledger(dirname(path));
    const expected = entries[basename(path)];
    if (!expected) return false;
    const bytes = await this.fs.readFile(path).catch(() => null);
    return bytes !== null && digest(bytes) === expected;
  }

  private async ledger(folder: string): Promise<Record<string, string>> {
    const cached = this.ledgerEntries.get(folder);
    if (cached) return cached;
    let entries: Record<string, string> = {};
    try {
      const text = await this.fs.readFile(join(folder, this.options.ledger as string), 'utf8');
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') entries = parsed as Record<string, string>;
    } catch {
      // no ledger yet (or an unreadable one): nothing there is known to be ours
    }
    this.ledgerEntries.set(folder, entries);
    return entries;
  }

  private async record(path: string, bytes: Uint8Array): Promise<void> {
    const folder = dirname(path);
    const entries = { ...(await this.ledger(folder)), [basename(path)]: digest(bytes) };
    this.ledgerEntries.set(folder, entries);
    const ledger = join(folder, this.options.ledger as string);
    const temporary = `${ledger}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await onFile(ledger, 'write', () => this.fs.open(temporary, 'w'));
    try {
      await handle.writeFile(`${JSON.stringify(entries, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await onFile(ledger, 'write', () => this.fs.rename(temporary, ledger));
  }
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** An lstat or stat that gives null for a path where nothing is. */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * What a path leads to: device and inode when something is there (links followed), and the real
 * path of its folder with its name, compared without case or Unicode form (Windows and macOS file
 * systems treat "A.xlsx" and "a.xlsx", or composed and decomposed kana, as one file).
 */
async function identityOf(fs: OutputFileSystem, path: string): Promise<Identity> {
  let id: string | null = null;
  let real = path;
  try {
    const stats = await fs.stat(path);
    id = `${stats.dev}:${stats.ino}`;
    real = await fs.realpath(path);
  } catch (error) {
    if (!isSystemError(error) || !['ENOENT', 'ENOTDIR', 'ELOOP'].includes(error.code))
      throw fileError(error, path, 'inspect');
    real = join(await realFolder(fs, dirname(path)), basename(path));
  }
  return { id, key: real.normalize('NFC').toLowerCase() };
}

/** The real path of a folder, or of its nearest existing ancestor with the rest appended. */
async function realFolder(fs: OutputFileSystem, folder: string): Promise<string> {
  try {
    return await fs.realpath(folder);
  } catch {
    const parent = dirname(folder);
    return parent === folder ? folder : join(await realFolder(fs, parent), basename(folder));
  }
}

/** Two existing files are the same by device and inode; otherwise by real path, without case. */
function same(a: Identity, b: Identity): boolean {
  if (a.id !== null && b.id !== null) return a.id === b.id;
  return a.key === b.key;
}

function refusal(code: string, path: string, message: string, fix: string): UserError {
  return new UserError(message, { code, file: path, fix });
}
