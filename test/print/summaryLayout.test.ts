/**
 * The layout of the summary tabs and 取組項目別の評価 by the text measure (the LibreOffice tests
 * check the same pages on paper): no heading wraps inside a word (each explicit line of a heading
 * fits its cell on one line), no row is taller than its texts need (no double-height one-line
 * rows), every row holds its texts, with the example's and with real-length names.
 */
import { cellAddress } from '../../src/core/address';
import { buildSummaryTabs } from '../../src/core/summaryTabs';
import { buildInitiativePages } from '../../src/core/summaryTabs/initiativePages';
import type { Summary } from '../../src/core/summary';
import type { Plan } from '../../src/core/plan';
import type { CouncilSheetData } from '../../src/core/councilSheet';
import type { SheetSpec } from '../../src/core/sheetSpec';
import { HEADER_FILL } from '../../src/core/styles';
import { columnPoints, lineCount, lineHeight, textCells, type TextCell } from '../../src/core/text';
import { exampleSummary } from '../golden/exampleEvaluations';
import { builtInPlan } from '../../src/core/example';
import { realLengthSummary } from '../support/realLength';

const example = { plan: builtInPlan(), summary: exampleSummary(2021) };

function sheetsOf(book: { plan: Plan; summary: Summary; council?: CouncilSheetData }) {
  return [
    ...buildSummaryTabs(book.summary, book.plan),
    buildInitiativePages(book.summary, book.plan, book.council ?? null),
  ];
}

const lines = (cell: TextCell, sheet: SheetSpec) =>
  lineCount({
    text: cell.text,
    columnWidths: sheet.columnWidths.slice(cell.range.left - 1, cell.range.right),
    style: { fontName: cell.style.fontName, fontSize: cell.style.fontSize, bold: cell.style.bold },
  });

describe.each([
  ['the example', () => example],
  ['real-length names', realLengthSummary],
])('summary pages with %s', (_, make) => {
  const sheets = sheetsOf(make());

  it('never wrap a heading inside a word: each line of a heading fits its cell', () => {
    const wrapped = sheets.flatMap((sheet) =>
      textCells(sheet)
        .filter((cell) => cell.style.fill === HEADER_FILL && cell.style.wrap)
        .filter((cell) => lines(cell, sheet) !== cell.text.split('\n').length)
        .map((cell) => `${sheet.name}!${cellAddress(cell.range.top, cell.range.left)} ${cell.text}`),
    );
    expect(wrapped).toEqual([]);
  });

  it('give each row the height its texts need, no more and no less', () => {
    for (const sheet of sheets.slice(0, 4)) {
      const needed = new Map<number, number>();
      for (const cell of textCells(sheet).filter((each) => each.range.top === each.range.bottom))
        needed.set(cell.range.top, Math.max(needed.get(cell.range.top) ?? 0, cell.height));
      const wrong = [...needed]
        .filter(([row, height]) => Math.abs((sheet.rowHeights?.[row] ?? 0) - height) > 0.25)
        .map(([row, height]) => `${sheet.name} row ${row}: ${sheet.rowHeights?.[row]} for ${height}`);
      expect(wrong).toEqual([]);
    }
  });

  it('print no text below 7 pt on paper (one page wide in Excel, or the fixed scale)', () => {
    for (const sheet of sheets) {
      const page = sheet.page!;
      const width = page.orientation === 'landscape' ? 842 : 595;
      const margins = page.margins!;
      const printable = width - (margins.left + margins.right) * 72;
      const wide = sheet.columnWidths.reduce((sum, column) => sum + columnPoints(column), 0);
      const scale = page.fitToWidth ? Math.min(1, printable / wide) : (page.scale ?? 100) / 100;
      const smallest = Math.min(...textCells(sheet).map((cell) => cell.style.fontSize ?? 10));
      expect([sheet.name, Math.round(smallest * scale * 10) / 10 >= 7]).toEqual([sheet.name, true]);
    }
  });

  it('hold every text, whatever the sheet', () => {
    for (const sheet of sheets) {
      const short = textCells(sheet)
        .filter((cell) => {
          let height = 0;
          for (let row = cell.range.top; row <= cell.range.bottom; row++) height += sheet.rowHeights?.[row] ?? 15;
          return height + 0.01 < lines(cell, sheet) * lineHeight(cell.style.fontSize ?? 10) && cell.style.wrap;
        })
        .map((cell) => `${sheet.name}!${cellAddress(cell.range.top, cell.range.left)}`);
      expect(short).toEqual([]);
    }
  });
});
