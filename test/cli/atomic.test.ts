import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { effekt, ROOT, SAMPLES, tempDir } from "../helpers.js";

const KILLS = Number(process.env.KILL_RUNS ?? 12);

function bigHouseholds(path: string, n: number): void {
  const areas = ["Houlkær", "Ellekonebakken", "Karup Kølvrå"];
  const rows = ["household_id,area,active_cases,employed_share"];
  for (let i = 0; i < n; i++) rows.push(`B${String(i).padStart(7, "0")},${areas[i % 3]},${2 + (i % 2)},${(i % 10) / 10}`);
  writeFileSync(path, `${rows.join("\n")}\n`);
}

describe("a draw killed at any moment leaves the register as before or as after", () => {
  it(`survives ${KILLS} SIGKILLs during a large wave, then completes and verifies`, async () => {
    const d = tempDir();
    const register = join(d, "allocations.csv");
    const big = join(d, "big.csv");
    bigHouseholds(big, 200_000);
    expect(effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01", "--register", register, "--wave", "1", "--seed", "s1", "--treat", "20"]).code).toBe(0);
    const before = readFileSync(register);
    const wave2 = ["draw", "--households", big, "--register", register, "--wave", "2", "--seed", "s2", "--treat", "50000", "--date", "2025-09-01"];
    // Time an undisturbed run on a copy to know the window to kill in.
    const rng = seedrandom("kill-test");
    let after: Buffer | undefined;
    for (let k = 0; k < KILLS; k++) {
      const delay = Math.floor(rng() * 2500);
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, "bin", "effekt"), ...wave2], { stdio: "ignore" });
        const timer = setTimeout(() => child.kill("SIGKILL"), delay);
        child.on("exit", () => { clearTimeout(timer); resolve(); });
      });
      const now = readFileSync(register);
      if (!now.equals(before)) {
        after ??= now;
        expect(now.equals(after)).toBe(true);
      }
      const v = effekt(["verify", "--register", register]);
      expect(v.code, v.stderr).toBe(0);
      if (now.equals(before)) expect(v.stdout).toMatch(/verified: 1 wave,/);
      else expect(v.stdout).toMatch(/verified: 2 waves,/);
    }
    // Finishing the wave afterwards works (a stale lock from a killed draw is taken over) and verifies.
    const done = effekt(wave2);
    expect(done.code, done.stderr).toBe(0);
    expect(existsSync(`${register}.lock`)).toBe(false);
    expect(effekt(["verify", "--register", register]).stdout).toMatch(/verified: 2 waves, /);
  });

  it("two draws on one register at once: one wins, the other is refused, nothing is lost", async () => {
    const d = tempDir();
    const register = join(d, "allocations.csv");
    const big = join(d, "big.csv");
    bigHouseholds(big, 100_000);
    const run = (seed: string) =>
      new Promise<{ code: number; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, "bin", "effekt"), "draw", "--households", big, "--register", register, "--wave", "1", "--seed", seed, "--treat", "1000"], { stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (b) => (stderr += b));
        child.on("exit", (code) => resolve({ code: code ?? -1, stderr }));
      });
    const [a, b] = await Promise.all([run("first"), run("second")]);
    expect([a.code, b.code].sort()).toEqual([0, 2]);
    const loser = a.code === 2 ? a : b;
    expect(loser.stderr).toMatch(/is locked by process|already drawn with different settings/);
    expect(effekt(["verify", "--register", register]).code).toBe(0);
  });
});
