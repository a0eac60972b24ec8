/**
 * Another workbook taking the focus while the add-in's request runs, as Excel reports it (the
 * Excel troubleshooting page, "API limitations when the active workbook switches"): adding a
 * sheet, activating, selecting, showing gridlines and freezing panes fail with GeneralException,
 * deleting a sheet with InvalidSelection, each at that member. The actions before it stay applied.
 */
import { FakeOfficeError, type FakeErrorCode } from './errors';

/** The members Excel names in the error's location, by the fake's action names. */
const LOCATIONS: Record<string, string> = {
  'WorksheetCollection.add': 'WorksheetCollection.add',
  'Worksheet.activate': 'Worksheet.activate',
  'Worksheet.delete': 'Worksheet.delete',
  'Worksheet.showGridlines': 'Worksheet.showGridlines',
  'Range.select': 'Range.select',
  'Worksheet.freezePanes.freezeAt': 'WorksheetFreezePanes.freezeAt',
  'Worksheet.freezePanes.freezeRows': 'WorksheetFreezePanes.freezeRows',
  'Worksheet.freezePanes.freezeColumns': 'WorksheetFreezePanes.freezeColumns',
};

/** A member hit by a focus change, as Excel names it. */
export type FocusMember =
  | 'WorksheetCollection.add'
  | 'Worksheet.activate'
  | 'Worksheet.delete'
  | 'Worksheet.showGridlines'
  | 'Range.select'
  | 'WorksheetFreezePanes.freezeAt'
  | 'WorksheetFreezePanes.freezeRows'
  | 'WorksheetFreezePanes.freezeColumns';

/**
 * Where Excel says an action failed: "WorksheetFreezePanes.freezeRows" for the fake's
 * "Worksheet.freezePanes.freezeRows", else the action's own name.
 * @param action - the fake's action name
 */
export function excelLocation(action: string): string {
  return LOCATIONS[action] ?? action;
}

interface Fault {
  member: FocusMember;
  skip: number;
  times: number;
}

export class FocusChanges {
  private faults: Fault[] = [];

  /**
   * The next `times` calls of `member`, after `skip` calls that succeed, fail as if another
   * workbook took the focus during them.
   */
  lose(member: FocusMember, { skip = 0, times = 1 }: { skip?: number; times?: number } = {}): void {
    this.faults.push({ member, skip, times });
  }

  /** Called before each action: throws what Excel throws if a focus change hits it. */
  check(action: string): void {
    const location = excelLocation(action);
    const fault = this.faults.find((entry) => entry.member === location && entry.times > 0);
    if (!fault) return;
    if (fault.skip > 0) {
      fault.skip--;
      return;
    }
    fault.times--;
    const code: FakeErrorCode = location === 'Worksheet.delete' ? 'InvalidSelection' : 'GeneralException';
    throw new FakeOfficeError(code, 'Another workbook has the focus.', location);
  }
}
