/**
 * Sheets found by name the way Excel finds them (ignoring case), through an index built once per
 * port call: a lookup costs one map access however many sheets the workbook has.
 */
import { sheetNameKey } from '../core/validateSheetSpecs';

/** A sheet list indexed by name. */
export class SheetIndex<Sheet> {
  private readonly positions = new Map<string, number>();

  /**
   * Indexes sheets in tab order (one pass).
   * @param sheets - the sheets, in tab order
   * @param nameOf - a sheet's name
   */
  constructor(
    readonly sheets: readonly Sheet[],
    nameOf: (sheet: Sheet) => string,
  ) {
    sheets.forEach((sheet, position) => {
      const key = sheetNameKey(nameOf(sheet));
      if (!this.positions.has(key)) this.positions.set(key, position);
    });
  }

  /**
   * The tab position of a sheet.
   * @param name - the name, any case
   * @returns its position, or -1
   */
  position(name: string): number {
    return this.positions.get(sheetNameKey(name)) ?? -1;
  }

  /**
   * A sheet by name.
   * @param name - the name, any case
   * @returns the sheet, or undefined
   */
  get(name: string): Sheet | undefined {
    const position = this.position(name);
    return position < 0 ? undefined : this.sheets[position];
  }
}
