/**
 * Simulation with a known truth: two lottery waves with very different chances of treatment,
 * as in the demo (wave 1: 80 of 320 households treated, p = 0.25; wave 2: 60 of 92, p = 0.65), households of 1-3
 * persons, one-sided non-compliance decided per household (about 60% compliers), and a larger complier effect in
 * wave 2 (0.5 in wave 1, 1.5 in wave 2). The households, their sizes and complier status are fixed; each
 * replication re-draws the lottery and the outcome noise from one seeded stream.
 *
 * The CACE the ITT rows imply is the size-weighted one: sum_i complier_i tau_i / sum_i complier_i over persons
 * (0.5 + 1.0 x the share of wave-2 compliers). 2SLS with block fixed effects weights wave b by N_b p_b (1 - p_b)
 * and so targets another average; the test shows the ratio estimator unbiased for the size-weighted CACE within
 * Monte Carlo error, its 95% intervals covering it, and the old 2SLS biased by several Monte Carlo SEs.
 */
import { describe, it, expect } from "vitest";
import seedrandom from "seedrandom";
import { complierAverageCausalEffect } from "../../src/estimate/cace.js";
import { ivRobust } from "../../src/estimate/iv_robust.js";
import { blockCovariates } from "../../src/estimate/lm_lin.js";
import { getTerm } from "../../src/estimate/lm_robust.js";

const REPLICATIONS = 600;
const WAVES = [
  { households: 320, treated: 80, effect: 0.5 },
  { households: 92, treated: 60, effect: 1.5 },
];

describe("CACE with the ITT's weights: seeded simulation with a known truth", () => {
  it("the ratio of blocked ITTs is unbiased and covers; 2SLS with block fixed effects is biased", () => {
    const rand = seedrandom("cace-simulation");
    const normal = () => {
      const u = 1 - rand();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
    };
    // the fixed population of households and persons
    const hhWave: number[] = [];
    const hhComplier: number[] = [];
    const hhOffset: number[] = [0];
    WAVES.forEach((w, b) => {
      for (let h = 0; h < w.households; h++) {
        hhWave.push(b);
        hhComplier.push(rand() < 0.6 ? 1 : 0);
        hhOffset.push(hhOffset[hhOffset.length - 1] + 1 + Math.floor(rand() * 3));
      }
    });
    const H = hhWave.length;
    const n = hhOffset[H];
    const blocks = new Int32Array(n);
    const clusters = new Int32Array(n);
    const complier = new Float64Array(n);
    const effect = new Float64Array(n);
    let num = 0;
    let den = 0;
    for (let h = 0; h < H; h++) {
      for (let i = hhOffset[h]; i < hhOffset[h + 1]; i++) {
        blocks[i] = hhWave[h];
        clusters[i] = h;
        complier[i] = hhComplier[h];
        effect[i] = WAVES[hhWave[h]].effect;
        num += complier[i] * effect[i];
        den += complier[i];
      }
    }
    const truth = num / den;
    const fixedEffects = blockCovariates(blocks);
    const z = new Float64Array(n);
    const d = new Float64Array(n);
    const y = new Float64Array(n);
    const hhZ = new Uint8Array(H);
    const hhU = new Float64Array(H);
    let sumRatio = 0;
    let sumRatioSq = 0;
    let sum2sls = 0;
    let sum2slsSq = 0;
    let covered = 0;
    for (let r = 0; r < REPLICATIONS; r++) {
      // complete randomisation within each wave
      let start = 0;
      for (const w of WAVES) {
        const ids = Array.from({ length: w.households }, (_, k) => start + k);
        for (let k = ids.length - 1; k > 0; k--) {
          const j = Math.floor(rand() * (k + 1));
          [ids[k], ids[j]] = [ids[j], ids[k]];
        }
        ids.forEach((h, k) => (hhZ[h] = k < w.treated ? 1 : 0));
        start += w.households;
      }
      for (let h = 0; h < H; h++) hhU[h] = 0.5 * normal();
      for (let i = 0; i < n; i++) {
        const h = clusters[i];
        z[i] = hhZ[h];
        d[i] = z[i] * complier[i];
        y[i] = 1 + hhU[h] + 0.4 * complier[i] + d[i] * effect[i] + normal();
      }
      const c = complierAverageCausalEffect(y, d, z, { blocks, clusters });
      sumRatio += c.estimate;
      sumRatioSq += c.estimate ** 2;
      if (c.ci_low <= truth && truth <= c.ci_high) covered++;
      const iv = getTerm(ivRobust(y, [{ name: "took_up", values: d }], [{ name: "z", values: z }], { covariates: fixedEffects, clusters }), "took_up");
      sum2sls += iv.estimate;
      sum2slsSq += iv.estimate ** 2;
    }
    const R = REPLICATIONS;
    const mcse = (s: number, ss: number) => Math.sqrt((ss / R - (s / R) ** 2) / R);
    const biasRatio = sumRatio / R - truth;
    const bias2sls = sum2sls / R - truth;
    // unbiased within Monte Carlo error (3.5 MC standard errors)
    expect(Math.abs(biasRatio)).toBeLessThan(3.5 * mcse(sumRatio, sumRatioSq));
    // 95% coverage within Monte Carlo error: sqrt(0.95 x 0.05 / 600) = 0.0089
    expect(Math.abs(covered / R - 0.95)).toBeLessThan(3.5 * Math.sqrt((0.95 * 0.05) / R));
    // the old 2SLS row: biased upwards by more than 4 MC standard errors (it over-weights wave 2)
    expect(bias2sls).toBeGreaterThan(4 * mcse(sum2sls, sum2slsSq));
    expect(bias2sls / truth).toBeGreaterThan(0.03);
  });
});
