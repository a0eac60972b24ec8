/**
 * Which file a path is, for the guarded outputs: device and inode of what it leads to (links
 * followed), or for a file not there yet the real path of its folder with its name, compared
 * without case or Unicode form.
 */
import { basename, dirname, join } from 'node:path';
import { fileError, isSystemError } from './fileErrors';
import type * as nodeFs from 'node:fs/promises';

/** The file-system calls the layer makes (tests inject failures through it). */
export type OutputFileSystem = Pick<
  typeof nodeFs,
  'stat' | 'lstat' | 'realpath' | 'mkdir' | 'open' | 'rename' | 'link' | 'unlink' | 'readFile' | 'chmod'
>;

/** Which file a path is. */
export interface Identity {
  /** "device:inode" of an existing file. */
  id: string | null;
  /** The real path of its folder + its name, without case (also for a file not there yet). */
  key: string;
}

/**
 * What a path leads to: device and inode when something is there (links followed), and the real
 * path of its folder with its name, compared without case or Unicode form (Windows and macOS file
 * systems treat "A.xlsx" and "a.xlsx", or composed and decomposed kana, as one file).
 */
export async function identityOf(fs: OutputFileSystem, path: string): Promise<Identity> {
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
export function same(a: Identity, b: Identity): boolean {
  if (a.id !== null && b.id !== null) return a.id === b.id;
  return a.key === b.key;
}
