import { copyFileSync, readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { effekt, SAMPLES, tempDir } from "../helpers.js";

const H = join(SAMPLES, "households.csv");
const C = join(SAMPLES, "cases.csv");

function wave1(dir: string, extra: string[] = [], households = H) {
  return effekt(["draw", "--households", households, "--cases", C, "--date", "2025-03-01", "--register", join(dir, "allocations.csv"), "--wave", "1", "--seed", "s1", "--treat", "80", ...extra]);
}
function wave2(dir: string, seed = "s2") {
  return effekt(["draw", "--households", H, "--cases", C, "--date", "2025-09-01", "--register", join(dir, "allocations.csv"), "--wave", "2", "--seed", seed, "--treat", "60"]);
}
const assignments = (dir: string) =>
  readFileSync(join(dir, "allocations.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",").slice(0, 4).join(",")).sort();

describe("effekt draw", () => {
  it("writes a byte-identical register and manifests for the same inputs and seed", () => {
    const a = tempDir();
    const b = tempDir();
    for (const d of [a, b]) { copyFileSync(H, join(d, "h.csv")); }
    expect(wave1(a, [], join(a, "h.csv")).code).toBe(0);
    expect(wave1(b, [], join(b, "h.csv")).code).toBe(0);
    expect(readFileSync(join(a, "allocations.csv"))).toEqual(readFileSync(join(b, "allocations.csv")));
    expect(readFileSync(join(a, "allocations.csv.manifests/wave-0001.json"))).toEqual(readFileSync(join(b, "allocations.csv.manifests/wave-0001.json")));
  });

  it("draws the same lottery as every earlier effekt version (pinned: household, wave, stratum, arm, p)", () => {
    const d = tempDir();
    expect(wave1(d).code).toBe(0);
    const lines = readFileSync(join(d, "allocations.csv"), "utf8").split("\n").map((l) => l.split(",").slice(0, 6).join(","));
    expect(createHash("sha256").update(lines.join("\n")).digest("hex")).toBe("7cf923eb39b2f4fac59ef5e942de36b8adc53d0063eaa38623dd7414f085d762");
  });

  it("gives the same assignment when the input rows are shuffled", () => {
    const a = tempDir();
    const b = tempDir();
    const lines = readFileSync(H, "utf8").trim().split("\n");
    const shuffled = [lines[0], ...lines.slice(1).reverse()].join("\n") + "\n";
    writeFileSync(join(b, "shuffled.csv"), shuffled);
    expect(wave1(a).code).toBe(0);
    expect(wave1(b, [], join(b, "shuffled.csv")).code).toBe(0);
    expect(assignments(b)).toEqual(assignments(a));
  });

  it("keeps earlier waves, confirms an identical re-run, and refuses a different seed or a gap", () => {
    const d = tempDir();
    expect(wave1(d).code).toBe(0);
    const afterOne = assignments(d);
    expect(wave2(d).code).toBe(0);
    const reg = readFileSync(join(d, "allocations.csv"));
    expect(assignments(d).filter((l) => l.split(",")[1] === "1")).toEqual(afterOne);
    const again = wave2(d);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already drawn.*unchanged/);
    const other = wave2(d, "another-seed");
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/wave 2 was already drawn with different settings: the seed/);
    const gap = effekt(["draw", "--households", H, "--register", join(d, "allocations.csv"), "--wave", "4", "--seed", "x", "--treat", "1", "--cases", C, "--date", "2026-01-01"]);
    expect(gap.code).toBe(2);
    expect(gap.stderr).toMatch(/next is 3/);
    expect(readFileSync(join(d, "allocations.csv"))).toEqual(reg);
    expect(effekt(["verify", "--register", join(d, "allocations.csv")]).code).toBe(0);
  });

  it("counts exclusions by reason and writes a balance table per wave", () => {
    const d = tempDir();
    const r = wave1(d);
    expect(r.stdout).toMatch(/excluded: \d+ area not selected, \d+ too few cases, 0 already drawn/);
    const balance = readFileSync(join(d, "allocations.csv.balance.csv"), "utf8");
    expect(balance.split("\n")[0]).toBe("wave,covariate,level,n_treatment,n_control,mean_treatment,mean_control,difference,std_difference");
    expect(balance).toMatch(/^1,employed_share,,80,/m);
  });
});

describe("effekt verify catches tampering", () => {
  function drawn() {
    const d = tempDir();
    copyFileSync(H, join(d, "households.csv"));
    copyFileSync(C, join(d, "cases.csv"));
    expect(effekt(["draw", "--households", join(d, "households.csv"), "--cases", join(d, "cases.csv"), "--date", "2025-03-01", "--register", join(d, "allocations.csv"), "--wave", "1", "--seed", "s1", "--treat", "80"]).code).toBe(0);
    expect(effekt(["verify", "--register", join(d, "allocations.csv")]).code).toBe(0);
    return d;
  }
  it("a hand-edited arm", () => {
    const d = drawn();
    const path = join(d, "allocations.csv");
    const lines = readFileSync(path, "utf8").split("\n");
    const k = lines.findIndex((l) => l.includes(",treatment,"));
    const id = lines[k].split(",")[0];
    lines[k] = lines[k].replace(",treatment,", ",control,");
    writeFileSync(path, lines.join("\n"));
    const r = effekt(["verify", "--register", path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`wave 1, household ${id}: arm is control in the register, the draw gives treatment`);
  });
  it("a deleted row", () => {
    const d = drawn();
    const path = join(d, "allocations.csv");
    const lines = readFileSync(path, "utf8").split("\n");
    const id = lines[5].split(",")[0];
    lines.splice(5, 1);
    writeFileSync(path, lines.join("\n"));
    const r = effekt(["verify", "--register", path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`household ${id}: missing from the register`);
  });
  it("a changed seed in a manifest", () => {
    const d = drawn();
    const mpath = join(d, "allocations.csv.manifests/wave-0001.json");
    writeFileSync(mpath, readFileSync(mpath, "utf8").replace('"seed": "s1"', '"seed": "s1-better"'));
    const r = effekt(["verify", "--register", join(d, "allocations.csv")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/wave 1: the manifest's draw definition .* is not the one the register was drawn with/);
  });
  it("a changed input file (the kept copy, or one given with --households)", () => {
    const d = drawn();
    const hp = join(d, "households.csv");
    writeFileSync(hp, readFileSync(hp, "utf8").replace("H00007,", "H00007x,"));
    const given = effekt(["verify", "--register", join(d, "allocations.csv"), "--households", hp]);
    expect(given.code).toBe(1);
    expect(given.stderr).toMatch(/wave 1: the households file .* has changed since the draw/);
    // The re-exported file at the old path no longer matters: verify reads the copy kept by content hash.
    expect(effekt(["verify", "--register", join(d, "allocations.csv")]).code).toBe(0);
    const kept = join(d, "allocations.csv.manifests", "inputs");
    const copy = join(kept, readdirSync(kept).find((n) => readFileSync(join(kept, n), "utf8").includes("H00007,"))!);
    writeFileSync(copy, readFileSync(copy, "utf8").replace("H00007,", "H00007x,"));
    const r = effekt(["verify", "--register", join(d, "allocations.csv")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/wave 1: the households file .* has changed since the draw/);
  });
  it("and a register changed by hand is refused by the next draw", () => {
    const d = drawn();
    const path = join(d, "allocations.csv");
    writeFileSync(path, readFileSync(path, "utf8").replace(",treatment,", ",control,"));
    const r = effekt(["draw", "--households", join(d, "households.csv"), "--cases", join(d, "cases.csv"), "--date", "2025-09-01", "--register", path, "--wave", "2", "--seed", "s2", "--treat", "10"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not match its manifests/);
    expect(existsSync(join(d, "allocations.csv.manifests/wave-0002.json"))).toBe(false);
  });
});

describe("bad input: one line naming file, line, column, value; exit 2; register untouched", () => {
  const cases: [string, string, RegExp][] = [
    ["missing column", "household_id,area\nH1,Houlkær\n", /h\.csv, line 1, column active_cases: is missing; expected a column named "active_cases"/],
    ["duplicate id", "household_id,area,active_cases\nH1,Houlkær,2\nH1,Houlkær,3\n", /h\.csv, line 3, column household_id: value "H1" is a duplicate \(first seen on line 2\)/],
    ["non-numeric count", "household_id,area,active_cases\nH1,Houlkær,to\n", /h\.csv, line 2, column active_cases: value "to" is not a number; expected a count/],
    ["empty file", "", /h\.csv: is empty/],
    ["CPR-like id", "household_id,area,active_cases\n010190-1234,Houlkær,2\n", /h\.csv, line 2, column household_id: value \(a value that looks like a CPR number, not shown\) looks like a Danish CPR number/],
  ];
  for (const [name, content, message] of cases) {
    it(name, () => {
      const d = tempDir();
      const ok = wave1(d);
      expect(ok.code).toBe(0);
      const before = readFileSync(join(d, "allocations.csv"));
      writeFileSync(join(d, "h.csv"), content);
      const r = effekt(["draw", "--households", join(d, "h.csv"), "--register", join(d, "allocations.csv"), "--wave", "2", "--seed", "s", "--treat", "1"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.js/);
      expect(readFileSync(join(d, "allocations.csv"))).toEqual(before);
      expect(readdirSync(join(d, "allocations.csv.manifests"))).toEqual(["commits.log", "inputs", "wave-0001.json"]);
    });
  }
  it("a wrong encoding (UTF-16 without a byte-order mark)", () => {
    const d = tempDir();
    writeFileSync(join(d, "h.csv"), Buffer.from("household_id,area,active_cases\nH1,Houlkær,2\n", "utf16le"));
    const r = effekt(["draw", "--households", join(d, "h.csv"), "--register", join(d, "a.csv"), "--wave", "1", "--seed", "s", "--treat", "1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/h\.csv, line 1: contains a NUL byte/);
    expect(existsSync(join(d, "a.csv"))).toBe(false);
  });
  it("an unknown area", () => {
    const d = tempDir();
    const r = effekt(["draw", "--households", H, "--register", join(d, "a.csv"), "--wave", "1", "--seed", "s", "--treat", "1", "--cases", C, "--date", "2025-03-01", "--areas", "Houlkær,Gl. Viborg"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--areas names "Gl. Viborg", which no household in .* lives in/);
  });
});
