/**
 * Renders a SheetSpec onto a fresh ExcelJS worksheet: view, sizes, hidden columns, cells, merges,
 * formats, validations, print settings and protection. Charts are not ExcelJS's business (see
 * injectCharts).
 */

import type { Worksheet } from 'exceljs';
import { cellAddress, parseCell, parseRange } from '../core/address';
import type { CellWrite, SheetSpec } from '../core/sheetSpec';
import { WorkbookError } from '../workbook/port';
import { listFormula, mergedCellMessage, resolveCellFormats } from '../workbook/memory';
import { excelValue, isHiddenMergedCell } from './cellValues';
import { argb, toExcelStyle } from './cellStyles';
import { applyPageSetup, internals } from './pageSetup';

/**
 * Writes one cell (already checked by validateSheetSpecs or validateCellWrites), refusing the
 * hidden cells of a merged area (ExcelJS would silently write the top-left cell instead).
 * @param worksheet - the worksheet
 * @param write - the cell write
 */
export function writeCell(worksheet: Worksheet, write: CellWrite): void {
  const { row, column } = parseCell(write.address);
  const target = worksheet.getCell(row, column);
  if (isHiddenMergedCell(target)) throw new WorkbookError(mergedCellMessage(worksheet.name, write.address));
  target.value = excelValue(write);
}

/**
 * Renders a sheet spec onto a new, empty worksheet.
 * @param worksheet - the worksheet, just added
 * @param spec - the sheet
 */
export async function renderSheet(worksheet: Worksheet, spec: SheetSpec): Promise<void> {
  worksheet.state = spec.visibility ?? 'visible';
  if (spec.tabColor) worksheet.properties.tabColor = { argb: argb(spec.tabColor) };
  const showGridLines = spec.showGridLines ?? true;
  const frozen = spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0) ? spec.freeze : undefined;
  worksheet.views = [
    frozen
      ? {
          state: 'frozen',
          xSplit: frozen.columns,
          ySplit: frozen.rows,
          topLeftCell: cellAddress(frozen.rows + 1, frozen.columns + 1),
          showGridLines,
        }
      : { state: 'normal', showGridLines },
  ];
  spec.columnWidths.forEach((width, index) => {
    worksheet.getColumn(index + 1).width = width;
  });
  for (const column of spec.hiddenColumns ?? []) worksheet.getColumn(column).hidden = true;
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) worksheet.getRow(Number(row)).height = height;

  for (const write of spec.cells) writeCell(worksheet, write);
  mergeAll(worksheet, spec);
  for (const [address, style] of resolveCellFormats(spec.formats)) {
    worksheet.getCell(address).style = toExcelStyle(style);
  }
  for (const validation of spec.validations ?? []) {
    internals(worksheet).dataValidations.add(validation.address, {
      type: 'list',
      allowBlank: true,
      formulae: [listFormula(spec.name, validation)],
      showErrorMessage: true,
      errorStyle: 'stop',
      ...(validation.errorMessage && { error: validation.errorMessage }),
      ...(validation.prompt && { showInputMessage: true, prompt: validation.prompt }),
    });
  }
  if (spec.page) applyPageSetup(worksheet, spec.page);
  if (spec.protect) {
    // No password: the protection guards against slips, not against people. Users may still
    // select any cell; only unlocked ones are editable.
    await worksheet.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  }
}

/**
 * Merges the ranges of a spec. ExcelJS checks each new merge against every merge of the sheet
 * (quadratic: the 取組項目別の評価 tab has 25,000 merges at 7,000 items); validateSheetSpecs has
 * already refused overlaps in one sweep, so each merge is made against an empty list and then added
 * to the sheet's.
 * @param worksheet - the new worksheet
 * @param spec - its spec
 */
function mergeAll(worksheet: Worksheet, spec: SheetSpec): void {
  const sheet = internals(worksheet);
  const merges = sheet._merges;
  try {
    for (const format of spec.formats) {
      // Merging without style: every cell gets its own resolved format, borders included, which
      // the edges of a merged area need.
      if (!format.merge) continue;
      const bounds = parseRange(format.address);
      if (bounds.bottom === bounds.top && bounds.right === bounds.left) continue;
      sheet._merges = {};
      worksheet.mergeCellsWithoutStyle(bounds.top, bounds.left, bounds.bottom, bounds.right);
      Object.assign(merges, sheet._merges);
    }
  } finally {
    sheet._merges = merges;
  }
}
