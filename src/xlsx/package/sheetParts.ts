/**
 * The parts around a worksheet part: the ones a sheet owns (its drawing and charts, comments,
 * tables, printer settings), removed with it; and the drawing and chart parts of the charts of a
 * new sheet.
 */
import { parseRange, cellAddress } from '../../core/address';
import type { CellValue, CellWrite, ChartSpec } from '../../core/sheetSpec';
import { chartXml, drawingXml } from '../chartXml';
import { CONTENT_TYPES, RELATIONSHIP_TYPES } from '../injectCharts';
import { resolveTarget } from '../packageParts';
import type { OpcPackage, Relationship } from './OpcPackage';

/** The officeDocument relationship namespace, which most part types are named in. */
export const OFFICE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Content types of the parts the port writes. */
export const PART_TYPES = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
};

/** The last segment of a relationship type ("worksheet", "drawing", "chartStyle"…). */
export function relationshipKind(relationship: Relationship): string {
  return relationship.type.slice(relationship.type.lastIndexOf('/') + 1);
}

/** What a sheet owns and takes with it; images are not listed, since drawings may share them. */
const OWNED_BY_SHEET = new Set(['drawing', 'vmlDrawing', 'comments', 'threadedComment', 'printerSettings', 'table']);
/** What a drawing's chart owns. */
const OWNED_BY_CHART = new Set(['chart', 'chartStyle', 'chartColorStyle', 'chartUserShapes', 'package']);

/**
 * Removes a worksheet part with the parts only it uses.
 * @param pkg - the package
 * @param path - the worksheet part
 */
export function removeSheetParts(pkg: OpcPackage, path: string): void {
  const remove = (part: string, owned: ReadonlySet<string>, depth: number): void => {
    if (depth < 3) {
      for (const relationship of pkg.relationships(part)) {
        if (relationship.external || !owned.has(relationshipKind(relationship))) continue;
        remove(resolveTarget(part, relationship.target), OWNED_BY_CHART, depth + 1);
      }
    }
    pkg.remove(part);
  };
  remove(path, OWNED_BY_SHEET, 0);
}

/**
 * Writes the drawing and chart parts of a new sheet's charts, with the values they show.
 * @param pkg - the package
 * @param sheetName - the sheet's name (chart ranges refer to it)
 * @param charts - the charts
 * @param cells - the sheet's cells (for the cached values)
 * @returns the drawing part's path
 */
export function writeChartParts(
  pkg: OpcPackage,
  sheetName: string,
  charts: readonly ChartSpec[],
  cells: readonly CellWrite[],
): string {
  const values = new Map<string, CellValue>();
  for (const cell of cells)
    values.set(cellAddress(parseRange(cell.address).top, parseRange(cell.address).left), cell.value ?? null);
  const column = (address: string): CellValue[] => {
    const bounds = parseRange(address);
    const result: CellValue[] = [];
    for (let row = bounds.top; row <= bounds.bottom; row++)
      for (let col = bounds.left; col <= bounds.right; col++) result.push(values.get(cellAddress(row, col)) ?? null);
    return result;
  };
  const drawingPath = pkg.freePath('xl/drawings/drawing', '.xml');
  const relationships: Relationship[] = [];
  const anchors = charts.map((chart, index) => {
    const chartPath = pkg.freePath('xl/charts/chart', '.xml');
    const cache = { categories: column(chart.categories), series: chart.series.map((series) => column(series.values)) };
    pkg.write(chartPath, chartXml(chart, sheetName, cache), CONTENT_TYPES.chart);
    const relationshipId = `rId${index + 1}`;
    relationships.push({
      id: relationshipId,
      type: RELATIONSHIP_TYPES.chart,
      target: `../charts/${chartPath.slice(chartPath.lastIndexOf('/') + 1)}`,
      external: false,
    });
    return { chart, relationshipId };
  });
  pkg.write(drawingPath, drawingXml(anchors), CONTENT_TYPES.drawing);
  pkg.writeRelationships(drawingPath, relationships);
  return drawingPath;
}
