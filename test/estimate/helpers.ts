import type { EstimateResult } from "../../src/estimate/result.js";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const FIXTURES = fileURLToPath(new URL("../oracle/fixtures/", import.meta.url));

/** Loads test/oracle/fixtures/<name>.json (written by test/oracle/estimatr.R). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadFixture(name: string): any {
  return JSON.parse(readFileSync(`${FIXTURES}${name}.json`, "utf8"));
}

/** |actual - expected| <= rel * max(|expected|, floor). */
export function expectClose(actual: number, expected: number, rel = 1e-8, floor = 1e-300, label = ""): void {
  const tol = rel * Math.max(Math.abs(expected), floor);
  const ok = actual === expected || Math.abs(actual - expected) <= tol;
  if (!ok) {
    expect.fail(`${label}: got ${actual}, expected ${expected} (rel diff ${Math.abs(actual - expected) / Math.abs(expected)})`);
  }
}

export interface RResult {
  term: string[];
  estimate: number[];
  std_error: number[];
  df: number[];
  statistic: number[];
  p_value: number[];
  ci_low: number[];
  ci_high: number[];
}

/** The numbers of an estimate row that the fixtures pin (the row's name and alpha are checked separately). */
export type TsResult = Omit<EstimateResult, "term" | "alpha">;

/** Compares one coefficient of an R result with an effekt result, every field to `rel` relative. */
export function expectMatchesR(actual: TsResult, r: RResult, index: number, rel = 1e-8, label = ""): void {
  for (const key of ["estimate", "std_error", "df", "statistic", "p_value", "ci_low", "ci_high"] as const) {
    expectClose(actual[key], r[key][index], rel, 1e-300, `${label} ${r.term[index]} ${key}`);
  }
}

export function f64(values: number[]): Float64Array {
  return Float64Array.from(values);
}
export function i32(values: number[]): Int32Array {
  return Int32Array.from(values);
}
