import { existsSync } from "node:fs";
import type { Command } from "commander";
import { InputError, UserError } from "../errors.js";
import { benjaminiHochberg, blockCovariates, differenceInMeans, holm, ivRobust, lmLin, type DesignColumn } from "../estimate/index.js";
import { drawWave } from "../draw/wave.js";
import { writeFileAtomic } from "../io/atomic.js";
import { idColumn, numberColumn, textColumn, where } from "../io/columns.js";
import { rawColumn, readCsv } from "../io/csv.js";
import { readRegister, type RegisterRow } from "../io/register.js";
import { csvField } from "../io/csvOut.js";
import { parseFormat } from "./flags.js";
import { say, warn } from "./output.js";

export interface EstimateOptions {
  register: string;
  persons: string;
  outcomes: string;
  outcome: string[];
  takeup?: string;
  covariates?: string;
  window?: string;
  permutations?: string;
  seed?: string;
  out?: string;
  format?: string;
  byHorizon?: boolean;
}

export const EFFECT_COLUMNS = [
  "outcome", "horizon", "estimator", "estimate", "std_error", "df", "ci_low", "ci_high", "p_value", "p_ri", "p_holm", "p_bh",
  "n_treatment", "n_control", "n_clusters", "control_mean",
] as const;

export type EffectRow = Record<(typeof EFFECT_COLUMNS)[number], string | number | undefined>;

export function registerEstimate(program: Command): void {
  program
    .command("estimate")
    .description("effect estimates (ITT by difference in means and Lin regression, CACE with take-up) from the register")
    .requiredOption("--register <file>", "allocations.csv written by effekt draw")
    .requiredOption("--persons <file>", "persons.csv: person_id, household_id, baseline covariates")
    .requiredOption("--outcomes <file>", "outcomes.csv: person_id, outcome, date, value")
    .requiredOption("--outcome <name>", "outcome to estimate (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option("--takeup <file>", "takeup.csv: household_id, took_up; adds the complier effect (iv_robust)")
    .option("--covariates <list>", "comma-separated numeric person covariates for Lin regression (from persons.csv)")
    .option("--window <first|last|mean>", "how to reduce several values per person and outcome to one")
    .option("--permutations <n>", "re-draws of the lottery for the randomisation-inference p-value (0 = none)", "0")
    .option("--seed <text>", "seed for the re-draws", "effekt-ri")
    .option("--by-horizon", "estimate per horizon: whole years from the household's draw date to the outcome date (rounded; before year 1 ignored)")
    .option("--out <file>", "write the effect table here (atomically); default stdout")
    .option("--format <csv|json>", "output format", "csv")
    .addHelpText("after", "\nExample:\n  effekt estimate --register out/demo/allocations.csv --persons samples/persons.csv --outcomes samples/outcomes.csv --outcome employment --takeup samples/takeup.csv\n")
    .action((opts: EstimateOptions) => {
      runEstimate(opts);
    });
}

interface PersonData {
  y: number[];
  z: number[];
  block: number[];
  cluster: number[];
  household: string[];
  covs: number[][];
}

function fmt(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return "";
  return String(Number(v.toPrecision(10)));
}

/** Runs the command; returns the rows (also written to --out or stdout). */
export function runEstimate(opts: EstimateOptions): EffectRow[] {
  if (opts.outcome.length === 0) throw new UserError("--outcome names no outcome");
  for (const f of [opts.register, opts.persons, opts.outcomes, opts.takeup]) if (f && !existsSync(f)) throw new UserError(`cannot read ${f}: no such file`);
  const window = opts.window;
  if (window !== undefined && !["first", "last", "mean"].includes(window)) throw new UserError(`--window "${window}": expected first, last or mean`);
  const format = parseFormat(opts.format ?? "csv");
  const permutations = Number(opts.permutations ?? "0");
  if (!Number.isInteger(permutations) || permutations < 0) throw new UserError(`--permutations "${opts.permutations}" is not a whole number`);
  const covNames = (opts.covariates ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");

  const register = readRegister(opts.register);
  if (register.length === 0) throw new UserError(`${opts.register} holds no drawn households`);
  const byHousehold = new Map<string, RegisterRow>(register.map((r) => [r.householdId, r]));

  const persons = readCsv(opts.persons);
  const pid = idColumn(persons, "person_id", { unique: true });
  const phh = idColumn(persons, "household_id");
  const covCols = covNames.map((c) => numberColumn(persons, c, { allowMissing: true }));
  const personIndex = new Map(pid.map((p, i) => [p, i] as const));

  let takeup: Map<string, number> | undefined;
  if (opts.takeup) {
    const t = readCsv(opts.takeup);
    const ids = idColumn(t, "household_id", { unique: true });
    const took = rawColumn(t, "took_up");
    takeup = new Map();
    for (let i = 0; i < ids.length; i++) {
      const v = took[i].toLowerCase();
      if (!["true", "false", "1", "0"].includes(v)) throw new InputError(where(t, i, "took_up"), "is not true or false", "true/false", took[i]);
      takeup.set(ids[i], v === "true" || v === "1" ? 1 : 0);
    }
  }

  const out = readCsv(opts.outcomes);
  const opid = idColumn(out, "person_id");
  const oname = textColumn(out, "outcome");
  const odate = rawColumn(out, "date");
  const oval = numberColumn(out, "value", { allowMissing: true });

  const blockCodes = new Map<string, number>();
  const clusterCodes = new Map<string, number>();
  const rows: EffectRow[] = [];
  const pForAdjust: number[] = [];
  const adjustRows: EffectRow[] = [];
  const summaries: string[] = [];

  for (const name of opts.outcome) {
    // one value per person
    const groups = new Map<string, Map<number, { date: string; value: number; line: number }[]>>();
    let anyRow = false;
    const excludedHouseholds = new Set<string>();
    for (let i = 0; i < opid.length; i++) {
      if (oname[i] !== name) continue;
      anyRow = true;
      const p = personIndex.get(opid[i]);
      if (p === undefined) throw new InputError(where(out, i, "person_id"), `is not in ${opts.persons}`, "a person_id of the persons file", opid[i]);
      if (!byHousehold.has(phh[p])) {
        excludedHouseholds.add(phh[p]);
        continue;
      }
      let hkey = "";
      if (opts.byHorizon) {
        const days = (Date.parse(`${odate[i]}T00:00:00Z`) - Date.parse(`${byHousehold.get(phh[p])!.drawDate}T00:00:00Z`)) / 86_400_000;
        if (!Number.isFinite(days)) throw new InputError(where(out, i, "date"), "is not a date", "YYYY-MM-DD (needed by --by-horizon)", odate[i]);
        const h = Math.round(days / 365.25);
        if (h < 1) continue;
        hkey = String(h);
      }
      let values = groups.get(hkey);
      if (!values) groups.set(hkey, (values = new Map()));
      let list = values.get(p);
      if (!list) values.set(p, (list = []));
      if (list.length > 0 && window === undefined) {
        throw new InputError(where(out, i, "person_id"), `has a second value of outcome "${name}" (first on line ${list[0].line}); pass --window first|last|mean to reduce them to one`, "one value per person and outcome", opid[i]);
      }
      list.push({ date: odate[i], value: oval[i], line: out.lineOf(i) });
    }
    if (!anyRow) throw new UserError(`${opts.outcomes} has no rows for outcome "${name}"`);
    if (excludedHouseholds.size > 0) warn(`${name}: persons in ${excludedHouseholds.size} households that were never drawn are excluded (not in ${opts.register})`);

    for (const [hkey, values] of [...groups].sort((a, b) => Number(a[0]) - Number(b[0]))) {
    const label = hkey === "" ? name : `${name} (horizon ${hkey})`;
    const d: PersonData = { y: [], z: [], block: [], cluster: [], household: [], covs: covNames.map(() => []) };
    const avail = { treatment: [0, 0], control: [0, 0] }; // [available, total persons with a row]
    for (const [p, list] of values) {
      const sorted = [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const finite = sorted.filter((v) => Number.isFinite(v.value));
      const r = byHousehold.get(phh[p])!;
      avail[r.arm][1]++;
      if (finite.length === 0) continue;
      const value =
        window === "first" ? finite[0].value : window === "last" ? finite[finite.length - 1].value : finite.reduce((a, v) => a + v.value, 0) / finite.length;
      if (covCols.some((c) => !Number.isFinite(c[p]))) continue;
      avail[r.arm][0]++;
      const bkey = `${r.wave}\t${r.stratum}`;
      if (!blockCodes.has(bkey)) blockCodes.set(bkey, blockCodes.size);
      if (!clusterCodes.has(r.householdId)) clusterCodes.set(r.householdId, clusterCodes.size);
      d.y.push(value);
      d.z.push(r.arm === "treatment" ? 1 : 0);
      d.block.push(blockCodes.get(bkey)!);
      d.cluster.push(clusterCodes.get(r.householdId)!);
      d.household.push(r.householdId);
      covCols.forEach((c, k) => d.covs[k].push(c[p]));
    }
    const shareT = avail.treatment[1] > 0 ? avail.treatment[0] / avail.treatment[1] : NaN;
    const shareC = avail.control[1] > 0 ? avail.control[0] / avail.control[1] : NaN;
    if (Math.abs(shareT - shareC) > 0.05) {
      warn(`${label}: outcome available for ${(100 * shareT).toFixed(1)}% of treatment and ${(100 * shareC).toFixed(1)}% of control persons (differential attrition above 5 percentage points)`);
    }

    const n = d.y.length;
    const nT = d.z.reduce((a, b) => a + b, 0);
    const nC = n - nT;
    const nClusters = new Set(d.cluster).size;
    let cs = 0;
    for (let i = 0; i < n; i++) if (d.z[i] === 0) cs += d.y[i];
    const controlMean = nC > 0 ? cs / nC : NaN;
    const base = { outcome: name, horizon: hkey, n_treatment: nT, n_control: nC, n_clusters: nClusters, control_mean: fmt(controlMean) };
    const y = Float64Array.from(d.y);
    const z = Float64Array.from(d.z);
    const blocks = Int32Array.from(renumber(d.block));
    const clusters = Int32Array.from(d.cluster);

    const tryEstimate = (estimator: string, f: () => { estimate: number; std_error: number; df: number; ci_low: number; ci_high: number; p_value: number }, pRi?: () => number | undefined): EffectRow => {
      try {
        const e = f();
        const ri = pRi ? pRi() : undefined;
        return { ...base, estimator, estimate: fmt(e.estimate), std_error: fmt(e.std_error), df: fmt(e.df), ci_low: fmt(e.ci_low), ci_high: fmt(e.ci_high), p_value: fmt(e.p_value), p_ri: fmt(ri), p_holm: "", p_bh: "" };
      } catch (err) {
        if (!(err instanceof Error)) throw err;
        warn(`${label}, ${estimator}: not estimated (${err.message}); the row is left empty`);
        return { ...base, estimator, estimate: "", std_error: "", df: "", ci_low: "", ci_high: "", p_value: "", p_ri: "", p_holm: "", p_bh: "" };
      }
    };

    const dimRow = tryEstimate(
      "difference_in_means",
      () => differenceInMeans(y, z, { blocks, clusters }),
      () => (permutations > 0 ? riPValue(register, d.household, y, blocks, clusters, permutations, opts.seed ?? "effekt-ri", label) : undefined),
    );
    rows.push(dimRow);
    if (dimRow.p_value !== "") {
      pForAdjust.push(Number(dimRow.p_value));
      adjustRows.push(dimRow);
    }
    const covColumns: DesignColumn[] = [...blockCovariates(blocks), ...covNames.map((c, k) => ({ name: c, values: Float64Array.from(d.covs[k]) }))];
    rows.push(
      tryEstimate("lm_lin", () => {
        if (covColumns.length === 0) throw new Error("no block or covariate to adjust for (one block and no --covariates)");
        const r = lmLin(y, z, covColumns, { clusters, seType: "CR2" });
        const t = r.coefficients.find((c) => c.term === "z" || c.term === "treatment") ?? r.coefficients[1];
        return t;
      }),
    );
    if (takeup) {
      const missing = new Set(d.household.filter((h) => !takeup!.has(h)));
      if (missing.size > 0) warn(`${label}: ${missing.size} analysed households are not in ${opts.takeup}; they count as not taking up`);
      const dcol = Float64Array.from(d.household.map((h) => takeup!.get(h) ?? 0));
      let tt = 0;
      let tc = 0;
      for (let i = 0; i < n; i++) if (z[i] === 1) tt += dcol[i];
      else tc += dcol[i];
      summaries.push(`${label}: take-up ${(nT ? (100 * tt) / nT : 0).toFixed(1)}% in treatment, ${(nC ? (100 * tc) / nC : 0).toFixed(1)}% in control (persons)`);
      rows.push(
        tryEstimate("iv_robust", () => {
          const r = ivRobust(y, [{ name: "took_up", values: dcol }], [{ name: "z", values: z }], { covariates: blockCovariates(blocks), clusters });
          return r.coefficients.find((c) => c.term === "took_up") ?? r.coefficients[1];
        }),
      );
    }
    }
  }

  if (pForAdjust.length > 0) {
    const h = holm(pForAdjust);
    const b = benjaminiHochberg(pForAdjust);
    adjustRows.forEach((r, i) => {
      r.p_holm = fmt(h[i]);
      r.p_bh = fmt(b[i]);
    });
  }

  const text =
    format === "json"
      ? `${JSON.stringify(rows.map((r) => Object.fromEntries(EFFECT_COLUMNS.map((c) => [c, r[c] === "" ? null : typeof r[c] === "number" ? r[c] : r[c] === undefined ? null : isNum(r[c]) ? Number(r[c]) : r[c]]))), null, 2)}\n`
      : `${EFFECT_COLUMNS.join(",")}\n${rows.map((r) => EFFECT_COLUMNS.map((c) => csvField(String(r[c] ?? ""))).join(",")).join("\n")}\n`;
  if (opts.out) {
    writeFileAtomic(opts.out, text);
    for (const r of rows) {
      say(`${r.outcome}${r.horizon !== "" ? ` year ${r.horizon}` : ""} ${r.estimator}: ${r.estimate === "" ? "not estimated" : `${r.estimate} (se ${r.std_error}, p ${r.p_value}${r.p_holm !== "" ? `, Holm ${r.p_holm}` : ""})`}, n ${r.n_treatment} treatment / ${r.n_control} control in ${r.n_clusters} households`);
    }
    for (const s of summaries) say(s);
    say(`effect table: ${opts.out}`);
  } else {
    process.stdout.write(text);
    for (const s of summaries) warn(s);
  }
  return rows;
}

function isNum(v: unknown): boolean {
  return typeof v === "string" && v !== "" && Number.isFinite(Number(v));
}

function renumber(codes: number[]): number[] {
  const m = new Map<number, number>();
  return codes.map((c) => {
    if (!m.has(c)) m.set(c, m.size);
    return m.get(c)!;
  });
}

/**
 * Randomisation-inference p-value: re-draws every wave with drawWave (same households, strata and treatment places
 * per stratum, fresh seeds), recomputes the blocked, clustered difference in means, and counts re-draws at least as
 * extreme: p = (1 + #{|d*| >= |d|}) / (1 + permutations).
 */
function riPValue(register: RegisterRow[], household: string[], y: Float64Array, blocks: Int32Array, clusters: Int32Array, permutations: number, seed: string, outcome: string): number {
  const armOf = new Map(register.map((r) => [r.householdId, r.arm] as const));
  const observedZ = Float64Array.from(household.map((h) => (armOf.get(h) === "treatment" ? 1 : 0)));
  const observed = differenceInMeans(y, observedZ, { blocks, clusters }).estimate;
  const waves = new Map<number, RegisterRow[]>();
  for (const r of register) {
    let w = waves.get(r.wave);
    if (!w) waves.set(r.wave, (w = []));
    w.push(r);
  }
  let extreme = 0;
  for (let k = 0; k < permutations; k++) {
    const arm = new Map<string, number>();
    for (const [wave, rows] of waves) {
      const places: Record<string, number> = {};
      for (const r of rows) places[r.stratum] = (places[r.stratum] ?? 0) + (r.arm === "treatment" ? 1 : 0);
      const draw = drawWave({
        householdIds: rows.map((r) => r.householdId),
        strata: rows.map((r) => r.stratum),
        wave,
        seed: `${seed}/${outcome}/${k}`,
        treat: { kind: "perStratum", places },
        drawDate: rows[0].drawDate,
      });
      for (const a of draw.allocations) arm.set(a.householdId, a.arm === "treatment" ? 1 : 0);
    }
    const zs = Float64Array.from(household.map((h) => arm.get(h)!));
    try {
      const d = differenceInMeans(y, zs, { blocks, clusters }).estimate;
      if (Math.abs(d) >= Math.abs(observed) - 1e-12) extreme++;
    } catch {
      extreme++;
    }
  }
  return (1 + extreme) / (1 + permutations);
}
