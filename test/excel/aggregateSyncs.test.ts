/**
 * 「集計」 over the Office.js port with Microsoft's office.js building every request, on workbooks
 * of realistic 進捗状況シート (./realisticBook): the number of context.sync() calls stays at 13 plus
 * one per 4 MB of real payload, and Excel on the web never refuses a request or an answer (the
 * fake host measures the texts office.js sends and receives, and refuses above 5 MB as Excel does).
 * The 7,000-sheet figures are printed by `npm run bench`.
 */
import { aggregate } from '../../src/actions/aggregate';
import { FakeExcel, PAYLOAD_LIMIT_BYTES } from '../../src/demo/fakeExcel';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import { officeJsOver } from './officeJs';
import { realisticBookSpecs } from './realisticBook';

const COUNTS = [70, 700];
const MB4 = 4 * 1024 * 1024;

interface Measured {
  syncs: number;
  requests: number;
  refused: number;
  largestRequest: number;
  largestResponse: number;
  payload: number;
  filled: number;
}

async function measure(count: number): Promise<Measured> {
  const fake = new FakeExcel();
  fake.loadSheetSpecs(realisticBookSpecs(count));
  const office = officeJsOver(fake);
  let payload = 0;
  const port = new OfficeWorkbook({
    run: async (options, batch) => office.run(options, batch),
    requirements: office.requirements,
  });
  const host = office.host;
  const execute = host.execute;
  office.window.OSF.DDA.RichApi.executeRichApiRequestAsync = (message: unknown[], callback: never) => {
    payload += Buffer.byteLength(String(message[4]));
    execute(message, (result) => {
      if (result.status === 'succeeded') payload += Buffer.byteLength(result.value.data[2]);
      (callback as (value: unknown) => void)(result);
    });
  };
  const requestsBefore = fake.stats.syncs;
  const result = await aggregate(port);
  return {
    syncs: port.stats.syncs,
    requests: fake.stats.syncs - requestsBefore,
    refused: fake.stats.refusedRequests + fake.stats.refusedResponses,
    largestRequest: fake.stats.maxRequestBytes,
    largestResponse: fake.stats.maxResponseBytes,
    payload,
    filled: result.filledSheets.length,
  };
}

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
    expect(measured.syncs).toBeLessThanOrEqual(13 + Math.ceil(measured.payload / MB4));
  });
});
