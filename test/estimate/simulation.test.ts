/**
 * Simulation on the sample design with known true effects: the demo's two lottery waves
 * on samples/households.csv (413 households), the adults of those households from samples/persons.csv, and
 * outcomes generated as samples/README.md describes for `employment`: household random effect (sd 0.15), person
 * noise (sd 0.20), baseline employment raising the level by 0.5, and a constant intention-to-treat effect
 * TRUE_ITT = 0.045. Each replication re-runs the lottery (the register's waves, strata and places, drawWave's
 * algorithm, seed `simulation/<r>`) and draws fresh outcomes from one seedrandom stream. Checked over 1,000
 * replications: bias within 3.5 Monte Carlo standard errors, 95% CI coverage in [93.5%, 96.5%] for the
 * blocked, clustered difference in means and Lin's regression with CR2, and, with no effect, the share of CR2
 * t-tests of Lin's estimate rejecting at 5% within 3.5 Monte Carlo standard errors of 5%.
 */
import { describe, it, expect, beforeAll } from "vitest";
import { join } from "node:path";
import seedrandom from "seedrandom";
import { effekt, SAMPLES, tempDir } from "../helpers.js";
import { readRegister, type RegisterRow } from "../../src/io/register.js";
import { readCsv } from "../../src/io/csv.js";
import { idColumn, numberColumn, textColumn } from "../../src/io/columns.js";
import { differenceInMeans } from "../../src/estimate/difference_in_means.js";
import { blockCovariates, lmLin } from "../../src/estimate/lm_lin.js";
import { lotteryRedraws } from "../../src/draw/redraw.js";

const REPLICATIONS = 1000;
const TRUE_ITT = 0.045;

interface Design {
  register: RegisterRow[];
  redraws: ReturnType<typeof lotteryRedraws>;
  household: Int32Array;
  blocks: Int32Array;
  baseline: Float64Array;
}

let design: Design;

beforeAll(() => {
  // the demo's lottery, exactly as samples/demo.ts runs it
  const dir = tempDir();
  const register = join(dir, "allocations.csv");
  for (const [wave, date, seed, treat] of [["1", "2025-03-01", "viborg-2025-wave-1", "80"], ["2", "2025-09-01", "viborg-2025-wave-2", "60"]]) {
    const r = effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", date, "--register", register, "--wave", wave, "--seed", seed, "--treat", treat]);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  const rows = readRegister(register);
  const redraws = lotteryRedraws(rows, "simulation");
  const persons = readCsv(join(SAMPLES, "persons.csv"));
  const hh = idColumn(persons, "household_id");
  const role = textColumn(persons, "role");
  const employed = numberColumn(persons, "employed_baseline", { allowMissing: true });
  const byHousehold = new Map(rows.map((r) => [r.householdId, r]));
  const blockCodes = new Map<string, number>();
  const household: number[] = [];
  const blocks: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < hh.length; i++) {
    const r = byHousehold.get(hh[i]);
    if (!r || role[i] !== "adult" || !Number.isFinite(employed[i])) continue;
    const key = `${r.wave}\t${r.stratum}`;
    if (!blockCodes.has(key)) blockCodes.set(key, blockCodes.size);
    household.push(redraws.indexOf.get(r.householdId)!);
    blocks.push(blockCodes.get(key)!);
    baseline.push(employed[i]);
  }
  design = { register: rows, redraws, household: Int32Array.from(household), blocks: Int32Array.from(blocks), baseline: Float64Array.from(baseline) };
}, 60_000);

function normal(rand: () => number): number {
  // Box-Muller; 1 - u avoids log(0)
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

interface Summary {
  estimates: number[];
  covered: number;
  rejected: number;
}

function simulate(effect: number, estimators: { dim: boolean } = { dim: true }): { dim?: Summary; lin: Summary } {
  const { redraws, household, blocks, baseline } = design;
  const n = household.length;
  const H = redraws.households.length;
  const rand = seedrandom(`effekt-simulation-${effect}`);
  const treated = new Uint8Array(H);
  const u = new Float64Array(H);
  const out = { dim: estimators.dim ? { estimates: [] as number[], covered: 0, rejected: 0 } : undefined, lin: { estimates: [] as number[], covered: 0, rejected: 0 } };
  const covariates = [...blockCovariates(blocks), { name: "employed_baseline", values: baseline }];
  for (let r = 0; r < REPLICATIONS; r++) {
    redraws.draw(r, treated);
    for (let h = 0; h < H; h++) u[h] = 0.15 * normal(rand);
    const y = new Float64Array(n);
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      z[i] = treated[household[i]];
      y[i] = 0.2 + 0.5 * baseline[i] + u[household[i]] + 0.2 * normal(rand) + effect * z[i];
    }
    const lin = lmLin(y, z, covariates, { clusters: household, seType: "CR2" }).coefficients[1];
    const fits: [Summary, { estimate: number; ci_low: number; ci_high: number; p_value: number }][] = [[out.lin, lin]];
    if (out.dim) fits.push([out.dim, differenceInMeans(y, z, { blocks, clusters: household })]);
    for (const [s, e] of fits) {
      s.estimates.push(e.estimate);
      if (e.ci_low <= effect && effect <= e.ci_high) s.covered++;
      if (e.p_value < 0.05) s.rejected++;
    }
  }
  return out;
}

function meanSd(xs: number[]): { mean: number; sd: number } {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  return { mean: m, sd: Math.sqrt(v) };
}

describe(`simulation on the sample design (${REPLICATIONS} seeded replications)`, () => {
  it("the design is the demo's: 413 households in two waves, adults with a baseline", () => {
    expect(design.register.length).toBe(413);
    expect(new Set(design.register.map((r) => r.wave))).toEqual(new Set([1, 2]));
    expect(design.household.length).toBeGreaterThan(500);
  });

  it("with a true ITT of 0.045: no bias beyond Monte Carlo error and 95% CI coverage in [93.5%, 96.5%]", () => {
    const r = simulate(TRUE_ITT);
    for (const [name, s] of Object.entries(r) as [string, Summary][]) {
      const { mean, sd } = meanSd(s.estimates);
      const mcse = sd / Math.sqrt(REPLICATIONS);
      const coverage = s.covered / REPLICATIONS;
      expect(Math.abs(mean - TRUE_ITT), `${name}: mean ${mean}, Monte Carlo se ${mcse}`).toBeLessThan(3.5 * mcse);
      expect(coverage, `${name} coverage`).toBeGreaterThanOrEqual(0.935);
      expect(coverage, `${name} coverage`).toBeLessThanOrEqual(0.965);
      // the covariate must help: Lin's estimates vary less than the difference in means'
      if (name === "lin") expect(sd).toBeLessThan(meanSd(r.dim!.estimates).sd);
    }
  }, 60_000);

  it("with no effect: Lin's CR2 t-test rejects at 5% about 5% of the time", () => {
    // a fresh stream of outcomes (seeded by the effect), so this is not 1 - the coverage above
    const r = simulate(0, { dim: false });
    const bound = 3.5 * Math.sqrt((0.05 * 0.95) / REPLICATIONS);
    const rate = r.lin.rejected / REPLICATIONS;
    expect(Math.abs(rate - 0.05), `rejection rate ${rate}`).toBeLessThanOrEqual(bound);
  }, 60_000);
});
