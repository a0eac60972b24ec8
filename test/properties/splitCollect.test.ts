/**
 * Property (issue 9 item 3): split → collect is the identity on every input cell. Whatever a master
 * holds in its input cells (numbers, booleans, text with spaces, control characters, emoji,
 * variation selectors, full-width digits, text that looks like a formula), the book that collect
 * writes from the departments' books holds the same value of the same type in the same cell.
 * Seeded, so a failure reproduces; SPLIT_COLLECT_RUNS sets the number of cases (default 1,000).
 */
import fc from 'fast-check';
import { collectBooks } from '../../src/actions/distributeCollect';
import { writeCollected } from '../../src/actions/distributeMerge';
import { isOwnedTab } from '../../src/actions/readWorkbook';
import { carriedCells } from '../../src/core/collection/inputCells';
import { typedValue } from '../../src/core/collection/fingerprint';
import type { CellValue } from '../../src/core/sheetSpec';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { splitSmall, smallPlan } from '../support/smallPlan';

const RUNS = Number(process.env.SPLIT_COLLECT_RUNS ?? 1000);

// One item: the cost of a case is writing whole workbooks; the cells are what vary.
const plan = smallPlan(['総務課']);
/** Input cells whose value decides what is split (確認時期, 取組終了) keep the template's value. */
const cells = carriedCells(plan).filter((cell) => !['checkYear', 'endedYear', 'endedMonth'].includes(cell.field.kind));

const odd = fc.constantFrom(' ', '\t', '\n', '\u0007', '\u001f', '😀', '葛\u{E0100}', '４', 'a', '=', '2', '-');
const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.string({ unit: odd, minLength: 1, maxLength: 8 }),
);
/** Values for some input cells of each sheet: sheet index → address → value. */
const typing = fc.array(fc.dictionary(fc.constantFrom(...cells.map((cell) => cell.address)), value, { maxKeys: 12 }), {
  minLength: plan.items.length,
  maxLength: plan.items.length,
});

function itemSheets(book: MemoryWorkbook): string[] {
  return book.sheetNames().filter((name) => !isOwnedTab(name));
}

async function valuesOf(book: MemoryWorkbook, sheet: string, addresses: readonly string[]): Promise<string[]> {
  const ranges = await book.readRanges(addresses.map((address) => ({ sheet, address })));
  return ranges.map((range) => typedValue(range.values[0]?.[0] ?? null));
}

describe('split → collect', () => {
  it(`is the identity on every input cell (${RUNS} seeded cases)`, async () => {
    const addresses = cells.map((cell) => cell.address);
    await fc.assert(
      fc.asyncProperty(typing, async (typed) => {
        const { master, books } = await splitSmall(plan, async (book) => {
          const names = itemSheets(book);
          await book.writeCells(
            typed.map((entries, index) => ({
              sheet: names[index],
              cells: Object.entries(entries).map(([address, cellValue]) => ({ address, value: cellValue })),
            })),
          );
        });
        const target = new MemoryWorkbook();
        await writeCollected(target, await collectBooks(books));
        for (const sheet of itemSheets(master))
          expect(await valuesOf(target, sheet, addresses)).toEqual(await valuesOf(master, sheet, addresses));
      }),
      { numRuns: RUNS, seed: 20211130, endOnFailure: true },
    );
  });
});
