import { MemoryWorkbook } from '../../src/workbook/memory';
import { describeWorkbookPortContract } from './workbookPortContract';

describeWorkbookPortContract('MemoryWorkbook', {
  create: async () => new MemoryWorkbook(),
  reopen: async (port) => port,
  styleAt: (port, sheet, address) => port.sheet(sheet).style(address),
  mergesOf: (port, sheet) => [...port.sheet(sheet).merges],
  hiddenColumnsOf: (port, sheet) => port.sheet(sheet).hiddenColumns,
});
