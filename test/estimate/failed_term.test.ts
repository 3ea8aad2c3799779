import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { blockCovariates, getTerm, lmLin } from "../../src/estimate/index.js";
import { ROOT } from "../helpers.js";

/**
 * As R, a nuisance term without a usable standard error does not empty the treatment row. Data and R's figures:
 * test/oracle/failed_term.R (estimatr lm_lin, CR2): block1_c has std.error NaN; z has
 * estimate -0.060599999999999973, std.error 0.040707650113679814, df 24.0000000000000533.
 */
describe("a term whose standard error is not finite", () => {
  const lines = readFileSync(join(ROOT, "test/oracle/fixtures/failed_term_data.csv"), "utf8").trim().split("\n").slice(1);
  const col = (k: number) => lines.map((l) => Number(l.split(",")[k]));
  const y = Float64Array.from(col(0));
  const z = Float64Array.from(col(1));
  const blocks = Int32Array.from(col(2));
  const clusters = Int32Array.from(col(3));
  const fit = lmLin(y, z, blockCovariates(blocks), { clusters, seType: "CR2" });

  it("keeps the treatment term's inference, equal to R's to 1e-8", () => {
    const t = getTerm(fit, "z");
    expect(Math.abs(t.estimate / -0.060599999999999973 - 1)).toBeLessThan(1e-8);
    expect(Math.abs(t.std_error / 0.040707650113679814 - 1)).toBeLessThan(1e-8);
    expect(Math.abs(t.df / 24.0000000000000533 - 1)).toBeLessThan(1e-8);
  });

  it("marks the failed term and getTerm refuses it with the reason", () => {
    const bad = fit.coefficients.find((c) => c.term === "block1_c")!;
    expect(Number.isNaN(bad.std_error)).toBe(true);
    expect(() => getTerm(fit, "block1_c")).toThrow(/standard error/);
  });
});
