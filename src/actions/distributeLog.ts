/**
 * The rows of 取込履歴 a collection writes: every carried cell it changed (from what to what), a row
 * for an item it found unchanged, and for each conflict every differing cell of every version.
 */
import { carriedCells, fieldName, sameValue, type InputValues } from '../core/collection/inputCells';
import { IMPORT_RESULTS, type ImportLogEntry } from '../core/collection/importLog';
import type { ItemCode, Plan } from '../core/plan';

/** One version of an item's sheet: where it came from and its carried cells. */
export interface SheetVersion {
  book: string;
  sheet: string;
  inputs: InputValues;
}

/** Writes log rows for one collection run (one time for all of them). */
export class ImportLogBuilder {
  readonly entries: ImportLogEntry[] = [];
  private readonly names: Map<string, string>;

  constructor(
    private readonly plan: Plan,
    private readonly time: string,
  ) {
    this.names = new Map(carriedCells(plan).map((cell) => [cell.address, fieldName(plan, cell.field)]));
  }

  /**
   * Rows for the cells of `version` that differ from `before` (null: a new sheet).
   * @param itemNo - 小№
   * @param version - what was merged
   * @param before - the cells as they were, or null for a sheet created by the merge
   * @returns the addresses that changed
   */
  merged(itemNo: ItemCode, version: SheetVersion, before: InputValues | null): string[] {
    const changed = [...version.inputs].filter(([address, value]) =>
      before ? !sameValue(before.get(address) ?? null, value) : value !== null,
    );
    for (const [address, value] of changed)
      this.row(itemNo, version, address, before?.get(address) ?? null, value, before ? 'merged' : 'created');
    if (changed.length === 0) this.row(itemNo, version, '', null, null, 'unchanged');
    return changed.map(([address]) => address);
  }

  /**
   * Rows for a conflict: each version's value of every cell where the versions differ.
   * @param itemNo - 小№
   * @param versions - the versions that differ
   * @param before - the master's cells (not changed), or null
   * @returns the differing addresses
   */
  conflict(itemNo: ItemCode, versions: readonly SheetVersion[], before: InputValues | null): string[] {
    const addresses = [...versions[0].inputs.keys()].filter((address) =>
      versions.some(
        (version) => !sameValue(version.inputs.get(address) ?? null, versions[0].inputs.get(address) ?? null),
      ),
    );
    for (const address of addresses)
      for (const version of versions)
        this.row(
          itemNo,
          version,
          address,
          before?.get(address) ?? null,
          version.inputs.get(address) ?? null,
          'conflict',
        );
    return addresses;
  }

  private row(
    itemNo: ItemCode,
    version: SheetVersion,
    cell: string,
    before: ImportLogEntry['before'],
    after: ImportLogEntry['after'],
    result: keyof typeof IMPORT_RESULTS,
  ): void {
    this.entries.push({
      time: this.time,
      file: version.book,
      sheet: version.sheet,
      itemNo,
      cell,
      field: cell === '' ? '' : (this.names.get(cell) ?? cell),
      before,
      after,
      result: IMPORT_RESULTS[result],
    });
  }
}
