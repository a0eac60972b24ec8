/**
 * Properties (issue 9, item 7) of the reader and of 「集計」 over random input:
 * - any values typed anywhere on a 進捗状況シート, and on the プラン定義 and 審議会評価 tabs, never
 *   crash 入力チェック or 「集計」: they give problems or a UserError, never another exception;
 * - 「集計」 never changes a cell it does not own, and a second 「集計」 changes nothing;
 * - any bytes, and any damage to a real .xlsx file, give a UserError when opened or read.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { aggregate } from '../../src/actions/aggregate';
import { checkWorkbook } from '../../src/actions/check';
import { parseRange, cellAddress } from '../../src/core/address';
import { isUserError } from '../../src/core/errors';
import { builtInPlan } from '../../src/core/example';
import type { Plan } from '../../src/core/plan';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import type { CellValue, SheetSpec } from '../../src/core/sheetSpec';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { RecordingWorkbook } from '../support/exampleBook';
import { smallSyntheticPlan, writeSyntheticBook } from '../support/syntheticBook';
import { bookState } from '../support/userEdits';
import { cellValue } from './cellValues';
import { runs } from './runs';

const layout = progressSheetLayout(builtInPlan());
const bounds = parseRange(layout.readRange);
const owned = new Set(layout.scores.flatMap((year) => [year.total, year.grade]));

let specs: SheetSpec[];
/** Books of 1–3 items of a plan cut to their 取組項目 (small summary tabs: cheap cases). */
let smallBooks: SheetSpec[][];
let xlsx: Buffer;

async function syntheticSpecs(count: number, plan?: Plan): Promise<SheetSpec[]> {
  const book = new RecordingWorkbook();
  await writeSyntheticBook(book, count, plan);
  return book.specs;
}

beforeAll(async () => {
  specs = await syntheticSpecs(2);
  smallBooks = await Promise.all([1, 2, 3].map((count) => syntheticSpecs(count, smallSyntheticPlan(count))));
  const file = XlsxWorkbook.create();
  await file.putSheets(specs);
  xlsx = await file.toBuffer();
});

/** Random edits: which sheet (by index), which cell, what value. */
const edits = fc.array(
  fc.record({
    sheet: fc.nat(),
    row: fc.integer({ min: bounds.top, max: bounds.bottom }),
    column: fc.integer({ min: bounds.left, max: bounds.right }),
    value: cellValue,
  }),
  { minLength: 1, maxLength: 12 },
);

async function edited(
  changes: { sheet: number; row: number; column: number; value: CellValue }[],
  from: readonly SheetSpec[] = specs,
): Promise<MemoryWorkbook> {
  const book = MemoryWorkbook.fromSpecs(from);
  const names = book.sheetNames();
  for (const change of changes) {
    const sheet = names[change.sheet % names.length];
    // A cell inside a merged area cannot be typed into (the port refuses it, as Excel does).
    await answered(() =>
      book.writeCells([{ sheet, cells: [{ address: cellAddress(change.row, change.column), value: change.value }] }]),
    );
  }
  return book;
}

/**
 * expect(actual).toEqual(expected), without jest's slow deep comparison when they are equal (the
 * usual case, a thousand times per property); jest's comparison and diff when they are not.
 */
function same(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
}

/** Runs an action; a UserError is an answer too. Anything else fails the property. */
async function answered<T>(action: () => Promise<T>): Promise<T | null> {
  try {
    return await action();
  } catch (error) {
    if (isUserError(error)) return null;
    throw error;
  }
}

describe('random input', () => {
  it('入力チェック answers with problems or a UserError, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(edits, async (changes) => {
        const book = await edited(changes);
        await answered(() => checkWorkbook(book));
      }),
      runs(),
    );
  });

  /** 「集計」 over an edited book: refused with nothing written, or input cells kept and idempotent. */
  async function aggregatesOnce(book: MemoryWorkbook): Promise<void> {
    const before = bookState(book);
    const result = await answered(() => aggregate(book));
    const after = bookState(book);
    if (result === null) {
      same(after, before); // refused: nothing written
      return;
    }
    // Every sheet that was there keeps every cell but the owned ones.
    for (const sheet of before) {
      const now = after.find((each) => each.name === sheet.name);
      if (!now || !result.filledSheets.includes(sheet.name)) {
        if (!result.replacedSheets.includes(sheet.name)) same(now, sheet);
        continue;
      }
      const cells = (state: typeof sheet) =>
        (state.cells as [string, unknown][]).filter(([address]) => !owned.has(address));
      same(cells(now), cells(sheet));
    }
    await aggregate(book);
    same(bookState(book), after);
  }

  it('「集計」 never changes a cell it does not own, and a second 「集計」 changes nothing (small books)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(smallBooks.length - 1), edits, async (size, changes) =>
        aggregatesOnce(await edited(changes, smallBooks[size])),
      ),
      runs(),
    );
  });

  it('「集計」 never changes a cell it does not own, and a second 「集計」 changes nothing (the whole plan)', async () => {
    await fc.assert(
      fc.asyncProperty(edits, async (changes) => aggregatesOnce(await edited(changes))),
      runs(0.02),
    );
  });
});

describe('random bytes', () => {
  it('any bytes are refused with a UserError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const error = await XlsxWorkbook.open(bytes).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(isUserError(error)).toBe(true);
      }),
      runs(),
    );
  });

  it('a damaged .xlsx file is opened and checked, or refused with a UserError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        async (damage) => {
          const bytes = Buffer.from(xlsx);
          for (const [at, value] of damage) bytes[at % bytes.length] = value;
          await answered(async () => checkWorkbook(await XlsxWorkbook.open(bytes)));
        },
      ),
      runs(),
    );
  });
});
