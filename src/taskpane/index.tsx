/**
 * The task pane's entry: waits for Office, then renders the pane over Excel. office.js comes from
 * Microsoft's CDN (taskpane.html); outside Excel the page says so instead of failing silently.
 */
import { createRoot } from 'react-dom/client';
import { createOfficeHost } from '../host/excelHost';
import { LABELS } from '../host/labels';
import { PaneApp } from './PaneApp';

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
    render(<PaneApp host={createOfficeHost()} />);
  });
}
