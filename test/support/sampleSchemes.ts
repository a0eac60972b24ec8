/**
 * The three sample schemes of assets/plan/samples with their inputs and expected figures
 * (test/golden/schemes/*.json, written by test/golden/tools/make_schemes.py): a workbook of any
 * port filled as a secretariat would, for the golden, print and recalculation suites.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../../src/actions/readWorkbook';
import { createTemplate } from '../../src/actions/template';
import { councilCells, councilThemeGradeCell, COUNCIL_SHEET_NAME } from '../../src/core/councilSheet';
import { parseFiscalYear } from '../../src/core/fiscalYear';
import { parsePlan, type FiscalYear, type Plan } from '../../src/core/plan';
import { progressSheetLayout } from '../../src/core/sheet/progressSheetLayout';
import type { CellValue, CellWrite } from '../../src/core/sheetSpec';
import type { WorkbookPort } from '../../src/workbook/port';

/** The sample plans, one per kind of scheme. */
export const SAMPLE_SCHEMES = ['a-judged', 'b-direct', 'c-seven'] as const;

export interface ItemInput {
  values: Record<string, string>;
  grade?: string;
  indicators?: { name: string; unit: string; target: number; actual: number }[];
  cost?: { budget: number; settlement: number };
}
export interface Fixture {
  plan: string;
  year: string;
  inputs: {
    items: Record<string, ItemInput>;
    council: {
      initiatives: Record<string, { grade?: string; scores: (string | number)[] }>;
      themes: Record<string, string>;
    };
  };
  expected: {
    items: Record<string, unknown>[];
    initiatives: Record<string, unknown>[];
    themes: Record<string, unknown>[];
    grades: Record<string, number>;
  };
}

const ROOT = join(__dirname, '../..');
const load = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;

/** Only the fields the fixture has, so that the comparison is the independent computation's. */
export function pick(actual: object, expected: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(expected).map((key) => [key, (actual as Record<string, unknown>)[key]]));
}

/**
 * A sample plan, its year and its fixture.
 * @param name - one of SAMPLE_SCHEMES
 * @returns the plan parsed from assets/plan/samples, the fixture's year and the fixture
 */
export function loadSample(name: string): { fixture: Fixture; plan: Plan; year: FiscalYear } {
  const fixture = load<Fixture>(`test/golden/schemes/${name}.json`);
  const plan: Plan = parsePlan(load(`assets/plan/${fixture.plan}`));
  return { fixture, plan, year: parseFiscalYear(fixture.year)! };
}

/**
 * Writes a sample plan's template into a workbook and fills it with the fixture's inputs.
 * @param port - an empty workbook
 * @param name - one of SAMPLE_SCHEMES
 * @returns the plan, year, fixture and the 進捗状況シート names
 */
export async function fillSample(port: WorkbookPort, name: string) {
  const { fixture, plan, year } = loadSample(name);
  await createTemplate(port, { plan, year });
  const reading = await readWorkbook(port, { plan });
  const layout = progressSheetLayout(plan);
  const at = plan.period.indexOf(year);
  const writes = reading.sheets.map((sheet) => {
    const input = fixture.inputs.items[sheet.data.itemNo];
    const cells: CellWrite[] = [];
    const put = (address: string, value: CellValue) => cells.push({ address, value });
    for (const [key, value] of Object.entries(input.values)) put(layout.scores[at].scores[key], value);
    if (input.grade !== undefined) put(layout.scores[at].grade, input.grade);
    input.indicators?.forEach((indicator, index) => {
      const where = layout.indicators[index];
      put(where.name, indicator.name);
      put(where.unit, indicator.unit);
      put(where.years[at].target, indicator.target);
      put(where.years[at].actual, indicator.actual);
    });
    if (input.cost) {
      put(layout.cost[at].budget, input.cost.budget);
      put(layout.cost[at].settlement, input.cost.settlement);
    }
    return { sheet: sheet.name, cells };
  });
  const council: CellWrite[] = [];
  for (const [no, entry] of Object.entries(fixture.inputs.council.initiatives)) {
    entry.scores.forEach((score, member) =>
      council.push({ address: councilCells(plan, no, member).score, value: score }),
    );
    if (entry.grade !== undefined) council.push({ address: councilCells(plan, no, 0).grade, value: entry.grade });
  }
  for (const [numeral, grade] of Object.entries(fixture.inputs.council.themes))
    council.push({ address: councilThemeGradeCell(plan, numeral), value: grade });
  await port.writeCells([...writes, { sheet: COUNCIL_SHEET_NAME, cells: council }]);
  return { fixture, plan, year, sheets: reading.sheets.map((sheet) => sheet.name) };
}
