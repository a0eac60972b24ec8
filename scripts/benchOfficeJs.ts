/**
 * The Office.js part of `npm run bench`: 「集計」 with Microsoft's office.js building every request
 * (test/excel/measureAggregate.ts) on realistic books of 70, 700 and 7,000 sheets: syncs against
 * the target of 14 (13, and the 元に戻す record read) plus one per 4 MB of real payload, refusals, and the largest request and answer
 * as office.js sent and received them.
 */
import { measureAggregate } from '../test/excel/measureAggregate';
import { PLAN_TAB_ITEMS } from '../test/excel/realisticBook';
import { measureYear } from '../test/excel/measureYear';

/** 4 MB: the port's budget per sync (`SYNC_BUDGET_BYTES`, 80 % of Excel on the web's 5 MB). */
const MB4 = 4_000_000;

/**
 * Prints the figures.
 * @param counts - book sizes in 進捗状況シート
 */
export async function benchOfficeJs(counts: readonly number[] = [70, 700, 7000]): Promise<void> {
  console.log("\nOffice.js (Microsoft's office.js over the fake Excel host), 「集計」 on realistic sheets");
  console.log('  sheets   syncs  target  requests  refused  largest request  largest answer   payload');
  for (const count of counts) {
    const m = await measureAggregate(count);
    const target = 13 + Math.ceil(m.payload / MB4);
    console.log(
      `  ${String(count).padStart(6)}  ${String(m.syncs).padStart(6)}  ${String(target).padStart(6)}  ${String(m.requests).padStart(8)}  ${String(m.refused).padStart(7)}  ${String(m.largestRequest).padStart(15)}  ${String(m.largestResponse).padStart(14)}  ${String(m.payload).padStart(9)}`,
    );
  }
  await benchYear(counts.filter((count) => count <= PLAN_TAB_ITEMS));
}

/**
 * The pane's 配布・回収・年度更新 on the same books (those with a プラン定義 tab): wall time in this
 * process, syncs, and the files' sizes against the 5 MB a request may have on Excel on the web.
 * @param counts - book sizes in 進捗状況シート
 */
async function benchYear(counts: readonly number[]): Promise<void> {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  console.log(
    "\nThe pane's 配布・回収・年度更新 over office.js (wall ms / syncs; file sizes, base64 is what Excel.createWorkbook sends)",
  );
  for (const count of counts) {
    const m = await measureYear(count);
    console.log(
      `  ${String(count).padStart(6)} sheets: 配布 ${m.departments} books ${m.splitMs.toFixed(0)} ms / ${m.splitSyncs}, largest ${kib(m.largestFile)} (base64 ${kib(m.largestBase64)}), all ${kib(m.allFiles)}; 回収 ${m.collectMs.toFixed(0)} ms / ${m.collectSyncs}; 年度更新 ${m.rolloverMs.toFixed(0)} ms / ${m.rolloverSyncs}, ${kib(m.rolloverFile)} (base64 ${kib(m.rolloverBase64)})`,
    );
  }
}

if (require.main === module) void benchOfficeJs(process.argv.slice(2).map(Number).filter(Boolean));
