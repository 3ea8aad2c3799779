import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { effekt, ROOT, SAMPLES, tempDir } from "../helpers.js";
import { spawnSync } from "node:child_process";
import { EFFEKT_WITH_REPORT, killDelays, killRuns, runAndKill, timeParallel } from "./killLoop.js";

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
      leftovers: /^allocations\.csv(\.balance\.csv|\.balance\.joint\.csv|\.lock|\.manifests)?$/,
    });
  });

  it("report --out DIR --force: the folder is the old one, absent, or complete and identical", async () => {
    // The results folder the report reads: the register of two waves, an effect table, indicators and gains.
    const results = join(root, "report-results");
    cpSync(join(root, "base"), results, { recursive: true });
    const make = (args: string[]) => expect(effekt(args).code).toBe(0);
    make(["estimate", "--register", join(results, "allocations.csv"), "--persons", join(SAMPLES, "persons.csv"), "--outcomes", join(SAMPLES, "outcomes.csv"), "--takeup", join(SAMPLES, "takeup.csv"), "--outcome", "employment", "--window", "first", "--no-progress", "--out", join(results, "effects.csv")]);
    make(["indicators", "--spec", join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json"), "--values", join(SAMPLES, "indicator-values.csv"), "--out", join(results, "indicators.csv")]);
    make(["gains", "--model", join(ROOT, "analyses", "gains-relationel-velfaerd.json"), "--assume", "employment=0.03", "--out", join(results, "gains.json")]);
    const args = (dir: string) => ["report", "--audience", "sus", "--results", results, "--takeup", join(SAMPLES, "takeup.csv"), "--out", join(dir, "report"), "--force"];
    const snapshot = (folder: string): Map<string, Buffer> | undefined => {
      if (!existsSync(folder)) return undefined;
      const files = new Map<string, Buffer>();
      const walk = (d: string, prefix: string) => {
        for (const name of readdirSync(d).sort()) {
          const p = join(d, name);
          if (statSync(p).isDirectory()) walk(p, `${prefix}${name}/`);
          else files.set(`${prefix}${name}`, readFileSync(p));
        }
      };
      walk(folder, "");
      return files;
    };
    const same = (a: Map<string, Buffer> | undefined, b: Map<string, Buffer> | undefined) =>
      a !== undefined && b !== undefined && a.size === b.size && [...a].every(([k, v]) => b.get(k)?.equals(v));
    const dirs = Array.from({ length: PARALLEL }, (_, i) => join(root, `report-${i}`));
    for (const dir of dirs) mkdirSync(dir, { recursive: true });
    const window = await timeParallel(PARALLEL, (i) => args(dirs[i]), EFFEKT_WITH_REPORT);
    const reference = dirs.map((dir) => snapshot(join(dir, "report"))!);
    expect(reference[0].has("report.xlsx")).toBe(true);
    // The old folder is an earlier effekt report (--force replaces nothing else): its manifest lists its one file.
    const oldManifest = `${JSON.stringify({ format: "effekt-report-manifest/1", outputs: [{ file: "old.txt", sha256: "" }] })}\n`;
    const old = new Map([["manifest.json", Buffer.from(oldManifest)], ["old.txt", Buffer.from("old\n")]]);
    const kills = killRuns(20);
    const delays = killDelays(kills, window, "kill-report");
    const seen = { old: 0, absent: 0, complete: 0 };
    await Promise.all(
      dirs.map(async (dir, i) => {
        for (let k = i; k < kills; k += PARALLEL) {
          rmSync(join(dir, "report"), { recursive: true, force: true });
          mkdirSync(join(dir, "report"));
          writeFileSync(join(dir, "report", "old.txt"), "old\n");
          writeFileSync(join(dir, "report", "manifest.json"), oldManifest);
          await runAndKill(args(dir), delays[k], ROOT, EFFEKT_WITH_REPORT);
          const now = snapshot(join(dir, "report"));
          if (now === undefined) seen.absent++;
          else if (same(now, old)) seen.old++;
          else {
            expect(same(now, reference[i]), `report: kill at ${delays[k].toFixed(0)} ms left a partial folder (${[...now.keys()].join(", ")})`).toBe(true);
            seen.complete++;
          }
        }
      }),
    );
    console.log(`report: ${kills} kills over 0-${(1.2 * window).toFixed(0)} ms: ${JSON.stringify(seen)}`);
    expect(seen.old + seen.absent).toBeGreaterThan(0);
    // A later run replaces whatever the kills left and writes the reference folder.
    for (const [i, dir] of dirs.entries()) {
      const r = spawnSync(process.execPath, [EFFEKT_WITH_REPORT, ...args(dir)], { encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      expect(same(snapshot(join(dir, "report")), reference[i])).toBe(true);
      for (const name of readdirSync(dir)) expect(name).toMatch(/^(report|\.report\.(tmp|old)-\d+-[0-9a-f]{8})$/);
    }
  });
});
