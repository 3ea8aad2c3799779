import type { IndicatorSpec, IndicatorValueRow } from "../schemas/indicatorSpec.js";
import { ALL_AREAS } from "./fromRecords.js";

/**
 * Adds the all-areas row for each indicator and year that has area rows but no all-areas row, for share
 * indicators: the pooled share sum(value_a * n_a) / sum(n_a) with n = sum(n_a), which is exactly the share among all
 * counted persons. It is added only when every area row of that indicator and year has a value and an n; when one
 * is pending or has no n the total is not known, and no row is invented.
 */
export function withAllAreas(spec: IndicatorSpec, rows: readonly IndicatorValueRow[]): IndicatorValueRow[] {
  const unitOf = new Map(spec.indicators.map((i) => [i.id, i.unit] as const));
  const groups = new Map<string, IndicatorValueRow[]>();
  for (const r of rows) {
    const key = `${r.indicator}\u0000${r.year}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const added: IndicatorValueRow[] = [];
  for (const g of groups.values()) {
    if (unitOf.get(g[0].indicator) !== "share" || g.some((r) => r.area === ALL_AREAS)) continue;
    if (g.some((r) => r.value === null || r.value === undefined || r.n === undefined || r.n === null || r.n <= 0)) continue;
    const n = g.reduce((a, r) => a + (r.n as number), 0);
    const successes = g.reduce((a, r) => a + (r.value as number) * (r.n as number), 0);
    added.push({ indicator: g[0].indicator, area: ALL_AREAS, year: g[0].year, value: successes / n, n });
  }
  return [...rows, ...added];
}
