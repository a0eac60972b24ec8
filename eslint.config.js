// Lint: the office-addins plugin's whole `recommended` config (ESLint's recommended rules, the
// Office.js rules, prettier), typescript-eslint's recommended rules, TSDoc syntax, and the layers of
// src/ as allow-lists (lint/layers.js, rule lint/layersRule.js). See docs/decisions.md.
// `npm run lint:fix` applies the fixable ones (formatting).
const globals = require('globals');
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');
const tsdoc = require('eslint-plugin-tsdoc');
const prettierConfig = require('eslint-config-prettier');
const layersRule = require('./lint/layersRule');
const paramNamesRule = require('./lint/paramNamesRule');

const SOURCES = '**/*.{js,mjs,cjs,ts,cts,mts,tsx}';

/**
 * The plugin's recommended config brings its own copy of typescript-eslint (8.8); one plugin name
 * can have only one definition, so its blocks use ours (the same rules, newer), and they cover
 * .tsx too (the pane is React).
 */
const officeRecommended = officeAddins.configs.recommended.map((block) =>
  block.plugins?.['@typescript-eslint']
    ? {
        ...block,
        files: [SOURCES],
        plugins: { ...block.plugins, '@typescript-eslint': tseslint.plugin },
        languageOptions: { ...block.languageOptions, parser: tseslint.parser, ecmaVersion: 'latest' },
      }
    : block,
);

module.exports = tseslint.config(
  { ignores: ['build/**', 'dist/**', 'out/**', 'node_modules/**', 'test-artifacts/**', 'coverage/**'] },
  ...officeRecommended,
  ...tseslint.configs.recommended,
  prettierConfig,
  {
    files: [SOURCES],
    plugins: {
      'office-addins': officeAddins,
      local: { rules: { layers: layersRule, 'param-names': paramNamesRule } },
      tsdoc,
    },
    rules: {
      // Promoted from the plugin's warnings: a sync in a loop is the slow path Office.js warns about.
      'office-addins/no-context-sync-in-loop': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Japanese text separates words with the ideographic space (U+3000); code may not.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
      'local/param-names': 'error',
      // Re-enabled after eslint-config-prettier: the plugin's recommended config runs prettier as a rule.
      'prettier/prettier': ['error', { endOfLine: 'auto' }],
    },
  },
  {
    // Doc comments of the code (tests carry jest pragmas such as @jest-environment, not TSDoc).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'tsdoc/syntax': 'error' },
  },
  { files: ['src/**/*.{ts,tsx}'], rules: { 'local/layers': 'error' } },
  {
    // Build scripts and config files: CommonJS run by Node.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The ES5 check inlined first into taskpane.html and commands.html: a browser script, not a module.
    files: ['src/excel/unsupportedWebview.js'],
    languageOptions: { sourceType: 'script', ecmaVersion: 5, globals: { ...globals.browser, Office: 'readonly' } },
  },
);
