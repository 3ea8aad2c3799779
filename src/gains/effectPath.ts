import type { Effect } from "../schemas/gainsModel.js";

/**
 * The effect per person in each year since the draw, k = 1..H, from the effects measured at some years:
 *
 * - at a measured year h: the measured estimate ("measured");
 * - between measured years h_i < k < h_{i+1}: linear, e(k) = e(h_i) + (e(h_{i+1}) - e(h_i)) (k - h_i) / (h_{i+1} - h_i)
 *   ("interpolated");
 * - beyond the last measured year h_m: e(k) = e(h_m) (1 - d)^(k - h_m), d = `decay_after_last` ("projected");
 * - before the first measured year h_1: e(h_1) held ("projected").
 *
 * In the Monte Carlo each measured estimate is drawn as estimate + se Z with one Z per outcome (the years of an
 * outcome fully correlated), so every year's effect is linear in Z: e(k) = a_k + b_k Z, with a_k the rule above
 * applied to the estimates and b_k the same rule applied to the standard errors.
 */
export type EffectStatus = "measured" | "interpolated" | "projected";

export interface EffectYear {
  year: number;
  /** effect at Z = 0 */
  a: number;
  /** change of the effect per unit of Z */
  b: number;
  status: EffectStatus;
}

export function effectPath(effect: Pick<Effect, "measured" | "decay_after_last">, horizon: number): EffectYear[] {
  const m = effect.measured;
  if (m.length === 0) throw new RangeError("effectPath: no measured years");
  const out: EffectYear[] = [];
  const first = m[0];
  const last = m[m.length - 1];
  for (let k = 1; k <= horizon; k++) {
    const exact = m.find((x) => x.year === k);
    if (exact) {
      out.push({ year: k, a: exact.estimate, b: exact.se, status: "measured" });
    } else if (k < first.year) {
      out.push({ year: k, a: first.estimate, b: first.se, status: "projected" });
    } else if (k > last.year) {
      const f = (1 - effect.decay_after_last) ** (k - last.year);
      out.push({ year: k, a: last.estimate * f, b: last.se * f, status: "projected" });
    } else {
      let i = 0;
      while (!(m[i].year < k && k < m[i + 1].year)) i++;
      const w = (k - m[i].year) / (m[i + 1].year - m[i].year);
      out.push({ year: k, a: m[i].estimate + (m[i + 1].estimate - m[i].estimate) * w, b: m[i].se + (m[i + 1].se - m[i].se) * w, status: "interpolated" });
    }
  }
  return out;
}
