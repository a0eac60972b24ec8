/**
 * Demo mode's entry: no office.js, no Excel. The pane runs over the in-memory fake Excel seeded
 * with the built-in example. `window.__shinchokuDemo` exposes the fake for the browser tests.
 */
import { createRoot } from 'react-dom/client';
import { DemoApp } from './DemoApp';
import { DemoWorkbook } from './DemoWorkbook';

declare global {
  interface Window {
    __shinchokuDemo?: DemoWorkbook;
  }
}

const demo = new DemoWorkbook();
window.__shinchokuDemo = demo;
const container = document.getElementById('root');
if (container) createRoot(container).render(<DemoApp demo={demo} />);
