import { uniformInt, type Rng } from "./rng.js";

/**
 * Complete random assignment of exactly m of n units (randomizr `complete_ra`): a partial Fisher-Yates shuffle of
 * the indices 0..n-1 in their canonical order; the first m positions are treated. Every subset of size m is
 * equally likely, so each unit's probability is exactly m / n. Returns a 0/1 array in the input order.
 */
export function completeAssignment(n: number, m: number, rng: Rng): Uint8Array {
  const order = new Int32Array(n);
  partialShuffle(n, m, rng, order);
  const treated = new Uint8Array(n);
  for (let i = 0; i < m; i++) treated[order[i]] = 1;
  return treated;
}

/**
 * The shuffle behind `completeAssignment`, on the caller's buffer (`order`, at least n long): afterwards
 * `order[0 .. m)` are the treated units, in the order they were drawn. The lottery's re-draws (`redraw.ts`) call
 * it 10,000s of times on one reused buffer.
 */
export function partialShuffle(n: number, m: number, rng: Rng, order: Int32Array): void {
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = 0; i < m; i++) {
    const j = i + uniformInt(rng, n - i);
    const tmp = order[i];
    order[i] = order[j];
    order[j] = tmp;
  }
}
