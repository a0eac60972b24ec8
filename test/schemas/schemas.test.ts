/**
 * Every kind of file the product writes passes Microsoft's schemas, checked by the shared validators
 * (../shared/tools): the CLI's template, demo example and summary, aggregate output, split
 * department files, collect output and print-setup output; the demo's 「ブックをダウンロード」 file
 * (the fake Excel after 「集計」 over office.js, exported as the demo does); the add-in manifest as
 * written and as rewritten for production.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { aggregate } from '../../src/actions/aggregate';
import { createExample } from '../../src/actions/template';
import { run } from '../../src/cli/main';
import { workbookBytes } from '../../src/demo/downloadWorkbook';
import { createHost } from '../../src/host/excelHost';
import { officeJsOver } from '../excel/officeJs';
import { captureIo } from '../support/captureIo';
import { validateManifest, validateXlsx } from '../support/ooxmlValidate';

const ROOT = resolve(__dirname, '..', '..');
const directory = mkdtempSync(join(tmpdir(), 'shinchoku-schemas-'));
const files = new Map<string, string>();

async function cli(...args: string[]): Promise<void> {
  const io = captureIo();
  const code = await run(args, io);
  if (code > 1) throw new Error(`shinchoku ${args.join(' ')}: exit ${code}\n${io.stderr.join('\n')}`);
}

beforeAll(async () => {
  await cli('demo', '--out', directory);
  files.set('demo example', join(directory, 'example.xlsx'));
  files.set('demo summary', join(directory, 'example-summary.xlsx'));
  files.set('template', join(directory, 'template.xlsx'));
  await cli('template', '--year', 'R3', '--out', files.get('template') ?? '');
  files.set('aggregate', join(directory, 'aggregated.xlsx'));
  await cli('aggregate', join(directory, 'example.xlsx'), '--out', files.get('aggregate') ?? '');
  const split = join(directory, 'split');
  await cli('split', join(directory, 'example.xlsx'), '--out', split);
  const parts = readdirSync(split).filter((name) => name.endsWith('.xlsx'));
  files.set('split (first department)', join(split, parts[0]));
  files.set('collect', join(directory, 'collected.xlsx'));
  await cli('collect', split, '--out', files.get('collect') ?? '');
  files.set('print-setup', join(directory, 'printed.xlsx'));
  await cli('print-setup', join(directory, 'example-summary.xlsx'), '--out', files.get('print-setup') ?? '');
  // The demo: the example and 「集計」 through the pane's host over office.js, then downloaded.
  const office = officeJsOver();
  const host = createHost({ run: office.run, requirements: office.requirements });
  await createExample(host.workbook);
  await aggregate(host.workbook);
  const download = join(directory, 'demo-download.xlsx');
  writeFileSync(download, await workbookBytes(office.fake.toSheetSpecs()));
  files.set('demo download', download);
}, 600_000);

const KINDS = [
  'template',
  'demo example',
  'demo summary',
  'aggregate',
  'split (first department)',
  'collect',
  'print-setup',
  'demo download',
];

test.each(KINDS)('%s: every part valid against the OOXML schemas', (kind) => {
  const validation = validateXlsx(files.get(kind) ?? '');
  expect({ kind, ok: validation.ok, output: validation.ok ? '' : validation.output }).toEqual({
    kind,
    ok: true,
    output: '',
  });
});

test('manifest.xml is valid against the add-in manifest schemas', () => {
  const validation = validateManifest(ROOT);
  expect(validation.output).toContain('RESULT: manifest valid');
});

test('the production manifest (rewritten for ADDIN_BASE_URL) is valid too', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
  const { rewriteManifest } = require(join(ROOT, 'webpack.config.js')) as {
    rewriteManifest: (content: string, base: string) => string;
  };
  const production = mkdtempSync(join(tmpdir(), 'shinchoku-manifest-'));
  const content = rewriteManifest(
    readFileSync(join(ROOT, 'manifest.xml'), 'utf8'),
    'https://addin.example.lg.jp/shinchoku/',
  );
  writeFileSync(join(production, 'manifest.xml'), content);
  const validation = validateManifest(production);
  expect(validation.output).toContain('RESULT: manifest valid');
});
