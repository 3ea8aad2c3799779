import { UserError } from "../errors.js";
import type { GainsModel, PaymentModel } from "../schemas/gainsModel.js";
import { persistenceFactor } from "./persistence.js";
import { sumTraced, traced, type Traced } from "./traced.js";
import { personsFor } from "./yearlyGains.js";

/**
 * A DSI-style payment model (rate card, afkastloft, afkastgulv):
 *
 * For each rate-card line l (goal x follow-up year x price per success), with persons n_l (the line's, else the
 * outcome's, else the model's), effect e of the line's outcome and its persistence f at the follow-up year:
 *   successes_l = n_l * e * f                          when the line is counted net of control
 *   successes_l = n_l * (control_rate_l + e * f)       when counted gross
 * clamped to [0, n_l]; payment_l = successes_l * price_l; goal met when successes_l >= min_successes_l.
 *
 * Repayment R = sum_l payment_l. The investor's average annual return over the repayment horizon H years on the
 * investment I is r = (R / I)^(1/H) - 1. The afkastloft caps r at r_max, i.e. R <= I (1 + r_max)^H; the afkastgulv
 * is a floor on the investor's loss, r >= r_min, i.e. R >= I (1 + r_min)^H (the municipality pays at least that).
 */
export interface PaymentLineResult {
  goal: string;
  outcome: string;
  follow_up_year: number;
  target_group?: string;
  persons: Traced;
  successes: Traced;
  met: boolean;
  payment: Traced;
}

export interface PaymentResult {
  lines: PaymentLineResult[];
  repayment_before_limits: Traced;
  repayment: Traced;
  limited_by: "none" | "afkastloft" | "afkastgulv";
  investment: Traced;
  investor_annual_return: Traced;
  investor_annual_return_before_limits: Traced;
}

export function annualReturn(repayment: number, investment: number, horizonYears: number): number {
  if (!(investment > 0) || !(horizonYears > 0)) throw new RangeError("annualReturn: investment and horizon must be positive");
  if (repayment <= 0) return -1;
  return (repayment / investment) ** (1 / horizonYears) - 1;
}

export function paymentResult(model: GainsModel, effects?: Readonly<Record<string, number>>): PaymentResult {
  const pm: PaymentModel | undefined = model.payment_model;
  if (!pm) throw new UserError(`gains model "${model.name}" has no payment_model`);
  const lines = pm.rate_card.map((l, i): PaymentLineResult => {
    const o = model.outcomes.find((x) => x.id === l.outcome);
    if (!o) throw new UserError(`payment_model.rate_card[${i}].outcome: "${l.outcome}" is not an outcome id`);
    const persons = l.persons ? { value: l.persons.value, from: `payment_model.rate_card[${i}].persons` } : personsFor(model, o);
    const e = effects?.[o.id] ?? o.effect.estimate;
    const f = persistenceFactor(o.persistence, l.follow_up_year);
    const rate = l.net_of_control ? e * f : (l.control_rate ?? 0) + e * f;
    const s = Math.min(persons.value, Math.max(0, persons.value * rate));
    const from = [`outcomes.${o.id}.effect.estimate`, `outcomes.${o.id}.persistence`, persons.from];
    if (!l.net_of_control) from.push(`payment_model.rate_card[${i}].control_rate`);
    const successes = traced(s, from);
    const line: PaymentLineResult = {
      goal: l.goal,
      outcome: l.outcome,
      follow_up_year: l.follow_up_year,
      persons: traced(persons.value, [persons.from]),
      successes,
      met: s >= l.min_successes,
      payment: traced(s * l.price_per_success_dkk, [...from, `payment_model.rate_card[${i}].price_per_success_dkk`]),
    };
    if (l.target_group !== undefined) line.target_group = l.target_group;
    return line;
  });
  const before = sumTraced(lines.map((l) => l.payment));
  const I = pm.investment_dkk;
  const H = pm.repayment_horizon_years;
  let R = before.value;
  let limited_by: PaymentResult["limited_by"] = "none";
  const from = [...before.from];
  if (pm.afkastloft) {
    const cap = I * (1 + pm.afkastloft.max_annual_return) ** H;
    if (R > cap) {
      R = cap;
      limited_by = "afkastloft";
      from.push("payment_model.afkastloft");
    }
  }
  if (pm.afkastgulv) {
    const floor = I * (1 + pm.afkastgulv.min_annual_return) ** H;
    if (R < floor) {
      R = floor;
      limited_by = "afkastgulv";
      from.push("payment_model.afkastgulv");
    }
  }
  const repayment = traced(R, from);
  const hi = ["payment_model.investment_dkk", "payment_model.repayment_horizon_years"];
  return {
    lines,
    repayment_before_limits: before,
    repayment,
    limited_by,
    investment: traced(I, ["payment_model.investment_dkk"]),
    investor_annual_return: traced(annualReturn(R, I, H), [...from, ...hi]),
    investor_annual_return_before_limits: traced(annualReturn(before.value, I, H), [...before.from, ...hi]),
  };
}
