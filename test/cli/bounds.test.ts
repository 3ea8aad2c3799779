import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effektAsync, ROOT, SAMPLES, tempDir } from "../helpers.js";

/** Bounds on every number a user types; an empty or blank seed is refused. Exit 2, one line. */

const H = join(SAMPLES, "households.csv");
const C = join(SAMPLES, "cases.csv");
const draw = (over: Record<string, string>) => {
  const flags: Record<string, string> = { "--households": H, "--cases": C, "--date": "2025-03-01", "--register": join(tempDir(), "a.csv"), "--wave": "1", "--seed": "s1", "--treat": "80", ...over };
  return effektAsync(["draw", ...Object.entries(flags).flat()]);
};

function refused(r: { code: number; stderr: string }, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
}

describe("bounds and seeds", () => {
  it.each([["empty", ""], ["blank", "   "]])("draw refuses an %s --seed", async (_n, seed) => refused(await draw({ "--seed": seed }), /--seed is empty/));
  it("draw refuses --treat 0 and all-zero per-stratum places", async () => {
    refused(await draw({ "--treat": "0" }), /--treat 0: .*no treatment places/);
    refused(await draw({ "--treat": "Houlkær=0,Ellekonebakken=0" }), /every stratum has 0 places/);
  });
  it("draw refuses a wave number past the safe integers", async () => refused(await draw({ "--wave": "99999999999999999999" }), /--wave/));
  it("estimate refuses --permutations past its bound and an empty --seed", async () => {
    const reg = join(tempDir(), "a.csv");
    expect((await effektAsync(["draw", "--households", H, "--cases", C, "--date", "2025-03-01", "--register", reg, "--wave", "1", "--seed", "s1", "--treat", "80"])).code).toBe(0);
    const base = ["estimate", "--register", reg, "--persons", join(SAMPLES, "persons.csv"), "--outcomes", join(SAMPLES, "outcomes.csv"), "--outcome", "employment", "--window", "first"];
    refused(await effektAsync([...base, "--permutations", "100000000000"]), /--permutations .* from 0 to/);
    refused(await effektAsync([...base, "--permutations", "10", "--seed", " "]), /--seed is empty/);
  });
  it("gains refuses --draws past its bound and an empty --seed", async () => {
    const model = join(ROOT, "analyses", "gains-relationel-velfaerd.json");
    refused(await effektAsync(["gains", "--model", model, "--assume", "employment=0.05", "--draws", "1000000000000"]), /--draws .* from 10000 to/);
    refused(await effektAsync(["gains", "--model", model, "--assume", "employment=0.05", "--seed", ""]), /--seed is empty/);
  });
});
