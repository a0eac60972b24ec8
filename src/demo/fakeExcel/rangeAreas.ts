/** The fake of Excel.RangeAreas (ExcelApi 1.9): a range's formula cells as rectangular areas. */
import type { RangeBounds } from '../../core/address';
import type { FakeContext } from './context';
import { FakeObject, unknownProperty } from './context';
import { FakeOfficeError } from './errors';
import type { FakeSheet } from './model';
import { getCell, sheetAddress } from './model';

import { FakeRange } from './rangeProxies';
import type { RangeTarget } from './rangeTarget';
/** The formula cells of a range as rectangles: runs of a row, stacked while the next row repeats them. */
export function formulaAreas(target: RangeTarget): RangeBounds[] {
  const areas: RangeBounds[] = [];
  let above = new Map<string, RangeBounds>();
  for (let row = target.bounds.top; row <= target.bounds.bottom; row++) {
    const here = new Map<string, RangeBounds>();
    for (let column = target.bounds.left; column <= target.bounds.right; column++) {
      if (!getCell(target.sheet, row, column)?.formula) continue;
      let right = column;
      while (right < target.bounds.right && getCell(target.sheet, row, right + 1)?.formula) right++;
      const id = `${column},${right}`;
      const area = above.get(id);
      if (area) area.bottom = row;
      else areas.push({ top: row, left: column, bottom: row, right });
      here.set(id, area ?? areas[areas.length - 1]);
      column = right;
    }
    above = here;
  }
  return areas;
}

/** What a RangeAreas proxy resolves to. */
interface AreasTarget {
  sheet: FakeSheet;
  areas: RangeBounds[];
}

/** Excel.RangeAreas (ExcelApi 1.9), as far as reading its areas goes. */
export class FakeRangeAreas extends FakeObject<AreasTarget> {
  readonly areas: { load(names?: string | string[]): unknown; readonly items: FakeRange[] };

  constructor(context: FakeContext, resolver: () => AreasTarget | null) {
    super(context, 'RangeAreas', resolver, true);
    let items: FakeRange[] | undefined;
    const areas = {
      load: (names?: string | string[]) => {
        const wanted = (Array.isArray(names) ? names : (names ?? 'address').split(','))
          .map((name) => name.trim().replace(/^items\//, ''))
          .filter((name) => name !== '' && name !== 'items');
        context.enqueue({
          name: 'RangeCollection.load',
          args: wanted,
          api: '1.9',
          run: () => {
            const target = this.resolve();
            const proxies = target.areas.map(
              (bounds) => new FakeRange(context, () => ({ sheet: target.sheet, bounds })),
            );
            const data = proxies.map((proxy, i) =>
              proxy.prime({ sheet: target.sheet, bounds: target.areas[i] }, wanted),
            );
            return { data, commit: () => (items = proxies) };
          },
        });
        return areas;
      },
      get items(): FakeRange[] {
        if (!items)
          throw new FakeOfficeError(
            'PropertyNotLoaded',
            "The property 'items' is not available. Load it and sync first.",
            'RangeCollection.items',
          );
        return items;
      },
    };
    context.addPath('areas');
    this.areas = areas;
  }

  get address(): string {
    return this.loaded('address');
  }

  get cellCount(): number {
    return this.loaded('cellCount');
  }

  protected override read(target: AreasTarget, name: string): unknown {
    if (name === 'address') return target.areas.map((bounds) => sheetAddress(target.sheet, bounds)).join(',');
    if (name === 'areaCount') return target.areas.length;
    if (name === 'cellCount')
      return target.areas.reduce((sum, area) => sum + (area.bottom - area.top + 1) * (area.right - area.left + 1), 0);
    throw unknownProperty('RangeAreas', name);
  }
}
