/**
 * `effekt gains --estimates` reads the effect table through io/effectTable.ts (`readEffectTableLines`):
 * rows with their file lines, text cells as effekt wrote them (a `'` before a formula-like label removed), the
 * allocation column, and every problem of the file in one error.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readEffectTableLines } from "../../src/io/effectTable.js";
import { tempDir } from "../helpers.js";

describe("readEffectTableLines", () => {
  it("returns rows with their lines, restored labels, allocation and empty cells as null", () => {
    const path = join(tempDir(), "effects.csv");
    writeFileSync(path, "outcome,horizon,estimator,estimand,subgroup,estimate,std_error,allocation\n'=employment,1,lm_lin,,,0.05,0.01,effekt\nemployment,,lm_lin,ITT,sex,,,other\n");
    const { file, rows } = readEffectTableLines(path);
    expect(file).toBe("effects.csv");
    expect(rows).toEqual([
      { line: 2, outcome: "=employment", horizon: 1, estimator: "lm_lin", estimand: "", subgroup: "", allocation: "effekt", estimate: 0.05, std_error: 0.01 },
      { line: 3, outcome: "employment", horizon: null, estimator: "lm_lin", estimand: "ITT", subgroup: "sex", allocation: "other", estimate: null, std_error: null },
    ]);
  });

  it("names every bad cell in one error: horizon not a whole number >= 1, negative std_error, empty outcome", () => {
    const path = join(tempDir(), "effects.csv");
    writeFileSync(path, "outcome,horizon,estimator,estimate,std_error\nemployment,0.5,lm_lin,0.05,-1\n,2,lm_lin,0.05,0.01\n");
    let message = "";
    try { readEffectTableLines(path); } catch (e) { message = (e as Error).message; }
    expect(message).toMatch(/line 2.*horizon/s);
    expect(message).toMatch(/whole number of years \(1 or more\), or empty/);
    expect(message).toMatch(/line 2.*std_error/s);
    expect(message).toMatch(/line 3.*outcome/s);
  });
});
