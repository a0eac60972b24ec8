/**
 * What the task pane needs from Excel beyond the workbook port: moving the user to a cell,
 * knowing the active sheet, and hearing about the user's edits (for live autofill). Kept out of
 * WorkbookPort because the CLI's .xlsx files have no user, selection or events.
 */

/** Cells the user changed. */
export interface SheetChange {
  sheet: string;
  /** A1 address without the sheet name ("B3" or "B3:C4"). */
  address: string;
}

export interface WorkbookUi {
  /** Activates the sheet and selects the cell (to show the user a problem). */
  activate(sheet: string, address: string): Promise<void>;
  /** The name of the active sheet. */
  selectedSheet(): Promise<string>;
  /** Listens to the user's cell edits; resolves to a function that stops listening. */
  onChanged(handler: (change: SheetChange) => void | Promise<void>): Promise<() => Promise<void>>;
}
