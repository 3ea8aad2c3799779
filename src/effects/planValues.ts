import { addYears, formatDay } from "../days.js";
import { t, type Lang } from "../i18n/index.js";
import { stored } from "../i18n/storedText.js";
import type { OutcomeAccumulator } from "../plan/outcomeWindows.js";
import type { AnalysisPlan } from "../schemas/analysisPlan.js";
import type { OutcomeValues } from "./analysisData.js";

export interface PendingHorizon {
  outcome: string;
  horizon: number;
  reason: string;
}

/**
 * Plan mode: the accumulator's one number per person (outcome x horizon) becomes the analysis input, with two
 * rules about time (documented in data-schemas/effect-table-meta.md):
 *
 * - A person counts at horizon h when the window of h, (d + (h-1) years, d + h years] after the household's draw
 *   date d, has ended by the last date outcomes.csv has for the outcome, or when the person already has a value
 *   in that window (a yearly measure dated inside the window, e.g. a school year ending 30 June). A person whose
 *   window is still open and who has no value yet is left out (pending, not attrition), with a warning.
 * - A horizon where no counted person has a value, or no window has ended, is *pending*: no estimate rows, an
 *   entry in the meta's `pending` and a terminal line ("employment year 5: data pending"). Never a zero.
 * - Exposure (an outcome with `periods_per_year` P): each counted person's observed share of the window,
 *   observations / (P x f), capped at 1, where f is the share of the window elapsed by the last date of the
 *   outcome in the file (1 once the window has ended). Someone who moved away or died part-way has fewer values:
 *   under `mean` their value is the mean over the part observed (a shorter exposure), and with the plan's
 *   `min_observed_share` a person below it counts as missing (attrition) at that horizon (`analysisData.ts`).
 */
export function planOutcomeValues(plan: AnalysisPlan, acc: OutcomeAccumulator, drawDay: Int32Array, lastDayOfOutcome: readonly number[]): { values: OutcomeValues[]; pending: PendingHorizon[]; warnings: string[] } {
  const values: OutcomeValues[] = [];
  const pending: PendingHorizon[] = [];
  const warnings: string[] = [];
  plan.outcomes.forEach((o, oi) => {
    const last = lastDayOfOutcome[oi];
    for (const h of o.horizons) {
      const r = acc.result(o.name, h);
      const personIndex: number[] = [];
      const value: number[] = [];
      const observedShare: number[] = [];
      const P = o.periods_per_year;
      let open = 0;
      let withValue = 0;
      for (let p = 0; p < r.counted.length; p++) {
        if (r.counted[p] === 0) continue;
        if (!(addYears(drawDay[p], h) <= last) && !Number.isFinite(r.values[p])) {
          open++;
          continue;
        }
        personIndex.push(p);
        value.push(r.values[p]);
        if (P !== undefined) {
          const start = addYears(drawDay[p], h - 1);
          const end = addYears(drawDay[p], h);
          const elapsed = Math.min(1, Math.max(0, ((Number.isFinite(last) ? Math.min(last, end) : end) - start) / (end - start)));
          observedShare.push(elapsed > 0 ? Math.min(1, r.observations[p] / (P * elapsed)) : r.observations[p] > 0 ? 1 : 0);
        }
        if (Number.isFinite(r.values[p])) withValue++;
      }
      // the reasons and warnings go to the meta in English, and to the terminal in the run's language
      const lastText = (lang: Lang) => (Number.isFinite(last) ? formatDay(last) : t(lang, "mf_none"));
      if (personIndex.length === 0 || withValue === 0) {
        const reason = personIndex.length === 0 && open > 0
          ? stored((lang) => t(lang, "est_pending_no_window", { horizon: h, outcome: o.name, last: lastText(lang) }))
          : stored((lang) => t(lang, "est_pending_no_value", { horizon: h, outcome: o.name }));
        pending.push({ outcome: o.name, horizon: h, reason });
        continue;
      }
      if (open > 0) warnings.push(stored((lang) => t(lang, "est_open_left_out", { outcome: o.name, horizon: h, n: open, last: lastText(lang) })));
      values.push({ outcome: o.name, horizon: h, personIndex, value, ...(P !== undefined ? { exposure: { observedShare, periodsPerYear: P, minObservedShare: o.min_observed_share } } : {}) });
    }
  });
  return { values, pending, warnings };
}
