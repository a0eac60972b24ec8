import { PackageWorkbook } from '../../src/xlsx/package/PackageWorkbook';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { describeWorkbookPortContract } from './workbookPortContract';

// Every read goes through the bytes: write, save to a buffer, open again. Formats, merges and
// hidden columns are checked through another reader of the same bytes (ExcelJS).
async function asExcelJs(port: PackageWorkbook, sheet: string) {
  return (await XlsxWorkbook.open(await port.toBuffer())).sheet(sheet);
}

describeWorkbookPortContract('PackageWorkbook', {
  create: async () => PackageWorkbook.create(),
  reopen: async (port) => PackageWorkbook.open(await port.toBuffer()),
  styleAt: async (port, sheet, address) => (await asExcelJs(port, sheet)).style(address),
  mergesOf: async (port, sheet) => [...(await asExcelJs(port, sheet)).merges],
  hiddenColumnsOf: async (port, sheet) => (await asExcelJs(port, sheet)).hiddenColumns,
});
