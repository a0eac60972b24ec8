/**
 * A real spreadsheet program checks our file: LibreOffice opens example-summary.xlsx, recalculates
 * every formula (our cached values are ignored), and must find on every sheet the 合計 and
 * 総合評価 the core computed.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aggregate, type AggregateResult } from '../../src/actions/aggregate';
import { applyPrintSetup } from '../../src/actions/printSetup';
import { createExample } from '../../src/actions/template';
import { builtInPlan, exampleScores } from '../../src/core/example';
import { toFullWidth } from '../../src/core/japanese';
import { itemGrade, itemTotal } from '../../src/core/rules';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { createWorkbookFile, openWorkbookFile, type WorkbookFile } from '../../src/xlsx/workbookFile';
import { convertWithLibreOffice, hasLibreOffice } from '../support/libreoffice';
import { validateOoxml } from '../support/ooxml';

const plan = builtInPlan();
const layout = progressSheetLayout(plan);
let recalculated: WorkbookFile;
let result: AggregateResult;

beforeAll(async () => {
  expect(hasLibreOffice()).toBe(true); // scripts/install-system-deps.sh installs it
  const directory = mkdtempSync(join(tmpdir(), 'shinchoku-recalc-'));
  const book = createWorkbookFile();
  await createExample(book);
  const aggregated = await openWorkbookFile(await book.toBuffer());
  result = await aggregate(aggregated);
  const summaryPath = join(directory, 'example-summary.xlsx');
  await aggregated.save(summaryPath);
  const outDir = join(directory, 'recalculated');
  mkdirSync(outDir);
  recalculated = await openWorkbookFile(await convertWithLibreOffice(summaryPath, 'xlsx', outDir));
}, 180_000);

describe('example-summary.xlsx recalculated by LibreOffice', () => {
  it('has on all 70 sheets, for R2 and R3, the 合計 and 総合評価 the core computed', async () => {
    const scores = exampleScores();
    const requests = result.filledSheets.flatMap((sheet) =>
      layout.scores.slice(0, 2).flatMap((year) => [
        { sheet, address: year.total! },
        { sheet, address: year.grade },
      ]),
    );
    const ranges = await recalculated.readRanges(requests);
    let checked = 0;
    result.filledSheets.forEach((sheet, index) => {
      const item = plan.items.find((entry) => sheet.startsWith(`${entry.no} `));
      expect(item).toBeDefined();
      [2020, 2021].forEach((year, yearIndex) => {
        const published = scores[year][item?.no ?? ''];
        const [total, grade] = ranges
          .slice(index * 4 + yearIndex * 2, index * 4 + yearIndex * 2 + 2)
          .map((range) => range.values[0][0]);
        expect({ sheet, year, total, grade }).toEqual({
          sheet,
          year,
          total: published ? itemTotal(published) : null,
          grade: published ? toFullWidth(itemGrade(published)) : null,
        });
        checked++;
      });
      const json = result.json.items.find((entry) => entry.no === item?.no);
      if (json?.endedIn === null || json?.endedIn === 'R3') {
        expect(ranges[index * 4 + 2].values[0][0]).toBe(json?.total);
      }
    });
    expect(checked).toBe(140);
  });

  it('keeps the summary tabs’ figures (the theme table LibreOffice read back)', async () => {
    const sheets = await recalculated.listSheets();
    expect(sheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(result.summarySheets));
    const [themes] = await recalculated.readRanges([{ sheet: 'テーマ別・評価集計', address: 'A1:K12' }]);
    const flat = themes.values.flat();
    for (const theme of result.json.themes) expect(flat).toContain(theme.total);
  });

  it('is read back by 集計 to the same summary, as a file a department saved from LibreOffice Calc', async () => {
    const again = await aggregate(recalculated);
    expect(again.problems).toEqual([]);
    expect(again.json).toEqual(JSON.parse(readFileSync(join(__dirname, '../golden/example-R3.summary.json'), 'utf8')));
  });

  it('stays valid against the schemas after 集計 and 印刷設定 on the file LibreOffice saved', async () => {
    const book = await openWorkbookFile(await recalculated.toBuffer());
    await aggregate(book);
    await applyPrintSetup(book);
    const directory = mkdtempSync(join(tmpdir(), 'shinchoku-recalc-valid-'));
    expect(validateOoxml(await book.toBuffer(), join(directory, 'again.xlsx'))).toEqual({ valid: true, failures: [] });
  });
});
