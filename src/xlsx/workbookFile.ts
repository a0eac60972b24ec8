/**
 * The .xlsx files of the CLI: which port reads and writes them, decided in one place (see
 * docs/decisions.md, "The .xlsx path of the CLI"). The package port works part by part and
 * rewrites only what changes; the ExcelJS port (XlsxWorkbook) stays for the browser download.
 */
import { PackageWorkbook } from './package/PackageWorkbook';

/** A workbook file: the port, plus saving. */
export type WorkbookFile = PackageWorkbook;

/**
 * Opens an .xlsx file.
 * @param source - a file path or the file's bytes
 * @returns the workbook; throws WorkbookError when the file cannot be read as .xlsx
 */
export function openWorkbookFile(source: string | Uint8Array): Promise<WorkbookFile> {
  return PackageWorkbook.open(source);
}

/**
 * A new, empty workbook, saved with `save(path)`.
 * @returns the workbook
 */
export function createWorkbookFile(): WorkbookFile {
  return PackageWorkbook.create();
}
