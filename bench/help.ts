/**
 * `effekt --help` in a fresh process against a bare `node -e 0` start: the CLI loads only the command
 * it runs (src/cli/commands.ts), so the root help costs little more than Node itself. Target: under 0.15 s.
 */
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { REPS, ROOT, median, seconds, type BenchRow } from "./common.js";

function wallMs(args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${r.stderr}`);
  return performance.now() - t0;
}

export function benchHelp(): BenchRow[] {
  const reps = Math.max(REPS, 5);
  const help: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < reps; i++) {
    bare.push(wallMs(["-e", "0"]));
    help.push(wallMs([join(ROOT, "bin", "effekt"), "--help"]));
  }
  const h = median(help);
  return [
    { figure: "effekt --help (fresh process)", value: seconds(h), target: "< 0.15 s", met: h < 150, ms: h },
    { figure: "  bare node -e 0, for comparison", value: seconds(median(bare)), target: "" },
  ];
}
