import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addYears, formatDay, parseDay } from "../../src/days.js";
import { loadPlan } from "../../src/plan/load.js";
import { createOutcomeAccumulator } from "../../src/plan/outcomeWindows.js";
import { ageAtDraw, createPopulationFrame, populationMask } from "../../src/plan/population.js";
import { planFromJson } from "../../src/plan/load.js";
import type { AnalysisPlan, Aggregation } from "../../src/schemas/analysisPlan.js";
import { ROOT, SAMPLES } from "../helpers.js";

const day = (s: string) => {
  const d = parseDay(s);
  if (Number.isNaN(d)) throw new Error(`bad date ${s}`);
  return d;
};

function planWith(aggregation: Aggregation, horizons = [1, 3], population: Record<string, unknown> = {}): AnalysisPlan {
  return planFromJson(
    {
      format: "effekt-analysis-plan/1",
      id: "t",
      title: "t",
      version: "1",
      randomisation_inference: { permutations: 0, seed: "s" },
      outcomes: [{ name: "y", label: "y", role: "primary", type: "continuous", direction: "higher_is_better", population, aggregation, horizons }],
    },
    "test",
  ).plan;
}

/** Persons: p0 drawn 2025-03-01, p1 drawn 2024-02-29, p2 never drawn. */
function frame() {
  return createPopulationFrame({
    personIds: ["p0", "p1", "p2"],
    drawDay: Int32Array.from([day("2025-03-01"), day("2024-02-29"), -1]),
    birthYear: Float64Array.from([1980, 2010, 1990]),
    role: ["adult", "child", "adult"],
  });
}

describe("days", () => {
  it("parses only real YYYY-MM-DD dates and matches Date.UTC", () => {
    expect(parseDay("2025-03-01")).toBe(Date.UTC(2025, 2, 1) / 86_400_000);
    expect(parseDay("1970-01-01")).toBe(0);
    for (const bad of ["2025-02-29", "2025-13-01", "2025-3-01", "2025-03-01T00", "", "abcd-ef-gh", "2025-04-31"]) expect(parseDay(bad)).toBeNaN();
    expect(parseDay("2024-02-29")).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    for (let d = -719162; d < 2_000_000; d += 97) expect(parseDay(formatDay(d))).toBe(d);
  });

  it("adds calendar years; 29 February becomes 28 February in a year without one", () => {
    expect(formatDay(addYears(day("2024-02-29"), 1))).toBe("2025-02-28");
    expect(formatDay(addYears(day("2024-02-29"), 4))).toBe("2028-02-29");
    expect(formatDay(addYears(day("2025-03-01"), 3))).toBe("2028-03-01");
    expect(formatDay(addYears(day("2025-12-31"), 1))).toBe("2026-12-31");
  });
});

describe("outcome windows", () => {
  it("year h is (draw + h-1 years, draw + h years]: the anniversary is in year 1, the next day in year 2", () => {
    const acc = createOutcomeAccumulator(planWith("sum", [1, 2]), frame());
    acc.add(0, "y", day("2025-03-01"), 100); // the draw date itself: skipped
    acc.add(0, "y", day("2025-03-02"), 1); // first day of year 1
    acc.add(0, "y", day("2026-03-01"), 2); // last day of year 1
    acc.add(0, "y", day("2026-03-02"), 10); // first day of year 2
    acc.add(0, "y", day("2027-03-01"), 20); // last day of year 2
    acc.add(0, "y", day("2027-03-02"), 1000); // after the last horizon
    expect(acc.result("y", 1).values[0]).toBe(3);
    expect(acc.result("y", 2).values[0]).toBe(30);
    expect(acc.skipped("y")).toMatchObject({ onOrBeforeDraw: 1, afterLastHorizon: 1 });
  });

  it("a draw on 29 February: year 1 ends 28 February, year 4 ends 29 February", () => {
    const acc = createOutcomeAccumulator(planWith("sum", [1, 2, 4]), frame());
    acc.add(1, "y", day("2025-02-28"), 1);
    acc.add(1, "y", day("2025-03-01"), 10);
    acc.add(1, "y", day("2028-02-29"), 100);
    acc.add(1, "y", day("2028-03-01"), 1000);
    expect(acc.result("y", 1).values[1]).toBe(1);
    expect(acc.result("y", 2).values[1]).toBe(10);
    expect(acc.result("y", 4).values[1]).toBe(100);
    expect(acc.skipped("y").afterLastHorizon).toBe(1);
  });

  it("skips and counts rows between horizons, of undrawn households, of missing values and unknown outcomes", () => {
    const acc = createOutcomeAccumulator(planWith("mean", [1, 3]), frame());
    acc.add(0, "y", day("2025-06-01"), 1);
    acc.add(0, "y", day("2026-06-01"), 5); // year 2: not a horizon
    acc.add(0, "y", day("2025-06-02"), Number.NaN); // missing: does not pull the mean
    acc.add(2, "y", day("2025-06-01"), 1); // household never drawn
    acc.add(0, "z", day("2025-06-01"), 1);
    acc.add(0, "z", day("2025-06-01"), 1);
    const r = acc.result("y", 1);
    expect(Array.from(r.values)).toEqual([1, Number.NaN, Number.NaN]);
    expect(Array.from(r.counted)).toEqual([1, 1, 0]);
    expect([r.withValue, r.counted_n]).toEqual([1, 2]);
    expect(acc.skipped("y")).toEqual({ notDrawn: 1, notInPopulation: 0, onOrBeforeDraw: 0, betweenHorizons: 1, afterLastHorizon: 0, missingValue: 1, sameDayRepeats: 0 });
    expect([...acc.unknownOutcomes()]).toEqual([["z", 2]]);
    // Year 3 has no data at all: every counted person has "no value", never 0.
    const y3 = acc.result("y", 3);
    expect(y3.withValue).toBe(0);
    expect(Array.from(y3.values).every(Number.isNaN)).toBe(true);
    expect(() => acc.result("y", 2)).toThrow(/no horizon 2/);
    expect(acc.outcomeNames()).toEqual(["y"]);
    expect(acc.outcomeIndex("z")).toBe(-1);
    expect(() => acc.add(3, "y", day("2025-06-01"), 1)).toThrow(/person index 3: the frame has 3 persons/);
  });

  const weekly: [string, number][] = [
    ["2025-03-08", 1],
    ["2025-03-15", 0],
    ["2025-03-22", 1],
    ["2025-03-29", 1],
    ["2026-03-01", 0],
  ];
  const expected: Record<Aggregation, number> = { mean: 3 / 5, sum: 3, max: 1, first: 1, last: 0 };
  for (const aggregation of Object.keys(expected) as Aggregation[]) {
    it(`aggregation ${aggregation} gives ${expected[aggregation]} for a weekly 0/1 series, in any row order`, () => {
      for (const order of [weekly, [...weekly].reverse(), [weekly[2], weekly[4], weekly[0], weekly[3], weekly[1]]]) {
        const acc = createOutcomeAccumulator(planWith(aggregation, [1]), frame());
        for (const [d, v] of order) acc.add(0, "y", day(d), v);
        expect(acc.result("y", 1).values[0]).toBe(expected[aggregation]);
      }
    });
  }

  it("first/last with two rows on the kept date keep the larger value and count the repeat", () => {
    for (const aggregation of ["first", "last"] as const) {
      for (const values of [[0.2, 0.7], [0.7, 0.2]]) {
        const acc = createOutcomeAccumulator(planWith(aggregation, [1]), frame());
        for (const v of values) acc.add(0, "y", day("2025-06-01"), v);
        expect(acc.result("y", 1).values[0]).toBe(0.7);
        expect(acc.skipped("y").sameDayRepeats).toBe(1);
      }
    }
  });

  it("the mean of many decimals does not depend on row order (compensated summation)", () => {
    const values = Array.from({ length: 200 }, (_, i) => ((i * 7919) % 1000) / 1000 + 1e6 * (i % 3 === 0 ? 1 : 0));
    const means = [values, [...values].reverse(), [...values].sort()].map((vs) => {
      const acc = createOutcomeAccumulator(planWith("mean", [1]), frame());
      vs.forEach((v, i) => acc.add(0, "y", day("2025-03-02") + (i % 300), v));
      return acc.result("y", 1).values[0];
    });
    expect(means[1]).toBe(means[0]);
    expect(means[2]).toBe(means[0]);
  });
});

describe("population", () => {
  const persons = {
    personIds: ["a15", "a16", "a64", "a65", "child", "nobirth", "undrawn"],
    drawDay: Int32Array.from([...Array(6).fill(day("2025-03-01")), -1]),
    birthYear: Float64Array.from([2010, 2009, 1961, 1960, 2012, Number.NaN, 1980]),
    role: ["adult", "adult", "adult", "adult", "child", "adult", "adult"],
  };
  it("role and age at the draw (draw year - birth year), both ends inclusive; undrawn never counts", () => {
    expect(Array.from(populationMask(persons, { role: "adult", age_min: 16, age_max: 64 }))).toEqual([0, 1, 1, 0, 0, 0, 0]);
    expect(Array.from(populationMask(persons, { role: "adult" }))).toEqual([1, 1, 1, 1, 0, 1, 0]);
    expect(Array.from(populationMask(persons, { role: "child" }))).toEqual([0, 0, 0, 0, 1, 0, 0]);
    expect(Array.from(populationMask(persons, {}))).toEqual([1, 1, 1, 1, 1, 1, 0]);
    expect(ageAtDraw(1961, day("2025-03-01"))).toBe(64);
    expect(ageAtDraw(1961, -1)).toBeNaN();
  });

  it("rows of persons outside the population are skipped and counted", () => {
    const acc = createOutcomeAccumulator(planWith("mean", [1], { role: "adult", age_min: 16, age_max: 64 }), createPopulationFrame(persons));
    acc.add(0, "y", day("2025-06-01"), 1);
    acc.add(1, "y", day("2025-06-01"), 1);
    expect(acc.skipped("y").notInPopulation).toBe(1);
    const r = acc.result("y", 1);
    expect([r.withValue, r.counted_n]).toEqual([1, 2]);
  });
});

describe("the shipped plan on the sample outcomes", () => {
  it("gives employment and wellbeing values in year 1, school absence from year 2 on, and nothing in year 5", () => {
    // Draw dates of the demo's waves, by household, as samples/README.md documents (wave 1 2025-03-01, wave 2 2025-09-01):
    // the first employment date of each person is exactly one year after their household's draw.
    const { plan } = loadPlan(join(ROOT, "analyses", "relationel-velfaerd.json"));
    const personLines = readFileSync(join(SAMPLES, "persons.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const outcomeLines = readFileSync(join(SAMPLES, "outcomes.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const firstEmployment = new Map<string, string>();
    for (const [pid, outcome, date] of outcomeLines) if (outcome === "employment" && !firstEmployment.has(pid)) firstEmployment.set(pid, date);
    const drawOfHousehold = new Map<string, number>();
    for (const [pid, hh] of personLines) {
      const d = firstEmployment.get(pid);
      if (d) drawOfHousehold.set(hh, addYears(day(d), -1));
    }
    const index = new Map(personLines.map(([pid], i) => [pid, i]));
    const acc = createOutcomeAccumulator(
      plan,
      createPopulationFrame({
        personIds: personLines.map((p) => p[0]),
        drawDay: Int32Array.from(personLines.map((p) => drawOfHousehold.get(p[1]) ?? -1)),
        birthYear: Float64Array.from(personLines.map((p) => Number(p[2]))),
        role: personLines.map((p) => p[4]),
      }),
    );
    for (const [pid, outcome, date, value] of outcomeLines) acc.add(index.get(pid)!, outcome, day(date), value === "NA" ? Number.NaN : Number(value));
    const employment1 = acc.result("employment", 1);
    expect(employment1.withValue).toBeGreaterThan(500);
    expect(employment1.withValue).toBeLessThan(employment1.counted_n);
    expect(acc.result("employment", 5).withValue).toBe(0);
    expect(acc.result("school_absence", 1).withValue).toBe(0);
    expect(acc.result("school_absence", 3).withValue).toBeGreaterThan(400);
    expect(acc.result("wellbeing", 1).withValue).toBeGreaterThan(500);
    expect(acc.skipped("school_absence").betweenHorizons).toBeGreaterThan(400); // year 2 is not a horizon
    expect([...acc.unknownOutcomes()]).toEqual([]);
  });
});
