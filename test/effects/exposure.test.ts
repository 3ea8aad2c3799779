import { describe, expect, it } from "vitest";
import { addYears, parseDay } from "../../src/days.js";
import { planFromJson } from "../../src/plan/load.js";
import { createOutcomeAccumulator } from "../../src/plan/outcomeWindows.js";
import { createPopulationFrame } from "../../src/plan/population.js";
import { buildAnalysisData, makeAssignment, planOutcomeValues, runEstimators } from "../../src/effects/index.js";
import type { PersonFrame } from "../../src/io/persons.js";

/**
 * The share of each person's window that was observed, in the meta per outcome x
 * horizon and arm, and the plan's min_observed_share (a person observed for less counts as missing). Known numbers:
 * weekly employment (periods_per_year 52) in year 1 after a draw on 2025-03-01; p0 observed all 52 weeks, p1 moved
 * away after 26 weeks, p2 after 13 weeks, p3 has no value; p0 and p2 treated, p1 and p3 control.
 */
const D = parseDay("2025-03-01");

function plan(extra: Record<string, unknown>) {
  return planFromJson({
    format: "effekt-analysis-plan/1", id: "t", title: "t", version: "1",
    randomisation_inference: { permutations: 0, seed: "s" },
    outcomes: [{ name: "employment", label: "Employment", role: "primary", type: "binary", direction: "higher_is_better", population: {}, aggregation: "mean", horizons: [1], ...extra }],
  }, "plan.json").plan;
}

const ids = ["p0", "p1", "p2", "p3", "p4", "p5"];
const weeks = [52, 26, 13, 0, 52, 40];
const arms = ["treatment", "control", "treatment", "control", "treatment", "control"] as const;

function run(extra: Record<string, unknown>, lastDay = addYears(D, 1)) {
  const p = plan(extra);
  const frame = createPopulationFrame({ personIds: ids, drawDay: Int32Array.from(ids, () => D), birthYear: Float64Array.from(ids, () => 1980), role: ids.map(() => "adult") });
  const acc = createOutcomeAccumulator(p, frame);
  // weekly 0/1 values: p0 employed every week, p1 the first half of its weeks, everybody else alternating
  ids.forEach((_, i) => {
    for (let k = 1; k <= weeks[i]; k++) if (D + 7 * k <= lastDay) acc.add(i, "employment", D + 7 * k, i === 0 ? 1 : i === 1 ? (k <= 13 ? 1 : 0) : k % 2);
  });
  const { values } = planOutcomeValues(p, acc, Int32Array.from(ids, () => D), [lastDay]);
  const persons: PersonFrame = { file: "persons.csv", personIds: ids, householdIds: ids.map((x) => `H${x}`), covariates: new Map(), subgroups: new Map() };
  const assignment = makeAssignment("effekt", ids.map((x, i) => ({ householdId: `H${x}`, wave: 1, stratum: "A", arm: arms[i], pTreatment: 0.5, drawDate: "2025-03-01" })));
  return { values: values[0], data: buildAnalysisData(values[0], persons, assignment, { covariates: [] }) };
}

describe("observed share of each person's window (exposure) and the plan's minimum", () => {
  it("share = values in the window / periods_per_year; under mean, a person who moved away has the mean of the weeks observed", () => {
    const { values, data } = run({ periods_per_year: 52 });
    expect(values.exposure!.observedShare).toEqual([1, 0.5, 0.25, 0, 1, 40 / 52]);
    expect(data.exposure).toEqual({
      periods_per_year: 52,
      min_observed_share: null,
      arms: [
        { arm: "treatment", persons_counted: 3, mean_observed_share: (1 + 0.25 + 1) / 3, persons_below_minimum: 0 },
        { arm: "control", persons_counted: 3, mean_observed_share: (0.5 + 0 + 40 / 52) / 3, persons_below_minimum: 0 },
      ],
    });
    // p1: employed 13 of its 26 observed weeks -> 0.5 (not 13/52); nobody dropped but p3, who has no value
    expect(Array.from(values.value).slice(0, 2)).toEqual([1, 0.5]);
    expect(data.attrition).toEqual([
      { arm: "treatment", persons_counted: 3, persons_with_value: 3 },
      { arm: "control", persons_counted: 3, persons_with_value: 2 },
    ]);
  });

  it("min_observed_share 0.5: p2 (a quarter of its window) counts as missing; p1 (exactly half) stays; the estimate uses the others", () => {
    const { data } = run({ periods_per_year: 52, min_observed_share: 0.5 });
    expect(data.exposure!.min_observed_share).toBe(0.5);
    expect(data.exposure!.arms.map((a) => a.persons_below_minimum)).toEqual([1, 0]);
    expect(data.attrition).toEqual([
      { arm: "treatment", persons_counted: 3, persons_with_value: 2 },
      { arm: "control", persons_counted: 3, persons_with_value: 2 },
    ]);
    expect(data.warnings.some((w) => /1 treatment and 0 control persons observed for less than 0.5 of their window count as missing/.test(w))).toBe(true);
    // difference in means over p0, p4 (treatment: 1 and 0.5) and p1, p5 (control: 0.5 and 0.5)
    const dim = runEstimators(data, { alpha: 0.05, role: "primary", allocation: "effekt" }).rows.find((r) => r.estimator === "difference_in_means")!;
    expect(data.y.length).toBe(4);
    expect(dim.estimate).toBeCloseTo((1 + 0.5) / 2 - (0.5 + 0.5) / 2, 12);
  });

  it("a window still open: the share is of the part elapsed by the outcome's last date", () => {
    // data up to 26 weeks after the draw: half the window elapsed (182 of 365 days); p1's 26 weeks are all of it
    const last = D + 182;
    const { values } = run({ periods_per_year: 52 }, last);
    const f = (last - D) / (addYears(D, 1) - D);
    expect(values.exposure!.observedShare[1]).toBeCloseTo(Math.min(1, 26 / (52 * f)), 12);
    expect(values.exposure!.observedShare[2]).toBeCloseTo(13 / (52 * f), 12);
  });

  it("without periods_per_year there is no exposure; min_observed_share alone is refused", () => {
    expect(run({}).data.exposure).toBeUndefined();
    expect(() => plan({ min_observed_share: 0.5 })).toThrow(/min_observed_share: needs periods_per_year/);
  });
});
