import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { convertWithLibreOffice, hasLibreOffice } from './libreoffice';

const withLibreOffice = hasLibreOffice() ? test : test.skip;

describe('LibreOffice helpers', () => {
  withLibreOffice('recalculates formulas on load: a wrong cached result comes back right', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'shinchoku-recalc-'));
    const workbook = XlsxWorkbook.create();
    await workbook.putSheets([
      {
        name: '計算',
        columnWidths: [10, 10],
        cells: [
          { address: 'A1', value: 2 },
          { address: 'A2', value: 3 },
          // Deliberately wrong cached results: only a recalculation gives 5 and "合格".
          { address: 'A3', formula: 'SUM(A1:A2)', value: 999 },
          { address: 'B3', formula: 'IF(A3>4,"合格","不合格")', value: '不合格' },
        ],
        formats: [],
      },
    ]);
    const input = join(directory, 'recalc.xlsx');
    writeFileSync(input, await workbook.toBuffer());

    const output = await convertWithLibreOffice(input, 'xlsx', join(directory, 'out'));

    const [range] = await (await XlsxWorkbook.open(output)).readRanges([{ sheet: '計算', address: 'A3:B3' }]);
    expect(range.values).toEqual([[5, '合格']]);
    expect(range.formulas).toEqual([['=SUM(A1:A2)', '=IF(A3>4,"合格","不合格")']]);
  });

  withLibreOffice('fails clearly when the input does not exist', async () => {
    await expect(convertWithLibreOffice('/nonexistent/none.xlsx', 'pdf', tmpdir())).rejects.toThrow(
      'input file not found',
    );
  });
});
