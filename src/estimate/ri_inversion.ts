import { EstimationError } from "./errors.js";
import { RI_TIE_TOLERANCE } from "./ri_lottery.js";

/**
 * Randomisation inference for a constant effect theta, and its confidence interval by inverting the test over a
 * grid of theta (as ri2 users do by hand: conduct_ri on y - theta z for each theta; Gerber and Green 2012,
 * ch. 3.5; Imbens and Rubin 2015, ch. 5.7).
 *
 * The sharp null H0(theta): Y_i(1) - Y_i(0) = theta (D_i(1) - D_i(0)) for every person makes the adjusted outcome
 * y - theta d the same under every assignment, so the test re-draws the assignment and recomputes the estimator
 * on y - theta d. With d = the observed assignment z this is the constant additive effect (the ITT rows); with
 * d = take-up it is the complier effect, the test of Imbens and Rosenbaum (2005, JRSS A 168(1)), whose statistic
 * is the ITT of the adjusted outcome and whose interval contains the CACE estimate a / b.
 *
 * effekt's estimators are linear in the outcome for a given assignment, so under re-draw s
 *
 *   T_s(theta) = a_s - theta b_s,   a_s = estimator(y, Z_s),   b_s = estimator(d, Z_s),
 *
 * and the observed T(theta) = a - theta b (b = 1 for d = z). Studentised (`ri_lin.ts`, CR0):
 * T_s(theta) = (a_s - theta b_s) / sqrt(v_yy,s - 2 theta v_yd,s + theta^2 v_dd,s). One set of re-draws
 * therefore gives the p-value at every theta with no re-fit:
 *
 *   p(theta) = #{ s : |T_s(theta)| >= |T(theta)| (1 - 1e-9) } / S
 *
 * (two-sided, ri2's k / S; an undefined re-draw counts as extreme, as in `ri_lottery.ts`). The 1 - alpha interval
 * is the set of grid values theta with p(theta) > alpha, reported as its lowest and highest member, each end then
 * moved by bisection to within 1e-9 (relative to the grid step) of where p crosses alpha between it and its
 * rejected neighbour. An interval that reaches the grid's edge is reported open on that side.
 */
export interface RiLinearRecord {
  /** observed a, b (and the CR0 variance parts when studentised) */
  observed: { a: number; b: number; vyy?: number; vyd?: number; vdd?: number };
  /** per re-draw (NaN in `a` = undefined re-draw) */
  a: Float64Array;
  b: Float64Array;
  vyy?: Float64Array;
  vyd?: Float64Array;
  vdd?: Float64Array;
}

function stat(a: number, b: number, theta: number, vyy: number | undefined, vyd: number | undefined, vdd: number | undefined): number {
  const num = a - theta * b;
  if (vyy === undefined || Number.isNaN(num)) return num;
  const v = vyy - 2 * theta * (vyd ?? 0) + theta * theta * (vdd ?? 0);
  if (!(v > 0)) return num === 0 ? NaN : num > 0 ? Infinity : -Infinity;
  return num / Math.sqrt(v);
}

/** Whether the record holds the studentised parts. */
export function isStudentised(r: RiLinearRecord): boolean {
  return r.vyy !== undefined;
}

/** |T_s(theta)| per re-draw, an undefined re-draw as +Infinity (always extreme); `out` reused when given. */
export function absoluteDraws(r: RiLinearRecord, theta: number, out?: Float64Array): Float64Array {
  const S = r.a.length;
  const abs = out ?? new Float64Array(S);
  for (let s = 0; s < S; s++) {
    const t = stat(r.a[s], r.b[s], theta, r.vyy?.[s], r.vyd?.[s], r.vdd?.[s]);
    abs[s] = Number.isNaN(t) ? Infinity : Math.abs(t);
  }
  return abs;
}

/** The observed statistic T(theta). */
export function observedStatistic(r: RiLinearRecord, theta: number): number {
  const o = r.observed;
  return stat(o.a, o.b, theta, o.vyy, o.vyd, o.vdd);
}

/** p(theta) and the count of re-draws at least as extreme. */
export function riPValueAt(r: RiLinearRecord, theta: number): { p_value: number; extreme: number } {
  const S = r.a.length;
  if (S < 1) throw new EstimationError("bad_input", "no re-draws");
  const t = observedStatistic(r, theta);
  const threshold = Number.isNaN(t) ? Infinity : Math.abs(t) * (1 - RI_TIE_TOLERANCE);
  let extreme = 0;
  for (let s = 0; s < S; s++) {
    const ts = stat(r.a[s], r.b[s], theta, r.vyy?.[s], r.vyd?.[s], r.vdd?.[s]);
    if (Number.isNaN(ts) || Math.abs(ts) >= threshold) extreme++;
  }
  return { p_value: extreme / S, extreme };
}

export interface RiInterval {
  /** lowest and highest theta not rejected (after refinement); undefined when every grid value is rejected */
  low?: number;
  high?: number;
  /** the interval reaches the grid's lowest (highest) value: the true bound may lie beyond it */
  open_low: boolean;
  open_high: boolean;
  /** p(theta) at each grid value */
  p_values: Float64Array;
  /** the interval's ends on the grid (before refinement) */
  grid_low?: number;
  grid_high?: number;
}

/** An evenly spaced grid of `points` values over [centre - halfWidth, centre + halfWidth]. */
export function riGrid(centre: number, halfWidth: number, points: number): Float64Array {
  if (!(Number.isFinite(centre) && halfWidth > 0 && Number.isFinite(halfWidth) && Number.isInteger(points) && points >= 3)) {
    throw new EstimationError("bad_input", `bad RI grid: centre ${centre}, half width ${halfWidth}, ${points} points`);
  }
  const g = new Float64Array(points);
  for (let i = 0; i < points; i++) g[i] = centre - halfWidth + (2 * halfWidth * i) / (points - 1);
  return g;
}

/** The 1 - alpha randomisation-inference interval over `grid` (increasing). */
export function riConfidenceInterval(r: RiLinearRecord, grid: ArrayLike<number>, alpha: number): RiInterval {
  if (!(alpha > 0 && alpha < 1)) throw new EstimationError("bad_input", `alpha must be in (0, 1), got ${alpha}`);
  const G = grid.length;
  for (let i = 1; i < G; i++) if (!(grid[i] > grid[i - 1])) throw new EstimationError("bad_input", "the RI grid must be increasing");
  const p = new Float64Array(G);
  let lo = -1;
  let hi = -1;
  for (let i = 0; i < G; i++) {
    p[i] = riPValueAt(r, grid[i]).p_value;
    if (p[i] > alpha) {
      if (lo < 0) lo = i;
      hi = i;
    }
  }
  if (lo < 0) return { open_low: false, open_high: false, p_values: p };
  const accepted = (theta: number) => riPValueAt(r, theta).p_value > alpha;
  // bisection between an accepted and a rejected value
  const refine = (inside: number, outside: number): number => {
    const tol = 1e-9 * Math.abs(outside - inside);
    for (let k = 0; k < 200 && Math.abs(outside - inside) > tol; k++) {
      const mid = (inside + outside) / 2;
      if (accepted(mid)) inside = mid;
      else outside = mid;
    }
    return inside;
  };
  const low = lo > 0 ? refine(grid[lo], grid[lo - 1]) : grid[0];
  const high = hi < G - 1 ? refine(grid[hi], grid[hi + 1]) : grid[G - 1];
  return { low, high, open_low: lo === 0, open_high: hi === G - 1, p_values: p, grid_low: grid[lo], grid_high: grid[hi] };
}
