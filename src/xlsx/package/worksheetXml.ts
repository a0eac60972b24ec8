/**
 * A SheetSpec written as a worksheet part, directly (no object model): view, columns, rows with
 * their cells and formats, protection, merges, list validations, print settings and the drawing
 * link of its charts, in the element order CT_Worksheet requires. Text goes in as inline strings,
 * so writing a sheet touches no other part than the stylesheet.
 */
import { cellAddress, columnLetters, parseCell, parseRange, rangeAddress } from '../../core/address';
import type { CellValue, CellWrite, PageSetup, SheetSpec } from '../../core/sheetSpec';
import { hiddenColumnList, listFormula } from '../../core/validateSheetSpecs';
import { resolveFormatsByCell } from '../../workbook/cellFormats';
import { MergeIndex } from '../../workbook/mergeIndex';
import { escapeXml, MAIN_NS, R_NS, XML_DECLARATION } from '../xml';
import type { StyleSheet } from './StyleSheet';

/** Excel's paper size code of A4. */
export const A4 = 9;
/** The last column index (0-based) a row break spans, as Excel writes it. */
const LAST_COLUMN_INDEX = 16383;
/** Margins Excel gives a new sheet (inches). */
export const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/**
 * Text for a cell or attribute of a part: XML escapes, and the _xHHHH_ escape of OOXML for
 * characters XML cannot hold (and for a literal "_xHHHH_", so that it reads back as typed).
 * @param text - the text as typed
 * @returns the markup
 */
export function encodeOoxmlText(text: string): string {
  return escapeXml(
    text.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_').replace(
      // eslint-disable-next-line no-control-regex -- control characters are exactly what this escapes
      /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g,
      (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    ),
  );
}

/**
 * The markup inside <c> for a value or a formula with its cached value, and the cell's type.
 * @param write - the cell write (value, or formula text without "=" and its value)
 * @param strings - the shared strings to put text in, or undefined for inline strings
 * @returns the t attribute (or "") and the children
 */
export function cellContent(write: CellWrite, strings?: SharedStrings): { type: string; children: string } {
  const value: CellValue = write.value === undefined || write.value === '' ? null : write.value;
  const cached = (item: CellValue): { type: string; children: string } => {
    if (item === null) return { type: '', children: '' };
    if (typeof item === 'number') return { type: '', children: `<v>${Object.is(item, -0) ? 0 : item}</v>` };
    if (typeof item === 'boolean') return { type: ' t="b"', children: `<v>${item ? 1 : 0}</v>` };
    return { type: ' t="str"', children: `<v>${encodeOoxmlText(item)}</v>` };
  };
  if (write.formula) {
    const result = cached(value);
    return { type: result.type, children: `<f>${encodeOoxmlText(write.formula)}</f>${result.children}` };
  }
  if (typeof value === 'string' && strings) return { type: ' t="s"', children: `<v>${strings.indexOf(value)}</v>` };
  if (typeof value === 'string')
    return { type: ' t="inlineStr"', children: `<is><t xml:space="preserve">${encodeOoxmlText(value)}</t></is>` };
  return cached(value);
}

function number(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/** The page elements of a sheet: printOptions, pageMargins, pageSetup, headerFooter, rowBreaks. */
export function pageElements(page: PageSetup | undefined): {
  printOptions: string;
  pageMargins: string;
  pageSetup: string;
  headerFooter: string;
  rowBreaks: string;
} {
  const margins = page?.margins ?? DEFAULT_MARGINS;
  const pageMargins = `<pageMargins left="${number(margins.left)}" right="${number(margins.right)}" top="${number(margins.top)}" bottom="${number(margins.bottom)}" header="${number(margins.header)}" footer="${number(margins.footer)}"/>`;
  if (!page) return { printOptions: '', pageMargins, pageSetup: '', headerFooter: '', rowBreaks: '' };
  const fit = page.fitToWidth !== undefined || page.fitToHeight !== undefined;
  const scaling = fit
    ? ` fitToWidth="${page.fitToWidth ?? 0}" fitToHeight="${page.fitToHeight ?? 0}"`
    : page.scale !== undefined
      ? ` scale="${page.scale}"`
      : '';
  const header =
    (page.headerCenter ? `&C${page.headerCenter}` : '') + (page.headerRight ? `&R${page.headerRight}` : '');
  const footer = page.footerCenter ? `&C${page.footerCenter}` : '';
  const breaks = page.rowBreaks ?? [];
  return {
    printOptions: page.centerHorizontally ? '<printOptions horizontalCentered="1"/>' : '',
    pageMargins,
    pageSetup: `<pageSetup paperSize="${A4}"${scaling} orientation="${page.orientation}"/>`,
    headerFooter:
      header || footer
        ? `<headerFooter>${header ? `<oddHeader>${encodeOoxmlText(header)}</oddHeader>` : ''}${
            footer ? `<oddFooter>${encodeOoxmlText(footer)}</oddFooter>` : ''
          }</headerFooter>`
        : '',
    rowBreaks:
      breaks.length > 0
        ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks
            .map((row) => `<brk id="${row}" max="${LAST_COLUMN_INDEX}" man="1"/>`)
            .join('')}</rowBreaks>`
        : '',
  };
}

/**
 * The absolute print area and title rows of a page, as defined names hold them.
 * @param page - the print settings
 * @returns "$A$1:$P$46" and "$1:$3", each undefined when not set
 */
export function printNames(page: PageSetup | undefined): { printArea?: string; titleRows?: string } {
  const absolute = (row: number, column: number): string => `$${columnLetters(column)}$${row}`;
  const area = page?.printArea ? parseRange(page.printArea) : undefined;
  const titles = page?.printTitleRows?.split(':');
  return {
    printArea: area && `${absolute(area.top, area.left)}:${absolute(area.bottom, area.right)}`,
    titleRows: titles && `$${titles[0]}:$${titles[1]}`,
  };
}

/** The shared strings of a workbook being written: the index of each text, added when new. */
export interface SharedStrings {
  indexOf(text: string): number;
}

/** One cell of the sheet being written: what to write and its format. */
interface OutCell {
  write?: CellWrite;
  style: number;
}

/**
 * The worksheet part of a (validated) sheet spec.
 * @param spec - the sheet
 * @param styles - the workbook's stylesheet (formats are added to it)
 * @param options - whether its tab is the selected one, the relationship id of its drawing, the
 *   shared strings for its text (inline strings when not given)
 * @returns the part's XML
 */
export function worksheetXml(
  spec: SheetSpec,
  styles: StyleSheet,
  options: { selected?: boolean; drawingId?: string; strings?: SharedStrings } = {},
): string {
  const merges = spec.formats
    .filter((format) => format.merge)
    .map((format) => parseRange(format.address))
    .filter((bounds) => bounds.bottom > bounds.top || bounds.right > bounds.left);
  const mergeIndex = new MergeIndex(merges);
  const rows = new Map<number, Map<number, OutCell>>();
  const cellAt = (row: number, column: number): OutCell => {
    let cells = rows.get(row);
    if (!cells) rows.set(row, (cells = new Map()));
    let cell = cells.get(column);
    if (!cell) cells.set(column, (cell = { style: 0 }));
    return cell;
  };
  for (const write of spec.cells) {
    const { row, column } = parseCell(write.address);
    // Like Excel, a merged area keeps only its top-left value.
    if (!mergeIndex.hides(row, column)) cellAt(row, column).write = write;
  }
  for (const [key, style] of resolveFormatsByCell(spec.formats)) {
    cellAt(Math.floor(key / 16385), key % 16385).style = styles.xfOf(style);
  }
  for (const row of Object.keys(spec.rowHeights ?? {})) if (!rows.has(Number(row))) rows.set(Number(row), new Map());

  let maxRow = 1;
  let maxColumn = 1;
  const rowXml: string[] = [];
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const height = spec.rowHeights?.[row];
    const cells = rows.get(row) as Map<number, OutCell>;
    const cellXml: string[] = [];
    for (const column of [...cells.keys()].sort((a, b) => a - b)) {
      const cell = cells.get(column) as OutCell;
      const content = cell.write ? cellContent(cell.write, options.strings) : { type: '', children: '' };
      const style = cell.style ? ` s="${cell.style}"` : '';
      const reference = `${columnLetters(column)}${row}`;
      cellXml.push(
        content.children
          ? `<c r="${reference}"${style}${content.type}>${content.children}</c>`
          : `<c r="${reference}"${style}/>`,
      );
      maxColumn = Math.max(maxColumn, column);
    }
    maxRow = Math.max(maxRow, row);
    const heightXml = height !== undefined ? ` ht="${number(height)}" customHeight="1"` : '';
    rowXml.push(`<row r="${row}"${heightXml}>${cellXml.join('')}</row>`);
  }

  const sheetPr = [
    spec.tabColor ? `<tabColor rgb="FF${spec.tabColor.slice(1).toUpperCase()}"/>` : '',
    spec.page && (spec.page.fitToWidth !== undefined || spec.page.fitToHeight !== undefined)
      ? '<pageSetUpPr fitToPage="1"/>'
      : '',
  ].join('');
  const frozen = spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0) ? spec.freeze : undefined;
  const pane = frozen
    ? `<pane${frozen.columns > 0 ? ` xSplit="${frozen.columns}"` : ''}${frozen.rows > 0 ? ` ySplit="${frozen.rows}"` : ''} topLeftCell="${cellAddress(
        frozen.rows + 1,
        frozen.columns + 1,
      )}" activePane="${frozen.rows > 0 && frozen.columns > 0 ? 'bottomRight' : frozen.rows > 0 ? 'bottomLeft' : 'topRight'}" state="frozen"/>`
    : '';
  const view = `<sheetView${spec.showGridLines === false ? ' showGridLines="0"' : ''}${options.selected ? ' tabSelected="1"' : ''} workbookViewId="0"${pane ? `>${pane}</sheetView>` : '/>'}`;
  const hidden = new Set(hiddenColumnList(spec.name, spec.hiddenColumns));
  const columnCount = Math.max(spec.columnWidths.length, ...hidden);
  const cols: string[] = [];
  for (let column = 1; column <= columnCount; column++) {
    const width = spec.columnWidths[column - 1];
    if (width === undefined && !hidden.has(column)) continue;
    const widthXml = width === undefined ? '' : ` width="${number(width)}" customWidth="1"`;
    cols.push(`<col min="${column}" max="${column}"${widthXml}${hidden.has(column) ? ' hidden="1"' : ''}/>`);
  }
  const validations = (spec.validations ?? []).map((validation) => {
    const messages = `${validation.errorMessage ? ` error="${encodeOoxmlText(validation.errorMessage)}"` : ''}${
      validation.prompt ? ` showInputMessage="1" prompt="${encodeOoxmlText(validation.prompt)}"` : ''
    }`;
    return `<dataValidation type="list" allowBlank="1" showErrorMessage="1"${messages} sqref="${rangeAddress(
      parseRange(validation.address),
    )}"><formula1>${encodeOoxmlText(listFormula(spec.name, validation))}</formula1></dataValidation>`;
  });
  const page = pageElements(spec.page);
  return [
    `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${R_NS}">`,
    sheetPr ? `<sheetPr>${sheetPr}</sheetPr>` : '',
    `<dimension ref="${rangeAddress({ top: 1, left: 1, bottom: maxRow, right: maxColumn })}"/>`,
    `<sheetViews>${view}</sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    cols.length > 0 ? `<cols>${cols.join('')}</cols>` : '',
    rowXml.length > 0 ? `<sheetData>${rowXml.join('')}</sheetData>` : '<sheetData/>',
    spec.protect ? '<sheetProtection sheet="1" objects="1" scenarios="1"/>' : '',
    merges.length > 0
      ? `<mergeCells count="${merges.length}">${merges.map((merge) => `<mergeCell ref="${rangeAddress(merge)}"/>`).join('')}</mergeCells>`
      : '',
    validations.length > 0
      ? `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`
      : '',
    page.printOptions,
    page.pageMargins,
    page.pageSetup,
    page.headerFooter,
    page.rowBreaks,
    options.drawingId ? `<drawing r:id="${escapeXml(options.drawingId)}"/>` : '',
    '</worksheet>',
  ].join('');
}
