import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { effekt, ROOT, SAMPLES, tempDir } from "../helpers.js";
import { killDelays, killRuns, runAndKill, timeParallel } from "./killLoop.js";

/**
 * Every command that writes, killed (SIGKILL) at seeded moments spread over an undisturbed run: each output is
 * afterwards either as it was before the run (absent, or the old file) or complete and identical to what an
 * undisturbed run writes, never partial; and a later run in the same folder is not tripped up by what the killed
 * runs left (temp files, a lock) and writes the same bytes. `draw` has its own, larger test in test/cli/atomic.test.ts.
 */

const PARALLEL = 2;
const root = tempDir();
const register = join(root, "base", "allocations.csv");

beforeAll(() => {
  for (const [wave, date] of [[1, "2025-03-01"], [2, "2025-09-01"]] as const) {
    const r = effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", date, "--register", register, "--wave", String(wave), "--seed", `k${wave}`, "--treat", "80"]);
    expect(r.code, r.stderr).toBe(0);
  }
});

interface Writer {
  name: string;
  kills: number;
  /** The command's arguments, writing into `dir`. */
  args: (dir: string) => string[];
  /** The files it writes in `dir`. */
  outputs: (dir: string) => string[];
  /** Puts `dir` in the state before a run: an old version of each output, or none (`old` undefined). */
  reset: (dir: string) => void;
  old?: string;
  /** Names a killed run may leave in `dir` besides the outputs and the inputs. */
  leftovers: RegExp;
}

function resetOutputs(w: Writer, dir: string): void {
  for (const f of w.outputs(dir)) {
    if (w.old === undefined) rmSync(f, { force: true });
    else writeFileSync(f, w.old);
  }
}

async function killTest(w: Writer): Promise<void> {
  const dirs = Array.from({ length: PARALLEL }, (_, i) => join(root, `${w.name}-${i}`));
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true });
    w.reset(dir);
  }
  // Undisturbed runs, side by side as the kills will run: the reference bytes and the window to kill in.
  const window = await timeParallel(PARALLEL, (i) => w.args(dirs[i]));
  const reference = dirs.map((dir) => w.outputs(dir).map((f) => readFileSync(f)));
  const delays = killDelays(w.kills, window, `kill-${w.name}`);
  const seen = { old: 0, complete: 0 };
  await Promise.all(
    dirs.map(async (dir, i) => {
      for (let k = i; k < w.kills; k += PARALLEL) {
        w.reset(dir);
        resetOutputs(w, dir);
        await runAndKill(w.args(dir), delays[k]);
        w.outputs(dir).forEach((f, j) => {
          const now = existsSync(f) ? readFileSync(f) : undefined;
          const isOld = w.old === undefined ? now === undefined : now?.toString() === w.old;
          if (isOld) seen.old++;
          else {
            expect(now?.equals(reference[i][j]), `${w.name}: kill at ${delays[k].toFixed(0)} ms left ${f} partial or different`).toBe(true);
            seen.complete++;
          }
        });
      }
    }),
  );
  console.log(`${w.name}: ${w.kills} kills over 0-${(1.2 * window).toFixed(0)} ms; outputs old ${seen.old}, complete ${seen.complete}`);
  expect(seen.old).toBeGreaterThan(0);
  // A later run in the same folders writes exactly the reference bytes; only hidden temp files of killed runs remain.
  for (const [i, dir] of dirs.entries()) {
    w.reset(dir);
    resetOutputs(w, dir);
    const r = effekt(w.args(dir));
    expect(r.code, r.stderr).toBe(0);
    w.outputs(dir).forEach((f, j) => expect(readFileSync(f).equals(reference[i][j]), `${f} after a clean run`).toBe(true));
    const outputs = new Set(w.outputs(dir).map((f) => f.slice(dir.length + 1)));
    for (const name of readdirSync(dir)) if (!outputs.has(name)) expect(name, `${w.name}: left in ${dir}`).toMatch(w.leftovers);
  }
}

const tempName = /^\..+\.tmp-\d+-[0-9a-f]{8}$/;

describe("a writing command killed at any moment leaves each output old or complete", () => {
  it("estimate --out: the effect table and its .meta.json", async () => {
    await killTest({
      name: "estimate",
      kills: killRuns(20),
      args: (dir) => ["estimate", "--register", register, "--persons", join(SAMPLES, "persons.csv"), "--outcomes", join(SAMPLES, "outcomes.csv"), "--takeup", join(SAMPLES, "takeup.csv"), "--outcome", "employment", "--outcome", "wellbeing", "--window", "first", "--permutations", "20", "--seed", "k", "--no-progress", "--out", join(dir, "effects.csv")],
      outputs: (dir) => [join(dir, "effects.csv"), join(dir, "effects.csv.meta.json")],
      reset: () => {},
      old: "old\n",
      leftovers: tempName,
    });
  });

  it("indicators --out", async () => {
    await killTest({
      name: "indicators",
      kills: killRuns(20),
      args: (dir) => ["indicators", "--spec", join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json"), "--values", join(SAMPLES, "indicator-values.csv"), "--out", join(dir, "indicators.csv")],
      outputs: (dir) => [join(dir, "indicators.csv")],
      reset: () => {},
      leftovers: tempName,
    });
  });

  it("gains --out", async () => {
    await killTest({
      name: "gains",
      kills: killRuns(20),
      args: (dir) => ["gains", "--model", join(ROOT, "analyses", "gains-relationel-velfaerd.json"), "--assume", "employment=0.03", "--out", join(dir, "gains.json")],
      outputs: (dir) => [join(dir, "gains.json")],
      reset: () => {},
      old: "{}\n",
      leftovers: tempName,
    });
  });

  it("plan lock: the lock file beside the register", async () => {
    await killTest({
      name: "plan-lock",
      kills: killRuns(20),
      args: (dir) => ["plan", "lock", "--plan", join(ROOT, "analyses", "relationel-velfaerd.json"), "--register", join(dir, "allocations.csv"), "--date", "2025-10-01"],
      outputs: (dir) => [join(dir, "allocations.csv.manifests", "plan-lock.json")],
      // Each run starts from the register of two waves and no lock.
      reset: (dir) => {
        rmSync(join(dir, "allocations.csv.manifests"), { recursive: true, force: true });
        cpSync(join(root, "base"), dir, { recursive: true });
      },
      leftovers: /^allocations\.csv(\.balance\.csv|\.lock|\.manifests)?$/,
    });
  });
});
