/**
 * A plan of 8 years (R2…R9) through the yearly workflow on files (issue 11): template for R8 →
 * fill every year → check → split → collect → rollover to R9 → fill R9 → aggregate (history of all
 * 8 years) → pdf, where LibreOffice is installed (the history Ｒ２…Ｒ９ is on the printed pages).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../../src/actions/readWorkbook';
import { run } from '../../src/cli/main';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { captureIo } from '../support/captureIo';
import { hasLibreOffice } from '../support/libreoffice';
import { temporaryFolder, writeSmallPlan } from '../support/smallBook';

const PERIOD = ['R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'];

/** Writes 2・2・3・2 (Ｂ) for the given years and the 工程's status of every year into a workbook file. */
async function fill(path: string, out: string, years: readonly number[]): Promise<void> {
  const book = await XlsxWorkbook.open(path);
  const reading = await readWorkbook(book);
  const layout = progressSheetLayout(reading.plan);
  await book.writeCells(
    reading.sheets.map((sheet) => ({
      sheet: sheet.name,
      cells: [
        ...layout.scores
          .filter((cells) => years.includes(cells.year))
          .flatMap((cells) =>
            [2, 2, 3, 2].map((value, index) => ({
              address: [
                cells.scores.progress,
                cells.scores.cooperation,
                cells.scores.efficiency,
                cells.scores.creativity,
              ][index],
              value,
            })),
          ),
        ...layout.schedule.map((cells) => ({ address: cells.status, value: '予定どおり' })),
      ],
    })),
  );
  writeFileSync(out, await book.toBuffer());
}

async function ok(args: string[], code = 0): Promise<string[]> {
  const io = captureIo();
  const exit = await run(args, io);
  if (exit !== code) throw new Error(`${args.join(' ')} → ${exit}\n${[...io.stdout, ...io.stderr].join('\n')}`);
  return io.stdout;
}

describe('a plan of 8 years', () => {
  it('goes through template, fill, check, split, collect, rollover, aggregate and pdf', async () => {
    const folder = temporaryFolder('eight');
    const planPath = writeSmallPlan(folder, ['総務課', '財政課', '総務課']);
    const planJson = JSON.parse(readFileSync(planPath, 'utf8'));
    writeFileSync(planPath, JSON.stringify({ ...planJson, period: PERIOD }));
    const at = (name: string) => join(folder, name);
    await ok(['template', '--plan', planPath, '--year', 'R8', '--out', at('R8.xlsx')]);
    const years = (await readWorkbook(await XlsxWorkbook.open(at('R8.xlsx')))).plan.period;
    expect(years).toHaveLength(8);
    await fill(at('R8.xlsx'), at('R8-filled.xlsx'), years.slice(0, 7));
    expect((await ok(['check', at('R8-filled.xlsx')])).at(-1)).toBe('確認: 3 シート（R8）、エラー 0 件、注意 0 件');
    expect((await ok(['split', at('R8-filled.xlsx'), '--out', at('split')])).at(-1)).toContain('2 部署');
    await ok(['collect', at('split'), '--into', at('R8-filled.xlsx'), '--out', at('R8-collected.xlsx')]);
    await ok(['rollover', at('R8-collected.xlsx'), '--to', 'R9', '--out', at('R9.xlsx')]);
    await fill(at('R9.xlsx'), at('R9-filled.xlsx'), [years[7]]);
    await ok(['aggregate', at('R9-filled.xlsx'), '--out', at('R9-summary.xlsx'), '--json', at('R9.json')]);
    const summary = JSON.parse(readFileSync(at('R9.json'), 'utf8'));
    expect(
      summary.items.map((item: { grade: string; previousGrade: string }) => [item.grade, item.previousGrade]),
    ).toEqual([
      ['B', 'B'],
      ['B', 'B'],
      ['B', 'B'],
    ]);
    expect(Object.keys(summary.initiatives[0].history)).toHaveLength(8);
    if (!hasLibreOffice()) return;
    await ok(['pdf', at('R9-summary.xlsx'), '--out', at('R9.pdf')]);
    const text = spawnSync('pdftotext', ['-layout', at('R9.pdf'), '-'], { encoding: 'utf8' }).stdout;
    for (const label of ['Ｒ２', 'Ｒ８', 'Ｒ９']) expect(text).toContain(label);
  });
});
