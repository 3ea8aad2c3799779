import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effektAsync, SAMPLES, tempDir } from "../helpers.js";

/**
 * The joint test of balance (all covariates at once, randomisation inference on the
 * lottery's own re-draws, src/estimate/balance_lottery.ts, checked against R by test/estimate/balance_lottery.test.ts)
 * is written by `effekt draw` beside the balance table (`<register>.balance.joint.csv`, data-schemas/balance.md)
 * and printed under it.
 */
function folder(): { reg: string; h: string; c: string } {
  const d = tempDir();
  mkdirSync(join(d, "data"));
  const h = join(d, "data", "households.csv");
  const c = join(d, "data", "cases.csv");
  copyFileSync(join(SAMPLES, "households.csv"), h);
  copyFileSync(join(SAMPLES, "cases.csv"), c);
  return { reg: join(d, "allocations.csv"), h, c };
}
const draw = (f: { reg: string; h: string; c: string }, wave: number, extra: string[] = []) =>
  effektAsync(["draw", "--households", f.h, "--cases", f.c, "--date", wave === 1 ? "2025-03-01" : "2025-09-01", "--register", f.reg, "--wave", String(wave), "--seed", `viborg-2025-wave-${wave}`, "--treat", wave === 1 ? "80" : "60", ...extra]);
const rows = (path: string) => readFileSync(path, "utf8").trimEnd().split("\n").map((l) => l.split(","));

describe("effekt draw writes the joint test of balance beside the balance table", () => {
  it("one row per wave and pooled, from 1,000 re-draws; an earlier wave's row is unchanged by a later wave; rebuilt when missing", async () => {
    const f = folder();
    const w1 = await draw(f, 1);
    expect(w1.code, w1.stderr).toBe(0);
    const joint = `${f.reg}.balance.joint.csv`;
    const first = rows(joint);
    expect(first[0]).toEqual(["wave", "households", "columns", "statistic", "p_value", "redraws", "seed"]);
    expect(first.length).toBe(2);
    // wave 1 of the sample lottery: 321 households; 10 columns: adults, children, active_cases, employed_share,
    // school_absence and its missing indicator, benefit_type's five levels (one redundant)
    expect(first[1].slice(0, 3)).toEqual(["1", "321", "10"]);
    expect(first[1].slice(5)).toEqual(["1000", "effekt-joint-balance"]);
    const p1 = Number(first[1][4]);
    expect(p1).toBeGreaterThan(0);
    expect(p1).toBeLessThan(1);
    expect(w1.stdout).toContain(`joint test of balance, all covariates at once (randomisation inference, 1,000 re-draws of the lottery): wave 1 p = ${p1.toFixed(3)} (10 columns)`);
    const w2 = await draw(f, 2);
    expect(w2.code, w2.stderr).toBe(0);
    const both = rows(joint);
    expect(both.map((r) => r[0])).toEqual(["wave", "1", "2", "all"]);
    expect(both[1]).toEqual(first[1]);
    expect(both.slice(2).map((r) => r[1])).toEqual(["92", "413"]);
    expect(w2.stdout).toMatch(/wave 1 p = [0-9.]+ \(10 columns\); wave 2 p = [0-9.]+ \(10 columns\); all waves p = [0-9.]+ \(10 columns\)/);
    // a draw killed after its commit point: the joint file is rebuilt by re-running the same draw
    const bytes = readFileSync(joint, "utf8");
    rmSync(joint);
    const again = await draw(f, 2);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("joint balance test");
    expect(readFileSync(joint, "utf8")).toBe(bytes);
  }, 60_000);

  it("--balance-redraws sets the re-draws; 0 leaves the test out (header only); a bad value is one line, exit 2", async () => {
    const f = folder();
    const r = await draw(f, 1, ["--balance-redraws", "0"]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(`${f.reg}.balance.joint.csv`, "utf8")).toBe("wave,households,columns,statistic,p_value,redraws,seed\n");
    expect(r.stdout).toContain("joint test of balance left out (--balance-redraws 0)");
    const g = folder();
    const moved = join(tempDir(), "balance.csv");
    const s = await draw(g, 1, ["--balance-redraws", "200", "--balance", moved]);
    expect(s.code, s.stderr).toBe(0);
    expect(rows(moved.replace(/\.csv$/, ".joint.csv"))[1][5]).toBe("200");
    const bad = await draw(folder(), 1, ["--balance-redraws", "many"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  }, 60_000);
});
