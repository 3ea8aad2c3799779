import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { filesUnder, ROOT, SAMPLES, tempDir } from "../helpers.js";
import { runInProcess, type InProcessResult } from "./runInProcess.js";
import { fileMutation, mutate, runs, seed } from "./mutations.js";
import { jsonMutations, mutateJson } from "./jsonMutations.js";
import { expectCommandOutcome } from "./checks.js";

/**
 * The commands commands.test.ts does not cover, under mutated inputs, in-process: `plan lock` and `estimate --plan`
 * with a hand-edited plan, `estimate --allocation` with an allocation file from another tool, `report` with each
 * of its result files broken, and `power` with any flag values. Each case ends in success or a one-line error with
 * exit code 2, never an uncaught exception, never NaN or Infinity in what it prints or writes; a refused command
 * leaves no output behind and the register as it was.
 */

const dir = tempDir();
const base = join(dir, "base");
const register = join(base, "allocations.csv");
const head = (name: string, lines: number) => readFileSync(join(SAMPLES, name), "utf8").split("\n").slice(0, lines).join("\n") + "\n";

/** The shipped plan with 20 re-draws instead of 1,000, so that a case takes milliseconds. */
const planText = readFileSync(join(ROOT, "analyses", "relationel-velfaerd.json"), "utf8").replace(/"permutations":\s*\d+/, '"permutations": 20');
const plan = join(base, "plan.json");

/**
 * A valid plan that differs from the shipped one in ways a hand edit might (alpha, multiplicity, fewer outcomes,
 * other windows and horizons, no covariates or subgroups, odd age bounds): these must estimate, listing deviations.
 */
const planVariation = fc
  .record({
    alpha: fc.oneof(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), fc.constantFrom(0.05, 0.1, 1e-6, 0.5)),
    multiplicity: fc.constantFrom("holm", "bh", "both"),
    permutations: fc.integer({ min: 0, max: 30 }),
    outcomes: fc.subarray([0, 1, 2], { minLength: 1 }),
    aggregation: fc.constantFrom("mean", "last", "first", "sum", "max"),
    horizons: fc.subarray([1, 2, 3, 5, 10], { minLength: 1 }),
    covariates: fc.boolean(),
    subgroups: fc.boolean(),
    ageMin: fc.integer({ min: 0, max: 130 }),
    type: fc.constantFrom("binary", "continuous"),
  })
  .map((v) => {
    const p = JSON.parse(planText);
    p.alpha = v.alpha;
    p.multiplicity = v.multiplicity;
    p.randomisation_inference.permutations = v.permutations;
    p.outcomes = v.outcomes.map((k) => p.outcomes[k]);
    p.outcomes[0].aggregation = v.aggregation;
    p.outcomes[0].horizons = v.horizons;
    p.outcomes[0].type = v.type;
    if (!v.covariates) for (const o of p.outcomes) o.covariates = [];
    if (!v.subgroups) p.subgroups = [];
    else for (const g of p.subgroups) if (g.outcomes) g.outcomes = g.outcomes.filter((n: string) => p.outcomes.some((o: { name: string }) => o.name === n));
    p.subgroups = p.subgroups.filter((g: { outcomes?: string[] }) => g.outcomes === undefined || g.outcomes.length > 0);
    // the families keep the outcomes that still have the family's horizon (a hand edit would do the same)
    const has = (n: string, h: number) => p.outcomes.some((o: { name: string; horizons: number[] }) => o.name === n && o.horizons.includes(h));
    for (const f of p.families) f.outcomes = f.outcomes.filter((n: string) => has(n, f.horizon));
    p.families = p.families.filter((f: { outcomes: string[] }) => f.outcomes.length > 0);
    if (p.families.length === 0) delete p.families;
    if (p.outcomes[0].population.age_min !== undefined) {
      p.outcomes[0].population.age_min = v.ageMin;
      p.outcomes[0].population.age_max = Math.max(v.ageMin, p.outcomes[0].population.age_max ?? v.ageMin);
    }
    return `${JSON.stringify(p, null, 2)}\n`;
  });

/** Half hand-edit mistakes (mostly refused), half valid variations (mostly estimated). */
const mutatedPlan = fc.oneof(jsonMutations.map((jm) => mutateJson(planText, jm)), planVariation);

/** The first 600 persons and their outcomes. */
function smallEstimateFiles(): { persons: string; outcomes: string } {
  const persons = head("persons.csv", 601);
  const ids = new Set(persons.trim().split("\n").slice(1).map((l) => l.split(",")[0]));
  const outcomes = readFileSync(join(SAMPLES, "outcomes.csv"), "utf8").trim().split("\n");
  return { persons, outcomes: `${[outcomes[0], ...outcomes.slice(1).filter((l) => ids.has(l.split(",")[0]))].join("\n")}\n` };
}
const small = smallEstimateFiles();
const persons = join(base, "persons.csv");
const outcomes = join(base, "outcomes.csv");

/** Exit codes per property, printed after each so a reader sees both paths (success and refusal) are exercised. */
const tally = new Map<string, number>();
function count(property: string, code: number): void {
  tally.set(`${property} ${code}`, (tally.get(`${property} ${code}`) ?? 0) + 1);
}
function tallyOf(property: string): { ok: number; refused: number } {
  return { ok: tally.get(`${property} 0`) ?? 0, refused: tally.get(`${property} 2`) ?? 0 };
}
/** Both outcomes must occur often enough that the property tests something on each path. */
function expectBothPaths(property: string, minShare = 0.05): void {
  const { ok, refused } = tallyOf(property);
  console.log(`${property}: ${ok} succeeded, ${refused} refused`);
  expect(ok / (ok + refused), `${property}: share that succeeded`).toBeGreaterThan(minShare);
  expect(refused / (ok + refused), `${property}: share refused`).toBeGreaterThan(minShare);
}

function check(property: string, r: InProcessResult, what: string, outFiles: string[] = []): void {
  count(property, r.code);
  expectCommandOutcome(r, what, outFiles);
}

function caseFile(name: string, bytes: Uint8Array | string): string {
  const p = join(dir, "case", name);
  writeFileSync(p, bytes);
  return p;
}

const results = join(dir, "results");

beforeAll(async () => {
  mkdirSync(base, { recursive: true });
  mkdirSync(join(dir, "case"), { recursive: true });
  writeFileSync(plan, planText);
  writeFileSync(persons, small.persons);
  writeFileSync(outcomes, small.outcomes);
  const steps = [
    ["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01", "--register", register, "--wave", "1", "--seed", "fuzz-plan-1", "--treat", "80"],
  ];
  for (const args of steps) {
    const r = await runInProcess(args);
    expect(r.code, r.stderr).toBe(0);
  }
  // The results folder the report cases start from: a locked plan, its estimates, indicators and gains.
  cpSync(base, results, { recursive: true });
  const reg = join(results, "allocations.csv");
  const more = [
    ["plan", "lock", "--plan", plan, "--register", reg],
    ["estimate", "--plan", plan, "--register", reg, "--persons", persons, "--outcomes", outcomes, "--takeup", join(SAMPLES, "takeup.csv"), "--no-progress", "--out", join(results, "effects.csv")],
    ["indicators", "--spec", join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json"), "--values", join(SAMPLES, "indicator-values.csv"), "--out", join(results, "indicators.csv")],
    ["gains", "--model", join(ROOT, "analyses", "gains-relationel-velfaerd.json"), "--assume", "employment=0.03", "--draws", "10000", "--out", join(results, "gains.json")],
  ];
  for (const args of more) {
    const r = await runInProcess(args);
    expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
  }
  for (const f of ["persons.csv", "outcomes.csv", "plan.json"]) rmSync(join(results, f));
  writeFileSync(join(results, "takeup.csv"), readFileSync(join(SAMPLES, "takeup.csv")));
});

describe("plan, estimate --allocation, report and power under mutated inputs (in-process)", () => {
  it("the unmutated inputs succeed and the report has every section (so the properties below test something)", async () => {
    const out = join(dir, "case", "report-baseline");
    const r = await runInProcess(["report", "--audience", "aau", "--results", results, "--takeup", join(results, "takeup.csv"), "--format", "csv,md,html", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const names = filesUnder(out).map((f) => f.slice(out.length + 1)).join(" ");
    for (const table of ["effects", "gains", "manifest"]) expect(names).toContain(table);
  });

  it("plan lock: a mutated plan is locked or refused; a refused lock leaves the register and its manifests as they were", async () => {
    const copy = join(dir, "lock");
    await fc.assert(
      fc.asyncProperty(mutatedPlan, async (planBytes) => {
        rmSync(copy, { recursive: true, force: true });
        cpSync(base, copy, { recursive: true });
        const reg = join(copy, "allocations.csv");
        const before = filesUnder(copy).map((f) => [f, readFileSync(f)] as const);
        const r = await runInProcess(["plan", "lock", "--plan", caseFile("plan.json", planBytes), "--register", reg, "--date", "2025-03-02"]);
        check("plan lock", r, `plan lock ${JSON.stringify(planBytes).slice(0, 300)}`, [`${reg}.manifests/plan-lock.json`]);
        if (r.code !== 0) {
          expect(filesUnder(copy).length).toBe(before.length);
          for (const [f, bytes] of before) expect(readFileSync(f).equals(bytes), f).toBe(true);
        } else {
          const v = await runInProcess(["verify", "--register", reg]);
          expect(v.code, v.stderr).toBe(0);
        }
      }),
      { seed: seed(7101), numRuns: runs(300) },
    );
    expectBothPaths("plan lock");
  });

  it("estimate --plan: a mutated plan estimates (listing its deviations from the lock) or is refused, writing nothing", async () => {
    const copy = join(dir, "estimate-plan");
    rmSync(copy, { recursive: true, force: true });
    cpSync(base, copy, { recursive: true });
    const reg = join(copy, "allocations.csv");
    expect((await runInProcess(["plan", "lock", "--plan", plan, "--register", reg])).code).toBe(0);
    const out = join(dir, "case", "effects-plan.csv");
    await fc.assert(
      fc.asyncProperty(mutatedPlan, fc.constantFrom("csv", "json"), async (planBytes, format) => {
        rmSync(out, { force: true });
        rmSync(`${out}.meta.json`, { force: true });
        const r = await runInProcess(["estimate", "--plan", caseFile("plan-e.json", planBytes), "--register", reg, "--persons", persons, "--outcomes", outcomes, "--no-progress", "--format", format, "--out", out]);
        check("estimate --plan", r, `estimate --plan ${planBytes.slice(0, 2000)}`, [out, `${out}.meta.json`]);
        if (r.code !== 0) expect(existsSync(out) || existsSync(`${out}.meta.json`)).toBe(false);
      }),
      { seed: seed(7102), numRuns: runs(400) },
    );
    expectBothPaths("estimate --plan");
  });

  it("estimate --allocation: a mutated allocation file from another tool estimates or is refused, writing nothing", async () => {
    const rows = readFileSync(register, "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const allocation = `household_id,arm,stratum,p_treatment,wave,draw_date\n${rows.map((c) => [c[0], c[3], c[2], c[4], c[1], c[6]].join(",")).join("\n")}\n`;
    const out = join(dir, "case", "effects-allocation.csv");
    const unmutated = await runInProcess(["estimate", "--allocation", caseFile("allocation.csv", allocation), "--persons", persons, "--outcomes", outcomes, "--outcome", "employment", "--window", "first", "--no-progress"]);
    expect(unmutated.code, unmutated.stderr).toBe(0);
    expect(unmutated.stdout).toMatch(/not verified by effekt/);
    await fc.assert(
      fc.asyncProperty(fileMutation, async (m) => {
        rmSync(out, { force: true });
        rmSync(`${out}.meta.json`, { force: true });
        const r = await runInProcess(["estimate", "--allocation", caseFile("allocation.csv", mutate(allocation, m)), "--persons", persons, "--outcomes", outcomes, "--outcome", "employment", "--window", "first", "--no-progress", "--out", out]);
        check("estimate --allocation", r, `estimate --allocation ${JSON.stringify(m).slice(0, 300)}`, [out, `${out}.meta.json`]);
        if (r.code !== 0) expect(existsSync(out) || existsSync(`${out}.meta.json`)).toBe(false);
      }),
      { seed: seed(7103), numRuns: runs(400) },
    );
    expectBothPaths("estimate --allocation");
  });

  it("report: one mutated result file gives a complete report or a refusal, and a refusal leaves no folder", async () => {
    const csvFiles = ["effects.csv", "indicators.csv", "takeup.csv", "allocations.csv.balance.csv", "allocations.csv"];
    const jsonFiles = ["effects.csv.meta.json", "gains.json"];
    const copy = join(dir, "report-results");
    const out = join(dir, "case", "report");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...csvFiles, ...jsonFiles),
        fileMutation,
        jsonMutations,
        fc.constantFrom("sus", "aau"),
        fc.constantFrom("da", "en"),
        fc.constantFrom("csv,md", "html", "csv,md,html", "csv,md,html", "xlsx"),
        async (file, m, jm, audience, lang, format) => {
          rmSync(copy, { recursive: true, force: true });
          rmSync(out, { recursive: true, force: true });
          cpSync(results, copy, { recursive: true });
          const text = readFileSync(join(copy, file), "utf8");
          writeFileSync(join(copy, file), jsonFiles.includes(file) ? mutateJson(text, jm) : mutate(text, m));
          const r = await runInProcess(["report", "--audience", audience, "--lang", lang, "--format", format, "--results", copy, "--takeup", join(copy, "takeup.csv"), "--out", out]);
          const what = `report ${audience} ${format} ${file} ${JSON.stringify(jsonFiles.includes(file) ? jm : m).slice(0, 300)}`;
          check("report", r, what, existsSync(out) ? filesUnder(out) : []);
          if (r.code !== 0) expect(existsSync(out), `${what}: left ${out}`).toBe(false);
          const leftovers = readdirSync(join(dir, "case")).filter((n) => n.startsWith(".report"));
          expect(leftovers, `${what}: temporary folders left`).toEqual([]);
        },
      ),
      { seed: seed(7104), numRuns: runs(400) },
    );
    expectBothPaths("report");
  });

  it("power: any flag values give the MDE or a one-line refusal, never NaN or Infinity", async () => {
    const value = fc.oneof(
      fc.constantFrom("0", "1", "-1", "0.5", "1e309", "NaN", "Infinity", "", " ", "2,5", "1.234,5", "0x10", "1e-320", "abc", "100000000000", "0.999999999999"),
      fc.double({ noNaN: false }).map(String),
      fc.integer({ min: -5, max: 5000 }).map(String),
    );
    const anyFlags = fc.record({ households: value, m: value, icc: value, share: value, r2: value, alpha: value, power: value, effect: fc.option(value), sd: value });
    // Valid designs out to their extremes (a billion households, an ICC of 1, alpha 1e-6, an effect of 1e300).
    const within = (min: number, max: number, ...edges: number[]) => fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max, ...edges)).map(String);
    const validFlags = fc.record({
      households: fc.oneof(fc.integer({ min: 3, max: 5000 }), fc.constantFrom(3, 1e9)).map(String),
      m: within(1, 50, 1e6),
      icc: within(0, 1),
      share: within(0.001, 0.999, 0.5),
      r2: within(0, 0.99),
      alpha: within(1e-6, 0.5, 0.05),
      power: within(0.5, 0.999999, 0.8),
      effect: fc.option(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 0.2)).map(String)),
      sd: within(1e-3, 1e6, 1),
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyFlags, validFlags), fc.boolean(), async (v, defaults) => {
        const args = ["power", "--households", v.households, "--persons-per-household", v.m, "--icc", v.icc];
        if (!defaults) args.push("--share-treated", v.share, "--r2", v.r2, "--alpha", v.alpha, "--power", v.power, "--sd", v.sd);
        if (v.effect !== null) args.push("--effect", v.effect);
        check("power", await runInProcess(args), `effekt ${args.map((a) => JSON.stringify(a)).join(" ")}`);
      }),
      { seed: seed(7105), numRuns: runs(2_000) },
    );
    expectBothPaths("power");
    const ok = await runInProcess(["power", "--households", "400", "--persons-per-household", "2.5", "--icc", "0.1"]);
    expect(ok.code, ok.stderr).toBe(0);
  });
});
