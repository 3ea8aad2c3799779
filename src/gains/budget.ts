import { HORIZON_YEARS, PAYERS, type GainsModel, type Payer } from "../schemas/gainsModel.js";
import { yearlyCosts } from "./costs.js";
import { discountFactor } from "./discount.js";
import { minusTraced, scaleTraced, sumTraced, traced, type Traced } from "./traced.js";
import { yearlyGains, type OutcomeGains } from "./yearlyGains.js";

/**
 * The public sector's budget-economic result (SØM) over horizon years 1-5:
 *
 *   gains(t, p)   = sum_o gain(o, p, t)                         (see `yearlyGains`)
 *   net(t)        = sum_p gains(t, p) - sum_p costs(t, p)       (see `yearlyCosts`)
 *   cumulative(T) = sum_{t<=T} net(t);  PV versions weight year t by 1 / (1 + r)^(t - 1)   (see `discountFactor`)
 *   ROI(T)        = (PV gains(1..T) - PV costs(1..T)) / PV costs(1..T)
 *   break-even    = the first year t from which the cumulative net stays >= 0 through the horizon (year 5), so a
 *                   positive year 1 followed by a dip below 0 does not count; undiscounted and discounted.
 *
 * Totals are given at 3 years (the summative evaluation) and 5 years (the long-term measurement).
 */
export interface YearRow {
  year: number;
  gains_by_payer: Record<Payer, Traced>;
  gains: Traced;
  costs_by_payer: Record<Payer, Traced>;
  costs: Traced;
  net: Traced;
  cumulative_net: Traced;
  discount_factor: Traced;
  pv_net: Traced;
  cumulative_pv_net: Traced;
}

export interface Totals {
  gains_by_payer: Record<Payer, Traced>;
  gains: Traced;
  costs_by_payer: Record<Payer, Traced>;
  costs: Traced;
  net_by_payer: Record<Payer, Traced>;
  net: Traced;
}

export type BreakEven = { reached: true; year: number } | { reached: false; horizon_years: number };
export type Roi = { defined: true; value: Traced } | { defined: false; reason: string };

export interface BudgetResult {
  price_year: number;
  discount_rate: Traced;
  years: YearRow[];
  /** The yearly gain of each outcome by payer (undiscounted), the detail behind `years[].gains_by_payer`. */
  by_outcome: OutcomeGains[];
  totals: {
    undiscounted: { y3: Totals; y5: Totals };
    present_value: { y3: Totals; y5: Totals };
  };
  roi: { y3: Roi; y5: Roi };
  break_even: { undiscounted: BreakEven; discounted: BreakEven };
}

export interface BudgetOptions {
  /** Effect estimates by outcome id, overriding the model's (Monte Carlo, sensitivity). */
  effects?: Readonly<Record<string, number>>;
}

function totalsUpTo(years: readonly YearRow[], T: number, discounted: boolean, rate: Traced): Totals {
  const rows = years.slice(0, T);
  const w = (row: YearRow, x: Traced) => (discounted ? scaleTraced(x, row.discount_factor.value, rate.from) : x);
  const gains_by_payer = {} as Record<Payer, Traced>;
  const costs_by_payer = {} as Record<Payer, Traced>;
  const net_by_payer = {} as Record<Payer, Traced>;
  for (const p of PAYERS) {
    gains_by_payer[p] = sumTraced(rows.map((r) => w(r, r.gains_by_payer[p])));
    costs_by_payer[p] = sumTraced(rows.map((r) => w(r, r.costs_by_payer[p])));
    net_by_payer[p] = minusTraced(gains_by_payer[p], costs_by_payer[p]);
  }
  const gains = sumTraced(PAYERS.map((p) => gains_by_payer[p]));
  const costs = sumTraced(PAYERS.map((p) => costs_by_payer[p]));
  return { gains_by_payer, gains, costs_by_payer, costs, net_by_payer, net: minusTraced(gains, costs) };
}

/** First (1-based) year from which every cumulative value through the end is >= 0; or not reached. */
export function breakEvenYear(cumulative: readonly number[]): BreakEven {
  let year = 0;
  for (let i = cumulative.length - 1; i >= 0 && cumulative[i] >= 0; i--) year = i + 1;
  return year > 0 ? { reached: true, year } : { reached: false, horizon_years: cumulative.length };
}

function roi(t: Totals): Roi {
  if (!(t.costs.value > 0)) return { defined: false, reason: "no costs in the period: ROI undefined" };
  return { defined: true, value: traced(t.net.value / t.costs.value, [...t.net.from, ...t.costs.from]) };
}

export function budgetResult(model: GainsModel, options: BudgetOptions = {}): BudgetResult {
  const horizon = HORIZON_YEARS;
  const rate = traced(model.discount_rate.value, ["discount_rate"]);
  const gains = yearlyGains(model, options.effects, horizon);
  const costs = yearlyCosts(model, horizon);
  const years: YearRow[] = [];
  let cum: Traced = traced(0, []);
  let cumPv: Traced = traced(0, []);
  for (let t = 1; t <= horizon; t++) {
    const gains_by_payer = {} as Record<Payer, Traced>;
    for (const p of PAYERS) gains_by_payer[p] = sumTraced(gains.map((g) => g.years[t - 1][p]));
    const g = sumTraced(PAYERS.map((p) => gains_by_payer[p]));
    const c = sumTraced(PAYERS.map((p) => costs[t - 1][p]));
    const net = minusTraced(g, c);
    const df = traced(discountFactor(rate.value, t), ["discount_rate"] /* year 1 is year 0 of the discounting convention */);
    const pv = scaleTraced(net, df.value, df.from);
    cum = sumTraced([cum, net]);
    cumPv = sumTraced([cumPv, pv]);
    years.push({ year: t, gains_by_payer, gains: g, costs_by_payer: costs[t - 1], costs: c, net, cumulative_net: cum, discount_factor: df, pv_net: pv, cumulative_pv_net: cumPv });
  }
  const totals = {
    undiscounted: { y3: totalsUpTo(years, 3, false, rate), y5: totalsUpTo(years, 5, false, rate) },
    present_value: { y3: totalsUpTo(years, 3, true, rate), y5: totalsUpTo(years, 5, true, rate) },
  };
  return {
    price_year: model.price_year,
    discount_rate: rate,
    years,
    by_outcome: gains,
    totals,
    roi: { y3: roi(totals.present_value.y3), y5: roi(totals.present_value.y5) },
    break_even: {
      undiscounted: breakEvenYear(years.map((y) => y.cumulative_net.value)),
      discounted: breakEvenYear(years.map((y) => y.cumulative_pv_net.value)),
    },
  };
}
