/**
 * 「集計」 over the Office.js port with Microsoft's office.js building every request, on workbooks
 * of realistic 進捗状況シート (./realisticBook): the number of context.sync() calls stays at 14 plus
 * one per 4 MB of real payload (13 for reading and writing, one more to read the 元に戻す record
 * before it is written first; docs/decisions.md), and Excel on the web never refuses a request or an answer (the
 * fake host measures the texts office.js sends and receives, and refuses above 5 MB as Excel does).
 * The 7,000-sheet figures are printed by `npm run bench`.
 */
import { PAYLOAD_LIMIT_BYTES } from '../../src/demo/fakeExcel';
import { measureAggregate as measure, type AggregateMeasure as Measured } from './measureAggregate';

const COUNTS = [70, 700];
const MB4 = 4 * 1024 * 1024;
/** Syncs of 「集計」 that do not depend on the payload: 13, and one to read the record of 元に戻す. */
const BASE_SYNCS = 14;

describe("「集計」 through OfficeWorkbook and Microsoft's office.js, realistic sheets", () => {
  const results = new Map<number, Measured>();

  beforeAll(async () => {
    for (const count of COUNTS) results.set(count, await measure(count));
    // Recorded in docs/decisions.md.
    console.log(
      [...results]
        .map(
          ([count, m]) =>
            `${count} sheets: ${m.syncs} syncs (${m.requests} requests), ${m.refused} refused, largest request ${m.largestRequest} bytes, largest answer ${m.largestResponse} bytes, payload ${m.payload} bytes`,
        )
        .join('\n'),
    );
  }, 600_000);

  test.each(COUNTS)('%i sheets: every sheet filled, no refused request or answer, all under 5 MB', (count) => {
    const measured = results.get(count);
    expect(measured?.filled).toBe(count);
    expect(measured?.refused).toBe(0);
    expect(measured?.largestRequest).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(measured?.largestResponse).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  test.each(COUNTS)('%i sheets: at most 14 syncs plus one per 4 MB of real payload', (count) => {
    const measured = results.get(count);
    if (!measured) throw new Error('not measured');
    expect(measured.syncs).toBeLessThanOrEqual(BASE_SYNCS + Math.ceil(measured.payload / MB4));
  });
});
