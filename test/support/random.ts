/**
 * A small deterministic random generator (mulberry32), for tests and bench data that must be the
 * same on every run.
 * @param seed - any integer
 * @returns a function giving the next number in [0, 1)
 */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
