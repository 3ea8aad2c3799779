/**
 * Bounds: effects that overflow never print "NaN DKK" and never put null, NaN or Infinity into any
 * JSON. An absurd effect (1e308, by --assume or from an effect table) is refused with one line, exit 2 and nothing
 * written; a huge but computable one (1e250) gives finite numbers everywhere: gains.json holds null only where a
 * normal run does (fields that are absent by design), and the report built on it shows no NaN or Infinity.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effektAsync, ROOT, tempDir } from "../helpers.js";

const MODEL = join(ROOT, "analyses", "gains-relationel-velfaerd.json");
const OTHERS = ["foster-placement-avoided=0.005", "residential-placement-avoided=0.0025", "school-absence-reduced=0.05", "life-satisfaction-up=0.06"].flatMap((a) => ["--assume", a]);

/** The paths of every null in a JSON value. */
function nullPaths(x: unknown, path = ""): string[] {
  if (x === null) return [path.replace(/\[\d+\]/g, "[]")];
  if (Array.isArray(x)) return x.flatMap((v) => nullPaths(v, `${path}[]`));
  if (x && typeof x === "object") return Object.entries(x).flatMap(([k, v]) => nullPaths(v, `${path}.${k}`));
  return [];
}

describe("effects that overflow", () => {
  it("--assume 1e308 (and -1e308) is refused with one line, exit 2, nothing written", async () => {
    const d = tempDir();
    for (const e of ["1e308", "-1e308", "1e301"]) {
      const r = await effektAsync(["gains", "--model", MODEL, "--assume", `employment=${e}`, ...OTHERS, "--out", join(d, "gains.json")]);
      expect(r.code, e).toBe(2);
      expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(/is not a finite number: an effect \(--assume or the effect table\)/);
      expect(r.stdout).not.toMatch(/NaN|Infinity/);
      expect(existsSync(join(d, "gains.json"))).toBe(false);
    }
  });

  it("an effect table with an estimate of 1e308 is refused the same way", async () => {
    const d = tempDir();
    const table = join(d, "effects.csv");
    writeFileSync(table, [
      "outcome,horizon,estimator,estimand,subgroup,subgroup_level,estimate,std_error,df,ci_low,ci_high,p_value,n_treatment,n_control,n_clusters,role,allocation",
      "employment,1,lm_lin,ITT,,,1e308,1,100,-1,1,0.5,100,100,100,primary,effekt",
      "employment,3,lm_lin,ITT,,,1e308,1,100,-1,1,0.5,100,100,100,primary,effekt",
    ].join("\n") + "\n");
    const r = await effektAsync(["gains", "--model", MODEL, "--estimates", table, ...OTHERS, "--out", join(d, "gains.json")]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(d, "gains.json"))).toBe(false);
  });

  it("a huge but computable effect (1e250): every number finite, null only where a normal run has it, no NaN in the summary or the report", async () => {
    const d = tempDir();
    const results = join(d, "results");
    mkdirSync(results);
    const normal = await effektAsync(["gains", "--model", MODEL, "--assume", "employment=0.05", ...OTHERS, "--out", join(d, "normal.json")]);
    expect(normal.code, normal.stderr).toBe(0);
    const huge = await effektAsync(["gains", "--model", MODEL, "--assume", "employment=1e250", ...OTHERS, "--out", join(results, "gains.json")]);
    expect(huge.code, huge.stderr).toBe(0);
    expect(huge.stdout).not.toMatch(/NaN|Infinity/);
    const text = readFileSync(join(results, "gains.json"), "utf8");
    expect(text).not.toMatch(/NaN|Infinity/);
    const expected = new Set(nullPaths(JSON.parse(readFileSync(join(d, "normal.json"), "utf8"))));
    for (const p of new Set(nullPaths(JSON.parse(text)))) expect(expected.has(p), `null at ${p}`).toBe(true);
    const csv = await effektAsync(["gains", "--model", MODEL, "--assume", "employment=1e250", ...OTHERS, "--format", "csv"]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).not.toMatch(/NaN|Infinity/);

    const report = await effektAsync(["report", "--audience", "aau", "--results", results, "--format", "csv,md,html", "--out", join(d, "report")]);
    expect(report.code, report.stderr).toBe(0);
    for (const f of ["report.md", "report.html", ...readdirSync(join(d, "report", "csv")).map((c) => join("csv", c))]) {
      expect(readFileSync(join(d, "report", f), "utf8"), f).not.toMatch(/NaN|Infinity/);
    }
  }, 60_000);
});
