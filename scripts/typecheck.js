/**
 * `npm run typecheck`: one TypeScript program per host, so that a host's APIs are a compile error
 * elsewhere (see CONTRIBUTING.md and docs/decisions.md):
 *   src/core/tsconfig.json  core: no DOM, no Node
 *   tsconfig.pure.json      workbook, actions: no DOM, no Node
 *   tsconfig.browser.json   taskpane, commands, host, excel, demo: DOM and Office.js, no Node
 *   tsconfig.node.json      cli, xlsx: Node, no DOM
 *   tsconfig.json           everything with tests and scripts (what jest, webpack and editors use)
 * Runs them two at a time (the machines have 2 cores) and prints each one's errors under its name.
 */
'use strict';
const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const CONFIGS = [
  'src/core/tsconfig.json',
  'tsconfig.pure.json',
  'tsconfig.browser.json',
  'tsconfig.node.json',
  'tsconfig.json',
];
const tsc = require.resolve('typescript/bin/tsc');

/** Runs one program's type check; resolves to its output and exit code. */
function check(config) {
  return new Promise((resolve) => {
    // Incremental: a second run re-checks only what changed (the state lives in build/, not committed).
    const state = path.join('build', 'typecheck', `${config.replace(/[\\/]/g, '_')}.tsbuildinfo`);
    const args = [tsc, '-p', config, '--noEmit', '--pretty', 'false', '--incremental', '--tsBuildInfoFile', state];
    const child = spawn(process.execPath, args, { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ config, code, output }));
  });
}

async function main() {
  const queue = [...CONFIGS];
  const failed = [];
  const workers = Array.from({ length: Math.max(1, Math.min(2, os.cpus().length)) }, async () => {
    for (let config = queue.shift(); config; config = queue.shift()) {
      const result = await check(config);
      process.stdout.write(`${result.code === 0 ? 'ok  ' : 'FAIL'} ${config}\n`);
      if (result.code !== 0) failed.push(result);
    }
  });
  await Promise.all(workers);
  for (const result of failed) process.stdout.write(`\n${result.config}:\n${result.output}`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

void main();
