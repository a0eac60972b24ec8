/**
 * Microsoft's Excel client library (npm @microsoft/office-js, excel-web-16.00.debug.js) loaded in a
 * jsdom window whose host is the fake Excel (src/demo/fakeExcel/richApiHost): every proxy, load,
 * sync, error and request body in these tests is office.js's own code.
 */
import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { FakeExcel } from '../../src/demo/fakeExcel';
import { bindOfficeJs, type OfficeJsWindow, type RichApiHost } from '../../src/demo/fakeExcel/richApiHost';
import type { ExcelRun, RequirementCheck } from '../../src/excel/excelApi';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';

/** The library file: Excel on the web's, whose requests are capped at 5 MB. */
export const OFFICE_JS_FILE = require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');

let script: Script | undefined;

/** Compiled once per test file; each window runs it afresh. */
function library(): Script {
  script ??= new Script(readFileSync(OFFICE_JS_FILE, 'utf8'), { filename: OFFICE_JS_FILE });
  return script;
}

/** A fake Excel behind a fresh office.js. */
export interface OfficeJsHost {
  fake: FakeExcel;
  host: RichApiHost;
  /** office.js's `Excel.run`. */
  run: ExcelRun;
  requirements: RequirementCheck;
  window: OfficeJsWindow & { Excel: typeof Excel; OfficeExtension: typeof OfficeExtension };
}

/**
 * Loads office.js into a new jsdom window and makes `fake` its host. Tests that run in jest's
 * jsdom environment (the pane's) load it into their own window instead: `officeJsInThisWindow`.
 * @param fake - the workbook (a new one by default)
 */
export function officeJsOver(fake: FakeExcel = new FakeExcel()): OfficeJsHost {
  // Required here, not imported: jsdom cannot be loaded inside jest's jsdom environment.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require('jsdom') as typeof import('jsdom');
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    runScripts: 'outside-only',
    url: 'https://localhost/',
  });
  library().runInContext(dom.getInternalVMContext());
  return bound(dom.window as unknown as OfficeJsHost['window'], fake);
}

/**
 * Loads office.js into the test's own window (jest's jsdom environment) over `fake`: once per
 * test file, as an add-in page loads it once.
 * @param fake - the workbook (a new one by default)
 */
export function officeJsInThisWindow(fake: FakeExcel = new FakeExcel()): OfficeJsHost {
  const global = globalThis as unknown as OfficeJsHost['window'] & { eval(code: string): unknown };
  // An indirect eval runs the library in the window's global scope, as a <script> tag would.
  if ((global as { Excel?: unknown }).Excel === undefined) global.eval(readFileSync(OFFICE_JS_FILE, 'utf8'));
  return bound(global, fake);
}

function bound(window: OfficeJsHost['window'], fake: FakeExcel): OfficeJsHost {
  const host = bindOfficeJs(window, fake);
  // office.js's Excel.run accepts (options, batch) like ours; its types name RunOptions.
  const run = ((options, batch) => window.Excel.run(options, batch as never)) as ExcelRun;
  return { fake, host, run, requirements: fake.requirements, window };
}

/** An OfficeWorkbook over a fake Excel behind office.js, with instant waits and every request body kept. */
export interface PortOverOfficeJs {
  fake: FakeExcel;
  port: OfficeWorkbook;
  office: OfficeJsHost;
  /** The waits the port asked for (retries), in milliseconds. */
  waits: number[];
  /** Every request body office.js sent, in order. */
  requests: string[];
}

/**
 * A port over office.js over `fake`.
 * @param fake - the workbook (a new one by default)
 * @param version - the host's ExcelApi version (the fake's default otherwise)
 */
export function portOverOfficeJs(fake: FakeExcel = new FakeExcel(), version?: string): PortOverOfficeJs {
  if (version) fake.setApiVersion(version);
  const office = officeJsOver(fake);
  const requests: string[] = [];
  const execute = office.host.execute;
  office.window.OSF.DDA.RichApi.executeRichApiRequestAsync = (message: unknown[], callback: never) => {
    requests.push(String(message[4]));
    execute(message, callback);
  };
  const waits: number[] = [];
  const port = new OfficeWorkbook({
    run: office.run,
    requirements: office.requirements,
    sleep: async (milliseconds) => void waits.push(milliseconds),
  });
  return { fake, port, office, waits, requests };
}
