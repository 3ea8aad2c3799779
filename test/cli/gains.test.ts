import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { budgetResult, paymentResult } from "../../src/gains/index.js";
import { parseGainsModel } from "../../src/schemas/gainsModel.js";
import { effekt, ROOT, tempDir } from "../helpers.js";

const MODEL = join(ROOT, "analyses", "gains-relationel-velfaerd.json");
const model = () => parseGainsModel(JSON.parse(readFileSync(MODEL, "utf8")), "m.json");

describe("effekt gains", () => {
  it("with --assume gives the same totals and repayment as budgetResult/paymentResult, marked illustrative", () => {
    const d = tempDir();
    const out = join(d, "g.json");
    const r = effekt(["gains", "--model", MODEL, "--assume", "employment=0.05", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 years: gains/);
    expect(r.stdout).toMatch(/5 years: gains/);
    expect(r.stdout).toMatch(/repayment to the investor/);
    const doc = JSON.parse(readFileSync(out, "utf8"));
    const m = model();
    const expected = budgetResult(m, { effects: { employment: 0.05 } });
    expect(doc.budget.totals.undiscounted.y5.net.value).toBeCloseTo(expected.totals.undiscounted.y5.net.value, 6);
    expect(doc.budget.totals.present_value.y3.gains.value).toBeCloseTo(expected.totals.present_value.y3.gains.value, 6);
    expect(doc.budget.years).toHaveLength(5);
    expect(doc.budget.totals.undiscounted.y5.net.illustrative).toBe(true);
    const pay = paymentResult(m, Object.fromEntries(m.outcomes.map((o) => [o.id, o.id === "employment" ? 0.05 : o.effect.estimate])));
    expect(doc.payment.repayment.value).toBeCloseTo(pay.repayment.value, 6);
    expect(doc.monte_carlo.draws).toBe(10000);
    expect(doc.monte_carlo.p_payback_within_5.value).toBeGreaterThanOrEqual(0);
    expect(doc.monte_carlo.payment.p_goal_met).toHaveLength(4);
    expect(doc.sensitivity.rows.length).toBeGreaterThan(3);
    expect(doc.effects.find((e: { outcome: string }) => e.outcome === "employment")).toMatchObject({ estimate: 0.05, illustrative: true });
    expect(readdirSync(d)).toEqual(["g.json"]);
  });

  it("with --estimates picks the ITT row (lm_lin over difference_in_means, never iv_robust) at the model's horizon", () => {
    const d = tempDir();
    const rows = ["outcome,horizon,estimator,estimate,std_error"];
    for (const o of model().outcomes) {
      rows.push(`${o.id},1,difference_in_means,0.5,0.1`, `${o.id},1,lm_lin,0.01,0.005`, `${o.id},1,iv_robust,0.9,0.2`, `${o.id},3,lm_lin,0.7,0.1`);
    }
    writeFileSync(join(d, "effects.csv"), `${rows.join("\n")}\n`);
    const r = effekt(["gains", "--model", MODEL, "--estimates", join(d, "effects.csv"), "--draws", "10000", "--seed", "t"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    for (const e of doc.effects) expect(e).toMatchObject({ estimate: 0.01, se: 0.005, estimator: "lm_lin", horizon: 1, illustrative: false });
    const m = model();
    const expected = budgetResult(m, { effects: Object.fromEntries(m.outcomes.map((o) => [o.id, 0.01])) });
    expect(doc.budget.totals.undiscounted.y3.net.value).toBeCloseTo(expected.totals.undiscounted.y3.net.value, 6);
    expect(doc.monte_carlo.seed).toBe("t");
  });

  it("writes tidy CSV sections", () => {
    const r = effekt(["gains", "--model", MODEL, "--assume", "employment=0.05", "--format", "csv"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("section,item,year,payer,measure,value,lower,upper,level,illustrative");
    const sections = new Set(lines.slice(1).map((l) => l.split(",")[0]));
    for (const s of ["year", "totals_undiscounted", "totals_present_value", "roi", "break_even", "monte_carlo", "sensitivity", "payment"]) expect(sections).toContain(s);
    const expected = budgetResult(model(), { effects: { employment: 0.05 } });
    const net5 = lines.find((l) => l.startsWith("totals_undiscounted,,5,all,net,"))!.split(",")[5];
    expect(Number(net5)).toBeCloseTo(expected.totals.undiscounted.y5.net.value, 6);
  });

  it("refuses a unit value without source, naming file and field (exit 2), writing nothing", () => {
    const d = tempDir();
    const m = JSON.parse(readFileSync(MODEL, "utf8"));
    delete m.outcomes[0].unit_values[1].source;
    writeFileSync(join(d, "m.json"), JSON.stringify(m));
    const out = join(d, "g.json");
    const r = effekt(["gains", "--model", join(d, "m.json"), "--assume", "employment=0.05", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^effekt: m\.json: outcomes\[0\]\.unit_values\[1\]\.source: is required/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses an effect table lacking the horizon the model needs, naming file, outcome and horizon", () => {
    const d = tempDir();
    writeFileSync(join(d, "effects.csv"), "outcome,horizon,estimator,estimate,std_error\nemployment,3,lm_lin,0.02,0.01\n");
    const out = join(d, "g.json");
    writeFileSync(out, "old\n");
    const r = effekt(["gains", "--model", MODEL, "--estimates", join(d, "effects.csv"), "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^effekt: effects\.csv, column horizon: has no row for outcome "employment" at horizon 1 .*persistence\.measured\[0\]\.year.*horizons 3/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(out, "utf8")).toBe("old\n");
    expect(readdirSync(d).sort()).toEqual(["effects.csv", "g.json"]);
  });

  it("refuses a bad --assume (unknown outcome, not a number) and missing effect sources", () => {
    const bad = effekt(["gains", "--model", MODEL, "--assume", "employment=lots"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--assume "employment=lots": effect "lots" is not a number/);
    const unknown = effekt(["gains", "--model", MODEL, "--assume", "happiness=0.1"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/"happiness" is not an outcome in the model \(outcomes: employment,/);
    const none = effekt(["gains", "--model", MODEL]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--estimates FILE .* or at least one --assume/);
    const draws = effekt(["gains", "--model", MODEL, "--assume", "employment=0.05", "--draws", "100"]);
    expect(draws.code).toBe(2);
    expect(draws.stderr).toMatch(/--draws "100"/);
  });
});
