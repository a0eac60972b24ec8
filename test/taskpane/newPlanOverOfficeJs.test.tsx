/**
 * @jest-environment jsdom
 */
/**
 * 新しいプラン in the task pane over Microsoft's office.js (the fake Excel as its host): it writes the
 * プラン定義 form into the open workbook and says what to do next; the secretariat edits the
 * definition; シート作成 then builds the sheets of the edited plan, or shows the definition's errors
 * with sheet and cell; a sheet of the form's names that is already there is refused and kept.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { builtInPlan } from '../../src/core/example';
import { PLAN_FORM_GUIDE_NAME } from '../../src/core/planForm';
import { PLAN_SHEET_NAME } from '../../src/core/planSheet';
import { progressSheetName } from '../../src/core/sheet/writeProgressSheet';
import type { SheetSpec } from '../../src/core/sheetSpec';
import { createHost, type ExcelHost } from '../../src/host/excelHost';
import { LABELS } from '../../src/host/labels';
import { PaneApp } from '../../src/taskpane/PaneApp';
import { officeJsInThisWindow } from '../excel/officeJs';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
beforeAll(() => {
  window.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

const plan = builtInPlan();
const LONG = { timeout: 60_000 };

/** The pane over office.js over a fake workbook holding these sheets. */
async function openPane(sheets: SheetSpec[]) {
  const office = officeJsInThisWindow();
  office.fake.loadSheetSpecs(sheets);
  const host: ExcelHost = createHost({ run: office.run, requirements: office.requirements });
  render(<PaneApp host={host} />);
  await waitFor(() => expect(screen.getByTestId('info-plan').textContent).toBe(LABELS.none), LONG);
  fireEvent.click(screen.getByRole('button', { name: LABELS.sections.template }));
  return { fake: office.fake, host };
}

/** The address of the first cell of a sheet holding a value. */
function cellOf(host: { fake: { toSheetSpecs(): SheetSpec[] } }, sheet: string, value: string): string {
  const spec = host.fake.toSheetSpecs().find((each) => each.name === sheet);
  const cell = spec?.cells.find((each) => each.value === value);
  if (!cell) throw new Error(`no ${value} on ${sheet}`);
  return cell.address;
}

async function message(text: RegExp): Promise<HTMLElement> {
  const bar = await screen.findByTestId('message', {}, LONG);
  await waitFor(() => expect(bar.textContent).toMatch(text), LONG);
  return bar;
}

const userSheet: SheetSpec = { name: 'Sheet1', columnWidths: [], cells: [], formats: [] };

test('新しいプラン, then the definition edited, then シート作成 builds the sheets of the edited plan', async () => {
  const pane = await openPane([userSheet]);
  fireEvent.click(await screen.findByTestId('new-plan-button'));
  const done = await message(/プラン定義/);
  expect(done.textContent).toContain(LABELS.newPlanCreated([PLAN_FORM_GUIDE_NAME, PLAN_SHEET_NAME]));
  expect(done.textContent).toContain(LABELS.newPlanNext);
  const names = pane.fake.snapshot().sheets.map((sheet) => sheet.name);
  expect(names).toEqual(expect.arrayContaining(['Sheet1', PLAN_FORM_GUIDE_NAME, PLAN_SHEET_NAME]));
  // The pane now reads the form's example plan.
  await waitFor(() => expect(screen.getByTestId('info-plan').textContent).toBe(plan.title), LONG);

  // The secretariat overwrites the title and the first item's name, and reloads.
  const [first] = plan.items;
  await pane.host.workbook.writeCells([
    {
      sheet: PLAN_SHEET_NAME,
      cells: [
        { address: cellOf(pane, PLAN_SHEET_NAME, plan.title), value: '新市 行政改革プラン' },
        { address: cellOf(pane, PLAN_SHEET_NAME, first.name), value: '窓口のオンライン化' },
      ],
    },
  ]);
  fireEvent.click(screen.getByRole('button', { name: LABELS.reload }));
  await waitFor(() => expect(screen.getByTestId('info-plan').textContent).toBe('新市 行政改革プラン'), LONG);

  fireEvent.click(screen.getByLabelText(/まだシートのない実践項目をすべて作成/));
  fireEvent.click(screen.getByTestId('template-button'));
  await message(/枚のシートを作成しました/);
  const after = pane.fake.snapshot().sheets.map((sheet) => sheet.name);
  expect(after).toContain(progressSheetName(first.no, '窓口のオンライン化'));
  expect(after).not.toContain(progressSheetName(first.no, first.name));
  expect(after.filter((name) => /^\d/.test(name))).toHaveLength(plan.items.length);
  // The edited definition is kept as the secretariat wrote it.
  expect(cellOf(pane, PLAN_SHEET_NAME, '新市 行政改革プラン')).toBeTruthy();
}, 180_000);

test('a definition with an error: シート作成 shows it with sheet and cell and builds nothing', async () => {
  const pane = await openPane([userSheet]);
  fireEvent.click(await screen.findByTestId('new-plan-button'));
  await message(/プラン定義/);
  await waitFor(() => expect(screen.getByTestId('info-plan').textContent).toBe(plan.title), LONG);
  // The first item's 大№ (the column before its name) now names no 取組項目.
  const nameCell = cellOf(pane, PLAN_SHEET_NAME, plan.items[0].name);
  const row = nameCell.replace(/^[A-Z]+/, '');
  await pane.host.workbook.writeCells([{ sheet: PLAN_SHEET_NAME, cells: [{ address: `B${row}`, value: 99 }] }]);
  fireEvent.click(screen.getByRole('button', { name: LABELS.reload }));
  const section = await screen.findByTestId('template-plan-problem', {}, LONG);
  expect(section.textContent).toContain(`シート「${PLAN_SHEET_NAME}」`);
  expect(section.textContent).toMatch(/セル [A-Z]+\d+/);
  expect(screen.getByTestId('template-button')).toHaveProperty('disabled', true);
  const before = pane.fake.snapshot().sheets.map((sheet) => sheet.name);
  expect(before).toEqual(['Sheet1', PLAN_FORM_GUIDE_NAME, PLAN_SHEET_NAME]);
}, 180_000);

test('新しいプラン refuses a sheet of the same name made by hand, and leaves it as it was', async () => {
  const guide: SheetSpec = {
    name: PLAN_FORM_GUIDE_NAME,
    columnWidths: [],
    cells: [{ address: 'A1', value: '課の作業手順' }],
    formats: [],
  };
  const pane = await openPane([userSheet, guide]);
  const before = pane.fake.toSheetSpecs();
  fireEvent.click(await screen.findByTestId('new-plan-button'));
  const refusal = await message(/作りませんでした/);
  expect(refusal.textContent).toContain(`シート「${PLAN_FORM_GUIDE_NAME}」`);
  expect(refusal.textContent).toContain('新しい空のブック');
  expect(pane.fake.toSheetSpecs()).toEqual(before);
  expect(within(screen.getByTestId('info')).getByTestId('info-plan').textContent).toBe(LABELS.none);
}, 180_000);
