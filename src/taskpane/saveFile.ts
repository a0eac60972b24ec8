/**
 * 「ファイルに保存」: a file offered as a browser download from the pane. It works in Excel on the
 * web and in Windows' WebView2, not in the Mac's WKWebView (office-js #2700, "by design"), which is
 * why the pane's first offer is 「Excel で開く」 (Excel.createWorkbook). See docs/decisions.md.
 */
import type { BookFile } from '../actions/bookFiles';

/** The .xlsx media type. */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Offers the file as a download under its name.
 * @param file - the name and the bytes
 */
export function saveFile(file: BookFile): void {
  const blob = new Blob([file.bytes.slice().buffer], { type: XLSX_TYPE });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The bytes of a file the user picked (`<input type="file">`).
 * @param file - the picked file
 * @returns its name and bytes
 */
export async function readPickedFile(file: File): Promise<BookFile> {
  const buffer = await new Promise<ArrayBuffer>((resolve, reject) => {
    // FileReader rather than File.arrayBuffer: older webviews (and jsdom) lack the latter.
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
  return { name: file.name, bytes: new Uint8Array(buffer) };
}
