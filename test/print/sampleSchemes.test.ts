/**
 * The three sample schemes printed and recalculated by LibreOffice: each filled workbook
 * (test/support/sampleSchemes.ts) after 集計 prints every 進捗状況シート as exactly two A4 pages
 * (the form's blocks grow and shrink with the scheme), and LibreOffice's recalculation of the
 * live formulas (合計 or 平均, 総合評価, 達成率, 達成度) gives the figures of the independent
 * computation on every sheet.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { progressSheetName } from '../../src/core/sheet/writeProgressSheet';
import { printedSymbol } from '../../src/core/scheme';
import type { CellValue } from '../../src/core/sheetSpec';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { convertWithLibreOffice, hasLibreOffice } from '../support/libreoffice';
import { loadSample, SAMPLE_SCHEMES, fillSample } from '../support/sampleSchemes';
import { isA4 } from './pdfPages';
import { pagesBySheet, printBook, PRINT_ARTIFACTS, type PrintedBook } from './printedBook';

// Required, not skipped: scripts/install-system-deps.sh installs LibreOffice, and a missing one must fail.
test('LibreOffice is installed (scripts/install-system-deps.sh)', () => expect(hasLibreOffice()).toBe(true));

describe.each(SAMPLE_SCHEMES)('sample scheme %s printed and recalculated', (name) => {
  const { fixture, plan, year } = loadSample(name);
  const forms = plan.items.map((item) => progressSheetName(item.no, item.name));
  let book: PrintedBook;
  let recalculated: XlsxWorkbook;

  beforeAll(async () => {
    book = await printBook(`scheme-${name}`, (port) => fillSample(port, name));
    const outDir = mkdtempSync(join(tmpdir(), 'shinchoku-scheme-recalc-'));
    mkdirSync(join(outDir, 'out'));
    const summary = join(PRINT_ARTIFACTS, `scheme-${name}`, `scheme-${name}-summary.xlsx`);
    recalculated = await XlsxWorkbook.open(await convertWithLibreOffice(summary, 'xlsx', join(outDir, 'out')));
  }, 300_000);

  it('prints each 進捗状況シート as exactly two A4 pages', () => {
    const bySheet = pagesBySheet(book);
    expect(forms.map((sheet) => [sheet, bySheet.get(sheet)?.length ?? 0])).toEqual(forms.map((sheet) => [sheet, 2]));
    expect(book.pages.filter((page) => !isA4(page)).map((page) => page.number)).toEqual([]);
  });

  it('recalculates the live formulas to the independent figures on every sheet', async () => {
    const layout = progressSheetLayout(plan);
    const at = plan.period.indexOf(year);
    const cells = layout.scores[at];
    const wanted = (item: Record<string, unknown>) => {
      const figures: Record<string, CellValue> = {};
      const total = (item.average ?? item.total) as number | null;
      if (cells.total !== null) figures[cells.total] = total;
      if (plan.scheme.itemGrade.kind === 'bands')
        figures[cells.grade] = item.grade === null ? null : printedSymbol(item.grade as string);
      ((item.indicators ?? []) as { ratio: number; grade: string | null }[]).forEach((indicator, index) => {
        const where = layout.indicators[index].years[at];
        figures[where.ratio] = indicator.ratio;
        if (where.achievement) figures[where.achievement] = indicator.grade && printedSymbol(indicator.grade);
      });
      return figures;
    };
    const expected = fixture.expected.items.map((item) => wanted(item));
    const requests = forms.flatMap((sheet, index) =>
      Object.keys(expected[index]).map((address) => ({ sheet, address })),
    );
    const ranges = await recalculated.readRanges(requests);
    let next = 0;
    const actual = forms.map((_, index) =>
      Object.fromEntries(Object.keys(expected[index]).map((address) => [address, ranges[next++].values[0][0]])),
    );
    expect(actual).toEqual(expected);
    // Plan (b) has no live figures (its grades are entered): only its pages are checked.
    expect(requests.length > 0).toBe(plan.scheme.itemGrade.kind === 'bands');
  });
});
