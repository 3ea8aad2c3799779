import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effekt, tempDir } from "../helpers.js";

/**
 * `effekt draw`'s terminal lines about counts (the wave by arm, exclusions by reason, each stratum's
 * eligible, treatment and control households, the register's size; the dry run's eligibility by area) go through
 * src/disclosure with --min-cell (default 5). Fixture: Karup Kølvrå has 4 households, 3 eligible, 1 drawn for
 * treatment. On the old code the terminal printed "Karup Kølvrå: 3 eligible, 1 treatment, 2 control".
 */
function fixture(): { dir: string; h: string } {
  const dir = tempDir();
  const rows = ["household_id,area,active_cases,adults"];
  for (let i = 0; i < 40; i++) rows.push(`H${String(i).padStart(3, "0")},Houlkær,${i < 30 ? 2 : 0},${1 + (i % 3)}`);
  for (let i = 40; i < 44; i++) rows.push(`H${String(i).padStart(3, "0")},Karup Kølvrå,${i < 43 ? 2 : 1},${1 + (i % 2)}`);
  for (let i = 44; i < 70; i++) rows.push(`H${String(i).padStart(3, "0")},Ellekonebakken,2,${1 + (i % 2)}`);
  const h = join(dir, "households.csv");
  writeFileSync(h, `${rows.join("\n")}\n`);
  return { dir, h };
}
const TREAT = "Houlkær=10,Karup Kølvrå=1,Ellekonebakken=8";
const stratumLine = (out: string, name: string) => out.split("\n").find((l) => l.startsWith(`  ${name}: `) && l.includes("p_treatment"))!;
const numbers = (line: string) => [...line.replace(/p_treatment.*$/, "").matchAll(/(?<![\w.])(\d+)(?![\w.])/g)].map((m) => Number(m[1]));

describe("effekt draw: counts on the terminal under disclosure control", () => {
  it("a stratum of 3 eligible households (1 treated) is [s], with a partner, in the draw and in its dry run alike", () => {
    const { dir, h } = fixture();
    const args = ["draw", "--households", h, "--register", join(dir, "allocations.csv"), "--wave", "1", "--seed", "x", "--treat", TREAT];
    const dry = effekt([...args, "--dry-run"]);
    const run = effekt(args);
    expect(dry.code, dry.stderr).toBe(0);
    expect(run.code, run.stderr).toBe(0);
    for (const out of [dry.stdout, run.stdout]) {
      const karup = stratumLine(out, "Karup Kølvrå");
      expect(karup).toMatch(/\[s\] eligible, \[s\] (places \(treatment\)|treatment), \[s\] control, p_treatment \[s\]/);
      // the total minus the other strata would give Karup back: one of them is hidden too
      const others = ["Houlkær", "Ellekonebakken"].map((a) => stratumLine(out, a));
      expect(others.some((l) => l.includes("[s] eligible"))).toBe(true);
      expect(out).toContain("[s]: fewer than 5 households, or would give such a count back");
      // no count of 1..4 households is printed about strata or areas
      for (const l of out.split("\n").filter((x) => /^ {2}\S/.test(x))) for (const n of numbers(l)) expect(n === 0 || n >= 5, l).toBe(true);
    }
    // the same strata hidden in both outputs (one structure), so together they give back no more
    for (const a of ["Houlkær", "Ellekonebakken", "Karup Kølvrå"]) {
      expect(stratumLine(dry.stdout, a).includes("[s] eligible")).toBe(stratumLine(run.stdout, a).includes("[s] eligible"));
    }
    expect(run.stdout).toMatch(/wave 1 drawn: 59 eligible households, 19 treatment, 40 control/);
  });

  it("--min-cell 3 shows the stratum of 3 eligible (1 treated is still hidden); --min-cell 2 is refused", () => {
    const { dir, h } = fixture();
    const r = effekt(["draw", "--households", h, "--register", join(dir, "a.csv"), "--wave", "1", "--seed", "x", "--treat", TREAT, "--dry-run", "--min-cell", "3"]);
    expect(r.code, r.stderr).toBe(0);
    expect(stratumLine(r.stdout, "Karup Kølvrå")).toMatch(/\[s\] places \(treatment\)/);
    const bad = effekt(["draw", "--households", h, "--register", join(dir, "b.csv"), "--wave", "1", "--seed", "x", "--treat", TREAT, "--dry-run", "--min-cell", "2"]);
    expect(bad.code).toBe(2);
  });
});
