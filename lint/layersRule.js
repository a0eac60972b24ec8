// @ts-check
/**
 * ESLint rule `local/layers`: every import of a file under src/ must be on its folder's allow-list
 * (./layers.js). Imports are resolved to repository paths first, so `../../xlsx/x`, `../xlsx/x` and
 * `./../../src/xlsx` are the same folder, and a package is named by its package name
 * (`react-dom/client` → react-dom, `fs` → node:fs). Covers static and dynamic imports, re-exports,
 * `import x = require()`, `require()` and `import('…')` types; a computed path cannot be checked
 * and is refused.
 */
const path = require('node:path');
const { builtinModules } = require('node:module');
const { layers, forTests } = require('./layers');

const ROOT = path.resolve(__dirname, '..');
const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));
/** Layer folders, longest first, so src/demo/fakeExcel wins over src/demo. */
const LAYER_NAMES = Object.keys(layers).sort((a, b) => b.length - a.length);

/** @param {string} file absolute path @returns {string} repository path with "/" */
function repoPath(file) {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

/** @param {string} where repository path @param {string} folder @returns {boolean} */
function inside(where, folder) {
  return where === folder || where.startsWith(`${folder}/`);
}

/** @param {string} where repository path @returns {string | undefined} the layer holding it */
function layerOf(where) {
  return LAYER_NAMES.find((name) => inside(where, name));
}

/** @param {string} specifier a bare import @returns {string} its package ("node:fs" for built-ins) */
function packageOf(specifier) {
  if (specifier.startsWith('node:')) return `node:${specifier.slice(5).split('/')[0]}`;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return BUILTINS.has(name) ? `node:${name}` : name;
}

/** @param {string} name a package @param {string[]} allowed @returns {boolean} */
function packageAllowed(name, allowed) {
  return allowed.some((entry) => (entry.endsWith('*') ? name.startsWith(entry.slice(0, -1)) : name === entry));
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder of src/ imports only what lint/layers.js allows it.' },
    schema: [],
    messages: {
      folder: '{{layer}} may not import {{target}} (allowed: {{allowed}}). {{why}} See lint/layers.js.',
      package: '{{layer}} may not import the package "{{target}}" (allowed: {{allowed}}). {{why}} See lint/layers.js.',
      unknownLayer: '{{file}} is in no layer: add its folder to lint/layers.js with what it may import.',
      computed: 'An import with a computed path cannot be checked against lint/layers.js; use a literal path.',
    },
  },
  create(context) {
    const file = repoPath(context.filename);
    if (!inside(file, 'src')) return {};
    const layerName = layerOf(file);
    if (!layerName) {
      return {
        Program(node) {
          context.report({ node, messageId: 'unknownLayer', data: { file } });
        },
      };
    }
    const layer = layers[layerName];
    const test = /\.test\.tsx?$/.test(file);
    const folders = test ? [...new Set([...layer.folders, ...forTests.folders])] : layer.folders;
    const packages = test ? [...new Set([...layer.packages, ...forTests.packages])] : layer.packages;
    const list = (items) => (items.length > 0 ? items.join(', ') : 'nothing');

    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      let specifier;
      if (source && typeof source === 'object' && 'type' in source) {
        if (source.type === 'Literal' && typeof source.value === 'string') specifier = source.value;
        else if (source.type === 'TemplateLiteral' && source.expressions.length === 0)
          specifier = source.quasis[0].value.cooked;
      }
      if (specifier === undefined) {
        context.report({ node, messageId: 'computed' });
        return;
      }
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = repoPath(path.resolve(path.dirname(context.filename), specifier));
        if (layerOf(target) === layerName) return;
        if (folders.some((folder) => inside(target, folder))) return;
        const targetLayer = layerOf(target) ?? target;
        context.report({
          node,
          messageId: 'folder',
          data: { layer: layerName, target: targetLayer, allowed: list(folders), why: layer.why },
        });
        return;
      }
      const name = packageOf(specifier);
      if (packageAllowed(name, packages)) return;
      context.report({
        node,
        messageId: 'package',
        data: { layer: layerName, target: name, allowed: list(packages), why: layer.why },
      });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => {
        if (node.source) check(node, node.source);
      },
      ImportExpression: (node) => check(node, node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
      },
      // TypeScript-only syntax (typescript-eslint's AST): `import x = require('…')`, `import('…').T`.
      /** @param {any} node */ // typescript-eslint node types are not in ESLint's rule typings
      TSExternalModuleReference: (node) => check(node, node.expression),
      /** @param {any} node */
      TSImportType: (node) => check(node, node.source ?? node.argument?.literal ?? node.argument),
    };
  },
};

module.exports = rule;
