import { UserError } from "../errors.js";
import { PAYERS, type GainsModel, type Payer } from "../schemas/gainsModel.js";
import type { GainsInput } from "./cohorts.js";
import { effectPath, type EffectYear } from "./effectPath.js";
import { toModelPrices } from "./prices.js";
import { lastBudgetYear, yearOfFollowUp, yearShare } from "./timeline.js";
import { tm } from "../i18n/messageLang.js";

/**
 * Everything about a gains model that does not depend on the effect draws, laid out by budget year so that one
 * evaluation (`evaluate`) is a few sums. Budget years run from the model's `year0` (year 0 of the discounting) to
 * the last year any cohort's horizon, cost, disbursement or payment touches, and at least through year0 + 4 (the
 * 5-year point).
 *
 * For outcome o, payer p and budget year Y the gain at effect path e_o(k) = a_k + b_k Z_o is
 *
 *   gain(o, p, Y) = sum_k e_o(k) W_o(k, Y) uv(o, p),   W_o(k, Y) = sum_cohorts c  n_{c,o} share(d_c, k, Y)
 *
 * (n_{c,o} the cohort's count for o, `share` in timeline.ts), i.e. A(o, p, Y) + B(o, p, Y) Z_o.
 */
export interface PreparedOutcome {
  id: string;
  path: EffectYear[];
  /** total count over cohorts */
  n: number;
  uv: Record<Payer, number>;
  A: Record<Payer, Float64Array>;
  B: Record<Payer, Float64Array>;
  from: Record<Payer, string[]>;
  countFrom: string[];
}

export interface PreparedCost {
  label: string;
  field: string;
  payer: Payer;
  additional: boolean;
  byYear: Float64Array;
  /** per year since draw, summed over cohorts (per-treatment-unit costs only; else zeros) */
  bySinceDraw: Float64Array;
  from: string[];
}

export interface PreparedLine {
  index: number;
  outcome: number;
  n: number;
  followUp: number;
  a: number;
  b: number;
  gross: boolean;
  control: number;
  price: number;
  min: number;
  proRata: boolean;
  payYear: number;
  payIndex: number;
  from: string[];
}

export interface Prepared {
  input: GainsInput;
  model: GainsModel;
  years: number[];
  horizon: number;
  rate: number;
  df: Float64Array;
  outcomes: PreparedOutcome[];
  costs: PreparedCost[];
  lines: PreparedLine[];
  disbursements: Float64Array;
  settlementYear: number;
  settlementIndex: number;
  includeNonAdditional: boolean;
  /** costs(p, Y): the payer's counted cost lines summed (additional only, or all with includeNonAdditional) */
  costsByPayer: Record<Payer, Float64Array>;
}

export interface PrepareOptions {
  /** count the costs marked `additional: false` too (the sensitivity row) */
  includeNonAdditional?: boolean;
}

export function prepare(input: GainsInput, options: PrepareOptions = {}): Prepared {
  const { model, cohorts } = input;
  const H = model.horizon_years;
  const y0 = model.year0;
  for (const c of cohorts) {
    const y = Number(c.draw_date.slice(0, 4));
    if (y < y0) {
      // the cohort's label is gains.json's ("wave 2"); the message names the wave in the run's language
      const wave = /^wave (\d+)$/.exec(c.label);
      throw new UserError(tm("res_drawn_before_year0", { label: wave ? tm("draw_joint_wave", { wave: wave[1] }) : c.label, date: c.draw_date, year0: y0 }));
    }
  }
  const pm = model.payment_model;
  const payYearOf = (follow: number): number => Math.max(y0, ...cohorts.map((c) => yearOfFollowUp(c.draw_date, follow)));
  const linePayYears = pm ? pm.rate_card.map((l) => l.payment_year ?? payYearOf(l.follow_up_year)) : [];
  const settlementYear = pm ? (pm.settlement_year ?? Math.max(...linePayYears)) : y0;
  let last = y0 + Math.max(H, 5) - 1;
  for (const c of cohorts) last = Math.max(last, lastBudgetYear(c.draw_date, H));
  for (const c of model.costs.items) for (const b of c.by_budget_year) last = Math.max(last, b.year);
  for (const s of model.costs.staff) for (const y of s.budget_years) last = Math.max(last, y);
  if (pm) {
    for (const d of pm.disbursements) last = Math.max(last, d.year);
    last = Math.max(last, settlementYear, ...linePayYears);
  }
  const years = Array.from({ length: last - y0 + 1 }, (_, i) => y0 + i);
  const nY = years.length;
  const rate = model.discount_rate.value;
  const df = Float64Array.from(years, (_, i) => 1 / (1 + rate) ** i);
  // share[c][k-1][yi]
  const share = cohorts.map((c) => Array.from({ length: H }, (_, k) => Float64Array.from(years, (Y) => yearShare(c.draw_date, k + 1, Y))));
  const countFrom = new Map(input.counts.map((b) => [b.outcome, b.from]));

  const outcomes: PreparedOutcome[] = model.outcomes.map((o) => {
    const path = effectPath(o.effect, H);
    const n = cohorts.reduce((s, c) => s + (c.counts[o.id] ?? 0), 0);
    const W = Array.from({ length: H }, (_, k) => {
      const w = new Float64Array(nY);
      cohorts.forEach((c, ci) => {
        const cnt = c.counts[o.id] ?? 0;
        if (cnt !== 0) for (let yi = 0; yi < nY; yi++) w[yi] += cnt * share[ci][k][yi];
      });
      return w;
    });
    const uv = {} as Record<Payer, number>;
    const A = {} as Record<Payer, Float64Array>;
    const B = {} as Record<Payer, Float64Array>;
    const from = {} as Record<Payer, string[]>;
    const cf = countFrom.get(o.id) ?? [`counts.${o.id}`];
    for (const p of PAYERS) {
      const u = o.unit_values.find((x) => x.payer === p);
      uv[p] = u ? toModelPrices(u.value_dkk, u.price_year, model, `outcomes.${o.id}.unit_values.${p}.price_year`) : 0;
      A[p] = new Float64Array(nY);
      B[p] = new Float64Array(nY);
      for (let k = 0; k < H; k++) {
        for (let yi = 0; yi < nY; yi++) {
          A[p][yi] += path[k].a * W[k][yi] * uv[p];
          B[p][yi] += path[k].b * W[k][yi] * uv[p];
        }
      }
      from[p] = u ? [`outcomes.${o.id}.effect`, `outcomes.${o.id}.unit_values.${p}`, ...cf, ...(u.price_year !== model.price_year ? ["price_index"] : [])] : [];
    }
    return { id: o.id, path, n, uv, A, B, from, countFrom: cf };
  });

  const costs: PreparedCost[] = [];
  model.costs.items.forEach((c, i) => {
    const byYear = new Float64Array(nY);
    for (const b of c.by_budget_year) byYear[b.year - y0] += toModelPrices(b.dkk, c.price_year, model, `costs.items[${i}].price_year`);
    costs.push({ label: c.label, field: `costs.items[${i}]`, payer: c.payer, additional: c.additional, byYear, bySinceDraw: new Float64Array(H), from: [`costs.items[${i}]`, ...(c.price_year !== model.price_year ? ["price_index"] : [])] });
  });
  model.costs.staff.forEach((s, i) => {
    const hourly = toModelPrices(s.hourly_cost_dkk.value, s.hourly_cost_dkk.price_year, model, `costs.staff[${i}].hourly_cost_dkk.price_year`);
    const byYear = new Float64Array(nY);
    for (const y of s.budget_years) byYear[y - y0] += s.hours_per_week * s.weeks_per_year * hourly;
    costs.push({ label: `staff: ${s.activity}`, field: `costs.staff[${i}]`, payer: s.payer, additional: s.additional, byYear, bySinceDraw: new Float64Array(H), from: [`costs.staff[${i}]`, ...(s.hourly_cost_dkk.price_year !== model.price_year ? ["price_index"] : [])] });
  });
  model.costs.per_treatment_unit.forEach((c, i) => {
    const byYear = new Float64Array(nY);
    const bySinceDraw = new Float64Array(H);
    cohorts.forEach((co, ci) => {
      c.dkk_by_year_since_draw.forEach((raw, k) => {
        if (k >= H) return;
        const v = co.treatment_units * toModelPrices(raw, c.price_year, model, `costs.per_treatment_unit[${i}].price_year`);
        bySinceDraw[k] += v;
        for (let yi = 0; yi < nY; yi++) byYear[yi] += v * share[ci][k][yi];
      });
    });
    costs.push({ label: c.label, field: `costs.per_treatment_unit[${i}]`, payer: c.payer, additional: c.additional, byYear, bySinceDraw, from: [`costs.per_treatment_unit[${i}]`, input.cohorts_from === "planning" ? "intake" : "cohorts", ...(c.price_year !== model.price_year ? ["price_index"] : [])] });
  });

  const lines: PreparedLine[] = (pm?.rate_card ?? []).map((l, i) => {
    const oi = model.outcomes.findIndex((o) => o.id === l.outcome);
    const o = outcomes[oi];
    const step = o.path[l.follow_up_year - 1];
    const payYear = linePayYears[i];
    const from = [`payment_model.rate_card[${i}]`, `outcomes.${o.id}.effect`, ...o.countFrom];
    return {
      index: i,
      outcome: oi,
      n: o.n,
      followUp: l.follow_up_year,
      a: step.a,
      b: step.b,
      gross: l.counting === "gross",
      control: l.control_rate?.value ?? 0,
      price: l.price_per_success_dkk,
      min: l.min_successes,
      proRata: l.below_threshold === "pro_rata",
      payYear,
      payIndex: payYear - y0,
      from,
    };
  });
  const disbursements = new Float64Array(nY);
  for (const d of pm?.disbursements ?? []) disbursements[d.year - y0] += d.dkk;
  const includeNonAdditional = options.includeNonAdditional ?? false;
  const costsByPayer = {} as Record<Payer, Float64Array>;
  for (const p of PAYERS) {
    const c = new Float64Array(nY);
    for (const line of costs) if (line.payer === p && (line.additional || includeNonAdditional)) for (let t = 0; t < nY; t++) c[t] += line.byYear[t];
    costsByPayer[p] = c;
  }
  return { input, model, years, horizon: H, rate, df, outcomes, costs, lines, disbursements, settlementYear, settlementIndex: settlementYear - y0, includeNonAdditional, costsByPayer };
}
