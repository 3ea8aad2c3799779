import type { GainsModel } from "../schemas/gainsModel.js";
import type { GainsInput } from "./cohorts.js";
import { evaluate, sumFirst } from "./evaluate.js";
import { prepare, type PrepareOptions } from "./prepare.js";

/**
 * One-way sensitivity (a tornado): each row moves one named assumption to a low and a high setting, keeps every
 * other field at the model's value, and names the fields it moved (`moved`). Rows:
 *
 * - per outcome: its unit values x (1 - s) and x (1 + s), s = 25%;
 * - per outcome: its effect at every measured year at estimate -/+ 1.96 se (the 95% bounds; the Monte Carlo gives
 *   the joint picture);
 * - per outcome with projected years: decay_after_last 1 (the effect ends after the last measured year) and 0
 *   (it holds); only projected years move, measured and interpolated years do not;
 * - the discount rate at 2.5% and 5% (the Finance Ministry's is 3.5%);
 * - costs that are not additional included (low) against the model's additional costs only (high);
 * - per rate-card line: its price x (1 - s) and x (1 + s); per gross line its control rate x 0.5 and x 1.5;
 * - planning only: the intake x (1 - s) and x (1 + s).
 *
 * Rows are ordered by their swing |high - low| in the whole public sector's net present value at 5 years (after
 * the repayment), largest first; ties by name.
 */
export interface SensitivityCase {
  setting: string;
  public_net_pv_y5: number;
  public_net_pv_y3: number;
  public_net_y5: number;
  kommune_net_pv_y5: number;
  repayment: number | null;
}

export interface SensitivityRow {
  assumption: string;
  moved: string[];
  low: SensitivityCase;
  high: SensitivityCase;
  swing_public_net_pv_y5: number;
}

export interface SensitivityTable {
  metric: string;
  base: SensitivityCase;
  rows: SensitivityRow[];
}

function run(input: GainsInput, setting: string, options: PrepareOptions = {}): SensitivityCase {
  const prep = prepare(input, options);
  const ev = evaluate(prep, new Float64Array(prep.outcomes.length));
  return {
    setting,
    public_net_pv_y5: sumFirst(ev.accounts.public, 5, prep.df),
    public_net_pv_y3: sumFirst(ev.accounts.public, 3, prep.df),
    public_net_y5: sumFirst(ev.accounts.public, 5),
    kommune_net_pv_y5: sumFirst(ev.accounts.kommune, 5, prep.df),
    repayment: prep.model.payment_model ? ev.repayment : null,
  };
}

function withModel(input: GainsInput, edit: (m: GainsModel) => void): GainsInput {
  const model = structuredClone(input.model);
  edit(model);
  return { ...input, model };
}

export function sensitivityTable(input: GainsInput, shift = 0.25): SensitivityTable {
  const model = input.model;
  const rows: SensitivityRow[] = [];
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const add = (assumption: string, moved: string[], low: SensitivityCase, high: SensitivityCase) =>
    rows.push({ assumption, moved, low, high, swing_public_net_pv_y5: Math.abs(high.public_net_pv_y5 - low.public_net_pv_y5) });
  model.outcomes.forEach((o, i) => {
    if (o.unit_values.some((u) => u.value_dkk !== 0)) {
      const scale = (k: number) => withModel(input, (m) => m.outcomes[i].unit_values.forEach((u) => (u.value_dkk *= k)));
      add(`${o.id}: unit values -/+ ${pct(shift)}`, [`outcomes.${o.id}.unit_values`], run(scale(1 - shift), `x ${1 - shift}`), run(scale(1 + shift), `x ${1 + shift}`));
    }
    const bound = (sign: number) => withModel(input, (m) => m.outcomes[i].effect.measured.forEach((e) => (e.estimate += sign * 1.96 * e.se)));
    if (o.effect.measured.some((e) => e.se > 0)) add(`${o.id}: effect at its 95% bounds (estimate -/+ 1.96 se)`, [`outcomes.${o.id}.effect.measured`], run(bound(-1), "lower bound"), run(bound(1), "upper bound"));
    const lastMeasured = o.effect.measured[o.effect.measured.length - 1].year;
    if (lastMeasured < model.horizon_years) {
      const decay = (d: number) => withModel(input, (m) => (m.outcomes[i].effect.decay_after_last = d));
      add(`${o.id}: effect beyond year ${lastMeasured} (decay_after_last ${o.effect.decay_after_last})`, [`outcomes.${o.id}.effect.decay_after_last`], run(decay(1), "ends after the last measured year"), run(decay(0), "holds at the last measured value"));
    }
  });
  const rate = (r: number) => withModel(input, (m) => (m.discount_rate = { ...m.discount_rate, value: r }));
  add("discount rate", ["discount_rate"], run(rate(0.025), pct(0.025)), run(rate(0.05), pct(0.05)));
  const nonAdditional = [
    ...model.costs.items.flatMap((c, i) => (c.additional ? [] : [`costs.items[${i}]`])),
    ...model.costs.staff.flatMap((c, i) => (c.additional ? [] : [`costs.staff[${i}]`])),
    ...model.costs.per_treatment_unit.flatMap((c, i) => (c.additional ? [] : [`costs.per_treatment_unit[${i}]`])),
  ];
  if (nonAdditional.length > 0) add("costs that are not additional (open to both arms or paid anyway)", nonAdditional, run(input, "included", { includeNonAdditional: true }), run(input, "left out (additional costs only)"));
  model.payment_model?.rate_card.forEach((l, i) => {
    const price = (k: number) => withModel(input, (m) => (m.payment_model!.rate_card[i].price_per_success_dkk *= k));
    add(`rate card "${l.goal}": price per success -/+ ${pct(shift)}`, [`payment_model.rate_card[${i}].price_per_success_dkk`], run(price(1 - shift), `x ${1 - shift}`), run(price(1 + shift), `x ${1 + shift}`));
    if (l.counting === "gross" && l.control_rate) {
      const cr = (k: number) => withModel(input, (m) => (m.payment_model!.rate_card[i].control_rate!.value = Math.min(1, l.control_rate!.value * k)));
      add(`rate card "${l.goal}": control rate x 0.5 / x 1.5`, [`payment_model.rate_card[${i}].control_rate`], run(cr(0.5), "x 0.5"), run(cr(1.5), "x 1.5"));
    }
  });
  if (input.cohorts_from === "planning") {
    const intake = (k: number): GainsInput => ({
      ...input,
      cohorts: input.cohorts.map((c) => ({ ...c, treatment_units: c.treatment_units * k, counts: Object.fromEntries(Object.entries(c.counts).map(([o, n]) => [o, n * k])) })),
    });
    add(`intake -/+ ${pct(shift)}`, ["intake.years"], run(intake(1 - shift), `x ${1 - shift}`), run(intake(1 + shift), `x ${1 + shift}`));
  }
  rows.sort((a, b) => b.swing_public_net_pv_y5 - a.swing_public_net_pv_y5 || (a.assumption < b.assumption ? -1 : a.assumption > b.assumption ? 1 : 0));
  return { metric: "whole public sector, net present value over the first 5 budget years, after the repayment (DKK)", base: run(input, "model as given"), rows };
}
