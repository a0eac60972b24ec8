/**
 * xl/workbook.xml as the package port needs it: the sheets in tab order, the defined names (print
 * areas and titles, by sheet), the active tab and the calculation flag. Written back by replacing
 * only the elements that changed; everything else in the part stays as it was.
 */
import type { SheetVisibility } from '../../core/sheetSpec';
import {
  applySplices,
  attributeOf,
  childNamed,
  childrenNamed,
  escapeAttribute,
  escapeXml,
  insertionPoint,
  MAIN_NS,
  parseXml,
  qualifiedName,
  R_NS,
  startTag,
  XML_DECLARATION,
} from '../xml';
import type { Splice, XmlElement } from '../xml';

/** The namespace of Strict Open XML spreadsheets, which this port does not write. */
const STRICT_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

/** The children of a workbook (CT_Workbook) in schema order. */
const WORKBOOK_CHILDREN = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/** A sheet of the workbook. */
export interface WorkbookSheet {
  name: string;
  sheetId: number;
  state: SheetVisibility;
  /** The id of the relationship to its part in xl/_rels/workbook.xml.rels. */
  relationshipId: string;
}

/** A defined name, tied to its sheet (not to a position) so that reordering sheets keeps it right. */
export interface DefinedName {
  name: string;
  /** The sheet it is local to, or null for a workbook-wide name. */
  sheet: WorkbookSheet | null;
  /** Its formula text. */
  text: string;
  /** As parsed (other attributes are kept), or undefined for a name added here. */
  element?: XmlElement;
  /** The markup between its tags as parsed (kept byte for byte). */
  inner?: string;
}

/** The built-in names of print settings. */
export const PRINT_AREA = '_xlnm.Print_Area';
export const PRINT_TITLES = '_xlnm.Print_Titles';

/** A new workbook part with no sheets yet. */
export const EMPTY_WORKBOOK_XML =
  `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${R_NS}"><workbookPr/>` +
  '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="16000" windowHeight="10000" activeTab="0"/></bookViews>' +
  '<sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>';

/**
 * A sheet name as it appears in a formula: 'name'! with inner quotes doubled.
 * @param name - the sheet name
 * @returns the quoted name with "!"
 */
export function sheetPrefix(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/** The parsed workbook part. */
export class WorkbookPart {
  sheets: WorkbookSheet[] = [];
  names: DefinedName[] = [];
  /** The sheet shown when the file opens (Excel's activeTab), and the first tab in view. */
  active: WorkbookSheet | null = null;
  /** Ask Excel to recalculate every formula when it opens the file. */
  fullCalcOnLoad = false;
  private changed = false;
  private readonly root: XmlElement;
  /** Sheets that have a print area or title rows among `names`. */
  private readonly withPrintNames = new Set<WorkbookSheet>();

  /**
   * Parses the part.
   * @param xml - xl/workbook.xml
   */
  constructor(private readonly xml: string) {
    this.root = parseXml(xml, 2);
    if (this.root.uri === STRICT_NS) throw new Error('Strict Open XML workbooks are not supported');
    if (this.root.local !== 'workbook' || this.root.uri !== MAIN_NS) throw new Error('not a workbook part');
    const sheets = childNamed(this.root, 'sheets');
    for (const element of sheets ? childrenNamed(sheets, 'sheet') : []) {
      const state = attributeOf(element, 'state');
      this.sheets.push({
        name: attributeOf(element, 'name') ?? '',
        sheetId: Number(attributeOf(element, 'sheetId') ?? 0),
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        relationshipId: attributeOf(element, 'id', R_NS) ?? '',
      });
    }
    const names = childNamed(this.root, 'definedNames');
    for (const element of names ? childrenNamed(names, 'definedName') : []) {
      const local = attributeOf(element, 'localSheetId');
      this.names.push({
        name: attributeOf(element, 'name') ?? '',
        sheet: local === undefined ? null : (this.sheets[Number(local)] ?? null),
        text: element.text,
        element,
        inner: element.selfClosing ? '' : xml.slice(element.openEnd, element.closeStart),
      });
      const entry = this.names[this.names.length - 1];
      if (entry.sheet && (entry.name === PRINT_AREA || entry.name === PRINT_TITLES))
        this.withPrintNames.add(entry.sheet);
    }
    const view = this.view();
    this.active = this.sheets[Number((view && attributeOf(view, 'activeTab')) ?? 0)] ?? this.sheets[0] ?? null;
    const calc = childNamed(this.root, 'calcPr');
    const full = calc && attributeOf(calc, 'fullCalcOnLoad');
    this.fullCalcOnLoad = full === '1' || full === 'true';
  }

  private view(): XmlElement | undefined {
    const views = childNamed(this.root, 'bookViews');
    return views && childNamed(views, 'workbookView');
  }

  /** Marks the part as changed, so that `toXml` writes it again. */
  touch(): void {
    this.changed = true;
  }

  /** Whether anything changed since it was parsed. */
  get isChanged(): boolean {
    return this.changed;
  }

  /**
   * The print area and title rows of a sheet are replaced (removed when undefined).
   * @param sheet - the sheet
   * @param printArea - "$A$1:$P$46", or undefined
   * @param titleRows - "$1:$3", or undefined
   */
  setPrintNames(sheet: WorkbookSheet, printArea: string | undefined, titleRows: string | undefined): void {
    // Only a sheet that has print names needs the list searched (n new sheets cost n steps).
    if (this.withPrintNames.has(sheet))
      this.names = this.names.filter(
        (entry) => !(entry.sheet === sheet && (entry.name === PRINT_AREA || entry.name === PRINT_TITLES)),
      );
    if (printArea) this.names.push({ name: PRINT_AREA, sheet, text: sheetPrefix(sheet.name) + printArea });
    if (titleRows) this.names.push({ name: PRINT_TITLES, sheet, text: sheetPrefix(sheet.name) + titleRows });
    if (printArea || titleRows) this.withPrintNames.add(sheet);
    this.changed = true;
  }

  /**
   * Forgets a sheet: its local names go with it (they are left out when the part is written, as
   * the names of every sheet no longer in `sheets` are); the active tab moves to the first visible
   * sheet if it was this one.
   * @param sheet - the sheet, taken out of `sheets`
   */
  forget(sheet: WorkbookSheet): void {
    if (this.active === sheet) this.active = null;
    this.changed = true;
  }

  /**
   * The part as it is now: unchanged text when nothing changed, else with `sheets`,
   * `definedNames`, the active tab and `calcPr` written again.
   * @returns the XML
   */
  toXml(): string {
    if (!this.changed) return this.xml;
    const splices: Splice[] = [];
    const element = (local: string): string => qualifiedName(this.root, MAIN_NS, local);
    const rPrefix = this.relationshipPrefix(splices);
    const sheetsXml = `<${element('sheets')}>${this.sheets
      .map(
        (sheet) =>
          `<${element('sheet')} name="${escapeAttribute(sheet.name)}" sheetId="${sheet.sheetId}"${
            sheet.state === 'visible' ? '' : ` state="${sheet.state}"`
          } ${rPrefix}:id="${escapeAttribute(sheet.relationshipId)}"/>`,
      )
      .join('')}</${element('sheets')}>`;
    this.replaceChild(splices, 'sheets', sheetsXml);
    const positions = new Map(this.sheets.map((sheet, index) => [sheet, index]));
    const names = this.names.filter((entry) => entry.sheet === null || positions.has(entry.sheet));
    const namesXml = names
      .map((entry) => {
        const local = entry.sheet === null ? undefined : String(positions.get(entry.sheet));
        if (entry.element) {
          const tag = startTag(entry.element, local === undefined ? {} : { localSheetId: local }, false);
          return `${tag}${entry.inner ?? ''}</${entry.element.name}>`;
        }
        const attribute = local === undefined ? '' : ` localSheetId="${local}"`;
        return `<${element('definedName')} name="${escapeAttribute(entry.name)}"${attribute}>${escapeXml(entry.text)}</${element('definedName')}>`;
      })
      .join('');
    this.replaceChild(
      splices,
      'definedNames',
      names.length > 0 ? `<${element('definedNames')}>${namesXml}</${element('definedNames')}>` : null,
    );
    const view = this.view();
    const active = Math.max(
      0,
      this.active ? this.sheets.indexOf(this.active) : this.sheets.findIndex((sheet) => sheet.state === 'visible'),
    );
    if (view) {
      const values: Record<string, string> = { activeTab: String(active) };
      if (attributeOf(view, 'firstSheet') !== undefined)
        values.firstSheet = String(Math.min(active, Number(attributeOf(view, 'firstSheet'))));
      splices.push({ start: view.start, end: view.openEnd, text: startTag(view, values) });
    }
    const calc = childNamed(this.root, 'calcPr');
    if (this.fullCalcOnLoad && calc) {
      splices.push({ start: calc.start, end: calc.openEnd, text: startTag(calc, { fullCalcOnLoad: '1' }) });
    } else if (this.fullCalcOnLoad) {
      this.replaceChild(splices, 'calcPr', `<${element('calcPr')} fullCalcOnLoad="1"/>`);
    }
    return applySplices(this.xml, splices);
  }

  /** The prefix of the relationships namespace, declared on the root when it is not. */
  private relationshipPrefix(splices: Splice[]): string {
    for (const attribute of this.root.attributes) {
      if (attribute.value === R_NS && attribute.name.startsWith('xmlns:')) return attribute.name.slice('xmlns:'.length);
    }
    splices.push({ start: this.root.start, end: this.root.openEnd, text: startTag(this.root, { 'xmlns:r': R_NS }) });
    return 'r';
  }

  private replaceChild(splices: Splice[], local: string, xml: string | null): void {
    const existing = childNamed(this.root, local, MAIN_NS);
    if (existing) splices.push({ start: existing.start, end: existing.end, text: xml ?? '' });
    else if (xml !== null) {
      const at = insertionPoint(this.root, WORKBOOK_CHILDREN, local);
      splices.push({ start: at, end: at, text: xml });
    }
  }
}
