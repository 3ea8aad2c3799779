import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPlan } from "../../src/plan/load.js";
import { ROOT, SAMPLES, effekt, tempDir } from "../helpers.js";

const PLAN = join(ROOT, "analyses", "relationel-velfaerd.json");

describe("effekt plan (CLI)", () => {
  let dir: string;
  let register: string;
  beforeAll(() => {
    dir = tempDir();
    register = join(dir, "allocations.csv");
    const r = effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--register", register, "--wave", "1", "--date", "2025-03-01", "--seed", "viborg-2025-wave-1", "--treat", "80"]);
    expect(r.code).toBe(0);
  });

  it("lock, lock again, refuse a changed plan on one line with exit 2, show, verify", () => {
    const sha = loadPlan(PLAN).sha256;
    const first = effekt(["plan", "lock", "--plan", PLAN, "--register", register, "--date", "2025-03-02"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`locked plan "relationel-velfaerd" version 1.0 (sha256 ${sha})`);
    const again = effekt(["plan", "lock", "--plan", PLAN, "--register", register]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("is already locked");

    const changed = join(dir, "changed.json");
    const json = JSON.parse(readFileSync(PLAN, "utf8"));
    json.outcomes[2].role = "primary";
    writeFileSync(changed, JSON.stringify(json));
    const refused = effekt(["plan", "lock", "--plan", changed, "--register", register]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toContain('outcomes[wellbeing].role: locked "secondary", used "primary"');
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    const show = effekt(["plan", "show", "--register", register]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`  sha256: ${sha}`);
    expect(show.stdout).toContain("  locked on 2025-03-02 when the register held waves 1");
    const compare = effekt(["plan", "show", "--register", register, "--plan", changed, "--format", "json"]);
    expect(JSON.parse(compare.stdout)).toMatchObject({ status: "deviates", locked_sha256: sha, deviations: ['outcomes[wellbeing].role: locked "secondary", used "primary"'] });

    const verify = effekt(["verify", "--register", register]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^verified: 1 wave/);
  });

  it("a bad plan file is one line naming the file and the path", () => {
    const bad = join(dir, "bad.json");
    const json = JSON.parse(readFileSync(PLAN, "utf8"));
    json.outcomes[0].aggregation = "median";
    writeFileSync(bad, JSON.stringify(json));
    const r = effekt(["plan", "lock", "--plan", bad, "--register", register]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`effekt: ${bad}: outcomes[employment].aggregation: must be "mean", "last", "first", "sum" or "max" (how the values in a window become one number per person) (value "median")\n`);
  });
});
