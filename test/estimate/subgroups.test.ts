import { describe, it, expect } from "vitest";
import { subgroupEffects, interactionTest } from "../../src/estimate/subgroups.js";
import { expectClose, loadFixture } from "./helpers.js";

/** test/oracle/subgroups.R: estimatr per level, clubSandwich CR2 interaction tests */
const fx = loadFixture("subgroups");

interface Data { hh: number[]; block: number[]; z: number[]; g2: number[]; g3: number[]; x: number[]; y: number[]; gb?: number[] }

function input(d: Data, group: "g2" | "g3" | "gb", estimator: "difference_in_means" | "lm_lin", covariate = true) {
  const codes = d[group]!;
  const levels = [...new Set(codes)].sort((a, b) => a - b);
  return {
    y: Float64Array.from(d.y),
    z: d.z,
    blocks: d.block,
    clusters: d.hh,
    group: Int32Array.from(codes, (c) => levels.indexOf(c)),
    levels: levels.map(String),
    covariates: covariate ? [{ name: "x", values: d.x }] : [],
    estimator,
  };
}

const REL = 1e-8;

describe("subgroup effects agree with estimatr", () => {
  for (const name of ["two_levels", "three_levels", "three_levels_no_covariate"]) {
    it(`${name}: difference in means and Lin CR2 per level`, () => {
      const c = fx[name];
      for (const [estimator, key] of [["difference_in_means", "dim"], ["lm_lin", "lin"]] as const) {
        const r = subgroupEffects(input(c.data, c.group, estimator));
        expect(r.levels.length).toBe(c.levels.length);
        c.levels.forEach((lv: { level: number[]; dim: Record<string, number[]>; lin: Record<string, number[]> }, k: number) => {
          const got = r.levels[k];
          expect(got.level).toBe(String(lv.level[0]));
          if ("reason" in got) throw new Error(got.reason);
          const want = lv[key];
          const i = (want.term as unknown as string[]).indexOf("z");
          for (const f of ["estimate", "std_error", "df", "p_value", "ci_low", "ci_high"] as const) {
            expectClose(got[f], want[f][i], REL, 1e-300, `${name} ${estimator} level ${lv.level} ${f}`);
          }
        });
      }
    });
  }
});

describe("treatment x subgroup interaction test agrees with clubSandwich (CR2)", () => {
  it("two levels: t-test with Satterthwaite df (coef_test), F = t^2", () => {
    const c = fx.two_levels;
    const r = subgroupEffects(input(c.data, "g2", "lm_lin")).interaction;
    if ("reason" in r) throw new Error(r.reason);
    const w = c.interaction;
    expect(r.df1).toBe(1);
    expectClose(r.estimates[0], w.coef_estimate[0], REL, 1e-300, "estimate");
    expectClose(r.std_errors[0], w.coef_se[0], REL, 1e-300, "se");
    expectClose(r.df2, w.coef_df[0], REL, 1e-300, "Satterthwaite df");
    expectClose(r.statistic, w.coef_t[0] ** 2, REL, 1e-300, "F = t^2");
    expectClose(r.p_value, w.coef_p[0], REL, 1e-300, "p");
    // clubSandwich's HTZ reduces to the same test for one constraint
    expectClose(r.statistic, w.htz_F[0], REL, 1e-300, "HTZ F");
    expectClose(r.df2, w.htz_df2[0], REL, 1e-300, "HTZ df2");
  });

  for (const name of ["three_levels", "three_levels_no_covariate", "group_is_block"]) {
    it(`${name}: HTZ Wald test of the two interaction terms (Wald_test)`, () => {
      const c = fx[name];
      const groupName = c.group[0] as "g3" | "gb";
      const d = { ...c.data };
      const r = interactionTest(input(d, groupName, "lm_lin", name !== "three_levels_no_covariate"), [0, 1, 2]);
      if ("reason" in r) throw new Error(r.reason);
      const w = c.interaction;
      expect(r.df1).toBe(2);
      expect(r.terms.length).toBe(2);
      r.estimates.forEach((e, k) => expectClose(e, w.coef_estimate[k], REL, 1e-300, `estimate ${k}`));
      r.std_errors.forEach((e, k) => expectClose(e, w.coef_se[k], REL, 1e-300, `se ${k}`));
      expectClose(r.statistic, w.htz_F[0], REL, 1e-300, "HTZ F");
      expectClose(r.df2, w.htz_df2[0], REL, 1e-300, "HTZ df2");
      expectClose(r.p_value, w.htz_p[0], REL, 1e-300, "HTZ p");
    });
  }
});

describe("levels without an estimate", () => {
  it("a level with no treated person gets a reason, and the interaction is tested on the rest", () => {
    const c = fx.three_levels;
    const d: Data = { ...c.data, z: [...c.data.z] };
    // level 0 of g3 loses its treated persons (and their outcomes stay): no estimate there
    const drop = d.g3.map((g, i) => (g === 0 && d.z[i] === 1 ? i : -1)).filter((i) => i >= 0);
    const keep = (v: number[]) => v.filter((_, i) => !drop.includes(i));
    const e: Data = { hh: keep(d.hh), block: keep(d.block), z: keep(d.z), g2: keep(d.g2), g3: keep(d.g3), x: keep(d.x), y: keep(d.y) };
    const r = subgroupEffects(input(e, "g3", "difference_in_means"));
    const first = r.levels[0];
    expect("reason" in first && first.reason).toBe("no treated person in this subgroup");
    expect(first.n_treatment).toBe(0);
    expect("estimate" in r.levels[1]).toBe(true);
    if ("reason" in r.interaction) throw new Error(r.interaction.reason);
    expect(r.interaction.levels).toEqual(["1", "2"]);
    expect(r.interaction.df1).toBe(1);
    // the same as testing levels 1 and 2 directly
    const direct = interactionTest(input(e, "g3", "difference_in_means"), [1, 2]);
    expect(direct).toEqual(r.interaction);
  });

  it("one level left: no interaction test, with the reason", () => {
    const c = fx.two_levels;
    const d: Data = c.data;
    const keep = d.g2.map((g, i) => (g === 1 && d.z[i] === 1 ? -1 : i)).filter((i) => i >= 0);
    const sub = (v: number[]) => keep.map((i) => v[i]);
    const e: Data = { hh: sub(d.hh), block: sub(d.block), z: sub(d.z), g2: sub(d.g2), g3: sub(d.g3), x: sub(d.x), y: sub(d.y) };
    const r = subgroupEffects(input(e, "g2", "lm_lin"));
    expect("reason" in r.levels[1]).toBe(true);
    expect(r.interaction).toEqual({ reason: "only one subgroup has an estimate; no interaction to test" });
  });
});
