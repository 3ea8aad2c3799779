/**
 * Dating the years since a household's draw in calendar (budget) years.
 *
 * Year k since a draw on date d (k = 1, 2, ...) is the interval [d + (k - 1) years, d + k years), the same month
 * and day (29 February becomes 28 February in a year that has none, as the analysis plan's windows do). The share of it that falls in calendar year Y is
 *
 *   share(d, k, Y) = days of [d + (k - 1), d + k) inside [1 Jan Y, 1 Jan Y+1) / days of [d + (k - 1), d + k)
 *
 * so a flow that runs evenly through year k since the draw is booked to budget years by these shares (they sum to
 * 1 over Y). A household drawn on 1 July 2025 has 184/365 of its year 1 in 2025 and 181/365 in 2026.
 */
const DAY_MS = 86_400_000;

function dayNumber(year: number, month0: number, day: number): number {
  return Date.UTC(year, month0, day) / DAY_MS;
}

/** The same month and day in another year, 29 February as 28 February when that year has none. */
function anniversary(year: number, month0: number, day: number): number {
  const last = new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
  return dayNumber(year, month0, Math.min(day, last));
}

/** Parses YYYY-MM-DD into [year, month (0-based), day]; throws RangeError on anything else. */
export function parseIsoDate(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a date YYYY-MM-DD: "${date}"`);
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  const d = Number(m[3]);
  const back = new Date(Date.UTC(y, mo, d));
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo || back.getUTCDate() !== d) throw new RangeError(`not a calendar date: "${date}"`);
  return [y, mo, d];
}

const spans = new Map<string, [number, number]>();

/** The days (since 1970-01-01) where year k since the draw starts and ends (end exclusive). */
export function yearSinceDrawSpan(drawDate: string, k: number): [number, number] {
  const key = `${drawDate}|${k}`;
  let span = spans.get(key);
  if (span === undefined) {
    const [y, mo, d] = parseIsoDate(drawDate);
    span = [anniversary(y + k - 1, mo, d), anniversary(y + k, mo, d)];
    if (spans.size > 10_000) spans.clear();
    spans.set(key, span);
  }
  return span;
}

/** share(d, k, Y) as defined above. */
export function yearShare(drawDate: string, k: number, budgetYear: number): number {
  const [a, b] = yearSinceDrawSpan(drawDate, k);
  const lo = Math.max(a, dayNumber(budgetYear, 0, 1));
  const hi = Math.min(b, dayNumber(budgetYear + 1, 0, 1));
  return hi > lo ? (hi - lo) / (b - a) : 0;
}

/** The calendar year in which year k since the draw ends (its last day), e.g. the year a follow-up is counted. */
export function yearOfFollowUp(drawDate: string, k: number): number {
  const [, b] = yearSinceDrawSpan(drawDate, k);
  return new Date((b - 1) * DAY_MS).getUTCFullYear();
}

/** The last calendar year touched by years 1..k since the draw. */
export function lastBudgetYear(drawDate: string, k: number): number {
  return yearOfFollowUp(drawDate, k);
}
