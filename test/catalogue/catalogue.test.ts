/**
 * The catalogue of bad input (issue 9, item 9): generated `error.*` / `warning.*` fixtures, each a
 * real .xlsx file (written through the .xlsx port into a temporary folder, then opened again) with
 * the message it must give — code, sheet, cell, and Japanese text with a fix. One table; a new
 * kind of bad input is one row. What is accepted (normalised) and what is reported is listed in
 * the README (入力の誤り).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/actions/check';
import { columnLetters, parseCell, parseRange } from '../../src/core/address';
import { isUserError } from '../../src/core/errors';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import type { CellWrite, SheetSpec } from '../../src/core/sheetSpec';
import { SUMMARY_SHEET_NAMES } from '../../src/core/summaryTabs';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { RecordingWorkbook } from '../support/exampleBook';
import { syntheticPlan, writeSyntheticBook } from '../support/syntheticBook';

const plan = syntheticPlan(2);
const layout = progressSheetLayout(plan);
const r3 = layout.scores[1];
const FIRST = '1 実践項目 1';
const SECOND = '2 実践項目 2';

/** What a fixture must give: a problem of 入力チェック, or a UserError when the file is opened or read. */
interface Expected {
  code: string;
  sheet: string | null;
  cell: string | null;
  /** A part of the Japanese message. */
  text: string;
}

interface Fixture {
  name: string;
  /** The workbook's sheets, changed from the clean ones; or the file's bytes. */
  make: (specs: SheetSpec[]) => SheetSpec[] | Uint8Array;
  expected: Expected;
}

/** The sheets with cells of one sheet written over. */
function typed(sheet: string, cells: CellWrite[]): (specs: SheetSpec[]) => SheetSpec[] {
  return (specs) =>
    specs.map((spec) => {
      if (spec.name !== sheet) return spec;
      const addresses = new Set(cells.map((cell) => cell.address));
      return { ...spec, cells: [...spec.cells.filter((cell) => !addresses.has(cell.address)), ...cells] };
    });
}

/** Moves every A1 reference at or beyond `from` (rows, or columns) by `by` (what Excel does to formulas). */
function moveReferences(text: string, axis: 'row' | 'column', from: number, by: number): string {
  return text.replace(/\b([A-Z]{1,3})(\d+)\b/g, (match, letters: string, digits: string) => {
    const { row, column } = parseCell(match);
    if (axis === 'row') return row >= from ? `${letters}${Number(digits) + by}` : match;
    return column >= from ? `${columnLetters(column + by)}${digits}` : match;
  });
}

/**
 * A sheet as after Excel inserted (`by` > 0) or deleted (`by` < 0) rows or columns at `at`: cells
 * and formulas moved, the deleted cells gone (formats, merges and drop-downs left out: the reader
 * checks the labels, not the look).
 */
function shifted(sheet: string, axis: 'row' | 'column', at: number, by: number): (specs: SheetSpec[]) => SheetSpec[] {
  const deleted = (address: string) => {
    const place = parseCell(address);
    const index = axis === 'row' ? place.row : place.column;
    return by < 0 && index >= at && index < at - by;
  };
  const from = by < 0 ? at - by : at;
  return relaidOut(sheet, (cells) =>
    cells
      .filter((cell) => !deleted(cell.address))
      .map((cell) => ({
        ...cell,
        address: moveReferences(cell.address, axis, from, by),
        ...(cell.formula ? { formula: moveReferences(cell.formula, axis, from, by) } : {}),
      })),
  );
}

/** A sheet with the cells of a block moved `rows` down (what cut and paste does), formats left out. */
function blockMoved(sheet: string, block: string, rows: number): (specs: SheetSpec[]) => SheetSpec[] {
  const bounds = parseRange(block);
  const inside = (address: string) => {
    const { row, column } = parseCell(address);
    return row >= bounds.top && row <= bounds.bottom && column >= bounds.left && column <= bounds.right;
  };
  return relaidOut(sheet, (cells) =>
    cells.map((cell) =>
      inside(cell.address) ? { ...cell, address: moveReferences(cell.address, 'row', 1, rows) } : cell,
    ),
  );
}

/** The sheets with one sheet's cells moved (its formats, merges and drop-downs left out). */
function relaidOut(sheet: string, move: (cells: CellWrite[]) => CellWrite[]): (specs: SheetSpec[]) => SheetSpec[] {
  return (specs) =>
    specs.map((spec) =>
      spec.name === sheet ? { ...spec, formats: [], merges: [], validations: [], cells: move([...spec.cells]) } : spec,
    );
}

/** The message of a sheet refused for its layout: where it differs, and how it moved. */
function layoutRefused(sheet: string, cell: string, text: string): Expected {
  return { code: 'layout-damaged', sheet, cell, text };
}

const CATALOGUE: Fixture[] = [
  {
    name: 'error.score-out-of-range (4)',
    make: typed(FIRST, [{ address: r3.scores.progress, value: 4 }]),
    expected: { code: 'score-out-of-range', sheet: FIRST, cell: r3.scores.progress, text: '範囲外' },
  },
  {
    name: 'error.score-not-number (a)',
    make: typed(FIRST, [{ address: r3.scores.cooperation, value: 'a' }]),
    expected: { code: 'score-not-number', sheet: FIRST, cell: r3.scores.cooperation, text: 'a' },
  },
  {
    name: 'error.score-not-integer (1.5)',
    make: typed(FIRST, [{ address: r3.scores.efficiency, value: 1.5 }]),
    expected: { code: 'score-not-integer', sheet: FIRST, cell: r3.scores.efficiency, text: '1.5' },
  },
  {
    name: 'error.score-incomplete (a blank score)',
    make: typed(FIRST, [{ address: r3.scores.creativity, value: null }]),
    expected: { code: 'score-incomplete', sheet: FIRST, cell: r3.scores.creativity, text: '' },
  },
  {
    name: 'warning.score-text ("2" typed as text)',
    make: typed(SECOND, [{ address: r3.scores.progress, value: '2' }]),
    expected: { code: 'score-text', sheet: SECOND, cell: r3.scores.progress, text: '' },
  },
  {
    name: 'warning.text-control-character (BEL in a reason)',
    make: typed(FIRST, [{ address: layout.reasons.overall, value: '理由\u0007です' }]),
    expected: { code: 'text-control-character', sheet: FIRST, cell: layout.reasons.overall, text: '' },
  },
  {
    name: 'error.sheet-name-reserved (a department sheet renamed 総評)',
    make: (specs) => specs.map((spec) => (spec.name === SECOND ? { ...spec, name: SUMMARY_SHEET_NAMES.review } : spec)),
    expected: { code: 'sheet-name-reserved', sheet: SUMMARY_SHEET_NAMES.review, cell: null, text: '総評' },
  },
  {
    name: 'error.item-duplicate (the same item on two sheets)',
    make: (specs) => [...specs, { ...specs.find((spec) => spec.name === FIRST)!, name: '1 のコピー' }],
    expected: { code: 'item-duplicate', sheet: '1 のコピー', cell: layout.itemNo, text: '' },
  },
  {
    name: 'error.item-sheet-missing (a deleted sheet)',
    make: (specs) => specs.filter((spec) => spec.name !== SECOND),
    expected: { code: 'item-sheet-missing', sheet: null, cell: null, text: '2' },
  },
  {
    name: 'error.layout-damaged (part ①: a row inserted in 取組内容, above row 20)',
    make: shifted(FIRST, 'row', 20, 1),
    expected: layoutRefused(FIRST, 'C20', '20 行目より上に 1 行挿入されたようです'),
  },
  {
    name: 'error.layout-damaged (part ①: row 12 deleted, the first 取組内容 row)',
    make: shifted(FIRST, 'row', 12, -1),
    expected: layoutRefused(FIRST, 'C12', '13 行目より上で 1 行削除されたようです'),
  },
  {
    name: 'error.layout-damaged (part ①: a row inserted in 自己評価, above 連携度)',
    make: shifted(SECOND, 'row', 29, 1),
    expected: layoutRefused(SECOND, 'A29', '29 行目より上に 1 行挿入されたようです'),
  },
  {
    name: 'error.layout-damaged (part ②: a row inserted at row 41, between Ｒ２ and Ｒ３)',
    make: shifted(FIRST, 'row', 41, 1),
    expected: layoutRefused(FIRST, 'B41', '41 行目より上に 1 行挿入されたようです'),
  },
  {
    name: 'error.layout-damaged (part ②: the empty Ｒ６ row 44 deleted)',
    make: shifted(FIRST, 'row', 44, -1),
    expected: layoutRefused(FIRST, 'B44', '45 行目より上で 1 行削除されたようです'),
  },
  {
    name: 'error.layout-damaged (part ③, 特記事項: a row inserted above row 46)',
    make: shifted(FIRST, 'row', 46, 1),
    expected: layoutRefused(FIRST, 'Q46', '目印「shinchoku:progress-sheet:end」のはずが「空欄」'),
  },
  {
    name: 'error.layout-damaged (a column inserted before the scores, column D)',
    make: shifted(FIRST, 'column', 4, 1),
    expected: layoutRefused(FIRST, 'K1', 'K 列より左に 1 列挿入されたようです'),
  },
  {
    name: 'error.layout-damaged (a column deleted before the scores, column C)',
    make: shifted(SECOND, 'column', 3, -1),
    expected: layoutRefused(SECOND, 'K1', 'K 列より左で 1 列削除されたようです'),
  },
  {
    name: 'error.layout-damaged (a block moved: 取組上の課題等 cut and pasted 10 rows down)',
    make: blockMoved(FIRST, 'A39:Q44', 10),
    expected: layoutRefused(FIRST, 'A39', '「取組上の課題等」のはずが「空欄」'),
  },
  {
    name: 'error.file (not a workbook: random bytes)',
    make: () => Uint8Array.from({ length: 300 }, (_, index) => (index * 7919) % 256),
    expected: { code: 'user-error', sheet: null, cell: null, text: '開けません' },
  },
];

let clean: SheetSpec[];
const folder = mkdtempSync(join(tmpdir(), 'shinchoku-catalogue-'));

beforeAll(async () => {
  const book = new RecordingWorkbook();
  await writeSyntheticBook(book, 2);
  clean = book.specs;
});

/** The fixture as a file, opened and checked: its problems, or the UserError it gives. */
async function outcome(fixture: Fixture): Promise<Expected[]> {
  const made = fixture.make(clean.map((spec) => ({ ...spec })));
  const path = join(folder, `${fixture.name.replace(/[^\w.-]+/g, '_')}.xlsx`);
  if (made instanceof Uint8Array) writeFileSync(path, made);
  else {
    const book = XlsxWorkbook.create();
    await book.putSheets(made);
    await book.save(path);
  }
  try {
    const result = await checkWorkbook(await XlsxWorkbook.open(path));
    for (const problem of result.problems) expect(problem.fix).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    return result.problems.map(({ code, sheet, cell, message }) => ({ code, sheet, cell, text: message }));
  } catch (error) {
    if (!isUserError(error)) throw error;
    return [{ code: error.code, sheet: error.sheet, cell: error.cell, text: error.message }];
  }
}

describe('the catalogue of bad input', () => {
  it('the clean workbook gives no problem', async () => {
    expect(await outcome({ name: 'clean', make: (specs) => specs, expected: null as never })).toEqual([]);
  });

  it.each(CATALOGUE.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    const { code, sheet, cell, text } = fixture.expected;
    expect(await outcome(fixture)).toContainEqual({
      code,
      sheet,
      cell,
      text: expect.stringMatching(
        new RegExp(
          `[ぁ-んァ-ヶ一-龠].*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*[ぁ-んァ-ヶ一-龠]`,
          's',
        ),
      ),
    });
  });
});
