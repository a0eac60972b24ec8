/**
 * Print settings between the port's PageSetup and ExcelJS's pageSetup, headerFooter and rowBreaks.
 */

import type { Worksheet } from 'exceljs';
import type { PageSetup } from '../core/sheetSpec';

/** ExcelJS's paper size code of A4. */
const A4 = 9;
/** The last column index (0-based) a row break spans, as Excel writes it. */
export const LAST_COLUMN_INDEX = 16383;

/** Worksheet fields ExcelJS has but does not declare in its typings. */
export interface WorksheetInternals {
  rowBreaks: { id: number; max: number; man: number; min?: number }[];
  orderNo: number;
  /** Merged ranges keyed by their top-left cell. */
  _merges: Record<string, { range: string } | undefined>;
  sheetProtection?: { sheet?: boolean } | null;
  dataValidations: {
    model: Record<string, ExcelValidation | undefined>;
    add(address: string, validation: ExcelValidation): void;
  };
}

/** A data validation as ExcelJS keeps it. */
export interface ExcelValidation {
  type: 'list';
  allowBlank?: boolean;
  formulae: string[];
  showErrorMessage?: boolean;
  errorStyle?: string;
  error?: string;
  showInputMessage?: boolean;
  prompt?: string;
}

/**
 * The undeclared fields of an ExcelJS worksheet.
 * @param worksheet - the worksheet
 * @returns the same object, typed with them
 */
export function internals(worksheet: Worksheet): Worksheet & WorksheetInternals {
  // The fields exist at runtime (lib/doc/worksheet.js) but not in exceljs's index.d.ts.
  return worksheet as Worksheet & WorksheetInternals;
}

/**
 * Applies print settings to a worksheet, replacing the previous ones.
 * @param worksheet - the worksheet
 * @param page - the print settings
 */
export function applyPageSetup(worksheet: Worksheet, page: PageSetup): void {
  const fitToPage = page.fitToWidth !== undefined || page.fitToHeight !== undefined;
  worksheet.pageSetup = {
    ...worksheet.pageSetup,
    paperSize: A4,
    orientation: page.orientation,
    fitToPage,
    // 0 lets Excel choose the number of pages in that direction.
    fitToWidth: fitToPage ? (page.fitToWidth ?? 0) : 1,
    fitToHeight: fitToPage ? (page.fitToHeight ?? 0) : 1,
    scale: page.scale ?? 100,
    // ExcelJS writes "$" only before the column letters ("$A1:$P46"), a range LibreOffice does not
    // take as the print area; a "$" before each row number makes the name fully absolute.
    printArea: page.printArea && absoluteRows(page.printArea),
    printTitlesRow: page.printTitleRows,
    horizontalCentered: page.centerHorizontally ?? false,
    ...(page.margins && { margins: { ...page.margins } }),
    // Page numbers on Auto: a tab printed alone starts at 1, a printed book runs straight through.
    firstPageNumber: undefined,
  };
  (worksheet.pageSetup as { useFirstPageNumber?: boolean }).useFirstPageNumber = false;
  const header = section('C', page.headerCenter) + section('R', page.headerRight);
  const footer = section('C', page.footerCenter);
  worksheet.headerFooter = {
    differentFirst: false,
    differentOddEven: false,
    ...(header && { oddHeader: header }),
    ...(footer && { oddFooter: footer }),
  };
  internals(worksheet).rowBreaks = (page.rowBreaks ?? []).map((row) => ({ id: row, max: LAST_COLUMN_INDEX, man: 1 }));
}

/**
 * Makes the print area of a worksheet absolute before ExcelJS writes it. ExcelJS writes "$" only
 * before the column letters ("$A1:$P46"), which LibreOffice does not take as a print area, and it
 * reads print areas back without any "$", so sheets of an opened file need this again on save.
 * @param worksheet - the worksheet
 */
export function fixPrintArea(worksheet: Worksheet): void {
  const area = worksheet.pageSetup?.printArea;
  if (area) worksheet.pageSetup.printArea = absoluteRows(area);
}

/**
 * Keeps "first page number" on Auto unless the file set it. ExcelJS reads every sheet as starting
 * at page 1 (firstPageNumber defaults to 1) and writes useFirstPageNumber="1" whenever that is
 * set, so a file once opened and saved restarted the page numbers at 1 on every sheet.
 * @param worksheet - the worksheet
 */
export function fixPageNumbers(worksheet: Worksheet): void {
  const setup = worksheet.pageSetup as { firstPageNumber?: number; useFirstPageNumber?: boolean } | undefined;
  if (setup && !setup.useFirstPageNumber) delete setup.firstPageNumber;
}

/** "A1:P46" → "A$1:P$46" (ExcelJS adds the "$" before the columns); idempotent. */
function absoluteRows(area: string): string {
  return area.replace(/([A-Z]+)(\d+)/g, '$1$$$2');
}

/**
 * Reads print settings back (for inspection); undefined when the paper is not A4.
 * @param worksheet - the worksheet
 * @returns the print settings
 */
export function readPageSetup(worksheet: Worksheet): PageSetup | undefined {
  const setup = worksheet.pageSetup;
  if (setup.paperSize !== A4) return undefined;
  const page: PageSetup = { paperSize: 'A4', orientation: setup.orientation ?? 'portrait' };
  if (setup.fitToPage) {
    page.fitToWidth = setup.fitToWidth ?? 1;
    page.fitToHeight = setup.fitToHeight ?? 1;
  } else if (setup.scale !== undefined) {
    page.scale = setup.scale;
  }
  if (setup.printArea) page.printArea = setup.printArea.replace(/\$/g, '');
  if (setup.printTitlesRow) page.printTitleRows = setup.printTitlesRow;
  const breaks = internals(worksheet).rowBreaks ?? [];
  if (breaks.length > 0) page.rowBreaks = breaks.map((pageBreak) => Number(pageBreak.id));
  if (setup.margins) {
    const { top, bottom, left, right, header, footer } = setup.margins;
    page.margins = { top, bottom, left, right, header, footer };
  }
  if (setup.horizontalCentered) page.centerHorizontally = true;
  const header = sections(worksheet.headerFooter?.oddHeader);
  const footer = sections(worksheet.headerFooter?.oddFooter);
  if (header.C) page.headerCenter = header.C;
  if (header.R) page.headerRight = header.R;
  if (footer.C) page.footerCenter = footer.C;
  return page;
}

function section(code: 'C' | 'R', text: string | undefined): string {
  return text ? `&${code}${text}` : '';
}

/** Splits header/footer text into its &L, &C and &R sections ("&&" is a literal ampersand). */
function sections(text: string | undefined | null): Partial<Record<'L' | 'C' | 'R', string>> {
  const result: Partial<Record<'L' | 'C' | 'R', string>> = {};
  if (!text) return result;
  let current: 'L' | 'C' | 'R' = 'C';
  let buffer = '';
  const flush = (): void => {
    if (buffer) result[current] = (result[current] ?? '') + buffer;
    buffer = '';
  };
  for (let index = 0; index < text.length; index++) {
    const next = text[index + 1];
    if (text[index] === '&' && (next === 'L' || next === 'C' || next === 'R')) {
      flush();
      current = next;
      index++;
    } else if (text[index] === '&' && next === '&') {
      buffer += '&&';
      index++;
    } else {
      buffer += text[index];
    }
  }
  flush();
  return result;
}
