/**
 * DrawingML for the charts of a sheet: one chart part per ChartSpec (c:chartSpace with a clustered
 * bar chart) and one drawing part per sheet anchoring them to cells. ExcelJS writes no charts, so
 * these parts are added to the zip after ExcelJS has written it (see injectCharts).
 */

import { columnLetters, parseCell, parseRange } from '../core/address';
import type { CellValue, ChartSpec } from '../core/sheetSpec';
import { escapeXml, XML_DECLARATION } from './xml';

/** The values a chart shows, cached in its part so that viewers draw it before recalculating. */
export interface ChartCache {
  categories: CellValue[];
  series: CellValue[][];
}

const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const MAIN_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

/** Axis ids only need to be unique inside one chart. */
const CATEGORY_AXIS_ID = 500000001;
const VALUE_AXIS_ID = 500000002;

/**
 * An absolute reference to a range of a sheet, as chart formulas need it: 'シート'!$B$4:$B$10.
 * @param sheet - the sheet name
 * @param address - an A1 range
 * @returns the reference
 */
export function sheetReference(sheet: string, address: string): string {
  const bounds = parseRange(address);
  const absolute = (row: number, column: number): string => `$${columnLetters(column)}$${row}`;
  const start = absolute(bounds.top, bounds.left);
  const end = absolute(bounds.bottom, bounds.right);
  return `'${sheet.replace(/'/g, "''")}'!${start === end ? start : `${start}:${end}`}`;
}

function stringCache(values: CellValue[]): string {
  const points = values
    .map((value, index) => (value === null ? '' : `<c:pt idx="${index}"><c:v>${escapeXml(String(value))}</c:v></c:pt>`))
    .join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numberCache(values: CellValue[]): string {
  const points = values
    .map((value, index) => (typeof value === 'number' ? `<c:pt idx="${index}"><c:v>${value}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function richText(text: string, size: number, bold: boolean): string {
  const run = `<a:rPr lang="ja-JP" altLang="en-US" sz="${size}" b="${bold ? 1 : 0}"/>`;
  return (
    `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r>${run}<a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich>`
  );
}

/**
 * The chart part of one chart.
 * @param chart - the chart spec (its ranges are on `sheet`)
 * @param sheet - the sheet the ranges belong to
 * @param cache - the current values of those ranges
 * @returns the XML of xl/charts/chartN.xml
 */
export function chartXml(chart: ChartSpec, sheet: string, cache: ChartCache): string {
  const horizontal = chart.type === 'clusteredBar';
  const series = chart.series
    .map(
      (entry, index) =>
        `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
        `<c:tx><c:v>${escapeXml(entry.name)}</c:v></c:tx>` +
        '<c:invertIfNegative val="0"/>' +
        `<c:cat><c:strRef><c:f>${escapeXml(sheetReference(sheet, chart.categories))}</c:f>${stringCache(cache.categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(sheetReference(sheet, entry.values))}</c:f>${numberCache(cache.series[index] ?? [])}</c:numRef></c:val>` +
        '</c:ser>',
    )
    .join('');
  const bounds =
    (chart.maximum === undefined ? '' : `<c:max val="${chart.maximum}"/>`) +
    (chart.minimum === undefined ? '' : `<c:min val="${chart.minimum}"/>`);
  const unit = majorUnit(chart);
  // A horizontal bar chart lists categories bottom-up by default; reverse the category axis so the
  // chart reads top-down like the table beside it, and keep the value axis at the bottom.
  const categoryOrientation = horizontal ? 'maxMin' : 'minMax';
  const valueCrosses = horizontal ? 'max' : 'autoZero';
  const categoryAxis =
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/><c:scaling><c:orientation val="${categoryOrientation}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valueAxis =
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/>${bounds}</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/>` +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>' +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="${valueCrosses}"/>` +
    `<c:crossBetween val="between"/>${unit === null ? '' : `<c:majorUnit val="${unit}"/>`}</c:valAx>`;
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    '<c:date1904 val="0"/><c:lang val="ja-JP"/><c:roundedCorners val="0"/>' +
    '<c:chart>' +
    `<c:title><c:tx>${richText(chart.title, 1200, true)}</c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    series +
    `<c:gapWidth val="150"/><c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/></c:barChart>` +
    categoryAxis +
    valueAxis +
    '</c:plotArea>' +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '</c:chartSpace>'
  );
}

/**
 * The step between the value axis's labels when both bounds are given: the smallest of 0.5, 1, 2,
 * 5, 10… that needs at most six steps (0–3 by 0.5, 0–5 by 1, 0–12 by 2), so that a narrow chart
 * does not crowd its axis with labels (LibreOffice chooses 0.5 for 0–5).
 * @param chart - the chart
 * @returns the step, or null to let the program choose
 */
export function majorUnit(chart: Pick<ChartSpec, 'minimum' | 'maximum'>): number | null {
  if (chart.minimum === undefined || chart.maximum === undefined || chart.maximum <= chart.minimum) return null;
  const range = chart.maximum - chart.minimum;
  for (let scale = 0.1; ; scale *= 10)
    for (const step of [5, 10, 20].map((base) => base * scale)) if (range / step <= 6) return Number(step.toFixed(6));
}

/** One chart placed on a drawing. */
export interface DrawingAnchor {
  chart: ChartSpec;
  /** The relationship id of the chart part in the drawing's .rels. */
  relationshipId: string;
}

/**
 * The drawing part of a sheet: each chart anchored from the top-left of `from` to the
 * bottom-right of `to`.
 * @param anchors - the charts with their relationship ids
 * @returns the XML of xl/drawings/drawingN.xml
 */
export function drawingXml(anchors: readonly DrawingAnchor[]): string {
  const frames = anchors
    .map(({ chart, relationshipId }, index) => {
      const from = parseCell(chart.from);
      const to = parseCell(chart.to);
      // Anchors are 0-based; the "to" marker is the cell after the last covered one, offset 0.
      const marker = (tag: string, column: number, row: number): string =>
        `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
      return (
        '<xdr:twoCellAnchor editAs="oneCell">' +
        marker('from', from.column - 1, from.row - 1) +
        marker('to', to.column, to.row) +
        '<xdr:graphicFrame macro="">' +
        `<xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${RELATIONSHIPS_NS}" r:id="${relationshipId}"/></a:graphicData></a:graphic>` +
        '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
      );
    })
    .join('');
  return XML_DECLARATION + `<xdr:wsDr xmlns:xdr="${DRAWING_NS}" xmlns:a="${MAIN_NS}">${frames}</xdr:wsDr>`;
}
