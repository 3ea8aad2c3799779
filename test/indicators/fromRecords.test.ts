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
