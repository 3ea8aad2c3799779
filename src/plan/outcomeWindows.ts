import type { Aggregation, AnalysisPlan, PlanOutcome } from "../schemas/analysisPlan.js";
import { addYears } from "../days.js";
import type { PopulationFrame } from "./population.js";

export type { PopulationFrame } from "./population.js";

/**
 * Outcome windows: turns long outcome records (person, outcome, date, value) into one number per person per horizon,
 * as the analysis plan says. Pure and streaming: the caller feeds rows one at a time (`add`) while reading
 * outcomes.csv, and memory stays O(persons x outcomes x horizons) in typed arrays, whatever the file's size.
 *
 * Rules (documented in `data-schemas/analysis-plan.md`):
 * - The window of horizon h for a person is the year after their household's draw date d:
 *   (d + (h-1) years, d + h years], start exclusive, end inclusive, calendar years added (29 Feb -> 28 Feb).
 *   So a row dated d itself counts nowhere; d + 1 year is the last day of year 1; the next day is year 2.
 * - A row is skipped, and counted by reason (`skipped`), when: the household was never drawn; the person is not in
 *   the outcome's population; it is dated on or before the draw date; it falls in a year that is not one of the
 *   outcome's horizons (between horizons) or after its last horizon; its value is missing (NaN).
 * - The rows of a window become one number by the outcome's `aggregation`:
 *   `mean` (of the non-missing values; for a weekly 0/1 series, the share of weeks), `sum`, `max`,
 *   `first` / `last` (the value with the earliest / latest date; two rows on that same date: the larger value, and
 *   the repeat is counted in `skipped.sameDayRepeats`).
 * - A person who counts but has no non-missing value in the window gets NaN ("no value"); never 0.
 * - Results do not depend on row order: `max`, `first`, `last` are order-free, and `mean` / `sum` use compensated
 *   (Neumaier 1974) summation, which returns the correctly rounded sum except for pathological cancellation, so
 *   reordering the rows does not change a bit (sums of 0/1 values are exact in any case).
 */

export interface WindowSkips {
  /** Rows of persons whose household was never drawn. */
  notDrawn: number;
  /** Rows of persons outside the outcome's population. */
  notInPopulation: number;
  /** Rows dated on or before the household's draw date. */
  onOrBeforeDraw: number;
  /** Rows in a year after the draw that is not one of the outcome's horizons but before its last (e.g. year 2 of 1, 3, 5). */
  betweenHorizons: number;
  /** Rows after the outcome's last horizon. */
  afterLastHorizon: number;
  /** Rows in a horizon's window whose value is missing (NaN). */
  missingValue: number;
  /** `first` / `last`: further rows on the date of the kept value (a likely duplicate in the extract). */
  sameDayRepeats: number;
}

export interface HorizonValues {
  /** One number per person (frame order); NaN when the person does not count or has no value in the window. */
  values: Float64Array;
  /** 1 for each person who counts (drawn and in the population), else 0. */
  counted: Uint8Array;
  /** Persons who count and have a value. */
  withValue: number;
  /** Persons who count. */
  counted_n: number;
  /** Per person (frame order): the number of values in the window (0 when the person does not count). */
  observations: Int32Array;
}

export interface OutcomeAccumulator {
  /** The plan's outcome names, in plan order. */
  outcomeNames(): string[];
  /** Index of an outcome name for `addAt`, or -1 when the plan does not name it. */
  outcomeIndex(name: string): number;
  /** Adds one row; rows of outcomes the plan does not name are counted (`unknownOutcomes`) and skipped. */
  add(personIndex: number, outcome: string, day: number, value: number): void;
  /** `add` with the outcome already looked up (the fast path for a streamed file). */
  addAt(personIndex: number, outcomeIndex: number, day: number, value: number): void;
  /** The per-person numbers of one outcome at one of its horizons. */
  result(outcome: string, horizon: number): HorizonValues;
  /** Rows skipped for this outcome, by reason. */
  skipped(outcome: string): WindowSkips;
  /** Rows whose outcome the plan does not name, by outcome name. */
  unknownOutcomes(): Map<string, number>;
}

interface OutcomeState {
  outcome: PlanOutcome;
  aggregation: Aggregation;
  /** Year after the draw (1..maxYear) -> index into `outcome.horizons`, -1 when not a horizon. */
  horizonOfYear: Int32Array;
  lastHorizon: number;
  eligible: Uint8Array;
  /** Per horizon: running value (sum, max or kept value), compensation (sum/mean), count of values, kept date. */
  acc: Float64Array[];
  comp: Float64Array[];
  count: Int32Array[];
  day: Int32Array[];
  skips: WindowSkips;
}

export function createOutcomeAccumulator(plan: AnalysisPlan, frame: PopulationFrame): OutcomeAccumulator {
  const n = frame.personIds.length;
  if (frame.drawDay.length !== n) throw new RangeError("createOutcomeAccumulator: drawDay must have one entry per person");
  const maxYear = Math.max(...plan.outcomes.map((o) => o.horizons[o.horizons.length - 1]));

  // Window boundaries per distinct draw date: bounds[slot * (maxYear + 1) + k] = draw date + k years.
  const slotOfPerson = new Int32Array(n).fill(-1);
  const slotOfDay = new Map<number, number>();
  const boundList: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = frame.drawDay[i];
    if (d < 0) continue;
    let slot = slotOfDay.get(d);
    if (slot === undefined) {
      slot = slotOfDay.size;
      slotOfDay.set(d, slot);
      for (let k = 0; k <= maxYear; k++) boundList.push(addYears(d, k));
    }
    slotOfPerson[i] = slot;
  }
  const bounds = Int32Array.from(boundList);
  const stride = maxYear + 1;

  const states: OutcomeState[] = plan.outcomes.map((outcome) => {
    const horizonOfYear = new Int32Array(maxYear + 1).fill(-1);
    outcome.horizons.forEach((h, j) => (horizonOfYear[h] = j));
    const eligible = frame.eligible(outcome);
    if (eligible.length !== n) throw new RangeError(`createOutcomeAccumulator: eligible(${outcome.name}) must have one entry per person`);
    const keepsDay = outcome.aggregation === "first" || outcome.aggregation === "last";
    const sums = outcome.aggregation === "mean" || outcome.aggregation === "sum";
    return {
      outcome,
      aggregation: outcome.aggregation,
      horizonOfYear,
      lastHorizon: outcome.horizons[outcome.horizons.length - 1],
      eligible,
      acc: outcome.horizons.map(() => new Float64Array(n)),
      comp: outcome.horizons.map(() => new Float64Array(sums ? n : 0)),
      count: outcome.horizons.map(() => new Int32Array(n)),
      day: outcome.horizons.map(() => new Int32Array(keepsDay ? n : 0)),
      skips: { notDrawn: 0, notInPopulation: 0, onOrBeforeDraw: 0, betweenHorizons: 0, afterLastHorizon: 0, missingValue: 0, sameDayRepeats: 0 },
    };
  });
  const indexOf = new Map(plan.outcomes.map((o, i) => [o.name, i]));
  let lastName: string | undefined;
  let lastIndex = -1;
  const unknown = new Map<string, number>();

  function stateOf(name: string): OutcomeState {
    const i = indexOf.get(name);
    if (i === undefined) throw new RangeError(`the analysis plan has no outcome "${name}"`);
    return states[i];
  }

  function addAt(p: number, o: number, day: number, value: number): void {
    if (!(p >= 0 && p < n)) throw new RangeError(`outcome row for person index ${p}: the frame has ${n} persons`);
    const s = states[o];
    const slot = slotOfPerson[p];
    if (slot < 0) { s.skips.notDrawn++; return; }
    if (s.eligible[p] === 0) { s.skips.notInPopulation++; return; }
    const base = slot * stride;
    if (day <= bounds[base]) { s.skips.onOrBeforeDraw++; return; }
    // The year after the draw that holds `day`: the first k with day <= draw + k years.
    let year = 1;
    while (year <= s.lastHorizon && day > bounds[base + year]) year++;
    if (year > s.lastHorizon) { s.skips.afterLastHorizon++; return; }
    const j = s.horizonOfYear[year];
    if (j < 0) { s.skips.betweenHorizons++; return; }
    if (Number.isNaN(value)) { s.skips.missingValue++; return; }
    if (!Number.isFinite(value)) throw new RangeError(`outcome ${s.outcome.name}: value ${value} is not a finite number`);
    const acc = s.acc[j];
    const count = s.count[j];
    switch (s.aggregation) {
      case "mean":
      case "sum": {
        // Neumaier's compensated sum: the running error of each addition is kept in `comp`.
        const comp = s.comp[j];
        const sum = acc[p];
        const t = sum + value;
        comp[p] += Math.abs(sum) >= Math.abs(value) ? sum - t + value : value - t + sum;
        acc[p] = t;
        break;
      }
      case "max":
        if (count[p] === 0 || value > acc[p]) acc[p] = value;
        break;
      case "first":
      case "last": {
        const kept = s.day[j];
        const later = s.aggregation === "last";
        if (count[p] === 0 || (later ? day > kept[p] : day < kept[p])) {
          kept[p] = day;
          acc[p] = value;
        } else if (day === kept[p]) {
          s.skips.sameDayRepeats++;
          if (value > acc[p]) acc[p] = value;
        }
        break;
      }
    }
    count[p]++;
  }

  return {
    outcomeNames: () => plan.outcomes.map((o) => o.name),
    outcomeIndex(name) {
      // rows come grouped by outcome: the last name's index saves a look-up per row of a streamed file
      if (name !== lastName) {
        lastName = name;
        lastIndex = indexOf.get(name) ?? -1;
      }
      return lastIndex;
    },
    add(p, name, day, value) {
      const o = indexOf.get(name);
      if (o === undefined) {
        unknown.set(name, (unknown.get(name) ?? 0) + 1);
        return;
      }
      addAt(p, o, day, value);
    },
    addAt,
    result(name, horizon) {
      const s = stateOf(name);
      const j = s.outcome.horizons.indexOf(horizon);
      if (j < 0) throw new RangeError(`outcome "${name}" has no horizon ${horizon} in the plan (it has ${s.outcome.horizons.join(", ")})`);
      const values = new Float64Array(n).fill(Number.NaN);
      const counted = new Uint8Array(n);
      let withValue = 0;
      let countedN = 0;
      const acc = s.acc[j];
      const comp = s.comp[j];
      const count = s.count[j];
      const observations = new Int32Array(n);
      for (let p = 0; p < n; p++) {
        if (slotOfPerson[p] < 0 || s.eligible[p] === 0) continue;
        counted[p] = 1;
        countedN++;
        const c = count[p];
        observations[p] = c;
        if (c === 0) continue;
        withValue++;
        values[p] = s.aggregation === "mean" ? (acc[p] + comp[p]) / c : s.aggregation === "sum" ? acc[p] + comp[p] : acc[p];
      }
      return { values, counted, withValue, counted_n: countedN, observations };
    },
    skipped: (name) => ({ ...stateOf(name).skips }),
    unknownOutcomes: () => new Map(unknown),
  };
}
