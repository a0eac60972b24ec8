/**
 * @jest-environment jsdom
 */
/**
 * The year's loop in the task pane over Microsoft's office.js (the fake Excel as its host):
 * 配布 makes one workbook per department whose input cells are the open workbook's, opened through
 * office.js's own `Excel.createWorkbook`, and leaves the open workbook as it was; 回収 of the files
 * the user picks changes exactly the input cells departments edited and writes 取込履歴, a
 * conflicting pair changes neither and is shown, a file of another plan is refused by name;
 * 元に戻す (also after reopening) puts the workbook back as it was before the 回収; 年度更新 gives
 * the R4 workbook that `shinchoku rollover` gives for the same input, cell by cell on the carried cells.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder as NodeTextDecoder } from 'node:util';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readWorkbook } from '../../src/actions/readWorkbook';
import { splitToFiles } from '../../src/actions/splitFiles';
import { createTemplate } from '../../src/actions/template';
import { run as runCli } from '../../src/cli/main';
import { IMPORT_LOG_SHEET_NAME } from '../../src/core/collection/importLog';
import type { Plan } from '../../src/core/plan';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import { progressSheetName } from '../../src/core/sheet/writeProgressSheet';
import type { CellValue } from '../../src/core/sheetSpec';
import { FakeExcel } from '../../src/demo/fakeExcel';
import { createHost, type ExcelHost } from '../../src/host/excelHost';
import { LABELS } from '../../src/host/labels';
import { xlsxFiles } from '../../src/host/xlsxFiles';
import { PaneApp } from '../../src/taskpane/PaneApp';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { officeJsInThisWindow } from '../excel/officeJs';
import { captureIo } from '../support/captureIo';
import { temporaryFolder } from '../support/smallBook';
import { R3, smallPlan } from '../support/smallPlan';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
beforeAll(() => {
  // The CLI reads files with Node's TextDecoder, which jest's jsdom window lacks.
  globalThis.TextDecoder ??= NodeTextDecoder as typeof TextDecoder;
  window.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

const LONG = { timeout: 60_000 };
/** A file a user picked by mistake: text, not a workbook. */
const NOT_A_BOOK = new Uint8Array(Buffer.from('ブックではないファイル'));
const plan = smallPlan(['総務課', '財政課', '財政課', '企画課']);
const layout = progressSheetLayout(plan);
const scores = layout.scores.find((entry) => entry.year === R3)!.scores;
const sheetOf = (index: number) => progressSheetName(plan.items[index].no, plan.items[index].name);

/** What the secretariat's master holds before the split (some of it typed by departments last year). */
function masterInputs(index: number): Record<string, CellValue> {
  return {
    [layout.activities[0].plan]: `計画 ${index + 1}`,
    [layout.activities[0].result]: index === 0 ? '=1+1' : `実績 ${index + 1}`,
    ...Object.fromEntries(Object.values(scores).map((address) => [address, 2])),
    [layout.reasons.progress]: `理由 ${index + 1}`,
  };
}

async function write(book: WorkbookPort, sheet: string, cells: Record<string, CellValue>): Promise<void> {
  await book.writeCells([{ sheet, cells: Object.entries(cells).map(([address, value]) => ({ address, value })) }]);
}

async function cell(book: WorkbookPort, sheet: string, address: string): Promise<CellValue> {
  const [range] = await book.readRanges([{ sheet, address }]);
  return range.values[0]?.[0] ?? null;
}

/** A fake Excel holding the plan's R3 workbook with the master's inputs, behind office.js. */
async function openMaster(of: Plan = plan) {
  const office = officeJsInThisWindow(new FakeExcel());
  const fake = office.fake;
  const host: ExcelHost = createHost({
    run: office.run,
    requirements: office.requirements,
    createWorkbook: (base64) => office.window.Excel.createWorkbook(base64),
    books: async () => xlsxFiles,
  });
  await host.createTemplate({ plan: of, year: R3 });
  for (const index of of.items.keys()) await write(host.workbook, sheetOf(index), masterInputs(index));
  return { fake, office, host };
}

/** The pane over a host, with a section opened. */
async function openPane(host: ExcelHost, section: string) {
  render(<PaneApp host={host} />);
  await waitFor(() => expect(screen.getByTestId('info-plan').textContent).toBe(plan.title), LONG);
  fireEvent.click(screen.getByRole('button', { name: section }));
}

async function message(text: RegExp): Promise<HTMLElement> {
  const bar = await screen.findByTestId('message', {}, LONG);
  await waitFor(() => expect(bar.textContent).toMatch(text), LONG);
  return bar;
}

/** The workbook a base64 text (what Excel.createWorkbook received) holds. */
function openBase64(base64: string): Promise<WorkbookPort> {
  return XlsxWorkbook.open(new Uint8Array(Buffer.from(base64, 'base64')));
}

/** Every item's carried cells (確認時期 and inputs), by 小№. */
async function carried(book: WorkbookPort): Promise<Record<string, [string, CellValue][]>> {
  const reading = await readWorkbook(book, { purpose: 'full' });
  return Object.fromEntries(reading.sheets.map((sheet) => [sheet.data.itemNo, [...(sheet.inputs ?? [])]]));
}

/** Picks files in the 回収 section's file input. */
function pick(files: { name: string; bytes: Uint8Array }[]): void {
  const input = screen.getByTestId('collect-files');
  const picked = files.map((file) => new File([file.bytes.slice().buffer], file.name));
  fireEvent.change(input, { target: { files: picked } });
}

/** A department's file with cells changed. */
async function edited(
  file: { name: string; bytes: Uint8Array },
  sheet: string,
  cells: Record<string, CellValue>,
  name = file.name,
) {
  const book = await XlsxWorkbook.open(file.bytes);
  await write(book, sheet, cells);
  return { name, bytes: new Uint8Array(await book.toBuffer()) };
}

afterEach(cleanup);

test('配布: one workbook per department, its input cells the master’s; the master unchanged', async () => {
  const { fake, host } = await openMaster();
  const before = fake.snapshot();
  await openPane(host, LABELS.sections.split);
  fireEvent.click(screen.getByTestId('split-button'));
  await message(/3 部署のブックを作成しました（進捗状況シート 4 枚）/);
  const files = within(screen.getByTestId('split-result')).getAllByTestId('book-file');
  expect(files.map((entry) => within(entry).getByText(/\.xlsx$/).textContent)).toEqual([
    '総務課.xlsx',
    '財政課.xlsx',
    '企画課.xlsx',
  ]);
  for (const entry of files) {
    fireEvent.click(within(entry).getByRole('button', { name: LABELS.fileOpen }));
    await waitFor(() => expect(screen.getByTestId('message').textContent).toContain('名前を付けて保存'), LONG);
  }
  expect(fake.createdWorkbooks).toHaveLength(3);
  const master = await carried(host.workbook);
  const sent: Record<string, [string, CellValue][]> = {};
  for (const base64 of fake.createdWorkbooks) Object.assign(sent, await carried(await openBase64(base64)));
  expect(sent).toEqual(master);
  expect(Object.keys(sent)).toHaveLength(4);
  expect(fake.snapshot()).toEqual(before);

  // Excel on the web refuses requests above 5 MB: the pane says so and points to 「ファイルに保存」.
  fake.payloadLimit = 1000;
  fireEvent.click(within(files[0]).getByRole('button', { name: LABELS.fileOpen }));
  const refusal = await message(/開けませんでした/);
  expect(refusal.textContent).toContain(LABELS.fileTooLarge('総務課.xlsx'));
  expect(refusal.textContent).toContain(LABELS.fileTooLargeFix);
  expect(fake.createdWorkbooks).toHaveLength(3);
}, 180_000);

test('回収: exactly the edited input cells change and 取込履歴 records them; a conflict changes neither; another plan is refused by name; 元に戻す puts the workbook back, also after reopening', async () => {
  const { fake, office, host } = await openMaster();
  const { files } = await splitToFiles(host.workbook, xlsxFiles);
  const [general, finance, planning] = files;
  const before = await carried(host.workbook);
  const snapshot = fake.snapshot();
  // 総務課 edits item 1; 財政課 returns two versions that differ on item 2; another plan's book.
  const returned = [
    await edited(general, sheetOf(0), { [scores.cooperation]: 3, [layout.reasons.progress]: '  更新した理由  ' }),
    await edited(finance, sheetOf(1), { [scores.cooperation]: 1 }),
    await edited(finance, sheetOf(1), { [scores.cooperation]: 2 }, '財政課（修正版）.xlsx'),
    planning,
  ];
  const other = smallPlan(['総務課'], '別の市 行政改革プラン');
  const otherFile = XlsxWorkbook.create();
  await createTemplate(otherFile, { plan: other, year: R3 });
  returned.push({ name: '別のプラン.xlsx', bytes: new Uint8Array(await otherFile.toBuffer()) });
  returned.push({ name: 'メモ.xlsx', bytes: NOT_A_BOOK });

  await openPane(host, LABELS.sections.collect);
  pick(returned);
  const card = await screen.findByTestId('collect-result', {}, LONG);
  expect(card.textContent).toContain(LABELS.collectDone(6, 1, 2));
  const conflicts = within(card).getByTestId('collect-conflicts');
  expect(conflicts.textContent).toContain(`小№ ${plan.items[1].no}`);
  expect(conflicts.textContent).toContain('財政課.xlsx');
  expect(conflicts.textContent).toContain('財政課（修正版）.xlsx');
  const refused = within(card).getByTestId('collect-refused').textContent;
  expect(refused).toContain('取り込まなかったファイル 2 件');
  expect(refused).toContain('「別のプラン.xlsx」は別のプラン');
  expect(refused).toContain('「メモ.xlsx」を読み取れないため');

  const after = await carried(host.workbook);
  const item = (index: number) => plan.items[index].no;
  const changedCells = Object.keys(after).flatMap((itemNo) => {
    const was = new Map(before[itemNo]);
    return after[itemNo]
      .filter(([address, value]) => was.get(address) !== value)
      .map(([address]) => `${itemNo}:${address}`);
  });
  expect(Object.keys(after)).toEqual(Object.keys(before));
  expect(changedCells.sort()).toEqual(
    [`${item(0)}:${scores.cooperation}`, `${item(0)}:${layout.reasons.progress}`].sort(),
  );
  expect(await cell(host.workbook, sheetOf(0), layout.reasons.progress)).toBe('  更新した理由  ');
  expect(await cell(host.workbook, sheetOf(1), scores.cooperation)).toBe(
    before[item(1)].find(([a]) => a === scores.cooperation)![1],
  );
  const log = fake.snapshot().sheets.find((sheet) => sheet.name === IMPORT_LOG_SHEET_NAME);
  expect(log).toBeDefined();
  const logText = JSON.stringify(fake.toSheetSpecs().find((sheet) => sheet.name === IMPORT_LOG_SHEET_NAME));
  expect(logText).toContain('更新した理由');
  expect(logText).toContain('競合（取り込まず）');

  // Closed and opened again: the pane still offers 元に戻す for the 回収, and it puts everything back.
  cleanup();
  const reopened = createHost({ run: office.run, requirements: office.requirements, books: async () => xlsxFiles });
  await openPane(reopened, LABELS.sections.collect);
  fireEvent.click(await screen.findByTestId('collect-undo', {}, LONG));
  await message(/回収を元に戻しました/);
  expect(fake.snapshot()).toEqual(snapshot);
}, 180_000);

test('回収 of files none of which can be merged: each is named with its reason and nothing changes', async () => {
  const { fake, host } = await openMaster();
  const before = fake.snapshot();
  const other = XlsxWorkbook.create();
  await createTemplate(other, { plan: smallPlan(['総務課'], '別の市 行政改革プラン'), year: R3 });
  await openPane(host, LABELS.sections.collect);
  pick([
    { name: '別のプラン.xlsx', bytes: new Uint8Array(await other.toBuffer()) },
    { name: 'メモ.xlsx', bytes: NOT_A_BOOK },
  ]);
  const refusal = await message(/取り込めるブックがありません/);
  expect(refusal.textContent).toContain('「別のプラン.xlsx」は別のプラン');
  expect(refusal.textContent).toContain('「メモ.xlsx」を読み取れないため');
  expect(fake.snapshot()).toEqual(before);
}, 180_000);

test('回収 refuses to replace a sheet named 取込履歴 that someone made by hand, and changes nothing', async () => {
  const { fake, host } = await openMaster();
  const { files } = await splitToFiles(host.workbook, xlsxFiles);
  await host.workbook.putSheets([
    { name: IMPORT_LOG_SHEET_NAME, columnWidths: [], cells: [{ address: 'A1', value: '課のメモ' }], formats: [] },
  ]);
  const before = fake.snapshot();
  await openPane(host, LABELS.sections.collect);
  pick([await edited(files[0], sheetOf(0), { [scores.cooperation]: 3 })]);
  const refusal = await message(/置き換えも削除もしません/);
  expect(refusal.textContent).toContain(`シート「${IMPORT_LOG_SHEET_NAME}」`);
  expect(fake.snapshot()).toEqual(before);
}, 180_000);

test('年度更新: the R4 workbook equals shinchoku rollover’s of the same input on every carried cell; this workbook unchanged', async () => {
  const { fake, host } = await openMaster();
  const before = fake.snapshot();
  await openPane(host, LABELS.sections.rollover);
  fireEvent.click(screen.getByTestId('rollover-button'));
  await message(/R3 → R4 のブックを作成しました/);
  const card = screen.getByTestId('rollover-result');
  fireEvent.click(within(card).getByRole('button', { name: LABELS.fileOpen }));
  await waitFor(() => expect(fake.createdWorkbooks).toHaveLength(1), LONG);
  const pane = await carried(await openBase64(fake.createdWorkbooks[0]));

  // The same input through the CLI.
  const folder = temporaryFolder('pane-rollover');
  const input = XlsxWorkbook.create();
  await input.putSheets(fake.toSheetSpecs());
  writeFileSync(join(folder, 'R3.xlsx'), await input.toBuffer());
  const io = captureIo();
  await act(async () => {
    const code = await runCli(
      ['rollover', join(folder, 'R3.xlsx'), '--to', 'R4', '--out', join(folder, 'R4.xlsx')],
      io,
    );
    expect({ code, stderr: io.stderr }).toEqual({ code: 0, stderr: [] });
  });
  const cli = await carried(await XlsxWorkbook.open(join(folder, 'R4.xlsx')));
  expect(pane).toEqual(cli);
  expect(Object.keys(pane)).toHaveLength(4);
  expect(pane[plan.items[0].no]).toContainEqual([layout.reasons.progress, null]);
  expect(fake.snapshot()).toEqual(before);
}, 180_000);
