/**
 * @jest-environment jsdom
 */
/**
 * The task pane over Microsoft's office.js (the fake Excel as its host), where it touches Excel:
 * シート作成 of items whose names Japanese Excel refuses creates legal sheets and says which names
 * were changed and why; 集計 then fills the workbook and the result card shows it.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { parsePlan } from '../../src/core/plan';
import { writePlanSheet } from '../../src/core/planSheet';
import { isLegalSheetName } from '../../src/core/sheetName';
import { FakeExcel } from '../../src/demo/fakeExcel';
import { createHost } from '../../src/host/excelHost';
import { LABELS } from '../../src/host/labels';
import { PaneApp } from '../../src/taskpane/PaneApp';
import { AWKWARD_ITEMS, awkwardPlanData } from '../excel/awkwardPlan';
import { officeJsInThisWindow } from '../excel/officeJs';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
beforeAll(() => {
  window.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

test('シート作成 over office.js: legal names, and each changed name reported with its reason', async () => {
  const plan = parsePlan(awkwardPlanData());
  const fake = new FakeExcel();
  // A workbook with the plan (a hidden tab) and one empty visible sheet, as a user starts.
  fake.loadSheetSpecs([{ name: 'Sheet1', columnWidths: [], cells: [], formats: [] }, writePlanSheet(plan)]);
  const office = officeJsInThisWindow(fake);
  render(<PaneApp host={createHost({ run: office.run, requirements: office.requirements })} />);
  await waitFor(() => expect(screen.getByTestId('info-plan').textContent).toContain(plan.title));
  fireEvent.click(screen.getByRole('button', { name: LABELS.sections.template }));
  fireEvent.click(await screen.findByLabelText(/まだシートのない実践項目をすべて作成/));
  fireEvent.click(screen.getByTestId('template-button'));
  const message = await screen.findByTestId('message', {}, { timeout: 60_000 });
  await waitFor(() => expect(message.textContent).toContain('枚のシートを作成しました'), { timeout: 60_000 });
  expect(message.textContent).toContain(
    'シート名「1 窓口［電子申請」は Excel では使えないため「1 窓口・電子申請」にしました（使えない文字 ［ を「・」に置き換え）。',
  );
  expect(message.textContent?.match(/シート名「/g)).toHaveLength(AWKWARD_ITEMS);
  const names = fake.snapshot().sheets.map((sheet) => sheet.name);
  expect(names).toHaveLength(plan.items.length + 3);
  for (const name of names) expect({ name, legal: isLegalSheetName(name) }).toEqual({ name, legal: true });

  fireEvent.click(screen.getByTestId('aggregate-button'));
  const card = await screen.findByTestId('result-card', {}, { timeout: 60_000 });
  expect(within(card).getByTestId('result-items').textContent).toContain(`実践項目 ${plan.items.length} 件`);
}, 120_000);
