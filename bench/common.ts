/**
 * Shared by the benchmarks: medians (this machine has 2 noisy cores, so single timings mean little), the result
 * table, and peak memory of a child process.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** the repository root (bench files run from dist/bench/) */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 5));

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** One row of the result table: what was measured, the figure, the target and whether it is met. */
export interface BenchRow {
  figure: string;
  value: string;
  target: string;
  /** true/false when there is a target, undefined for context rows (e.g. R's time) */
  met?: boolean;
  /** the raw figure in ms, where other benchmarks need it */
  ms?: number;
}

export function printTable(rows: readonly BenchRow[]): void {
  const w = Math.max(...rows.map((r) => r.figure.length), 6);
  console.log(`${"figure".padEnd(w)}  ${"value".padStart(14)}  ${"target".padEnd(18)}  met`);
  for (const r of rows) {
    console.log(`${r.figure.padEnd(w)}  ${r.value.padStart(14)}  ${r.target.padEnd(18)}  ${r.met === undefined ? "" : r.met ? "yes" : "NO"}`);
  }
}

/** Runs `node script args` in a fresh process: wall time (ms) and peak resident memory (MB, from GNU time). */
export function timedNode(args: readonly string[], env: NodeJS.ProcessEnv = process.env): { ms: number; peakMb?: number; cpuMs?: number; stdout: string; stderr: string; status: number | null } {
  return timedCommand(process.execPath, args, env);
}

export function timedCommand(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): { ms: number; peakMb?: number; cpuMs?: number; stdout: string; stderr: string; status: number | null } {
  const hasTime = existsSync("/usr/bin/time");
  const t0 = performance.now();
  const res = hasTime
    ? spawnSync("/usr/bin/time", ["-f", "%U %S %M", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 28, env })
    : spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 28, env });
  const ms = performance.now() - t0;
  let stderr = res.stderr ?? "";
  let peakMb: number | undefined;
  let cpuMs: number | undefined;
  if (hasTime) {
    const lines = stderr.trimEnd().split("\n");
    const [user, sys, peakKb] = (lines.pop() ?? "").trim().split(/\s+/).map(Number);
    peakMb = peakKb / 1024;
    cpuMs = (user + sys) * 1000;
    stderr = lines.join("\n");
  }
  return { ms, peakMb, cpuMs, stdout: res.stdout ?? "", stderr, status: res.status };
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
