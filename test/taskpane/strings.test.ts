/**
 * Every word the pane, the ribbon and the demo show comes from one catalogue (src/host/labels.ts):
 * no Japanese text is written in their components. Checked on the tokens of each file (string
 * literals, template text, JSX text), not its comments.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { LABELS } from '../../src/host/labels';

const root = join(__dirname, '../..');
const CATALOGUE = 'src/host/labels.ts';
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return path === 'src/demo/fakeExcel' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The Japanese texts written in a file's code (not its comments), with their line numbers. */
function japaneseTexts(path: string): string[] {
  const text = readFileSync(join(root, path), 'utf8');
  const found: string[] = [];
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  // Walk the AST for literals and JSX text (the scanner alone cannot tell JSX text from code).
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteralLike(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      if (JAPANESE.test(node.text))
        found.push(`${path}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.text.trim()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);

  return found;
}

describe('one catalogue of words', () => {
  it('no Japanese text in the pane, the ribbon, the host or the demo outside src/host/labels.ts', () => {
    const files = ['src/taskpane', 'src/commands', 'src/host', 'src/demo'].flatMap(sources);
    expect(files.length).toBeGreaterThan(20);
    const inline = files.filter((path) => path !== CATALOGUE).flatMap(japaneseTexts);
    expect(inline).toEqual([]);
  });

  it('the シート作成 hint says what the action does: it never replaces a sheet', () => {
    expect(LABELS.templateHint).not.toMatch(/作り直/);
    expect(LABELS.templateHint).toMatch(/上書きしません|作りません/);
  });
});
