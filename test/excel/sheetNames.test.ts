/**
 * Item names with each character Japanese Excel forbids in a sheet name — the half-width
 * `[ ] : * ? / \`, their full-width forms `［ ］ ： ＊ ？ ／ ＼`, the yen sign `￥`, and a trailing
 * apostrophe — give legal sheet names: in the pane (シート作成 over Microsoft's office.js, whose
 * host refuses what Japanese Excel refuses) and in the CLI (`shinchoku template --plan`, the file
 * checked by the shared OOXML validator's sheet-name rules).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { parsePlan } from '../../src/core/plan';
import { isLegalSheetName } from '../../src/core/sheetName';
import { createHost } from '../../src/host/excelHost';
import { captureIo } from '../support/captureIo';
import { validateXlsx } from '../support/ooxmlValidate';
import { AWKWARD_ITEMS as ITEMS, awkwardPlanData, FORBIDDEN } from './awkwardPlan';
import { officeJsOver } from './officeJs';

test('シート作成 in the pane: every item sheet gets a legal name', async () => {
  const plan = parsePlan(awkwardPlanData());
  const office = officeJsOver();
  const host = createHost({ run: office.run, requirements: office.requirements });
  const itemNos = plan.items.slice(0, ITEMS).map((item) => item.no);
  const created = await host.createTemplate({ plan, year: 2021, itemNos });
  expect(created).toHaveLength(ITEMS);
  for (const name of created) expect({ name, legal: isLegalSheetName(name) }).toEqual({ name, legal: true });
  expect(created[0]).toBe('1 窓口・電子申請');
  const names = office.fake.snapshot().sheets.map((sheet) => sheet.name);
  expect(names).toEqual(expect.arrayContaining(created));
});

test('shinchoku template --plan: the file passes the sheet-name rules of Japanese Excel', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'shinchoku-names-'));
  const planFile = join(directory, 'plan.json');
  writeFileSync(planFile, JSON.stringify(awkwardPlanData()));
  const out = join(directory, 'template.xlsx');
  const io = captureIo();
  expect(await run(['template', '--plan', planFile, '--year', 'R3', '--out', out], io)).toBe(0);
  // Each renamed item is reported, predictably (the rule and the name it got).
  for (const [i, character] of FORBIDDEN.entries())
    expect(io.stdout).toContain(
      `シート名「${i + 1} 窓口${character}電子申請」は Excel では使えないため「${i + 1} 窓口・電子申請」にしました（使えない文字 ${character} を「・」に置き換え）。`,
    );
  expect(io.stdout.filter((line) => line.startsWith('シート名「'))).toHaveLength(ITEMS);
  const validation = validateXlsx(out);
  expect(validation.output).not.toContain('sheet name');
  expect(validation.ok).toBe(true);
}, 120_000);
