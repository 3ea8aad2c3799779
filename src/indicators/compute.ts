import { UserError } from "../errors.js";
import type { Direction, IndicatorSpec, IndicatorSpecEntry, IndicatorUnit, IndicatorValueRow } from "../schemas/indicatorSpec.js";
import { decideStatus, type IndicatorStatus } from "./status.js";
import { wilson, Z95 } from "./wilson.js";
import { tm } from "../i18n/messageLang.js";

/**
 * One indicator in one area and year, against its area baseline, comparison baseline and target.
 *
 * For `share` and `rate` (proportions in [0, 1]) differences are in percentage points:
 *   change_since_baseline = (value - area_baseline) * 100
 *   gap_to_comparison     = (value - comparison_baseline) * 100
 * for `mean` they are in the indicator's own unit (`difference_unit` says which).
 *   progress_to_target = (value - area_baseline) / (target - area_baseline)
 * (0 = still at baseline, 1 = target reached, above 1 = beyond it, negative = moved away; absent when
 * target equals baseline). Status: see `decideStatus` in `status.ts`.
 */
export interface IndicatorRowResult {
  indicator: string;
  subgoal: string;
  area: string;
  year?: number;
  unit: IndicatorUnit;
  direction: Direction;
  status: IndicatorStatus;
  status_reason: string;
  /** `"pending"` when there is no value: never 0. */
  value: number | "pending";
  n?: number;
  interval?: { lower: number; upper: number; method: "wilson" | "normal-se"; level: number };
  area_baseline?: { value: number; year: number; source: string };
  change_since_baseline?: number;
  comparison_baseline?: { label: string; value: number; year: number };
  gap_to_comparison?: number;
  target?: { value: number; year: number };
  progress_to_target?: number;
  difference_unit: "percentage points" | "indicator unit";
}

export interface ComputeOptions {
  /** Normal quantile for intervals; default 1.959963984540054 (95%). */
  z?: number;
  /** Confidence level reported with the interval; default 0.95. Must match z. */
  level?: number;
  /** Areas and years every indicator should have: a missing combination becomes a `pending` row. */
  expected?: { areas: string[]; years: number[] };
}

function intervalFor(
  unit: IndicatorUnit,
  value: number,
  row: IndicatorValueRow,
  z: number,
): { lower: number; upper: number; method: "wilson" | "normal-se" } | undefined {
  if (unit === "share" && row.n !== undefined && row.n > 0) {
    const w = wilson(Math.min(row.n, Math.max(0, value * row.n)), row.n, z);
    return { lower: w.lower, upper: w.upper, method: "wilson" };
  }
  if (row.se !== undefined) return { lower: value - z * row.se, upper: value + z * row.se, method: "normal-se" };
  return undefined;
}

/** Computes one row; exported for the person-level path and for tests. */
export function computeIndicatorRow(spec: IndicatorSpecEntry, row: IndicatorValueRow, options: ComputeOptions = {}): IndicatorRowResult {
  const z = options.z ?? Z95;
  const level = options.level ?? 0.95;
  const scale = spec.unit === "mean" ? 1 : 100;
  const out: IndicatorRowResult = {
    indicator: spec.id,
    subgoal: spec.subgoal,
    area: row.area,
    year: row.year,
    unit: spec.unit,
    direction: spec.direction,
    status: "pending",
    status_reason: "",
    value: "pending",
    difference_unit: spec.unit === "mean" ? "indicator unit" : "percentage points",
  };
  if (row.n !== undefined) out.n = row.n;
  if (spec.area_baseline) out.area_baseline = { ...spec.area_baseline };
  if (spec.comparison_baseline) {
    const { label, value, year } = spec.comparison_baseline;
    out.comparison_baseline = { label, value, year };
  }
  if (spec.target) out.target = { value: spec.target.value, year: spec.target.year };

  if (row.value === undefined || row.value === null) {
    out.status_reason = "data pending: no value for this area and year";
    return out;
  }
  if (spec.unit !== "mean" && (row.value < 0 || row.value > 1)) {
    throw new UserError(tm("res_ind_not_proportion", { indicator: spec.id, area: row.area, year: row.year, value: row.value }));
  }
  if (row.n === 0) {
    out.status_reason = "no observations (n = 0): shown as pending, not as 0";
    return out;
  }
  const value = row.value;
  out.value = value;
  const iv = intervalFor(spec.unit, value, row, z);
  if (iv) out.interval = { ...iv, level };
  if (spec.comparison_baseline) out.gap_to_comparison = (value - spec.comparison_baseline.value) * scale;
  if (!spec.area_baseline) {
    out.status_reason = "baseline pending: no area baseline to compare with";
    return out;
  }
  const b = spec.area_baseline.value;
  out.change_since_baseline = (value - b) * scale;
  if (spec.target && spec.target.value !== b) out.progress_to_target = (value - b) / (spec.target.value - b);
  if (!iv) {
    out.status = "not-assessable";
    out.status_reason = spec.unit === "share" ? "no n or se given: uncertainty unknown" : "no se given: uncertainty unknown";
    return out;
  }
  out.status = decideStatus(iv, b, spec.direction);
  const pct = (x: number) => (spec.unit === "mean" ? x.toPrecision(4) : `${(x * 100).toFixed(1)}%`);
  out.status_reason =
    out.status === "unchanged-within-uncertainty"
      ? `baseline ${pct(b)} lies inside the ${level * 100}% interval [${pct(iv.lower)}, ${pct(iv.upper)}]`
      : `the ${level * 100}% interval [${pct(iv.lower)}, ${pct(iv.upper)}] lies ${iv.lower > b ? "above" : "below"} baseline ${pct(b)}; ${spec.direction} is better`;
  return out;
}

/**
 * Computes every indicator row from aggregated values (indicator, area, year, value, n). Rows for an indicator
 * the spec does not know are refused (`UserError`). An indicator with no rows at all (or, with `expected`, any
 * missing area x year) yields a `pending` row; a spec indicator with `status: "pending"` and no baseline yields rows
 * whose status is `pending` even when values arrive (they are shown, not compared).
 */
export function computeIndicators(spec: IndicatorSpec, rows: readonly IndicatorValueRow[], options: ComputeOptions = {}): IndicatorRowResult[] {
  const byId = new Map(spec.indicators.map((i) => [i.id, i] as const));
  const seen = new Set<string>();
  const out: IndicatorRowResult[] = [];
  for (const row of rows) {
    const ind = byId.get(row.indicator);
    if (!ind) throw new UserError(tm("res_ind_unknown", { indicator: row.indicator, spec: spec.name }));
    const key = `${row.indicator}\u0000${row.area}\u0000${row.year}`;
    if (seen.has(key)) throw new UserError(tm("res_ind_duplicate", { indicator: row.indicator, area: row.area, year: row.year }));
    seen.add(key);
    out.push(computeIndicatorRow(ind, row, options));
  }
  for (const ind of spec.indicators) {
    if (options.expected) {
      for (const area of options.expected.areas) {
        for (const year of options.expected.years) {
          if (!seen.has(`${ind.id}\u0000${area}\u0000${year}`)) out.push(computeIndicatorRow(ind, { indicator: ind.id, area, year, value: null }, options));
        }
      }
    } else if (!rows.some((r) => r.indicator === ind.id)) {
      const pending = computeIndicatorRow(ind, { indicator: ind.id, area: "all areas", year: ind.area_baseline?.year ?? 0, value: null }, options);
      delete pending.year;
      pending.status_reason = ind.status === "pending" ? "data pending (spec status pending)" : "data pending: no values supplied";
      out.push(pending);
    }
  }
  return out;
}
