// Lint: typescript-eslint's recommended rules, the Office add-in rules (office-addins plugin), and
// import restrictions that keep each layer to its own dependencies (see docs/decisions.md).
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');
const prettierConfig = require('eslint-config-prettier');

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

module.exports = tseslint.config(
  { ignores: ['build/**', 'dist/**', 'out/**', 'node_modules/**', 'test-artifacts/**', '*.js', 'bin/**'] },
  ...tseslint.configs.recommended,
  prettierConfig,
  {
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-office-initialize': 'warn',
      'office-addins/load-object-before-read': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: restrict([
      {
        group: ['exceljs', 'react', 'react-dom', '@fluentui/*', 'fs', 'path', 'node:*'],
        message: 'core is pure: no host, DOM or Node imports.',
      },
      {
        group: [
          '**/workbook/*',
          '**/excel/*',
          '**/xlsx/*',
          '**/actions/*',
          '**/taskpane/*',
          '**/cli/*',
          '**/commands/*',
          '**/demo/*',
        ],
        message: 'core imports nothing upward.',
      },
    ]),
  },
  {
    files: ['src/workbook/**/*.ts'],
    rules: restrict([
      {
        group: [
          'exceljs',
          'react',
          '@fluentui/*',
          '**/excel/*',
          '**/xlsx/*',
          '**/actions/*',
          '**/taskpane/*',
          '**/cli/*',
        ],
        message: 'the port depends on core only.',
      },
    ]),
  },
  {
    files: ['src/actions/**/*.ts'],
    rules: restrict([
      {
        group: [
          'exceljs',
          'react',
          '@fluentui/*',
          'fs',
          'path',
          'node:*',
          '**/excel/*',
          '**/xlsx/*',
          '**/taskpane/*',
          '**/cli/*',
        ],
        message: 'use cases are host-agnostic: core and the port only.',
      },
    ]),
  },
  {
    files: ['src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'],
    rules: restrict([
      { group: ['exceljs', 'fs', 'path', 'node:*', '**/xlsx/*', '**/cli/*'], message: 'the pane runs in the browser.' },
    ]),
  },
  {
    files: ['src/commands/**/*.ts'],
    rules: restrict([
      {
        group: [
          'exceljs',
          'react',
          'react-dom',
          'react-dom/*',
          '@fluentui/*',
          'fs',
          'path',
          'node:*',
          '**/xlsx/*',
          '**/cli/*',
          '**/demo/*',
        ],
        message: 'the ribbon command runs in Excel: actions through the pane host only.',
      },
    ]),
  },
  {
    files: ['src/demo/**/*.ts', 'src/demo/**/*.tsx'],
    rules: restrict([{ group: ['fs', 'path', 'node:*', '**/cli/*'], message: 'the demo runs in the browser.' }]),
  },
  {
    files: ['src/demo/fakeExcel/**/*.ts'],
    rules: restrict([
      {
        group: [
          'exceljs',
          'react',
          'react-dom',
          '@fluentui/*',
          'fs',
          'path',
          'node:*',
          '../../xlsx/*',
          '../../taskpane/*',
          '../../cli/*',
        ],
        message: 'the fake is pure: it stands in for Excel in tests and the demo.',
      },
    ]),
  },
);
