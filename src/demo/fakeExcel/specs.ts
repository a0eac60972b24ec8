/**
 * The fake workbook as data: a snapshot for the demo and tests, export to SheetSpec[] (so demo
 * mode can save an .xlsx through the ExcelJS port), and import from SheetSpec[] (seeding).
 *
 * Export is lossy where SheetSpec cannot say what Excel holds: a cell border counts only when all
 * four edges of the cell carry the same line (partial edges, as an outline leaves on inner cells,
 * are dropped); alignments other than left/center/right and top/middle/bottom are dropped.
 */
import type { RangeBounds } from '../../core/address';
import { cellAddress, parseRange, rangeAddress } from '../../core/address';
import type {
  CellStyle,
  CellWrite,
  ChartSpec,
  ListValidation,
  PageSetup,
  RangeFormat,
  SheetSpec,
} from '../../core/sheetSpec';
import type { CellOutput } from '../../excel/excelApi';
import {
  BORDER_LINE,
  borderStyleOf,
  CHART_TYPE,
  columnWidthChars,
  columnWidthPoints,
  HORIZONTAL,
  listSource,
  maxDigitWidthOf,
  pageZoom,
  POINTS_PER_INCH,
  PROTECTION_OPTIONS,
  titleRows,
  VERTICAL,
  VISIBILITY,
} from '../../excel/specMapping';
import type { FakeExcel } from './FakeExcel';
import type { FakeCellFormat, FakeChart, FakePageLayout, FakeSheet, FakeValidation } from './model';
import { ensureCell, forEachCell, newPageLayout, newSheet, STANDARD_WIDTH_CHARS, STANDARD_WIDTH_POINTS } from './model';

export interface FakeCellSnapshot {
  address: string;
  value: CellOutput;
  formula?: string;
  format: FakeCellFormat;
}

export interface FakeSheetSnapshot {
  id: string;
  name: string;
  visibility: string;
  tabColor: string;
  showGridlines: boolean;
  /** Points by 1-based column. */
  columnWidths: Record<number, number>;
  /** Hidden columns by 1-based number, ascending. */
  hiddenColumns: number[];
  rowHeights: Record<number, number>;
  cells: FakeCellSnapshot[];
  merges: string[];
  validations: (Omit<FakeValidation, 'bounds'> & { address: string })[];
  protection: { protected: boolean; options: Excel.WorksheetProtectionOptions };
  freeze: { rows: number; columns: number };
  page: FakePageLayout;
  charts: FakeChart[];
}

export interface FakeWorkbookSnapshot {
  sheets: FakeSheetSnapshot[];
  activeSheet: string;
  selection: string;
}

/** The fake's MDW: Calibri 11, as the fake's standard width says. */
const FAKE_MDW = maxDigitWidthOf(STANDARD_WIDTH_CHARS, STANDARD_WIDTH_POINTS);

function copy<V>(value: V): V {
  return JSON.parse(JSON.stringify(value)) as V;
}

function sortedCells(sheet: FakeSheet): { row: number; column: number; key: string }[] {
  return [...sheet.cells.keys()]
    .map((key) => {
      const [row, column] = key.split(',').map(Number);
      return { row, column, key };
    })
    .sort((a, b) => a.row - b.row || a.column - b.column);
}

export function snapshotOf(fake: FakeExcel): FakeWorkbookSnapshot {
  const sheets = fake.state.sheets.map((sheet): FakeSheetSnapshot => ({
    id: sheet.id,
    name: sheet.name,
    visibility: sheet.visibility,
    tabColor: sheet.tabColor,
    showGridlines: sheet.showGridlines,
    columnWidths: Object.fromEntries(sheet.columnWidths),
    hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
    rowHeights: Object.fromEntries(sheet.rowHeights),
    cells: sortedCells(sheet).map(({ row, column, key }) => {
      const cell = sheet.cells.get(key)!; // key comes from the map itself
      return {
        address: cellAddress(row, column),
        value: fake.cellValue(sheet, row, column),
        formula: cell.formula,
        format: copy(cell.format),
      };
    }),
    merges: sheet.merges.map(rangeAddress),
    validations: sheet.validations.map(({ bounds, ...rest }) => ({ address: rangeAddress(bounds), ...copy(rest) })),
    protection: copy(sheet.protection),
    freeze: { ...sheet.freeze },
    page: copy(sheet.page),
    charts: copy(sheet.charts),
  }));
  const active = fake.state.sheets.find((sheet) => sheet.id === fake.state.activeSheetId);
  return { sheets, activeSheet: active?.name ?? '', selection: fake.state.selection };
}

function styleOf(format: FakeCellFormat): CellStyle {
  const style: CellStyle = {};
  if (format.fontName !== undefined) style.fontName = format.fontName;
  if (format.fontSize !== undefined) style.fontSize = format.fontSize;
  if (format.bold !== undefined) style.bold = format.bold;
  if (format.fontColor !== undefined) style.fontColor = format.fontColor;
  if (format.fill !== undefined) style.fill = format.fill;
  const horizontal = (Object.keys(HORIZONTAL) as (keyof typeof HORIZONTAL)[]).find(
    (key) => HORIZONTAL[key] === format.horizontal,
  );
  if (horizontal) style.horizontal = horizontal;
  const vertical = (Object.keys(VERTICAL) as (keyof typeof VERTICAL)[]).find(
    (key) => VERTICAL[key] === format.vertical,
  );
  if (vertical) style.vertical = vertical;
  if (format.wrap !== undefined) style.wrap = format.wrap;
  if (format.shrinkToFit !== undefined) style.shrinkToFit = format.shrinkToFit;
  if (format.numberFormat !== undefined) style.numberFormat = format.numberFormat;
  if (format.locked !== undefined) style.locked = format.locked;
  const edges = [format.top, format.bottom, format.left, format.right];
  if (edges.every((edge) => edge && edge.style === edges[0]?.style && edge.weight === edges[0]?.weight)) {
    const border = borderStyleOf(edges[0]!); // every() above proved all four edges exist
    if (border) style.border = border;
  }
  return style;
}

function pageOf(page: FakePageLayout): PageSetup | undefined {
  if (JSON.stringify(page) === JSON.stringify(newPageLayout())) return undefined;
  const setup: PageSetup = {
    paperSize: 'A4',
    orientation: page.orientation === 'Landscape' ? 'landscape' : 'portrait',
  };
  if (page.zoom.horizontalFitToPages !== undefined || page.zoom.verticalFitToPages !== undefined) {
    setup.fitToWidth = page.zoom.horizontalFitToPages ?? 0;
    setup.fitToHeight = page.zoom.verticalFitToPages ?? 0;
  } else if (page.zoom.scale !== undefined) setup.scale = page.zoom.scale;
  if (page.printArea) setup.printArea = page.printArea;
  if (page.printTitleRows) setup.printTitleRows = page.printTitleRows.replace(/\$/g, '');
  if (page.rowBreaks.length) setup.rowBreaks = page.rowBreaks.map((row) => row - 1);
  const inches = (points: number) => Math.round((points / POINTS_PER_INCH) * 1000) / 1000;
  setup.margins = {
    top: inches(page.topMargin),
    bottom: inches(page.bottomMargin),
    left: inches(page.leftMargin),
    right: inches(page.rightMargin),
    header: inches(page.headerMargin),
    footer: inches(page.footerMargin),
  };
  if (page.centerHorizontally) setup.centerHorizontally = true;
  if (page.centerHeader) setup.headerCenter = page.centerHeader;
  if (page.rightHeader) setup.headerRight = page.rightHeader;
  if (page.centerFooter) setup.footerCenter = page.centerFooter;
  return setup;
}

function localAddress(address: string | undefined): string {
  return (address ?? '').replace(/^.*!/, '');
}

function chartOf(chart: FakeChart): ChartSpec | undefined {
  const type = (Object.keys(CHART_TYPE) as ChartSpec['type'][]).find((key) => CHART_TYPE[key] === chart.type);
  if (!type || !chart.from || !chart.to) return undefined;
  const spec: ChartSpec = {
    name: chart.name,
    type,
    title: chart.title,
    categories: localAddress(chart.series[0]?.categories),
    series: chart.series.map((series) => ({ name: series.name, values: localAddress(series.values) })),
    from: chart.from,
    to: chart.to,
  };
  if (chart.minimum !== undefined) spec.minimum = chart.minimum;
  if (chart.maximum !== undefined) spec.maximum = chart.maximum;
  return spec;
}

export function specsOf(fake: FakeExcel): SheetSpec[] {
  return fake.state.sheets.map((sheet): SheetSpec => {
    const lastColumn = Math.max(0, ...sheet.columnWidths.keys());
    const columnWidths = Array.from({ length: lastColumn }, (_, i) => {
      const points = sheet.columnWidths.get(i + 1);
      return points === undefined ? STANDARD_WIDTH_CHARS : columnWidthChars(points, FAKE_MDW);
    });
    const cells: CellWrite[] = [];
    const formats: RangeFormat[] = [];
    for (const { row, column, key } of sortedCells(sheet)) {
      const cell = sheet.cells.get(key)!; // key comes from the map itself
      const address = cellAddress(row, column);
      const value = fake.cellValue(sheet, row, column);
      if (cell.formula) cells.push({ address, formula: cell.formula.slice(1), value: value === '' ? null : value });
      else if (value !== '') cells.push({ address, value });
      const style = styleOf(cell.format);
      if (Object.keys(style).length > 0) formats.push({ address, style });
    }
    for (const merge of sheet.merges) formats.push({ address: rangeAddress(merge), merge: true });
    const validations: ListValidation[] = sheet.validations
      .filter((validation) => typeof validation.rule?.list?.source === 'string')
      .map((validation) => {
        const entry: ListValidation = {
          address: rangeAddress(validation.bounds),
          list: String(validation.rule?.list?.source).split(','),
        };
        if (validation.errorAlert?.message) entry.errorMessage = validation.errorAlert.message;
        if (validation.prompt?.message) entry.prompt = validation.prompt.message;
        return entry;
      });
    const spec: SheetSpec = { name: sheet.name, columnWidths, cells, formats };
    const visibility = (Object.keys(VISIBILITY) as (keyof typeof VISIBILITY)[]).find(
      (key) => VISIBILITY[key] === sheet.visibility,
    );
    if (visibility && visibility !== 'visible') spec.visibility = visibility;
    if (sheet.tabColor) spec.tabColor = sheet.tabColor;
    if (sheet.hiddenColumns.size) spec.hiddenColumns = [...sheet.hiddenColumns].sort((a, b) => a - b);
    if (sheet.rowHeights.size) spec.rowHeights = Object.fromEntries(sheet.rowHeights);
    if (validations.length) spec.validations = validations;
    const page = pageOf(sheet.page);
    if (page) spec.page = page;
    if (sheet.freeze.rows || sheet.freeze.columns) spec.freeze = { ...sheet.freeze };
    const charts = sheet.charts.map(chartOf).filter((chart): chart is ChartSpec => chart !== undefined);
    if (charts.length) spec.charts = charts;
    if (sheet.protection.protected) spec.protect = true;
    if (!sheet.showGridlines) spec.showGridLines = false;
    return spec;
  });
}

function applyStyle(sheet: FakeSheet, bounds: RangeBounds, style: CellStyle): void {
  forEachCell(bounds, (row, column) => {
    const format = ensureCell(sheet, row, column).format;
    if (style.fontName !== undefined) format.fontName = style.fontName;
    if (style.fontSize !== undefined) format.fontSize = style.fontSize;
    if (style.bold !== undefined) format.bold = style.bold;
    if (style.fontColor !== undefined) format.fontColor = style.fontColor.toUpperCase();
    if (style.fill !== undefined) format.fill = style.fill.toUpperCase();
    if (style.horizontal) format.horizontal = HORIZONTAL[style.horizontal];
    if (style.vertical) format.vertical = VERTICAL[style.vertical];
    if (style.wrap !== undefined) format.wrap = style.wrap;
    if (style.shrinkToFit !== undefined) format.shrinkToFit = style.shrinkToFit;
    if (style.numberFormat !== undefined) format.numberFormat = style.numberFormat;
    if (style.locked !== undefined) format.locked = style.locked;
    if (style.border) {
      const line = { ...BORDER_LINE[style.border], color: '#000000' };
      Object.assign(format, { top: line, bottom: line, left: line, right: line });
    }
  });
  if (style.outline) {
    const line = { ...BORDER_LINE[style.outline], color: '#000000' };
    forEachCell(bounds, (row, column) => {
      const format = ensureCell(sheet, row, column).format;
      if (row === bounds.top) format.top = line;
      if (row === bounds.bottom) format.bottom = line;
      if (column === bounds.left) format.left = line;
      if (column === bounds.right) format.right = line;
    });
  }
}

/** Seeds the fake directly (no API calls): formula cells keep the spec's value as cached value. */
export function loadSpecs(fake: FakeExcel, specs: readonly SheetSpec[]): void {
  const state = fake.state;
  state.sheets = [];
  fake.passwords.clear();
  for (const spec of specs) {
    const sheet = newSheet(state, spec.name);
    state.sheets.push(sheet);
    sheet.visibility = VISIBILITY[spec.visibility ?? 'visible'];
    sheet.tabColor = spec.tabColor?.toUpperCase() ?? '';
    sheet.showGridlines = spec.showGridLines ?? true;
    spec.columnWidths.forEach((chars, i) => sheet.columnWidths.set(i + 1, columnWidthPoints(chars, FAKE_MDW)));
    for (const column of spec.hiddenColumns ?? []) sheet.hiddenColumns.add(column);
    for (const [row, height] of Object.entries(spec.rowHeights ?? {})) sheet.rowHeights.set(Number(row), height);
    for (const write of spec.cells) {
      const { top, left } = parseRange(write.address);
      const cell = ensureCell(sheet, top, left);
      cell.value = write.value ?? '';
      cell.formula = write.formula !== undefined ? `=${write.formula}` : undefined;
    }
    for (const format of spec.formats) {
      const bounds = parseRange(format.address);
      if (format.style) applyStyle(sheet, bounds, format.style);
      if (format.merge) sheet.merges.push(bounds);
    }
    for (const validation of spec.validations ?? []) {
      sheet.validations.push({
        bounds: parseRange(validation.address),
        rule: { list: { inCellDropDown: true, source: listSource(validation.list) ?? validation.list.join(',') } },
        errorAlert: validation.errorMessage
          ? { showAlert: true, style: 'Stop', title: '入力エラー', message: validation.errorMessage }
          : undefined,
        prompt: validation.prompt ? { showPrompt: true, title: '入力', message: validation.prompt } : undefined,
      });
    }
    if (spec.page) {
      const page = spec.page;
      Object.assign(sheet.page, {
        orientation: page.orientation === 'landscape' ? 'Landscape' : 'Portrait',
        paperSize: 'A4',
        zoom: pageZoom(page),
        printArea: page.printArea,
        printTitleRows: page.printTitleRows ? titleRows(page.printTitleRows) : undefined,
        rowBreaks: (page.rowBreaks ?? []).map((row) => row + 1),
        centerHorizontally: page.centerHorizontally ?? false,
        centerHeader: page.headerCenter ?? '',
        rightHeader: page.headerRight ?? '',
        centerFooter: page.footerCenter ?? '',
      });
      if (page.margins) {
        const m = page.margins;
        Object.assign(sheet.page, {
          topMargin: m.top * POINTS_PER_INCH,
          bottomMargin: m.bottom * POINTS_PER_INCH,
          leftMargin: m.left * POINTS_PER_INCH,
          rightMargin: m.right * POINTS_PER_INCH,
          headerMargin: m.header * POINTS_PER_INCH,
          footerMargin: m.footer * POINTS_PER_INCH,
        });
      }
    }
    if (spec.freeze) sheet.freeze = { ...spec.freeze };
    for (const chart of spec.charts ?? []) {
      const at = (address: string) => `${sheet.name}!${address}`;
      sheet.charts.push({
        name: chart.name,
        type: CHART_TYPE[chart.type],
        title: chart.title,
        series: chart.series.map((series) => ({
          name: series.name,
          values: at(series.values),
          categories: at(chart.categories),
        })),
        from: chart.from,
        to: chart.to,
        minimum: chart.minimum,
        maximum: chart.maximum,
      });
    }
    if (spec.protect) sheet.protection = { protected: true, options: { ...PROTECTION_OPTIONS } };
  }
  state.activeSheetId = state.sheets.find((sheet) => sheet.visibility === 'Visible')?.id ?? '';
  state.selection = 'A1';
}
