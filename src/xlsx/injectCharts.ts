/**
 * Adds chart parts to an .xlsx that ExcelJS wrote: ExcelJS has no chart support, so after it
 * writes the zip we add, per sheet with charts, a drawing part, one chart part per chart, their
 * relationships, the sheet's `<drawing r:id="…"/>` and the content types.
 */

import JSZip from 'jszip';
import type { ChartSpec } from '../core/sheetSpec';
import { chartXml, drawingXml } from './chartXml';
import { readPart, readRelationships, relationshipsPath, sheetPartsByName } from './packageParts';
import type { ChartCache } from './chartXml';
import {
  appendToRoot,
  CONTENT_TYPES_NS,
  escapeXml,
  insertionPoint,
  MAIN_NS,
  PACKAGE_RELATIONSHIPS_NS,
  parseXml,
  prefixOf,
  qualifiedName,
  R_NS,
  XML_DECLARATION,
} from './xml';

/** The charts of one sheet, with the values they show. */
export interface SheetCharts {
  sheet: string;
  charts: { chart: ChartSpec; cache: ChartCache }[];
}

/** Relationship types of the parts a chart needs. */
export const RELATIONSHIP_TYPES = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
};
/** Content types of the parts a chart needs. */
export const CONTENT_TYPES = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};

/** The children of a worksheet (CT_Worksheet) in schema order. */
export const WORKSHEET_CHILDREN = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;

/**
 * Adds the charts to the package.
 * @param input - the .xlsx ExcelJS wrote
 * @param sheets - the charts per sheet name
 * @returns the .xlsx with the charts
 */
export async function injectCharts(input: Buffer, sheets: readonly SheetCharts[]): Promise<Buffer> {
  const withCharts = sheets.filter((entry) => entry.charts.length > 0);
  if (withCharts.length === 0) return input;
  const zip = await JSZip.loadAsync(input);
  const sheetParts = await sheetPartsByName(zip);
  let drawingNumber = nextPartNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let chartNumber = nextPartNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  const overrides: { part: string; type: string }[] = [];

  for (const { sheet, charts } of withCharts) {
    const sheetPath = sheetParts.get(sheet);
    if (!sheetPath) throw new Error(`no worksheet part for sheet ${sheet}`);
    const drawingPath = `xl/drawings/drawing${drawingNumber++}.xml`;
    const drawingRelationships: { id: string; type: string; target: string }[] = [];
    const anchors = charts.map(({ chart, cache }, index) => {
      const chartPath = `xl/charts/chart${chartNumber++}.xml`;
      const relationshipId = `rId${index + 1}`;
      writePart(zip, chartPath, chartXml(chart, sheet, cache));
      overrides.push({ part: chartPath, type: CONTENT_TYPES.chart });
      drawingRelationships.push({
        id: relationshipId,
        type: RELATIONSHIP_TYPES.chart,
        target: `../charts/${baseName(chartPath)}`,
      });
      return { chart, relationshipId };
    });
    writePart(zip, drawingPath, drawingXml(anchors));
    writePart(zip, relationshipsPath(drawingPath), relationshipsXml(drawingRelationships));
    overrides.push({ part: drawingPath, type: CONTENT_TYPES.drawing });

    const sheetRelationshipsPath = relationshipsPath(sheetPath);
    const existing = (await zip.file(sheetRelationshipsPath)?.async('string')) ?? relationshipsXml([]);
    const drawingId = unusedRelationshipId(existing);
    const entry = { id: drawingId, type: RELATIONSHIP_TYPES.drawing, target: `../drawings/${baseName(drawingPath)}` };
    writePart(zip, sheetRelationshipsPath, appendRelationship(existing, entry));
    const sheetXml = await readPart(zip, sheetPath);
    writePart(zip, sheetPath, insertDrawing(sheetXml, drawingId));
  }

  writePart(zip, '[Content_Types].xml', appendOverrides(await readPart(zip, '[Content_Types].xml'), overrides));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * Puts `<drawing r:id="…"/>` into a worksheet part at the place the schema requires.
 * @param sheetXml - the worksheet part
 * @param relationshipId - the id of the drawing relationship in the sheet's .rels
 * @returns the new worksheet part
 */
export function insertDrawing(sheetXml: string, relationshipId: string): string {
  const root = parseXml(sheetXml, 0);
  if (root.local !== 'worksheet' || root.uri !== MAIN_NS || root.selfClosing) throw new Error('not a worksheet part');
  if (root.children.some((child) => child.local === 'drawing')) throw new Error('the worksheet already has a drawing');
  const at = insertionPoint(root, WORKSHEET_CHILDREN, 'drawing');
  const prefix = prefixOf(root, R_NS);
  const id = prefix
    ? `${prefix}:id="${escapeXml(relationshipId)}"`
    : `xmlns:r="${R_NS}" r:id="${escapeXml(relationshipId)}"`;
  const element = `<${qualifiedName(root, MAIN_NS, 'drawing')} ${id}/>`;
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/** Writes a part without the folder entries JSZip would add (Excel writes none). */
function writePart(zip: JSZip, path: string, content: string): void {
  zip.file(path, content, { createFolders: false });
}

function nextPartNumber(zip: JSZip, pattern: RegExp): number {
  let highest = 0;
  zip.forEach((path) => {
    const match = pattern.exec(path);
    if (match) highest = Math.max(highest, Number(match[1]));
  });
  return highest + 1;
}

/**
 * An id no relationship of a .rels part uses yet.
 * @param relationships - the .rels part
 * @returns such as "rId3"
 */
export function unusedRelationshipId(relationships: string): string {
  const used = new Set(readRelationships(relationships).map((entry) => entry.id));
  let number = used.size + 1;
  while (used.has(`rId${number}`)) number++;
  return `rId${number}`;
}

/**
 * A .rels part with one more relationship.
 * @param relationships - the .rels part
 * @param relationship - the new relationship's id, type and target
 * @returns the new part
 */
export function appendRelationship(
  relationships: string,
  relationship: { id: string; type: string; target: string },
): string {
  const root = parseXml(relationships, 0);
  const name = qualifiedName(root, PACKAGE_RELATIONSHIPS_NS, 'Relationship');
  return appendToRoot(relationships, root, relationshipElement(name, relationship));
}

/**
 * [Content_Types].xml with more Override entries.
 * @param contentTypes - the part
 * @param overrides - part paths (without the leading "/") and their content types
 * @returns the new part
 */
export function appendOverrides(contentTypes: string, overrides: readonly { part: string; type: string }[]): string {
  const root = parseXml(contentTypes, 0);
  const name = qualifiedName(root, CONTENT_TYPES_NS, 'Override');
  const entries = overrides.map(
    ({ part, type }) => `<${name} PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`,
  );
  return appendToRoot(contentTypes, root, entries.join(''));
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function relationshipElement(name: string, { id, type, target }: { id: string; type: string; target: string }): string {
  return `<${name} Id="${escapeXml(id)}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
}

/**
 * A new .rels part.
 * @param entries - its relationships
 * @returns the part
 */
export function relationshipsXml(entries: readonly { id: string; type: string; target: string }[]): string {
  const body = entries.map((entry) => relationshipElement('Relationship', entry)).join('');
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}">${body}</Relationships>`;
}
