import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effekt, filesUnder, SAMPLES, tempDir } from "../helpers.js";
import { cprLeaks, cprSamples } from "./cprFixtures.js";

/**
 * The personal-data guarantee past the lottery: persons, outcomes and take-up files whose ids look like CPR
 * numbers go through draw -> estimate -> report with `--allow-cpr-like-ids --pseudonym-key FILE` (each id replaced
 * by the same keyed pseudonym in every command, so the files still join), and no CPR-like value reaches any file,
 * stdout or stderr. Without the flag each of those files is refused with one line and exit 2, and so is a key
 * other than the one the register's waves were drawn with.
 */


describe("CPR-like ids in persons, outcomes and take-up: pseudonymised through estimate and report, or refused", () => {
  const inputs = tempDir();
  const { paths, values } = cprSamples(inputs, ["households.csv", "cases.csv", "persons.csv", "outcomes.csv", "takeup.csv"]);
  const key = join(inputs, "pseudonym.key");
  writeFileSync(key, "3f1c0a9e5b7d4c2a8e6f0b1d3c5a7e9f2b4d6f8a0c1e3a5b7d9f1b3d5f7a9c0e\n");
  const other = join(inputs, "other.key");
  writeFileSync(other, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
  const flags = ["--allow-cpr-like-ids", "--pseudonym-key", key];
  const out = tempDir();
  const register = join(out, "allocations.csv");
  const draws = [
    effekt(["draw", "--households", paths["households.csv"], "--cases", paths["cases.csv"], "--date", "2025-03-01", "--register", register, "--wave", "1", "--seed", "viborg-2025-wave-1", "--treat", "80", ...flags]),
    effekt(["draw", "--households", paths["households.csv"], "--cases", paths["cases.csv"], "--date", "2025-09-01", "--register", register, "--wave", "2", "--seed", "viborg-2025-wave-2", "--treat", "60", ...flags]),
  ];
  const estimateArgs = (persons: string, outcomes: string, takeup: string) =>
    ["estimate", "--register", register, "--persons", persons, "--outcomes", outcomes, "--takeup", takeup, "--outcome", "employment", "--window", "first", "--no-progress"];

  it("with flag and key: draw -> estimate -> report (SUS and AAU) work and nothing written or printed holds a CPR-like value", () => {
    for (const r of draws) expect(r.code, r.stderr).toBe(0);
    const est = effekt([...estimateArgs(paths["persons.csv"], paths["outcomes.csv"], paths["takeup.csv"]), "--out", join(out, "effects.csv"), ...flags]);
    expect(est.code, est.stderr).toBe(0);
    const effects = readFileSync(join(out, "effects.csv"), "utf8").trim().split("\n");
    const header = effects[0].split(",");
    const rows = effects.slice(1).map((l) => l.split(","));
    const col = (name: string) => header.indexOf(name);
    // the take-up file joined the register (the complier effect needs take-up among the treated)
    const iv = rows.find((r) => r[col("estimator")] === "cace_ratio" && r[col("subgroup")] === "");
    expect(iv, effects.join("\n")).toBeDefined();
    expect(Number.isFinite(Number(iv![col("estimate")]))).toBe(true);
    // the outcomes file joined persons.csv: every person with an employment value in the sample is counted
    const dim = rows.find((r) => r[col("estimator")] === "difference_in_means" && r[col("subgroup")] === "")!;
    expect(Number(dim[col("n_treatment")]) + Number(dim[col("n_control")])).toBeGreaterThan(100);

    const reports = ["sus", "aau"].map((audience) =>
      effekt(["report", "--audience", audience, "--results", out, "--takeup", paths["takeup.csv"], "--out", join(out, `report-${audience}`), "--format", "csv,md", ...flags]));
    for (const r of reports) expect(r.code, r.stderr).toBe(0);
    // the SUS flow table counts take-up among the treated: the pseudonymised take-up ids matched the register
    const flow = readFileSync(join(out, "report-sus", "csv", "flow.csv"), "utf8").replace(/^\uFEFF/, "").trim().split("\n").map((l) => l.split(";"));
    const tookUp = flow[0].indexOf("took_up");
    const totals = flow.filter((r) => r[1] === "alle områder").map((r) => Number(r[tookUp]));
    expect(totals.length, flow.join("\n")).toBeGreaterThan(0);
    expect(totals.every((n) => n > 0), flow.join("\n")).toBe(true);

    const written = filesUnder(out).map((f) => `${f}\n${readFileSync(f, "latin1")}`).join("\n") + [...draws, est, ...reports].map((r) => r.stdout + r.stderr).join("\n");
    expect(cprLeaks(written, values)).toEqual([]);
  });

  it("without the flag each file with CPR-like ids is refused, exit 2, one line per problem (the first 20 and a count of the rest), the value not shown", () => {
    const sample = (name: string) => join(SAMPLES, name);
    const refused = [
      // persons.csv (read after the take-up file: give the sample's take-up)
      effekt(estimateArgs(paths["persons.csv"], sample("outcomes.csv"), sample("takeup.csv"))),
      // outcomes.csv alone: its ids are not among persons.csv's
      effekt(estimateArgs(sample("persons.csv"), paths["outcomes.csv"], sample("takeup.csv"))),
      // takeup.csv
      effekt(estimateArgs(sample("persons.csv"), sample("outcomes.csv"), paths["takeup.csv"])),
      effekt(["report", "--audience", "sus", "--register", register, "--takeup", paths["takeup.csv"], "--out", join(tempDir(), "r"), "--format", "csv"]),
      // the key without the flag, and the flag without the key
      effekt([...estimateArgs(paths["persons.csv"], paths["outcomes.csv"], paths["takeup.csv"]), "--pseudonym-key", key]),
      effekt(["report", "--audience", "sus", "--register", register, "--takeup", paths["takeup.csv"], "--out", join(tempDir(), "r"), "--allow-cpr-like-ids"]),
      // a key other than the one the waves were drawn with (its pseudonyms would not join the register)
      effekt([...estimateArgs(paths["persons.csv"], paths["outcomes.csv"], paths["takeup.csv"]), "--allow-cpr-like-ids", "--pseudonym-key", other]),
      effekt(["report", "--audience", "sus", "--register", register, "--takeup", paths["takeup.csv"], "--out", join(tempDir(), "r"), "--allow-cpr-like-ids", "--pseudonym-key", other]),
    ];
    for (const r of refused) {
      expect(r.code, r.stderr).toBe(2);
      // one line, or a headline and the file's problems one per line (all problems of a file in one run)
      const lines = r.stderr.trim().split("\n");
      expect(lines.length, r.stderr).toBeLessThanOrEqual(22);
      expect(lines.slice(1).every((l) => l.startsWith("  ")), r.stderr).toBe(true);
      expect(r.stdout).toBe("");
      expect(cprLeaks(r.stderr, values)).toEqual([]);
    }
    expect(refused[0].stderr).toMatch(/persons\.csv, line 2, column person_id: value \(a value that looks like a CPR number, not shown\)/);
    expect(refused[1].stderr).toMatch(/outcomes\.csv, line 2, column person_id: value \(a value that looks like a CPR number, not shown\) is not in persons\.csv/);
    expect(refused[2].stderr).toMatch(/takeup\.csv, line 2, column household_id: value \(a value that looks like a CPR number, not shown\)/);
    expect(refused[3].stderr).toMatch(/takeup\.csv, line 2, column household_id: value \(a value that looks like a CPR number, not shown\)/);
    expect(refused[4].stderr).toMatch(/--pseudonym-key is only used with --allow-cpr-like-ids/);
    expect(refused[5].stderr).toMatch(/--allow-cpr-like-ids needs --pseudonym-key FILE/);
    for (const r of refused.slice(6)) expect(r.stderr).toMatch(/wave 1 was drawn with a different pseudonym key/);
  });
});
