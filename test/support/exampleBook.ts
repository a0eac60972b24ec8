/**
 * Test helper: the built-in example workbook in memory, and the specs it was made from.
 */
import { createExample } from '../../src/actions/template';
import type { SheetSpec } from '../../src/core/sheetSpec';
import { MemoryWorkbook } from '../../src/workbook/memory';

/** A memory workbook that remembers every sheet spec put into it. */
export class RecordingWorkbook extends MemoryWorkbook {
  private readonly recorded: SheetSpec[] = [];
  override async putSheets(specs: readonly SheetSpec[], options = {}): Promise<void> {
    this.recorded.push(...specs);
    return super.putSheets(specs, options);
  }

  /** The spec of each sheet now in the workbook (the last one put under its name), in tab order. */
  get specs(): SheetSpec[] {
    const last = new Map(this.recorded.map((spec) => [spec.name, spec]));
    return this.sheetNames()
      .filter((name) => last.has(name))
      .map((name) => last.get(name)!);
  }
}

/** The example workbook (70 sheets, プラン定義, 審議会評価) in memory. */
export async function exampleBook(): Promise<RecordingWorkbook> {
  const book = new RecordingWorkbook();
  await createExample(book);
  return book;
}

/** The example workbook with its specs changed before they are put (e.g. a renamed sheet). */
export async function exampleBookWith(change: (specs: SheetSpec[]) => SheetSpec[]): Promise<MemoryWorkbook> {
  const original = await exampleBook();
  return MemoryWorkbook.fromSpecs(change(original.specs.map((spec) => ({ ...spec }))));
}
