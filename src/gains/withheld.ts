import { withheldMoney, type MoneyCell, type MoneySum } from "../disclosure/money.js";
import { PAYERS, type Payer } from "../schemas/gainsModel.js";
import { yearShare } from "./timeline.js";

/**
 * Which money amounts of a gains result give a withheld count back, by src/disclosure's money rule. A
 * budget year's gains are sum over waves of count x effect x price x the share of the wave's year since the draw
 * that falls in the budget year: proportional to the counts of the waves that reach the year. A wave whose count
 * (any outcome's persons, or its households assigned to treatment) is withheld in gains.json (null) withholds the
 * gains of every budget year it reaches, its per-unit costs (households x cost) likewise, and with them every
 * sum over those years: nets, cumulative nets, the 3- and 5-year and all-years totals. Planning counts are not
 * personal data: nothing is withheld.
 */
export interface WithheldInput {
  cohorts_from: "register" | "planning";
  horizon_years: number;
  cohorts: Array<{ draw_date: string; treatment_units: number | null }>;
  counts: Array<{ by_cohort: Array<{ value: number | null }> }>;
  costs: Array<{ field: string; payer: Payer }>;
  budget_years: Array<{ year: number }>;
  totals: Record<"y3" | "y5" | "all", { first_year: number; last_year: number }>;
}

export interface WithheldMoney {
  any: boolean;
  /** a budget year's gains (every payer) and the nets built on them */
  gains(year: number): boolean;
  costs(year: number, payer: Payer): boolean;
  /** the whole public sector's (and the kommune's) cumulative net through the year */
  cumulative(year: number): boolean;
  period(p: "y3" | "y5" | "all"): boolean;
}

export function withheldGainsMoney(r: WithheldInput): WithheldMoney {
  const waveWithheld = r.cohorts.map((c, k) => r.cohorts_from === "register" && (c.treatment_units === null || r.counts.some((o) => o.by_cohort[k]?.value === null)));
  const reaches = (k: number, year: number) => {
    for (let j = 1; j <= r.horizon_years; j++) if (yearShare(r.cohorts[k].draw_date, j, year) > 0) return true;
    return false;
  };
  const perUnit = new Set(r.costs.filter((c) => c.field.startsWith("costs.per_treatment_unit")).map((c) => c.payer));
  const cells: MoneyCell[] = [];
  const sums: MoneySum[] = [];
  const years = r.budget_years.map((y) => y.year);
  years.forEach((y, i) => {
    const waves = r.cohorts.map((_, k) => k).filter((k) => reaches(k, y)).map((k) => `wave:${k}`);
    cells.push({ id: `gains:${y}`, counts: waves });
    for (const p of PAYERS) cells.push({ id: `costs:${y}:${p}`, counts: perUnit.has(p) ? waves : [] });
    sums.push({ total: `cumulative:${y}`, parts: [`gains:${y}`, ...PAYERS.map((p) => `costs:${y}:${p}`), ...(i > 0 ? [`cumulative:${years[i - 1]}`] : [])] });
  });
  for (const p of ["y3", "y5", "all"] as const) {
    const inside = years.filter((y) => y >= r.totals[p].first_year && y <= r.totals[p].last_year);
    sums.push({ total: `period:${p}`, parts: inside.flatMap((y) => [`gains:${y}`, ...PAYERS.map((q) => `costs:${y}:${q}`)]) });
  }
  const out = withheldMoney(cells, sums, (id) => waveWithheld[Number(id.slice(5))] === true);
  return {
    any: out.size > 0,
    gains: (y) => out.has(`gains:${y}`),
    costs: (y, p) => out.has(`costs:${y}:${p}`),
    cumulative: (y) => out.has(`cumulative:${y}`),
    period: (p) => out.has(`period:${p}`),
  };
}
