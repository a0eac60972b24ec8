/**
 * XML of package parts, read with a real parser (saxes): elements with their namespace URIs, local
 * names, attributes and their character offsets in the text, so that a part can be read whatever
 * attribute order, quoting or namespace prefixes its producer chose, and edited by splicing only
 * the elements that change (everything else stays byte for byte as it was).
 */

import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';

/** The namespace of SpreadsheetML (transitional), the main namespace of workbook and sheet parts. */
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** The namespace of relationship ids in parts (r:id). */
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The namespace of .rels parts. */
export const PACKAGE_RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
/** The namespace of [Content_Types].xml. */
export const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
/** The XML declaration every part we write starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** An attribute as parsed. */
export interface XmlAttribute {
  /** The qualified name as written ("r:id"). */
  name: string;
  local: string;
  /** Namespace URI ("" for an unprefixed attribute). */
  uri: string;
  value: string;
}

/** An element as parsed, with its place in the text. */
export interface XmlElement {
  /** The qualified name as written ("x:sheet"). */
  name: string;
  local: string;
  uri: string;
  /** Attributes in the order written. */
  readonly attributes: readonly XmlAttribute[];
  /** Attributes by qualified name (the parser's own record; listing them costs, looking one up does not). */
  readonly byName: Readonly<Record<string, XmlAttribute>>;
  /** Offset of `<` of the start tag. */
  start: number;
  /** Offset just after `>` of the start tag. */
  openEnd: number;
  /** Offset of `<` of the end tag (= openEnd when self-closing). */
  closeStart: number;
  /** Offset just after the end tag (= openEnd when self-closing). */
  end: number;
  selfClosing: boolean;
  /** Child elements (only down to the depth asked for). */
  children: XmlElement[];
  /** Text directly inside the element (entities resolved), CDATA included. */
  text: string;
}

/** Callbacks of a streaming parse. */
export interface XmlHandlers {
  open?(element: XmlElement, depth: number): void;
  close?(element: XmlElement, depth: number): void;
  text?(text: string, depth: number): void;
}

/** An element from saxes' tag; its attribute list is made only when asked for. */
class ParsedElement implements XmlElement {
  readonly name: string;
  readonly local: string;
  readonly uri: string;
  readonly byName: Readonly<Record<string, XmlAttribute>>;
  readonly selfClosing: boolean;
  closeStart: number;
  end: number;
  children: XmlElement[] = [];
  text = '';
  private list?: XmlAttribute[];

  constructor(
    tag: SaxesTagNS,
    readonly start: number,
    readonly openEnd: number,
  ) {
    this.name = tag.name;
    this.local = tag.local;
    this.uri = tag.uri;
    // saxes' attribute objects have the fields of XmlAttribute (and a prefix): no copy needed.
    this.byName = tag.attributes;
    this.selfClosing = tag.isSelfClosing;
    this.closeStart = openEnd;
    this.end = openEnd;
  }

  get attributes(): readonly XmlAttribute[] {
    this.list ??= Object.values(this.byName);
    return this.list;
  }
}

/** A part that is not well-formed XML. */
export class XmlError extends Error {
  override name = 'XmlError';
}

/**
 * Parses XML, calling the handlers for every element (depth 0 is the root) and text. The element
 * given to `open` is completed (closeStart, end, text) before `close` is called with it.
 * @param xml - the document
 * @param handlers - the callbacks
 * @throws XmlError when the text is not well-formed
 */
export function scanXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  // saxes reports a start tag just after the character that ends its name: "<" is one name
  // length and two characters back.
  let tagStart = 0;
  parser.on('opentagstart', (tag) => {
    tagStart = parser.position - tag.name.length - 2;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const element = new ParsedElement(tag, tagStart, parser.position);
    handlers.open?.(element, stack.length);
    stack.push(element);
  });
  parser.on('closetag', () => {
    const element = stack.pop();
    if (!element) return;
    if (!element.selfClosing) {
      const end = parser.position;
      // "</name>" unless the end tag has spaces before ">".
      const guess = end - element.name.length - 3;
      element.end = end;
      element.closeStart =
        xml.charCodeAt(guess) === 60 && xml.charCodeAt(guess + 1) === 47 ? guess : xml.lastIndexOf('</', end - 1);
    }
    handlers.close?.(element, stack.length);
  });
  const onText = (text: string): void => {
    const current = stack[stack.length - 1];
    if (!current) return;
    current.text += text;
    handlers.text?.(text, stack.length);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.write(xml).close();
  if (failure) throw new XmlError(failure.message);
}

/**
 * Parses a whole part into a tree of elements (children kept down to `maxDepth`, 0 = the root's
 * children only).
 * @param xml - the document
 * @param maxDepth - the deepest level whose children are kept
 * @returns the root element
 * @throws XmlError when the text is not well-formed
 */
export function parseXml(xml: string, maxDepth = Infinity): XmlElement {
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  scanXml(xml, {
    open(element, depth) {
      if (depth === 0) root = element;
      else if (depth - 1 <= maxDepth) stack[depth - 1]?.children.push(element);
      stack[depth] = element;
    },
  });
  if (!root) throw new XmlError('no root element');
  return root;
}

/**
 * The value of an attribute by local name and namespace.
 * @param element - the element
 * @param local - the attribute's local name
 * @param uri - its namespace URI ("" for unprefixed attributes)
 * @returns the value, or undefined
 */
export function attributeOf(element: XmlElement, local: string, uri = ''): string | undefined {
  // An unprefixed attribute is recorded under its own name.
  const direct = element.byName[local];
  if (direct && direct.uri === uri) return direct.value;
  if (uri === '') return undefined;
  return element.attributes.find((attribute) => attribute.local === local && attribute.uri === uri)?.value;
}

/**
 * The children of an element with a local name (and namespace, when given).
 * @param element - the parent
 * @param local - the local name
 * @param uri - the namespace URI, or undefined for any
 * @returns the children, in order
 */
export function childrenNamed(element: XmlElement, local: string, uri?: string): XmlElement[] {
  return element.children.filter((child) => child.local === local && (uri === undefined || child.uri === uri));
}

/**
 * The first child with a local name (and namespace, when given).
 * @param element - the parent
 * @param local - the local name
 * @param uri - the namespace URI, or undefined for any
 * @returns the child, or undefined
 */
export function childNamed(element: XmlElement, local: string, uri?: string): XmlElement | undefined {
  return element.children.find((child) => child.local === local && (uri === undefined || child.uri === uri));
}

/**
 * The prefix a namespace is bound to on an element's start tag, such as "r" for R_NS.
 * @param element - the element (usually the root)
 * @param uri - the namespace URI
 * @returns the prefix ("" for the default namespace), or undefined when not declared there
 */
export function prefixOf(element: XmlElement, uri: string): string | undefined {
  for (const attribute of element.attributes) {
    if (attribute.value !== uri) continue;
    if (attribute.name === 'xmlns') return '';
    if (attribute.name.startsWith('xmlns:')) return attribute.name.slice('xmlns:'.length);
  }
  return undefined;
}

/**
 * Escapes text for element content and attribute values.
 * @param text - any text
 * @returns the escaped text
 */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[char]};`,
  );
}

/**
 * Escapes an attribute value so that it reads back exactly, line breaks and tabs included.
 * @param value - the value
 * @returns the escaped value, for between double quotes
 */
export function escapeAttribute(value: string): string {
  return escapeXml(value).replace(/[\t\n\r]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A start tag written again from a parsed element, with changed attribute values.
 * @param element - the parsed element
 * @param values - new values by qualified attribute name (others keep theirs; null removes one,
 *   a name the element lacks is added at the end)
 * @param selfClosing - whether to close the tag (`/>`), by default as parsed
 * @returns the start tag text (`<name …>` or `<name …/>`)
 */
export function startTag(
  element: XmlElement,
  values: Readonly<Record<string, string | null>> = {},
  selfClosing = element.selfClosing,
): string {
  const given = new Set(Object.keys(values));
  const kept = element.attributes
    .filter((attribute) => values[attribute.name] !== null)
    .map((attribute) => {
      given.delete(attribute.name);
      return ` ${attribute.name}="${escapeAttribute(values[attribute.name] ?? attribute.value)}"`;
    });
  const added = [...given]
    .filter((name) => values[name] !== null)
    .map((name) => ` ${name}="${escapeAttribute(values[name] as string)}"`);
  return `<${element.name}${kept.join('')}${added.join('')}${selfClosing ? '/>' : '>'}`;
}

/** A change to a text: replace [start, end) by `text` (start = end inserts). */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies splices that do not overlap; insertions at the same offset keep their given order.
 * @param text - the original text
 * @param splices - the changes, in any order
 * @returns the changed text
 */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const ordered = splices
    .map((splice, index) => ({ splice, index }))
    .sort((a, b) => a.splice.start - b.splice.start || a.splice.end - b.splice.end || a.index - b.index)
    .map(({ splice }) => splice);
  const pieces: string[] = [];
  let at = 0;
  for (const splice of ordered) {
    if (splice.start < at) throw new RangeError(`overlapping splices at ${splice.start}`);
    pieces.push(text.slice(at, splice.start), splice.text);
    at = splice.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/**
 * Where a new child goes so that the children stay in schema order: before the first existing
 * child that the schema puts after it, else just before the parent's end tag.
 * @param parent - the parent element (not self-closing)
 * @param order - the local names of the parent's children in schema order
 * @param local - the local name of the child to insert
 * @returns the offset to insert at
 */
export function insertionPoint(parent: XmlElement, order: readonly string[], local: string): number {
  const rank = order.indexOf(local);
  if (rank < 0) throw new RangeError(`${local} is not a child of ${parent.local}`);
  const later = parent.children.find((child) => {
    const childRank = order.indexOf(child.local);
    return childRank > rank;
  });
  return later ? later.start : parent.closeStart;
}

/**
 * A name for a new element in a parent's namespace, with the prefix the document binds to it.
 * @param parent - an element in scope (usually the root) that declares or uses the namespace
 * @param uri - the namespace of the new element
 * @param local - the local name
 * @returns "local" (default namespace) or "prefix:local"
 */
export function qualifiedName(parent: XmlElement, uri: string, local: string): string {
  if (parent.uri === uri) {
    const colon = parent.name.indexOf(':');
    return colon < 0 ? local : `${parent.name.slice(0, colon)}:${local}`;
  }
  const prefix = prefixOf(parent, uri);
  return prefix ? `${prefix}:${local}` : local;
}

/**
 * Appends child markup at the end of the root element, opening a self-closing root.
 * @param xml - the document
 * @param root - its parsed root
 * @param children - the markup to add
 * @returns the new document
 */
export function appendToRoot(xml: string, root: XmlElement, children: string): string {
  if (!root.selfClosing) return applySplices(xml, [{ start: root.closeStart, end: root.closeStart, text: children }]);
  const open = startTag(root, {}, false);
  return applySplices(xml, [{ start: root.start, end: root.end, text: `${open}${children}</${root.name}>` }]);
}

/**
 * Markup of the main namespace written with the prefix a part binds to it (x:c for c), when the
 * part uses one; attributes are left as they are.
 * @param markup - elements written without prefix
 * @param context - an element of the part in that namespace
 * @returns the markup with prefixed element names
 */
export function inNamespaceOf(markup: string, context: XmlElement): string {
  const colon = context.name.indexOf(':');
  if (colon < 0) return markup;
  const prefix = context.name.slice(0, colon + 1);
  return markup.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}$2`);
}
