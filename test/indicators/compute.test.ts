import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeIndicatorRow, computeIndicators } from "../../src/indicators/compute.js";
import { wilson } from "../../src/indicators/wilson.js";
import { parseIndicatorSpec } from "../../src/schemas/indicatorSpec.js";
import { UserError } from "../../src/errors.js";

const spec = parseIndicatorSpec(JSON.parse(readFileSync("analyses/lbf-uddannelse-og-livschancer.json", "utf8")), "lbf.json");
const grade9 = spec.indicators[0];
const young = spec.indicators[1];
const absence = spec.indicators[2];

describe("computeIndicatorRow", () => {
  it("change, gap and progress to target by hand (0.80 vs baseline 0.75, Viborg 0.95, target 0.92)", () => {
    const r = computeIndicatorRow(grade9, { indicator: grade9.id, area: "Houlkær", year: 2025, value: 0.8, n: 100 });
    expect(r.value).toBe(0.8);
    expect(r.change_since_baseline).toBeCloseTo(5, 12);
    expect(r.gap_to_comparison).toBeCloseTo(-15, 12);
    expect(r.progress_to_target).toBeCloseTo(0.05 / 0.17, 12);
    const w = wilson(80, 100);
    expect(r.interval?.lower).toBeCloseTo(w.lower, 14);
    // Wilson [0.711, 0.866] contains 0.75
    expect(r.status).toBe("unchanged-within-uncertainty");
    expect(r.difference_unit).toBe("percentage points");
  });
  it("better when the Wilson interval lies above the baseline and higher is better", () => {
    const r = computeIndicatorRow(grade9, { indicator: grade9.id, area: "all areas", year: 2025, value: 0.9, n: 200 });
    expect(r.status).toBe("better");
  });
  it("better when the interval lies below the baseline and lower is better", () => {
    const r = computeIndicatorRow(young, { indicator: young.id, area: "all areas", year: 2025, value: 0.2, n: 300 });
    expect(r.status).toBe("better");
    expect(r.change_since_baseline).toBeCloseTo(-11, 12);
    expect(r.gap_to_comparison).toBeCloseTo(4, 12);
    expect(r.progress_to_target).toBeUndefined();
  });
  it("pending rows never become zero", () => {
    const r = computeIndicatorRow(grade9, { indicator: grade9.id, area: "Houlkær", year: 2026, value: null });
    expect(r.value).toBe("pending");
    expect(r.status).toBe("pending");
    expect(r.change_since_baseline).toBeUndefined();
    const zeroN = computeIndicatorRow(grade9, { indicator: grade9.id, area: "Houlkær", year: 2026, value: 0, n: 0 });
    expect(zeroN.value).toBe("pending");
  });
  it("a pending-spec indicator with a value shows it, status pending (no baseline)", () => {
    const r = computeIndicatorRow(absence, { indicator: absence.id, area: "Houlkær", year: 2026, value: 0.08, se: 0.01 });
    expect(r.value).toBe(0.08);
    expect(r.status).toBe("pending");
  });
  it("not-assessable without n or se", () => {
    const r = computeIndicatorRow(grade9, { indicator: grade9.id, area: "Houlkær", year: 2025, value: 0.8 });
    expect(r.status).toBe("not-assessable");
  });
  it("refuses a share outside [0, 1]", () => {
    expect(() => computeIndicatorRow(grade9, { indicator: grade9.id, area: "Houlkær", year: 2025, value: 75, n: 10 })).toThrow(UserError);
  });
});

describe("computeIndicators", () => {
  it("indicators without rows become pending rows; unknown ids are refused", () => {
    const out = computeIndicators(spec, [{ indicator: grade9.id, area: "Houlkær", year: 2025, value: 0.8, n: 50 }]);
    expect(out).toHaveLength(4);
    expect(out.filter((r) => r.status === "pending")).toHaveLength(3);
    expect(() => computeIndicators(spec, [{ indicator: "nope", area: "a", year: 2025, value: 0.1 }])).toThrow(/unknown indicator "nope"/);
  });
  it("expected areas x years fill missing combinations with pending", () => {
    const out = computeIndicators(spec, [{ indicator: grade9.id, area: "Houlkær", year: 2025, value: 0.8, n: 50 }], {
      expected: { areas: ["Houlkær", "Ellekonebakken"], years: [2025] },
    });
    expect(out).toHaveLength(8);
    expect(out.filter((r) => r.value === "pending")).toHaveLength(7);
  });
  it("refuses duplicate rows", () => {
    const row = { indicator: grade9.id, area: "Houlkær", year: 2025, value: 0.8, n: 50 };
    expect(() => computeIndicators(spec, [row, row])).toThrow(/duplicate/);
  });
});
