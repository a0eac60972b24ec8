/**
 * 「集計」 over the Office.js port with Microsoft's office.js building every request, on workbooks
 * of realistic 進捗状況シート (./realisticBook): the number of context.sync() calls stays at 13 plus
 * one per 4 MB of real payload (the 元に戻す record of the last 「集計」 is read in the same batch as the
 * sheets), two more when the tabs are there to replace (each write checks the owner marker of the
 * sheets it replaces; docs/decisions.md), and Excel on the web never refuses a request or an answer (the
 * fake host measures the texts office.js sends and receives, and refuses above 5 MB as Excel does).
 * The 7,000-sheet figures are printed by `npm run bench`.
 */
import { PAYLOAD_LIMIT_BYTES } from '../../src/demo/fakeExcel';
import { measureAggregate, measureAggregate as measure, type AggregateMeasure as Measured } from './measureAggregate';

const COUNTS = [70, 700];
const MB4 = 4 * 1024 * 1024;
/** Syncs of 「集計」 that do not depend on the payload (first 「集計」 of a book). */
const BASE_SYNCS = 13;
/** And of a second one: the two writes that replace sheets check their owner markers first. */
const AGAIN_SYNCS = BASE_SYNCS + 2;

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

  test.each(COUNTS)('%i sheets: at most 13 syncs plus one per 4 MB of real payload', (count) => {
    const measured = results.get(count);
    if (!measured) throw new Error('not measured');
    expect(measured.syncs).toBeLessThanOrEqual(BASE_SYNCS + Math.ceil(measured.payload / MB4));
  });

  test('a second 「集計」 of the book: two more, to check the sheets it replaces', async () => {
    const measured = await measureAggregate(70, true);
    expect(measured.refused).toBe(0);
    expect(measured.syncs).toBeLessThanOrEqual(AGAIN_SYNCS + Math.ceil(measured.payload / MB4));
  });
});
