import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, SAMPLES, tempDir } from "../helpers.js";
import { runInProcess } from "./runInProcess.js";
import { fileMutation, mutate, runs, seed, type FileMutation } from "./mutations.js";
import { jsonMutations, mutateJson } from "./jsonMutations.js";
import { expectCommandOutcome } from "./checks.js";

/**
 * Every command under mutated input files, run in-process (see runInProcess.ts): each case ends in success or a
 * one-line error with exit code 2 (verify: 1 for a mismatch), never an uncaught exception, never NaN or Infinity
 * in what it prints or writes, and a failed draw leaves the register and its manifests byte for byte as they were.
 */

const dir = tempDir();
const head = (name: string, lines: number) => readFileSync(join(SAMPLES, name), "utf8").split("\n").slice(0, lines).join("\n") + "\n";

const check = expectCommandOutcome;

/** Writes a case's input file; the name stays the same so messages are comparable. */
function caseFile(name: string, bytes: Uint8Array | string): string {
  const p = join(dir, "case", name);
  writeFileSync(p, bytes);
  return p;
}

const register = join(dir, "base", "allocations.csv");

beforeAll(async () => {
  mkdirSync(join(dir, "base"), { recursive: true });
  mkdirSync(join(dir, "case"), { recursive: true });
  // Wave 1 from the samples, the register every draw and estimate case starts from.
  const r = await runInProcess(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01", "--register", register, "--wave", "1", "--seed", "fuzz-1", "--treat", "80"]);
  expect(r.code, r.stderr).toBe(0);
});

/** A households file with its own counts, for a wave 2 that does not need cases.csv. */
function wave2Households(): string {
  const lines = head("households.csv", 150).trim().split("\n");
  return `${lines[0]},active_cases\n${lines.slice(1).map((l, i) => `${l.replace(/^H/, "N")},${i % 4}`).join("\n")}\n`;
}

/** The first 600 persons, their outcomes and take-up: small enough for a case in milliseconds. */
function estimateFiles(): { persons: string; outcomes: string; takeup: string } {
  const persons = head("persons.csv", 601);
  const ids = new Set(persons.trim().split("\n").slice(1).map((l) => l.split(",")[0]));
  const outcomes = readFileSync(join(SAMPLES, "outcomes.csv"), "utf8").trim().split("\n");
  const kept = [outcomes[0], ...outcomes.slice(1).filter((l) => ids.has(l.split(",")[0]))];
  return { persons, outcomes: `${kept.join("\n")}\n`, takeup: head("takeup.csv", 200) };
}

describe("commands under mutated inputs (in-process)", () => {
  it("the unmutated inputs succeed (so the properties below test something)", async () => {
    const copy = join(dir, "baseline");
    cpSync(join(dir, "base"), copy, { recursive: true });
    const files = estimateFiles();
    const p = Object.fromEntries(Object.entries(files).map(([k, t]) => [k, caseFile(`${k}.csv`, t)]));
    const results = [
      await runInProcess(["draw", "--households", caseFile("households.csv", wave2Households()), "--register", join(copy, "allocations.csv"), "--wave", "2", "--seed", "fuzz-2", "--treat", "20", "--date", "2025-09-01"]),
      await runInProcess(["verify", "--register", join(copy, "allocations.csv")]),
      await runInProcess(["indicators", "--spec", join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json"), "--values", caseFile("values.csv", head("indicator-values.csv", 30))]),
      await runInProcess(["indicators", "--spec", join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json"), "--persons", caseFile("persons-ind.csv", head("indicator-persons.csv", 120))]),
      await runInProcess(["gains", "--model", join(ROOT, "analyses", "gains-randers-en-ny-start.json"), "--assume", "employment-a-dagpenge=0.03", "--draws", "10000", "--format", "csv"]),
      await runInProcess(["estimate", "--register", register, "--persons", p.persons, "--outcomes", p.outcomes, "--takeup", p.takeup, "--outcome", "employment", "--window", "first", "--no-progress"]),
    ];
    for (const r of results) expect(r.code, r.stderr + String((r.crash as Error)?.stack ?? "")).toBe(0);
    expect(results[5].stdout).toMatch(/employment/);
  });

  it("draw: a mutated households file draws wave 2 or is refused, and a refused draw changes nothing", async () => {
    const base = wave2Households();
    const copy = join(dir, "draw");
    await fc.assert(
      fc.asyncProperty(fileMutation, async (m: FileMutation) => {
        rmSync(copy, { recursive: true, force: true });
        cpSync(join(dir, "base"), copy, { recursive: true });
        const reg = join(copy, "allocations.csv");
        const before = readFileSync(reg);
        const manifestsBefore = existsSync(`${reg}.manifests/wave-0002.json`);
        const households = caseFile("households.csv", mutate(base, m));
        const r = await runInProcess(["draw", "--households", households, "--register", reg, "--wave", "2", "--seed", "fuzz-2", "--treat", "20", "--date", "2025-09-01"]);
        check(r, `draw ${JSON.stringify(m).slice(0, 300)}`, [`${reg}.balance.csv`]);
        if (r.code !== 0) {
          expect(readFileSync(reg).equals(before)).toBe(true);
          expect(existsSync(`${reg}.manifests/wave-0002.json`)).toBe(manifestsBefore);
        } else {
          const v = await runInProcess(["verify", "--register", reg]);
          expect(v.code, v.stderr).toBe(0);
        }
      }),
      { seed: seed(7001), numRuns: runs(250) },
    );
  });

  it("verify and draw: a mutated register is verified, found different (exit 1) or refused; draw never adds to it", async () => {
    const base = readFileSync(register, "utf8").split("\n").slice(0, 400).join("\n") + "\n";
    const full = readFileSync(register, "utf8");
    const copy = join(dir, "verify");
    await fc.assert(
      fc.asyncProperty(fileMutation, fc.boolean(), async (m: FileMutation, whole: boolean) => {
        rmSync(copy, { recursive: true, force: true });
        cpSync(join(dir, "base"), copy, { recursive: true });
        const reg = join(copy, "allocations.csv");
        const bytes = mutate(whole ? full : base, m);
        writeFileSync(reg, bytes);
        const v = await runInProcess(["verify", "--register", reg]);
        check(v, `verify ${JSON.stringify(m).slice(0, 300)}`, [], [0, 1, 2]);
        const d = await runInProcess(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-09-01", "--register", reg, "--wave", "2", "--seed", "fuzz-2", "--treat", "20"]);
        check(d, `draw on mutated register ${JSON.stringify(m).slice(0, 300)}`);
        if (v.code !== 0) {
          expect(d.code).toBe(2);
          expect(readFileSync(reg).equals(Buffer.from(bytes))).toBe(true);
        }
      }),
      { seed: seed(7002), numRuns: runs(150) },
    );
  });

  it("indicators: mutated values, person-level and spec files", async () => {
    const spec = join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json");
    const values = head("indicator-values.csv", 30);
    const persons = head("indicator-persons.csv", 120);
    const specText = readFileSync(spec, "utf8");
    const out = join(dir, "case", "indicators-out.csv");
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("values", "persons", "spec"), fileMutation, jsonMutations, fc.constantFrom("csv", "json"), async (which, m, jm, format) => {
        rmSync(out, { force: true });
        const args =
          which === "spec"
            ? ["--spec", caseFile("spec.json", mutateJson(specText, jm)), "--values", join(SAMPLES, "indicator-values.csv")]
            : ["--spec", spec, `--${which}`, caseFile(`${which}.csv`, mutate(which === "values" ? values : persons, m))];
        const r = await runInProcess(["indicators", ...args, "--format", format, "--out", out]);
        check(r, `indicators ${which} ${JSON.stringify(which === "spec" ? jm : m).slice(0, 300)}`, [out]);
        if (r.code !== 0) expect(existsSync(out)).toBe(false);
      }),
      { seed: seed(7003), numRuns: runs(500) },
    );
  });

  it("gains: mutated gains models", async () => {
    const models = ["gains-relationel-velfaerd.json", "gains-randers-en-ny-start.json"].map((n) => readFileSync(join(ROOT, "analyses", n), "utf8"));
    const out = join(dir, "case", "gains-out.csv");
    await fc.assert(
      fc.asyncProperty(fc.nat(1), jsonMutations, async (k, jm) => {
        rmSync(out, { force: true });
        const model = caseFile("model.json", mutateJson(models[k], jm));
        const r = await runInProcess(["gains", "--model", model, "--assume", k === 0 ? "employment=0.03" : "employment-a-dagpenge=0.03", "--draws", "10000", "--format", "csv", "--out", out]);
        check(r, `gains ${JSON.stringify(jm).slice(0, 300)}`, [out]);
        if (r.code !== 0) expect(existsSync(out)).toBe(false);
      }),
      { seed: seed(7004), numRuns: runs(120) },
    );
  });

  it("estimate: mutated persons, outcomes and take-up files", async () => {
    const files = estimateFiles();
    const out = join(dir, "case", "effects.csv");
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("persons", "outcomes", "takeup") as fc.Arbitrary<keyof typeof files>, fileMutation, async (which, m) => {
        rmSync(out, { force: true });
        rmSync(`${out}.meta.json`, { force: true });
        const paths = Object.fromEntries(Object.entries(files).map(([k, t]) => [k, caseFile(`${k}.csv`, k === which ? mutate(t, m) : t)]));
        const r = await runInProcess(["estimate", "--register", register, "--persons", paths.persons, "--outcomes", paths.outcomes, "--takeup", paths.takeup, "--outcome", "employment", "--window", "first", "--no-progress", "--out", out]);
        check(r, `estimate ${which} ${JSON.stringify(m).slice(0, 300)}`, [out, `${out}.meta.json`]);
        if (r.code !== 0) expect(existsSync(out)).toBe(false);
      }),
      { seed: seed(7005), numRuns: runs(150) },
    );
  });
});
