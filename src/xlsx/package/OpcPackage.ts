/**
 * An Open Packaging Conventions package (the zip of an .xlsx) as parts: read on demand, replaced,
 * added or removed, with the content types and relationships kept consistent. A part that is never
 * replaced is written back with the very bytes it was stored with.
 */
import { readRelationships, relationshipsPath } from '../packageParts';
import type { Relationship } from '../packageParts';
import { attributeOf, childrenNamed, CONTENT_TYPES_NS, escapeXml, PACKAGE_RELATIONSHIPS_NS, parseXml } from '../xml';
import { XML_DECLARATION } from '../xml';
import { deflateEntry, inflateEntry, readZip, writeZip } from '../zip';
import type { ZipEntry, ZipSink } from '../zip';

export type { Relationship };

const CONTENT_TYPES_PART = '[Content_Types].xml';

/** The content types of a package: defaults by extension, overrides by part. */
interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

function parseContentTypes(xml: string): ContentTypes {
  const root = parseXml(xml, 0);
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const element of childrenNamed(root, 'Default'))
    defaults.set((attributeOf(element, 'Extension') ?? '').toLowerCase(), attributeOf(element, 'ContentType') ?? '');
  for (const element of childrenNamed(root, 'Override'))
    overrides.set(
      (attributeOf(element, 'PartName') ?? '').replace(/^\//, ''),
      attributeOf(element, 'ContentType') ?? '',
    );
  return { defaults, overrides };
}

function contentTypesXml({ defaults, overrides }: ContentTypes): string {
  const entries = [
    ...[...defaults].map(
      ([extension, type]) => `<Default Extension="${escapeXml(extension)}" ContentType="${escapeXml(type)}"/>`,
    ),
    ...[...overrides].map(
      ([part, type]) => `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`,
    ),
  ];
  return `${XML_DECLARATION}<Types xmlns="${CONTENT_TYPES_NS}">${entries.join('')}</Types>`;
}

/** The parts of a package, their content types and relationships. */
export class OpcPackage {
  private readonly entries: Map<string, ZipEntry>;
  private readonly types: ContentTypes;
  private typesChanged = false;
  private readonly nextNumbers = new Map<string, number>();

  private constructor(entries: Map<string, ZipEntry>, types: ContentTypes) {
    this.entries = entries;
    this.types = types;
  }

  /**
   * A package read from the bytes of a file (parts are inflated only when read).
   * @param bytes - the .xlsx file
   * @returns the package
   */
  static fromBytes(bytes: Buffer): OpcPackage {
    const entries = readZip(bytes);
    const types = entries.get(CONTENT_TYPES_PART);
    if (!types) throw new Error('no [Content_Types].xml');
    return new OpcPackage(entries, parseContentTypes(inflateEntry(types).toString('utf8')));
  }

  /**
   * An empty package with the defaults every .xlsx has (rels and xml).
   * @returns the package
   */
  static empty(): OpcPackage {
    const types: ContentTypes = {
      defaults: new Map([
        ['rels', 'application/vnd.openxmlformats-package.relationships+xml'],
        ['xml', 'application/xml'],
      ]),
      overrides: new Map(),
    };
    const created = new OpcPackage(new Map(), types);
    created.typesChanged = true;
    return created;
  }

  /** Whether a part exists. */
  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** Every part path, in stored order. */
  paths(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * The text of a part.
   * @param path - the part path
   * @returns its text (UTF-8)
   */
  read(path: string): string {
    const entry = this.entries.get(path);
    if (!entry) throw new Error(`missing part ${path}`);
    const bytes = inflateEntry(entry);
    // A byte order mark is allowed before the XML declaration.
    return bytes.toString('utf8').replace(/^\uFEFF/, '');
  }

  /**
   * Replaces or adds a part, compressed now; the content type is set when given.
   * @param path - the part path
   * @param content - its text or bytes
   * @param contentType - an Override content type, or undefined to keep the current one
   * @param level - zlib level (new parts of a big workbook are written fast)
   */
  write(path: string, content: string | Buffer, contentType?: string, level?: number): void {
    this.entries.set(path, deflateEntry(path, content, level));
    if (contentType !== undefined && this.types.overrides.get(path) !== contentType) {
      this.types.overrides.set(path, contentType);
      this.typesChanged = true;
    }
  }

  /**
   * Removes a part, its content type override and its relationships part.
   * @param path - the part path
   */
  remove(path: string): void {
    this.drop(path);
    const rels = relationshipsPath(path);
    if (path !== rels) this.drop(rels);
  }

  /** Deletes one part and its override (LibreOffice lists .rels parts as overrides too). */
  private drop(path: string): void {
    this.entries.delete(path);
    if (this.types.overrides.delete(path)) this.typesChanged = true;
  }

  /**
   * The content type of a part: its override, else the default of its extension.
   * @param path - the part path
   * @returns the content type, or undefined
   */
  contentType(path: string): string | undefined {
    const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    return this.types.overrides.get(path) ?? this.types.defaults.get(extension);
  }

  /**
   * The relationships of a part (none when it has no .rels part).
   * @param path - the source part
   * @returns its relationships, in order
   */
  relationships(path: string): Relationship[] {
    const rels = relationshipsPath(path);
    return this.entries.has(rels) ? readRelationships(this.read(rels)) : [];
  }

  /**
   * Writes a part's relationships (removing the .rels part when there are none).
   * @param path - the source part
   * @param relationships - all of them, in order
   */
  writeRelationships(path: string, relationships: readonly Relationship[]): void {
    const rels = relationshipsPath(path);
    if (relationships.length === 0) {
      this.drop(rels);
      return;
    }
    const body = relationships
      .map(
        ({ id, type, target, external }) =>
          `<Relationship Id="${escapeXml(id)}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"${external ? ' TargetMode="External"' : ''}/>`,
      )
      .join('');
    this.write(rels, `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}">${body}</Relationships>`);
  }

  /**
   * A part path not used yet, such as "xl/worksheets/sheet12.xml".
   * @param prefix - the path up to the number ("xl/worksheets/sheet")
   * @param suffix - the rest (".xml")
   * @returns the first free path from number 1
   */
  freePath(prefix: string, suffix: string): string {
    // Numbers given out are remembered, so that n new parts cost n steps, not n².
    for (let number = this.nextNumbers.get(prefix + suffix) ?? 1; ; number++) {
      const path = `${prefix}${number}${suffix}`;
      if (this.entries.has(path)) continue;
      this.nextNumbers.set(prefix + suffix, number + 1);
      return path;
    }
  }

  /**
   * Writes the package: [Content_Types].xml first, then every part in stored order.
   * @param sink - a file or memory
   */
  save(sink: ZipSink): void {
    if (this.typesChanged || !this.entries.has(CONTENT_TYPES_PART)) {
      this.entries.set(CONTENT_TYPES_PART, deflateEntry(CONTENT_TYPES_PART, contentTypesXml(this.types)));
      this.typesChanged = false;
    }
    const first = this.entries.get(CONTENT_TYPES_PART) as ZipEntry;
    const rest = [...this.entries.values()].filter((entry) => entry.name !== CONTENT_TYPES_PART);
    writeZip(sink, [first, ...rest]);
  }
}
