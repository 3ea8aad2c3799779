import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planningInput, pointResult, prepare } from "../../src/gains/index.js";
import { gainsFileSchema } from "../../src/io/gainsFile.js";
import { parseGainsModel } from "../../src/schemas/gainsModel.js";
import { effekt, ROOT, tempDir } from "../helpers.js";

const MODEL = join(ROOT, "analyses", "gains-relationel-velfaerd.json");
const model = () => parseGainsModel(JSON.parse(readFileSync(MODEL, "utf8")), "m.json");

describe("effekt gains", () => {
  it("with --assume (planning: the model's expected intake) gives the pure computation's numbers, marked illustrative, valid against the gains.json schema", () => {
    const d = tempDir();
    const out = join(d, "g.json");
    const r = effekt(["gains", "--model", MODEL, "--assume", "employment=0.05", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/counts \(planning: the model's expected intake\)/);
    expect(r.stdout).toMatch(/whole public sector after the repayment, through 2028-12-31/);
    expect(r.stdout).toMatch(/repayment by the kommune/);
    const doc = gainsFileSchema.parse(JSON.parse(readFileSync(out, "utf8")));
    const m = model();
    m.outcomes[0].effect.measured = [{ year: 1, estimate: 0.05, se: m.outcomes[0].effect.measured[0].se }];
    const expected = pointResult(prepare(planningInput(m)));
    expect(doc.result.totals.y5.undiscounted.accounts.public.value).toBeCloseTo(expected.totals.y5.undiscounted.accounts.public.value, 6);
    expect(doc.result.totals.y5.undiscounted.accounts.public.illustrative).toBe(true);
    expect(doc.result.cohorts_from).toBe("planning");
    expect(doc.result.counts[0]).toMatchObject({ outcome: "employment", value: 280, illustrative: true });
    expect(doc.result.payment!.repayment.value).toBeCloseTo(expected.payment!.repayment.value, 6);
    expect(doc.monte_carlo.draws).toBe(10000);
    expect(doc.monte_carlo.payment!.lines).toHaveLength(4);
    expect(doc.effects_used[0]).toMatchObject({ outcome: "employment", illustrative: true, measured: [{ year: 1, estimate: 0.05 }] });
    expect(readdirSync(d)).toEqual(["g.json"]);
  });

  it("with --estimates uses every measured horizon of the preferred ITT estimator (lm_lin over difference_in_means, never iv_robust)", () => {
    const d = tempDir();
    const rows = ["outcome,horizon,estimator,estimate,std_error"];
    for (const o of model().outcomes) {
      rows.push(`${o.id},1,difference_in_means,0.5,0.1`, `${o.id},1,lm_lin,0.01,0.005`, `${o.id},1,iv_robust,0.9,0.2`, `${o.id},3,lm_lin,-0.002,0.004`, `${o.id},5,lm_lin,,`);
    }
    writeFileSync(join(d, "effects.csv"), `${rows.join("\n")}\n`);
    const r = effekt(["gains", "--model", MODEL, "--estimates", join(d, "effects.csv"), "--draws", "10000", "--seed", "t"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    for (const e of doc.effects_used) expect(e).toMatchObject({ estimator: "lm_lin", estimand: "ITT", illustrative: false, measured: [{ year: 1, estimate: 0.01, se: 0.005 }, { year: 3, estimate: -0.002, se: 0.004 }] });
    const emp = doc.result.effects[0].by_year;
    expect(emp.map((y: { status: string }) => y.status)).toEqual(["measured", "interpolated", "measured", "projected", "projected"]);
    expect(emp[2].effect).toBe(-0.002);
    expect(doc.monte_carlo.seed).toBe("t");
  });

  it("writes tidy CSV sections", () => {
    const r = effekt(["gains", "--model", MODEL, "--assume", "employment=0.05", "--format", "csv"]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("section,item,year,account,measure,value,lower,upper,level,illustrative");
    const sections = new Set(lines.slice(1).map((l) => l.split(",")[0]));
    for (const s of ["budget_year", "year_since_draw", "totals", "counts", "monte_carlo", "kommune_repayment", "sensitivity", "payment"]) expect(sections).toContain(s);
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

  it("refuses an effect table that measures no outcome of the model, naming file and outcomes, keeping the old output", () => {
    const d = tempDir();
    writeFileSync(join(d, "effects.csv"), "outcome,horizon,estimator,estimate,std_error\nemployment,3,lm_lin,0.02,0.01\n");
    const out = join(d, "g.json");
    writeFileSync(out, "old\n");
    const r = effekt(["gains", "--model", MODEL, "--estimates", join(d, "effects.csv"), "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^effekt: effects\.csv, column outcome: has no whole-sample row .* "foster-placement-avoided".*--assume foster-placement-avoided=EFFECT/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(out, "utf8")).toBe("old\n");
    expect(readdirSync(d).sort()).toEqual(["effects.csv", "g.json"]);
  });

  it("refuses a bad --assume (unknown outcome, not a number), missing effect sources and --register without --persons", () => {
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
    const reg = effekt(["gains", "--model", MODEL, "--assume", "employment=0.05", "--register", "x.csv"]);
    expect(reg.code).toBe(2);
    expect(reg.stderr).toMatch(/--register and --persons go together/);
  });

  it("refuses a model whose numbers overflow the arithmetic with one line, not an internal error", () => {
    const d = tempDir();
    const m = JSON.parse(readFileSync(MODEL, "utf8"));
    m.outcomes[0].unit_values[0].value_dkk = 1e308;
    writeFileSync(join(d, "m.json"), JSON.stringify(m));
    const r = effekt(["gains", "--model", join(d, "m.json"), "--assume", "employment=0.05"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^effekt: m\.json: the result .* is not a finite number/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("--assume OUTCOME@YEAR sets a measured year", () => {
    const r = effekt(["gains", "--model", MODEL, "--assume", "employment@1=0.05", "--assume", "employment@3=0.01:0.01"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const by = doc.result.effects[0].by_year;
    expect(by.map((y: { status: string }) => y.status).slice(0, 3)).toEqual(["measured", "interpolated", "measured"]);
    [0.05, 0.03, 0.01].forEach((x, k) => expect(by[k].effect).toBeCloseTo(x, 15));
  });
});
