/**
 * Adds chart parts to an .xlsx that ExcelJS wrote: ExcelJS has no chart support, so after it
 * writes the zip we add, per sheet with charts, a drawing part, one chart part per chart, their
 * relationships, the sheet's `<drawing r:id="…"/>` and the content types.
 */

import JSZip from 'jszip';
import type { ChartSpec } from '../core/sheetSpec';
import { chartXml, drawingXml, escapeXml } from './chartXml';
import { readPart, sheetPartsByName } from './packageParts';
import type { ChartCache } from './chartXml';

/** The charts of one sheet, with the values they show. */
export interface SheetCharts {
  sheet: string;
  charts: { chart: ChartSpec; cache: ChartCache }[];
}

const RELATIONSHIP_TYPES = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
};
const CONTENT_TYPES = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * Worksheet children that the schema (CT_Worksheet) puts after <drawing>; <drawing> goes before
 * the first of them, or at the end.
 */
const AFTER_DRAWING = new Set([
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]);

/** A start or end tag; attribute values may hold `>` so they are matched as quoted strings. */
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

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
  const overrides: string[] = [];

  for (const { sheet, charts } of withCharts) {
    const sheetPath = sheetParts.get(sheet);
    if (!sheetPath) throw new Error(`no worksheet part for sheet ${sheet}`);
    const drawingPath = `xl/drawings/drawing${drawingNumber++}.xml`;
    const drawingRelationships: string[] = [];
    const anchors = charts.map(({ chart, cache }, index) => {
      const chartPath = `xl/charts/chart${chartNumber++}.xml`;
      const relationshipId = `rId${index + 1}`;
      writePart(zip, chartPath, chartXml(chart, sheet, cache));
      overrides.push(override(chartPath, CONTENT_TYPES.chart));
      drawingRelationships.push(
        relationship(relationshipId, RELATIONSHIP_TYPES.chart, `../charts/${baseName(chartPath)}`),
      );
      return { chart, relationshipId };
    });
    writePart(zip, drawingPath, drawingXml(anchors));
    writePart(zip, relationshipsPath(drawingPath), relationshipsXml(drawingRelationships));
    overrides.push(override(drawingPath, CONTENT_TYPES.drawing));

    const sheetRelationshipsPath = relationshipsPath(sheetPath);
    const existing = (await zip.file(sheetRelationshipsPath)?.async('string')) ?? relationshipsXml([]);
    const drawingId = unusedRelationshipId(existing);
    const entry = relationship(drawingId, RELATIONSHIP_TYPES.drawing, `../drawings/${baseName(drawingPath)}`);
    writePart(zip, sheetRelationshipsPath, appendRelationship(existing, entry));
    const sheetXml = await readPart(zip, sheetPath);
    writePart(zip, sheetPath, insertDrawing(sheetXml, drawingId));
  }

  const contentTypes = await readPart(zip, '[Content_Types].xml');
  writePart(zip, '[Content_Types].xml', contentTypes.replace(/<\/Types>\s*$/, `${overrides.join('')}</Types>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * Puts `<drawing r:id="…"/>` into a worksheet part at the place the schema requires.
 * @param sheetXml - the worksheet part
 * @param relationshipId - the id of the drawing relationship in the sheet's .rels
 * @returns the new worksheet part
 */
export function insertDrawing(sheetXml: string, relationshipId: string): string {
  let depth = 0;
  let insertAt = -1;
  let rootTag: { start: number; end: number } | undefined;
  for (const match of sheetXml.matchAll(TAG)) {
    const [text, closing, name, , selfClosing] = match;
    const start = match.index ?? 0;
    const localName = name.replace(/^.*:/, '');
    if (closing) {
      depth--;
      if (depth === 0 && localName === 'worksheet' && insertAt < 0) insertAt = start;
      continue;
    }
    if (depth === 0 && localName === 'worksheet') rootTag = { start, end: start + text.length };
    if (depth === 1) {
      if (localName === 'drawing') throw new Error('the worksheet already has a drawing');
      if (AFTER_DRAWING.has(localName) && insertAt < 0) insertAt = start;
    }
    if (!selfClosing) depth++;
  }
  if (!rootTag || insertAt < 0) throw new Error('not a worksheet part');
  const prefix =
    /xmlns:r="([^"]*)"/.exec(sheetXml.slice(rootTag.start, rootTag.end))?.[1] === R_NS ? '' : ` xmlns:r="${R_NS}"`;
  const element = prefix ? `<drawing${prefix} r:id="${relationshipId}"/>` : `<drawing r:id="${relationshipId}"/>`;
  return sheetXml.slice(0, insertAt) + element + sheetXml.slice(insertAt);
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

function unusedRelationshipId(relationships: string): string {
  const used = new Set([...relationships.matchAll(/Id="([^"]*)"/g)].map((match) => match[1]));
  let number = used.size + 1;
  while (used.has(`rId${number}`)) number++;
  return `rId${number}`;
}

function appendRelationship(relationships: string, entry: string): string {
  const selfClosing = /<Relationships\b([^>]*?)\s*\/>\s*$/;
  if (selfClosing.test(relationships))
    return relationships.replace(selfClosing, `<Relationships$1>${entry}</Relationships>`);
  return relationships.replace(/<\/Relationships>\s*$/, `${entry}</Relationships>`);
}

function relationshipsPath(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
}

function relationshipsXml(entries: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NS}">${entries.join('')}</Relationships>`;
}

function override(partPath: string, contentType: string): string {
  return `<Override PartName="/${partPath}" ContentType="${contentType}"/>`;
}
