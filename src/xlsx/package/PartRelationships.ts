/**
 * The relationships of one part (the workbook's: its sheets, styles, shared strings, calcChain),
 * kept as a list while the port works and written back only when changed. Ids are never given out
 * twice, and removals are applied once per batch, so that thousands of sheets cost linear time.
 */
import { resolveTarget } from '../packageParts';
import type { OpcPackage, Relationship } from './OpcPackage';
import { OFFICE_RELATIONSHIPS, relationshipKind } from './sheetParts';

/** A part's relationships. */
export class PartRelationships {
  private list: Relationship[];
  private changed = false;
  private next = 1;
  private used?: Set<string>;
  private readonly dropped = new Set<string>();

  /**
   * @param pkg - the package
   * @param part - the part whose relationships these are
   */
  constructor(
    private readonly pkg: OpcPackage,
    private readonly part: string,
  ) {
    this.list = pkg.relationships(part);
  }

  /** The relationships, in order (removals of the current batch applied). */
  all(): readonly Relationship[] {
    this.settle();
    return this.list;
  }

  /**
   * The part the first relationship of a kind points at.
   * @param kind - the last segment of the type ("styles", "sharedStrings"…)
   * @returns the target part's path, or undefined
   */
  pathOf(kind: string): string | undefined {
    const relationship = this.all().find((each) => relationshipKind(each) === kind);
    return relationship && resolveTarget(this.part, relationship.target);
  }

  /**
   * Adds a relationship of the officeDocument namespace.
   * @param kind - the last segment of its type ("worksheet", "styles"…)
   * @param target - its target, relative to the part
   * @returns its new id
   */
  add(kind: string, target: string): string {
    this.used ??= new Set(this.list.map((relationship) => relationship.id));
    while (this.used.has(`rId${this.next}`)) this.next++;
    const id = `rId${this.next++}`;
    this.used.add(id);
    this.list.push({ id, type: `${OFFICE_RELATIONSHIPS}/${kind}`, target, external: false });
    this.changed = true;
    return id;
  }

  /**
   * Removes a relationship (applied with the others of the batch when next read).
   * @param id - its id
   */
  remove(id: string): void {
    this.dropped.add(id);
    this.changed = true;
  }

  /**
   * Removes every relationship of a kind and the parts they point at.
   * @param kind - the last segment of the type
   */
  removeKind(kind: string): void {
    for (const relationship of this.all().filter((each) => relationshipKind(each) === kind)) {
      this.pkg.remove(resolveTarget(this.part, relationship.target));
      this.remove(relationship.id);
    }
  }

  /** Writes the relationships part when anything changed. */
  save(): void {
    if (!this.changed) return;
    this.pkg.writeRelationships(this.part, this.all());
    this.changed = false;
  }

  private settle(): void {
    if (this.dropped.size === 0) return;
    this.list = this.list.filter((relationship) => !this.dropped.has(relationship.id));
    this.dropped.clear();
  }
}
