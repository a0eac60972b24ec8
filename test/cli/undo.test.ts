/**
 * `shinchoku undo FILE --out FILE` on real .xlsx files: a workbook aggregated (and saved) is put
 * back as before its 集計 from the record inside it, which survives the .xlsx file; a workbook
 * without a 集計 is refused in Japanese, and the input is never written.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { RECORD_SHEET_NAME } from '../../src/core/undoRecord';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { captureIo } from '../support/captureIo';

const directory = mkdtempSync(join(tmpdir(), 'shinchoku-undo-'));
const example = join(directory, 'example.xlsx');

/** Every sheet's name, visibility and values, as the .xlsx port reads them. */
async function contentOf(path: string): Promise<unknown[]> {
  const book = await XlsxWorkbook.open(path);
  const sheets = await book.listSheets();
  const ranges = await book.readRanges(sheets.map((sheet) => ({ sheet: sheet.name, address: 'A1:BZ120' })));
  return sheets.map((sheet, index) => ({ ...sheet, values: ranges[index].values }));
}

beforeAll(async () => {
  expect(await run(['demo', '--out', directory], captureIo())).toBe(0);
});

describe('shinchoku undo', () => {
  it('puts an aggregated workbook back as before its 集計, and leaves the input as it was', async () => {
    const aggregated = join(directory, 'aggregated.xlsx');
    const undone = join(directory, 'undone.xlsx');
    expect(await run(['aggregate', example, '--out', aggregated], captureIo())).toBe(0);
    const record = (await (await XlsxWorkbook.open(aggregated)).listSheets()).find(
      (sheet) => sheet.name === RECORD_SHEET_NAME,
    );
    expect(record?.visibility).toBe('veryHidden');
    const input = readFileSync(aggregated);
    const io = captureIo();
    expect(await run(['undo', aggregated, '--out', undone], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('元に戻す: ');
    expect(readFileSync(aggregated).equals(input)).toBe(true);
    expect(await contentOf(undone)).toEqual(await contentOf(example));
  });

  it('refuses a workbook without a 集計 in Japanese, writing nothing', async () => {
    const out = join(directory, 'nothing.xlsx');
    const io = captureIo();
    expect(await run(['undo', example, '--out', out], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('元に戻せる集計がありません');
    expect(() => readFileSync(out)).toThrow();
  });
});
