import { PAYERS, type Payer } from "../schemas/gainsModel.js";
import { irr, npv } from "./irr.js";
import type { Prepared } from "./prepare.js";

/**
 * One evaluation of a prepared model at effect draws Z (one per outcome; Z = 0 is the point estimate).
 *
 * Public payers, budget year Y (index t = Y - year0):
 *   gains(p, Y) = sum_o A(o, p, Y) + B(o, p, Y) Z_o                         (prepare.ts)
 *   costs(p, Y) = sum of the payer's cost lines that are additional (all lines with includeNonAdditional)
 *
 * Rate-card line l (outcome o, follow-up year f, persons n = the outcome's count):
 *   e = a_f + b_f Z_o;  successes = n e (net of control) or n (control_rate + e) (gross), clamped to [0, n]
 *   met = successes >= min_successes;  payment = successes x price if met (or the line pays pro rata), else 0,
 *   paid in the line's payment year.
 *
 * The investor's cash flows CF_t = payments_t - disbursements_t. Afkastloft r_max: if NPV(CF, r_max) > 0 the
 * repayment is capped by an adjustment at the settlement year S, adj = -NPV(CF, r_max) (1 + r_max)^S, which brings
 * the investor's IRR down to r_max. Afkastgulv r_min: otherwise, if NPV(CF, r_min) < 0, the municipality tops the
 * repayment up at S by adj = -NPV(CF, r_min) (1 + r_min)^S, raising the investor's IRR to r_min.
 *
 * Accounts, per budget year: kommune = gains - costs - repayment; region and stat = gains - costs;
 * public = their sum; investor = repayment - disbursements (its IRR is computed on these dated flows).
 */
export type Limit = "none" | "capped" | "raised_to_floor";
export const ACCOUNTS = ["kommune", "region", "stat", "public", "investor"] as const;
export type Account = (typeof ACCOUNTS)[number];

export interface LineEvaluation {
  successes: number;
  met: boolean;
  payment: number;
}

export interface Evaluation {
  gains: Record<Payer, Float64Array>;
  costs: Record<Payer, Float64Array>;
  lines: LineEvaluation[];
  paymentsBeforeLimits: Float64Array;
  repaymentBeforeLimits: number;
  adjustment: number;
  limit: Limit;
  repayments: Float64Array;
  repayment: number;
  accounts: Record<Account, Float64Array>;
  investorIrr: number | undefined;
}

export function evaluate(prep: Prepared, z: ArrayLike<number>): Evaluation {
  const nY = prep.years.length;
  const gains = {} as Record<Payer, Float64Array>;
  const costs = {} as Record<Payer, Float64Array>;
  for (const p of PAYERS) {
    const g = new Float64Array(nY);
    prep.outcomes.forEach((o, oi) => {
      const A = o.A[p];
      const B = o.B[p];
      const zo = z[oi];
      for (let t = 0; t < nY; t++) g[t] += A[t] + B[t] * zo;
    });
    gains[p] = g;
    costs[p] = prep.costsByPayer[p];
  }
  const payments = new Float64Array(nY);
  const lines: LineEvaluation[] = prep.lines.map((l) => {
    const e = l.a + l.b * z[l.outcome];
    const raw = l.n * ((l.gross ? l.control : 0) + e);
    const successes = Math.min(l.n, Math.max(0, raw));
    const met = successes >= l.min;
    const payment = met || l.proRata ? successes * l.price : 0;
    payments[l.payIndex] += payment;
    return { successes, met, payment };
  });
  let repaymentBeforeLimits = 0;
  for (const x of payments) repaymentBeforeLimits += x;
  const repayments = Float64Array.from(payments);
  let adjustment = 0;
  let limit: Limit = "none";
  const pm = prep.model.payment_model;
  if (pm) {
    const flows = Array.from(payments, (x, t) => x - prep.disbursements[t]);
    const S = prep.settlementIndex;
    const cap = pm.afkastloft?.max_annual_return;
    const floor = pm.afkastgulv?.min_annual_return;
    if (cap !== undefined && npv(flows, cap) > 0) {
      adjustment = -npv(flows, cap) * (1 + cap) ** S;
      limit = "capped";
    } else if (floor !== undefined && npv(flows, floor) < 0) {
      adjustment = -npv(flows, floor) * (1 + floor) ** S;
      limit = "raised_to_floor";
    }
    repayments[S] += adjustment;
  }
  const repayment = repaymentBeforeLimits + adjustment;
  const kommune = new Float64Array(nY);
  const region = new Float64Array(nY);
  const stat = new Float64Array(nY);
  const pub = new Float64Array(nY);
  const investor = new Float64Array(nY);
  for (let t = 0; t < nY; t++) {
    kommune[t] = gains.kommune[t] - costs.kommune[t] - repayments[t];
    region[t] = gains.region[t] - costs.region[t];
    stat[t] = gains.stat[t] - costs.stat[t];
    pub[t] = kommune[t] + region[t] + stat[t];
    investor[t] = repayments[t] - prep.disbursements[t];
  }
  const investorIrr = pm ? irr(Array.from(investor)) : undefined;
  return {
    gains,
    costs,
    lines,
    paymentsBeforeLimits: payments,
    repaymentBeforeLimits,
    adjustment,
    limit,
    repayments,
    repayment,
    accounts: { kommune, region, stat, public: pub, investor },
    investorIrr,
  };
}

/** Sum of the first T entries (T budget years from year 0), undiscounted or weighted by the discount factors. */
export function sumFirst(x: ArrayLike<number>, T: number, df?: ArrayLike<number>): number {
  let s = 0;
  for (let t = 0; t < Math.min(T, x.length); t++) s += df ? x[t] * df[t] : x[t];
  return s;
}
