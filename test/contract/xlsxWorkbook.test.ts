import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { describeWorkbookPortContract } from './workbookPortContract';

// The ExcelJS port runs only in the browser, where exceljs is its browser build (webpack follows the
// package's "browser" field): the contract is checked against that build.
jest.mock('exceljs', () => jest.requireActual('exceljs/dist/exceljs.min.js'));

// Every read goes through the bytes: write, save to a buffer, open again.
describeWorkbookPortContract('XlsxWorkbook', {
  create: async () => XlsxWorkbook.create(),
  reopen: async (port) => XlsxWorkbook.open(await port.toBuffer()),
  styleAt: (port, sheet, address) => port.sheet(sheet).style(address),
  mergesOf: (port, sheet) => [...port.sheet(sheet).merges],
  hiddenColumnsOf: (port, sheet) => port.sheet(sheet).hiddenColumns,
});
