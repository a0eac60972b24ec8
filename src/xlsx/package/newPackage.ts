/**
 * The parts of a new, empty workbook package: the workbook with no sheets yet, a stylesheet with
 * Excel's default font, document properties, and their relationships and content types.
 */
import { EMPTY_APP_XML } from './appProperties';
import { OpcPackage } from './OpcPackage';
import { OFFICE_RELATIONSHIPS, PART_TYPES } from './sheetParts';
import { DEFAULT_STYLES_XML } from './StyleSheet';
import { EMPTY_WORKBOOK_XML } from './workbookPart';

const CORE_PROPERTIES = 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties';

/**
 * A new package.
 * @returns the package, its workbook part's path and XML
 */
export function newPackage(): { pkg: OpcPackage; workbookPath: string; workbookXml: string } {
  const pkg = OpcPackage.empty();
  const workbookPath = 'xl/workbook.xml';
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  pkg.write(workbookPath, EMPTY_WORKBOOK_XML, PART_TYPES.workbook);
  pkg.write('xl/styles.xml', DEFAULT_STYLES_XML, PART_TYPES.styles);
  pkg.write('docProps/app.xml', EMPTY_APP_XML, PART_TYPES.app);
  pkg.write(
    'docProps/core.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>Shinchoku</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`,
    PART_TYPES.core,
  );
  const relationship = (id: string, type: string, target: string) => ({ id, type, target, external: false });
  pkg.writeRelationships('', [
    relationship('rId1', `${OFFICE_RELATIONSHIPS}/officeDocument`, workbookPath),
    relationship('rId2', CORE_PROPERTIES, 'docProps/core.xml'),
    relationship('rId3', `${OFFICE_RELATIONSHIPS}/extended-properties`, 'docProps/app.xml'),
  ]);
  pkg.writeRelationships(workbookPath, [relationship('rId1', `${OFFICE_RELATIONSHIPS}/styles`, 'styles.xml')]);
  return { pkg, workbookPath, workbookXml: EMPTY_WORKBOOK_XML };
}
