import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { clusterDesignSe, getTerm, lmLin, minimumDetectableEffect, pnt, power } from "../../src/estimate/index.js";
import { expectClose, loadFixture } from "./helpers.js";

/**
 * `effekt power` checked against computations that do not share its formula (see test/oracle/power_independent.R):
 * the exact variance by matrix algebra, R's power.t.test and noncentral t, and a simulation with effekt's own Lin
 * estimator.
 */
const fixture = loadFixture("power_independent");

describe("effekt power against independent computations", () => {
  it("SE equals sqrt(c' Sigma c), the exact variance of the difference in household means (R, matrix algebra), to 1e-12", () => {
    expect(fixture.exact_variance.length).toBe(4);
    for (const c of fixture.exact_variance) {
      const s = clusterDesignSe({ households: c.households[0], personsPerHousehold: c.m[0], icc: c.icc[0], shareTreated: c.share[0] });
      expectClose(s.std_error, c.se[0], 1e-12, 1e-300, `J ${c.households[0]} m ${c.m[0]} icc ${c.icc[0]} P ${c.share[0]}`);
    }
  });

  it("one person per household: power and MDE equal R's power.t.test(strict = TRUE) (noncentral t) to 1e-8", () => {
    for (const c of fixture.power_t_test) {
      const design = { households: 2 * c.n_per_arm[0], personsPerHousehold: 1, icc: 0, shareTreated: 0.5, alpha: c.alpha[0] };
      expectClose(power(design, c.delta[0]).power, c.power[0], 1e-8, 1e-300, `power n ${c.n_per_arm[0]}`);
      expectClose(minimumDetectableEffect(design, 0.8).mde, c.mde_80[0], 1e-8, 1e-300, `mde n ${c.n_per_arm[0]}`);
    }
  });

  it("the noncentral t CDF equals R's pt(q, df, ncp) on a grid (140 points) to 1e-10 (values below 1e-4: 1e-14 absolute)", () => {
    expect(fixture.pnt.length).toBe(140);
    for (const c of fixture.pnt) {
      const got = pnt(c.t[0], c.df[0], c.ncp[0]);
      expect(Math.abs(got - c.p[0]), `pt(${c.t[0]}, ${c.df[0]}, ${c.ncp[0]}) = ${c.p[0]}, got ${got}`).toBeLessThanOrEqual(1e-10 * Math.max(Math.abs(c.p[0]), 1e-4));
    }
  });

  it("clustered designs (ICC, share treated, R2): power and MDE equal R's noncentral t and uniroot to 1e-8", () => {
    for (const c of fixture.clustered) {
      const design = { households: c.households[0], personsPerHousehold: c.m[0], icc: c.icc[0], shareTreated: c.share[0], r2: c.r2[0] };
      expectClose(power(design, c.delta[0]).power, c.power[0], 1e-8, 1e-300, `power J ${c.households[0]}`);
      expectClose(minimumDetectableEffect(design, 0.8).mde, c.mde_80[0], 1e-8, 1e-300, `mde J ${c.households[0]}`);
      // and power at the MDE is the target
      expect(power(design, minimumDetectableEffect(design, 0.8).mde).power).toBeCloseTo(0.8, 12);
    }
  });

  it("simulation: lm_lin's spread matches the planned SE (ICC, share treated, R2) and the MDE is detected ~80% of the time", () => {
    // J households of m persons; y = tau z + household part + person part, each part R2 explained by a covariate
    const J = 160;
    const m = 2;
    const icc = 0.3;
    const P = 0.4;
    const r2 = 0.4;
    const reps = 1000;
    const design = { households: J, personsPerHousehold: m, icc, shareTreated: P, r2 };
    const planned = minimumDetectableEffect(design, 0.8);
    const rng = seedrandom("effekt-power-simulation");
    const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    const n = J * m;
    const clusters = Int32Array.from({ length: n }, (_, i) => Math.floor(i / m));
    const z = new Float64Array(n);
    const y = new Float64Array(n);
    const xb = new Float64Array(n);
    const xw = new Float64Array(n);
    const estimates: number[] = [];
    let rejected = 0;
    for (let r = 0; r < reps; r++) {
      // complete randomisation of P J households
      const order = Array.from({ length: J }, (_, j) => j);
      for (let j = J - 1; j > 0; j--) {
        const k = Math.floor(rng() * (j + 1));
        [order[j], order[k]] = [order[k], order[j]];
      }
      const treated = new Uint8Array(J);
      for (let j = 0; j < Math.round(P * J); j++) treated[order[j]] = 1;
      for (let j = 0; j < J; j++) {
        const hb = normal();
        const ub = normal();
        for (let k = 0; k < m; k++) {
          const i = j * m + k;
          const hw = normal();
          z[i] = treated[j];
          xb[i] = hb;
          xw[i] = hw;
          y[i] = planned.mde * z[i] + Math.sqrt(icc * r2) * hb + Math.sqrt(icc * (1 - r2)) * ub + Math.sqrt((1 - icc) * r2) * hw + Math.sqrt((1 - icc) * (1 - r2)) * normal();
        }
      }
      const fit = getTerm(lmLin(y, z, [{ name: "xb", values: xb }, { name: "xw", values: xw }], { clusters, seType: "CR2" }), "z");
      estimates.push(fit.estimate);
      if (fit.p_value < 0.05) rejected++;
    }
    const mean = estimates.reduce((a, b) => a + b, 0) / reps;
    const sd = Math.sqrt(estimates.reduce((a, b) => a + (b - mean) ** 2, 0) / (reps - 1));
    // Monte Carlo error of an SD from 1000 draws is ~2.2%; of a rejection rate near 0.8, ~1.3 points
    expect(Math.abs(sd / planned.std_error - 1)).toBeLessThan(0.07);
    expect(Math.abs(mean - planned.mde)).toBeLessThan(4 * planned.std_error / Math.sqrt(reps));
    expect(Math.abs(rejected / reps - 0.8)).toBeLessThan(0.04);
    // ignoring R2 would plan an SE 29% too large: the check can tell
    expect(Math.abs(sd / clusterDesignSe({ ...design, r2: 0 }).std_error - 1)).toBeGreaterThan(0.15);
  });
});
