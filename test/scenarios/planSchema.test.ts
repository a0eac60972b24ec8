/**
 * plan.schema.json (JSON Schema draft 2020-12) against the plans we ship: the built-in example and
 * the three sample schemes validate, and so pass `checkPlan` without a problem; the schema refuses
 * what `checkPlan` refuses for its shape (a missing name, eleven criteria, an unknown grading).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { checkPlan } from '../../src/core/plan';

const PLAN_DIR = join(__dirname, '../../assets/plan');
const schema = JSON.parse(readFileSync(join(PLAN_DIR, 'plan.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** Every plan JSON we ship: assets/plan/plan.json and assets/plan/samples/*.json. */
const SHIPPED = [
  'plan.json',
  ...readdirSync(join(PLAN_DIR, 'samples'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => `samples/${name}`),
];

const load = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(PLAN_DIR, name), 'utf8')) as Record<string, unknown>;

describe('plan.schema.json', () => {
  it('ships the built-in plan and the three sample schemes', () => {
    expect(SHIPPED).toEqual(['plan.json', 'samples/a-judged.json', 'samples/b-direct.json', 'samples/c-seven.json']);
  });

  it.each(SHIPPED)('%s validates against the schema and has no problem', (name) => {
    const data = load(name);
    expect(validate(data) ? [] : validate.errors).toEqual([]);
    expect(checkPlan(data).problems).toEqual([]);
  });

  it('refuses what the reader refuses by shape', () => {
    const plan = load('samples/c-seven.json');
    const items = plan.items as Record<string, unknown>[];
    const criteria = plan.criteria as unknown[];
    const cases: Record<string, unknown>[] = [
      { ...plan, items: [{ ...items[0], name: undefined }, ...items.slice(1)] },
      { ...plan, criteria: [...criteria, ...criteria] }, // 14 criteria
      { ...plan, scheme: { ...(plan.scheme as object), itemGrade: { kind: 'judged' } } },
      { ...plan, period: [] },
    ].map((each) => JSON.parse(JSON.stringify(each)) as Record<string, unknown>);
    for (const data of cases) {
      expect(validate(data)).toBe(false);
      expect(checkPlan(data).problems.filter((problem) => problem.severity !== 'warning')).not.toEqual([]);
    }
  });
});
