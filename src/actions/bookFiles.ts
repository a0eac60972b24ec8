/**
 * Workbook files as bytes, for use cases that make or read whole .xlsx files without a file system:
 * the pane's 配布 (one file per department), 回収 (the files the user picks) and 年度更新 (next
 * year's file). The host gives the maker and the reader (the ExcelJS port in the browser); the use
 * cases stay host-agnostic.
 */
import type { WorkbookPort } from '../workbook/port';

/** A workbook being written that gives its file's bytes at the end. */
export interface WritableBook extends WorkbookPort {
  toBuffer(): Promise<Uint8Array>;
}

/** How a host makes and opens .xlsx files in memory. */
export interface BookFiles {
  /** A new, empty workbook. */
  create(): WritableBook;
  /**
   * Opens a file's bytes.
   * @throws UserError when the bytes are not a workbook that can be read
   */
  open(bytes: Uint8Array): Promise<WorkbookPort>;
}

/** A workbook file: its name (shown to the user) and its bytes. */
export interface BookFile {
  name: string;
  bytes: Uint8Array;
}
