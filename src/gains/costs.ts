import { HORIZON_YEARS, PAYERS, type GainsModel, type Payer } from "../schemas/gainsModel.js";
import { toModelPrices } from "./prices.js";
import { sumTraced, traced, type Traced } from "./traced.js";

/**
 * Intervention costs per horizon year and payer, in the model's price year:
 *
 *   cost(t, p) = sum over items i with payer p of amounts_by_year_i[t-1]
 *              + sum over staff lines s with payer p and t in years_s of
 *                  hours_per_week_s * weeks_per_year_s * hourly_cost_s
 *
 * Amounts are moved to the model's price year with the net price index (`toModelPrices`).
 */
export interface CostLine {
  label: string;
  payer: Payer;
  /** per year 1..horizon */
  years: Traced[];
}

export function costLines(model: GainsModel, horizon: number = HORIZON_YEARS): CostLine[] {
  const lines: CostLine[] = [];
  model.costs.items.forEach((item, i) => {
    const years: Traced[] = [];
    for (let t = 1; t <= horizon; t++) {
      const raw = item.amounts_by_year[t - 1] ?? 0;
      const v = toModelPrices(raw, item.price_year, model, `costs.items[${i}].price_year`);
      years.push(traced(v, raw === 0 ? [] : [`costs.items[${i}].amounts_by_year`]));
    }
    lines.push({ label: item.label, payer: item.payer, years });
  });
  model.costs.staff.forEach((s, i) => {
    const hourly = toModelPrices(s.hourly_cost_dkk.value, s.hourly_cost_dkk.price_year, model, `costs.staff[${i}].hourly_cost_dkk.price_year`);
    const yearly = s.hours_per_week * s.weeks_per_year * hourly;
    const years: Traced[] = [];
    for (let t = 1; t <= horizon; t++) {
      const on = s.years.includes(t);
      years.push(traced(on ? yearly : 0, on ? [`costs.staff[${i}].hours_per_week`, `costs.staff[${i}].weeks_per_year`, `costs.staff[${i}].hourly_cost_dkk`] : []));
    }
    lines.push({ label: `staff: ${s.activity}`, payer: s.payer, years });
  });
  return lines;
}

/** Costs per year (1..horizon) and payer. */
export function yearlyCosts(model: GainsModel, horizon: number = HORIZON_YEARS): Array<Record<Payer, Traced>> {
  const lines = costLines(model, horizon);
  const out: Array<Record<Payer, Traced>> = [];
  for (let t = 1; t <= horizon; t++) {
    const row = {} as Record<Payer, Traced>;
    for (const p of PAYERS) row[p] = sumTraced(lines.filter((l) => l.payer === p).map((l) => l.years[t - 1]));
    out.push(row);
  }
  return out;
}
