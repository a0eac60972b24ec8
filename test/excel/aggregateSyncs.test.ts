/**
 * 「集計」 over the Office.js port: the number of context.sync() calls does not grow with the
 * number of 進捗状況シート, and no request exceeds Excel on the web's 5 MB cap (checked by the fake,
 * which refuses such a request as Excel does). Workbooks come from test/support/syntheticBook.ts, as in `npm run bench`.
 */
import { aggregate } from '../../src/actions/aggregate';
import { FakeExcel, PAYLOAD_LIMIT_BYTES } from '../../src/demo/fakeExcel';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import { writeSyntheticBook } from '../support/syntheticBook';

/**
 * 700 sheets take ~25 s here (2 cores), mostly building the workbook through the fake; the test
 * stops at 350 and `npm run bench` runs 7, 70 and 700 (same syncs, largest request ~1.6 MB).
 */
const COUNTS = [7, 70, 350];
const LARGEST = COUNTS[COUNTS.length - 1];

interface Measured {
  syncs: number;
  runs: number;
  splits: number;
  largestRequest: number;
  largestResponse: number;
  filled: number;
}

async function measure(count: number): Promise<Measured> {
  const fake = new FakeExcel();
  const port = new OfficeWorkbook({ run: fake.run, requirements: fake.requirements });
  await writeSyntheticBook(port, count);
  const before = { syncs: port.stats.syncs, runs: port.stats.runs, splits: port.stats.splits };
  fake.stats.maxRequestBytes = 0;
  fake.stats.maxResponseBytes = 0;
  const result = await aggregate(port);
  return {
    syncs: port.stats.syncs - before.syncs,
    runs: port.stats.runs - before.runs,
    splits: port.stats.splits - before.splits,
    largestRequest: fake.stats.maxRequestBytes,
    largestResponse: fake.stats.maxResponseBytes,
    filled: result.filledSheets.length,
  };
}

describe('「集計」 through OfficeWorkbook', () => {
  const results = new Map<number, Measured>();

  beforeAll(async () => {
    for (const count of COUNTS) results.set(count, await measure(count));
    // Recorded in docs/decisions.md.
    console.log(
      [...results]
        .map(
          ([count, m]) =>
            `${count} sheets: ${m.syncs} syncs in ${m.runs} runs, largest request ${m.largestRequest} bytes, largest answer ${m.largestResponse} bytes`,
        )
        .join('\n'),
    );
  });

  test(`makes the same number of syncs for ${COUNTS.join(', ')} sheets`, () => {
    const syncs = [...results.values()].map((measured) => measured.syncs);
    expect(new Set(syncs).size).toBe(1);
    expect(new Set([...results.values()].map((measured) => measured.runs)).size).toBe(1);
    for (const [count, measured] of results) expect(measured.filled).toBe(count);
  });

  test(`stays under the 5 MB cap for ${LARGEST} sheets: no request or answer refused and split`, () => {
    const measured = results.get(LARGEST);
    expect(measured?.splits).toBe(0);
    expect(measured?.largestRequest).toBeLessThan(PAYLOAD_LIMIT_BYTES / 2);
    expect(measured?.largestResponse).toBeLessThan(PAYLOAD_LIMIT_BYTES / 2);
  });
});
