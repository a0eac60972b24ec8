/**
 * Test helper: how many cases each property runs, and its seed. CI runs at least 1,000 cases per
 * property (the default); `PROPERTY_RUNS=50 npx jest test/properties` is the fast loop. The seed
 * is fixed (`PROPERTY_SEED` to try another), so a failure is reproduced by running again.
 */
import type { Parameters } from 'fast-check';

/** Cases per property: PROPERTY_RUNS, else 1,000. */
export const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

/** The seed: PROPERTY_SEED, else a fixed one. */
export const SEED = Number(process.env.PROPERTY_SEED ?? 20211231);

/**
 * The parameters of a property run.
 * @param share - the part of RUNS this property runs (slow properties run fewer, at least 1)
 * @returns fast-check parameters
 */
export function runs<T>(share = 1): Parameters<T> {
  return { numRuns: Math.max(1, Math.round(RUNS * share)), seed: SEED, endOnFailure: true };
}
