import type { GainsModel } from "../schemas/gainsModel.js";

/**
 * The model fields marked `"illustrative": true` (assumptions, not published or estimated numbers), as the same
 * paths that `Traced.from` uses (e.g. `outcomes.employment.unit_values.kommune`). A report marks an output number
 * as illustrative when any of its `from` paths starts with one of these (`dependsOnIllustrative`). With
 * `planning` (counts from the model's intake, before any draw) the intake and planning counts count too.
 */
export function illustrativeParameters(model: GainsModel, planning = true): string[] {
  const out: string[] = [];
  if (model.price_index?.illustrative) out.push("price_index");
  if (planning && model.intake.illustrative) out.push("intake");
  for (const o of model.outcomes) {
    if (o.effect.illustrative) out.push(`outcomes.${o.id}.effect`);
    if (planning && o.planning_count.illustrative) out.push(`outcomes.${o.id}.planning_count`);
    for (const u of o.unit_values) if (u.illustrative) out.push(`outcomes.${o.id}.unit_values.${u.payer}`);
  }
  model.costs.items.forEach((c, i) => {
    if (c.illustrative) out.push(`costs.items[${i}]`);
  });
  model.costs.staff.forEach((s, i) => {
    if (s.illustrative || s.hourly_cost_dkk.illustrative) out.push(`costs.staff[${i}]`);
  });
  model.costs.per_treatment_unit.forEach((c, i) => {
    if (c.illustrative) out.push(`costs.per_treatment_unit[${i}]`);
  });
  const pm = model.payment_model;
  if (pm) {
    if (pm.disbursements_illustrative) out.push("payment_model.disbursements");
    pm.rate_card.forEach((l, i) => {
      if (l.illustrative || l.control_rate?.illustrative) out.push(`payment_model.rate_card[${i}]`);
    });
    if (pm.afkastloft?.illustrative) out.push("payment_model.afkastloft");
    if (pm.afkastgulv?.illustrative) out.push("payment_model.afkastgulv");
  }
  return out;
}

/** True when any traced path equals an illustrative path or lies under it (`a.b` covers `a.b.c`, `a[0]` covers `a[0].x`). */
export function dependsOnIllustrative(from: readonly string[], illustrative: readonly string[]): boolean {
  return from.some((f) => illustrative.some((p) => f === p || f.startsWith(`${p}.`) || f.startsWith(`${p}[`)));
}
