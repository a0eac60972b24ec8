/**
 * The add-in's own recent writes, to tell them from the user's edits on hosts whose change events
 * do not say who changed the cells: `WorksheetChangedEventArgs.triggerSource` ("ThisLocalAddin")
 * is ExcelApi 1.14, while the events themselves are 1.9. Excel delivers the events of a write
 * shortly after its sync; an event inside the cells of a write of the last few seconds is ours.
 */
import { parseRange, type RangeBounds } from '../core/address';

/** How long after a write its events may still arrive. */
const WINDOW_MS = 3000;

interface Entry {
  sheet: string;
  /** The written rectangles. */
  bounds: RangeBounds[];
  until: number;
}

function inside(inner: RangeBounds, outer: RangeBounds): boolean {
  return (
    inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right
  );
}

export class OwnWrites {
  private entries: Entry[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Remembers a write.
   * @param sheet - the sheet written
   * @param addresses - the rectangles written
   */
  record(sheet: string, addresses: readonly string[]): void {
    const until = this.now() + WINDOW_MS;
    this.entries = this.entries.filter((entry) => entry.until >= this.now());
    this.entries.push({
      sheet: sheet.toLowerCase(),
      bounds: addresses.map((address) => parseRange(address)),
      until,
    });
  }

  /**
   * Whether a change event is one of our writes.
   * @param sheet - the changed sheet's name
   * @param address - the changed range ("B3", "B3:D4"; a list of areas counts if every area does)
   */
  covers(sheet: string, address: string): boolean {
    const now = this.now();
    const entries = this.entries.filter((entry) => entry.until >= now && entry.sheet === sheet.toLowerCase());
    if (entries.length === 0) return false;
    let areas: RangeBounds[];
    try {
      areas = address.split(',').map((part) => parseRange(part.trim()));
    } catch {
      return false;
    }
    return areas.every((area) => entries.some((entry) => entry.bounds.some((bounds) => inside(area, bounds))));
  }
}
