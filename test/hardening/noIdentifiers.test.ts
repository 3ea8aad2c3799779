import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { runPipeline, SAMPLE_FILES, sentOnTexts } from "./pipeline.js";

/**
 * No output meant to be sent on (effect table and meta, indicators, gains, balance table, both reports in every
 * format) and no line printed by any command carries a household, person or case id from the inputs.
 * The register and its manifests are working files and keep household ids; they are left out.
 */
describe("no identifiers in outputs or logs", () => {
  it("the demo pipeline on the samples: no H00001-, P000001- or C000001-style id anywhere it writes or prints", async () => {
    const ids = new Set<string>();
    for (const f of [SAMPLE_FILES.households, SAMPLE_FILES.cases, SAMPLE_FILES.persons, SAMPLE_FILES.outcomes, SAMPLE_FILES.takeup]) {
      for (const m of readFileSync(f, "utf8").matchAll(/\b[HPC]\d{5,6}\b/g)) ids.add(m[0]);
    }
    expect(ids.size).toBeGreaterThan(7000);
    const out = tempDir();
    const runs = await runPipeline(out, SAMPLE_FILES);
    const texts = [
      ...(await sentOnTexts(out)),
      ...runs.map((r) => ({ path: `stdout/stderr of effekt ${r.args.slice(0, 2).join(" ")}`, text: `${r.result.stdout}\n${r.result.stderr}` })),
    ];
    const names = texts.map((t) => t.path);
    for (const expected of ["effects.csv", "effects.csv.meta.json", "indicators.csv", "gains.json", "gains.csv", "allocations.csv.balance.csv", "report.xlsx", "report.html", "report.md"]) {
      expect(names.some((n) => n.endsWith(expected)), `${expected} was written`).toBe(true);
    }
    const leaks: string[] = [];
    for (const t of texts) {
      for (const m of t.text.matchAll(/\b[HPC]\d{5,6}\b/g)) if (ids.has(m[0])) leaks.push(`${t.path}: ${m[0]}`);
    }
    expect(leaks.slice(0, 10)).toEqual([]);
    // The detector works: the register (a working file, left out above) is full of household ids.
    const register = readFileSync(join(out, "allocations.csv"), "utf8");
    expect([...register.matchAll(/\b[HPC]\d{5,6}\b/g)].filter((m) => ids.has(m[0])).length).toBeGreaterThan(400);
  });
});
