import planData from '../../assets/plan/plan.json';
import { parsePlan } from './plan';
import { PlanError } from './planError';

/** A numeric scale whose range is refused must not be used further (its values are enumerated). */
describe('a numeric scale out of range', () => {
  it.each([
    ['a huge minimum', -5e9, 3],
    ['a huge maximum', 0, 5e9],
    ['a minimum above the maximum', 3, 0],
  ])('is one error naming the scale, not a crash (%s)', (_, min, max) => {
    const parse = () => parsePlan({ ...planData, scheme: { scale: { kind: 'numeric', min, max } } });
    expect(parse).toThrow(PlanError);
    expect(parse).toThrow(/評価の尺度の最小値/);
  });
});
