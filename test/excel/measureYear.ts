/**
 * The pane's 配布・回収・年度更新 over OfficeWorkbook and Microsoft's office.js on a realistic book
 * (./realisticBook): time, syncs and the size of the files made (the base64 text
 * `Excel.createWorkbook` sends in one request, which Excel on the web refuses above 5 MB).
 * Used by `npm run bench`; figures, not assertions.
 */
import { performance } from 'node:perf_hooks';
import { collectIntoWorkbook } from '../../src/actions/collectFiles';
import { rolloverToFile } from '../../src/actions/rollover';
import { splitToFiles } from '../../src/actions/splitFiles';
import { FakeExcel } from '../../src/demo/fakeExcel';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import { xlsxFiles } from '../../src/host/xlsxFiles';
import { officeJsOver } from './officeJs';
import { realisticBookSpecs } from './realisticBook';

/** What each action of the year cost. */
export interface YearMeasure {
  departments: number;
  splitMs: number;
  splitSyncs: number;
  /** The largest department book, and all of them, in bytes. */
  largestFile: number;
  allFiles: number;
  /** The base64 text of the largest department book (what Excel.createWorkbook sends). */
  largestBase64: number;
  collectMs: number;
  collectSyncs: number;
  rolloverMs: number;
  rolloverSyncs: number;
  rolloverFile: number;
  rolloverBase64: number;
}

const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3);

/**
 * 配布, then 回収 of every department's book as made, then 年度更新, on one realistic book.
 * @param count - 進捗状況シート (a book with its プラン定義 tab: at most the realistic plan's items)
 */
export async function measureYear(count: number): Promise<YearMeasure> {
  const fake = new FakeExcel();
  fake.loadSheetSpecs(realisticBookSpecs(count));
  const office = officeJsOver(fake);
  const port = new OfficeWorkbook({ run: office.run, requirements: office.requirements });
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number, number]> => {
    const [started, syncs] = [performance.now(), port.stats.syncs];
    const result = await work();
    return [result, performance.now() - started, port.stats.syncs - syncs];
  };
  const [split, splitMs, splitSyncs] = await timed(() => splitToFiles(port, xlsxFiles));
  const sizes = split.files.map((file) => file.bytes.length);
  const [, collectMs, collectSyncs] = await timed(() => collectIntoWorkbook(port, split.files, xlsxFiles));
  const next = split.year + 1;
  const [rolled, rolloverMs, rolloverSyncs] = await timed(() => rolloverToFile(port, xlsxFiles, next));
  return {
    departments: split.files.length,
    splitMs,
    splitSyncs,
    largestFile: Math.max(...sizes),
    allFiles: sizes.reduce((sum, size) => sum + size, 0),
    largestBase64: base64Length(Math.max(...sizes)),
    collectMs,
    collectSyncs,
    rolloverMs,
    rolloverSyncs,
    rolloverFile: rolled.file.bytes.length,
    rolloverBase64: base64Length(rolled.file.bytes.length),
  };
}
