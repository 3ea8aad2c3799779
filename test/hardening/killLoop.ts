import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import seedrandom from "seedrandom";
import { ROOT } from "../helpers.js";

/** How long an undisturbed `effekt <args>` takes, in ms (the window the kills are spread over). */
export function timeRun(args: string[], cwd = ROOT): { ms: number; code: number; stderr: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "effekt"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { ms: performance.now() - start, code: r.status ?? -1, stderr: r.stderr };
}

/** The script a kill test runs: bin/effekt, or test/hardening/effektWithReport.mjs for a command not yet in main.ts. */
export const EFFEKT = join(ROOT, "bin", "effekt");
export const EFFEKT_WITH_REPORT = join(ROOT, "test", "hardening", "effektWithReport.mjs");

/** Starts `effekt <args>` and SIGKILLs it after `delayMs` (if it is still running); resolves when it has exited. */
export function runAndKill(args: string[], delayMs: number, cwd = ROOT, bin = EFFEKT): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: "ignore", env: { ...process.env, NO_COLOR: "1" } });
    let killed = false;
    const timer = setTimeout(() => { killed = child.kill("SIGKILL"); }, delayMs);
    child.on("exit", (code) => { clearTimeout(timer); resolve({ killed: killed && code === null, code }); });
  });
}

/**
 * Kill delays spread evenly over [0, 1.2 x the undisturbed duration], shuffled by a seeded generator, so every
 * phase of the run is hit (start-up, reading, computing, each write, the renames) and a few runs complete.
 */
export function killDelays(n: number, durationMs: number, seed: string): number[] {
  const rng = seedrandom(seed);
  const delays = Array.from({ length: n }, (_, k) => ((k + rng()) / n) * 1.2 * durationMs);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [delays[i], delays[j]] = [delays[j], delays[i]];
  }
  return delays;
}

/** KILL_RUNS (the env) raises the count; a command-specific default otherwise. */
export function killRuns(defaultRuns: number): number {
  return process.env.KILL_RUNS ? Math.max(defaultRuns, Number(process.env.KILL_RUNS)) : defaultRuns;
}

/** Like timeRun, but `n` runs at once (as the kill loop runs them), in folders made by `prepare`; the slowest one's ms. */
export async function timeParallel(n: number, argsFor: (i: number) => string[], bin = EFFEKT): Promise<number> {
  const times = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      new Promise<number>((resolve, reject) => {
        const start = performance.now();
        const child = spawn(process.execPath, [bin, ...argsFor(i)], { stdio: "ignore", env: { ...process.env, NO_COLOR: "1" } });
        child.on("exit", (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`undisturbed run ${i} exited ${code}`))));
      }),
    ),
  );
  return Math.max(...times);
}
