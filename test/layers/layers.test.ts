/**
 * The layers of src/ are allow-lists that `npm run check`'s lint step enforces: an import that a
 * folder's entry in lint/layers.js does not list fails lint, whatever the path spelling or the
 * import form; every listed import passes; the real tree passes.
 */
import { execFileSync } from 'node:child_process';
import { posix } from 'node:path';

// lint/layers.js is plain JavaScript read by eslint.config.js; its shape is small enough to state here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { layers, forTests } = require('../../lint/layers') as {
  layers: Record<string, { folders: string[]; packages: string[] }>;
  forTests: { folders: string[]; packages: string[] };
};

const root = posix.resolve(__dirname, '../..');
const layerNames = Object.keys(layers);

interface Probe {
  /** Which case of the suite. */
  group: string;
  /** Repository path the text is linted as. */
  file: string;
  code: string;
  /** Whether lint must fail on it. */
  fails: boolean;
}

/**
 * Lints texts as if each were the file at its repository path, with the project's ESLint config,
 * in one Node process (see lintProbes.js).
 * @returns the errors of each probe
 */
function lintAll(probes: { file: string; code: string }[]): string[][] {
  const output = execFileSync(process.execPath, [posix.join(__dirname, 'lintProbes.js')], {
    cwd: root,
    input: JSON.stringify(probes),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as string[][];
}

/** A relative import specifier from `file` to the repository path `target`. */
function relative(file: string, target: string): string {
  const path = posix.relative(posix.dirname(file), target);
  return path.startsWith('.') ? path : `./${path}`;
}

const probe = (layer: string) => `${layer}/layerProbe.ts`;
const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
const reExport = (specifier: string) => `export * from '${specifier}';\n`;

const probes: Probe[] = [];
const add = (group: string, file: string, code: string, fails: boolean) => probes.push({ group, file, code, fails });

// The cases named in the issue and a few more: a port, a use case, the pane, React, the fake, Node.
for (const [file, code] of [
  ['src/excel/payload.ts', "import ExcelJS from 'exceljs';\nexport { ExcelJS };\n"],
  ['src/excel/payload.ts', "export { aggregate } from '../actions/aggregate';\n"],
  ['src/excel/payload.ts', "export { PaneApp } from '../taskpane/PaneApp';\n"],
  ['src/excel/payload.ts', "export { useState } from 'react';\n"],
  ['src/taskpane/PaneApp.tsx', "export { FakeExcel } from '../demo/fakeExcel';\n"],
  ['src/taskpane/PaneApp.tsx', "export { OfficeWorkbook } from '../excel/OfficeWorkbook';\n"],
  ['src/commands/commands.ts', "export { PaneApp } from '../taskpane/PaneApp';\n"],
  ['src/core/plan.ts', "export type { WorkbookPort } from '../workbook/port';\n"],
  ['src/actions/aggregate.ts', "export { readFile } from 'fs';\n"],
  ['src/xlsx/XlsxWorkbook.ts', "export { aggregate } from '../actions/aggregate';\n"],
  ['src/cli/main.ts', "export { OfficeWorkbook } from '../excel/OfficeWorkbook';\n"],
  ['src/demo/fakeExcel/FakeExcel.ts', "export { XlsxWorkbook } from '../../xlsx/XlsxWorkbook';\n"],
])
  add('named', file, code, true);

// Every import form and path spelling.
for (const code of [
  "export const load = () => import('../xlsx/XlsxWorkbook');\n",
  "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const load = require('../xlsx/XlsxWorkbook');\n",
  "import type { XlsxWorkbook } from '../xlsx/XlsxWorkbook';\nexport type Book = XlsxWorkbook;\n",
  "export * from './../../src/xlsx/XlsxWorkbook';\n",
  "export type Book = import('../xlsx/XlsxWorkbook').XlsxWorkbook;\n",
  "export { Workbook } from 'exceljs/dist/es5';\n",
  "const where = '../xlsx/XlsxWorkbook';\nexport const load = () => import(where);\n",
])
  add('forms', 'src/excel/payload.ts', code, true);

// Every layer: each folder and package not on its list fails; each one on it passes.
for (const layer of layerNames) {
  const file = probe(layer);
  const { folders, packages } = layers[layer];
  for (const other of layerNames) {
    if (other === layer || within(layer, other) || within(other, layer)) continue;
    add('table', file, reExport(relative(file, `${other}/index`)), !folders.some((folder) => within(other, folder)));
  }
  for (const folder of folders) add('table', file, reExport(relative(file, `${folder}/index`)), false);
  for (const name of ['exceljs', 'react', 'node:fs', 'path', '@fluentui/react-components', 'left-pad']) {
    const listed = packages.some((entry) => entry === name || (entry === 'node:*' && /^(node:|path$)/.test(name)));
    if (!listed) add('table', file, reExport(name), true);
  }
  for (const name of packages) add('table', file, reExport(name === 'node:*' ? 'node:fs' : name), false);
}

add('unknown', 'src/newFolder/thing.ts', 'export const thing = 1;\n', true);
add('tests', 'src/taskpane/layerProbe.test.ts', reExport('../../test/support/captureIo'), false);
add('tests', 'src/taskpane/layerProbe.test.ts', reExport('../xlsx/XlsxWorkbook'), true);
add('tree', '*', 'src test scripts lint', false);

let results: Map<Probe, string[]>;

beforeAll(() => {
  const answers = lintAll(probes);
  results = new Map(probes.map((entry, index) => [entry, answers[index]]));
});

/** The probes of a group whose lint result is not what it must be. */
function wrong(group: string) {
  return probes
    .filter((entry) => entry.group === group)
    .map((entry) => ({ ...entry, errors: results.get(entry) ?? [] }))
    .filter((entry) => (entry.fails ? entry.errors.length === 0 : entry.errors.length > 0));
}

describe('layers are allow-lists enforced by lint', () => {
  it('the illegal imports named in the issue fail (a port importing exceljs, a use case, the pane, React; the pane importing the fake; the ribbon importing the pane)', () => {
    expect(wrong('named')).toEqual([]);
  });

  it('whatever the form: dynamic import, require, import type, import() type, re-export, a path through ../../src, a computed path', () => {
    expect(wrong('forms')).toEqual([]);
  });

  it('in every layer, every folder and package not on its list fails, and every one on it passes', () => {
    expect(wrong('table')).toEqual([]);
    expect(probes.filter((entry) => entry.group === 'table' && entry.fails).length).toBeGreaterThan(80);
  });

  it('a file in a folder with no entry fails', () => {
    expect(wrong('unknown')).toEqual([]);
    const [unknown] = probes.filter((entry) => entry.group === 'unknown');
    expect(results.get(unknown)?.join('\n')).toContain('in no layer');
  });

  it('a test beside code may use test support, not another layer', () => {
    expect(wrong('tests')).toEqual([]);
    expect(forTests.folders).toContain('test');
  });

  it('the real tree passes', () => {
    const [tree] = probes.filter((entry) => entry.group === 'tree');
    expect(results.get(tree)).toEqual([]);
  });
});
