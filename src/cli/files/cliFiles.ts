/**
 * What a command's files go through (implemented in books.ts): kept apart so that command.ts can
 * name it without importing the modules that open files.
 */
import type { WorkbookPort } from '../../workbook/port';
import type { OutputFileSystem } from './identity';

/** A workbook file as a command uses it: the port, and its bytes to save. */
export interface BookFile extends WorkbookPort {
  toBuffer(): Promise<Uint8Array>;
}

/** What a command's files go through. */
export interface CliFiles {
  /** The file system of the guarded outputs. */
  fs: OutputFileSystem;
  /** Every workbook a command opens or makes passes through here (tests make it fail). */
  wrap(book: BookFile): BookFile;
}
