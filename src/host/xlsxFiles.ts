/**
 * The .xlsx files of 配布・回収・年度更新 in the pane: the ExcelJS port (its browser build, loaded on
 * demand as a chunk of its own, so the pane opens without it). Checked with the Node-typed program
 * (tsconfig.json), as the demo's download is: ExcelJS's and JSZip's typings bring Node's types.
 */
import type { BookFiles } from '../actions/bookFiles';
import { XlsxWorkbook } from '../xlsx/XlsxWorkbook';

/** Makes and opens .xlsx files in memory. */
export const xlsxFiles: BookFiles = {
  create: () => XlsxWorkbook.create(),
  open: (bytes) => XlsxWorkbook.open(bytes),
};
