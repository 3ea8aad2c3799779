import { EstimationError } from "./errors.js";

/**
 * Adjusted p-values for multiple outcomes, as R's p.adjust (NaN entries are left NaN and not counted in n).
 *
 * Holm (1979), step-down: with p_(1) <= ... <= p_(n),
 *   p~_(i) = min(1, max_{j <= i} (n - j + 1) p_(j)).
 * Benjamini and Hochberg (1995), step-up false discovery rate:
 *   p~_(i) = min(1, min_{j >= i} n p_(j) / j).
 */
export type AdjustMethod = "holm" | "BH";

function check(p: ArrayLike<number>): number[] {
  const idx: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (Number.isNaN(v)) continue;
    if (!(v >= 0 && v <= 1)) throw new EstimationError("bad_input", `p-values must be in [0, 1], got ${v}`);
    idx.push(i);
  }
  return idx;
}

export function holm(p: ArrayLike<number>): Float64Array {
  const idx = check(p);
  const out = new Float64Array(p.length).fill(NaN);
  const n = idx.length;
  // stable ascending order, as R's order()
  idx.sort((a, b) => p[a] - p[b] || a - b);
  let running = 0;
  for (let i = 0; i < n; i++) {
    running = Math.max(running, (n - i) * p[idx[i]]);
    out[idx[i]] = Math.min(1, running);
  }
  return out;
}

export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const idx = check(p);
  const out = new Float64Array(p.length).fill(NaN);
  const n = idx.length;
  // descending order
  idx.sort((a, b) => p[b] - p[a] || b - a);
  let running = Infinity;
  for (let r = 0; r < n; r++) {
    const rank = n - r; // rank in ascending order
    running = Math.min(running, (n / rank) * p[idx[r]]);
    out[idx[r]] = Math.min(1, running);
  }
  return out;
}

export function pAdjust(p: ArrayLike<number>, method: AdjustMethod): Float64Array {
  return method === "holm" ? holm(p) : benjaminiHochberg(p);
}
