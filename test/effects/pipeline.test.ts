import { describe, expect, it } from "vitest";
import { benjaminiHochberg, blockCovariates, complierAverageCausalEffect, differenceInMeans, getTerm, holm, imputeMissingCovariates, lmLin } from "../../src/estimate/index.js";
import {
  adjustPValues, buildAnalysisData, createQuickAccumulator, formatCsv, formatJson, makeAssignment, runEstimators, sortRows, subsetAnalysisData,
  type EffectRow,
} from "../../src/effects/index.js";
import type { PersonFrame } from "../../src/io/persons.js";

const row = (o: Partial<EffectRow>): EffectRow => ({
  outcome: "y", estimator: "lm_lin", estimand: "ITT", subgroup: "", subgroup_level: "", n_treatment: 1, n_control: 1, n_clusters: 2, role: "primary", allocation: "effekt", ...o,
});

describe("adjustPValues", () => {
  it("adjusts within role families on whole-sample rows of one estimator, as p.adjust", () => {
    const rows = [
      row({ outcome: "a", horizon: 1, p_value: 0.01 }),
      row({ outcome: "a", horizon: 3, p_value: 0.04 }),
      row({ outcome: "b", horizon: 1, p_value: 0.03 }),
      row({ outcome: "c", horizon: 1, p_value: 0.02, role: "secondary" }),
      row({ outcome: "a", horizon: 1, p_value: 0.001, estimator: "difference_in_means" }),
      row({ outcome: "a", horizon: 1, p_value: 0.001, subgroup: "area", subgroup_level: "x" }),
      row({ outcome: "b", horizon: 3 }),
    ];
    adjustPValues(rows, "lm_lin");
    const h = holm([0.01, 0.04, 0.03]);
    const b = benjaminiHochberg([0.01, 0.04, 0.03]);
    expect(rows.slice(0, 3).map((r) => r.p_holm)).toEqual([h[0], h[1], h[2]]);
    expect(rows.slice(0, 3).map((r) => r.p_bh)).toEqual([b[0], b[1], b[2]]);
    expect([rows[0].p_holm, rows[1].p_holm, rows[2].p_holm]).toEqual([0.03, 0.06, 0.06]);
    expect(rows[3].p_holm).toBe(0.02);
    for (const r of rows.slice(4)) expect([r.p_holm, r.p_bh]).toEqual([undefined, undefined]);
  });
  it("plan families are fixed per evaluation point: a pending member counts with p = 1 and is listed as pending", () => {
    const rows = [
      row({ outcome: "a", horizon: 1, p_value: 0.01 }),
      row({ outcome: "b", horizon: 1, p_value: 0.03 }),
      row({ outcome: "a", horizon: 3, p_value: 0.02 }),
      row({ outcome: "c", horizon: 3, p_value: 0.5, role: "secondary" }),
    ];
    const families = [
      { name: "year-1", members: [{ outcome: "a", horizon: 1 }, { outcome: "b", horizon: 1 }] },
      { name: "year-3", members: [{ outcome: "a", horizon: 3 }, { outcome: "b", horizon: 3 }] },
    ];
    const report = adjustPValues(rows, "lm_lin", families, [{ outcome: "b", horizon: 3 }]);
    const h1 = holm([0.01, 0.03]);
    expect([rows[0].p_holm, rows[1].p_holm]).toEqual([h1[0], h1[1]]);
    // b at year 3 is pending: a's Holm multiplier stays 2 (the plan's family size), not 1
    expect(rows[2].p_holm).toBe(holm([0.02, 1])[0]);
    expect(rows[2].p_holm).toBe(0.04);
    expect(rows[2].p_bh).toBe(benjaminiHochberg([0.02, 1])[0]);
    // in no family: left empty
    expect(rows[3].p_holm).toBeUndefined();
    expect(report[1]).toEqual({
      name: "year-3",
      members: [{ outcome: "a", horizon: 3, status: "estimated" }, { outcome: "b", horizon: 3, status: "pending" }],
      pending_rule: "counted with p = 1, so the family keeps the size the plan gave it",
    });
  });
});

describe("effect table formatting", () => {
  it("sorts by plan order, horizon, estimator, whole sample first; empty cells for undefined; 10 significant digits", () => {
    const rows = sortRows([
      row({ outcome: "b", horizon: 1, estimator: "difference_in_means" }),
      row({ outcome: "a", horizon: 3, estimator: "cace_ratio", estimand: "CACE" }),
      row({ outcome: "a", horizon: 1, estimator: "lm_lin", subgroup: "area", subgroup_level: "Z" }),
      row({ outcome: "a", horizon: 1, estimator: "lm_lin", subgroup: "area", subgroup_level: "A" }),
      row({ outcome: "a", horizon: 1, estimator: "lm_lin", estimate: 1 / 3, p_value: NaN }),
      row({ outcome: "a", horizon: 1, estimator: "difference_in_means" }),
    ], ["b", "a"], ["area"]);
    expect(rows.map((r) => `${r.outcome}${r.horizon}${r.estimator}${r.subgroup_level}`)).toEqual([
      "b1difference_in_means", "a1difference_in_means", "a1lm_lin", "a1lm_linA", "a1lm_linZ", "a3cace_ratio",
    ]);
    const csv = formatCsv(rows);
    expect(csv.split("\n")[3]).toBe("a,1,lm_lin,ITT,,,0.3333333333,,,,,,,,,,,,,1,1,2,,,primary,effekt");
    expect(csv).not.toMatch(/NaN|undefined/);
    const json = JSON.parse(formatJson(rows));
    expect(json[2]).toMatchObject({ estimate: 0.3333333333, p_value: null, subgroup: "", horizon: 1 });
  });
});

describe("quick-mode values", () => {
  const acc = (window?: "first" | "last" | "mean") => createQuickAccumulator({ outcomes: ["y"], window, byHorizon: false, drawDayOf: () => 0, file: "o.csv", personIdOf: (p) => `P${p}` });
  it("first/last/mean do not depend on row order; ties on the date take the larger value", () => {
    const rows: [number, number, number][] = [[0, 10, 1], [0, 12, 5], [0, 10, 3], [1, 5, NaN], [1, 6, 2]];
    for (const w of ["first", "last", "mean"] as const) {
      const a = acc(w);
      const b = acc(w);
      rows.forEach(([p, d, v], i) => a.add(p, "y", d, v, i + 2, ""));
      [...rows].reverse().forEach(([p, d, v], i) => b.add(p, "y", d, v, i + 2, ""));
      expect(b.finish()).toEqual(a.finish());
    }
    const f = acc("first");
    rows.forEach(([p, d, v], i) => f.add(p, "y", d, v, i + 2, ""));
    expect(Array.from(f.finish()[0].value)).toEqual([3, 2]);
    const m = acc("mean");
    rows.forEach(([p, d, v], i) => m.add(p, "y", d, v, i + 2, ""));
    expect(Array.from(m.finish()[0].value)).toEqual([3, 2]);
  });
  it("a second value without a window names file, line and the first line", () => {
    const a = acc();
    a.add(0, "y", 1, 1, 2, "");
    expect(() => a.add(0, "y", 2, 1, 7, "")).toThrow(/o\.csv, line 7, column person_id: value "P0" has a second value of outcome "y" \(first on line 2\)/);
  });
});

describe("analysis data and estimators", () => {
  // 8 households in 2 blocks, 2 persons each; a person of household H8 has no value; H9 was never drawn
  const households = Array.from({ length: 8 }, (_, i) => ({ householdId: `H${i + 1}`, wave: 1, stratum: i < 4 ? "A" : "B", arm: (i % 2 === 0 ? "treatment" : "control") as "treatment" | "control", pTreatment: 0.5, drawDate: "2025-01-01" }));
  const assignment = makeAssignment("effekt", households);
  const personIds = Array.from({ length: 18 }, (_, i) => `P${String(i + 1).padStart(2, "0")}`);
  const frame: PersonFrame = { file: "persons.csv", personIds, householdIds: personIds.map((_, i) => `H${Math.floor(i / 2) + 1}`), covariates: new Map([["x", Float64Array.from(personIds, (_, i) => (i * 7) % 5)]]), subgroups: new Map([["g", personIds.map((_, i) => (i % 2 ? "odd" : "even"))]]) };
  const value = personIds.map((_, i) => (i === 15 ? NaN : ((i * 13) % 11) + (Math.floor(i / 2) % 2 === 0 ? 2 : 0)));
  const values = { outcome: "y", horizon: 1, personIndex: personIds.map((_, i) => i), value };

  it("joins, orders canonically, counts attrition, warns about never-drawn households", () => {
    const d = buildAnalysisData(values, frame, assignment, { covariates: ["x"] });
    expect(d.y.length).toBe(15);
    expect(d.attrition).toEqual([{ arm: "treatment", persons_counted: 8, persons_with_value: 8 }, { arm: "control", persons_counted: 8, persons_with_value: 7 }]);
    expect(d.warnings.join()).toMatch(/1 households that were never drawn/);
    const shuffled = buildAnalysisData({ ...values, personIndex: [...values.personIndex].reverse(), value: [...value].reverse() }, frame, assignment, { covariates: ["x"] });
    expect(Array.from(shuffled.y)).toEqual(Array.from(d.y));
    const r = runEstimators(d, { alpha: 0.05, role: "primary", allocation: "effekt" });
    const direct = differenceInMeans(d.y, d.z, { blocks: d.blocks, clusters: d.clusters });
    expect(r.rows[0].estimate).toBe(direct.estimate);
    expect(r.rows[0].std_error).toBe(direct.std_error);
    expect(r.rows.map((x) => x.estimator)).toEqual(["difference_in_means", "lm_lin"]);
  });

  it("a bug in an estimator fails loudly: a TypeError propagates instead of becoming an empty row and a warning", () => {
    const d = buildAnalysisData(values, frame, assignment, { covariates: ["x"] });
    const bug = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'length')");
    };
    expect(() => runEstimators(d, { alpha: 0.05, role: "primary", allocation: "effekt", riPValue: bug })).toThrow(TypeError);
    // an expected estimation problem still leaves the row empty, with the reason in a warning
    const r = runEstimators(d, { alpha: 0.05, role: "primary", allocation: "effekt", minClustersPerArm: 100 });
    expect(r.rows.map((x) => x.estimate)).toEqual([undefined, undefined]);
    expect(r.warnings.join()).toMatch(/difference_in_means: not estimated \(\d+ treatment and \d+ control households; at least 100 per arm are needed\)/);
  });

  it("a covariate without variation is left out of lm_lin with a warning (as R's lm aliases it)", () => {
    const withConst: PersonFrame = { ...frame, covariates: new Map([["x", frame.covariates.get("x")!], ["k", new Float64Array(18).fill(3)]]) };
    const d = buildAnalysisData(values, withConst, assignment, { covariates: ["x", "k"] });
    const without = buildAnalysisData(values, frame, assignment, { covariates: ["x"] });
    const a = runEstimators(d, { alpha: 0.05, role: "primary", allocation: "effekt" });
    const b = runEstimators(without, { alpha: 0.05, role: "primary", allocation: "effekt" });
    expect(a.rows[1].estimate).toBeDefined();
    expect(a.rows[1]).toEqual(b.rows[1]);
    expect(a.warnings.join()).toMatch(/covariate k has the same value for every analysed person; left out/);
  });

  it("a block without both arms is left out of every row, with a warning naming it; the rows agree on the persons", () => {
    const d = buildAnalysisData(values, frame, assignment, { covariates: ["x"] });
    // keep block A whole and only the control households of block B
    const sub = subsetAnalysisData(d, (i) => d.clusterHouseholds[d.clusters[i]].stratum === "A" || d.z[i] === 0);
    const r = runEstimators(sub, { alpha: 0.05, role: "primary", allocation: "effekt" });
    expect(r.warnings.join()).toMatch(/a wave x stratum block has no household in one arm and is left out of every estimator \(wave 1 B: 2 control households only, 3 persons\)/);
    const onlyA = subsetAnalysisData(d, (i) => d.clusterHouseholds[d.clusters[i]].stratum === "A");
    const direct = differenceInMeans(onlyA.y, onlyA.z, { clusters: onlyA.clusters });
    expect(r.rows[0].estimate).toBe(direct.estimate);
    for (const row of r.rows) expect(row.n_treatment + row.n_control).toBe(onlyA.y.length);
    expect(r.data.y.length).toBe(onlyA.y.length);
  });

  it("a missing covariate drops nobody: Lin's regression imputes the mean and adds an indicator", () => {
    const x = Float64Array.from(frame.covariates.get("x")!);
    x[0] = NaN;
    x[3] = NaN;
    x[9] = NaN;
    const withMissing: PersonFrame = { ...frame, covariates: new Map([["x", x]]) };
    const d = buildAnalysisData(values, withMissing, assignment, { covariates: ["x"] });
    expect(d.y.length).toBe(15);
    expect(d.warnings.join()).toMatch(/3 persons with a value have a missing covariate; Lin's regression gives them the covariate's mean and a missingness indicator/);
    const r = runEstimators(d, { alpha: 0.05, role: "primary", allocation: "effekt" });
    const imputed = imputeMissingCovariates(d.covariates).columns;
    expect(imputed.map((c) => c.name)).toEqual(["x", "x missing"]);
    const lin = getTerm(lmLin(d.y, d.z, [...blockCovariates(d.blocks), ...imputed], { clusters: d.clusters, seType: "CR2" }), "z");
    expect(r.rows[1].estimate).toBe(lin.estimate);
    expect(r.rows[0].n_treatment + r.rows[0].n_control).toBe(15);
  });

  it("a subgroup level with fewer than 2 households per arm gets empty numbers and a warning", () => {
    const d = buildAnalysisData(values, frame, assignment, { covariates: [] });
    const sub = subsetAnalysisData(d, (i) => frame.householdIds[d.persons[i]] <= "H3");
    const r = runEstimators(sub, { alpha: 0.05, role: "primary", allocation: "effekt", subgroup: { name: "g", level: "few" }, minClustersPerArm: 2 });
    expect(r.rows.every((x) => x.estimate === undefined && x.subgroup === "g")).toBe(true);
    expect(r.warnings[0]).toMatch(/2 treatment and 1 control households; at least 2 per arm/);
  });
});

describe("every household one analysed person", () => {
  // 40 households in 2 blocks, one person each: clustering adds nothing, so HC2 with df N - k (the issue; estimatr
  // without clusters), standard errors equal to CR2's
  const households = Array.from({ length: 40 }, (_, i) => ({ householdId: `H${String(i + 1).padStart(2, "0")}`, wave: 1, stratum: i < 18 ? "A" : "B", arm: (i % 3 === 0 ? "treatment" : "control") as "treatment" | "control", pTreatment: 0.5, drawDate: "2025-01-01" }));
  const assignment = makeAssignment("effekt", households);
  const personIds = households.map((_, i) => `P${String(i + 1).padStart(2, "0")}`);
  const frame: PersonFrame = { file: "persons.csv", personIds, householdIds: households.map((h) => h.householdId), covariates: new Map([["x", Float64Array.from(personIds, (_, i) => (i * 7) % 5)]]), subgroups: new Map() };
  const value = personIds.map((_, i) => ((i * 13) % 11) + 0.3 * ((i * 7) % 5) + (i % 3 === 0 ? 1.5 : 0));
  const takeup = new Map(households.map((h, i) => [h.householdId, h.arm === "treatment" && i % 4 !== 0 ? 1 : 0]));

  it("lm_lin: HC2, df N - k, SE equal to CR2 on singleton clusters; cace_ratio: the ratio of blocked ITTs, first stage shown", () => {
    const d = buildAnalysisData({ outcome: "y", horizon: 1, personIndex: personIds.map((_, i) => i), value }, frame, assignment, { covariates: ["x"], takeup });
    const r = runEstimators(d, { alpha: 0.05, role: "primary", allocation: "effekt" });
    const lin = r.rows.find((x) => x.estimator === "lm_lin")!;
    const cols = [...blockCovariates(d.blocks), ...d.covariates];
    const hc2 = getTerm(lmLin(d.y, d.z, cols, { seType: "HC2" }), "z");
    const cr2 = getTerm(lmLin(d.y, d.z, cols, { clusters: d.clusters, seType: "CR2" }), "z");
    // k = intercept, z, block dummy, x, and z x (block dummy, x): 6
    expect(lin.df).toBe(40 - 6);
    expect(lin.df).toBe(hc2.df);
    expect(lin.std_error).toBe(hc2.std_error);
    expect(lin.p_value).toBe(hc2.p_value);
    expect(Math.abs(hc2.std_error / cr2.std_error - 1)).toBeLessThan(1e-12);
    expect(cr2.df).not.toBeCloseTo(34, 3);
    const cace = r.rows.find((x) => x.estimator === "cace_ratio")!;
    const direct = complierAverageCausalEffect(d.y, d.takeup!, d.z, { blocks: d.blocks, clusters: d.clusters });
    expect(cace.estimand).toBe("CACE");
    expect(cace.estimate).toBe(direct.estimate);
    expect(cace.std_error).toBe(direct.std_error);
    expect(cace.first_stage).toBe(direct.first_stage.estimate);
    expect(cace.first_stage).toBe(differenceInMeans(d.takeup!, d.z, { blocks: d.blocks, clusters: d.clusters }).estimate);
    expect(r.rows.find((x) => x.estimator === "lm_lin")!.first_stage).toBeUndefined();
  });
});
