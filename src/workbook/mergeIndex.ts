/**
 * Merged ranges indexed by the rows they cover, so that finding the merge of a cell looks at the
 * few merges of its row, never at every merge of the sheet.
 */
import type { RangeBounds } from '../core/address';

/** Merges by row. */
export class MergeIndex {
  private readonly byRow = new Map<number, RangeBounds[]>();
  /** Rows indexed so far (a measure of the work done, for step counts). */
  rowsIndexed = 0;

  /**
   * @param merges - the merged ranges (not overlapping)
   * @param rows - only rows in this span are indexed (the rows a caller will ask about)
   */
  constructor(
    merges: Iterable<RangeBounds> = [],
    private readonly rows: { top: number; bottom: number } = { top: 1, bottom: Number.MAX_SAFE_INTEGER },
  ) {
    for (const merge of merges) this.add(merge);
  }

  /**
   * Adds a merge.
   * @param merge - its range
   */
  add(merge: RangeBounds): void {
    const last = Math.min(merge.bottom, this.rows.bottom);
    for (let row = Math.max(merge.top, this.rows.top); row <= last; row++) {
      const list = this.byRow.get(row);
      if (list) list.push(merge);
      else this.byRow.set(row, [merge]);
      this.rowsIndexed++;
    }
  }

  /**
   * The merge covering a cell.
   * @param row - 1-based row
   * @param column - 1-based column
   * @returns the merge, or undefined
   */
  at(row: number, column: number): RangeBounds | undefined {
    return this.byRow.get(row)?.find((merge) => column >= merge.left && column <= merge.right);
  }

  /**
   * Whether a merge hides a cell (it is in a merged area but not its top-left cell).
   * @param row - 1-based row
   * @param column - 1-based column
   * @returns true for the cells whose value a merge discards
   */
  hides(row: number, column: number): boolean {
    const merge = this.at(row, column);
    return merge !== undefined && (merge.top !== row || merge.left !== column);
  }

  /** How many merges cover a row (for step counts). */
  countAt(row: number): number {
    return this.byRow.get(row)?.length ?? 0;
  }
}
