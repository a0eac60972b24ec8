/**
 * The workbooks a command opens and makes, and the file system its outputs go through, as one
 * seam (`CliFiles`): the commands get it from main.ts, tests pass one that fails on purpose. Every
 * failure of a workbook that is not already a UserError becomes one that names the file (code
 * `workbook-failed`): the command stops, and since outputs are placed only at the end (outputs.ts),
 * nothing is left half-written.
 */
import * as nodeFs from 'node:fs/promises';
import { isUserError, UserError, WORKBOOK_FAILED } from '../../core/errors';
import { createWorkbookFile } from '../../xlsx/workbookFile';
import { openWorkbookFile } from './inputs';
import type { BookFile, CliFiles } from './cliFiles';

export type { BookFile, CliFiles } from './cliFiles';

/** The real files. */
export const NODE_FILES: CliFiles = { fs: nodeFs, wrap: (book) => book };

/**
 * Opens an input workbook (see openWorkbookFile), its failures naming the file.
 * @param files - the command's files
 * @param path - an absolute path
 * @returns the workbook
 */
export async function openBook(files: CliFiles, path: string): Promise<BookFile> {
  return guarded(files.wrap(await openWorkbookFile(path)), path, 'input');
}

/**
 * A new workbook that will be saved as `path`, its failures naming that file.
 * @param files - the command's files
 * @param path - the output it becomes
 * @returns the workbook
 */
export function newBook(files: CliFiles, path: string): BookFile {
  return guarded(files.wrap(createWorkbookFile()), path, 'output');
}

/** A workbook whose every call turns an unexpected failure into a UserError naming the file. */
function guarded(book: BookFile, path: string, role: 'input' | 'output'): BookFile {
  const call =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await method.apply(book, args);
      } catch (error) {
        throw isUserError(error) ? error : workbookFailure(error, path, role);
      }
    };
  return {
    listSheets: call(book.listSheets),
    readRanges: call(book.readRanges),
    writeCells: call(book.writeCells),
    putSheets: call(book.putSheets),
    deleteSheets: call(book.deleteSheets),
    setPageSetups: call(book.setPageSetups),
    toBuffer: call(book.toBuffer),
  };
}

function workbookFailure(error: unknown, path: string, role: 'input' | 'output'): UserError {
  return new UserError(
    role === 'input'
      ? 'ブックを読み書きする途中で失敗しました。入力ファイルは変更していません。'
      : '出力するブックを作る途中で失敗しました。出力ファイルは書き込んでいません（前からあるファイルはそのままです）。',
    {
      code: WORKBOOK_FAILED,
      file: path,
      fix: 'もう一度実行してください。繰り返し失敗する場合は、入力のブックを Excel で開いて保存し直してから実行してください。',
      cause: error,
    },
  );
}
