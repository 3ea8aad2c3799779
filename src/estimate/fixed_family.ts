import { pAdjust, type AdjustMethod } from "./multiplicity.js";

/** How a member of a family without an estimate (its data are pending) enters the adjustment. */
export const PENDING_RULE = "counted with p = 1, so the family keeps the size the plan gave it";

/**
 * Holm or Benjamini-Hochberg adjustment over a family fixed in advance by the analysis plan (e.g. the primary
 * outcomes at the 3-year summative evaluation), whatever the data hold when the analysis runs. A member without a
 * p-value (NaN: its horizon is pending, or the row could not be estimated) counts with p = 1:
 *
 *   p~ = p.adjust(c(p_estimated, rep(1, m_pending)), method)[estimated],
 *
 * so the number of tests m is the plan's. Holm with m fixed controls the family-wise error rate for the members
 * estimated now, whatever the pending ones later show (a p of 1 is never rejected and never lowers the others'
 * multipliers); BH likewise keeps m. Dropping pending members would let the family shrink with the data and make
 * the same estimate pass or fail depending on what else had arrived (Holm 1979; Benjamini and Hochberg 1995).
 * Returns NaN for the pending members.
 */
export function adjustFixedFamily(p: ArrayLike<number>, method: AdjustMethod): Float64Array {
  const filled = Float64Array.from(p, (v) => (Number.isNaN(v) ? 1 : v));
  const adjusted = pAdjust(filled, method);
  for (let i = 0; i < p.length; i++) if (Number.isNaN(p[i])) adjusted[i] = NaN;
  return adjusted;
}
