/**
 * The WorkbookPort contract: one set of expectations that every port implementation must meet
 * (MemoryWorkbook, the ExcelJS port, the Office.js port over its fake).
 *
 * How to use it, in a `*.test.ts` file:
 *
 *   describeWorkbookPortContract('MyPort', {
 *     create: async () => new MyPort(),            // a fresh workbook
 *     reopen: async (port) => port,                // or: save and load again where the host can
 *     styleAt: (port, sheet, address) => …,        // optional: a cell's format in port terms
 *     mergesOf: (port, sheet) => …,                // optional: the merged ranges ("A1:C2")
 *     hiddenColumnsOf: (port, sheet) => …,         // optional: the hidden columns (1-based)
 *   });
 *
 * - `create` may return a workbook that already holds sheets (Excel never has none): the suite
 *   records them first and leaves them alone; it only asserts on sheets it puts itself.
 * - `reopen` is called between writing and reading. A host with a file format round-trips through
 *   it (the xlsx port reopens from its own bytes), so the suite checks what survives a save.
 * - `styleAt`, `mergesOf` and `hiddenColumnsOf` are optional: formats, merges and hidden columns
 *   are not readable through the port, so hosts that can show them let the suite check them.
 *
 * The rules stated here, beyond the port's TSDoc:
 * - sheets are listed in tab order; a new sheet goes at the end, or before `PlaceOptions.before`
 *   (at the end when that sheet does not exist); a replaced sheet keeps its place;
 * - sheet names match ignoring case, as in Excel;
 * - text is stored as text: "=abc", "+1", "-x", "@y" and "123" read back as the same strings;
 * - empty cells, and cells written with null or "", read as null;
 * - a formula reads back as "=" + its text, with the value it was written with;
 * - in a merged area only the top-left cell holds a value;
 * - hidden columns (SheetSpec.hiddenColumns) stay hidden after a reopen, and their cells read and
 *   write like any other; a replaced sheet hides only what its new spec says;
 * - a missing sheet fails readRanges, writeCells and setPageSetups with a WorkbookError whose
 *   Japanese message names the sheet (シート「…」が見つかりません).
 */

import type { CellStyle, SheetSpec, WorkbookPort } from '../../src/workbook/port';
import { WorkbookError } from '../../src/workbook/port';
import { UserError } from '../../src/core/errors';
import type { ResolvedCellStyle } from '../../src/workbook/memory';

/** What the contract needs from an implementation. */
export interface WorkbookPortHarness<Port extends WorkbookPort> {
  /** A port over a fresh workbook. */
  create(): Promise<Port>;
  /** The same workbook, saved and loaded again where the host has a file format. */
  reopen(port: Port): Promise<Port>;
  /** Optional: the resolved format of a cell. */
  styleAt?(port: Port, sheet: string, address: string): Promise<ResolvedCellStyle> | ResolvedCellStyle;
  /** Optional: the merged ranges of a sheet, as "A1:C2". */
  mergesOf?(port: Port, sheet: string): Promise<string[]> | string[];
  /** Optional: the hidden columns of a sheet, 1-based, ascending. */
  hiddenColumnsOf?(port: Port, sheet: string): Promise<readonly number[]> | readonly number[];
}

const BOXED: CellStyle = {
  fontName: 'ＭＳ Ｐゴシック',
  fontSize: 11,
  bold: true,
  fill: '#FFF9DB',
  border: 'thin',
  locked: false,
};

/** A small sheet: values in A1:C2 and a merged, formatted title. */
function sheetSpec(name: string, overrides: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name,
    columnWidths: [12, 12, 12],
    cells: [
      { address: 'A1', value: `${name}の見出し` },
      { address: 'A2', value: 1 },
      { address: 'B2', value: 2 },
      { address: 'C2', formula: 'SUM(A2:B2)', value: 3 },
    ],
    formats: [
      { address: 'A1:C1', merge: true, style: BOXED },
      { address: 'A2:C2', style: { numberFormat: '0.0', border: 'thin' } },
    ],
    ...overrides,
  };
}

/**
 * Declares the contract's tests for one implementation.
 * @param name - the implementation's name, for the test titles
 * @param harness - how to create, reopen and (optionally) inspect it
 */
export function describeWorkbookPortContract<Port extends WorkbookPort>(
  name: string,
  harness: WorkbookPortHarness<Port>,
): void {
  describe(`WorkbookPort contract: ${name}`, () => {
    let port: Port;
    let initial: string[];

    beforeEach(async () => {
      port = await harness.create();
      initial = (await port.listSheets()).map((sheet) => sheet.name);
    });

    async function ours(target: WorkbookPort): Promise<string[]> {
      return (await target.listSheets()).map((sheet) => sheet.name).filter((sheet) => !initial.includes(sheet));
    }

    async function read(target: WorkbookPort, sheet: string, address: string) {
      const [range] = await target.readRanges([{ sheet, address }]);
      return range;
    }

    describe('sheets', () => {
      test('puts sheets at the end in the order given and lists them in tab order', async () => {
        await port.putSheets([sheetSpec('表紙'), sheetSpec('集計'), sheetSpec('No.1')]);
        const reopened = await harness.reopen(port);
        expect(await ours(reopened)).toEqual(['表紙', '集計', 'No.1']);
        const listed = await reopened.listSheets();
        expect(listed.slice(0, initial.length).map((sheet) => sheet.name)).toEqual(initial);
        expect(
          listed.filter((sheet) => !initial.includes(sheet.name)).every((sheet) => sheet.visibility === 'visible'),
        ).toBe(true);
      });

      test('puts new sheets before the sheet named by `before`, in the order given', async () => {
        await port.putSheets([sheetSpec('No.1'), sheetSpec('No.2')]);
        await port.putSheets([sheetSpec('集計'), sheetSpec('分析')], { before: 'No.1' });
        expect(await ours(await harness.reopen(port))).toEqual(['集計', '分析', 'No.1', 'No.2']);
      });

      test('puts new sheets at the end when `before` names no sheet', async () => {
        await port.putSheets([sheetSpec('No.1')]);
        await port.putSheets([sheetSpec('集計')], { before: 'ありません' });
        expect(await ours(await harness.reopen(port))).toEqual(['No.1', '集計']);
      });

      test('replaces a sheet of the same name (ignoring case) in its place, discarding its content', async () => {
        await port.putSheets([sheetSpec('Summary'), sheetSpec('No.1')]);
        await port.writeCells([{ sheet: 'Summary', cells: [{ address: 'E5', value: '古い値' }] }]);
        await port.putSheets([sheetSpec('SUMMARY', { cells: [{ address: 'A1', value: '新しい' }] })], {
          before: 'No.1',
        });
        const reopened = await harness.reopen(port);
        expect(await ours(reopened)).toEqual(['SUMMARY', 'No.1']);
        const range = await read(reopened, 'SUMMARY', 'A1:E5');
        expect(range.values[0][0]).toBe('新しい');
        expect(range.values[4][4]).toBeNull();
        expect(range.values[1]).toEqual([null, null, null, null, null]);
      });

      test('deletes sheets and ignores names that do not exist', async () => {
        await port.putSheets([sheetSpec('A'), sheetSpec('B'), sheetSpec('C')]);
        await port.deleteSheets(['b', 'ありません']);
        expect(await ours(await harness.reopen(port))).toEqual(['A', 'C']);
      });

      test('a replace guard sees the cells of each sheet to be replaced and can refuse the whole call', async () => {
        await port.putSheets([sheetSpec('守る'), sheetSpec('置換可')]);
        await port.writeCells([{ sheet: '置換可', cells: [{ address: 'B3', value: '印' }] }]);
        const seen: [string, unknown][] = [];
        const guard = {
          address: 'A3:B3',
          check: (sheet: string, values: unknown[][]) => {
            seen.push([sheet, values]);
            if (values[0]?.[1] !== '印') throw new UserError(`refused ${sheet}`, { code: 'test-guard' });
          },
        };
        // Refused: nothing of the call happens, not even the new sheet or the allowed replacement.
        await expect(
          port.putSheets([sheetSpec('新規'), sheetSpec('置換可', { cells: [] }), sheetSpec('守る', { cells: [] })], {
            guard,
          }),
        ).rejects.toThrow('refused 守る');
        await expect(port.deleteSheets(['置換可', '守る', 'ありません'], { guard })).rejects.toThrow('refused 守る');
        const kept = await harness.reopen(port);
        expect(await ours(kept)).toEqual(['守る', '置換可']);
        expect((await read(kept, '守る', 'A1:C2')).values[0][0]).toBe('守るの見出し');
        expect((await read(kept, '置換可', 'A1:C2')).values[0][0]).toBe('置換可の見出し');
        expect(seen).toContainEqual(['守る', [[null, null]]]);
        // Allowed: replaced and deleted; names that do not exist are not given to the check.
        seen.length = 0;
        await port.putSheets([sheetSpec('置換可', { cells: [{ address: 'B3', value: '印' }] }), sheetSpec('新規')], {
          guard,
        });
        await port.deleteSheets(['置換可', 'ありません'], { guard });
        expect(seen.map(([sheet]) => sheet)).toEqual(['置換可', '置換可']);
        expect(await ours(await harness.reopen(port))).toEqual(['守る', '新規']);
      });

      test('keeps each sheet visible, hidden or very hidden', async () => {
        await port.putSheets([
          sheetSpec('見える'),
          sheetSpec('隠す', { visibility: 'hidden' }),
          sheetSpec('内部', { visibility: 'veryHidden' }),
        ]);
        const listed = await (await harness.reopen(port)).listSheets();
        expect(listed.filter((sheet) => !initial.includes(sheet.name))).toEqual([
          { name: '見える', visibility: 'visible' },
          { name: '隠す', visibility: 'hidden' },
          { name: '内部', visibility: 'veryHidden' },
        ]);
      });

      test('rejects a sheet name Excel would refuse', async () => {
        await expect(port.putSheets([sheetSpec('集計/R3')])).rejects.toThrow(WorkbookError);
        await expect(port.putSheets([sheetSpec('あ'.repeat(32))])).rejects.toThrow(WorkbookError);
      });
    });

    describe('values and formulas', () => {
      test('reads values by type, formulas with "=", and null for empty cells', async () => {
        await port.putSheets([
          sheetSpec('値', {
            cells: [
              { address: 'A1', value: '苫小牧市 行政創革プラン' },
              { address: 'B1', value: 3 },
              { address: 'C1', value: 2.5 },
              { address: 'D1', value: -0.1 },
              { address: 'A2', value: true },
              { address: 'B2', value: false },
              { address: 'C2', value: '123' },
              { address: 'D2', value: '001' },
              { address: 'A3', formula: 'B1*C1', value: 7.5 },
              { address: 'B3', formula: 'IF(B1>2,"Ａ","Ｂ")', value: 'Ａ' },
              { address: 'C3', value: '１行目\n２行目' },
            ],
            formats: [],
          }),
        ]);
        const range = await read(await harness.reopen(port), '値', 'A1:E4');
        expect(range.values).toEqual([
          ['苫小牧市 行政創革プラン', 3, 2.5, -0.1, null],
          [true, false, '123', '001', null],
          [7.5, 'Ａ', '１行目\n２行目', null, null],
          [null, null, null, null, null],
        ]);
        expect(range.formulas).toEqual([
          [null, null, null, null, null],
          [null, null, null, null, null],
          ['=B1*C1', '=IF(B1>2,"Ａ","Ｂ")', null, null, null],
          [null, null, null, null, null],
        ]);
        expect(range).toMatchObject({ sheet: '値', address: 'A1:E4' });
      });

      test('stores text that looks like a formula as text', async () => {
        const texts = ['=abc', '+1', '-x', '@y', '=SUM(A1:A2)', '-', '⇒'];
        await port.putSheets([
          sheetSpec('文字', { cells: texts.map((value, row) => ({ address: `A${row + 1}`, value })), formats: [] }),
        ]);
        await port.writeCells([
          { sheet: '文字', cells: texts.map((value, row) => ({ address: `B${row + 1}`, value })) },
        ]);
        const range = await read(await harness.reopen(port), '文字', `A1:B${texts.length}`);
        expect(range.values).toEqual(texts.map((text) => [text, text]));
        expect(range.formulas.flat().every((formula) => formula === null)).toBe(true);
      });

      test('reads ranges of several sheets in one call, in request order', async () => {
        await port.putSheets([sheetSpec('一'), sheetSpec('二')]);
        const ranges = await (
          await harness.reopen(port)
        ).readRanges([
          { sheet: '二', address: 'A1' },
          { sheet: '一', address: 'A2:C2' },
        ]);
        expect(ranges.map((range) => range.values)).toEqual([[['二の見出し']], [[1, 2, 3]]]);
        expect(ranges[1].formulas).toEqual([[null, null, '=SUM(A2:B2)']]);
      });

      test('matches sheet names ignoring case', async () => {
        await port.putSheets([sheetSpec('Summary')]);
        const range = await read(await harness.reopen(port), 'summary', 'A2');
        expect(range.values).toEqual([[1]]);
      });

      test('keeps a formula written without a value', async () => {
        await port.putSheets([sheetSpec('式')]);
        await port.writeCells([{ sheet: '式', cells: [{ address: 'D2', formula: 'A2+B2' }] }]);
        const range = await read(await harness.reopen(port), '式', 'D2');
        expect(range.formulas).toEqual([['=A2+B2']]);
      });
    });

    describe('writeCells', () => {
      test('changes only the cells given, after a reopen too', async () => {
        await port.putSheets([sheetSpec('入力')]);
        const reopened = await harness.reopen(port);
        await reopened.writeCells([
          {
            sheet: '入力',
            cells: [
              { address: 'B2', value: 20 },
              { address: 'C2', formula: 'SUM(A2:B2)', value: 21 },
            ],
          },
        ]);
        const again = await harness.reopen(reopened);
        const range = await read(again, '入力', 'A1:C2');
        expect(range.values).toEqual([
          ['入力の見出し', null, null],
          [1, 20, 21],
        ]);
        expect(range.formulas[1]).toEqual([null, null, '=SUM(A2:B2)']);
        if (harness.styleAt) {
          expect(await harness.styleAt(again, '入力', 'B2')).toMatchObject({
            numberFormat: '0.0',
            borders: { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' },
          });
          expect(await harness.styleAt(again, '入力', 'A1')).toMatchObject({
            bold: true,
            fill: '#FFF9DB',
            locked: false,
          });
        }
        if (harness.mergesOf) expect(await harness.mergesOf(again, '入力')).toEqual(['A1:C1']);
      });

      test('clears cells written with null or an empty string', async () => {
        await port.putSheets([sheetSpec('消す')]);
        await port.writeCells([
          {
            sheet: '消す',
            cells: [
              { address: 'A2', value: null },
              { address: 'B2', value: '' },
            ],
          },
        ]);
        const range = await read(await harness.reopen(port), '消す', 'A2:B2');
        expect(range.values).toEqual([[null, null]]);
        expect(range.formulas).toEqual([[null, null]]);
      });

      test('replaces a formula by a value', async () => {
        await port.putSheets([sheetSpec('上書き')]);
        await port.writeCells([{ sheet: '上書き', cells: [{ address: 'C2', value: '手入力' }] }]);
        const range = await read(await harness.reopen(port), '上書き', 'C2');
        expect(range.values).toEqual([['手入力']]);
        expect(range.formulas).toEqual([[null]]);
      });
    });

    describe('merged cells', () => {
      test('only the top-left cell of a merged area holds a value', async () => {
        await port.putSheets([
          sheetSpec('結合', {
            cells: [
              { address: 'A1', value: '左上' },
              { address: 'B1', value: '消える' },
              { address: 'A3', value: '縦' },
            ],
            formats: [
              { address: 'A1:C1', merge: true },
              { address: 'A3:A5', merge: true, style: { border: 'thin' } },
            ],
          }),
        ]);
        const reopened = await harness.reopen(port);
        const range = await read(reopened, '結合', 'A1:C5');
        expect(range.values).toEqual([
          ['左上', null, null],
          [null, null, null],
          ['縦', null, null],
          [null, null, null],
          [null, null, null],
        ]);
        if (harness.mergesOf)
          expect([...(await harness.mergesOf(reopened, '結合'))].sort()).toEqual(['A1:C1', 'A3:A5']);
      });
    });

    describe('hidden columns', () => {
      test('stay hidden after a reopen, and their cells read back and take writes', async () => {
        await port.putSheets([
          sheetSpec('隠し列', {
            columnWidths: [12, 12, 12, 4],
            hiddenColumns: [4, 2],
            cells: [...sheetSpec('隠し列').cells, { address: 'D1', value: 'shinchoku:progress-sheet:v1' }],
          }),
        ]);
        const reopened = await harness.reopen(port);
        const range = await read(reopened, '隠し列', 'A1:D2');
        expect(range.values).toEqual([
          ['隠し列の見出し', null, null, 'shinchoku:progress-sheet:v1'],
          [1, 2, 3, null],
        ]);
        expect(range.formulas[1]).toEqual([null, null, '=SUM(A2:B2)', null]);
        await reopened.writeCells([
          {
            sheet: '隠し列',
            cells: [
              { address: 'D2', value: '隠れた値' },
              { address: 'B2', value: 20 },
            ],
          },
        ]);
        const again = await harness.reopen(reopened);
        const written = await again.readRanges([
          { sheet: '隠し列', address: 'B2' },
          { sheet: '隠し列', address: 'D2' },
        ]);
        expect(written.map((cells) => cells.values)).toEqual([[[20]], [['隠れた値']]]);
        if (harness.hiddenColumnsOf) expect([...(await harness.hiddenColumnsOf(again, '隠し列'))]).toEqual([2, 4]);
      });

      test('a sheet without hiddenColumns hides none, also when it replaces one that hid some', async () => {
        await port.putSheets([sheetSpec('置換', { hiddenColumns: [1] }), sheetSpec('普通')]);
        await port.putSheets([sheetSpec('置換')]);
        const reopened = await harness.reopen(port);
        expect((await read(reopened, '置換', 'A2')).values).toEqual([[1]]);
        if (harness.hiddenColumnsOf) {
          expect([...(await harness.hiddenColumnsOf(reopened, '置換'))]).toEqual([]);
          expect([...(await harness.hiddenColumnsOf(reopened, '普通'))]).toEqual([]);
        }
      });

      test('rejects a hidden column that is not a column number', async () => {
        await expect(port.putSheets([sheetSpec('列番号', { hiddenColumns: [0] })])).rejects.toThrow(WorkbookError);
        await expect(port.putSheets([sheetSpec('列番号', { hiddenColumns: [1.5] })])).rejects.toThrow(WorkbookError);
        await expect(port.putSheets([sheetSpec('列番号', { hiddenColumns: [16385] })])).rejects.toThrow(WorkbookError);
        expect(await ours(port)).toEqual([]);
      });
    });

    describe('refusals: one validator, the same WorkbookError everywhere, nothing written', () => {
      async function refused(work: Promise<unknown>, message: string | RegExp, sheet: string): Promise<void> {
        const error = await work.then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(WorkbookError);
        expect(error).toMatchObject({ code: 'sheet-spec', sheet });
        expect((error as Error).message).toMatch(message);
      }

      test('two specs of one name (ignoring case) in one putSheets', async () => {
        await refused(
          port.putSheets([sheetSpec('集計'), sheetSpec('No.1'), sheetSpec('no.1')]),
          'シート名「no.1」が重複しています',
          'no.1',
        );
        expect(await ours(port)).toEqual([]);
      });

      test('addresses outside the grid or not addresses, wherever a spec has one', async () => {
        const bad: [string, Partial<SheetSpec>][] = [
          ['A0', { cells: [{ address: 'A0', value: 1 }] }],
          ['XFE1', { cells: [{ address: 'XFE1', value: 1 }] }],
          ['A1048577', { formats: [{ address: 'A1:A1048577', style: { bold: true } }] }],
          ['1A', { formats: [{ address: '1A', merge: true }] }],
          ['B', { validations: [{ address: 'B', list: ['a'] }] }],
          ['A1:', { page: { paperSize: 'A4', orientation: 'portrait', printArea: 'A1:' } }],
        ];
        for (const [address, overrides] of bad) {
          await refused(port.putSheets([sheetSpec('良い'), sheetSpec('番地', overrides)]), address, '番地');
        }
        expect(await ours(port)).toEqual([]);
      });

      test('overlapping merges', async () => {
        const formats = [
          { address: 'A1:C2', merge: true },
          { address: 'E1:E9', merge: true },
          { address: 'C2:D3', merge: true },
        ];
        await refused(port.putSheets([sheetSpec('結合', { formats })]), 'C2:D3', '結合');
        expect(await ours(port)).toEqual([]);
      });

      test('values, formulas, colours and print settings Excel cannot hold', async () => {
        const bad: [string | RegExp, Partial<SheetSpec>][] = [
          ['NaN', { cells: [{ address: 'A1', value: Number.NaN }] }],
          ['32767', { cells: [{ address: 'A1', value: 'あ'.repeat(32768) }] }],
          ['「=」', { cells: [{ address: 'A1', formula: '=SUM(A2:A3)' }] }],
          ['#12345', { tabColor: '#12345' }],
          ['red', { formats: [{ address: 'A1', style: { fill: 'red' } }] }],
          ['倍率', { page: { paperSize: 'A4', orientation: 'portrait', scale: 5 } }],
          ['印刷タイトル', { page: { paperSize: 'A4', orientation: 'portrait', printTitleRows: '3' } }],
          ['幅', { columnWidths: [12, -1] }],
          ['高さ', { rowHeights: { 0: 12 } }],
        ];
        for (const [message, overrides] of bad) {
          await refused(port.putSheets([sheetSpec('値', overrides)]), message, '値');
        }
        expect(await ours(port)).toEqual([]);
      });

      test('writeCells: a bad address or value fails the whole batch before anything is written', async () => {
        await port.putSheets([sheetSpec('書込')]);
        await refused(
          port.writeCells([
            {
              sheet: '書込',
              cells: [
                { address: 'B2', value: 9 },
                { address: 'B0', value: 1 },
              ],
            },
          ]),
          'B0',
          '書込',
        );
        await refused(
          port.writeCells([{ sheet: '書込', cells: [{ address: 'B2', value: Number.POSITIVE_INFINITY }] }]),
          'Infinity',
          '書込',
        );
        expect((await read(await harness.reopen(port), '書込', 'B2')).values).toEqual([[2]]);
      });
    });

    describe('missing sheets', () => {
      test('readRanges fails with a WorkbookError naming the sheet', async () => {
        const failure = port.readRanges([{ sheet: 'ありません', address: 'A1' }]);
        await expect(failure).rejects.toThrow(WorkbookError);
        await expect(port.readRanges([{ sheet: 'ありません', address: 'A1' }])).rejects.toThrow(
          'シート「ありません」が見つかりません',
        );
      });

      test('writeCells and setPageSetups fail with a WorkbookError', async () => {
        await expect(port.writeCells([{ sheet: 'ありません', cells: [{ address: 'A1', value: 1 }] }])).rejects.toThrow(
          WorkbookError,
        );
        await expect(
          port.setPageSetups([{ sheet: 'ありません', page: { paperSize: 'A4', orientation: 'portrait' } }]),
        ).rejects.toThrow(WorkbookError);
      });
    });
  });
}
