/**
 * `npm run bench`: speed figures of the product, printed (not asserted).
 * - 集計 of the built-in example over .xlsx (ExcelJS), as the CLI runs it;
 * - the same on synthetic plans of 7, 70 and 700 実践項目 in memory (the engine alone);
 * - Office.js round trips of 集計 over the faithful fake for 7, 70 and 700 sheets: context.sync()
 *   calls must not grow with the number of sheets, the largest request and answer, the request
 *   that renders the summary tabs;
 * - request bytes of rendering one and 70 進捗状況シート.
 */
import { aggregate } from '../src/actions/aggregate';
import { createExample } from '../src/actions/template';
import { exampleWorkbookData } from '../src/core/exampleSheets';
import { writeProgressSheet } from '../src/core/sheet/writeProgressSheet';
import { FakeExcel } from '../src/demo/fakeExcel';
import { OfficeWorkbook } from '../src/excel/OfficeWorkbook';
import { MemoryWorkbook } from '../src/workbook/memory';
import { XlsxWorkbook } from '../src/xlsx/XlsxWorkbook';
import { writeSyntheticBook } from '../test/support/syntheticBook';
import { benchOfficeJs } from './benchOfficeJs';

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

function row(cells: (string | number)[]): string {
  return cells.map((cell, index) => String(cell).padStart(index === 0 ? 0 : 12)).join('');
}

async function main(): Promise<void> {
  console.log('Shinchoku benchmark (2 cores, Node ' + process.version + ')\n');

  console.log('1. The built-in example over .xlsx (ExcelJS), as `shinchoku demo` does it');
  const book = XlsxWorkbook.create();
  const [, createMs] = await time(() => createExample(book));
  const [buffer, saveMs] = await time(() => book.toBuffer());
  const [opened, openMs] = await time(() => XlsxWorkbook.open(buffer));
  const [, aggregateMs] = await time(() => aggregate(opened));
  const [summaryBuffer, saveSummaryMs] = await time(() => opened.toBuffer());
  console.log(
    `   create 70 sheets ${createMs.toFixed(0)} ms, save ${saveMs.toFixed(0)} ms (${(buffer.length / 1024).toFixed(0)} KiB)`,
  );
  console.log(
    `   open ${openMs.toFixed(0)} ms, 集計 ${aggregateMs.toFixed(0)} ms, save ${saveSummaryMs.toFixed(0)} ms (${(summaryBuffer.length / 1024).toFixed(0)} KiB)\n`,
  );

  console.log('2. 集計 in memory (the engine and use cases alone)');
  console.log(row(['   items', 'write ms', '集計 ms', 'ms/item']));
  for (const count of [7, 70, 700]) {
    const memory = new MemoryWorkbook();
    const [, writeMs] = await time(() => writeSyntheticBook(memory, count));
    const [, runMs] = await time(() => aggregate(memory));
    console.log(row([`   ${count}`, writeMs.toFixed(0), runMs.toFixed(0), (runMs / count).toFixed(2)]));
  }
  console.log('');

  console.log('3. 集計 through the Office.js port over the fake Excel (round trips per action)');
  console.log(
    row(['   sheets', 'build ms', 'runs', 'syncs', 'splits', 'req KiB', 'answer KiB', 'tabs KiB', '集計 ms']),
  );
  for (const count of [7, 70, 700]) {
    const fake = new FakeExcel();
    const port = new OfficeWorkbook({ run: fake.run, requirements: fake.requirements });
    const [, buildMs] = await time(() => writeSyntheticBook(port, count));
    const before = { ...port.stats };
    fake.stats.maxRequestBytes = 0;
    fake.stats.maxResponseBytes = 0;
    const [, runMs] = await time(() => aggregate(port));
    // The last request of 集計 renders the summary tabs, 取組項目別の評価 and 審議会評価.
    const tabs = fake.stats.lastRequestBytes;
    console.log(
      row([
        `   ${count}`,
        buildMs.toFixed(0),
        port.stats.runs - before.runs,
        port.stats.syncs - before.syncs,
        port.stats.splits - before.splits,
        kib(fake.stats.maxRequestBytes),
        kib(fake.stats.maxResponseBytes),
        kib(tabs),
        runMs.toFixed(0),
      ]),
    );
  }
  console.log(
    '\n   (Excel on the web refuses a request or an answer over 5 MB = 5120 KiB; a refused one is split, costing syncs.)\n',
  );

  console.log('4. Request size of rendering sheets (putSheets over the fake)');
  const { plan, sheets } = exampleWorkbookData('R3');
  const progress = sheets.map((data) => writeProgressSheet(plan, data));
  const single = new FakeExcel();
  await new OfficeWorkbook({ run: single.run, requirements: single.requirements }).putSheets(progress.slice(0, 1));
  const many = new FakeExcel();
  const requests: number[] = [];
  const counted = new OfficeWorkbook({
    requirements: many.requirements,
    run: async (options, batch) => {
      const result = await many.run(options, batch);
      requests.push(many.stats.lastRequestBytes);
      return result;
    },
  });
  await counted.putSheets(progress);
  console.log(
    `   one 進捗状況シート ${kib(single.stats.lastRequestBytes)} KiB; ${progress.length} of them ${kib(requests.reduce((sum, bytes) => sum + bytes, 0))} KiB in ${requests.length} requests (largest ${kib(Math.max(...requests))} KiB)`,
  );
}

function kib(bytes: number): string {
  return (bytes / 1024).toFixed(0);
}

main()
  .then(() => benchOfficeJs())
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
