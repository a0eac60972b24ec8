/**
 * The Office.js part of `npm run bench`: 「集計」 with Microsoft's office.js building every request
 * (test/excel/measureAggregate.ts) on realistic books of 70, 700 and 7,000 sheets: syncs against
 * the target of 14 (13, and the 元に戻す record read) plus one per 4 MB of real payload, refusals, and the largest request and answer
 * as office.js sent and received them.
 */
import { measureAggregate } from '../test/excel/measureAggregate';

const MB4 = 4 * 1024 * 1024;

/**
 * Prints the figures.
 * @param counts - book sizes in 進捗状況シート
 */
export async function benchOfficeJs(counts: readonly number[] = [70, 700, 7000]): Promise<void> {
  console.log("\nOffice.js (Microsoft's office.js over the fake Excel host), 「集計」 on realistic sheets");
  console.log('  sheets   syncs  target  requests  refused  largest request  largest answer   payload');
  for (const count of counts) {
    const m = await measureAggregate(count);
    const target = 14 + Math.ceil(m.payload / MB4);
    console.log(
      `  ${String(count).padStart(6)}  ${String(m.syncs).padStart(6)}  ${String(target).padStart(6)}  ${String(m.requests).padStart(8)}  ${String(m.refused).padStart(7)}  ${String(m.largestRequest).padStart(15)}  ${String(m.largestResponse).padStart(14)}  ${String(m.payload).padStart(9)}`,
    );
  }
}

if (require.main === module) void benchOfficeJs(process.argv.slice(2).map(Number).filter(Boolean));
