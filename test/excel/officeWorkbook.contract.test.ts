import { FakeExcel } from '../../src/demo/fakeExcel';
import type { FakeCellFormat } from '../../src/demo/fakeExcel/model';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import { borderStyleOf, HORIZONTAL, VERTICAL } from '../../src/excel/specMapping';
import type { ResolvedCellStyle } from '../../src/workbook/memory';
import { describeWorkbookPortContract } from '../contract/workbookPortContract';
import { officeJsOver } from './officeJs';

const fakes = new WeakMap<OfficeWorkbook, FakeExcel>();

function portOver(fake: FakeExcel): OfficeWorkbook {
  const office = officeJsOver(fake);
  const port = new OfficeWorkbook({ run: office.run, requirements: office.requirements, sleep: async () => undefined });
  fakes.set(port, fake);
  return port;
}

/** A fake cell format in the memory port's terms. */
function resolved(format: FakeCellFormat): ResolvedCellStyle {
  const style: ResolvedCellStyle = {};
  if (format.fontName !== undefined) style.fontName = format.fontName;
  if (format.fontSize !== undefined) style.fontSize = format.fontSize;
  if (format.bold !== undefined) style.bold = format.bold;
  if (format.fontColor !== undefined) style.fontColor = format.fontColor;
  if (format.fill !== undefined) style.fill = format.fill;
  const horizontal = Object.entries(HORIZONTAL).find(([, excel]) => excel === format.horizontal)?.[0];
  if (horizontal) style.horizontal = horizontal as ResolvedCellStyle['horizontal'];
  const vertical = Object.entries(VERTICAL).find(([, excel]) => excel === format.vertical)?.[0];
  if (vertical) style.vertical = vertical as ResolvedCellStyle['vertical'];
  if (format.wrap !== undefined) style.wrap = format.wrap;
  if (format.numberFormat !== undefined) style.numberFormat = format.numberFormat;
  if (format.locked !== undefined) style.locked = format.locked;
  const borders: NonNullable<ResolvedCellStyle['borders']> = {};
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    const line = format[side];
    const border = line && borderStyleOf(line);
    if (border) borders[side] = border;
  }
  if (Object.keys(borders).length > 0) style.borders = borders;
  return style;
}

function fakeOf(port: OfficeWorkbook): FakeExcel {
  const fake = fakes.get(port);
  if (!fake) throw new Error('not a fake-backed port');
  return fake;
}

const inspect = {
  styleAt: (port: OfficeWorkbook, sheet: string, address: string) => {
    const cell = fakeOf(port)
      .snapshot()
      .sheets.find((item) => item.name.toLowerCase() === sheet.toLowerCase())
      ?.cells.find((item) => item.address === address);
    return resolved(cell?.format ?? {});
  },
  mergesOf: (port: OfficeWorkbook, sheet: string) =>
    fakeOf(port)
      .snapshot()
      .sheets.find((item) => item.name.toLowerCase() === sheet.toLowerCase())?.merges ?? [],
  hiddenColumnsOf: (port: OfficeWorkbook, sheet: string) =>
    fakeOf(port)
      .snapshot()
      .sheets.find((item) => item.name.toLowerCase() === sheet.toLowerCase())?.hiddenColumns ?? [],
};

describeWorkbookPortContract("OfficeWorkbook over Microsoft's office.js, hosted by the fake Excel", {
  create: async () => portOver(new FakeExcel()),
  reopen: async (port) => port,
  ...inspect,
});

// "Reopen" through the fake's SheetSpec export and import: what demo mode saves survives.
describeWorkbookPortContract(
  "OfficeWorkbook over Microsoft's office.js, hosted by the fake Excel, reopened from its SheetSpecs",
  {
    create: async () => portOver(new FakeExcel()),
    reopen: async (port) => {
      const copy = new FakeExcel();
      copy.loadSheetSpecs(fakeOf(port).toSheetSpecs());
      return portOver(copy);
    },
    ...inspect,
  },
);
