/**
 * docProps/app.xml keeps the sheet names (TitlesOfParts) grouped under headings (HeadingPairs:
 * "Worksheets"/「ワークシート」 and a count, "Named Ranges"/「名前付き範囲」 and a count…). When sheets
 * are added or removed the worksheet group is written again with the new names; other groups are
 * kept, except named ranges, which are listed again from the defined names.
 */
import { resolveTarget } from '../packageParts';
import { applySplices, attributeOf, childNamed, childrenNamed, escapeXml, parseXml } from '../xml';
import type { OpcPackage } from './OpcPackage';
import { relationshipKind } from './sheetParts';
import { PRINT_AREA, PRINT_TITLES, sheetPrefix } from './workbookPart';
import type { DefinedName } from './workbookPart';
import type { XmlElement } from '../xml';

const VT_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';

/** One heading of HeadingPairs and the titles listed under it. */
interface Group {
  heading: string;
  titles: string[];
}

function vector(parent: XmlElement | undefined): XmlElement | undefined {
  return parent && childNamed(parent, 'vector', VT_NS);
}

function textOf(variant: XmlElement): string {
  return (childNamed(variant, 'lpstr', VT_NS) ?? childNamed(variant, 'i4', VT_NS) ?? variant).text;
}

/**
 * Writes docProps/app.xml again with the sheet names and named ranges as they are now (when the
 * package has that part).
 * @param pkg - the package
 * @param before - the sheet names when the workbook was opened (to find their group)
 * @param sheets - the sheet names now, in tab order
 * @param names - the workbook's defined names
 */
export function updateTitles(
  pkg: OpcPackage,
  before: readonly string[],
  sheets: readonly string[],
  names: readonly DefinedName[],
): void {
  const relationship = pkg.relationships('').find((each) => relationshipKind(each) === 'extended-properties');
  const path = relationship && resolveTarget('', relationship.target);
  if (!path || !pkg.has(path)) return;
  const ranges = names
    .filter((entry) => entry.name === PRINT_AREA || entry.name === PRINT_TITLES || !entry.name.startsWith('_xlnm.'))
    .map((entry) =>
      entry.sheet ? `${sheetPrefix(entry.sheet.name)}${entry.name.replace(/^_xlnm\./, '')}` : entry.name,
    );
  const xml = pkg.read(path);
  const updated = titlesXml(xml, before, sheets, ranges);
  if (updated !== xml) pkg.write(path, updated);
}

/**
 * docProps/app.xml with the sheet names and named ranges as they are now.
 * @param xml - the part
 * @param before - the sheet names when the workbook was opened (to find their group)
 * @param sheets - the sheet names now, in tab order
 * @param namedRanges - the defined names as Excel lists them ('シート'!Print_Area…)
 * @returns the part, or the same text when it has no such lists
 */
export function titlesXml(
  xml: string,
  before: readonly string[],
  sheets: readonly string[],
  namedRanges: readonly string[],
): string {
  let root: XmlElement;
  try {
    root = parseXml(xml, 4);
  } catch {
    return xml;
  }
  const pairs = childNamed(root, 'HeadingPairs');
  const parts = childNamed(root, 'TitlesOfParts');
  const pairVector = vector(pairs);
  const titleVector = vector(parts);
  if (!pairs || !parts || !pairVector || !titleVector) return xml;
  const variants = childrenNamed(pairVector, 'variant', VT_NS);
  const titles = childrenNamed(titleVector, 'lpstr', VT_NS).map((element) => element.text);
  const groups: Group[] = [];
  let at = 0;
  for (let index = 0; index + 1 < variants.length; index += 2) {
    const count = Number(textOf(variants[index + 1]));
    groups.push({ heading: textOf(variants[index]), titles: titles.slice(at, at + count) });
    at += count;
  }
  const isSheets = (group: Group): boolean =>
    /^(Worksheets|ワークシート)$/.test(group.heading) ||
    (group.titles.length === before.length && group.titles.every((title, index) => title === before[index]));
  const sheetGroup = groups.find(isSheets);
  if (sheetGroup) sheetGroup.titles = [...sheets];
  else groups.unshift({ heading: 'Worksheets', titles: [...sheets] });
  const nameGroup = groups.find((group) => /^(Named Ranges|名前付き範囲)$/.test(group.heading));
  if (nameGroup) nameGroup.titles = [...namedRanges];
  const kept = groups.filter((group) => group.titles.length > 0);
  const prefix = pairVector.name.includes(':') ? pairVector.name.slice(0, pairVector.name.indexOf(':') + 1) : '';
  const element = (local: string, body: string, attributes = ''): string =>
    `<${prefix}${local}${attributes}>${body}</${prefix}${local}>`;
  const headingXml = element(
    'vector',
    kept
      .map(
        (group) =>
          element('variant', element('lpstr', escapeXml(group.heading))) +
          element('variant', element('i4', String(group.titles.length))),
      )
      .join(''),
    ` size="${kept.length * 2}" baseType="variant"`,
  );
  const allTitles = kept.flatMap((group) => group.titles);
  const titlesXml = element(
    'vector',
    allTitles.map((title) => element('lpstr', escapeXml(title))).join(''),
    ` size="${allTitles.length}" baseType="${attributeOf(titleVector, 'baseType') ?? 'lpstr'}"`,
  );
  return applySplices(xml, [
    { start: pairVector.start, end: pairVector.end, text: headingXml },
    { start: titleVector.start, end: titleVector.end, text: titlesXml },
  ]);
}

/** The docProps/app.xml of a new package. */
export const EMPTY_APP_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="${VT_NS}">` +
  '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
  '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>0</vt:i4></vt:variant></vt:vector></HeadingPairs>' +
  '<TitlesOfParts><vt:vector size="0" baseType="lpstr"></vt:vector></TitlesOfParts>' +
  '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>';
