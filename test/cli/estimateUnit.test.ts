import { createHash } from "node:crypto";
import { existsSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effektAsync, SAMPLES, tempDir } from "../helpers.js";

/** Estimate's table and its .meta.json are one unit; two runs onto one --out never mix them. */

describe("estimate --out: table and meta as one unit", () => {
  it("a run holding the output refuses another (nothing written); concurrent runs leave a matching pair", async () => {
    const d = tempDir();
    const reg = join(d, "a.csv");
    expect((await effektAsync(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01", "--register", reg, "--wave", "1", "--seed", "s1", "--treat", "80"])).code).toBe(0);
    const out = join(d, "effects.csv");
    const run = (outcome: string) => effektAsync(["estimate", "--register", reg, "--persons", join(SAMPLES, "persons.csv"), "--outcomes", join(SAMPLES, "outcomes.csv"), "--outcome", outcome, "--window", "first", "--out", out]);
    // A live holder of the output's lock: the run refuses and writes neither file.
    writeFileSync(`${out}.lock`, `${process.pid}\n${hostname()}\n`);
    const held = await run("employment");
    expect(held.code).toBe(2);
    expect(held.stderr).toMatch(/another effekt estimate is writing this effect table/);
    expect(existsSync(out) || existsSync(`${out}.meta.json`)).toBe(false);
    unlinkSync(`${out}.lock`);
    const results = await Promise.all(["employment", "wellbeing", "employment", "wellbeing"].map(run));
    expect(results.some((r) => r.code === 0)).toBe(true);
    const meta = JSON.parse(readFileSync(`${out}.meta.json`, "utf8"));
    expect(meta.table_sha256).toBe(createHash("sha256").update(readFileSync(out)).digest("hex"));
  });
});
