/**
 * `npm run bench`: every benchmark, medians of BENCH_REPS runs (default 5; this machine has 2 noisy cores, so
 * single timings mean little), then one table of figure / target / met. BENCH_ONLY=help,draw,ri,ri-plan,cr2,r,estimate
 * runs a subset. One file per benchmark: help.ts, draw.ts, ri.ts, ri_plan.ts, cr2.ts (+ cr2_child.ts), r_compare.ts,
 * estimate_cli.ts.
 */
import { benchCr2 } from "./cr2.js";
import { benchDraw } from "./draw.js";
import { benchEstimateCli } from "./estimate_cli.js";
import { benchHelp } from "./help.js";
import { benchR } from "./r_compare.js";
import { benchRi } from "./ri.js";
import { benchRiPlan } from "./ri_plan.js";
import { REPS, printTable, type BenchRow } from "./common.js";

const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",").map((s) => s.trim())) : undefined;
const want = (name: string): boolean => !only || only.has(name);

console.log(`effekt bench (medians of ${REPS} runs; node ${process.version})`);
const rows: BenchRow[] = [];
const section = async (name: string, f: () => BenchRow[] | Promise<BenchRow[]>): Promise<void> => {
  if (!want(name)) return;
  const t0 = performance.now();
  const r = await f();
  rows.push(...r);
  console.error(`  ${name}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
};
await section("help", benchHelp);
await section("draw", benchDraw);
let riMs: number | undefined;
await section("ri", () => {
  const r = benchRi();
  riMs = r[0].ms;
  return r;
});
await section("ri-plan", () => benchRiPlan());
await section("cr2", () => benchCr2());
await section("r", () => benchR(riMs));
await section("estimate", () => benchEstimateCli());
console.log("");
printTable(rows);
const missed = rows.filter((r) => r.met === false);
if (missed.length > 0) console.log(`\n${missed.length} target(s) missed`);
