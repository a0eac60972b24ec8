/**
 * Demo mode's entry: no office.js, no Excel. The pane runs over the in-memory fake Excel seeded
 * with the built-in example. `window.__shinchokuDemo` exposes the fake for the browser tests.
 */
import { createRoot } from 'react-dom/client';
import type { BookFiles } from '../actions/bookFiles';
import type { SheetSpec } from '../core/sheetSpec';
import { DemoApp } from './DemoApp';
import { DemoWorkbook } from './DemoWorkbook';

declare global {
  interface Window {
    __shinchokuDemo?: DemoWorkbook;
  }
}

/** 配布・回収・年度更新's .xlsx files: the ExcelJS port, loaded on first use as its own chunk. */
async function books(): Promise<BookFiles> {
  const { xlsxFiles } = await import(/* webpackChunkName: "xlsx" */ '../host/xlsxFiles');
  return xlsxFiles;
}

const demo = new DemoWorkbook(books);
window.__shinchokuDemo = demo;
const container = document.getElementById('root');
/** 「ブックをダウンロード」: the ExcelJS port is loaded on the first click, as its own chunk. */
async function download(specs: readonly SheetSpec[]): Promise<void> {
  const { downloadWorkbook } = await import(/* webpackChunkName: "download" */ './downloadWorkbook');
  await downloadWorkbook(specs);
}

if (container) createRoot(container).render(<DemoApp demo={demo} download={download} />);
