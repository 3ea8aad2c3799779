import type { Direction } from "../schemas/indicatorSpec.js";

/**
 * How an indicator's current value compares with its area baseline, given its uncertainty:
 *
 * - `pending`: no value yet, or no baseline to compare with (data pending is a real state, never a zero).
 * - `not-assessable`: there is a value and a baseline but no measure of uncertainty (a `rate`/`mean` row without
 *   `se`, or a row without `n` and `se`), so no claim of change is made.
 * - otherwise, with [lower, upper] the current value's interval (Wilson score interval on n for shares, value +- z*se
 *   for rates and means) and the baseline b treated as a fixed, known number:
 *   - lower <= b <= upper                      -> `unchanged-within-uncertainty`
 *   - lower > b  (significantly above baseline) -> `better` if direction is "higher", `worse` if "lower"
 *   - upper < b  (significantly below baseline) -> `worse` if direction is "higher", `better` if "lower"
 */
export type IndicatorStatus = "better" | "worse" | "unchanged-within-uncertainty" | "pending" | "not-assessable";

export function decideStatus(interval: { lower: number; upper: number }, baseline: number, direction: Direction): IndicatorStatus {
  if (!(interval.lower <= interval.upper)) throw new RangeError(`decideStatus: lower ${interval.lower} exceeds upper ${interval.upper}`);
  if (interval.lower <= baseline && baseline <= interval.upper) return "unchanged-within-uncertainty";
  const above = interval.lower > baseline;
  if (direction === "higher") return above ? "better" : "worse";
  return above ? "worse" : "better";
}
