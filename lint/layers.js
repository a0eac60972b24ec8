// @ts-check
/**
 * The layers of src/: for every folder, the one list of what its code may import. Anything not
 * listed is an error (`local/layers` in eslint.config.js, rule in ./layersRule.js); a new folder
 * under src/ must get an entry here before its code passes lint.
 *
 * `folders` are repository paths (a folder allows everything under it; a layer may always import
 * its own files). `packages` are npm package names or Node built-ins (`node:*` is every built-in,
 * written with or without the `node:` prefix). Type-only imports count like any other: a type
 * import is a dependency on the folder that declares it.
 *
 * Tests beside code (`*.test.ts(x)`) may import what their layer may, plus `forTests`.
 */

/** @typedef {{ why: string, folders: string[], packages: string[] }} Layer */

/** Node's built-in modules (node:fs, node:path, …). */
const NODE = 'node:*';
/** The React pane's libraries. */
const REACT = ['react', 'react-dom', '@fluentui/react-components'];

/** @type {Record<string, Layer>} */
const layers = {
  'src/core': {
    why: 'Pure TypeScript: plan, rules, exact decimals, the cell map, summary tabs as data. No host, no I/O.',
    folders: ['assets/plan'],
    packages: [],
  },
  'src/workbook': {
    why: 'The port (WorkbookPort) and its in-memory implementation, over core types only.',
    folders: ['src/core'],
    packages: [],
  },
  'src/actions': {
    why: 'Use cases: core + the port, host-agnostic, so the pane and the CLI run the same code.',
    folders: ['src/core', 'src/workbook'],
    packages: [],
  },
  'src/excel': {
    why: 'The Office.js port: the only code that touches `Excel` (a global, not an import).',
    folders: ['src/core', 'src/workbook'],
    packages: [],
  },
  'src/xlsx': {
    why: 'The ExcelJS port: the only code that imports exceljs (Node; bundled for the demo download).',
    folders: ['src/core', 'src/workbook'],
    packages: ['exceljs', 'jszip', 'saxes', NODE],
  },
  'src/host': {
    why: 'What the pane and the ribbon share inside Excel: the use cases bound to the Office.js port, failures as messages, the words; the .xlsx files of 配布・回収・年度更新 through the ExcelJS port (host/xlsxFiles.ts, loaded on demand by the pane entry only).',
    folders: ['src/core', 'src/workbook', 'src/actions', 'src/excel', 'src/xlsx'],
    packages: [],
  },
  'src/taskpane': {
    why: 'The React pane: components get the use cases through the host, never `Excel` or a port.',
    folders: ['src/core', 'src/actions', 'src/host'],
    packages: REACT,
  },
  'src/commands': {
    why: 'The ribbon 「集計」 function file: the same host as the pane, no UI library, not the pane.',
    folders: ['src/core', 'src/host'],
    packages: [],
  },
  'src/cli': {
    why: 'The Node CLI: files, arguments, exit codes → use cases over the ExcelJS port.',
    folders: ['src/core', 'src/workbook', 'src/actions', 'src/xlsx'],
    packages: [NODE],
  },
  'src/demo': {
    why: 'The browser demo: the real pane over the fake Excel, and the .xlsx download through the ExcelJS port.',
    folders: ['src/core', 'src/actions', 'src/excel', 'src/host', 'src/taskpane', 'src/demo/fakeExcel', 'src/xlsx'],
    packages: REACT,
  },
  'src/demo/fakeExcel': {
    why: 'The fake Excel API (tests, demo): implements the types the Office.js port declares, nothing else.',
    folders: ['src/core', 'src/excel'],
    packages: [],
  },
};

/** What tests beside code may import besides their layer's list. */
const forTests = {
  folders: ['test', 'assets'],
  // jszip: tests build damaged and non-workbook zips as fixtures.
  packages: [
    NODE,
    '@testing-library/react',
    '@testing-library/dom',
    'react',
    'react-dom',
    '@fluentui/react-components',
    'jszip',
  ],
};

module.exports = { layers, forTests };
