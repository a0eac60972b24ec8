/**
 * Test helper: a small plan in memory (running items cut from the built-in plan, one lead
 * department each) and its blank R3 workbook, split into one memory workbook per department.
 */
import { groupByDepartment, writeDepartmentBook } from '../../src/actions/distribute';
import { readWorkbook, type WorkbookReading } from '../../src/actions/readWorkbook';
import { createTemplate } from '../../src/actions/template';
import { builtInPlan } from '../../src/core/example';
import { parseFiscalYear } from '../../src/core/fiscalYear';
import type { Plan } from '../../src/core/plan';
import type { SheetSpec } from '../../src/core/sheetSpec';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { RecordingWorkbook } from './exampleBook';

export const R3 = parseFiscalYear('R3') as number;

/**
 * A plan of the built-in plan's first running items, with these lead departments.
 * @param departments - one per item
 * @param title - the plan's title (default: the built-in one)
 * @returns the plan
 */
export function smallPlan(departments: readonly string[], title?: string): Plan {
  const plan = builtInPlan();
  const items = plan.items
    .filter((item) => item.endedIn === null)
    .slice(0, departments.length)
    .map((item, index) => ({ ...item, departments: [departments[index]] }));
  return {
    ...plan,
    title: title ?? plan.title,
    initiatives: plan.initiatives.filter((initiative) => items.some((item) => item.initiative === initiative.no)),
    items,
  };
}

/** A master workbook and its department books, as split. */
export interface SplitBooks {
  master: MemoryWorkbook;
  reading: WorkbookReading;
  books: { label: string; port: MemoryWorkbook }[];
}

/**
 * The blank R3 workbook of a plan (changed by `fill` before the split), split by department.
 * @param plan - the plan
 * @param fill - writes into the master before it is split
 * @returns the master, its reading and one book per department (labelled `<department>.xlsx`)
 */
export async function splitSmall(plan: Plan, fill?: (master: MemoryWorkbook) => Promise<void>): Promise<SplitBooks> {
  const master = MemoryWorkbook.fromSpecs(await templateSpecs(plan));
  if (fill) await fill(master);
  const reading = await readWorkbook(master, { purpose: 'full' });
  const books = [];
  for (const group of groupByDepartment(reading)) {
    const port = new MemoryWorkbook();
    await writeDepartmentBook(port, reading, group, { source: 'master.xlsx', now: new Date(Date.UTC(2022, 3, 1)) });
    books.push({ label: `${group.department}.xlsx`, port });
  }
  return { master, reading, books };
}

const templates = new WeakMap<Plan, SheetSpec[]>();

/** The sheets of a plan's blank R3 workbook, made once per plan (a property test splits it often). */
async function templateSpecs(plan: Plan): Promise<SheetSpec[]> {
  let specs = templates.get(plan);
  if (!specs) {
    const book = new RecordingWorkbook();
    await createTemplate(book, { plan, year: R3 });
    specs = book.specs;
    templates.set(plan, specs);
  }
  return specs;
}
