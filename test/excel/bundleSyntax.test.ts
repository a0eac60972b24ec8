/**
 * The support matrix, enforced on the built pages (webpack's Node API, development mode without
 * source maps: the same loaders and targets as production, unminified):
 *
 * - every bundle parses at ES2020 (webpack.config.js BUNDLE_ECMA_VERSION), the level of the oldest
 *   webview the pane supports (docs/decisions.md, README's table);
 * - taskpane.html and commands.html run an ES5 check of the webview first: in a webview older than
 *   ES2020 (IE11, Edge Legacy) the pane shows the Japanese message pointing to the CLI, and the
 *   ribbon's 集計 answers with it in a dialog; a modern webview is left alone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type ecmaVersion } from 'acorn';
import { JSDOM } from 'jsdom';
import { buildPages } from '../e2e/demoServer';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS
const { BUNDLE_ECMA_VERSION } = require('../../webpack.config.js') as { BUNDLE_ECMA_VERSION: ecmaVersion };

let output = '';

beforeAll(async () => {
  output = mkdtempSync(join(tmpdir(), 'shinchoku-bundles-'));
  await buildPages(output, 'taskpane,commands,demo');
}, 600_000);

afterAll(() => rmSync(output, { recursive: true, force: true }));

/** Where a text does not parse at a level, or null. */
function syntaxError(code: string, level: ecmaVersion): string | null {
  try {
    parse(code, { ecmaVersion: level, sourceType: 'script' });
    return null;
  } catch (error) {
    const { line, column } = (error as { loc: { line: number; column: number } }).loc;
    return `${(error as Error).message}: …${code.split('\n')[line - 1].slice(Math.max(0, column - 60), column + 40)}…`;
  }
}

/** The inline scripts of a built page, in order, and where the first bundle is loaded. */
function scriptsOf(page: string): { inline: string[]; check: number; bundle: number } {
  const html = readFileSync(join(output, page), 'utf8');
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  return { inline, check: html.indexOf('<script>'), bundle: html.search(/<script defer[^>]*src="[^"]+\.js"/) };
}

test('every bundle parses at the declared level (ES2020)', () => {
  const bundles = readdirSync(output).filter((file) => file.endsWith('.js'));
  expect(bundles.length).toBeGreaterThanOrEqual(4);
  expect(BUNDLE_ECMA_VERSION).toBe(2020);
  for (const file of bundles) {
    const error = syntaxError(readFileSync(join(output, file), 'utf8'), BUNDLE_ECMA_VERSION);
    expect({ file, error }).toEqual({ file, error: null });
  }
});

test.each(['taskpane.html', 'commands.html'])('%s runs the ES5 webview check before the bundles', (page) => {
  const { inline, check, bundle } = scriptsOf(page);
  expect(inline).toHaveLength(1);
  expect(syntaxError(inline[0], 5)).toBeNull();
  expect(check).toBeGreaterThan(0);
  expect(check).toBeLessThan(bundle);
});

/** Loads a built page in jsdom with its inline script only; an "old" webview cannot parse ES2020. */
async function load(page: string, old: boolean, office?: object, query = ''): Promise<JSDOM> {
  const html = readFileSync(join(output, page), 'utf8');
  const dom = new JSDOM(html, {
    url: `https://localhost/${page}${query}`,
    runScripts: 'dangerously',
    beforeParse(window) {
      if (old)
        Object.defineProperty(window, 'Function', {
          configurable: true,
          writable: true,
          value: () => {
            throw new window.SyntaxError("Expected identifier, string or number ('?.')");
          },
        });
      if (office) Object.assign(window, { Office: office });
    },
  });
  await new Promise((loaded) => dom.window.addEventListener('DOMContentLoaded', loaded));
  return dom;
}

test('an old webview shows the Japanese message in the pane; a modern one keeps the pane', async () => {
  const old = (await load('taskpane.html', true)).window.document;
  expect(old.getElementById('root')?.textContent).toContain('この Excel では進捗集計の作業ウィンドウを表示できません');
  expect(old.getElementById('root')?.textContent).toContain('コマンドライン版の shinchoku');
  const modern = (await load('taskpane.html', false)).window.document;
  expect(modern.getElementById('root')?.textContent).toBe('読み込み中…');
});

test('in an old webview the ribbon’s 集計 opens the message in a dialog', async () => {
  const associated: Record<string, (event: { completed(): void }) => void> = {};
  const dialogs: string[] = [];
  const office = {
    onReady: (callback: () => void) => callback(),
    actions: {
      associate: (name: string, handler: (event: { completed(): void }) => void) => (associated[name] = handler),
    },
    context: {
      ui: { displayDialogAsync: (url: string, _options: object, done: () => void) => (dialogs.push(url), done()) },
    },
  };
  const { window } = await load('commands.html', true, office);
  let completed = 0;
  associated.runAggregate({ completed: () => completed++ });
  expect(dialogs).toEqual(['https://localhost/commands.html?message=unsupported']);
  expect(completed).toBe(1);
  expect(typeof (window as unknown as { runAggregate?: unknown }).runAggregate).toBe('function');
  const dialog = (await load('commands.html', true, undefined, '?message=unsupported')).window.document;
  expect(dialog.getElementById('message')?.textContent).toContain(
    'この Excel では進捗集計の作業ウィンドウを表示できません',
  );
});
