/**
 * `effekt estimate` on a generated ~1 GB outcomes file: 80,000 households in two waves, 200,000
 * persons, weekly self-support status for three years after the draw (31 million rows), quick mode with
 * --window mean and one covariate, in a fresh process. Targets: peak memory below 2 GB, and reading
 * past 100 MB/s: the file's size over the whole command's wall time, and over its CPU time (on a machine other
 * jobs keep busy, the wall time mostly measures them). BENCH_ESTIMATE_PERSONS=40000 makes a ~200 MB file instead.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import seedrandom from "seedrandom";
import { drawWave } from "../src/draw/wave.js";
import { serializeRegister, type RegisterRow } from "../src/io/register.js";
import { readOutcomes } from "../src/io/outcomesStream.js";
import { REPS, ROOT, median, seconds, timedNode, type BenchRow } from "./common.js";

const WEEKS = 156;

/** The inputs: `persons` persons in persons / 2.5 households (200,000 gives the ~1 GB outcomes file). */
export async function writeInputs(dir: string, PERSONS = 200_000): Promise<void> {
  const HOUSEHOLDS = Math.round(PERSONS / 2.5 / 2) * 2;
  const rand = seedrandom("effekt-bench-estimate");
  const areas = ["Houlkær", "Ellekonebakken", "Karup Kølvrå"];
  const register: RegisterRow[] = [];
  const half = HOUSEHOLDS / 2;
  for (const wave of [1, 2]) {
    const ids = Array.from({ length: half }, (_, i) => `H${String((wave - 1) * half + i).padStart(6, "0")}`);
    const strata = ids.map(() => areas[Math.floor(rand() * 3)]);
    const d = drawWave({ householdIds: ids, strata, wave, seed: `bench-${wave}`, treat: { kind: "total", places: half / 2 }, drawDate: wave === 1 ? "2025-03-01" : "2025-09-01" });
    for (const a of d.allocations) register.push({ ...a, seal: "bench" });
  }
  writeFileSync(join(dir, "allocations.csv"), serializeRegister(register));
  const size = new Array<number>(HOUSEHOLDS).fill(1);
  for (let k = HOUSEHOLDS; k < PERSONS; k++) size[Math.floor(rand() * HOUSEHOLDS)]++;
  const persons = ["person_id,household_id,birth_year,sex,employed_baseline"];
  const personRows: { id: string; level: number; start: number }[] = [];
  register.sort((a, b) => (a.householdId < b.householdId ? -1 : 1));
  let p = 0;
  register.forEach((r, h) => {
    const re = rand() - 0.5;
    for (let k = 0; k < size[h]; k++) {
      const id = `P${String(++p).padStart(7, "0")}`;
      const employed = rand() < 0.4 ? 1 : 0;
      persons.push(`${id},${r.householdId},${1960 + Math.floor(rand() * 45)},${rand() < 0.5 ? "K" : "M"},${employed}`);
      personRows.push({ id, level: 0.2 + 0.4 * employed + 0.3 * re + (r.arm === "treatment" ? 0.05 : 0), start: Date.parse(`${r.drawDate}T00:00:00Z`) });
    }
  });
  writeFileSync(join(dir, "persons.csv"), `${persons.join("\n")}\n`);
  const out = createWriteStream(join(dir, "outcomes.csv"));
  const write = (s: string): Promise<void> => new Promise((resolve) => (out.write(s) ? resolve() : out.once("drain", () => resolve())));
  await write("person_id,outcome,date,value\n");
  let chunk: string[] = [];
  for (const person of personRows) {
    for (let w = 1; w <= WEEKS; w++) {
      const date = new Date(person.start + w * 7 * 86_400_000).toISOString().slice(0, 10);
      chunk.push(`${person.id},employment,${date},${rand() < person.level ? 1 : 0}\n`);
    }
    if (chunk.length > 50_000) {
      await write(chunk.join(""));
      chunk = [];
    }
  }
  await write(chunk.join(""));
  await new Promise<void>((resolve) => out.end(resolve));
}

/** A plan for the bench's data: employment's weekly status as the share of weeks in each of the first three years. */
function benchPlan(): unknown {
  return {
    format: "effekt-analysis-plan/1",
    id: "bench",
    title: "Bench",
    version: "1",
    alpha: 0.05,
    multiplicity: "holm",
    randomisation_inference: { permutations: 0, seed: "bench" },
    covariates: [],
    subgroups: [],
    outcomes: [{ name: "employment", label: "Employment", role: "primary", type: "binary", direction: "higher_is_better", population: {}, aggregation: "mean", horizons: [1, 2, 3], covariates: ["employed_baseline"] }],
  };
}

export async function benchEstimateCli(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "effekt-bench-estimate-"));
  try {
    const persons = Number(process.env.BENCH_ESTIMATE_PERSONS ?? 200_000);
    await writeInputs(dir, persons);
    const gb = statSync(join(dir, "outcomes.csv")).size / 1e9;
    const walls: number[] = [];
    const cpus: number[] = [];
    const peaks: number[] = [];
    for (let r = 0; r < Math.min(REPS, 3); r++) {
      const res = timedNode([join(ROOT, "bin", "effekt"), "estimate", "--register", join(dir, "allocations.csv"), "--persons", join(dir, "persons.csv"), "--outcomes", join(dir, "outcomes.csv"), "--outcome", "employment", "--window", "mean", "--covariates", "employed_baseline", "--no-progress", "--out", join(dir, "effects.csv")], { ...process.env, NO_COLOR: "1" });
      if (res.status !== 0) throw new Error(`effekt estimate failed: ${res.stderr}`);
      walls.push(res.ms);
      if (res.cpuMs !== undefined) cpus.push(res.cpuMs);
      if (res.peakMb !== undefined) peaks.push(res.peakMb);
    }
    const rows: BenchRow[] = [{ figure: `effekt estimate, ${gb.toFixed(2)} GB outcomes (${((persons * WEEKS) / 1e6).toFixed(1)}M rows, ${persons.toLocaleString("en")} persons)`, value: seconds(median(walls)), target: "(reported)" }];
    const mbPerS = (ms: number) => (gb * 1000) / (ms / 1000);
    rows.push({ figure: "  reading speed: file size / wall time", value: `${mbPerS(median(walls)).toFixed(0)} MB/s`, target: "> 100 MB/s", met: mbPerS(median(walls)) > 100 });
    if (cpus.length > 0) rows.push({ figure: "  reading speed: file size / CPU time (user + sys)", value: `${mbPerS(median(cpus)).toFixed(0)} MB/s`, target: "> 100 MB/s", met: mbPerS(median(cpus)) > 100 });
    // plan mode on the same file: the plan's windows (years 1, 2 and 3 after each draw) and both estimators per horizon
    writeFileSync(join(dir, "plan.json"), JSON.stringify(benchPlan()));
    const planWalls: number[] = [];
    const planCpus: number[] = [];
    for (let r = 0; r < Math.min(REPS, 3); r++) {
      const res = timedNode([join(ROOT, "bin", "effekt"), "estimate", "--register", join(dir, "allocations.csv"), "--persons", join(dir, "persons.csv"), "--outcomes", join(dir, "outcomes.csv"), "--plan", join(dir, "plan.json"), "--no-progress", "--out", join(dir, "effects-plan.csv")], { ...process.env, NO_COLOR: "1" });
      if (res.status !== 0) throw new Error(`effekt estimate --plan failed: ${res.stderr}`);
      planWalls.push(res.ms);
      if (res.cpuMs !== undefined) planCpus.push(res.cpuMs);
    }
    rows.push({ figure: "  the same file with --plan (windows at 1, 2, 3 years; 6 estimates): file size / wall time", value: `${mbPerS(median(planWalls)).toFixed(0)} MB/s (${seconds(median(planWalls))})`, target: "> 100 MB/s", met: mbPerS(median(planWalls)) > 100 });
    if (planCpus.length > 0) rows.push({ figure: "  the same with --plan: file size / CPU time", value: `${mbPerS(median(planCpus)).toFixed(0)} MB/s`, target: "> 100 MB/s", met: mbPerS(median(planCpus)) > 100 });
    // the reader alone (src/io/outcomesStream.ts), in this process, every row handed to a handler that sums it
    const ids = readFileSync(join(dir, "persons.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.slice(0, l.indexOf(",")));
    const readerWall: number[] = [];
    const readerCpu: number[] = [];
    for (let r = 0; r < Math.min(REPS, 3); r++) {
      let sum = 0;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await readOutcomes(join(dir, "outcomes.csv"), ids, (_p, _o, _d, v) => { sum += v; });
      const c = process.cpuUsage(c0);
      readerWall.push(performance.now() - t0);
      readerCpu.push((c.user + c.system) / 1000);
      if (!(sum > 0)) throw new Error("the reader read nothing");
    }
    rows.push({ figure: "  the outcomes reader alone: file size / wall time", value: `${mbPerS(median(readerWall)).toFixed(0)} MB/s`, target: "> 100 MB/s", met: mbPerS(median(readerWall)) > 100 });
    rows.push({ figure: "  the outcomes reader alone: file size / CPU time", value: `${mbPerS(median(readerCpu)).toFixed(0)} MB/s`, target: "> 100 MB/s", met: mbPerS(median(readerCpu)) > 100 });
    if (peaks.length > 0) rows.push({ figure: "  peak memory of that command", value: `${median(peaks).toFixed(0)} MB`, target: "< 2048 MB", met: median(peaks) < 2048 });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
