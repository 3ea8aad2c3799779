import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { vi } from "vitest";

export const ROOT = resolve(import.meta.dirname, "..");
export const SAMPLES = join(ROOT, "samples");

/** Runs the built CLI (`npm test` builds first) and returns exit code and output. */
export function effekt(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "effekt"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "effekt-test-"));
}

/** Every file under `dir`, recursively, as paths that start with `dir`, sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

/** `effekt` without blocking the test worker (a long run of spawnSync calls trips vitest's worker RPC timeout). */
export function effektAsync(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "effekt"), ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => { stdout += s; });
    child.stderr.setEncoding("utf8").on("data", (s: string) => { stderr += s; });
    child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs `f` in-process with what it writes to stdout captured instead of printed: its value and that text. */
export function quiet<T>(f: () => T): { value: T; out: string } {
  const lines: string[] = [];
  const log = vi.spyOn(process.stdout, "write").mockImplementation((s) => (lines.push(String(s)), true));
  try {
    return { value: f(), out: lines.join("") };
  } finally {
    log.mockRestore();
  }
}

/**
 * The sample lottery (samples/households.csv and cases.csv) drawn into `register`: wave 1 on 2025-03-01 with 80
 * places, and with `waves` 2 also wave 2 on 2025-09-01 with 60, by the seeds the README uses. Throws if a draw fails.
 */
export function drawSampleLottery(register: string, waves: 1 | 2 = 1): void {
  const plan = [["2025-03-01", "1", "viborg-2025-wave-1", "80"], ["2025-09-01", "2", "viborg-2025-wave-2", "60"]].slice(0, waves);
  for (const [date, wave, seed, treat] of plan) {
    const r = effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", date, "--register", register, "--wave", wave, "--seed", seed, "--treat", treat]);
    if (r.code !== 0) throw new Error(`drawing the sample lottery's wave ${wave} failed: ${r.stderr}`);
  }
}
