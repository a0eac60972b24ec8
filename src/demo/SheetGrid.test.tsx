/**
 * @jest-environment jsdom
 */
/**
 * The demo grid draws no hidden column (the 進捗状況シート's marker column Q), and a merged area
 * over a hidden column spans only its visible columns.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import { parseCell, parseRange } from '../core/address';
import type { FakeExcel } from './fakeExcel';
import { ensureCell, getCell, newSheet, type FakeWorkbookState } from './fakeExcel/model';
import { SheetGrid } from './SheetGrid';

/** The grid reads only the fake's state and cell values; the fake itself needs TextEncoder, which jsdom lacks. */
function fakeWith(name: string, hiddenColumns: number[], cells: Record<string, string>, merges: string[]): FakeExcel {
  const state: FakeWorkbookState = { sheets: [], activeSheetId: '', selection: 'A1', nextId: 1 };
  const sheet = newSheet(state, name);
  state.sheets.push(sheet);
  for (const column of hiddenColumns) sheet.hiddenColumns.add(column);
  for (const [address, value] of Object.entries(cells)) {
    const { row, column } = parseCell(address);
    ensureCell(sheet, row, column).value = value;
  }
  sheet.merges = merges.map(parseRange);
  const fake = {
    state,
    cellValue: (of: typeof sheet, row: number, column: number) => getCell(of, row, column)?.value ?? '',
  };
  return fake as unknown as FakeExcel;
}

function draw(fake: FakeExcel, sheetName: string) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <SheetGrid fake={fake} sheetName={sheetName} selection="A1" onSelect={() => undefined} />
    </FluentProvider>,
  );
}

describe('SheetGrid', () => {
  test('leaves hidden columns out, headers and cells alike', () => {
    const fake = fakeWith('No.1', [2, 17], { A1: '見出し', C2: '見える', Q1: 'shinchoku:progress-sheet:v1' }, [
      'A1:C1',
    ]);
    const { container } = draw(fake, 'No.1');
    const headers = [...container.querySelectorAll('thead th')].map((cell) => cell.textContent).filter(Boolean);
    expect(headers).toEqual(['A', ...'CDEFGHIJKLMNOP'.split('')]);
    expect(container.querySelector('td[data-address="Q1"]')).toBeNull();
    expect(container.querySelector('td[data-address="B2"]')).toBeNull();
    expect(container.textContent).not.toContain('shinchoku');
    expect(container.querySelector('td[data-address="C2"]')?.textContent).toBe('見える');
    // The merged title spans A and C only.
    expect(container.querySelector('td[data-address="A1"]')?.getAttribute('colspan')).toBe('2');
    expect(container.querySelector('td[data-address="A1"]')?.textContent).toBe('見出し');
  });

  test('a merged area whose first column is hidden shows its top-left value in its first visible column', () => {
    const fake = fakeWith('S', [1], { A1: '左上' }, ['A1:C1']);
    const { container } = draw(fake, 'S');
    const cells = container.querySelectorAll('tbody tr:first-child td');
    expect(cells).toHaveLength(1);
    expect(cells[0].getAttribute('data-address')).toBe('A1');
    expect(cells[0].getAttribute('colspan')).toBe('2');
    expect(cells[0].textContent).toBe('左上');
  });
});
