import type { GainsModel } from "../schemas/gainsModel.js";
import { budgetResult, type BreakEven } from "./budget.js";

/**
 * One-way sensitivity table: each row changes one group of parameters, keeps the rest at the model's values, and
 * reports the net result (PV and undiscounted) at 3 and 5 years and the discounted break-even year, for a low and a
 * high setting:
 *
 * - unit values of all outcomes x (1 - s) and x (1 + s), s = 25% by default; then the same per outcome;
 * - discount rate at `discountRates` (default 2.5% and 5%; the base is the model's, Finance Ministry 3.5%);
 * - persistence: "effect only in year 1" (factor 0 from year 2) vs "no decay" (last measured factor held);
 *   and measured persistence factors x (1 - s) and x (1 + s).
 */
export interface SensitivityCase {
  setting: string;
  net_pv_y3: number;
  net_pv_y5: number;
  net_y3: number;
  net_y5: number;
  break_even_discounted: BreakEven;
}

export interface SensitivityRow {
  parameter: string;
  from: string[];
  low: SensitivityCase;
  high: SensitivityCase;
}

export interface SensitivityOptions {
  unitValueShift?: number;
  discountRates?: [number, number];
  persistenceShift?: number;
}

function evaluate(model: GainsModel, setting: string): SensitivityCase {
  const r = budgetResult(model);
  return {
    setting,
    net_pv_y3: r.totals.present_value.y3.net.value,
    net_pv_y5: r.totals.present_value.y5.net.value,
    net_y3: r.totals.undiscounted.y3.net.value,
    net_y5: r.totals.undiscounted.y5.net.value,
    break_even_discounted: r.break_even.discounted,
  };
}

function withUnitScale(model: GainsModel, k: number, only?: string): GainsModel {
  const m = structuredClone(model);
  for (const o of m.outcomes) if (only === undefined || o.id === only) for (const u of o.unit_values) u.value_dkk *= k;
  return m;
}

export function sensitivityTable(model: GainsModel, options: SensitivityOptions = {}): { base: SensitivityCase; rows: SensitivityRow[] } {
  const s = options.unitValueShift ?? 0.25;
  const [rLow, rHigh] = options.discountRates ?? [0.025, 0.05];
  const ps = options.persistenceShift ?? 0.25;
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const rows: SensitivityRow[] = [];
  rows.push({
    parameter: `all unit values -/+ ${pct(s)}`,
    from: model.outcomes.map((o) => `outcomes.${o.id}.unit_values`),
    low: evaluate(withUnitScale(model, 1 - s), `x ${1 - s}`),
    high: evaluate(withUnitScale(model, 1 + s), `x ${1 + s}`),
  });
  for (const o of model.outcomes) {
    rows.push({
      parameter: `${o.id} unit values -/+ ${pct(s)}`,
      from: [`outcomes.${o.id}.unit_values`],
      low: evaluate(withUnitScale(model, 1 - s, o.id), `x ${1 - s}`),
      high: evaluate(withUnitScale(model, 1 + s, o.id), `x ${1 + s}`),
    });
  }
  const rate = (r: number) => {
    const m = structuredClone(model);
    m.discount_rate = { ...m.discount_rate, value: r };
    return evaluate(m, pct(r));
  };
  rows.push({ parameter: "discount rate", from: ["discount_rate"], low: rate(rLow), high: rate(rHigh) });
  const yearOne = structuredClone(model);
  for (const o of yearOne.outcomes) o.persistence = { measured: [{ year: 1, factor: o.persistence.measured[0].factor }, { year: 2, factor: 0 }], decay_after_last: 0, source: "sensitivity" };
  const noDecay = structuredClone(model);
  for (const o of noDecay.outcomes) o.persistence = { ...o.persistence, decay_after_last: 0 };
  rows.push({
    parameter: "persistence: effect only in year 1 vs no decay after last measured horizon",
    from: model.outcomes.map((o) => `outcomes.${o.id}.persistence`),
    low: evaluate(yearOne, "year 1 only"),
    high: evaluate(noDecay, "no decay"),
  });
  const scaleP = (k: number) => {
    const m = structuredClone(model);
    for (const o of m.outcomes) for (const h of o.persistence.measured) h.factor *= k;
    return evaluate(m, `x ${k}`);
  };
  rows.push({
    parameter: `measured persistence factors -/+ ${pct(ps)}`,
    from: model.outcomes.map((o) => `outcomes.${o.id}.persistence.measured`),
    low: scaleP(1 - ps),
    high: scaleP(1 + ps),
  });
  return { base: evaluate(model, "model as given"), rows };
}
