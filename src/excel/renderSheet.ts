/**
 * Queues the rendering of a SheetSpec onto a worksheet proxy. Nothing here syncs: the caller
 * queues every sheet of a batch and syncs once.
 */
import { columnLetters } from '../core/address';
import type { ChartSpec, PageSetup, SheetSpec } from '../core/sheetSpec';
import { inputBlocks } from './cellInput';
import type { RangeLike, WorksheetLike } from './excelApi';
import { planFormats, type RangeOperation } from './formatPlan';
import {
  BORDER_LINE,
  CHART_TYPE,
  columnWidthPoints,
  HORIZONTAL,
  listSource,
  pageZoom,
  POINTS_PER_INCH,
  PROTECTION_OPTIONS,
  titleRows,
  VERTICAL,
  VISIBILITY,
} from './specMapping';

/** What the host supports, decided once per batch by feature detection. */
export interface HostFeatures {
  /** ExcelApi 1.7: tab colour, freeze panes, chart series editing. */
  api17: boolean;
  /** ExcelApi 1.8: data validation, gridlines. */
  api18: boolean;
  /** ExcelApi 1.9: page layout, page breaks, shrink to fit. */
  api19: boolean;
}

/** The batch-wide facts the rendering needs. */
export interface RenderEnvironment {
  features: HostFeatures;
  /** Maximum digit width of the workbook's default font, in pixels (see specMapping). */
  maxDigitWidth: number;
  /** Records something skipped on an older host (Japanese, for the user). */
  warn(message: string): void;
}

/** Groups consecutive equal numbers: [[first, last, value], …] (1-based indexes). */
function runs(values: readonly (number | undefined)[]): [number, number, number][] {
  const result: [number, number, number][] = [];
  values.forEach((value, i) => {
    if (value === undefined) return;
    const last = result[result.length - 1];
    if (last && last[1] === i && last[2] === value) last[1] = i + 1;
    else result.push([i + 1, i + 1, value]);
  });
  return result;
}

/** Queues one range operation of a format plan: its plain properties, then its border items. */
function applyOperation(range: RangeLike, operation: RangeOperation, env: RenderEnvironment): void {
  const { style, bounds } = operation;
  const format = range.format;
  if (style.fontName !== undefined) format.font.name = style.fontName;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.shrinkToFit !== undefined) {
    if (env.features.api19) format.shrinkToFit = style.shrinkToFit;
    else env.warn('この Excel では「縮小して全体を表示」を設定できないため、省略しました。');
  }
  if (style.numberFormat !== undefined) {
    // Office.js takes a 2-D array of the range's size.
    const row = new Array<string>(bounds.right - bounds.left + 1).fill(style.numberFormat);
    range.numberFormat = Array.from({ length: bounds.bottom - bounds.top + 1 }, () => row);
  }
  if (style.locked !== undefined) format.protection.locked = style.locked;
  for (const [index, name] of operation.borders) {
    const line = BORDER_LINE[name];
    const border = format.borders.getItem(index);
    border.style = line.style;
    // Continuous lines default to thin: setting the weight only when it differs halves the actions.
    if (line.weight !== 'Thin') border.weight = line.weight;
  }
}

function renderChart(sheet: WorksheetLike, chart: ChartSpec, env: RenderEnvironment): void {
  const [first, ...rest] = chart.series;
  const added = sheet.charts.add(CHART_TYPE[chart.type], sheet.getRange(first.values), 'Columns');
  added.name = chart.name;
  added.title.text = chart.title;
  added.setPosition(chart.from, chart.to);
  if (chart.minimum !== undefined) added.axes.valueAxis.minimum = chart.minimum;
  if (chart.maximum !== undefined) added.axes.valueAxis.maximum = chart.maximum;
  const series = added.series.getItemAt(0);
  series.name = first.name;
  if (!env.features.api17) {
    env.warn(`この Excel ではグラフ「${chart.name}」の項目名と 2 つ目以降の系列を設定できないため、省略しました。`);
    return;
  }
  series.setXAxisValues(sheet.getRange(chart.categories));
  for (const more of rest) {
    const next = added.series.add(more.name);
    next.setValues(sheet.getRange(more.values));
    next.setXAxisValues(sheet.getRange(chart.categories));
  }
}

/**
 * Queues print settings (ExcelApi 1.9; the caller checks support).
 * @param sheet - the worksheet proxy
 * @param page - the print settings
 */
export function renderPage(sheet: WorksheetLike, page: PageSetup): void {
  const layout = sheet.pageLayout;
  layout.paperSize = 'A4';
  layout.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.zoom = pageZoom(page);
  if (page.printArea) layout.setPrintArea(page.printArea);
  if (page.printTitleRows) layout.setPrintTitleRows(titleRows(page.printTitleRows));
  if (page.margins) {
    layout.topMargin = page.margins.top * POINTS_PER_INCH;
    layout.bottomMargin = page.margins.bottom * POINTS_PER_INCH;
    layout.leftMargin = page.margins.left * POINTS_PER_INCH;
    layout.rightMargin = page.margins.right * POINTS_PER_INCH;
    layout.headerMargin = page.margins.header * POINTS_PER_INCH;
    layout.footerMargin = page.margins.footer * POINTS_PER_INCH;
  }
  if (page.centerHorizontally !== undefined) layout.centerHorizontally = page.centerHorizontally;
  const headers = layout.headersFooters.defaultForAllPages;
  if (page.headerCenter !== undefined) headers.centerHeader = page.headerCenter;
  if (page.headerRight !== undefined) headers.rightHeader = page.headerRight;
  if (page.footerCenter !== undefined) headers.centerFooter = page.footerCenter;
  // A SheetSpec break "after row n" is Excel's break before row n + 1.
  for (const row of page.rowBreaks ?? []) sheet.horizontalPageBreaks.add(`A${row + 1}`);
}

/**
 * Queues everything of a sheet spec on a freshly added worksheet: sizes, hidden columns, merges,
 * values, formats (the final state of the spec's formats in few ranges, see ./formatPlan), validations,
 * view, charts, print settings, then visibility and protection last (a protected sheet refuses
 * further formatting).
 * @param sheet - the new worksheet's proxy
 * @param spec - what to draw
 * @param env - host features and measurements
 */
export function renderSheet(sheet: WorksheetLike, spec: SheetSpec, env: RenderEnvironment): void {
  const { features } = env;
  if (spec.tabColor) {
    if (features.api17) sheet.tabColor = spec.tabColor;
    else env.warn(`この Excel ではシート「${spec.name}」の見出しの色を設定できないため、省略しました。`);
  }
  if (spec.showGridLines === false) {
    if (features.api18) sheet.showGridlines = false;
    else env.warn(`この Excel ではシート「${spec.name}」の枠線を非表示にできないため、省略しました。`);
  }
  for (const [first, last, chars] of runs(spec.columnWidths)) {
    sheet.getRange(`${columnLetters(first)}1:${columnLetters(last)}1`).format.columnWidth = columnWidthPoints(
      chars,
      env.maxDigitWidth,
    );
  }
  // After the widths: whole columns ("Q:Q"), one range per run of neighbouring columns.
  const hidden: (number | undefined)[] = [];
  for (const column of spec.hiddenColumns ?? []) hidden[column - 1] = 1;
  for (const [first, last] of runs(hidden))
    sheet.getRange(`${columnLetters(first)}:${columnLetters(last)}`).columnHidden = true;
  const heights: (number | undefined)[] = [];
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) heights[Number(row) - 1] = height;
  for (const [first, last, points] of runs(heights)) sheet.getRange(`A${first}:A${last}`).format.rowHeight = points;
  // Merges before values and formats: Excel drops the fill and borders of cells merged after
  // being formatted (office-js #6405), and keeps a merged area's top-left value either way.
  const plan = planFormats(spec);
  for (const merge of plan.merges) sheet.getRange(merge.address).merge(merge.across);
  for (const block of inputBlocks(spec.cells)) sheet.getRange(block.address).formulas = block.grid;
  for (const operation of plan.ranges) applyOperation(sheet.getRange(operation.address), operation, env);
  if (spec.validations?.length) {
    if (!features.api18)
      env.warn(`この Excel ではシート「${spec.name}」の入力規則（リスト）を設定できないため、省略しました。`);
    else {
      for (const validation of spec.validations) {
        const validationRange = sheet.getRange(validation.address).dataValidation;
        validationRange.rule = { list: { inCellDropDown: true, source: listSource(validation.list) ?? '' } };
        if (validation.errorMessage)
          validationRange.errorAlert = {
            showAlert: true,
            style: 'Stop',
            title: '入力エラー',
            message: validation.errorMessage,
          };
        if (validation.prompt) validationRange.prompt = { showPrompt: true, title: '入力', message: validation.prompt };
      }
    }
  }
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    const { rows, columns } = spec.freeze;
    if (!features.api17)
      env.warn(`この Excel ではシート「${spec.name}」のウィンドウ枠を固定できないため、省略しました。`);
    else if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(`A1:${columnLetters(columns)}${rows}`);
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else sheet.freezePanes.freezeColumns(columns);
  }
  for (const chart of spec.charts ?? []) renderChart(sheet, chart, env);
  if (spec.page) {
    if (features.api19) renderPage(sheet, spec.page);
    else env.warn(`この Excel ではシート「${spec.name}」の印刷設定を変更できないため、省略しました。`);
  }
  if (spec.visibility && spec.visibility !== 'visible') sheet.visibility = VISIBILITY[spec.visibility];
  if (spec.protect) sheet.protection.protect(PROTECTION_OPTIONS);
}
