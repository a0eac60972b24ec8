/**
 * The fake proxy of a range (Excel.Range): values, formulas, number formats, hidden columns,
 * merges, selection, and the parts office.js uses for large writes. Every setter queues an
 * action; getters need load + sync. Its formats are in ./formatProxies, its formula cells in
 * ./rangeAreas.
 */
import type { RangeBounds } from '../../core/address';
import { columnNumber, parseRange } from '../../core/address';
import type { CellInput, CellOutput, RangeLike } from '../../excel/excelApi';
import type { FakeContext } from './context';
import { FakeObject, unknownProperty } from './context';
import { FakeOfficeError } from './errors';
import type { FakeSheet } from './model';
import {
  coveredByMerge,
  ensureCell,
  forEachCell,
  getCell,
  interpretInput,
  MAX_ROW,
  overlaps,
  sheetAddress,
} from './model';
import { FakeWorksheet } from './sheetProxies';

import { FakeDataValidation } from './dataValidationProxy';
import { FakeRangeFormat } from './formatProxies';
import { FakeRangeAreas, formulaAreas } from './rangeAreas';
import { checkGrid, guard, type RangeTarget } from './rangeTarget';
export class FakeRange extends FakeObject<RangeTarget> implements RangeLike {
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;

  constructor(context: FakeContext, resolver: () => RangeTarget | null) {
    super(context, 'Range', resolver);
    this.format = new FakeRangeFormat(context, () => this.resolve());
    this.dataValidation = new FakeDataValidation(context, () => this.resolve());
  }

  get address(): string {
    return this.loaded('address');
  }
  get rowIndex(): number {
    return this.loaded('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded('columnIndex');
  }
  get values(): CellOutput[][] {
    return this.loaded('values');
  }
  set values(values: CellInput[][]) {
    this.write('values', values);
  }
  get formulas(): CellOutput[][] {
    return this.loaded('formulas');
  }
  set formulas(formulas: CellInput[][]) {
    this.write('formulas', formulas);
  }
  get numberFormat(): CellOutput[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(formats: (string | null)[][]) {
    this.act('numberFormat', formats, (target) => {
      checkGrid(target, formats, 'numberFormat');
      guard(target, 'format');
      forEachCell(target.bounds, (row, column, r, c) => {
        const format = formats[r][c];
        if (format !== null)
          ensureCell(target.sheet, row, column).format.numberFormat = format === '' ? undefined : format;
      });
    });
  }

  /** ExcelApi 1.2: true when every column of the range is hidden, false when none, else null. */
  get columnHidden(): boolean {
    return this.loaded('columnHidden');
  }
  /** Hides or shows the range's whole columns (a protected sheet must allow formatting columns). */
  set columnHidden(hidden: boolean) {
    this.act(
      'columnHidden',
      hidden,
      (target) => {
        guard(target, 'columns');
        for (let column = target.bounds.left; column <= target.bounds.right; column++) {
          if (hidden) target.sheet.hiddenColumns.add(column);
          else target.sheet.hiddenColumns.delete(column);
        }
      },
      '1.2',
    );
  }

  get worksheet(): FakeWorksheet {
    const worksheet = new FakeWorksheet(this.context, () => this.resolve().sheet);
    this.context.addPath('worksheet');
    return worksheet;
  }

  private write(name: 'values' | 'formulas', grid: CellInput[][]): void {
    this.act(name, grid, (target) => {
      checkGrid(target, grid, name);
      guard(target, 'values');
      forEachCell(target.bounds, (row, column, r, c) => {
        const input = interpretInput(grid[r][c]);
        // Excel drops what is written into a merged area's other cells.
        if (!input || coveredByMerge(target.sheet, row, column)) return;
        const cell = ensureCell(target.sheet, row, column);
        cell.value = input.value;
        cell.formula = input.formula;
      });
      this.context.onSynced(() => this.context.host.emitChanged(target.sheet, target.bounds, 'ThisLocalAddin'));
    });
  }

  merge(across = false): void {
    this.act('merge', [across], (target) => {
      guard(target, 'structure');
      const { top, left, bottom, right } = target.bounds;
      const areas = across
        ? Array.from({ length: bottom - top + 1 }, (_, i) => ({ top: top + i, left, bottom: top + i, right }))
        : [target.bounds];
      for (const area of areas) {
        if (area.top === area.bottom && area.left === area.right) continue;
        target.sheet.merges = target.sheet.merges.filter((merge) => !overlaps(merge, area));
        target.sheet.merges.push(area);
        // Excel keeps the top-left value of a merged area only; fill and borders set before the
        // merge are lost (office-js #6405), so formats go on after merging.
        forEachCell(area, (row, column, r, c) => {
          const cell = getCell(target.sheet, row, column);
          if (!cell) return;
          if (this.context.host.losesFormatsOnMerge)
            for (const key of ['fill', 'top', 'bottom', 'left', 'right'] as const) delete cell.format[key];
          if (r === 0 && c === 0) return;
          cell.value = '';
          cell.formula = undefined;
        });
      }
    });
  }

  /** ExcelApi 1.9: the formula cells as areas; a null object when the range has none. */
  getSpecialCellsOrNullObject(cellType: 'Formulas'): FakeRangeAreas {
    this.context.enqueue({
      name: 'Range.getSpecialCellsOrNullObject',
      args: [cellType],
      api: '1.9',
      run: () => undefined,
    });
    this.context.addPath([cellType]);
    return new FakeRangeAreas(this.context, () => {
      const target = this.resolve();
      const areas = formulaAreas(target);
      return areas.length > 0 ? { sheet: target.sheet, areas } : null;
    });
  }

  /**
   * A row of the range (0-based). office.js writes arrays of more than 1,500 cells as bands of
   * rows (`getRow(i).getBoundingRect(getRow(j))`), after asking the host to check the array's size.
   */
  getRow(row: number): FakeRange {
    this.context.addPath([row]);
    return new FakeRange(this.context, () => {
      const { sheet, bounds } = this.resolve();
      if (!Number.isInteger(row) || row < 0 || bounds.top + row > bounds.bottom)
        throw new FakeOfficeError('InvalidArgument', `Row ${row} is outside the range.`);
      return { sheet, bounds: { ...bounds, top: bounds.top + row, bottom: bounds.top + row } };
    });
  }

  /** The smallest range that holds this range and `other` (same sheet). */
  getBoundingRect(other: FakeRange): FakeRange {
    this.context.addPath([]);
    return new FakeRange(this.context, () => {
      const a = this.resolve();
      const b = other.resolve();
      if (a.sheet !== b.sheet) throw new FakeOfficeError('InvalidArgument', 'The ranges are on different sheets.');
      return {
        sheet: a.sheet,
        bounds: {
          top: Math.min(a.bounds.top, b.bounds.top),
          left: Math.min(a.bounds.left, b.bounds.left),
          bottom: Math.max(a.bounds.bottom, b.bounds.bottom),
          right: Math.max(a.bounds.right, b.bounds.right),
        },
      };
    });
  }

  /** office.js's check before a banded write: the array must have the range's size. */
  _ValidateArraySize(rows: number, columns: number): void {
    this.act('_ValidateArraySize', [rows, columns], (target) => {
      const { top, left, bottom, right } = target.bounds;
      if (rows !== bottom - top + 1 || columns !== right - left + 1)
        throw new FakeOfficeError(
          'InvalidArgument',
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
    });
  }

  /** Makes loaded values readable (ranges of a collection load). */
  prime(target: RangeTarget, names: readonly string[]): Record<string, unknown> {
    const data = Object.fromEntries(names.map((name) => [name, this.read(target, name)]));
    this.primeValues(Object.entries(data));
    return data;
  }

  select(): void {
    this.act('select', [], (target) => {
      if (target.sheet.visibility !== 'Visible')
        throw new FakeOfficeError('InvalidOperation', 'Cannot select a range on a hidden sheet.');
      this.context.host.state.activeSheetId = target.sheet.id;
      this.context.host.state.selection = sheetAddress(target.sheet, target.bounds).split('!')[1];
    });
  }

  protected override read(target: RangeTarget, name: string): unknown {
    const grid = (cell: (row: number, column: number) => CellOutput): CellOutput[][] => {
      const rows: CellOutput[][] = [];
      forEachCell(target.bounds, (row, column, r) => {
        (rows[r] ??= []).push(cell(row, column));
      });
      return rows;
    };
    const host = this.context.host;
    switch (name) {
      case 'address':
        return sheetAddress(target.sheet, target.bounds);
      case 'rowIndex':
        return target.bounds.top - 1;
      case 'columnIndex':
        return target.bounds.left - 1;
      case 'rowCount':
        return target.bounds.bottom - target.bounds.top + 1;
      case 'columnCount':
        return target.bounds.right - target.bounds.left + 1;
      case 'columnHidden': {
        let hidden = 0;
        for (let column = target.bounds.left; column <= target.bounds.right; column++)
          if (target.sheet.hiddenColumns.has(column)) hidden++;
        return hidden === 0 ? false : hidden === target.bounds.right - target.bounds.left + 1 ? true : null;
      }
      case 'values':
        return grid((row, column) => host.cellValue(target.sheet, row, column));
      case 'formulas':
        return grid(
          (row, column) => getCell(target.sheet, row, column)?.formula ?? host.cellValue(target.sheet, row, column),
        );
      case 'numberFormat':
        return grid((row, column) => getCell(target.sheet, row, column)?.format.numberFormat ?? 'General');
      default:
        throw unknownProperty('Range', name);
    }
  }

  protected override scalarNames(): string[] {
    return ['address', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat'];
  }
}

/** A range proxy of an address on a worksheet proxy's sheet. */
export function rangeOn(context: FakeContext, sheet: () => FakeSheet, address: string): FakeRange {
  context.addPath(address);
  return new FakeRange(context, () => {
    let bounds: RangeBounds;
    try {
      // A whole-column address ("Q:Q", "B:D") spans every row.
      const columns = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address.trim());
      if (columns) {
        const [first, last] = [columnNumber(columns[1]), columnNumber(columns[2])];
        bounds = { top: 1, left: Math.min(first, last), bottom: MAX_ROW, right: Math.max(first, last) };
      } else bounds = parseRange(address);
    } catch {
      throw new FakeOfficeError(
        'InvalidArgument',
        `The argument is invalid or missing or has an incorrect format (${address}).`,
      );
    }
    return { sheet: sheet(), bounds };
  });
}
