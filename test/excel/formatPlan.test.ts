/**
 * The format plan (src/excel/formatPlan.ts) must leave a new sheet exactly as applying each
 * RangeFormat of the spec to its own range, in the spec's order, would: checked over the fake
 * for the real layouts and for random overlapping formats.
 */
import { planAggregate } from '../../src/actions/aggregate';
import { readWorkbook } from '../../src/actions/readWorkbook';
import { writeWorkbook } from '../../src/actions/template';
import { parseRange } from '../../src/core/address';
import { exampleWorkbookData } from '../../src/core/exampleSheets';
import { writeProgressSheet } from '../../src/core/sheet/writeProgressSheet';
import type { BorderStyle, CellStyle, RangeFormat, SheetSpec } from '../../src/core/sheetSpec';
import { FakeExcel } from '../../src/demo/fakeExcel';
import type { FakeCellFormat } from '../../src/demo/fakeExcel/model';
import { inputBlocks } from '../../src/excel/cellInput';
import type { BorderIndex, RangeLike, WorksheetLike } from '../../src/excel/excelApi';
import { planFormats } from '../../src/excel/formatPlan';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import { BORDER_LINE, HORIZONTAL, VERTICAL } from '../../src/excel/specMapping';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { random } from '../support/random';

/** The straightforward rendering: every RangeFormat on its own range, in order, merge after its style. */
function applyOneByOne(sheet: WorksheetLike, formats: readonly RangeFormat[]): void {
  const line = (range: RangeLike, index: BorderIndex, style: BorderStyle) => {
    const border = range.format.borders.getItem(index);
    border.style = BORDER_LINE[style].style;
    border.weight = BORDER_LINE[style].weight;
  };
  for (const { address, style = {}, merge } of formats) {
    const range = sheet.getRange(address);
    const format = sheet.getRange(address).format;
    if (style.fontName !== undefined) format.font.name = style.fontName;
    if (style.fontSize !== undefined) format.font.size = style.fontSize;
    if (style.bold !== undefined) format.font.bold = style.bold;
    if (style.fontColor !== undefined) format.font.color = style.fontColor;
    if (style.fill !== undefined) format.fill.color = style.fill;
    if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
    if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
    if (style.wrap !== undefined) format.wrapText = style.wrap;
    if (style.shrinkToFit !== undefined) format.shrinkToFit = style.shrinkToFit;
    if (style.locked !== undefined) format.protection.locked = style.locked;
    if (style.numberFormat !== undefined) {
      const { top, left, bottom, right } = parseRange(address);
      range.numberFormat = Array.from({ length: bottom - top + 1 }, () =>
        new Array<string>(right - left + 1).fill(style.numberFormat ?? ''),
      );
    }
    if (style.border)
      for (const index of [
        'EdgeTop',
        'EdgeBottom',
        'EdgeLeft',
        'EdgeRight',
        'InsideHorizontal',
        'InsideVertical',
      ] as const)
        line(range, index, style.border);
    if (style.outline)
      for (const index of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const)
        line(range, index, style.outline);
    if (merge) range.merge(false);
  }
}

const NEW_CELL: Partial<FakeCellFormat> = {
  bold: false,
  wrap: false,
  shrinkToFit: false,
  locked: true,
  numberFormat: 'General',
};

/** Cells with a value or a format other than a new cell's, formats without the defaults spelt out. */
function visible(fake: FakeExcel, name: string) {
  const sheet = fake.snapshot().sheets.find((item) => item.name === name);
  if (!sheet) throw new Error(`no ${name}`);
  const cells = sheet.cells
    .map((cell) => {
      const format = Object.fromEntries(
        Object.entries(cell.format).filter(
          ([key, value]) => value !== undefined && NEW_CELL[key as keyof FakeCellFormat] !== value,
        ),
      );
      return { address: cell.address, value: cell.value, formula: cell.formula, format };
    })
    .filter((cell) => cell.value !== '' || cell.formula !== undefined || Object.keys(cell.format).length > 0);
  return { cells, merges: [...sheet.merges].sort() };
}

async function both(spec: SheetSpec) {
  const planned = new FakeExcel();
  await new OfficeWorkbook({ run: planned.run, requirements: planned.requirements }).putSheets([spec]);
  const reference = new FakeExcel();
  reference.payloadLimit = Number.MAX_SAFE_INTEGER;
  // The spec's meaning: a merge keeps the formats (Excel loses fill and borders set before a
  // merge, office-js #6405, which is why the port merges first).
  reference.losesFormatsOnMerge = false;
  await reference.run({}, async (context) => {
    const sheet = context.workbook.worksheets.add(spec.name);
    for (const block of inputBlocks(spec.cells)) sheet.getRange(block.address).formulas = block.grid;
    applyOneByOne(sheet, spec.formats);
    await context.sync();
  });
  return {
    planned: visible(planned, spec.name),
    reference: visible(reference, spec.name),
    requestBytes: planned.stats.maxRequestBytes,
  };
}

function randomSpec(seed: number): SheetSpec {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const letters = 'ABCDEFGH';
  const formats: RangeFormat[] = [];
  const merged: { top: number; left: number; bottom: number; right: number }[] = [];
  for (let i = 0; i < 40; i++) {
    const top = 1 + Math.floor(next() * 8);
    const left = Math.floor(next() * 8);
    const bottom = top + Math.floor(next() * (next() < 0.5 ? 1 : 4));
    const right = Math.min(7, left + Math.floor(next() * (next() < 0.5 ? 1 : 4)));
    const address =
      top === bottom && left === right ? `${letters[left]}${top}` : `${letters[left]}${top}:${letters[right]}${bottom}`;
    const style: CellStyle = {};
    if (next() < 0.4) style.fontName = pick(['ＭＳ Ｐゴシック', 'Meiryo']);
    if (next() < 0.4) style.fontSize = pick([9, 10, 11]);
    if (next() < 0.3) style.bold = pick([true, false]);
    if (next() < 0.2) style.fontColor = pick(['#FF0000', '#808080']);
    if (next() < 0.3) style.fill = pick(['#DDEBF7', '#FFF9DB']);
    if (next() < 0.3) style.horizontal = pick(['left', 'center', 'right'] as const);
    if (next() < 0.2) style.vertical = pick(['top', 'middle'] as const);
    if (next() < 0.2) style.wrap = pick([true, false]);
    if (next() < 0.2) style.numberFormat = pick(['0', '0.0', 'General']);
    if (next() < 0.2) style.locked = pick([true, false]);
    if (next() < 0.4) style.border = pick(['thin', 'medium', 'hair', 'double', 'dotted'] as const);
    if (next() < 0.3) style.outline = pick(['thin', 'medium', 'double'] as const);
    const merge = next() < 0.15 && address.includes(':');
    // Every port refuses overlapping merges (validateSheetSpecs): an overlapping one stays a format.
    const bounds = { top, left, bottom, right };
    const overlaps = merged.some(
      (other) => other.left <= right && left <= other.right && other.top <= bottom && top <= other.bottom,
    );
    if (merge && !overlaps) merged.push(bounds);
    formats.push(merge && !overlaps ? { address, style, merge: true } : { address, style });
  }
  // Values only where a valid spec may put them: not inside a merged area but its top-left cell
  // (the ports refuse such writes; Excel drops them).
  const cells = Array.from({ length: 12 }, () => ({
    address: `${pick([...letters])}${1 + Math.floor(next() * 10)}`,
    value: pick(['値', 3, '=text', '001']),
  })).filter(({ address }) => {
    const { top, left } = parseRange(address);
    return !merged.some(
      (area) =>
        top >= area.top &&
        top <= area.bottom &&
        left >= area.left &&
        left <= area.right &&
        (top > area.top || left > area.left),
    );
  });
  return { name: `乱数${seed}`, columnWidths: [8], cells, formats };
}

describe('format plan: the same sheet as applying each RangeFormat in order', () => {
  test('random overlapping formats, borders, outlines and merges', async () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { planned, reference } = await both(randomSpec(seed));
      expect({ seed, ...planned }).toEqual({ seed, ...reference });
    }
  });

  test('a 進捗状況シート, at a quarter of its request size one range at a time', async () => {
    const { plan, sheets } = exampleWorkbookData();
    const spec = writeProgressSheet(plan, sheets[0]);
    const { planned, reference, requestBytes } = await both(spec);
    expect(planned).toEqual(reference);
    expect(requestBytes).toBeLessThan(120_000);
  });

  test('the summary tabs and 取組項目別の評価 of the example', async () => {
    const memory = new MemoryWorkbook();
    const { plan, sheets } = exampleWorkbookData();
    await writeWorkbook(memory, plan, 2021, sheets, null);
    const { tabs, pages } = planAggregate(await readWorkbook(memory, {}));
    for (const spec of [...tabs, ...pages]) {
      const { planned, reference } = await both(spec);
      expect({ sheet: spec.name, ...planned }).toEqual({ sheet: spec.name, ...reference });
    }
  });

  test('a table row by row becomes a few ranges; one-row merges of a column go as one merge across', () => {
    const formats: RangeFormat[] = [];
    for (let row = 1; row <= 100; row++) {
      formats.push({
        address: `A${row}`,
        style: { fontSize: 10, border: 'thin', horizontal: 'center', numberFormat: '0' },
      });
      formats.push({
        address: `B${row}:D${row}`,
        style: { fontSize: 9, border: 'thin', horizontal: 'left', wrap: true },
        merge: true,
      });
    }
    const plan = planFormats({ name: 't', columnWidths: [], cells: [], formats });
    expect(plan.merges).toEqual([{ address: 'B1:D100', across: true }]);
    expect(plan.ranges.length).toBeLessThanOrEqual(4);
    expect(plan.ranges.flatMap((range) => range.borders)).toHaveLength(6);
  });
});
