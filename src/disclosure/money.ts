/**
 * Money amounts that rest on counts of persons (gains = count x effect x price, a per-unit cost x households):
 * one who knows the per-person amount (the published effect and price) divides and has the count back. The rule:
 * a money cell is sensitive when a count it is proportional to is withheld (hidden by `protect`, or written as
 * null); a sum of money cells (a period's total, a cumulative net, a key figure) is withheld when any of its
 * parts is, so that the total minus the shown parts does not give a withheld part back. Pure: no I/O.
 */

/** A money cell and the count cells it is proportional to. */
export interface MoneyCell {
  id: string;
  counts: string[];
}

/** `total` = sum of `parts` (money cells or other totals). */
export interface MoneySum {
  total: string;
  parts: string[];
}

/** The money cells (and sums) to withhold, given which counts are withheld. */
export function withheldMoney(cells: MoneyCell[], sums: MoneySum[], countWithheld: (id: string) => boolean): Set<string> {
  const out = new Set<string>();
  for (const c of cells) if (c.counts.some(countWithheld)) out.add(c.id);
  for (let changed = true; changed;) {
    changed = false;
    for (const s of sums) {
      if (!out.has(s.total) && s.parts.some((p) => out.has(p))) {
        out.add(s.total);
        changed = true;
      }
    }
  }
  return out;
}
