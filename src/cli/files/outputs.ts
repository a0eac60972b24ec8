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
 *   killed process leaves the old file whole;
 * - several files (split's department books) are written all or none: each is staged under a
 *   temporary name, and only then are all put in place; when one cannot be, those placed are taken
 *   back (a new file removed, a replaced one restored from a hard link kept of the old file).
 * File-system failures become Japanese UserErrors (fileErrors.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../../core/errors';
import { fileError, isSystemError, onFile } from './fileErrors';
import { identityOf, same, type Identity, type OutputFileSystem } from './identity';

export type { OutputFileSystem } from './identity';

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

/** A claimed file written to a temporary name beside it, not yet in place (Outputs.commit). */
export interface StagedFile {
  file: OutputFile;
  temporary: string;
  /** The bytes' checksum for the demo's ledger, or null without one. */
  digest: string | null;
}

/** How the layer's temporary files begin (hidden on Unix; never a name the user gave). */
export const TEMPORARY_PREFIX = '.shinchoku-';

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
    await this.commit([await this.stage(file, data)]);
  }

  /**
   * Writes a claimed file's bytes to a temporary file beside it, flushed, but not yet in place
   * (see commit). A failure removes the temporary file.
   * @param file - the claim
   * @param data - the whole content
   * @returns the staged file, to commit
   */
  async stage(file: OutputFile, data: Uint8Array | string): Promise<StagedFile> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const folder = dirname(file.path);
    // Named by the file the user asked for (its folder is made for it).
    await onFile(file.path, 'create-folder', () => this.fs.mkdir(folder, { recursive: true }));
    const temporary = join(folder, `${TEMPORARY_PREFIX}${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await onFile(file.path, 'write', () => this.fs.open(temporary, 'wx'));
      try {
        await onFile(file.path, 'write', () => handle.writeFile(bytes));
        await onFile(file.path, 'write', () => handle.sync());
      } finally {
        await onFile(file.path, 'write', () => handle.close());
      }
      await this.keepMode(file, temporary);
    } catch (error) {
      await this.fs.unlink(temporary).catch(() => undefined);
      throw error;
    }
    return { file, temporary, digest: this.options.ledger ? digest(bytes) : null };
  }

  /**
   * Writes several claimed files, all or none: each is made and staged in turn, and only when every
   * one is staged are they put in place (commit). A failure while making or staging one removes the
   * temporary files of the others: the folder is left as it was.
   * @param files - the claims
   * @param make - the bytes of one file (called once per file, in order)
   */
  async writeAll(
    files: readonly OutputFile[],
    make: (file: OutputFile, index: number) => Promise<Uint8Array | string>,
  ): Promise<void> {
    const staged: StagedFile[] = [];
    try {
      for (const [index, file] of files.entries()) staged.push(await this.stage(file, await make(file, index)));
    } catch (error) {
      for (const each of staged) await this.fs.unlink(each.temporary).catch(() => undefined);
      throw error;
    }
    await this.commit(staged);
  }

  /**
   * Moves staged files into place, all or none: when one cannot be placed, those already placed
   * are taken back (a new file removed, a replaced one restored from the hard link kept of it), so
   * a failed command leaves its outputs' folder as it found it, every old file whole.
   * @param staged - files written by stage, in order
   */
  async commit(staged: readonly StagedFile[]): Promise<void> {
    const placed: { file: OutputFile; backup: string | null; replaced: boolean }[] = [];
    try {
      for (const each of staged) {
        const replaced = each.file.replaces;
        const backup = await this.place(each.file, each.temporary);
        placed.push({ file: each.file, backup, replaced });
      }
    } catch (error) {
      for (const done of placed.reverse()) await this.takeBack(done.file, done.backup, done.replaced);
      for (const each of staged) await this.fs.unlink(each.temporary).catch(() => undefined);
      throw error;
    }
    for (const [index, done] of placed.entries()) {
      if (done.backup) await this.fs.unlink(done.backup).catch(() => undefined);
      done.file.replaces = true; // written by this run: this run may write it again
      // Once in place, the file is written: a failure to look at it again is no reason to fail.
      const identity = await identityOf(this.fs, done.file.path).catch(() => null);
      if (identity?.id) this.written.add(identity.id);
      const recorded = staged[index].digest;
      if (recorded) await this.record(done.file.path, recorded);
    }
  }

  /** Undoes one placement: a new file removed, a replaced one put back (best effort). */
  private async takeBack(file: OutputFile, backup: string | null, replaced: boolean): Promise<void> {
    if (backup) await this.fs.rename(backup, file.path).catch(() => undefined);
    else if (!replaced) await this.fs.unlink(file.path).catch(() => undefined);
    // Replaced on a file system without hard links: the new file stays, whole.
  }

  /**
   * Moves the temporary file into place: link for a new file (never over one), rename to replace
   * (after keeping a hard link to the old file, to take the replacement back).
   * @returns the kept old file, or null
   */
  private async place(file: OutputFile, temporary: string): Promise<string | null> {
    if (file.replaces) {
      const backup = join(dirname(file.path), `${TEMPORARY_PREFIX}${randomBytes(6).toString('hex')}.old`);
      const kept = await this.fs.link(file.path, backup).then(
        () => backup,
        () => null, // no hard links here (or the file vanished): replace without a way back
      );
      try {
        await onFile(file.path, 'write', () => this.fs.rename(temporary, file.path));
      } catch (error) {
        // A rename reported as failed may still have been done: then the kept old file goes back.
        const moved = (await orNull(this.fs.lstat(temporary)).catch(() => true)) === null;
        if (kept && moved) await this.fs.rename(kept, file.path).catch(() => undefined);
        else if (kept) await this.fs.unlink(kept).catch(() => undefined);
        throw error;
      }
      return kept;
    }
    try {
      try {
        await this.fs.link(temporary, file.path);
      } catch (error) {
        // A link reported as failed may still have been made (a network share): take ours back.
        if (await this.sameFile(temporary, file.path)) await this.fs.unlink(file.path).catch(() => undefined);
        throw error;
      }
      await this.fs.unlink(temporary).catch(() => undefined);
      return null;
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
      return null;
    }
  }

  /** Whether two paths are one file now (false when either is not there or cannot be looked at). */
  private async sameFile(a: string, b: string): Promise<boolean> {
    const [first, second] = await Promise.all([this.fs.stat(a), this.fs.stat(b)]).catch(() => [null, null]);
    return first !== null && second !== null && first.dev === second.dev && first.ino === second.ino;
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

  private async record(path: string, checksum: string): Promise<void> {
    const folder = dirname(path);
    const entries = { ...(await this.ledger(folder)), [basename(path)]: checksum };
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

function refusal(code: string, path: string, message: string, fix: string): UserError {
  return new UserError(message, { code, file: path, fix });
}
