import { describe, expect, it } from "vitest";
import { effectPath, evaluate, irr, monteCarlo, npv, pointResult, prepare, sensitivityTable, yearShare } from "../../src/gains/index.js";
import { fixture, fixtureInput } from "./fixture.js";

describe("yearShare: years since the draw in budget years", () => {
  it("a draw on 1 July 2025 puts 184/365 of year 1 in 2025 and 181/365 in 2026", () => {
    expect(yearShare("2025-07-01", 1, 2025)).toBe(184 / 365);
    expect(yearShare("2025-07-01", 1, 2026)).toBe(181 / 365);
    expect(yearShare("2025-07-01", 1, 2027)).toBe(0);
    expect(yearShare("2025-01-01", 3, 2027)).toBe(1);
  });
});

describe("effectPath: measured, interpolated, projected", () => {
  it("uses the year-3 measurement instead of projecting year 1 forward (the demo's -0.0023 case)", () => {
    const p = effectPath({ measured: [{ year: 1, estimate: 0.0036, se: 0.022 }, { year: 3, estimate: -0.0023, se: 0.021 }], decay_after_last: 0.1 }, 5);
    expect(p.map((x) => x.status)).toEqual(["measured", "interpolated", "measured", "projected", "projected"]);
    expect(p[2].a).toBe(-0.0023);
    expect(p[1].a).toBeCloseTo((0.0036 - 0.0023) / 2, 15);
    expect(p[3].a).toBeCloseTo(-0.0023 * 0.9, 15);
    expect(p[2].b).toBe(0.021);
  });
  it("holds the first measured year before it", () => {
    const p = effectPath({ measured: [{ year: 3, estimate: 0.05, se: 0.01 }], decay_after_last: 0 }, 4);
    expect(p.map((x) => [x.a, x.status])).toEqual([[0.05, "projected"], [0.05, "projected"], [0.05, "measured"], [0.05, "projected"]]);
  });
});

describe("irr over dated flows, against hand computation", () => {
  it("-100 then +110 a year later is 10%; -100, +60, +60 solves 60x^2 + 60x - 100 = 0", () => {
    expect(irr([-100, 110])).toBeCloseTo(0.1, 12);
    const x = (-60 + Math.sqrt(60 * 60 + 4 * 60 * 100)) / (2 * 60);
    expect(irr([-100, 60, 60])).toBeCloseTo(1 / x - 1, 12);
    expect(irr([-100, 0, 121])).toBeCloseTo(0.1, 12);
    expect(irr([-100, 0, 0])).toBe(-1);
    expect(npv([-100, 110], 0.1)).toBeCloseTo(0, 10);
  });
  it("the investor's IRR is not the old whole-at-year-0 average: disbursements over two years and payments at follow-up", () => {
    const r = pointResult(prepare(fixtureInput()));
    const flows = [-100000, -50000, 9000, 0, 24000 + r.payment!.adjustment.value, 0, 0];
    expect(r.payment!.investor_irr!.value).toBeCloseTo(irr(flows)!, 12);
    expect(r.payment!.investor_irr!.value).toBeCloseTo(-0.1, 12);
  });
});

function withEffectScale(k: number) {
  const m = fixture();
  for (const o of m.outcomes) for (const e of o.effect.measured) e.estimate *= k;
  m.payment_model!.afkastgulv = undefined;
  m.payment_model!.afkastloft = undefined;
  return pointResult(prepare(fixtureInput(m)));
}

describe("zero effect and monotonicity", () => {
  it("zero effect gives zero gains in every year and for every payer, and a net line pays nothing", () => {
    const r = withEffectScale(0);
    for (const y of r.budget_years) expect(y.gains.value).toBe(0);
    for (const y of r.by_year_since_draw) expect(y.gains.value).toBe(0);
    expect(r.payment!.lines[0].payment.value).toBe(0);
    expect(r.payment!.lines[1].payment.value).toBe(0);
  });
  it("a larger effect never lowers gains or the repayment before limits", () => {
    let prev = withEffectScale(0);
    for (const k of [0.5, 1, 2, 5, 10, 40]) {
      const r = withEffectScale(k);
      for (let t = 0; t < r.budget_years.length; t++) expect(r.budget_years[t].gains.value).toBeGreaterThanOrEqual(prev.budget_years[t].gains.value);
      expect(r.payment!.repayment_before_limits.value).toBeGreaterThanOrEqual(prev.payment!.repayment_before_limits.value);
      r.payment!.lines.forEach((l, i) => expect(l.payment.value).toBeGreaterThanOrEqual(prev.payment!.lines[i].payment.value));
      prev = r;
    }
  });
  it("a line below its threshold pays nothing unless it pays pro rata", () => {
    const m = fixture();
    m.payment_model!.rate_card[1].below_threshold = "pro_rata";
    const r = pointResult(prepare(fixtureInput(m)));
    expect(r.payment!.lines[1].met).toBe(false);
    expect(r.payment!.lines[1].payment.value).toBeCloseTo(2 * 5000, 9);
  });
});

describe("counts and timing", () => {
  it("ITT x assigned = CACE x compliers (one-sided non-compliance, take-up 0.6)", () => {
    const itt = fixtureInput();
    const cace = fixtureInput();
    const o = cace.model.outcomes[0];
    o.effect.estimand = "CACE";
    for (const e of o.effect.measured) e.estimate /= 0.6;
    for (const c of cace.cohorts) c.counts.work *= 0.6;
    const a = evaluate(prepare(itt), [0, 0]);
    const b = evaluate(prepare(cace), [0, 0]);
    a.gains.kommune.forEach((x, t) => expect(b.gains.kommune[t]).toBeCloseTo(x, 6));
  });
  it("a later draw moves gains to later budget years; break-even is not year 1", () => {
    const r = pointResult(prepare(fixtureInput()));
    // wave 2 (drawn 2026-07-01) adds nothing to 2025
    expect(r.budget_years[0].gains_by_payer.kommune.value).toBeCloseTo(20000, 9);
    expect(r.break_even.undiscounted.reached === false || r.break_even.undiscounted.year > 2025).toBe(true);
  });
  it("costs that are not additional are not counted, and the output says so", () => {
    const r = pointResult(prepare(fixtureInput()));
    const staff = r.costs.find((c) => c.field === "costs.staff[0]")!;
    expect(staff).toMatchObject({ additional: false, counted: false });
    expect(r.budget_years[0].costs_by_payer.kommune.value).toBeCloseTo(50000 + 10 * 1000, 9);
  });
});

describe("monteCarlo", () => {
  const prep = prepare(fixtureInput());
  const mc = monteCarlo(prep, { draws: 10_000, seed: "t" });
  it("is reproducible and gives intervals around the point, probabilities in [0, 1]", () => {
    expect(monteCarlo(prep, { draws: 10_000, seed: "t" })).toEqual(mc);
    expect(mc.public_net_pv_y5.lower).toBeLessThan(mc.public_net_pv_y5.upper);
    expect(mc.payment!.p_floor_binds.value + mc.payment!.p_cap_binds.value).toBeLessThanOrEqual(1);
    expect(mc.payment!.lines[1].p_met.value).toBeLessThan(0.05);
    for (const y of mc.kommune_by_year) expect(y.p_cumulative_net_nonnegative.value).toBeGreaterThanOrEqual(0);
  });
  it("the expected payment of a line is its mean payment over the draws, not the payment at the point", () => {
    expect(mc.payment!.lines[1].expected_payment.value).toBeGreaterThanOrEqual(0);
    expect(mc.payment!.lines[0].expected_payment.value).not.toBe(24000);
  });
  it("with zero standard errors every draw equals the point", () => {
    const m = fixture();
    for (const o of m.outcomes) for (const e of o.effect.measured) e.se = 0;
    const p = prepare(fixtureInput(m));
    const r = monteCarlo(p, { draws: 10_000, seed: "t" });
    expect(r.public_net_pv_y5.lower).toBeCloseTo(r.public_net_pv_y5.point, 6);
    expect(r.public_net_pv_y5.upper).toBeCloseTo(r.public_net_pv_y5.point, 6);
  });
});

describe("sensitivity (tornado)", () => {
  const s = sensitivityTable(fixtureInput());
  it("rows are ordered by swing on the 5-year public PV net and each names the fields it moved", () => {
    for (let i = 1; i < s.rows.length; i++) expect(s.rows[i - 1].swing_public_net_pv_y5).toBeGreaterThanOrEqual(s.rows[i].swing_public_net_pv_y5);
    for (const r of s.rows) expect(r.moved.length).toBeGreaterThan(0);
  });
  it("the persistence row moves only projected years: years 1-3 (measured/interpolated) are unchanged, unlike unit values", () => {
    const decay = s.rows.find((r) => r.assumption.startsWith("work: effect beyond year 3"))!;
    const unit = s.rows.find((r) => r.assumption.startsWith("work: unit values"))!;
    expect(decay.moved).toEqual(["outcomes.work.effect.decay_after_last"]);
    expect(decay.low.public_net_pv_y5).not.toBe(unit.low.public_net_pv_y5);
    // The 3-year public net: wave 1's year 4 starts 2028, wave 2's in mid-2029, so nothing projected falls before 2028.
    expect(decay.low.public_net_pv_y3).toBeCloseTo(s.base.public_net_pv_y3, 6);
    expect(decay.high.public_net_pv_y3).toBeCloseTo(s.base.public_net_pv_y3, 6);
  });
});
