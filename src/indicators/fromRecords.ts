import type { IndicatorValueRow } from "../schemas/indicatorSpec.js";

/** Share of rows meeting a condition in one area and year. */
export interface ShareCell {
  area: string;
  year: number;
  /** Rows meeting the condition. */
  successes: number;
  /** Rows with a known answer (rows where `meets` returns undefined are missing and not counted). */
  n: number;
  /** successes / n; absent when n = 0 (never reported as 0). */
  value?: number;
}

export interface ShareAccessors<T> {
  area: (row: T) => string;
  year: (row: T) => number;
  /** true: meets the condition; false: does not; undefined: unknown (excluded from n). */
  meets: (row: T) => boolean | undefined;
}

export const ALL_AREAS = "all areas";

/**
 * Person-level records to shares: for each area x year, share = #(meets) / #(meets known), plus one cell per year
 * over all areas together (labelled `allAreasLabel`, default "all areas"). Cells are sorted by year, then area, with
 * the all-areas cell last in each year. Example: share of 9th-graders with at least 2.0 in Danish and maths.
 */
export function shareByAreaYear<T>(records: Iterable<T>, get: ShareAccessors<T>, allAreasLabel: string = ALL_AREAS): ShareCell[] {
  const cells = new Map<string, ShareCell>();
  const bump = (area: string, year: number, hit: boolean) => {
    const key = `${year}\u0000${area}`;
    let c = cells.get(key);
    if (!c) {
      c = { area, year, successes: 0, n: 0 };
      cells.set(key, c);
    }
    c.n += 1;
    if (hit) c.successes += 1;
  };
  for (const r of records) {
    const m = get.meets(r);
    if (m === undefined) continue;
    const year = get.year(r);
    if (!Number.isInteger(year)) throw new RangeError(`shareByAreaYear: year must be a whole number, got ${year}`);
    const area = get.area(r);
    if (area === allAreasLabel) throw new RangeError(`shareByAreaYear: an area is named "${allAreasLabel}", the all-areas label`);
    bump(area, year, m);
    bump(allAreasLabel, year, m);
  }
  const out = [...cells.values()];
  for (const c of out) if (c.n > 0) c.value = c.successes / c.n;
  out.sort((a, b) => a.year - b.year || Number(a.area === allAreasLabel) - Number(b.area === allAreasLabel) || (a.area < b.area ? -1 : a.area > b.area ? 1 : 0));
  return out;
}

/** Share cells as aggregated indicator value rows for `computeIndicators`. */
export function shareCellsToValueRows(indicator: string, cells: readonly ShareCell[]): IndicatorValueRow[] {
  return cells.map((c) => ({ indicator, area: c.area, year: c.year, value: c.value ?? null, n: c.n }));
}
