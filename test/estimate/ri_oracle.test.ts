import { describe, it, expect } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { RegisterRow } from "../../src/io/register.js";
import { lotteryRedraws } from "../../src/draw/redraw.js";
import { leanDifferenceInMeans, riPValues, type RiDataset } from "../../src/estimate/ri_lottery.js";
import { ROOT, SAMPLES } from "../helpers.js";

/**
 * Randomisation inference against R (test/oracle/ri.R): the sample lottery (samples/demo.ts's two waves, three
 * areas of unequal size, households as clusters), its first S re-draws by `lotteryRedraws` exported as a
 * households x S permutation matrix, and for two outcomes estimatr's blocked, clustered
 * `difference_in_means(y ~ z, blocks = block, clusters = cluster)` under the observed and every re-drawn assignment,
 * with ri2's two-tailed p = mean(abs(est_sim) >= abs(est_obs)) (conduct_ri rounds both to 10 decimals first).
 *
 * The fixtures pin three things: the re-draws themselves (the matrix must come out of `lotteryRedraws` again,
 * bit for bit), every re-draw's statistic (1e-8 relative), and the p-value (exactly).
 *
 * Regenerate (after `npm run demo`):
 *   RI_ORACLE_EXPORT=out/demo/allocations.csv npx vitest run test/estimate/ri_oracle.test.ts
 *   Rscript test/oracle/ri.R
 */

const FIXTURES = join(ROOT, "test", "oracle", "fixtures");
/** the RI seed of analyses/relationel-velfaerd.json */
const SEED = "relationel-velfaerd-plan-v1";
const S = 200;
const REL = 1e-8;
/** outcome -> its first measurement per person (one year after the person's draw) */
const OUTCOMES = ["employment", "wellbeing"] as const;

type Row = Record<string, string>;
const readCsv = (path: string): Row[] => parse(readFileSync(path, "utf8"), { columns: true, skip_empty_lines: true });

/**
 * Writes ri_households.csv, ri_permutations.csv and ri_persons.csv from a register and samples/{persons,outcomes}.csv.
 * Households are renumbered H0001.. in the re-draws' order (wave, stratum, household_id), which keeps their sorted
 * order within each stratum and so the re-draws; no real identifier leaves.
 */
function exportFixtures(registerPath: string): void {
  const register: RegisterRow[] = readCsv(registerPath).map((r) => ({
    householdId: r.household_id, wave: Number(r.wave), stratum: r.stratum, arm: r.arm as RegisterRow["arm"],
    pNumerator: 0, pDenominator: 1, drawDate: r.draw_date, seal: "",
  }));
  const redraws = lotteryRedraws(register, SEED);
  const H = redraws.households.length;
  const width = String(H).length;
  const newId = (i: number) => `H${String(i + 1).padStart(width, "0")}`;
  const byId = new Map(register.map((r) => [r.householdId, r]));
  const blockNames: string[] = [];
  const blockOf = (r: RegisterRow) => {
    const name = `${r.wave}|${r.stratum}`;
    if (!blockNames.includes(name)) blockNames.push(name);
    return blockNames.indexOf(name) + 1;
  };
  const households = ["household,wave,stratum,block,z"];
  redraws.households.forEach((id, i) => {
    const r = byId.get(id)!;
    households.push(`${newId(i)},${r.wave},${r.stratum},${blockOf(r)},${redraws.observed[i]}`);
  });
  const matrix = Array.from({ length: H }, (_, i) => [newId(i)]);
  const treated = new Uint8Array(H);
  for (let s = 0; s < S; s++) {
    redraws.draw(s, treated);
    for (let i = 0; i < H; i++) matrix[i].push(String(treated[i]));
  }
  const permutations = [["household", ...Array.from({ length: S }, (_, s) => `redraw_${s}`)].join(","), ...matrix.map((m) => m.join(","))];
  // persons of the register's households with the outcome's first value (earliest date), in household order
  const householdOfPerson = new Map(readCsv(join(SAMPLES, "persons.csv")).map((p) => [p.person_id, p.household_id]));
  const first = new Map<string, { date: string; value: string }>();
  for (const o of readCsv(join(SAMPLES, "outcomes.csv"))) {
    const key = `${o.outcome}\t${o.person_id}`;
    const seen = first.get(key);
    if (o.value !== "NA" && o.value !== "" && (!seen || o.date < seen.date)) first.set(key, { date: o.date, value: o.value });
  }
  const persons: { outcome: string; h: number; person: string; value: string }[] = [];
  for (const [key, { value }] of first) {
    const [outcome, person] = key.split("\t");
    const h = redraws.indexOf.get(householdOfPerson.get(person) ?? "");
    if (h !== undefined && (OUTCOMES as readonly string[]).includes(outcome)) persons.push({ outcome, h, person, value });
  }
  persons.sort((a, b) => OUTCOMES.indexOf(a.outcome as never) - OUTCOMES.indexOf(b.outcome as never) || a.h - b.h || (a.person < b.person ? -1 : 1));
  const personLines = ["outcome,y,household,block,cluster"];
  for (const p of persons) {
    const r = byId.get(redraws.households[p.h])!;
    personLines.push(`${p.outcome},${p.value},${newId(p.h)},${blockOf(r)},${p.h + 1}`);
  }
  writeFileSync(join(FIXTURES, "ri_households.csv"), households.join("\n") + "\n");
  writeFileSync(join(FIXTURES, "ri_permutations.csv"), permutations.join("\n") + "\n");
  writeFileSync(join(FIXTURES, "ri_persons.csv"), personLines.join("\n") + "\n");
}

interface OracleOutcome {
  outcome: string;
  n: number;
  estimate_obs: number;
  estimates: number[];
  extreme: number;
  p_value: number;
  p_value_unrounded: number;
}

const exportFrom = process.env.RI_ORACLE_EXPORT;

if (exportFrom) {
  describe("export the RI oracle's inputs", () => {
    it("writes ri_households.csv, ri_permutations.csv, ri_persons.csv", () => exportFixtures(exportFrom));
  });
} else describe("randomisation inference by re-running the lottery agrees with estimatr + ri2 (test/oracle/ri.R)", () => {
  const households = readCsv(join(FIXTURES, "ri_households.csv"));
  const permutation = readCsv(join(FIXTURES, "ri_permutations.csv"));
  const persons = readCsv(join(FIXTURES, "ri_persons.csv"));
  const oracle = JSON.parse(readFileSync(join(FIXTURES, "ri.json"), "utf8")) as { seed: string; permutations: number; outcomes: OracleOutcome[] };
  const register: RegisterRow[] = households.map((h) => ({
    householdId: h.household, wave: Number(h.wave), stratum: h.stratum, arm: h.z === "1" ? "treatment" : "control",
    pNumerator: 0, pDenominator: 1, drawDate: "2025-03-01", seal: "",
  }));
  // register rows in reverse order: the re-draws must not depend on it
  const redraws = lotteryRedraws([...register].reverse(), SEED);
  const H = redraws.households.length;

  it("the fixture is the sample lottery at the plan's seed: 2 waves, 6 unequal wave x area blocks", () => {
    expect(oracle.seed).toBe(SEED);
    expect(oracle.permutations).toBe(S);
    expect(H).toBe(413);
    const sizes = new Map<string, number>();
    for (const h of households) sizes.set(h.block, (sizes.get(h.block) ?? 0) + 1);
    expect([...sizes.values()]).toEqual([104, 155, 62, 24, 47, 21]);
    expect(households.filter((h) => h.z === "1").length).toBe(140);
  });

  it("lotteryRedraws gives the exported permutation matrix: households in order, observed assignment, all S re-draws", () => {
    expect(redraws.households).toEqual(households.map((h) => h.household));
    expect(Array.from(redraws.observed)).toEqual(households.map((h) => Number(h.z)));
    const treated = new Uint8Array(H);
    for (let s = 0; s < S; s++) {
      redraws.draw(s, treated);
      const column = `redraw_${s}`;
      let mismatches = 0;
      for (let i = 0; i < H; i++) if (String(treated[i]) !== permutation[i][column]) mismatches++;
      expect(mismatches, column).toBe(0);
    }
    // the re-draws differ from one another and from the observed draw (a broken stream would repeat one)
    const columns = new Set(Array.from({ length: S }, (_, s) => permutation.map((p) => p[`redraw_${s}`]).join("")));
    expect(columns.size).toBe(S);
    expect(columns.has(households.map((h) => h.z).join(""))).toBe(false);
  });

  const datasets: RiDataset[] = OUTCOMES.map((outcome) => {
    const rows = persons.filter((p) => p.outcome === outcome);
    return {
      y: Float64Array.from(rows, (p) => Number(p.y)),
      household: Int32Array.from(rows, (p) => redraws.indexOf.get(p.household)!),
      blocks: Int32Array.from(rows, (p) => Number(p.block)),
      clusters: Int32Array.from(rows, (p) => Number(p.cluster)),
    };
  });

  for (const [j, outcome] of OUTCOMES.entries()) {
    it(`${outcome}: every re-draw's blocked, clustered difference in means equals estimatr's (1e-8 relative)`, () => {
      const o = oracle.outcomes[j];
      expect(o.outcome).toBe(outcome);
      expect(datasets[j].y.length).toBe(o.n);
      expect(o.estimates).toHaveLength(S);
      const lean = leanDifferenceInMeans(datasets[j], H);
      expect(lean.statistic(redraws.observed)).toBeCloseTo(o.estimate_obs, 12);
      const treated = new Uint8Array(H);
      const treatedList = new Int32Array(H);
      let worst = 0;
      for (let s = 0; s < S; s++) {
        const count = redraws.draw(s, treated, treatedList);
        // both paths riPValues and its checks use: from the treated list (the fast one) and from the full assignment
        for (const t of [lean.statisticOfTreated(treatedList, count), lean.statistic(treated)]) {
          const r = o.estimates[s];
          const rel = Math.abs(t - r) / Math.max(Math.abs(r), 1e-300);
          worst = Math.max(worst, rel);
          expect(rel, `redraw_${s}: effekt ${t}, R ${r}`).toBeLessThanOrEqual(REL);
        }
      }
      expect(worst).toBeLessThan(REL);
    });
  }

  it("riPValues: observed statistics, extreme counts and p-values equal R's (ri2 two-tailed), all re-draws defined", () => {
    const result = riPValues({ register, seed: SEED, permutations: S, datasets });
    OUTCOMES.forEach((outcome, j) => {
      const o = oracle.outcomes[j];
      expect(Math.abs(result.observed[j] - o.estimate_obs) / Math.abs(o.estimate_obs), outcome).toBeLessThanOrEqual(REL);
      expect(result.undefined_redraws[j], outcome).toBe(0);
      expect(result.extreme[j], outcome).toBe(o.extreme);
      expect(result.p_value[j], outcome).toBe(o.p_value);
      // no re-draw sits within rounding of the observed statistic, so ri2's rounding and effekt's tie tolerance agree
      expect(o.p_value_unrounded, outcome).toBe(o.p_value);
    });
  });
});
