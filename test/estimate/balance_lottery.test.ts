import { describe, it, expect } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { LotteryHousehold } from "../../src/draw/redraw.js";
import { lotteryRedraws } from "../../src/draw/redraw.js";
import type { Covariate } from "../../src/draw/balance.js";
import { jointBalanceTest } from "../../src/estimate/balance_test.js";
import { JOINT_BALANCE_SEED, lotteryJointBalance } from "../../src/estimate/balance_lottery.js";
import { ROOT } from "../helpers.js";
import { expectClose } from "./helpers.js";

/**
 * The joint test of balance on the actual lottery (src/estimate/balance_lottery.ts) against R
 * (test/oracle/balance_lottery.R): the sample lottery's register (test/oracle/fixtures/ri_households.csv, two
 * waves, three areas), baseline covariates made here (a numeric one with missing values, a 0/1 one and a
 * categorical one of three levels, of which one is made unbalanced in wave 2), the lottery's first S re-draws under
 * the joint test's seed exported as a permutation matrix, and in R per wave (blocks: the wave's strata) and pooled
 * (blocks: wave x stratum) the F statistic of lm(z ~ blocks + X) against lm(z ~ blocks) with mean imputation and
 * missing indicators, its explained sum of squares T, and p = mean(F_s >= F_obs (1 - 1e-9)).
 *
 * Regenerate: BALANCE_ORACLE_EXPORT=1 npx vitest run test/estimate/balance_lottery.test.ts; Rscript test/oracle/balance_lottery.R
 */
const FIXTURES = join(ROOT, "test", "oracle", "fixtures");
const S = 200;
type Row = Record<string, string>;
const readCsv = (path: string): Row[] => parse(readFileSync(path, "utf8"), { columns: true, skip_empty_lines: true });

const register: LotteryHousehold[] = readCsv(join(FIXTURES, "ri_households.csv")).map((h) => ({
  householdId: h.household, wave: Number(h.wave), stratum: h.stratum, arm: h.z === "1" ? "treatment" : "control",
}));

/** Deterministic covariates (a small LCG), the same in the export and the test. */
function makeCovariates(): { x1: number[]; x2: number[]; cat: (string | undefined)[] } {
  let state = 12345;
  const u = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const x1: number[] = [], x2: number[] = [], cat: (string | undefined)[] = [];
  register.forEach((h) => {
    const treated = h.arm === "treatment" ? 1 : 0;
    x1.push(u() < 0.08 ? NaN : Math.round((u() * 4 + u() * 2) * 1000) / 1000);
    x2.push(u() < 0.3 ? 1 : 0);
    // in wave 2 the treated households hold level "c" more often: an imbalance the joint test should see
    const r = u();
    cat.push(r < 0.05 ? undefined : h.wave === 2 && treated && r < 0.55 ? "c" : r < 0.4 ? "a" : r < 0.75 ? "b" : "c");
  });
  return { x1, x2, cat };
}

const cov = makeCovariates();
const covariates: Covariate[] = [
  { name: "x1", kind: "numeric", values: Float64Array.from(cov.x1) },
  { name: "x2", kind: "numeric", values: Float64Array.from(cov.x2) },
  { name: "cat", kind: "categorical", levels: cov.cat },
];

if (process.env.BALANCE_ORACLE_EXPORT) {
  describe("export the joint balance oracle's inputs", () => {
    it("writes balance_lottery_covariates.csv and balance_lottery_permutations.csv", () => {
      const lines = ["household,x1,x2,cat"];
      register.forEach((h, i) => lines.push(`${h.householdId},${Number.isNaN(cov.x1[i]) ? "NA" : cov.x1[i]},${cov.x2[i]},${cov.cat[i] ?? "NA"}`));
      writeFileSync(join(FIXTURES, "balance_lottery_covariates.csv"), lines.join("\n") + "\n");
      const redraws = lotteryRedraws(register, JOINT_BALANCE_SEED);
      const treated = new Uint8Array(register.length);
      const matrix = redraws.households.map((id) => [id]);
      for (let s = 0; s < S; s++) {
        redraws.draw(s, treated);
        matrix.forEach((m, i) => m.push(String(treated[i])));
      }
      writeFileSync(join(FIXTURES, "balance_lottery_permutations.csv"), [["household", ...Array.from({ length: S }, (_, s) => `redraw_${s}`)].join(","), ...matrix.map((m) => m.join(","))].join("\n") + "\n");
    });
  });
} else describe("joint test of balance on the actual lottery, against R (test/oracle/balance_lottery.R)", () => {
  const oracle = JSON.parse(readFileSync(join(FIXTURES, "balance_lottery.json"), "utf8")) as { tests: { wave: [string]; T: [number]; F: [number]; df: [number]; p_value: [number]; T_sims: number[] }[] };
  const perm = readCsv(join(FIXTURES, "balance_lottery_permutations.csv"));

  it("the exported re-draws are the lottery's re-draws under the joint test's seed, bit for bit", () => {
    const redraws = lotteryRedraws(register, JOINT_BALANCE_SEED);
    const treated = new Uint8Array(register.length);
    for (const s of [0, 1, 99, S - 1]) {
      redraws.draw(s, treated);
      redraws.households.forEach((id, i) => expect(perm[i].household).toBe(id));
      expect(Array.from(treated).join("")).toBe(perm.map((p) => p[`redraw_${s}`]).join(""));
    }
  });

  it("per wave and pooled: statistic to 1e-8, degrees of freedom and p-value exactly as R", () => {
    // households in reverse order: the result must not depend on it
    const order = register.map((_, i) => register.length - 1 - i);
    const rows = lotteryJointBalance({
      households: order.map((i) => register[i]),
      covariates: covariates.map((c) => (c.kind === "numeric" ? { ...c, values: Float64Array.from(order, (i) => c.values[i]) } : { ...c, levels: order.map((i) => c.levels[i]) })),
      redraws: S,
    });
    expect(rows.map((r) => r.wave)).toEqual(["1", "2", "all"]);
    expect(rows.map((r) => r.households)).toEqual([register.filter((h) => h.wave === 1).length, register.filter((h) => h.wave === 2).length, register.length]);
    for (const r of rows) {
      const o = oracle.tests.find((t) => t.wave[0] === r.wave)!;
      expectClose(r.statistic, o.T[0], 1e-8, 1e-300, `T wave ${r.wave}`);
      expect(r.columns, `df wave ${r.wave}`).toBe(o.df[0]);
      expect(r.p_value, `p wave ${r.wave}`).toBe(o.p_value[0]);
      expect(r.redraws).toBe(S);
      expect(r.seed).toBe(JOINT_BALANCE_SEED);
    }
    // the planted imbalance in wave 2 is found; wave 1 is balanced
    expect(rows[1].p_value).toBeLessThan(0.05);
    expect(rows[0].p_value).toBeGreaterThan(0.05);
  });

  it("each re-draw's statistic in wave 2 equals R's (jointBalanceTest on the same re-draws)", () => {
    const o = oracle.tests.find((t) => t.wave[0] === "2")!;
    const members = register.flatMap((h, i) => (h.wave === 2 ? [i] : []));
    const blocks = Int32Array.from(members, (i) => ["Ellekonebakken", "Houlkær", "Karup Kølvrå"].indexOf(register[i].stratum));
    const columns = [
      { name: "x1", values: Float64Array.from(members, (i) => cov.x1[i]) },
      { name: "x2", values: Float64Array.from(members, (i) => cov.x2[i]) },
      ...["a", "b", "c"].map((l) => ({ name: `cat=${l}`, values: Float64Array.from(members, (i) => (cov.cat[i] === undefined ? NaN : cov.cat[i] === l ? 1 : 0)) })),
    ];
    for (let s = 0; s < 10; s++) {
      const z = Float64Array.from(members, (i) => Number(perm[i][`redraw_${s}`]));
      const r = jointBalanceTest({ covariates: columns, blocks, observed: z, redraws: 1, draw: (_, t) => t.fill(0) });
      expectClose(r.statistic, o.T_sims[s], 1e-8, 1e-300, `T_s ${s}`);
    }
  });
});
