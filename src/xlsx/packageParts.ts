/**
 * Reading the parts of an .xlsx package directly, for what ExcelJS does not handle: finding a
 * sheet's worksheet part, and repairing what ExcelJS drops or misreads when it opens a file.
 * Parts are read with an XML parser (./xml), so any producer's attribute order, quoting and
 * namespace prefixes work.
 */

import JSZip from 'jszip';
import { applySplices, attributeOf, childNamed, childrenNamed, parseXml, R_NS, scanXml, startTag } from './xml';
import type { Splice } from './xml';

/**
 * The part a relationship points at, as a path inside the package.
 * @param source - the part the relationships belong to ("xl/workbook.xml")
 * @param target - the relationship's Target ("worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml")
 * @returns the part path ("xl/worksheets/sheet1.xml")
 */
export function resolveTarget(source: string, target: string): string {
  const segments = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/**
 * The relationships path of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
 * @param part - a part path
 * @returns its .rels path
 */
export function relationshipsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** One relationship of a .rels part. */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/**
 * The relationships of a .rels part.
 * @param xml - the .rels part
 * @returns its relationships, in order
 */
export function readRelationships(xml: string): Relationship[] {
  return childrenNamed(parseXml(xml, 0), 'Relationship').map((element) => ({
    id: attributeOf(element, 'Id') ?? '',
    type: attributeOf(element, 'Type') ?? '',
    target: attributeOf(element, 'Target') ?? '',
    external: attributeOf(element, 'TargetMode') === 'External',
  }));
}

/**
 * Maps sheet names to their worksheet part paths through workbook.xml and its relationships.
 * @param workbookXml - xl/workbook.xml
 * @param relationshipsXml - xl/_rels/workbook.xml.rels
 * @param workbookPath - the workbook part's path (relative targets resolve against it)
 * @returns worksheet part paths ("xl/worksheets/sheet1.xml") by sheet name
 */
export function sheetPartPaths(
  workbookXml: string,
  relationshipsXml: string,
  workbookPath = 'xl/workbook.xml',
): Map<string, string> {
  const targets = new Map(readRelationships(relationshipsXml).map((entry) => [entry.id, entry.target]));
  const sheets = childNamed(parseXml(workbookXml, 1), 'sheets');
  const parts = new Map<string, string>();
  for (const sheet of sheets ? childrenNamed(sheets, 'sheet') : []) {
    const name = attributeOf(sheet, 'name');
    const target = targets.get(attributeOf(sheet, 'id', R_NS) ?? '');
    if (name && target) parts.set(name, resolveTarget(workbookPath, target));
  }
  return parts;
}

/**
 * Maps sheet names to their worksheet part paths in a zip.
 * @param zip - the package
 * @returns worksheet part paths ("xl/worksheets/sheet1.xml") by sheet name
 */
export async function sheetPartsByName(zip: JSZip): Promise<Map<string, string>> {
  return sheetPartPaths(await readPart(zip, 'xl/workbook.xml'), await readPart(zip, 'xl/_rels/workbook.xml.rels'));
}

/**
 * The text of a part.
 * @param zip - the package
 * @param path - the part path
 * @returns its text; throws when the part is missing
 */
export async function readPart(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`missing part ${path}`);
  return file.async('string');
}

/**
 * The manual row breaks of a worksheet part.
 * @param sheetXml - the worksheet part
 * @returns the rows after which a new page starts, ascending as written
 */
export function rowBreaksOf(sheetXml: string): number[] {
  const rows: number[] = [];
  let inRowBreaks = false;
  scanXml(sheetXml, {
    open(element, depth) {
      if (depth === 1) inRowBreaks = element.local === 'rowBreaks';
      if (depth !== 2 || !inRowBreaks || element.local !== 'brk') return;
      const manual = attributeOf(element, 'man');
      const row = Number(attributeOf(element, 'id'));
      if ((manual === '1' || manual === 'true') && Number.isInteger(row) && row > 0) rows.push(row);
    },
  });
  return rows;
}

/**
 * The manual row breaks of every sheet (ExcelJS writes them but does not read them).
 * @param zip - the package
 * @returns the rows after which a new page starts, by sheet name (sheets without breaks omitted)
 */
export async function readRowBreaks(zip: JSZip): Promise<Map<string, number[]>> {
  const breaks = new Map<string, number[]>();
  for (const [sheet, path] of await sheetPartsByName(zip)) {
    const rows = rowBreaksOf(await readPart(zip, path));
    if (rows.length > 0) breaks.set(sheet, rows);
  }
  return breaks;
}

/** Attributes holding user text, which must never be taken for booleans. */
const TEXT_ATTRIBUTES = new Set([
  'prompt',
  'promptTitle',
  'error',
  'errorTitle',
  'name',
  'display',
  'tooltip',
  'location',
  'comment',
  'description',
]);

/**
 * The part with its boolean attributes "true"/"false" written "1"/"0" (attributes holding user
 * text are left alone). Only the start tags that change are written again.
 * @param xml - a part
 * @returns the part, changed or the same string
 */
export function booleansAsDigits(xml: string): string {
  if (!/=\s*["'](?:true|false)["']/.test(xml)) return xml;
  const splices: Splice[] = [];
  scanXml(xml, {
    open(element) {
      const values: Record<string, string> = {};
      for (const attribute of element.attributes) {
        if (attribute.uri === 'http://www.w3.org/2000/xmlns/' || TEXT_ATTRIBUTES.has(attribute.local)) continue;
        if (attribute.value === 'true') values[attribute.name] = '1';
        else if (attribute.value === 'false') values[attribute.name] = '0';
      }
      if (Object.keys(values).length > 0)
        splices.push({ start: element.start, end: element.openEnd, text: startTag(element, values) });
    },
  });
  return splices.length > 0 ? applySplices(xml, splices) : xml;
}

/**
 * Rewrites the boolean attributes "true"/"false" of worksheets, styles and the workbook part as
 * "1"/"0". Both spellings are valid (xsd:boolean) and LibreOffice writes the words, but ExcelJS
 * reads some attributes only as digits: it would read locked="false" as locked and lose
 * sheetProtection sheet="true".
 * @param zip - the package, changed in place
 * @returns whether any part changed
 */
export async function normaliseBooleans(zip: JSZip): Promise<boolean> {
  let changed = false;
  const paths = Object.keys(zip.files).filter(
    (path) => /^xl\/worksheets\/[^/]+\.xml$/.test(path) || path === 'xl/styles.xml' || path === 'xl/workbook.xml',
  );
  for (const path of paths) {
    const xml = await readPart(zip, path);
    const fixed = booleansAsDigits(xml);
    if (fixed !== xml) {
      zip.file(path, fixed, { createFolders: false });
      changed = true;
    }
  }
  return changed;
}
