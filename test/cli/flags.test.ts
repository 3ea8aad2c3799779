import { describe, expect, it } from "vitest";
import { effekt } from "../helpers.js";

describe("flags as a new user meets them", () => {
  it("a missing required flag prints one line naming it and exits 2, not the whole help", () => {
    const r = effekt(["draw", "--households", "husstande.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("effekt: required option '--register <file>' not specified\n");
    expect(r.stdout).toBe("");
    const unknown = effekt(["draw", "--husholdninger", "x.csv"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("--help marks the required flags and shows the options for reading exports", () => {
    const r = effekt(["draw", "--help"]);
    expect(r.code).toBe(0);
    for (const flag of ["--households <file>", "--register <file>", "--wave <n>", "--seed <text>", "--treat <n|STRATUM=n,...>"]) {
      expect(r.stdout).toMatch(new RegExp(`${flag.replace(/[|.()[\]]/g, "\\$&")}\\s+\\(required\\)`));
    }
    expect(r.stdout).not.toMatch(/--cases <file>\s+\(required\)/);
    for (const flag of ["--sheet <name>", "--skip-rows <n>", "--column <name=header>", "--mapping <file>", "--dry-run", "--area-alias"]) expect(r.stdout).toContain(flag);
  });
});
