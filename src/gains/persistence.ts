import type { Persistence } from "../schemas/gainsModel.js";

/**
 * The share of the measured effect still present in horizon year t (1-based):
 *
 * - before the first measured horizon h1: f(h1) (the effect is assumed present from year 1);
 * - between measured horizons h_i <= t <= h_{i+1}: linear interpolation
 *     f(t) = f(h_i) + (f(h_{i+1}) - f(h_i)) * (t - h_i) / (h_{i+1} - h_i);
 * - after the last measured horizon h_k: geometric decay at the stated rate d,
 *     f(t) = f(h_k) * (1 - d)^(t - h_k).
 */
export function persistenceFactor(p: Persistence, year: number): number {
  if (!Number.isInteger(year) || year < 1) throw new RangeError(`persistenceFactor: year must be a whole number >= 1, got ${year}`);
  const m = p.measured;
  if (m.length === 0) throw new RangeError("persistenceFactor: no measured horizons");
  if (year <= m[0].year) return m[0].factor;
  const last = m[m.length - 1];
  if (year >= last.year) return last.factor * (1 - p.decay_after_last) ** (year - last.year);
  for (let i = 0; i + 1 < m.length; i++) {
    const a = m[i];
    const b = m[i + 1];
    if (year >= a.year && year <= b.year) return a.factor + ((b.factor - a.factor) * (year - a.year)) / (b.year - a.year);
  }
  throw new RangeError(`persistenceFactor: horizons not increasing around year ${year}`);
}
