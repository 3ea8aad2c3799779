import { describe, it, expect } from "vitest";
import { balanceTable } from "../../src/draw/balance.js";
import { expectClose, loadFixture } from "../estimate/helpers.js";

describe("balance table: the pooled row is block-weighted", () => {
  const fx = loadFixture("balance_test");
  const d = fx.data;
  // the three blocks of the fixture as three waves
  const units = { wave: Int32Array.from(d.block), treated: Uint8Array.from(d.z) };
  const rows = balanceTable(units, [
    { name: "x1", kind: "numeric", values: Float64Array.from(d.x1, (v: number | null) => (v === null ? NaN : v)) },
    { name: "x2", kind: "numeric", values: Float64Array.from(d.x2) },
  ]);
  it("equals estimatr's blocked difference in means over the units with a value", () => {
    const all = (c: string) => rows.find((r) => r.wave === "all" && r.covariate === c)!;
    expectClose(all("x1").difference, fx.pooled_x1[0], 1e-12, 1e-300, "x1");
    expectClose(all("x2").difference, fx.pooled_x2[0], 1e-12, 1e-300, "x2");
    expect(all("x1").mean_treatment - all("x1").mean_control).toBe(all("x1").difference);
  });
  it("per-wave rows keep the raw means", () => {
    const w1 = rows.find((r) => r.wave === "1" && r.covariate === "x2")!;
    const t = d.x2.filter((_: number, i: number) => d.block[i] === 1 && d.z[i] === 1);
    expect(w1.mean_treatment).toBeCloseTo(t.reduce((a: number, b: number) => a + b, 0) / t.length, 14);
  });
  it("waves with different chances: raw pooling shows a difference that is not there", () => {
    // wave 1: p = 0.25, x = 0 for all; wave 2: p = 0.75, x = 1 for all. Within each wave the arms are equal.
    const wave = Int32Array.from([1, 1, 1, 1, 2, 2, 2, 2]);
    const treated = Uint8Array.from([1, 0, 0, 0, 1, 1, 1, 0]);
    const x = Float64Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    const all = balanceTable({ wave, treated }, [{ name: "x", kind: "numeric", values: x }]).find((r) => r.wave === "all")!;
    expect(all.difference).toBe(0);
    expect(all.std_difference).toBe(0);
  });
});
