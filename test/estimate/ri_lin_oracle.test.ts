import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { RegisterRow } from "../../src/io/register.js";
import { lotteryRedraws } from "../../src/draw/redraw.js";
import { blockCovariates, lmLin, getTerm, differenceInMeans } from "../../src/estimate/index.js";
import { leanLin } from "../../src/estimate/ri_lin.js";
import { recordLinRedraws } from "../../src/estimate/ri_redraws.js";
import { riConfidenceInterval, riPValueAt } from "../../src/estimate/ri_inversion.js";
import { westfallYoungMinP } from "../../src/estimate/westfall_young.js";
import { ROOT } from "../helpers.js";

/**
 * Randomisation inference on Lin's regression against R (test/oracle/ri_lin.R): the sample lottery's first 200
 * re-draws (the fixtures of ri_oracle.test.ts), three outcomes with two covariates and the blocks, and
 * - every re-draw's Lin estimate and CR0-studentised t (estimatr::lm_lin, se_type = "CR0"), 1e-8 relative;
 * - the RI p-values, plain and studentised, exactly;
 * - the p-value at each of 21 constant effects theta, R re-fitting lm_lin on y - theta z literally under every
 *   re-draw, and so the grid interval, exactly;
 * - the CACE's Imbens-Rosenbaum p-values over a grid of beta (blocked, clustered difference_in_means of
 *   y - beta d), exactly, with the lean re-fit on the block dummies alone as the statistic;
 * - Westfall-Young step-down min-p over the three outcomes, exactly.
 * Regenerate: Rscript test/oracle/ri_lin.R
 */
const FIXTURES = join(ROOT, "test", "oracle", "fixtures");
const SEED = "relationel-velfaerd-plan-v1";
const REL = 1e-8;
const OUTCOMES = ["employment", "wellbeing", "synthetic"] as const;

type Row = Record<string, string>;
const readCsv = (path: string): Row[] => parse(readFileSync(path, "utf8"), { columns: true, skip_empty_lines: true });
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

interface OracleOutcome {
  outcome: string;
  n: number;
  estimate_obs: number;
  se_obs: number;
  estimates: number[];
  t: number[];
  p_ri: number;
  p_ri_t: number;
  grid: number[];
  p_grid: number[];
  p_grid_t: number[];
}
interface Oracle {
  permutations: number;
  outcomes: OracleOutcome[];
  cace: { itt_y: number; itt_d: number; cace: number; grid: number[]; p_grid: number[] };
  westfall_young: { family: string[]; p_raw: number[]; p_adjusted: number[] };
}

describe("randomisation inference on Lin's regression agrees with estimatr and hand-written R (test/oracle/ri_lin.R)", () => {
  const oracle = JSON.parse(readFileSync(join(FIXTURES, "ri_lin.json"), "utf8")) as Oracle;
  const households = readCsv(join(FIXTURES, "ri_households.csv"));
  const persons = readCsv(join(FIXTURES, "ri_lin_persons.csv"));
  const register: RegisterRow[] = households.map((h) => ({
    householdId: h.household, wave: Number(h.wave), stratum: h.stratum, arm: h.z === "1" ? "treatment" : "control",
    pNumerator: 0, pDenominator: 1, drawDate: "2025-03-01", seal: "",
  }));
  const redraws = lotteryRedraws(register, SEED);
  const H = redraws.households.length;
  const S = oracle.permutations;
  const source = { nHouseholds: H, observed: redraws.observed, draw: redraws.draw };

  const dataset = (outcome: string, second: "z" | "d", withCovariates = true) => {
    const rows = persons.filter((p) => p.outcome === outcome);
    const household = Int32Array.from(rows, (p) => redraws.indexOf.get(p.household)!);
    const blocks = Int32Array.from(rows, (p) => Number(p.block));
    const y = Float64Array.from(rows, (p) => Number(p.y));
    const z = Float64Array.from(household, (h) => redraws.observed[h]);
    const d = second === "z" ? z : Float64Array.from(rows, (p) => Number(p.d));
    const covariates = [
      ...(withCovariates ? [{ name: "x1", values: Float64Array.from(rows, (p) => Number(p.x1)) }, { name: "x2", values: Float64Array.from(rows, (p) => Number(p.x2)) }] : []),
      ...blockCovariates(blocks),
    ];
    return { y, z, d, household, blocks, covariates, outcomes: [y, d], nHouseholds: H };
  };

  const data = OUTCOMES.map((o) => dataset(o, "z"));
  const records = recordLinRedraws({ source, permutations: S, datasets: data, studentised: true });

  it("the observed lean re-fit equals effekt's lmLin (estimate and CR0 standard error) and estimatr's", () => {
    OUTCOMES.forEach((outcome, j) => {
      const o = oracle.outcomes[j];
      expect(o.outcome).toBe(outcome);
      expect(data[j].y.length).toBe(o.n);
      const full = getTerm(lmLin(data[j].y, data[j].z, data[j].covariates, { clusters: data[j].household, seType: "CR0" }), "z");
      const r = records[j].observed;
      expect(rel(r.a, full.estimate), outcome).toBeLessThan(1e-10);
      expect(rel(Math.sqrt(r.vyy!), full.std_error), outcome).toBeLessThan(1e-10);
      expect(rel(r.a, o.estimate_obs), outcome).toBeLessThan(REL);
      expect(rel(Math.sqrt(r.vyy!), o.se_obs), outcome).toBeLessThan(REL);
      // the observed assignment regressed on itself: one in each arm's intercept difference
      expect(r.b).toBeCloseTo(1, 12);
    });
  });

  for (const [j, outcome] of OUTCOMES.entries()) {
    it(`${outcome}: every re-draw's Lin estimate and studentised t equal estimatr's lm_lin (CR0), 1e-8 relative`, () => {
      const o = oracle.outcomes[j];
      expect(o.estimates).toHaveLength(S);
      let worst = 0;
      for (let s = 0; s < S; s++) {
        const a = records[j].a[s];
        const t = a / Math.sqrt(records[j].vyy![s]);
        worst = Math.max(worst, rel(a, o.estimates[s]), rel(t, o.t[s]));
      }
      expect(worst).toBeLessThan(REL);
    });

    it(`${outcome}: RI p-values (plain, studentised) and the p-value at each of 21 constant effects equal R's literal re-fits`, () => {
      const o = oracle.outcomes[j];
      const plain = { ...records[j], vyy: undefined, vyd: undefined, vdd: undefined, observed: { a: records[j].observed.a, b: records[j].observed.b } };
      expect(riPValueAt(plain, 0).p_value).toBe(o.p_ri);
      expect(riPValueAt(records[j], 0).p_value).toBe(o.p_ri_t);
      o.grid.forEach((theta, g) => {
        expect(riPValueAt(plain, theta).p_value, `theta ${theta}`).toBe(o.p_grid[g]);
        expect(riPValueAt(records[j], theta).p_value, `theta ${theta} studentised`).toBe(o.p_grid_t[g]);
      });
      // the 95% interval on R's grid: its ends are the first and last grid values with p > 0.05
      const accepted = o.grid.filter((_, g) => o.p_grid[g] > 0.05);
      const ci = riConfidenceInterval(plain, o.grid, 0.05);
      expect(ci.grid_low).toBe(accepted[0]);
      expect(ci.grid_high).toBe(accepted[accepted.length - 1]);
      // refined ends lie between the accepted grid value and its rejected neighbour, and are themselves accepted
      expect(ci.low!).toBeLessThanOrEqual(ci.grid_low!);
      expect(ci.high!).toBeGreaterThanOrEqual(ci.grid_high!);
      expect(riPValueAt(plain, ci.low!).p_value).toBeGreaterThan(0.05);
      expect(riPValueAt(plain, ci.high!).p_value).toBeGreaterThan(0.05);
      expect(ci.low!).toBeLessThan(o.estimate_obs);
      expect(ci.high!).toBeGreaterThan(o.estimate_obs);
    });
  }

  it("CACE (employment): the ratio of lean blocked ITTs equals R's difference_in_means ratio; the Imbens-Rosenbaum p-values equal R's", () => {
    const d = dataset("employment", "d", false);
    const [rec] = recordLinRedraws({ source, permutations: S, datasets: [d] });
    const full = differenceInMeans(d.y, d.z, { blocks: d.blocks, clusters: d.household });
    expect(rel(rec.observed.a, full.estimate)).toBeLessThan(1e-10);
    expect(rel(rec.observed.a, oracle.cace.itt_y)).toBeLessThan(REL);
    expect(rel(rec.observed.b, oracle.cace.itt_d)).toBeLessThan(REL);
    expect(rel(rec.observed.a / rec.observed.b, oracle.cace.cace)).toBeLessThan(REL);
    oracle.cace.grid.forEach((beta, g) => expect(riPValueAt(rec, beta).p_value, `beta ${beta}`).toBe(oracle.cace.p_grid[g]));
    // at beta = the CACE the observed statistic is zero: nothing is less extreme, p = 1
    expect(riPValueAt(rec, rec.observed.a / rec.observed.b).p_value).toBe(1);
  });

  it("Westfall-Young step-down min-p over the three outcomes equals the hand-written R", () => {
    const wy = westfallYoungMinP(records.map((r) => r.observed.a), records.map((r) => r.a));
    expect(oracle.westfall_young.family).toEqual([...OUTCOMES]);
    expect(wy.p_raw).toEqual(oracle.westfall_young.p_raw);
    expect(wy.p_adjusted).toEqual(oracle.westfall_young.p_adjusted);
    // adjusted >= raw, and not above Bonferroni
    wy.p_adjusted.forEach((p, j) => {
      expect(p).toBeGreaterThanOrEqual(wy.p_raw[j]);
      expect(p).toBeLessThanOrEqual(Math.min(1, 3 * wy.p_raw[j]) + 1e-12);
    });
  });

  it("leanLin: the lean re-fit from a treated list agrees with effekt's lmLin under a re-draw (1e-10)", () => {
    const lean = leanLin(data[0]);
    const treated = new Uint8Array(H);
    const list = new Int32Array(H);
    const est = new Float64Array(2);
    for (const s of [0, 7, 199]) {
      const count = redraws.draw(s, treated, list);
      expect(lean.refit(treated, list, count, est)).toBe(true);
      const z = Float64Array.from(data[0].household, (h) => treated[h]);
      const full = getTerm(lmLin(data[0].y, z, data[0].covariates, { clusters: data[0].household, seType: "CR0" }), "z").estimate;
      expect(rel(est[0], full)).toBeLessThan(1e-10);
    }
  });
});
