/**
 * 「ブックをダウンロード」: the fake's current state as an .xlsx, through the ExcelJS port (loaded
 * on demand as its own chunk, so the demo opens without it). Export is as lossy as
 * FakeExcel.toSheetSpecs says (only full cell borders survive).
 */
import type { SheetSpec } from '../core/sheetSpec';
import { LABELS } from '../host/labels';
import { XlsxWorkbook } from '../xlsx/XlsxWorkbook';

/**
 * Builds the .xlsx bytes of these sheets.
 * @param specs - the sheets (FakeExcel.toSheetSpecs())
 * @returns the file's bytes
 */
export async function workbookBytes(specs: readonly SheetSpec[]): Promise<Uint8Array> {
  const book = XlsxWorkbook.create();
  await book.putSheets(specs);
  return new Uint8Array(await book.toBuffer());
}

/**
 * Saves the sheets as a download in the browser.
 * @param specs - the sheets
 */
export async function downloadWorkbook(specs: readonly SheetSpec[]): Promise<void> {
  const bytes = await workbookBytes(specs);
  const blob = new Blob([bytes.slice().buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = LABELS.demo.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
