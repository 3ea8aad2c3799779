import { InputError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import type { OutcomeValues } from "./analysisData.js";

/**
 * Quick mode (no plan): one value per person and outcome, taken as given. Several values for one person are an
 * error unless a window says how to combine them: `first` (earliest date), `last` (latest date) or `mean` (of the
 * non-missing values). With `byHorizon` the values are first split by horizon: whole years from the household's
 * draw date to the value's date, h = round(days / 365.25); values before year 1 are ignored.
 *
 * A value dated on or before the household's draw date is not an outcome of the assignment (it was measured
 * before the lottery): it is left out and counted (`beforeDraw`), for a warning, as in plan mode.
 *
 * Fed one outcome row at a time (from the in-memory or the streaming reader); keeps per person only the values
 * of the outcomes asked for.
 */
export type QuickWindow = "first" | "last" | "mean";

export interface QuickOptions {
  outcomes: readonly string[];
  window?: QuickWindow;
  byHorizon: boolean;
  /** the household's draw day (days since 1970-01-01) of each person; NaN when not drawn or unknown */
  drawDayOf: (personIndex: number) => number;
  file: string;
  personIdOf: (personIndex: number) => string;
}

interface Kept {
  day: number;
  value: number;
  line: number;
  sum: number;
  finite: number;
  firstDay: number;
  firstValue: number;
  lastDay: number;
  lastValue: number;
}

export interface QuickAccumulator {
  /** one row of outcomes.csv; `day` NaN when the date is not a date (refused when a date is needed) */
  add(personIndex: number, outcome: string, day: number, value: number, line: number, dateText: string): void;
  /** the rows seen per outcome name (to tell an unknown outcome from one with only missing values) */
  rowsSeen(outcome: string): number;
  /** rows of this outcome left out because they are dated on or before the household's draw date */
  beforeDraw(outcome: string): number;
  finish(): OutcomeValues[];
}

export function createQuickAccumulator(options: QuickOptions): QuickAccumulator {
  const wanted = new Map(options.outcomes.map((o, i) => [o, i]));
  const seen = options.outcomes.map(() => 0);
  const beforeDraw = options.outcomes.map(() => 0);
  // outcome index -> horizon (0 = none) -> person -> reduced value so far
  const store = options.outcomes.map(() => new Map<number, Map<number, Kept>>());
  const needsDate = options.byHorizon || options.window === "first" || options.window === "last";
  // rows come grouped by person and outcome: the last outcome's index and the last person's values are kept, so
  // most rows need no look-up in a map
  let lastOutcome: string | undefined;
  let lastIndex = -1;
  let lastKept: Kept | undefined;
  let keptOutcome = -1, keptHorizon = -1, keptPerson = -1;
  return {
    add(p, outcome, day, value, line, dateText) {
      if (outcome !== lastOutcome) {
        lastOutcome = outcome;
        lastIndex = wanted.get(outcome) ?? -1;
      }
      const oi = lastIndex;
      if (oi < 0) return;
      seen[oi]++;
      if (needsDate && !Number.isFinite(day)) {
        throw new InputError({ file: options.file, line, column: "date" }, tm("err_not_date"), tm("est_exp_date_quick"), dateText);
      }
      const draw = options.drawDayOf(p);
      if (Number.isFinite(day) && Number.isFinite(draw) && day <= draw) {
        beforeDraw[oi]++;
        return;
      }
      let h = 0;
      if (options.byHorizon) {
        if (!Number.isFinite(draw)) return; // never drawn: left out later, with a warning
        h = Math.round((day - draw) / 365.25);
        if (h < 1) return;
      }
      let k = lastKept;
      if (!(k !== undefined && p === keptPerson && oi === keptOutcome && h === keptHorizon)) {
        let byPerson = store[oi].get(h);
        if (!byPerson) store[oi].set(h, (byPerson = new Map()));
        k = byPerson.get(p);
        if (!k) {
          const f = Number.isFinite(value);
          byPerson.set(p, { day, value, line, sum: f ? value : 0, finite: f ? 1 : 0, firstDay: f ? day : NaN, firstValue: f ? value : NaN, lastDay: f ? day : NaN, lastValue: f ? value : NaN });
          return;
        }
        keptOutcome = oi;
        keptHorizon = h;
        keptPerson = p;
        lastKept = k;
      }
      if (options.window === undefined) {
        throw new InputError({ file: options.file, line, column: "person_id" },
          tm("est_second_value", { outcome, line: k.line }),
          tm("est_exp_one_value"), options.personIdOf(p));
      }
      if (!Number.isFinite(value)) return;
      k.sum += value;
      k.finite++;
      // ties on the date: the larger value wins, so the result does not depend on row order
      if (!(day > k.firstDay || (day === k.firstDay && value <= k.firstValue))) { k.firstDay = day; k.firstValue = value; }
      if (!(day < k.lastDay || (day === k.lastDay && value <= k.lastValue))) { k.lastDay = day; k.lastValue = value; }
    },
    rowsSeen: (outcome) => seen[wanted.get(outcome) ?? -1] ?? 0,
    beforeDraw: (outcome) => beforeDraw[wanted.get(outcome) ?? -1] ?? 0,
    finish() {
      const out: OutcomeValues[] = [];
      options.outcomes.forEach((outcome, oi) => {
        for (const h of [...store[oi].keys()].sort((a, b) => a - b)) {
          const byPerson = store[oi].get(h)!;
          const persons = [...byPerson.keys()].sort((a, b) => a - b);
          const value = persons.map((p) => {
            const k = byPerson.get(p)!;
            if (k.finite === 0) return NaN;
            return options.window === "first" ? k.firstValue : options.window === "last" ? k.lastValue : options.window === "mean" ? k.sum / k.finite : k.value;
          });
          out.push({ outcome, horizon: options.byHorizon ? h : undefined, personIndex: persons, value });
        }
      });
      return out;
    },
  };
}
