/**
 * @jest-environment jsdom
 */
/**
 * manifest.xml checked offline (the online validator, `npm run validate`, needs the network):
 * elements in the schema's order, a GUID id, a four-part version, https URLs (localhost in the
 * repository), icons that exist with the declared pixel sizes, resource ids that resolve, the
 * ribbon function registered by src/commands, string lengths within the schema's limits, and
 * the production rewrite of URLs by webpack.config.js.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = resolve(__dirname, '../..');
const MANIFEST = resolve(ROOT, 'manifest.xml');
const xml = readFileSync(MANIFEST, 'utf8');
const document = new DOMParser().parseFromString(xml, 'application/xml');
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function children(element: Element): Element[] {
  return [...element.children];
}

function only(parent: Element | Document, name: string): Element {
  const found = [...parent.getElementsByTagName(name)];
  if (found.length !== 1) throw new Error(`${name}: ${found.length} elements`);
  return found[0];
}

/** Width and height from a PNG's IHDR. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The file under the repository a dev URL serves (https://localhost:3000/assets/x.png → assets/x.png). */
function servedFile(url: string): string {
  return resolve(ROOT, new URL(url).pathname.replace(/^\//, ''));
}

describe('manifest.xml', () => {
  test('parses, and its top-level elements follow the TaskPaneApp schema order', () => {
    expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = document.documentElement;
    expect(root.localName).toBe('OfficeApp');
    expect(root.getAttributeNS(XSI, 'type')).toBe('TaskPaneApp');
    const order = [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'AllowSnapshot',
      'VersionOverrides',
    ];
    const names = children(root).map((element) => element.localName);
    const positions = names.map((name) => order.indexOf(name));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const required of [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'Hosts',
      'DefaultSettings',
      'Permissions',
    ]) {
      expect(names).toContain(required);
    }
  });

  test('identity, host, minimal permissions and the ExcelApi 1.8 requirement (hides the add-in from Office 2019 volume-licensed, IE11)', () => {
    expect(only(document, 'Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(only(document, 'Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(only(document, 'DefaultLocale').textContent).toBe('ja-JP');
    expect(only(document, 'DisplayName').getAttribute('DefaultValue')).toBe('進捗集計');
    expect(only(document, 'Permissions').textContent).toBe('ReadWriteDocument');
    const hosts = [...document.documentElement.getElementsByTagName('Host')].filter(
      (host) => host.parentElement?.parentElement === document.documentElement,
    );
    expect(hosts.map((host) => host.getAttribute('Name'))).toEqual(['Workbook']);
    const set = only(document, 'Set');
    expect([set.getAttribute('Name'), set.getAttribute('MinVersion')]).toEqual(['ExcelApi', '1.8']);
    // Microsoft's own parser reads it the same way.
    // Microsoft's office-addin-manifest runs in a child Node: it loads ESM-only packages
    // (uuid, @microsoft/app-manifest) that jest's CommonJS runtime cannot require.
    const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(${JSON.stringify(MANIFEST)}).then((info) => process.stdout.write(JSON.stringify(info)))`;
    const info = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })) as Record<
      string,
      unknown
    >;
    expect(info.id).toBe(only(document, 'Id').textContent);
    expect(info.displayName).toBe('進捗集計');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
  });

  test('every URL is https on localhost:3000 and serves a file the build produces', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith('https://localhost:3000/')).toBe(true);
    const pages: Record<string, string> = {
      '/taskpane.html': 'src/taskpane/taskpane.html',
      '/commands.html': 'src/commands/commands.html',
      '/help.html': 'src/taskpane/help.html',
    };
    for (const url of urls) {
      const path = new URL(url).pathname;
      expect(existsSync(pages[path] ? resolve(ROOT, pages[path]) : servedFile(url))).toBe(true);
    }
  });

  test('icons exist with the declared pixel sizes', () => {
    for (const image of [...document.getElementsByTagNameNS(BT, 'Image')].filter((element) =>
      element.hasAttribute('id'),
    )) {
      const size = Number(/icon-(\d+)\.png$/.exec(image.getAttribute('DefaultValue') ?? '')?.[1]);
      const id = image.getAttribute('id') ?? '';
      expect(id).toBe(`Icon.${size}`);
      expect(pngSize(servedFile(image.getAttribute('DefaultValue') ?? ''))).toEqual({ width: size, height: size });
    }
    // Where a control names a size, the image behind its resid has that size.
    const resources = new Map(
      [...document.getElementsByTagNameNS(BT, 'Image')]
        .filter((element) => element.hasAttribute('id'))
        .map((element) => [element.getAttribute('id'), element]),
    );
    for (const use of [...document.getElementsByTagNameNS(BT, 'Image')].filter((element) =>
      element.hasAttribute('resid'),
    )) {
      const resource = resources.get(use.getAttribute('resid'));
      expect(resource).toBeDefined();
      expect(pngSize(servedFile(resource?.getAttribute('DefaultValue') ?? ''))).toEqual({
        width: Number(use.getAttribute('size')),
        height: Number(use.getAttribute('size')),
      });
    }
    expect(pngSize(servedFile(only(document, 'IconUrl').getAttribute('DefaultValue') ?? ''))).toEqual({
      width: 32,
      height: 32,
    });
    expect(pngSize(servedFile(only(document, 'HighResolutionIconUrl').getAttribute('DefaultValue') ?? ''))).toEqual({
      width: 64,
      height: 64,
    });
    for (const size of [16, 32, 64, 80, 128])
      expect(pngSize(resolve(ROOT, `assets/icon-${size}.png`))).toEqual({ width: size, height: size });
  });

  test('every resid resolves to a resource of the right kind, and no resource is unused', () => {
    const kinds: Record<string, string> = {};
    for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings']) {
      for (const element of children(only(document, `bt:${kind}`))) kinds[element.getAttribute('id') ?? ''] = kind;
    }
    const uses = [...document.querySelectorAll('[resid]')].map((element) => ({
      name: element.localName,
      resid: element.getAttribute('resid') ?? '',
    }));
    const expected: Record<string, string> = {
      Image: 'Images',
      FunctionFile: 'Urls',
      SourceLocation: 'Urls',
      LearnMoreUrl: 'Urls',
      Title: 'ShortStrings',
      Label: 'ShortStrings',
      Description: 'LongStrings',
    };
    for (const use of uses) expect([use.resid, kinds[use.resid]]).toEqual([use.resid, expected[use.name]]);
    expect(Object.keys(kinds).sort()).toEqual([...new Set(uses.map((use) => use.resid))].sort());
  });

  test('the Home tab has 集計 (ExecuteFunction → the function src/commands registers) and 進捗集計 (ShowTaskpane)', () => {
    const tab = only(document, 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const controls = [...tab.getElementsByTagName('Control')];
    const label = (control: Element) => {
      const id = control.getElementsByTagName('Label')[0]?.getAttribute('resid');
      return [...document.getElementsByTagNameNS(BT, 'String')]
        .find((element) => element.getAttribute('id') === id)
        ?.getAttribute('DefaultValue');
    };
    const actions = controls.map((control) => [
      label(control),
      control.getElementsByTagName('Action')[0]?.getAttributeNS(XSI, 'type'),
    ]);
    expect(actions).toEqual([
      ['集計', 'ExecuteFunction'],
      ['進捗集計', 'ShowTaskpane'],
    ]);
    const functionName = only(document, 'FunctionName').textContent;
    const commands = readFileSync(resolve(ROOT, 'src/commands/commands.ts'), 'utf8');
    expect(commands).toContain(`export const AGGREGATE_FUNCTION = '${functionName}';`);
    expect(commands).toMatch(/Office\.actions\.associate\(AGGREGATE_FUNCTION,/);
  });

  test('strings keep within the schema limits (ShortString 125, LongString 250, labels short enough for the ribbon)', () => {
    for (const element of children(only(document, 'bt:ShortStrings'))) {
      const values = [
        element.getAttribute('DefaultValue') ?? '',
        ...[...element.children].map((override) => override.getAttribute('Value') ?? ''),
      ];
      for (const value of values) expect(value.length).toBeLessThanOrEqual(125);
    }
    for (const element of children(only(document, 'bt:LongStrings'))) {
      const values = [
        element.getAttribute('DefaultValue') ?? '',
        ...[...element.children].map((override) => override.getAttribute('Value') ?? ''),
      ];
      for (const value of values) expect(value.length).toBeLessThanOrEqual(250);
    }
    for (const label of [...document.getElementsByTagName('Label')]) {
      const id = label.getAttribute('resid');
      const text =
        [...document.getElementsByTagNameNS(BT, 'String')]
          .find((element) => element.getAttribute('id') === id)
          ?.getAttribute('DefaultValue') ?? '';
      expect(text.length).toBeLessThanOrEqual(32);
    }
    const top = (name: string) => children(document.documentElement).find((element) => element.localName === name);
    expect((top('DisplayName')?.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(125);
    expect((top('Description')?.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(250);
    expect((only(document, 'ProviderName').textContent ?? '').length).toBeLessThanOrEqual(125);
  });

  test('the production build rewrites every localhost URL to ADDIN_BASE_URL', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack config is CommonJS
    const { rewriteManifest } = require(resolve(ROOT, 'webpack.config.js')) as {
      rewriteManifest: (content: string, base: string) => string;
    };
    const rewritten = rewriteManifest(xml, 'https://intranet.example.lg.jp/shinchoku/');
    expect(rewritten).not.toContain('localhost');
    expect(rewritten).toContain(
      '<SourceLocation DefaultValue="https://intranet.example.lg.jp/shinchoku/taskpane.html"/>',
    );
    expect(rewritten).toContain('<AppDomain>https://intranet.example.lg.jp</AppDomain>');
    expect(
      new DOMParser().parseFromString(rewritten, 'application/xml').getElementsByTagName('parsererror'),
    ).toHaveLength(0);
  });
});
