import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { describeWorkbookPortContract } from './workbookPortContract';

// Every read goes through the bytes: write, save to a buffer, open again.
describeWorkbookPortContract('XlsxWorkbook', {
  create: async () => XlsxWorkbook.create(),
  reopen: async (port) => XlsxWorkbook.open(await port.toBuffer()),
  styleAt: (port, sheet, address) => port.sheet(sheet).style(address),
  mergesOf: (port, sheet) => [...port.sheet(sheet).merges],
  hiddenColumnsOf: (port, sheet) => port.sheet(sheet).hiddenColumns,
});
