import { spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { effekt, ROOT, SAMPLES, tempDir } from "../helpers.js";
import { killDelays, killRuns, runAndKill, timeParallel, timeRun } from "../hardening/killLoop.js";
import { verifyRegister } from "../../src/verify/register.js";

/** At least 100 kills by default (KILL_RUNS=1000 for more); two run at once, one per core. */
const KILLS = killRuns(100);
const PARALLEL = 2;

function bigHouseholds(path: string, n: number): void {
  const areas = ["Houlkær", "Ellekonebakken", "Karup Kølvrå"];
  const rows = ["household_id,area,active_cases,employed_share"];
  for (let i = 0; i < n; i++) rows.push(`B${String(i).padStart(7, "0")},${areas[i % 3]},${2 + (i % 2)},${(i % 10) / 10}`);
  writeFileSync(path, `${rows.join("\n")}\n`);
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const readOr = (p: string) => (existsSync(p) ? readFileSync(p) : undefined);

describe("a draw killed at any moment leaves the register as before or as after", () => {
  it(`survives ${KILLS} SIGKILLs at moments spread over a wave's run: register and manifests before or after, verify passes`, async () => {
    const d = tempDir();
    const big = join(d, "big.csv");
    bigHouseholds(big, 5_000);
    // Wave 1 (small, from the samples) is the state before; wave 2 (5,000 households) is the wave that gets killed.
    const base = join(d, "base");
    const wave1 = effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01", "--register", join(base, "allocations.csv"), "--wave", "1", "--seed", "s1", "--treat", "20"]);
    expect(wave1.code, wave1.stderr).toBe(0);
    const wave2 = (dir: string) => ["draw", "--households", big, "--register", join(dir, "allocations.csv"), "--wave", "2", "--seed", "s2", "--treat", "1500", "--date", "2025-09-01"];

    // The state after: an undisturbed run on a copy, timed to know the window to kill in.
    const ref = join(d, "ref");
    cpSync(base, ref, { recursive: true });
    const undisturbed = timeRun(wave2(ref));
    expect(undisturbed.code, undisturbed.stderr).toBe(0);
    const state = (dir: string) => ({
      register: readFileSync(join(dir, "allocations.csv")),
      manifest2: readOr(join(dir, "allocations.csv.manifests", "wave-0002.json")),
      balance: readOr(join(dir, "allocations.csv.balance.csv")),
      joint: readOr(join(dir, "allocations.csv.balance.joint.csv")),
    });
    const before = state(base);
    const after = state(ref);
    expect(before.manifest2).toBeUndefined();

    // verify is a pure function of the register, the manifests and the (unchanged) inputs: run it once per distinct state.
    const verified = new Map<string, string>();
    const seen = { before: 0, beforeWithUncommittedManifest: 0, after: 0 };
    const workers = Array.from({ length: PARALLEL }, (_, w) => join(d, `w${w}`));
    // The window: the slowest of PARALLEL undisturbed runs side by side, as the kills run (then reset below).
    for (const dir of workers) cpSync(base, dir, { recursive: true });
    const window = Math.max(undisturbed.ms, await timeParallel(PARALLEL, (i) => wave2(workers[i])));
    const delays = killDelays(KILLS, window, "kill-draw");
    await Promise.all(
      workers.map(async (dir, w) => {
        for (let k = w; k < KILLS; k += PARALLEL) {
          // Each kill starts from the state before the wave (leftover temp files and a stale lock stay: a later run must not trip over them).
          cpSync(join(base, "allocations.csv"), join(dir, "allocations.csv"));
          rmSync(join(dir, "allocations.csv.manifests"), { recursive: true, force: true });
          cpSync(join(base, "allocations.csv.manifests"), join(dir, "allocations.csv.manifests"), { recursive: true });
          rmSync(join(dir, "allocations.csv.balance.csv"), { force: true });
          await runAndKill(wave2(dir), delays[k]);
          const now = state(dir);
          if (now.register.equals(before.register)) {
            // Killed before the commit point: at most the new wave's manifest was written (uncommitted, removed by the next draw).
            if (now.manifest2) expect(now.manifest2.equals(after.manifest2!), "a partial manifest").toBe(true);
            if (now.manifest2) seen.beforeWithUncommittedManifest++;
            else seen.before++;
          } else {
            expect(now.register.equals(after.register), `kill ${k} after ${delays[k].toFixed(0)} ms left a register that is neither before nor after`).toBe(true);
            expect(now.manifest2?.equals(after.manifest2!)).toBe(true);
            seen.after++;
          }
          if (now.balance) expect(now.balance.equals(after.balance!), "a partial balance table").toBe(true);
          const key = `${sha(now.register)}:${now.manifest2 ? sha(now.manifest2) : "-"}`;
          if (!verified.has(key)) verified.set(key, verifyRegister(join(dir, "allocations.csv")));
          expect(verified.get(key)).toMatch(now.register.equals(before.register) ? /^1 wave,/ : /^2 waves,/);
        }
      }),
    );
    console.log(`draw: ${KILLS} kills spread over 0-${(1.2 * window).toFixed(0)} ms: ${JSON.stringify(seen)}`);
    expect(seen.before, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(seen.after, JSON.stringify(seen)).toBeGreaterThan(0);

    // Finishing the wave afterwards works (a stale lock is taken over, temp files are ignored), gives the same bytes and verifies.
    for (const dir of workers) {
      const done = effekt(wave2(dir));
      expect(done.code, done.stderr).toBe(0);
      expect(existsSync(join(dir, "allocations.csv.lock"))).toBe(false);
      const final = state(dir);
      for (const k of ["register", "manifest2", "balance", "joint"] as const) expect(final[k]?.equals(after[k]!), `${k} after finishing in ${dir}`).toBe(true);
      expect(effekt(["verify", "--register", join(dir, "allocations.csv")]).stdout).toMatch(/verified: 2 waves, /);
      // Only hidden temp files of killed runs may be left, never under the name of an output.
      for (const name of readdirSync(dir)) expect(name).toMatch(/^(allocations\.csv(\.manifests|\.balance\.csv|\.balance\.joint\.csv)?|\.allocations\.csv(\.balance\.csv|\.balance\.joint\.csv)?\.tmp-\d+-[0-9a-f]{8})$/);
    }
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
