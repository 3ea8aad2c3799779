import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effektAsync, SAMPLES, tempDir } from "../helpers.js";

/**
 * `estimate` and `report` call a register "verified by effekt" only when it passes the same
 * checks as `effekt verify` (before, a register without manifests and with rewritten arms was labelled verified).
 */

async function results(tamper: (reg: string) => void): Promise<{ dir: string; meta: { register: { verified_by_effekt: boolean } }; table: string; report: string; warn: string }> {
  const dir = tempDir();
  const reg = join(dir, "allocations.csv");
  const d = await effektAsync(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01", "--register", reg, "--wave", "1", "--seed", "s1", "--treat", "80"]);
  expect(d.code, d.stderr).toBe(0);
  tamper(reg);
  const e = await effektAsync(["estimate", "--register", reg, "--persons", join(SAMPLES, "persons.csv"), "--outcomes", join(SAMPLES, "outcomes.csv"), "--outcome", "employment", "--window", "first", "--out", join(dir, "effects.csv")]);
  expect(e.code, e.stderr).toBe(0);
  const r = await effektAsync(["report", "--audience", "aau", "--results", dir, "--format", "md", "--lang", "en", "--out", join(dir, "report")]);
  expect(r.code, r.stderr).toBe(0);
  return {
    dir,
    meta: JSON.parse(readFileSync(join(dir, "effects.csv.meta.json"), "utf8")),
    table: readFileSync(join(dir, "effects.csv"), "utf8"),
    report: readFileSync(join(dir, "report", "report.md"), "utf8"),
    warn: e.stderr,
  };
}

describe("verified by effekt: only a register that passes verify", () => {
  it("an intact register is labelled verified", async () => {
    const r = await results(() => {});
    expect(r.meta.register.verified_by_effekt).toBe(true);
    expect(r.report).toMatch(/\(verified by effekt\)/);
  });

  it("a register without manifests and with rewritten arms is not", async () => {
    const r = await results((reg) => {
      rmSync(`${reg}.manifests`, { recursive: true });
      const lines = readFileSync(reg, "utf8").split("\n");
      lines[1] = lines[1].replace(/,control,|,treatment,/, (m) => (m === ",control," ? ",treatment," : ",control,"));
      writeFileSync(reg, lines.join("\n"));
    });
    expect(r.meta.register.verified_by_effekt).toBe(false);
    expect(r.warn).toMatch(/does not pass effekt verify/);
    expect(r.table).toMatch(/not verified by effekt/);
    expect(r.report).not.toMatch(/\(verified by effekt\)/);
  });
});
