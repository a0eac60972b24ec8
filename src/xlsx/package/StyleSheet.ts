/**
 * xl/styles.xml as the package writer needs it: a cell format (xf) index for each resolved cell
 * style of the sheets it writes. New fonts, fills, borders, number formats and xfs are appended
 * after the workbook's own, which keep their indexes, so cells the writer does not touch keep
 * exactly their formats.
 */
import type { BorderStyle } from '../../core/sheetSpec';
import type { ResolvedCellStyle } from '../../workbook/cellFormats';
import {
  applySplices,
  attributeOf,
  childNamed,
  childrenNamed,
  escapeAttribute,
  inNamespaceOf,
  insertionPoint,
  MAIN_NS,
  parseXml,
  qualifiedName,
  startTag,
  XML_DECLARATION,
} from '../xml';
import type { Splice, XmlElement } from '../xml';

/** The children of a stylesheet (CT_Stylesheet) in schema order. */
const STYLESHEET_CHILDREN = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

/** The collections new entries are appended to, and the element of one entry. */
const COLLECTIONS = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' } as const;
type Collection = keyof typeof COLLECTIONS;

/** Number formats Excel knows by id without declaring them. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

/** The font of a new workbook (and of ExcelJS's), which column widths are measured in. */
const DEFAULT_FONT = { name: 'Calibri', size: 11 };

/** The stylesheet of a new package: one default font, the two fills Excel requires, no theme. */
export const DEFAULT_STYLES_XML =
  `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">` +
  `<fonts count="1"><font><sz val="${DEFAULT_FONT.size}"/><name val="${DEFAULT_FONT.name}"/><family val="2"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

function rgb(color: string): string {
  return `FF${color.slice(1).toUpperCase()}`;
}

/** A workbook's stylesheet with the formats added for new sheets. */
export class StyleSheet {
  private readonly root: XmlElement;
  private readonly counts = new Map<Collection, number>();
  private readonly added = new Map<Collection, string[]>();
  private readonly ids = new Map<string, number>();
  private readonly xfByKey = new Map<string, number>();
  private readonly formats = new Map<string, number>();
  private nextFormatId = 164;

  /**
   * Parses a stylesheet.
   * @param xml - xl/styles.xml
   */
  constructor(private readonly xml: string = DEFAULT_STYLES_XML) {
    this.root = parseXml(xml, 1);
    for (const collection of Object.keys(COLLECTIONS) as Collection[]) {
      const element = childNamed(this.root, collection, MAIN_NS);
      this.counts.set(collection, element ? childrenNamed(element, COLLECTIONS[collection]).length : 0);
      this.added.set(collection, []);
    }
    const numFmts = childNamed(this.root, 'numFmts', MAIN_NS);
    for (const format of numFmts ? childrenNamed(numFmts, 'numFmt') : []) {
      const id = Number(attributeOf(format, 'numFmtId'));
      this.formats.set(attributeOf(format, 'formatCode') ?? '', id);
      this.nextFormatId = Math.max(this.nextFormatId, id + 1);
    }
  }

  /** Whether formats were added. */
  get isChanged(): boolean {
    return [...this.added.values()].some((entries) => entries.length > 0);
  }

  /** Appends an entry to a collection once per distinct markup; returns its index. */
  private entry(collection: Collection, markup: string): number {
    const key = `${collection}\u0000${markup}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const added = this.added.get(collection) as string[];
    const index = (this.counts.get(collection) ?? 0) + added.length;
    added.push(markup);
    this.ids.set(key, index);
    return index;
  }

  private numberFormat(code: string | undefined): number {
    if (code === undefined) return 0;
    const id = BUILT_IN_FORMATS[code] ?? this.formats.get(code);
    if (id !== undefined) return id;
    const created = this.nextFormatId++;
    this.formats.set(code, created);
    this.entry('numFmts', `<numFmt numFmtId="${created}" formatCode="${escapeAttribute(code)}"/>`);
    return created;
  }

  /**
   * The xf index of a cell style, added to the stylesheet the first time it is asked for.
   * @param style - a resolved style, or undefined for none
   * @returns the index for the cells' s attribute (0 = the workbook's default format)
   */
  xfOf(style: ResolvedCellStyle | undefined): number {
    if (!style) return 0;
    // Cells share few distinct styles: the index is looked up by a short key before any markup is made.
    const borders = style.borders;
    const key = `${style.fontName}|${style.fontSize}|${style.bold}|${style.fontColor}|${style.fill}|${style.horizontal}|${style.vertical}|${style.wrap}|${style.shrinkToFit}|${style.numberFormat}|${style.locked}|${borders?.top}|${borders?.bottom}|${borders?.left}|${borders?.right}`;
    let index = this.xfByKey.get(key);
    if (index === undefined) {
      index = this.newXf(style);
      this.xfByKey.set(key, index);
    }
    return index;
  }

  private newXf(style: ResolvedCellStyle): number {
    if (Object.keys(style).length === 0) return 0;
    const { fontName, fontSize, bold, fontColor, fill, horizontal, vertical, wrap, shrinkToFit, locked } = style;
    const hasFont = fontName !== undefined || fontSize !== undefined || bold !== undefined || fontColor !== undefined;
    const fontId = hasFont
      ? this.entry(
          'fonts',
          `<font>${bold ? '<b/>' : ''}<sz val="${fontSize ?? DEFAULT_FONT.size}"/>${
            fontColor ? `<color rgb="${rgb(fontColor)}"/>` : ''
          }<name val="${escapeAttribute(fontName ?? DEFAULT_FONT.name)}"/></font>`,
        )
      : 0;
    const fillId = fill
      ? this.entry(
          'fills',
          `<fill><patternFill patternType="solid"><fgColor rgb="${rgb(fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    const side = (name: string, line: BorderStyle | undefined): string =>
      line ? `<${name} style="${line}"><color indexed="64"/></${name}>` : `<${name}/>`;
    const borders = style.borders;
    const borderId = borders
      ? this.entry(
          'borders',
          `<border>${side('left', borders.left)}${side('right', borders.right)}${side('top', borders.top)}${side(
            'bottom',
            borders.bottom,
          )}<diagonal/></border>`,
        )
      : 0;
    const numFmtId = this.numberFormat(style.numberFormat);
    const alignment = [
      horizontal ? ` horizontal="${horizontal}"` : '',
      vertical ? ` vertical="${vertical === 'middle' ? 'center' : vertical}"` : '',
      wrap ? ' wrapText="1"' : '',
      shrinkToFit ? ' shrinkToFit="1"' : '',
    ].join('');
    const applied = [
      numFmtId ? ' applyNumberFormat="1"' : '',
      fontId ? ' applyFont="1"' : '',
      fillId ? ' applyFill="1"' : '',
      borderId ? ' applyBorder="1"' : '',
      alignment ? ' applyAlignment="1"' : '',
      locked === false ? ' applyProtection="1"' : '',
    ].join('');
    const children = `${alignment ? `<alignment${alignment}/>` : ''}${locked === false ? '<protection locked="0"/>' : ''}`;
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    return this.entry('cellXfs', children ? `${head}>${children}</xf>` : `${head}/>`);
  }

  /**
   * The stylesheet with the added formats: each collection's new entries after its own, its count
   * updated; collections it lacked are created in schema order.
   * @returns the XML (the original text when nothing was added)
   */
  toXml(): string {
    if (!this.isChanged) return this.xml;
    const splices: Splice[] = [];
    for (const collection of Object.keys(COLLECTIONS) as Collection[]) {
      const entries = this.added.get(collection) as string[];
      if (entries.length === 0) continue;
      const count = String((this.counts.get(collection) ?? 0) + entries.length);
      const body = entries.join('');
      const element = childNamed(this.root, collection, MAIN_NS);
      if (!element) {
        const at = insertionPoint(this.root, STYLESHEET_CHILDREN, collection);
        const name = qualifiedName(this.root, MAIN_NS, collection);
        splices.push({
          start: at,
          end: at,
          text: `<${name} count="${count}">${inNamespaceOf(body, this.root)}</${name}>`,
        });
        continue;
      }
      const withCount = startTag(element, { count }, false);
      if (element.selfClosing) {
        splices.push({
          start: element.start,
          end: element.end,
          text: `${withCount}${inNamespaceOf(body, this.root)}</${element.name}>`,
        });
      } else {
        splices.push({ start: element.start, end: element.openEnd, text: withCount });
        splices.push({ start: element.closeStart, end: element.closeStart, text: inNamespaceOf(body, this.root) });
      }
    }
    return applySplices(this.xml, splices);
  }
}
