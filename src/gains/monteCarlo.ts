import { ACCOUNTS, evaluate, sumFirst, type Account } from "./evaluate.js";
import { normalStream } from "./normalDraws.js";
import type { Prepared } from "./prepare.js";
import { quantileSorted } from "./quantile.js";
import { cumulative, fromsOf, pointResult } from "./result.js";

/**
 * One seeded Monte Carlo over the effects' sampling distributions. Each draw takes one Z ~ N(0, 1) per outcome
 * (`normalStream`: seedrandom ARC4 + Box-Muller; outcomes in file order; an outcome with se = 0 still consumes its
 * Z), and every measured year of that outcome moves with the same Z (the years fully correlated; each year's
 * standard error is the effect table's for a measured year, interpolated or projected like the estimate otherwise,
 * see effectPath.ts). Everything else (counts, unit values, costs, prices, discount rate) is held at the model's
 * values; their uncertainty is the sensitivity table's. Each draw goes through the same `evaluate` as the point
 * result, thresholds, afkastloft and afkastgulv included.
 *
 * Intervals are the (1 - level)/2 and (1 + level)/2 sample quantiles (type 7). P(payback within T) is the share of
 * draws whose whole-public-sector cumulative net (after the repayment) over the first T budget years is >= 0.
 * For the municipality, per budget year: the interval of its cumulative net (savings - own costs - repayment) and
 * P(cumulative net >= 0). Per rate-card line: P(threshold met) and the expected (mean) payment. P(floor binds) and
 * P(cap binds): the shares of draws whose repayment was raised to the afkastgulv or capped by the afkastloft.
 */
export interface McInterval {
  point: number;
  mean: number;
  lower: number;
  upper: number;
  level: number;
  from: string[];
}

export interface McProbability {
  value: number;
  from: string[];
}

export interface MonteCarloResult {
  draws: number;
  seed: string;
  level: number;
  method: string;
  public_net_y3: McInterval;
  public_net_y5: McInterval;
  public_net_pv_y3: McInterval;
  public_net_pv_y5: McInterval;
  gains_pv_y5: McInterval;
  accounts_pv_y5: Record<Account, McInterval>;
  p_payback_within_3: McProbability;
  p_payback_within_5: McProbability;
  p_payback_within_3_discounted: McProbability;
  p_payback_within_5_discounted: McProbability;
  kommune_by_year: Array<{ year: number; cumulative_net: McInterval; p_cumulative_net_nonnegative: McProbability }>;
  payment: {
    repayment: McInterval;
    investor_irr: McInterval | null;
    lines: Array<{ goal: string; outcome: string; follow_up_year: number; p_met: McProbability; expected_payment: McProbability }>;
    p_floor_binds: McProbability;
    p_cap_binds: McProbability;
  } | null;
}

export interface MonteCarloOptions {
  draws?: number;
  seed?: string;
  level?: number;
}

function summarise(values: Float64Array, point: number, level: number, from: string[]): McInterval {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of values) sum += v;
  return { point, mean: sum / values.length, lower: quantileSorted(sorted, (1 - level) / 2), upper: quantileSorted(sorted, (1 + level) / 2), level, from: [...new Set(from)].sort() };
}

export function monteCarlo(prep: Prepared, options: MonteCarloOptions = {}): MonteCarloResult {
  const model = prep.model;
  const draws = options.draws ?? model.monte_carlo?.draws ?? 10_000;
  const seed = options.seed ?? model.monte_carlo?.seed;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(draws) || draws < 10_000) throw new RangeError(`monteCarlo: draws must be a whole number >= 10000, got ${draws}`);
  if (!seed) throw new RangeError("monteCarlo: a seed is required (options.seed or monte_carlo.seed in the model)");
  if (!(level > 0 && level < 1)) throw new RangeError(`monteCarlo: level must be in (0, 1), got ${level}`);
  const point = pointResult(prep);
  const zero = evaluate(prep, new Float64Array(prep.outcomes.length));
  const fr = fromsOf(prep, zero);
  const nY = prep.years.length;
  const nO = prep.outcomes.length;
  const pub3 = new Float64Array(draws), pub5 = new Float64Array(draws), pv3 = new Float64Array(draws), pv5 = new Float64Array(draws), g5 = new Float64Array(draws);
  const acc = Object.fromEntries(ACCOUNTS.map((a) => [a, new Float64Array(draws)])) as Record<Account, Float64Array>;
  const kom = Array.from({ length: nY }, () => new Float64Array(draws));
  const komNonNeg = new Float64Array(nY);
  let pb3 = 0, pb5 = 0, pbd3 = 0, pbd5 = 0, floor = 0, cap = 0;
  const pm = model.payment_model;
  const rep = new Float64Array(pm ? draws : 0);
  const irrs = new Float64Array(pm ? draws : 0);
  let irrDefined = 0;
  const met = new Float64Array(prep.lines.length);
  const paid = new Float64Array(prep.lines.length);
  const z = normalStream(seed);
  const zs = new Float64Array(nO);
  for (let d = 0; d < draws; d++) {
    for (let k = 0; k < nO; k++) zs[k] = z.next();
    const ev = evaluate(prep, zs);
    const pub = ev.accounts.public;
    pub3[d] = sumFirst(pub, 3);
    pub5[d] = sumFirst(pub, 5);
    pv3[d] = sumFirst(pub, 3, prep.df);
    pv5[d] = sumFirst(pub, 5, prep.df);
    let g = 0;
    for (const p of ["kommune", "region", "stat"] as const) g += sumFirst(ev.gains[p], 5, prep.df);
    g5[d] = g;
    for (const a of ACCOUNTS) acc[a][d] = sumFirst(ev.accounts[a], 5, prep.df);
    if (pub3[d] >= 0) pb3++;
    if (pub5[d] >= 0) pb5++;
    if (pv3[d] >= 0) pbd3++;
    if (pv5[d] >= 0) pbd5++;
    const ck = cumulative(ev.accounts.kommune);
    for (let t = 0; t < nY; t++) {
      kom[t][d] = ck[t];
      if (ck[t] >= 0) komNonNeg[t]++;
    }
    if (pm) {
      rep[d] = ev.repayment;
      if (ev.investorIrr !== undefined) irrs[irrDefined++] = ev.investorIrr;
      if (ev.limit === "raised_to_floor") floor++;
      if (ev.limit === "capped") cap++;
      ev.lines.forEach((l, i) => {
        if (l.met) met[i]++;
        paid[i] += l.payment;
      });
    }
  }
  const effFrom = model.outcomes.map((o) => `outcomes.${o.id}.effect`);
  const prob = (k: number, from: string[]): McProbability => ({ value: k / draws, from: [...new Set([...effFrom, ...from])].sort() });
  const t3 = point.totals.y3;
  const t5 = point.totals.y5;
  const accounts_pv_y5 = {} as Record<Account, McInterval>;
  for (const a of ACCOUNTS) accounts_pv_y5[a] = summarise(acc[a], t5.present_value.accounts[a].value, level, [...effFrom, ...t5.present_value.accounts[a].from]);
  const pubFrom = [...effFrom, ...fr.accounts.public];
  const pay = point.payment;
  return {
    draws,
    seed,
    level,
    method: "one normal draw per outcome shared by all its years (fully correlated), N(estimate, se) at each measured year; seedrandom ARC4 + Box-Muller; type-7 quantile intervals",
    public_net_y3: summarise(pub3, t3.undiscounted.accounts.public.value, level, pubFrom),
    public_net_y5: summarise(pub5, t5.undiscounted.accounts.public.value, level, pubFrom),
    public_net_pv_y3: summarise(pv3, t3.present_value.accounts.public.value, level, [...pubFrom, "discount_rate"]),
    public_net_pv_y5: summarise(pv5, t5.present_value.accounts.public.value, level, [...pubFrom, "discount_rate"]),
    gains_pv_y5: summarise(g5, t5.present_value.gains.value, level, [...effFrom, ...t5.present_value.gains.from]),
    accounts_pv_y5,
    p_payback_within_3: prob(pb3, fr.accounts.public),
    p_payback_within_5: prob(pb5, fr.accounts.public),
    p_payback_within_3_discounted: prob(pbd3, [...fr.accounts.public, "discount_rate"]),
    p_payback_within_5_discounted: prob(pbd5, [...fr.accounts.public, "discount_rate"]),
    kommune_by_year: prep.years.map((Y, t) => ({
      year: Y,
      cumulative_net: summarise(kom[t], point.kommune_repayment[t].cumulative_net.value, level, [...effFrom, ...fr.accounts.kommune]),
      p_cumulative_net_nonnegative: prob(komNonNeg[t], fr.accounts.kommune),
    })),
    payment: pm && pay
      ? {
          repayment: summarise(rep, pay.repayment.value, level, [...effFrom, ...fr.repayment]),
          investor_irr: irrDefined > 0 && pay.investor_irr ? summarise(irrs.subarray(0, irrDefined), pay.investor_irr.value, level, [...effFrom, ...fr.accounts.investor]) : null,
          lines: prep.lines.map((l, i) => ({
            goal: pm.rate_card[i].goal,
            outcome: pm.rate_card[i].outcome,
            follow_up_year: pm.rate_card[i].follow_up_year,
            p_met: prob(met[i], l.from),
            expected_payment: { value: paid[i] / draws, from: [...new Set([...effFrom, ...l.from])].sort() },
          })),
          p_floor_binds: prob(floor, ["payment_model.afkastgulv", ...fr.repayment]),
          p_cap_binds: prob(cap, ["payment_model.afkastloft", ...fr.repayment]),
        }
      : null,
  };
}
