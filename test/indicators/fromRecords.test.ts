import { describe, expect, it } from "vitest";
import { shareByAreaYear, shareCellsToValueRows } from "../../src/indicators/fromRecords.js";

interface Pupil {
  area: string;
  year: number;
  grade: number | undefined;
}
const pupils: Pupil[] = [
  { area: "Houlkær", year: 2024, grade: 4 },
  { area: "Houlkær", year: 2024, grade: 1 },
  { area: "Houlkær", year: 2024, grade: undefined },
  { area: "Karup Kølvrå", year: 2024, grade: 7 },
  { area: "Karup Kølvrå", year: 2025, grade: 0 },
];

describe("shareByAreaYear", () => {
  const cells = shareByAreaYear(pupils, { area: (p) => p.area, year: (p) => p.year, meets: (p) => (p.grade === undefined ? undefined : p.grade >= 2) });
  it("counts per area x year and all areas together, excluding unknowns", () => {
    expect(cells).toEqual([
      { area: "Houlkær", year: 2024, successes: 1, n: 2, value: 0.5 },
      { area: "Karup Kølvrå", year: 2024, successes: 1, n: 1, value: 1 },
      { area: "all areas", year: 2024, successes: 2, n: 3, value: 2 / 3 },
      { area: "Karup Kølvrå", year: 2025, successes: 0, n: 1, value: 0 },
      { area: "all areas", year: 2025, successes: 0, n: 1, value: 0 },
    ]);
  });
  it("turns cells into value rows", () => {
    const rows = shareCellsToValueRows("grade9", cells);
    expect(rows[0]).toEqual({ indicator: "grade9", area: "Houlkær", year: 2024, value: 0.5, n: 2 });
  });
  it("refuses an area named like the all-areas label", () => {
    expect(() => shareByAreaYear([{ a: "all areas" }], { area: (r) => r.a, year: () => 2024, meets: () => true })).toThrow(RangeError);
  });
});

describe("person-level records through to indicator results", () => {
  it("computes status against the spec's baseline from record-level shares", async () => {
    const { computeIndicators } = await import("../../src/indicators/compute.js");
    const spec = {
      format: "effekt-indicator-spec/1" as const,
      name: "t",
      indicators: [
        { id: "g", subgoal: "s", definition: "d", direction: "higher" as const, unit: "share" as const, status: "active" as const, area_baseline: { value: 0.5, year: 2023, source: "x" }, source: "x" },
      ],
    };
    const recs = Array.from({ length: 200 }, (_, i) => ({ area: i < 100 ? "A" : "B", ok: i % 10 < 8 }));
    const cells = shareByAreaYear(recs, { area: (r) => r.area, year: () => 2025, meets: (r) => r.ok });
    const out = computeIndicators(spec, shareCellsToValueRows("g", cells));
    expect(out.map((r) => [r.area, r.value, r.n, r.status])).toEqual([
      ["A", 0.8, 100, "better"],
      ["B", 0.8, 100, "better"],
      ["all areas", 0.8, 200, "better"],
    ]);
  });
});
