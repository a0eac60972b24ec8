/**
 * Input files of the CLI: each checked to exist and to be a file, read with file-system errors in
 * Japanese, and told apart by its bytes (an encrypted or old workbook is named as such) before the
 * package port opens it.
 */
import * as fs from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { openWorkbookFile as openPackage, type WorkbookFile } from '../../xlsx/workbookFile';
import { UsageError } from '../options';
import { fileError, onFile, workbookError } from './fileErrors';
import { fileKind } from './fileFormat';

/**
 * An input file that exists and is a file.
 * @param given - the path as the user typed it
 * @returns the absolute path
 */
export async function existingFile(given: string): Promise<string> {
  const path = resolve(given);
  const stats = await onFile(path, 'read', () => fs.stat(path));
  if (stats.isDirectory()) throw fileError(Object.assign(new Error(), { code: 'EISDIR' }), path, 'read');
  return path;
}

/**
 * Reads a workbook file and opens it through the package port, refusing what is not an .xlsx with
 * the reason (protected, old format, not a workbook, broken, damaged) and what to do.
 * @param path - an absolute path (see existingFile)
 * @returns the workbook
 */
export async function openWorkbookFile(path: string): Promise<WorkbookFile> {
  const bytes = await onFile(path, 'read', () => fs.readFile(path));
  const kind = fileKind(bytes);
  if (kind !== 'xlsx') throw workbookError(kind, path);
  try {
    return await openPackage(bytes);
  } catch (error) {
    throw workbookError('damaged', path, error);
  }
}

/**
 * Checks that a file looks like an .xlsx without opening it (for `pdf`, which hands it to LibreOffice).
 * @param path - an absolute path
 */
export async function checkWorkbookFile(path: string): Promise<void> {
  const bytes = await onFile(path, 'read', () => fs.readFile(path));
  const kind = fileKind(bytes);
  if (kind !== 'xlsx') throw workbookError(kind, path);
}

/**
 * The workbooks named on the command line: files as given, folders as the .xlsx files in them
 * (sorted; Excel's lock files `~$…` skipped).
 * @param entries - paths as typed
 * @returns absolute paths, without repeats
 */
export async function workbookFiles(entries: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const entry of entries) {
    const path = resolve(entry);
    const stats = await onFile(path, 'read', () => fs.stat(path));
    if (!stats.isDirectory()) {
      files.push(path);
      continue;
    }
    const names = (await onFile(path, 'list', () => fs.readdir(path)))
      .filter((name) => name.toLowerCase().endsWith('.xlsx') && !name.startsWith('~$'))
      .sort();
    if (names.length === 0) throw new UsageError(`フォルダー ${entry} に .xlsx がありません。`);
    files.push(...names.map((name) => join(path, name)));
  }
  return [...new Set(files)];
}

/** The name a file is shown by in messages. */
export function fileLabel(path: string): string {
  return basename(path);
}
