import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { effektAsync, filesUnder, ROOT, SAMPLES, tempDir } from "../helpers.js";

/**
 * No command destroys or overwrites what it reads. Each refusal is exit 2, one line, and
 * leaves every file of the evaluation folder byte for byte as it was.
 */

const H = join(SAMPLES, "households.csv");
const C = join(SAMPLES, "cases.csv");
const CASES = ["--cases", C, "--date", "2025-03-01"];
const P = join(SAMPLES, "persons.csv");
const O = join(SAMPLES, "outcomes.csv");
const T = join(SAMPLES, "takeup.csv");

/** SHA-256 of every file under `dir` (by path), to prove a refused command changed nothing. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((f) => [f, createHash("sha256").update(readFileSync(f)).digest("hex")]));
}

function refusedOneLine(r: { code: number; stderr: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
}

let base: string;
let results: string;
let register: string;

beforeAll(async () => {
  base = tempDir();
  results = join(base, "results");
  mkdirSync(results);
  register = join(results, "allocations.csv");
  expect((await effektAsync(["draw", "--households", H, ...CASES, "--register", register, "--wave", "1", "--seed", "s1", "--treat", "80"])).code).toBe(0);
  expect((await effektAsync(["estimate", "--register", register, "--persons", P, "--outcomes", O, "--outcome", "employment", "--window", "first", "--out", join(results, "effects.csv")])).code).toBe(0);
  writeFileSync(join(base, "notes.txt"), "unrelated file the user keeps beside the results\n");
}, 60_000);

describe("output guard: report --out --force", async () => {
  for (const [name, out] of [["the results folder itself", () => results], ["its parent", () => base], ["the register file", () => register], ["the manifests folder", () => `${register}.manifests`]] as const) {
    it(`refuses ${name} and changes nothing`, async () => {
      const before = snapshot(base);
      const r = await effektAsync(["report", "--audience", "sus", "--results", results, "--out", out(), "--force"]);
      refusedOneLine(r, /--out .*(is|contains|lies inside|is a file)/);
      expect(snapshot(base)).toEqual(before);
    });
  }

  it("replaces a folder it wrote as a report, but refuses one holding anything else", async () => {
    const out = join(base, "report");
    expect((await effektAsync(["report", "--audience", "sus", "--results", results, "--out", out, "--format", "md"])).code).toBe(0);
    expect((await effektAsync(["report", "--audience", "sus", "--results", results, "--out", out, "--format", "md", "--force"])).code).toBe(0);
    writeFileSync(join(out, "my-notes.txt"), "mine\n");
    const before = snapshot(base);
    refusedOneLine(await effektAsync(["report", "--audience", "sus", "--results", results, "--out", out, "--force"]), /my-notes\.txt.*not part of the report/);
    expect(snapshot(base)).toEqual(before);
    const plain = join(base, "plain");
    mkdirSync(plain);
    writeFileSync(join(plain, "a.txt"), "a\n");
    refusedOneLine(await effektAsync(["report", "--audience", "sus", "--results", results, "--out", plain, "--force"]), /no manifest\.json of an effekt report/);
    expect(readFileSync(join(plain, "a.txt"), "utf8")).toBe("a\n");
  });

  it("a report folder inside the results folder (the demo's layout) is still allowed", async () => {
    expect((await effektAsync(["report", "--audience", "sus", "--results", results, "--out", join(results, "report-sus"), "--format", "md"])).code).toBe(0);
  });

  it("refuses an --out that is an existing file (a folder is meant)", async () => {
    const f = join(base, "notes.txt");
    refusedOneLine(await effektAsync(["report", "--audience", "sus", "--results", results, "--out", f, "--force"]), /is a file; expected a folder/);
    expect(readFileSync(f, "utf8")).toMatch(/unrelated/);
  });
});

describe("output guard: estimate, draw, gains, indicators", async () => {
  const estimate = (out: string) => effektAsync(["estimate", "--register", register, "--persons", P, "--outcomes", O, "--outcome", "employment", "--window", "first", "--out", out]);

  it("estimate --out onto the register, an input, the manifests folder or through a link to the register is refused", async () => {
    const link = join(base, "link.csv");
    if (!existsSync(link)) symlinkSync(register, link);
    const before = snapshot(base);
    for (const out of [register, P, join(`${register}.manifests`, "x.csv"), link, `${register}.manifests/wave-0001.json`]) {
      refusedOneLine(await estimate(out), /--out/);
    }
    expect(snapshot(base)).toEqual(before);
  });

  it("estimate --out naming an existing folder is refused (a file is meant)", async () => {
    refusedOneLine(await estimate(results), /is a folder; expected a file/);
  });

  it("draw --balance onto an input, the register or into its manifests; --register onto the households file", async () => {
    const d = tempDir();
    const h = join(d, "h.csv");
    writeFileSync(h, readFileSync(H));
    const reg = join(d, "allocations.csv");
    const draw = (extra: string[], r = reg) => effektAsync(["draw", "--households", h, ...CASES, "--register", r, "--wave", "1", "--seed", "s1", "--treat", "80", ...extra]);
    refusedOneLine(await draw([], h), /--register .* is --households/);
    refusedOneLine(await draw(["--balance", h]), /--balance .* is --households/);
    refusedOneLine(await draw(["--balance", reg]), /--balance .* is the register/);
    expect((await draw([])).code).toBe(0);
    const before = snapshot(d);
    refusedOneLine(await draw(["--balance", join(`${reg}.manifests`, "b.csv")]), /lies inside the register's manifests folder/);
    expect(snapshot(d)).toEqual(before);
    expect(readFileSync(h)).toEqual(readFileSync(H));
  });

  it("gains --out onto its model or the effect table, indicators --out onto its values are refused", async () => {
    const d = tempDir();
    const model = join(d, "model.json");
    writeFileSync(model, readFileSync(join(ROOT, "analyses", "gains-relationel-velfaerd.json")));
    refusedOneLine(await effektAsync(["gains", "--model", model, "--assume", "employment=0.05", "--out", model]), /--out .* is --model/);
    refusedOneLine(await effektAsync(["gains", "--model", model, "--estimates", join(results, "effects.csv"), "--out", join(results, "effects.csv.meta.json")]), /--out .* is the effect table's \.meta\.json/);
    const values = join(d, "values.csv");
    writeFileSync(values, readFileSync(join(SAMPLES, "indicator-values.csv")));
    refusedOneLine(await effektAsync(["indicators", "--spec", join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json"), "--values", values, "--out", values]), /--out .* is --values/);
    expect(readFileSync(values)).toEqual(readFileSync(join(SAMPLES, "indicator-values.csv")));
  });
});

describe("a folder where a file is meant: one line, exit 2, never EISDIR", async () => {
  it.each([
    ["draw --households", (d: string) => ["draw", "--households", d, "--register", join(d, "..", "x", "a.csv"), "--wave", "1", "--seed", "s", "--treat", "1"]],
    ["draw --register", (d: string) => ["draw", "--households", H, ...CASES, "--register", d, "--wave", "1", "--seed", "s", "--treat", "1"]],
    ["verify --register", (d: string) => ["verify", "--register", d]],
    ["estimate --persons", (d: string) => ["estimate", "--register", register, "--persons", d, "--outcomes", O, "--outcome", "employment"]],
    ["estimate --register", (d: string) => ["estimate", "--register", d, "--persons", P, "--outcomes", O, "--outcome", "employment"]],
    ["estimate --takeup", (d: string) => ["estimate", "--register", register, "--persons", P, "--outcomes", O, "--outcome", "employment", "--takeup", d]],
    ["report --takeup", (d: string) => ["report", "--audience", "sus", "--results", results, "--takeup", d, "--out", join(d, "..", "r")]],
    ["report --register", (d: string) => ["report", "--audience", "sus", "--register", d, "--out", join(d, "..", "r")]],
    ["gains --model", (d: string) => ["gains", "--model", d, "--assume", "employment=0.05"]],
    ["indicators --spec", (d: string) => ["indicators", "--spec", d, "--values", join(SAMPLES, "indicator-values.csv")]],
    ["plan lock --plan", (d: string) => ["plan", "lock", "--plan", d, "--register", register]],
  ])("%s", async (_name, args) => {
    const d = join(tempDir(), "folder");
    mkdirSync(d);
    const r = await effektAsync(args(d));
    refusedOneLine(r, /folder/);
  });

  it("a draw refused for bad input leaves no empty output folder behind", async () => {
    const d = tempDir();
    const bad = join(d, "bad.csv");
    writeFileSync(bad, "household_id,area,active_cases\nh1,Houlkær,x\n");
    const r = await effektAsync(["draw", "--households", bad, "--register", join(d, "new", "deeper", "allocations.csv"), "--wave", "1", "--seed", "s", "--treat", "1"]);
    expect(r.code).toBe(2);
    expect(existsSync(join(d, "new"))).toBe(false);
  });
});
