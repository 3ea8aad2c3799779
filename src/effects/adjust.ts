import { adjustFixedFamily, benjaminiHochberg, holm, PENDING_RULE } from "../estimate/index.js";
import type { EffectRow, Estimator, Role } from "../io/effectTable.js";

/** A multiple-testing family fixed by the plan: its members are outcome x horizon pairs. */
export interface FamilySpec {
  name: string;
  members: readonly { outcome: string; horizon: number }[];
}

/** What the meta records of one family: each member and whether it entered with its own p-value. */
export interface FamilyReport {
  name: string;
  members: { outcome: string; horizon: number; status: "estimated" | "pending" | "not estimated" }[];
  /** how a member without a p-value entered the adjustment */
  pending_rule: string;
}

/**
 * Multiple-testing adjustment (R's p.adjust "holm" and "BH") within families of tests, on the whole-sample rows
 * (subgroup "") of one estimator -- the plan's primary estimator (lm_lin), or difference_in_means in quick mode.
 *
 * - Plan mode (`families` given): the families are the plan's, fixed in advance: its `families` (one evaluation
 *   point each, e.g. the primary outcomes at the 3-year summative evaluation), else one per role over every
 *   outcome x horizon it lists. A member without a p-value -- its horizon pending, or its row not estimated --
 *   counts with p = 1 (`adjustFixedFamily`), so the family keeps the plan's size whatever data have arrived.
 *   Rows in no family keep p_holm and p_bh empty.
 * - Quick mode: one family per role over the rows that have a p-value (there is no plan to fix them).
 *
 * Holm controls the family-wise error rate (Holm 1979), BH the false discovery rate (Benjamini and Hochberg 1995).
 */
export function adjustPValues(rows: EffectRow[], estimator: Estimator, families?: readonly FamilySpec[], pending: readonly { outcome: string; horizon: number }[] = []): FamilyReport[] {
  const whole = rows.filter((r) => r.subgroup === "" && r.estimator === estimator);
  if (!families) {
    const byRole = new Map<Role, EffectRow[]>();
    for (const r of whole) {
      if (r.p_value === undefined) continue;
      let f = byRole.get(r.role);
      if (!f) byRole.set(r.role, (f = []));
      f.push(r);
    }
    for (const family of byRole.values()) {
      const p = family.map((r) => r.p_value!);
      const h = holm(p);
      const b = benjaminiHochberg(p);
      family.forEach((r, i) => {
        r.p_holm = h[i];
        r.p_bh = b[i];
      });
    }
    return [];
  }
  const isPending = (o: string, h: number) => pending.some((x) => x.outcome === o && x.horizon === h);
  return families.map((f) => {
    const members = f.members.map((m) => whole.find((r) => r.outcome === m.outcome && r.horizon === m.horizon));
    const p = Float64Array.from(members, (r) => r?.p_value ?? NaN);
    const h = adjustFixedFamily(p, "holm");
    const b = adjustFixedFamily(p, "BH");
    members.forEach((r, i) => {
      if (!r || r.p_value === undefined) return;
      r.p_holm = h[i];
      r.p_bh = b[i];
    });
    return {
      name: f.name,
      members: f.members.map((m, i) => ({
        outcome: m.outcome,
        horizon: m.horizon,
        status: members[i]?.p_value !== undefined ? "estimated" as const : isPending(m.outcome, m.horizon) || !members[i] ? "pending" as const : "not estimated" as const,
      })),
      pending_rule: PENDING_RULE,
    };
  });
}
