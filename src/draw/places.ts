import { UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import { uniformInt, type Rng } from "./rng.js";

/** How many treatment places a wave has: one total, split across strata, or a number per stratum. */
export type TreatSpec = { kind: "total"; places: number } | { kind: "perStratum"; places: Record<string, number> };

export interface StratumPlaces {
  stratum: string;
  eligible: number;
  places: number;
  /** Exact ex-ante probability of treatment for every household in the stratum, as numerator / denominator. */
  pNumerator: number;
  pDenominator: number;
}

/**
 * Splits the wave's places over strata. Per-stratum places are taken as given (randomizr `block_ra(block_m=)`),
 * and each household's probability is m_s / n_s.
 *
 * A total N is split proportionally: stratum s with n_s of the n eligible has quota q_s = N n_s / n. It gets
 * floor(q_s) places, and the R = N - sum floor(q_s) remaining places go to R distinct strata chosen by
 * systematic sampling with inclusion probabilities equal to the fractional parts q_s - floor(q_s) (one seeded
 * uniform start). Stratum s then expects exactly q_s places, so every eligible household in the wave has the same
 * exact probability N / n whichever stratum it is in. Integer arithmetic throughout (N n_s < 2^53).
 */
export function allocatePlaces(strata: readonly string[], sizes: readonly number[], treat: TreatSpec, rng: Rng): StratumPlaces[] {
  const n = sizes.reduce((a, b) => a + b, 0);
  if (treat.kind === "perStratum") {
    const unknown = Object.keys(treat.places).filter((s) => !strata.includes(s));
    if (unknown.length > 0) {
      throw new UserError(tm("draw_treat_unknown", { names: unknown.map((s) => `"${s}"`).join(", "), strata: strata.map((s) => `"${s}"`).join(", ") }));
    }
    return strata.map((stratum, k) => {
      const places = treat.places[stratum];
      if (places === undefined) throw new UserError(tm("draw_treat_no_places", { stratum, n: sizes[k] }));
      if (places > sizes[k]) throw new UserError(tm("draw_treat_stratum_too_many", { stratum, places, n: sizes[k] }));
      return { stratum, eligible: sizes[k], places, pNumerator: places, pDenominator: sizes[k] };
    });
  }
  const total = treat.places;
  if (total > n) throw new UserError(tm("draw_treat_too_many", { total, n }));
  const floors = sizes.map((s) => Math.floor((total * s) / n));
  const remainders = sizes.map((s, k) => total * s - floors[k] * n); // fractional part times n, integer
  const extra = total - floors.reduce((a, b) => a + b, 0);
  const chosen = new Array<number>(sizes.length).fill(0);
  if (extra > 0) {
    const start = uniformInt(rng, n);
    let point = start;
    let cumulative = 0;
    for (let k = 0; k < sizes.length && point < extra * n; k++) {
      cumulative += remainders[k];
      while (point < cumulative && point < extra * n) {
        chosen[k] += 1;
        point += n;
      }
    }
  }
  return strata.map((stratum, k) => ({
    stratum,
    eligible: sizes[k],
    places: floors[k] + chosen[k],
    pNumerator: total,
    pDenominator: n,
  }));
}

/** `--treat` of effekt draw (and of effekt power --households-file): a total ("60") or per-stratum places ("Houlkær=20,Ellekonebakken=15"). */
export function parseTreat(raw: string): TreatSpec {
  if (/^\s*\d+\s*$/.test(raw)) {
    if (Number(raw) === 0) throw new UserError(tm("draw_treat_zero", { treat: raw.trim() }));
    if (!Number.isSafeInteger(Number(raw))) throw new UserError(tm("draw_treat_too_large", { treat: raw.trim() }));
    return { kind: "total", places: Number(raw) };
  }
  const places: Record<string, number> = {};
  for (const part of raw.split(",")) {
    const m = /^(.+)=\s*(\d+)\s*$/.exec(part);
    if (!m) throw new UserError(tm("draw_treat_syntax", { treat: raw, part }));
    const name = m[1].trim().normalize("NFC");
    if (name in places) throw new UserError(tm("draw_treat_twice", { stratum: name }));
    places[name] = Number(m[2]);
  }
  if (Object.values(places).every((n) => n === 0)) throw new UserError(tm("draw_treat_all_zero", { treat: raw }));
  if (Object.values(places).some((n) => !Number.isSafeInteger(n))) throw new UserError(tm("draw_treat_too_large", { treat: `"${raw}"` }));
  return { kind: "perStratum", places };
}
