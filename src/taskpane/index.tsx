/**
 * The task pane's entry: waits for Office, then renders the pane over Excel. office.js comes from
 * Microsoft's CDN (taskpane.html); outside Excel the page says so instead of failing silently.
 * Left out of the browser-only type check (tsconfig.browser.json) because it loads the ExcelJS port.
 */
import { createRoot } from 'react-dom/client';
import type { BookFiles } from '../actions/bookFiles';
import { createOfficeHost } from '../host/excelHost';
import { LABELS } from '../host/labels';
import { PaneApp } from './PaneApp';

/** The .xlsx files of 配布・回収・年度更新: the ExcelJS port, loaded on first use as a chunk of its own. */
async function loadBookFiles(): Promise<BookFiles> {
  const { xlsxFiles } = await import(/* webpackChunkName: "xlsx" */ '../host/xlsxFiles');
  return xlsxFiles;
}

function render(content: Parameters<ReturnType<typeof createRoot>['render']>[0]): void {
  const container = document.getElementById('root');
  if (container) createRoot(container).render(content);
}

if (typeof Office === 'undefined') {
  const container = document.getElementById('root');
  if (container) container.textContent = LABELS.noOffice;
} else {
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      const container = document.getElementById('root');
      if (container) container.textContent = LABELS.notExcel;
      return;
    }
    render(<PaneApp host={createOfficeHost(loadBookFiles)} />);
  });
}
