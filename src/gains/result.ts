import { PAYERS, type Payer } from "../schemas/gainsModel.js";
import type { CountBasis } from "./cohorts.js";
import type { EffectStatus } from "./effectPath.js";
import { ACCOUNTS, evaluate, sumFirst, type Account, type Evaluation, type Limit } from "./evaluate.js";
import { irr } from "./irr.js";
import type { Prepared } from "./prepare.js";
import { traced, type Traced } from "./traced.js";

/**
 * The point result (effects at their estimates) of a prepared model, every number traced to the model fields it
 * comes from. Budget years are calendar years from `year0` (discount factor 1 / (1 + r)^(Y - year0)); the 3- and
 * 5-year totals are the budget years year0..year0+2 and year0..year0+4 (dated: through 31 December of the last),
 * "all" runs to the last budget year any flow touches. Break-even is the first budget year from which the whole
 * public sector's cumulative net (after the repayment) stays >= 0 through the last budget year.
 */
export type BreakEven = { reached: true; year: number } | { reached: false; through_year: number };

export interface BudgetYearRow {
  year: number;
  discount_factor: number;
  gains_by_payer: Record<Payer, Traced>;
  gains: Traced;
  costs_by_payer: Record<Payer, Traced>;
  costs: Traced;
  investment: Traced;
  repayment: Traced;
  accounts: Record<Account, Traced>;
  cumulative_public_net: Traced;
  cumulative_public_pv_net: Traced;
}

export interface SinceDrawRow {
  year_since_draw: number;
  effects: Array<{ outcome: string; effect: number; status: EffectStatus }>;
  gains_by_payer: Record<Payer, Traced>;
  gains: Traced;
  per_unit_costs: Traced;
}

export interface PeriodTotals {
  period: "3 years" | "5 years" | "all budget years";
  first_year: number;
  last_year: number;
  through: string;
  undiscounted: { gains: Traced; costs: Traced; repayment: Traced; investment: Traced; accounts: Record<Account, Traced> };
  present_value: { gains: Traced; costs: Traced; repayment: Traced; investment: Traced; accounts: Record<Account, Traced> };
}

export interface PaymentLineOut {
  goal: string;
  outcome: string;
  target_group?: string;
  follow_up_year: number;
  counting: "net_of_control" | "gross";
  counting_words: string;
  control_rate: number | null;
  persons: Traced;
  successes: Traced;
  min_successes: number;
  met: boolean;
  below_threshold: "nothing" | "pro_rata";
  payment: Traced;
  payment_year: number;
}

export interface PaymentOut {
  investor: string | null;
  payer: "kommune";
  lines: PaymentLineOut[];
  disbursements: Array<{ year: number; dkk: number }>;
  investment: Traced;
  repayment_before_limits: Traced;
  adjustment: Traced;
  limit: Limit;
  limit_words: string;
  repayment: Traced;
  schedule: Array<{ year: number; dkk: number }>;
  settlement_year: number;
  investor_irr: Traced | null;
  investor_irr_before_limits: Traced | null;
  afkastloft: number | null;
  afkastgulv: number | null;
}

export interface KommuneRow {
  year: number;
  savings: Traced;
  own_costs: Traced;
  repayment: Traced;
  net: Traced;
  cumulative_net: Traced;
}

export interface EffectOut {
  outcome: string;
  estimand: "ITT" | "CACE";
  by_year: Array<{ year: number; effect: number; se_in_draws: number; status: EffectStatus }>;
}

export interface GainsResult {
  year0: number;
  price_year: number;
  horizon_years: number;
  discount_rate: Traced;
  cohorts_from: "register" | "planning";
  cohorts: Array<{ label: string; draw_date: string; treatment_units: number }>;
  counts: Array<CountBasis & { value: number; by_cohort: Array<{ label: string; value: number }> }>;
  effects: EffectOut[];
  costs: Array<{ label: string; field: string; payer: Payer; additional: boolean; counted: boolean; total: Traced }>;
  budget_years: BudgetYearRow[];
  by_year_since_draw: SinceDrawRow[];
  totals: { y3: PeriodTotals; y5: PeriodTotals; all: PeriodTotals };
  break_even: { undiscounted: BreakEven; discounted: BreakEven };
  kommune_repayment: KommuneRow[];
  payment: PaymentOut | null;
}

const LIMIT_WORDS: Record<Limit, string> = {
  none: "within the afkastloft and afkastgulv (no adjustment)",
  capped: "capped: the repayment was lowered so that the investor's return equals the afkastloft",
  raised_to_floor: "raised to the floor: the repayment was raised so that the investor's return equals the afkastgulv",
};

export function countingWords(gross: boolean): string {
  return gross
    ? "gross: everyone in the line's persons who succeeds counts, including those who would have succeeded anyway (control_rate)"
    : "net of control: only successes above what the control group achieves count";
}

/** First budget year from which every cumulative value through the end is >= 0. */
export function breakEven(cumulative: ArrayLike<number>, years: readonly number[]): BreakEven {
  let k = -1;
  for (let i = cumulative.length - 1; i >= 0 && cumulative[i] >= 0; i--) k = i;
  return k >= 0 ? { reached: true, year: years[k] } : { reached: false, through_year: years[years.length - 1] };
}

export function cumulative(x: ArrayLike<number>, df?: ArrayLike<number>): Float64Array {
  const out = new Float64Array(x.length);
  let s = 0;
  for (let i = 0; i < x.length; i++) out[i] = s += df ? x[i] * df[i] : x[i];
  return out;
}

export interface Froms {
  gains: Record<Payer, string[]>;
  costs: Record<Payer, string[]>;
  repayment: string[];
  investment: string[];
  accounts: Record<Account, string[]>;
}

export function fromsOf(prep: Prepared, ev: Evaluation): Froms {
  const gains = {} as Record<Payer, string[]>;
  const costs = {} as Record<Payer, string[]>;
  for (const p of PAYERS) {
    gains[p] = prep.outcomes.flatMap((o) => (o.uv[p] !== 0 ? o.from[p] : []));
    costs[p] = prep.costs.filter((c) => c.payer === p && (c.additional || prep.includeNonAdditional)).flatMap((c) => c.from);
  }
  const investment = prep.model.payment_model ? ["payment_model.disbursements"] : [];
  const limitField = ev.limit === "capped" ? ["payment_model.afkastloft", ...investment] : ev.limit === "raised_to_floor" ? ["payment_model.afkastgulv", ...investment] : [];
  const repayment = [...prep.lines.flatMap((l) => l.from), ...limitField];
  const kommune = [...gains.kommune, ...costs.kommune, ...repayment];
  const region = [...gains.region, ...costs.region];
  const stat = [...gains.stat, ...costs.stat];
  return { gains, costs, repayment, investment, accounts: { kommune, region, stat, public: [...kommune, ...region, ...stat], investor: [...repayment, ...investment] } };
}

function periodTotals(prep: Prepared, ev: Evaluation, fr: Froms, T: number, period: PeriodTotals["period"]): PeriodTotals {
  const years = prep.years;
  const last = years[Math.min(T, years.length) - 1];
  const block = (df?: Float64Array) => {
    const accounts = {} as Record<Account, Traced>;
    for (const a of ACCOUNTS) accounts[a] = traced(sumFirst(ev.accounts[a], T, df), [...fr.accounts[a], ...(df ? ["discount_rate"] : [])]);
    const d = df ? ["discount_rate"] : [];
    return {
      gains: traced(PAYERS.reduce((s, p) => s + sumFirst(ev.gains[p], T, df), 0), [...PAYERS.flatMap((p) => fr.gains[p]), ...d]),
      costs: traced(PAYERS.reduce((s, p) => s + sumFirst(ev.costs[p], T, df), 0), [...PAYERS.flatMap((p) => fr.costs[p]), ...d]),
      repayment: traced(sumFirst(ev.repayments, T, df), [...fr.repayment, ...d]),
      investment: traced(sumFirst(prep.disbursements, T, df), [...fr.investment, ...d]),
      accounts,
    };
  };
  return { period, first_year: years[0], last_year: last, through: `${last}-12-31`, undiscounted: block(), present_value: block(prep.df) };
}

export function pointResult(prep: Prepared): GainsResult {
  const zero = new Float64Array(prep.outcomes.length);
  const ev = evaluate(prep, zero);
  const fr = fromsOf(prep, ev);
  const { model, years } = prep;
  const cumPub = cumulative(ev.accounts.public);
  const cumPubPv = cumulative(ev.accounts.public, prep.df);
  const cumKom = cumulative(ev.accounts.kommune);
  const budget_years: BudgetYearRow[] = years.map((Y, t) => {
    const gains_by_payer = {} as Record<Payer, Traced>;
    const costs_by_payer = {} as Record<Payer, Traced>;
    for (const p of PAYERS) {
      gains_by_payer[p] = traced(ev.gains[p][t], fr.gains[p]);
      costs_by_payer[p] = traced(ev.costs[p][t], fr.costs[p]);
    }
    const accounts = {} as Record<Account, Traced>;
    for (const a of ACCOUNTS) accounts[a] = traced(ev.accounts[a][t], fr.accounts[a]);
    return {
      year: Y,
      discount_factor: prep.df[t],
      gains_by_payer,
      gains: traced(PAYERS.reduce((s, p) => s + ev.gains[p][t], 0), PAYERS.flatMap((p) => fr.gains[p])),
      costs_by_payer,
      costs: traced(PAYERS.reduce((s, p) => s + ev.costs[p][t], 0), PAYERS.flatMap((p) => fr.costs[p])),
      investment: traced(prep.disbursements[t], fr.investment),
      repayment: traced(ev.repayments[t], fr.repayment),
      accounts,
      cumulative_public_net: traced(cumPub[t], fr.accounts.public),
      cumulative_public_pv_net: traced(cumPubPv[t], [...fr.accounts.public, "discount_rate"]),
    };
  });
  const H = prep.horizon;
  const perUnit = prep.costs.filter((c) => c.additional || prep.includeNonAdditional);
  const by_year_since_draw: SinceDrawRow[] = Array.from({ length: H }, (_, k) => {
    const gains_by_payer = {} as Record<Payer, Traced>;
    for (const p of PAYERS) gains_by_payer[p] = traced(prep.outcomes.reduce((s, o) => s + o.path[k].a * o.n * o.uv[p], 0), fr.gains[p]);
    return {
      year_since_draw: k + 1,
      effects: prep.outcomes.map((o) => ({ outcome: o.id, effect: o.path[k].a, status: o.path[k].status })),
      gains_by_payer,
      gains: traced(PAYERS.reduce((s, p) => s + gains_by_payer[p].value, 0), PAYERS.flatMap((p) => fr.gains[p])),
      per_unit_costs: traced(perUnit.reduce((s, c) => s + c.bySinceDraw[k], 0), perUnit.filter((c) => c.field.startsWith("costs.per_treatment_unit")).flatMap((c) => c.from)),
    };
  });
  const kommune_repayment: KommuneRow[] = years.map((Y, t) => ({
    year: Y,
    savings: traced(ev.gains.kommune[t], fr.gains.kommune),
    own_costs: traced(ev.costs.kommune[t], fr.costs.kommune),
    repayment: traced(ev.repayments[t], fr.repayment),
    net: traced(ev.accounts.kommune[t], fr.accounts.kommune),
    cumulative_net: traced(cumKom[t], fr.accounts.kommune),
  }));
  const pm = model.payment_model;
  let payment: PaymentOut | null = null;
  if (pm) {
    const before = Array.from(ev.paymentsBeforeLimits, (x, t) => x - prep.disbursements[t]);
    const irrAfter = ev.investorIrr;
    const irrBefore = irr(before);
    payment = {
      investor: pm.investor ?? null,
      payer: "kommune",
      lines: prep.lines.map((l, i) => {
        const m = pm.rate_card[i];
        const le = ev.lines[i];
        const out: PaymentLineOut = {
          goal: m.goal,
          outcome: m.outcome,
          follow_up_year: m.follow_up_year,
          counting: m.counting,
          counting_words: countingWords(l.gross),
          control_rate: m.control_rate?.value ?? null,
          persons: traced(l.n, prep.outcomes[l.outcome].countFrom),
          successes: traced(le.successes, l.from),
          min_successes: m.min_successes,
          met: le.met,
          below_threshold: m.below_threshold,
          payment: traced(le.payment, l.from),
          payment_year: l.payYear,
        };
        if (m.target_group !== undefined) out.target_group = m.target_group;
        return out;
      }),
      disbursements: years.flatMap((Y, t) => (prep.disbursements[t] !== 0 ? [{ year: Y, dkk: prep.disbursements[t] }] : [])),
      investment: traced(prep.disbursements.reduce((s, x) => s + x, 0), fr.investment),
      repayment_before_limits: traced(ev.repaymentBeforeLimits, prep.lines.flatMap((l) => l.from)),
      adjustment: traced(ev.adjustment, ev.limit === "none" ? [] : fr.repayment),
      limit: ev.limit,
      limit_words: LIMIT_WORDS[ev.limit],
      repayment: traced(ev.repayment, fr.repayment),
      schedule: years.flatMap((Y, t) => (ev.repayments[t] !== 0 ? [{ year: Y, dkk: ev.repayments[t] }] : [])),
      settlement_year: prep.settlementYear,
      investor_irr: irrAfter === undefined ? null : traced(irrAfter, fr.accounts.investor),
      investor_irr_before_limits: irrBefore === undefined ? null : traced(irrBefore, [...prep.lines.flatMap((l) => l.from), ...fr.investment]),
      afkastloft: pm.afkastloft?.max_annual_return ?? null,
      afkastgulv: pm.afkastgulv?.min_annual_return ?? null,
    };
  }
  const { input } = prep;
  return {
    year0: model.year0,
    price_year: model.price_year,
    horizon_years: H,
    discount_rate: traced(model.discount_rate.value, ["discount_rate"]),
    cohorts_from: input.cohorts_from,
    cohorts: input.cohorts.map((c) => ({ label: c.label, draw_date: c.draw_date, treatment_units: c.treatment_units })),
    counts: input.counts.map((b) => ({
      ...b,
      value: input.cohorts.reduce((s, c) => s + (c.counts[b.outcome] ?? 0), 0),
      by_cohort: input.cohorts.map((c) => ({ label: c.label, value: c.counts[b.outcome] ?? 0 })),
    })),
    effects: prep.outcomes.map((o, i) => ({
      outcome: o.id,
      estimand: model.outcomes[i].effect.estimand,
      by_year: o.path.map((s) => ({ year: s.year, effect: s.a, se_in_draws: s.b, status: s.status })),
    })),
    costs: prep.costs.map((c) => ({
      label: c.label,
      field: c.field,
      payer: c.payer,
      additional: c.additional,
      counted: c.additional || prep.includeNonAdditional,
      total: traced(c.byYear.reduce((s, x) => s + x, 0), c.from),
    })),
    budget_years,
    by_year_since_draw,
    totals: {
      y3: periodTotals(prep, ev, fr, 3, "3 years"),
      y5: periodTotals(prep, ev, fr, 5, "5 years"),
      all: periodTotals(prep, ev, fr, years.length, "all budget years"),
    },
    break_even: { undiscounted: breakEven(cumPub, years), discounted: breakEven(cumPubPv, years) },
    kommune_repayment,
    payment,
  };
}
