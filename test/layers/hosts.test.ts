/**
 * Each host's code is compiled with that host's types only (scripts/typecheck.js runs one program
 * per host): a Node API in browser code, a DOM API in Node code, either in host-agnostic code is a
 * compile error. Checked by adding a probe file to each program and type-checking only the probe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '../..');

/** The type errors of `code` placed at `file` (a repository path) in the program of `config`. */
function compileErrors(config: string, probes: { file: string; code: string }[]): Map<string, string[]> {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, config),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${config}`);
  const texts = new Map(probes.map((probe) => [join(root, probe.file), probe.code]));
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => texts.get(name) ?? readFile(name);
  host.fileExists = (name) => texts.has(name) || fileExists(name);
  const program = ts.createProgram({
    rootNames: [...parsed.fileNames, ...texts.keys()],
    options: parsed.options,
    host,
  });
  return new Map(
    probes.map((probe) => {
      const source = program.getSourceFile(join(root, probe.file));
      if (!source) throw new Error(`probe ${probe.file} not in the program`);
      const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
      return [
        probe.file,
        diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')),
      ];
    }),
  );
}

const NODE_APIS = [
  'export const home = process.env.HOME;',
  "export const bytes = Buffer.from('x');",
  "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;",
  'export const here = __dirname;',
];
const DOM_APIS = [
  'export const title = document.title;',
  'export const width = window.innerWidth;',
  "export const link = new URL('https://example.com').host + localStorage.length;",
];
const OFFICE_APIS = ['export const run = Excel.run;'];

/** Probes: each API in a file of each folder, named by folder and index. */
function probes(folders: readonly string[], apis: readonly string[], extension = 'ts') {
  return folders.flatMap((folder) =>
    apis.map((code, index) => ({ file: `${folder}/hostProbe${index}.${extension}`, code: `${code}\n` })),
  );
}

function errorsOf(config: string, cases: { file: string; code: string }[]) {
  const errors = compileErrors(config, cases);
  return cases.map((probe) => ({ ...probe, errors: errors.get(probe.file) ?? [] }));
}

describe('host APIs are compile errors outside their host', () => {
  it('browser code (pane, ribbon, host, Office.js port, demo, fake Excel): Node APIs fail, DOM and Office.js pass', () => {
    const folders = ['src/taskpane', 'src/commands', 'src/host', 'src/excel', 'src/demo', 'src/demo/fakeExcel'];
    const bad = errorsOf('tsconfig.browser.json', probes(folders, NODE_APIS));
    expect(bad.filter((probe) => probe.errors.length === 0)).toEqual([]);
    const good = errorsOf('tsconfig.browser.json', probes(folders, [...DOM_APIS, ...OFFICE_APIS]));
    expect(good.filter((probe) => probe.errors.length > 0)).toEqual([]);
  });

  it('Node code (CLI, ExcelJS port): DOM and Office.js APIs fail, Node passes', () => {
    const folders = ['src/cli', 'src/xlsx'];
    const bad = errorsOf('tsconfig.node.json', probes(folders, [...DOM_APIS, ...OFFICE_APIS]));
    expect(bad.filter((probe) => probe.errors.length === 0)).toEqual([]);
    const good = errorsOf('tsconfig.node.json', probes(folders, NODE_APIS));
    expect(good.filter((probe) => probe.errors.length > 0)).toEqual([]);
  });

  it('host-agnostic code (core, port, use cases): DOM, Office.js and Node APIs all fail', () => {
    for (const [config, folders] of [
      ['tsconfig.pure.json', ['src/workbook', 'src/actions']],
      ['src/core/tsconfig.json', ['src/core']],
    ] as const) {
      const bad = errorsOf(config, probes(folders, [...NODE_APIS, ...DOM_APIS, ...OFFICE_APIS]));
      expect(bad.filter((probe) => probe.errors.length === 0)).toEqual([]);
      const good = errorsOf(config, probes(folders, ['export const twice = (value: number): number => value * 2;']));
      expect(good.filter((probe) => probe.errors.length > 0)).toEqual([]);
    }
  });

  it('typecheck runs every host program', () => {
    const script = readFileSync(join(root, 'scripts/typecheck.js'), 'utf8');
    for (const config of [
      'src/core/tsconfig.json',
      'tsconfig.pure.json',
      'tsconfig.browser.json',
      'tsconfig.node.json',
      'tsconfig.json',
    ])
      expect(script).toContain(`'${config}'`);
  });
});
