import { EstimationError } from "./errors.js";
import { RI_TIE_TOLERANCE } from "./ri_lottery.js";

/**
 * Westfall-Young step-down min-p adjustment of randomisation-inference p-values over a family of hypotheses,
 * from one shared set of re-draws (Westfall and Young 1993, Resampling-Based Multiple Testing, algorithm 2.8;
 * Ge, Dudoit and Speed 2003, Test 12(1), the step-down minP procedure). It keeps strong control of the
 * family-wise error rate under any dependence between the tests, and uses that dependence (Holm ignores it).
 *
 * For hypotheses j = 1..m with observed statistics T_j and re-drawn statistics T_{s,j} (s = 1..S, the same
 * re-draws for every j), using |T| (two-sided) and an undefined re-draw as +Infinity:
 *
 *   raw p_j      = #{ s' : |T_{s',j}| >= |T_j| (1 - 1e-9) } / S             (ri2's k / S, `ri_lottery.ts`)
 *   null p_{s,j} = #{ s' : |T_{s',j}| >= |T_{s,j}| (1 - 1e-9) } / S         (each re-draw's own RI p-value)
 *
 * Order the hypotheses by raw p, p_(1) <= ... <= p_(m) (ties in the family's order); for each re-draw the
 * successive minima q_{s,i} = min_{l >= i} p_{s,(l)}; then
 *
 *   p~_(i) = #{ s : q_{s,i} <= p_(i) } / S,   made monotone: p~_(i) = max(p~_(i-1), p~_(i)).
 *
 * Counts are compared as integers, so no rounding enters. Checked against a hand-written R implementation
 * (test/oracle/ri_lin.R).
 *
 * Members of the family without data yet (`pending`, m_p of them: a horizon not yet measured, a row not
 * estimated) have no re-draws. They enter as p = 1, so they are in every step-down set, and their contribution to
 * the probability that the minimum falls at or below p_(i) is bounded by the union bound, m_p p_(i) (a valid
 * p-value's null probability of being at most p is at most p):
 *
 *   p~_(i) = min(1, #{ s : q_{s,i} <= p_(i) } / S + m_p p_(i)),   then made monotone,
 *
 * which keeps strong control of the family-wise error rate over the plan's whole family (with m_p = 0 it is the
 * procedure above). `WY_PENDING_RULE` says so in the meta and the docs.
 */
export const WY_PENDING_RULE = "counted with p = 1; their null p-values enter by the union bound (m_pending x p added to each adjusted p-value), so the family keeps the size the plan gave it";

export interface WestfallYoungResult {
  /** raw RI p-values, in the family's order */
  p_raw: number[];
  /** step-down min-p adjusted p-values, in the family's order */
  p_adjusted: number[];
}

/**
 * `observed[j]` the observed |T_j| (or T_j), `draws[j][s]` the re-drawn statistics (NaN = undefined re-draw).
 */
export function westfallYoungMinP(observed: readonly number[], draws: readonly ArrayLike<number>[], pending = 0): WestfallYoungResult {
  if (!Number.isInteger(pending) || pending < 0) throw new EstimationError("bad_input", `pending members must be a whole number of at least 0, got ${pending}`);
  const m = observed.length;
  if (draws.length !== m) throw new EstimationError("bad_input", `${m} observed statistics but ${draws.length} sets of re-draws`);
  if (m === 0) return { p_raw: [], p_adjusted: [] };
  const S = draws[0].length;
  if (S < 1) throw new EstimationError("bad_input", "no re-draws");
  for (const d of draws) if (d.length !== S) throw new EstimationError("bad_input", "every hypothesis needs the same re-draws");
  // per hypothesis: k_j (observed count) and k_{s,j} (each re-draw's count), by sorting |T|
  const rawCount = new Int32Array(m);
  const nullCount = draws.map(() => new Int32Array(S));
  const abs = new Float64Array(S);
  const sorted = new Float64Array(S);
  /** #{ values in sorted (ascending) >= x } */
  const atLeast = (x: number): number => {
    let lo = 0;
    let hi = S;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] >= x) hi = mid;
      else lo = mid + 1;
    }
    return S - lo;
  };
  for (let j = 0; j < m; j++) {
    for (let s = 0; s < S; s++) {
      const t = draws[j][s];
      abs[s] = Number.isNaN(t) ? Infinity : Math.abs(t);
    }
    sorted.set(abs);
    sorted.sort();
    const o = observed[j];
    rawCount[j] = Number.isNaN(o) ? atLeast(Infinity) : atLeast(Math.abs(o) * (1 - RI_TIE_TOLERANCE));
    for (let s = 0; s < S; s++) nullCount[j][s] = abs[s] === Infinity ? atLeast(Infinity) : atLeast(abs[s] * (1 - RI_TIE_TOLERANCE));
  }
  const order = Array.from({ length: m }, (_, j) => j).sort((a, b) => rawCount[a] - rawCount[b] || a - b);
  const q = new Int32Array(S).fill(S + 1);
  const hits = new Int32Array(m);
  // from the least significant hypothesis up: q_s = min over l >= i
  for (let i = m - 1; i >= 0; i--) {
    const j = order[i];
    const nc = nullCount[j];
    const k = rawCount[j];
    let h = 0;
    for (let s = 0; s < S; s++) {
      if (nc[s] < q[s]) q[s] = nc[s];
      if (q[s] <= k) h++;
    }
    hits[i] = h;
  }
  const adjusted = new Array<number>(m);
  let running = 0;
  for (let i = 0; i < m; i++) {
    if (pending === 0) {
      running = Math.max(running, hits[i]);
      adjusted[order[i]] = running / S;
    } else {
      running = Math.max(running, Math.min(1, hits[i] / S + (pending * rawCount[order[i]]) / S));
      adjusted[order[i]] = running;
    }
  }
  return { p_raw: Array.from(rawCount, (k) => k / S), p_adjusted: adjusted };
}
