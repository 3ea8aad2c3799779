import { HORIZON_YEARS, PAYERS, type GainsModel, type Payer } from "../schemas/gainsModel.js";
import { budgetResult, type BudgetResult } from "./budget.js";
import { yearlyCosts } from "./costs.js";
import { discountFactor } from "./discount.js";
import { normalStream } from "./normalDraws.js";
import { paymentResult, type PaymentResult } from "./payment.js";
import { quantileSorted } from "./quantile.js";
import { yearlyGains } from "./yearlyGains.js";

/**
 * Seeded Monte Carlo over the effects' sampling distributions. Each outcome's effect is drawn independently as
 *   e_o = estimate_o + se_o * Z,   Z ~ N(0, 1)  (`normalStream`: seedrandom ARC4 + Box-Muller),
 * outcomes in file order, one Z per outcome per draw (an outcome with se = 0 still consumes its Z, so adding
 * uncertainty to one outcome does not shift the others' draws). Everything else (unit values, persistence, costs,
 * discount rate) is held at the model's values; their uncertainty is shown by `sensitivityTable`.
 *
 * Gains are linear in the effects, so each draw's yearly net is sum_o e_o * G_o(t) - C(t), with G_o(t) the gain
 * of outcome o in year t per unit of effect. Intervals are the (1 - level)/2 and (1 + level)/2 sample quantiles
 * (type 7); P(payback within T) is the share of draws whose cumulative net at year T is >= 0 (undiscounted, and
 * with the discounted flows for the `_discounted` variants).
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
  method: string;
  net_y3: McInterval;
  net_y5: McInterval;
  net_pv_y3: McInterval;
  net_pv_y5: McInterval;
  gains_pv_y3: McInterval;
  gains_pv_y5: McInterval;
  /** PV net at 5 years for each payer (gains minus that payer's costs). */
  net_pv_y5_by_payer: Record<Payer, McInterval>;
  p_payback_within_3: McProbability;
  p_payback_within_5: McProbability;
  p_payback_within_3_discounted: McProbability;
  p_payback_within_5_discounted: McProbability;
  payment?: {
    repayment: McInterval;
    investor_annual_return: McInterval;
    p_goal_met: Array<{ goal: string; outcome: string; follow_up_year: number; target_group?: string; p: McProbability }>;
    p_afkastloft_binding: McProbability;
    p_afkastgulv_binding: McProbability;
  };
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
  return {
    point,
    mean: sum / values.length,
    lower: quantileSorted(sorted, (1 - level) / 2),
    upper: quantileSorted(sorted, (1 + level) / 2),
    level,
    from,
  };
}

export function monteCarlo(model: GainsModel, options: MonteCarloOptions = {}): MonteCarloResult {
  const draws = options.draws ?? model.monte_carlo?.draws ?? 10_000;
  const seed = options.seed ?? model.monte_carlo?.seed;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(draws) || draws < 10_000) throw new RangeError(`monteCarlo: draws must be a whole number >= 10000, got ${draws}`);
  if (!seed) throw new RangeError("monteCarlo: a seed is required (options.seed or monte_carlo.seed in the model)");
  if (!(level > 0 && level < 1)) throw new RangeError(`monteCarlo: level must be in (0, 1), got ${level}`);

  const T = HORIZON_YEARS;
  const unit: Record<string, number> = {};
  for (const o of model.outcomes) unit[o.id] = 1;
  const unitGains = yearlyGains(model, unit, T);
  const perEffect = unitGains.map((g) => g.years.map((row) => PAYERS.reduce((s, p) => s + row[p].value, 0)));
  const costRows = yearlyCosts(model, T);
  const costs = costRows.map((row) => PAYERS.reduce((s, p) => s + row[p].value, 0));
  // PV over years 1-5 of one unit of effect, and of costs, per payer.
  const df = Array.from({ length: T }, (_, i) => discountFactor(model.discount_rate.value, i + 1));
  const perEffectPvByPayer = unitGains.map((g) => PAYERS.map((p) => g.years.reduce((s, row, t) => s + row[p].value * df[t], 0)));
  const costPvByPayer = PAYERS.map((p) => costRows.reduce((s, row, t) => s + row[p].value * df[t], 0));
  const byPayer = PAYERS.map(() => new Float64Array(draws));
  const point: BudgetResult = budgetResult(model);
  const pointPay: PaymentResult | undefined = model.payment_model ? paymentResult(model) : undefined;

  const net3 = new Float64Array(draws);
  const net5 = new Float64Array(draws);
  const pv3 = new Float64Array(draws);
  const pv5 = new Float64Array(draws);
  const g3 = new Float64Array(draws);
  const g5 = new Float64Array(draws);
  let pb3 = 0, pb5 = 0, pbd3 = 0, pbd5 = 0;
  const rep = new Float64Array(model.payment_model ? draws : 0);
  const ret = new Float64Array(model.payment_model ? draws : 0);
  const met = new Float64Array(model.payment_model?.rate_card.length ?? 0);
  let capBinding = 0, floorBinding = 0;

  const z = normalStream(seed);
  const effects: Record<string, number> = {};
  for (let d = 0; d < draws; d++) {
    for (const o of model.outcomes) effects[o.id] = o.effect.estimate + o.effect.se * z.next();
    let cum = 0, cumPv = 0, gPv = 0;
    for (let t = 0; t < T; t++) {
      let g = 0;
      for (let k = 0; k < model.outcomes.length; k++) g += effects[model.outcomes[k].id] * perEffect[k][t];
      const net = g - costs[t];
      cum += net;
      cumPv += net * df[t];
      gPv += g * df[t];
      if (t === 2) {
        net3[d] = cum;
        pv3[d] = cumPv;
        g3[d] = gPv;
      }
    }
    for (let j = 0; j < PAYERS.length; j++) {
      let v = -costPvByPayer[j];
      for (let k = 0; k < model.outcomes.length; k++) v += effects[model.outcomes[k].id] * perEffectPvByPayer[k][j];
      byPayer[j][d] = v;
    }
    net5[d] = cum;
    pv5[d] = cumPv;
    g5[d] = gPv;
    if (net3[d] >= 0) pb3++;
    if (cum >= 0) pb5++;
    if (pv3[d] >= 0) pbd3++;
    if (cumPv >= 0) pbd5++;
    if (model.payment_model) {
      const pr = paymentResult(model, effects);
      rep[d] = pr.repayment.value;
      ret[d] = pr.investor_annual_return.value;
      pr.lines.forEach((l, i) => {
        if (l.met) met[i]++;
      });
      if (pr.limited_by === "afkastloft") capBinding++;
      if (pr.limited_by === "afkastgulv") floorBinding++;
    }
  }
  const effFrom = model.outcomes.map((o) => `outcomes.${o.id}.effect.se`);
  const prob = (k: number, from: string[]): McProbability => ({ value: k / draws, from: [...effFrom, ...from].sort() });
  const u = point.totals.undiscounted;
  const pv = point.totals.present_value;
  const result: MonteCarloResult = {
    draws,
    seed,
    method: "independent normal effects N(estimate, se); seedrandom ARC4 + Box-Muller; type-7 quantile intervals",
    net_y3: summarise(net3, u.y3.net.value, level, [...effFrom, ...u.y3.net.from].sort()),
    net_y5: summarise(net5, u.y5.net.value, level, [...effFrom, ...u.y5.net.from].sort()),
    net_pv_y3: summarise(pv3, pv.y3.net.value, level, [...effFrom, ...pv.y3.net.from].sort()),
    net_pv_y5: summarise(pv5, pv.y5.net.value, level, [...effFrom, ...pv.y5.net.from].sort()),
    gains_pv_y3: summarise(g3, pv.y3.gains.value, level, [...effFrom, ...pv.y3.gains.from].sort()),
    gains_pv_y5: summarise(g5, pv.y5.gains.value, level, [...effFrom, ...pv.y5.gains.from].sort()),
    net_pv_y5_by_payer: Object.fromEntries(
      PAYERS.map((p, j) => [p, summarise(byPayer[j], pv.y5.net_by_payer[p].value, level, [...effFrom, ...pv.y5.net_by_payer[p].from].sort())]),
    ) as Record<Payer, McInterval>,
    p_payback_within_3: prob(pb3, u.y3.net.from),
    p_payback_within_5: prob(pb5, u.y5.net.from),
    p_payback_within_3_discounted: prob(pbd3, pv.y3.net.from),
    p_payback_within_5_discounted: prob(pbd5, pv.y5.net.from),
  };
  if (model.payment_model && pointPay) {
    result.payment = {
      repayment: summarise(rep, pointPay.repayment.value, level, [...effFrom, ...pointPay.repayment.from].sort()),
      investor_annual_return: summarise(ret, pointPay.investor_annual_return.value, level, [...effFrom, ...pointPay.investor_annual_return.from].sort()),
      p_goal_met: pointPay.lines.map((l, i) => {
        const row: { goal: string; outcome: string; follow_up_year: number; target_group?: string; p: McProbability } = {
          goal: l.goal,
          outcome: l.outcome,
          follow_up_year: l.follow_up_year,
          p: prob(met[i], l.successes.from),
        };
        if (l.target_group !== undefined) row.target_group = l.target_group;
        return row;
      }),
      p_afkastloft_binding: prob(capBinding, ["payment_model.afkastloft"]),
      p_afkastgulv_binding: prob(floorBinding, ["payment_model.afkastgulv"]),
    };
  }
  return result;
}
