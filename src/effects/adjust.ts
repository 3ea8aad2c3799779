import { benjaminiHochberg, holm } from "../estimate/index.js";
import type { EffectRow, Estimator, Role } from "./effectTable.js";

/**
 * Multiple-testing adjustment (R's p.adjust "holm" and "BH") within families of tests:
 *
 * - a family is all whole-sample rows (subgroup "") of one role (primary, secondary; exploratory in quick mode)
 *   for one estimator, over every outcome x horizon of that role;
 * - the estimator is the plan's primary estimator (lm_lin or difference_in_means); in quick mode
 *   difference_in_means.
 *
 * Rows outside a family, and rows without a p-value, keep p_holm and p_bh empty. Holm controls the family-wise
 * error rate (Holm 1979), BH the false discovery rate (Benjamini and Hochberg 1995).
 */
export function adjustPValues(rows: EffectRow[], estimator: Estimator): void {
  const families = new Map<Role, EffectRow[]>();
  for (const r of rows) {
    if (r.subgroup !== "" || r.estimator !== estimator || r.p_value === undefined) continue;
    let f = families.get(r.role);
    if (!f) families.set(r.role, (f = []));
    f.push(r);
  }
  for (const family of families.values()) {
    const p = family.map((r) => r.p_value!);
    const h = holm(p);
    const b = benjaminiHochberg(p);
    family.forEach((r, i) => {
      r.p_holm = h[i];
      r.p_bh = b[i];
    });
  }
}
