import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACCOUNTS, evaluate, pointResult, prepare, sensitivityTable } from "../../src/gains/index.js";
import { CASE, fixture, fixtureInput } from "./fixture.js";

/** effekt against the independent Python recomputation (test/oracle/gains_oracle.py), to 1e-9 relative. */
const ORACLE = JSON.parse(readFileSync(join(__dirname, "..", "oracle", "fixtures", "gains_oracle.json"), "utf8"));

function close(actual: number, expected: number, what: string): void {
  const tol = 1e-9 * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: effekt ${actual}, oracle ${expected}`);
}

function check(which: "floor" | "cap", priceLine0?: number): void {
  const model = fixture();
  if (priceLine0 !== undefined) model.payment_model!.rate_card[0].price_per_success_dkk = priceLine0;
  const prep = prepare(fixtureInput(model));
  const ev = evaluate(prep, new Float64Array(prep.outcomes.length));
  const r = pointResult(prep);
  const o = ORACLE[which];
  expect(prep.years).toEqual(o.years);
  for (const p of ["kommune", "region", "stat"] as const) {
    o.gains_by_payer[p].forEach((x: number, t: number) => close(ev.gains[p][t], x, `${which} gains ${p} ${o.years[t]}`));
    o.costs_by_payer[p].forEach((x: number, t: number) => close(ev.costs[p][t], x, `${which} costs ${p} ${o.years[t]}`));
  }
  o.repayments.forEach((x: number, t: number) => close(ev.repayments[t], x, `${which} repayment ${o.years[t]}`));
  for (const a of ACCOUNTS) {
    o.accounts[a].forEach((x: number, t: number) => close(ev.accounts[a][t], x, `${which} account ${a} ${o.years[t]}`));
    for (const T of ["y3", "y5", "all"] as const) {
      close(r.totals[T].undiscounted.accounts[a].value, o.totals[T].undiscounted[a], `${which} ${T} ${a}`);
      close(r.totals[T].present_value.accounts[a].value, o.totals[T].present_value[a], `${which} ${T} PV ${a}`);
    }
  }
  o.since_draw_gains.forEach((x: number, k: number) => close(r.by_year_since_draw[k].gains.value, x, `${which} year since draw ${k + 1}`));
  o.lines.forEach((l: { persons: number; successes: number; met: boolean; payment: number; payment_year: number }, i: number) => {
    const got = r.payment!.lines[i];
    close(got.persons.value, l.persons, `line ${i} persons`);
    close(got.successes.value, l.successes, `line ${i} successes`);
    expect(got.met).toBe(l.met);
    close(got.payment.value, l.payment, `line ${i} payment`);
    expect(got.payment_year).toBe(l.payment_year);
  });
  close(r.payment!.repayment_before_limits.value, o.repayment_before_limits, "repayment before limits");
  close(r.payment!.adjustment.value, o.adjustment, "adjustment");
  close(r.payment!.repayment.value, o.repayment, "repayment");
  expect(r.payment!.limit).toBe(o.limit);
  close(r.payment!.investor_irr!.value, o.investor_irr, "investor IRR");
  close(r.payment!.investor_irr_before_limits!.value, o.investor_irr_before_limits, "investor IRR before limits");
}

describe("gains against the independent Python oracle (two waves, years 1 and 3 measured, thresholds, floor, cap)", () => {
  it("floor case: the afkastgulv binds, the absence line is below its threshold and pays nothing", () => {
    check("floor");
    const r = pointResult(prepare(fixtureInput()));
    expect(r.payment!.limit).toBe("raised_to_floor");
    expect(r.payment!.limit_words).toMatch(/^raised to the floor/);
    expect(r.payment!.lines[1]).toMatchObject({ met: false });
    expect(r.payment!.lines[1].payment.value).toBe(0);
  });
  it("cap case: the afkastloft binds and the investor's IRR equals it", () => {
    check("cap", CASE.cap_case_price_line_0);
    expect(ORACLE.cap.limit).toBe("capped");
  });
  it("the sensitivity row that includes the non-additional cost matches the oracle", () => {
    const s = sensitivityTable(fixtureInput());
    const row = s.rows.find((x) => x.assumption.startsWith("costs that are not additional"))!;
    expect(row.moved).toEqual(["costs.staff[0]"]);
    close(row.low.public_net_pv_y5, ORACLE.non_additional_included_public_net_pv_y5, "non-additional included");
    expect(row.high.public_net_pv_y5).toBe(s.base.public_net_pv_y5);
  });
  it("by hand: 2025 kommune gains are wave 1's year 1 only, 0.1 x 20 x 10,000 = 20,000; the floor top-up is -NPV(-10%) x 0.9^4", () => {
    const prep = prepare(fixtureInput());
    const ev = evaluate(prep, [0, 0]);
    expect(ev.gains.kommune[0]).toBeCloseTo(20000, 9);
    const npv = -100000 - 50000 / 0.9 + 9000 / 0.9 ** 2 + 24000 / 0.9 ** 4;
    expect(ev.adjustment).toBeCloseTo(-npv * 0.9 ** 4, 6);
  });
});
