/**
 * `npm run plan-workbooks`: writes the プラン定義 workbook of every plan JSON we ship
 * (assets/plan/plan.json → assets/plan/plan.xlsx, assets/plan/samples/*.json → *.xlsx) with the
 * CLI's own `template --plan-form`, so that the shipped workbooks are what a secretariat gets.
 * test/scenarios/planWorkbook.test.ts checks that each one still reads as its JSON.
 * Needs the CLI build (`npm run build:cli`, run by `npm ci`).
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { readdirSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const plans = [
  'assets/plan/plan.json',
  ...readdirSync(path.join(root, 'assets/plan/samples'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => `assets/plan/samples/${name}`),
];
for (const plan of plans) {
  const out = plan.replace(/\.json$/, '.xlsx');
  const args = ['bin/shinchoku.js', 'template', '--plan-form', '--plan', plan, '--out', out, '--force'];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
