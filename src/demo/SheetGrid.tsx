/**
 * A read-only view of one sheet of the fake workbook: values as Excel would show them (formulas
 * evaluated by the fake), merged cells, bold and fills, the selected cell outlined. Enough to
 * watch 合計/総合評価 and the summary tabs fill in; not a spreadsheet. Hidden columns (the layout
 * marker's) are not drawn, as in Excel.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { cellAddress, columnLetters, parseRange, type RangeBounds } from '../core/address';
import type { FakeExcel } from './fakeExcel';

/** Rows and columns drawn at most (the progress sheet has about 90 rows and 17 columns). */
export const MAX_ROWS = 300;
export const MAX_COLUMNS = 30;

const POINTS_TO_PIXELS = 4 / 3;

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
    fontSize: '12px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    position: 'sticky',
    top: 0,
    zIndex: 1,
    padding: '0 2px',
  },
  rowHeader: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    position: 'sticky',
    left: 0,
    textAlign: 'right',
    padding: '0 4px',
    width: '36px',
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: '0 2px',
    overflow: 'hidden',
    whiteSpace: 'pre-wrap',
    verticalAlign: 'middle',
    cursor: 'cell',
    maxHeight: '60px',
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
});

/** What to print for a value. */
/** The cell's text as Excel shows it, for the number formats the product writes (0, 0.0, 0.0%). */
function shown(value: unknown, numberFormat?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && numberFormat) {
    const percent = /^0(?:\.(0+))?%$/.exec(numberFormat);
    if (percent) return `${(value * 100).toFixed(percent[1]?.length ?? 0)}%`;
    const fixed = /^0(?:\.(0+))?$/.exec(numberFormat);
    if (fixed) return value.toFixed(fixed[1]?.length ?? 0);
  }
  return String(value);
}

export interface SheetGridProps {
  fake: FakeExcel;
  sheetName: string;
  selection: string;
  onSelect: (address: string) => void;
}

export function SheetGrid({ fake, sheetName, selection, onSelect }: SheetGridProps) {
  const styles = useStyles();
  const sheet = fake.state.sheets.find((item) => item.name === sheetName);
  if (!sheet) return null;
  let lastRow = 1;
  let lastColumn = 1;
  for (const key of sheet.cells.keys()) {
    const [row, column] = key.split(',').map(Number);
    lastRow = Math.max(lastRow, row);
    lastColumn = Math.max(lastColumn, column);
  }
  for (const merge of sheet.merges) {
    lastRow = Math.max(lastRow, merge.bottom);
    lastColumn = Math.max(lastColumn, merge.right);
  }
  lastRow = Math.min(lastRow, MAX_ROWS);
  lastColumn = Math.min(lastColumn, MAX_COLUMNS);
  let selected: RangeBounds | null = null;
  try {
    selected = parseRange(selection);
  } catch {
    selected = null;
  }

  const columns = Array.from({ length: lastColumn }, (_, index) => index + 1).filter(
    (column) => !sheet.hiddenColumns.has(column),
  );

  // Merged areas: the first visible cell of the top row spans the visible columns and shows the
  // top-left cell; the others are not drawn.
  const spans = new Map<string, { rows: number; columns: number; row: number; column: number }>();
  const covered = new Set<string>();
  for (const merge of sheet.merges) {
    const visible = columns.filter((column) => column >= merge.left && column <= merge.right);
    const shownAt = visible[0];
    if (shownAt !== undefined)
      spans.set(`${merge.top},${shownAt}`, {
        rows: merge.bottom - merge.top + 1,
        columns: visible.length,
        row: merge.top,
        column: merge.left,
      });
    for (let row = merge.top; row <= merge.bottom; row++)
      for (let column = merge.left; column <= merge.right; column++)
        if (row !== merge.top || column !== shownAt) covered.add(`${row},${column}`);
  }

  const rows = Array.from({ length: lastRow }, (_, index) => index + 1);
  const width = (column: number) => Math.round(Math.min(sheet.columnWidths.get(column) ?? 48, 300) * POINTS_TO_PIXELS);
  return (
    <table className={styles.table} data-testid="sheet-grid" data-sheet={sheetName}>
      <colgroup>
        <col style={{ width: '36px' }} />
        {columns.map((column) => (
          <col key={column} style={{ width: `${width(column)}px` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className={styles.header} />
          {columns.map((column) => (
            <th key={column} className={styles.header} scope="col">
              {columnLetters(column)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row} style={{ height: `${Math.round((sheet.rowHeights.get(row) ?? 15) * POINTS_TO_PIXELS)}px` }}>
            <th className={styles.rowHeader} scope="row">
              {row}
            </th>
            {columns.map((column) => {
              const key = `${row},${column}`;
              if (covered.has(key)) return null;
              const span = spans.get(key);
              // A merged area whose first columns are hidden still shows its top-left cell.
              const [cellRow, cellColumn] = span ? [span.row, span.column] : [row, column];
              const cell = sheet.cells.get(`${cellRow},${cellColumn}`);
              const address = cellAddress(cellRow, cellColumn);
              const isSelected = selected !== null && cellRow === selected.top && cellColumn === selected.left;
              const format = cell?.format ?? {};
              return (
                <td
                  key={column}
                  rowSpan={span?.rows}
                  colSpan={span?.columns}
                  data-address={address}
                  className={isSelected ? `${styles.cell} ${styles.selected}` : styles.cell}
                  style={{
                    fontWeight: format.bold ? 600 : undefined,
                    backgroundColor: format.fill ? `#${format.fill.replace(/^#/, '')}` : undefined,
                    color: format.fontColor ? `#${format.fontColor.replace(/^#/, '')}` : undefined,
                    textAlign:
                      format.horizontal === 'Center' ? 'center' : format.horizontal === 'Right' ? 'right' : undefined,
                  }}
                  onClick={() => onSelect(address)}
                >
                  {cell ? shown(fake.cellValue(sheet, cellRow, cellColumn), format.numberFormat) : ''}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
