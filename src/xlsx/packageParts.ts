/**
 * Reading the parts of an .xlsx package directly, for what ExcelJS does not handle: finding a
 * sheet's worksheet part, and repairing what ExcelJS drops or misreads when it opens a file.
 */

import JSZip from 'jszip';

/**
 * Maps sheet names to their worksheet part paths through workbook.xml and its relationships.
 * @param zip - the package
 * @returns worksheet part paths ("xl/worksheets/sheet1.xml") by sheet name
 */
export async function sheetPartsByName(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await readPart(zip, 'xl/workbook.xml');
  const relationships = await readPart(zip, 'xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  for (const [element] of relationships.matchAll(/<Relationship\b[^>]*>/g)) {
    const attributes = attributesOf(element);
    if (attributes.Id && attributes.Target) targets.set(attributes.Id, attributes.Target);
  }
  const parts = new Map<string, string>();
  for (const [element] of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const attributes = attributesOf(element);
    const target = targets.get(attributes['r:id'] ?? '');
    if (attributes.name && target) {
      parts.set(attributes.name, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  return parts;
}

function attributesOf(element: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name, value] of element.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attributes[name] = unescapeXml(value);
  return attributes;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_all, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (entity in named) return named[entity];
    return String.fromCodePoint(
      entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10),
    );
  });
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
 * The manual row breaks of every sheet (ExcelJS writes them but does not read them).
 * @param zip - the package
 * @returns the rows after which a new page starts, by sheet name (sheets without breaks omitted)
 */
export async function readRowBreaks(zip: JSZip): Promise<Map<string, number[]>> {
  const breaks = new Map<string, number[]>();
  for (const [sheet, path] of await sheetPartsByName(zip)) {
    const xml = await readPart(zip, path);
    const block = /<(?:\w+:)?rowBreaks\b[^>]*>([\s\S]*?)<\/(?:\w+:)?rowBreaks>/.exec(xml);
    const rows = [...(block?.[1] ?? '').matchAll(/<(?:\w+:)?brk\b[^>]*>/g)]
      .map(([element]) => attributesOf(element))
      .filter((attributes) => attributes.man === '1' || attributes.man === 'true')
      .map((attributes) => Number(attributes.id))
      .filter((row) => Number.isInteger(row) && row > 0);
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
    if (!/="(?:true|false)"/.test(xml)) continue;
    const fixed = xml.replace(/(\s([\w:.-]+))="(true|false)"/g, (all, prefix: string, name: string, value: string) =>
      TEXT_ATTRIBUTES.has(name.replace(/^.*:/, '')) ? all : `${prefix}="${value === 'true' ? 1 : 0}"`,
    );
    if (fixed !== xml) {
      zip.file(path, fixed, { createFolders: false });
      changed = true;
    }
  }
  return changed;
}
