/**
 * 「集計」 over OfficeWorkbook and Microsoft's office.js on a realistic book (./realisticBook), as
 * the host sees it: syncs, requests, refusals, the largest request and answer, all bytes sent and
 * received. Shared by test/excel/aggregateSyncs.test.ts and `npm run bench`.
 */
import { aggregate } from '../../src/actions/aggregate';
import { FakeExcel } from '../../src/demo/fakeExcel';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import { officeJsOver } from './officeJs';
import { syntheticPlan } from '../support/syntheticBook';
import { PLAN_TAB_ITEMS, realisticBookSpecs } from './realisticBook';

/** What one 「集計」 cost. */
export interface AggregateMeasure {
  /** context.sync() calls of the port. */
  syncs: number;
  /** Requests office.js sent (syncs plus its own clean-up requests). */
  requests: number;
  refused: number;
  largestRequest: number;
  largestResponse: number;
  /** Request and answer bytes, all requests. */
  payload: number;
  filled: number;
}

const encoder = new TextEncoder();

/**
 * Runs 「集計」 on a realistic book of `count` sheets opened in a fake Excel behind office.js.
 * @param count - 進捗状況シート
 * @param again - measure a second 「集計」 of the book (its tabs and record are there to replace)
 */
export async function measureAggregate(count: number, again = false): Promise<AggregateMeasure> {
  const fake = new FakeExcel();
  fake.loadSheetSpecs(realisticBookSpecs(count));
  const office = officeJsOver(fake);
  const port = new OfficeWorkbook({ run: office.run, requirements: office.requirements });
  let payload = 0;
  const rich = office.window.OSF.DDA.RichApi;
  const execute = office.host.execute;
  rich.executeRichApiRequestAsync = (message: unknown[], callback: (result: unknown) => void) => {
    payload += encoder.encode(String(message[4])).length;
    execute(message, (result) => {
      if (result.status === 'succeeded') payload += encoder.encode(result.value.data[2]).length;
      callback(result);
    });
  };
  const options = count > PLAN_TAB_ITEMS ? { plan: syntheticPlan(count) } : {};
  if (again) await aggregate(port, options);
  const [syncsBefore, requestsBefore, payloadBefore] = [port.stats.syncs, fake.stats.syncs, payload];
  const result = await aggregate(port, options);
  payload -= payloadBefore;
  return {
    syncs: port.stats.syncs - syncsBefore,
    requests: fake.stats.syncs - requestsBefore,
    refused: fake.stats.refusedRequests + fake.stats.refusedResponses,
    largestRequest: fake.stats.maxRequestBytes,
    largestResponse: fake.stats.maxResponseBytes,
    payload,
    filled: result.filledSheets.length,
  };
}
