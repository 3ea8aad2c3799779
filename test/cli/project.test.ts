import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effekt, ROOT, SAMPLES, tempDir } from "../helpers.js";

/**
 * `effekt init` writes the evaluation folder's project file; commands run in the folder
 * (or given --project) take the register, inputs, plan and report settings from it, and a flag on the command
 * line wins. The inputs are the municipality's exports (samples/exports: a Windows-1252 ; file with a title line,
 * a workbook with title rows, read through the column mapping).
 */
const X = join(SAMPLES, "exports");

function evaluationFolder(): string {
  const d = tempDir();
  mkdirSync(join(d, "exports"));
  for (const f of ["husstande.csv", "sager.xlsx", "kolonner.json"]) copyFileSync(join(X, f), join(d, "exports", f));
  return d;
}

describe("effekt init and the project file", () => {
  it("init writes the paths relative to the folder; draw, verify, plan lock and estimate then need none of them", () => {
    const d = evaluationFolder();
    const init = effekt(["init", "--dir", "evaluation", "--households", "exports/husstande.csv", "--cases", "exports/sager.xlsx", "--mapping", "exports/kolonner.json",
      "--persons", join(SAMPLES, "persons.csv"), "--outcomes", join(SAMPLES, "outcomes.csv"), "--takeup", join(SAMPLES, "takeup.csv"), "--plan", join(ROOT, "analyses", "relationel-velfaerd.json"), "--lang", "da"], d);
    expect(init.code, init.stderr).toBe(0);
    const project = JSON.parse(readFileSync(join(d, "evaluation", "effekt.json"), "utf8"));
    expect(project).toMatchObject({ format: "effekt-project/1", register: "allocations.csv", results: ".", inputs: { households: "../exports/husstande.csv", cases: "../exports/sager.xlsx", mapping: "../exports/kolonner.json" }, report: { lang: "da" } });
    const e = join(d, "evaluation");
    const draw = effekt(["draw", "--date", "2025-03-01", "--wave", "1", "--seed", "viborg-2025-wave-1", "--treat", "80"], e);
    expect(draw.code, draw.stderr).toBe(0);
    // the same lottery as from the plain sample files with every path given
    const plain = join(tempDir(), "plain.csv");
    expect(effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01", "--register", plain, "--wave", "1", "--seed", "viborg-2025-wave-1", "--treat", "80"]).code).toBe(0);
    const lottery = (f: string) => readFileSync(f, "utf8").split("\n").map((l) => l.split(",").slice(0, 6).join(","));
    expect(lottery(join(e, "allocations.csv"))).toEqual(lottery(plain));
    expect(effekt(["verify"], e).stdout).toMatch(/^verified: 1 wave/);
    const lock = effekt(["plan", "lock"], e);
    expect(lock.code, lock.stderr).toBe(0);
    expect(existsSync(join(e, "allocations.csv.manifests", "plan-lock.json"))).toBe(true);
    const est = effekt(["estimate"], e);
    expect(est.code, est.stderr).toBe(0);
    expect(readFileSync(join(e, "effects.csv"), "utf8")).toMatch(/^outcome,horizon,estimator/);
    // quick mode: the plan and the plan's output file give way to --outcome (the table goes to stdout)
    const quick = effekt(["estimate", "--outcome", "wellbeing", "--window", "first"], e);
    expect(quick.code, quick.stderr).toBe(0);
    expect(quick.stdout).toMatch(/^outcome,horizon,estimator/);
  });

  it("a flag wins over the project; --project names the file from another folder; init refuses to replace a project", () => {
    const d = evaluationFolder();
    expect(effekt(["init", "--households", "exports/husstande.csv", "--cases", "exports/sager.xlsx", "--mapping", "exports/kolonner.json"], d).code).toBe(0);
    const other = effekt(["draw", "--register", "other.csv", "--date", "2025-03-01", "--wave", "1", "--seed", "s", "--treat", "10"], d);
    expect(other.code, other.stderr).toBe(0);
    expect(existsSync(join(d, "other.csv"))).toBe(true);
    expect(existsSync(join(d, "allocations.csv"))).toBe(false);
    const elsewhere = tempDir();
    const viaFlag = effekt(["--project", join(d, "effekt.json"), "draw", "--date", "2025-03-01", "--wave", "1", "--seed", "s", "--treat", "10"], elsewhere);
    expect(viaFlag.code, viaFlag.stderr).toBe(0);
    expect(existsSync(join(d, "allocations.csv"))).toBe(true);
    // --project may name the folder, before or after the command
    expect(effekt(["--project", d, "verify"], elsewhere).stdout).toMatch(/^verified/);
    expect(effekt(["verify", "--project", d], elsewhere).stdout).toMatch(/^verified/);
    const again = effekt(["init"], d);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/effekt\.json exists; edit it, or pass --force/);
  });

  it("a project file with an unknown key or a wrong type is one line naming the file and the field, exit 2", () => {
    const d = tempDir();
    writeFileSync(join(d, "effekt.json"), JSON.stringify({ format: "effekt-project/1", register: "allocations.csv", results: ".", inputs: { housholds: "h.csv" } }));
    const r = effekt(["verify"], d);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/effekt\.json: field inputs: Unrecognized key\(s\) in object: 'housholds'; expected a project file as effekt init writes it/);
    writeFileSync(join(d, "effekt.json"), JSON.stringify({ format: "effekt-project/1", register: "allocations.csv", results: ".", inputs: {}, report: { min_cell: 2 } }));
    expect(effekt(["verify"], d).stderr).toMatch(/field report\.min_cell: Number must be greater than or equal to 3/);
    // without a project file nothing changes: a missing required flag is named
    const bare = effekt(["draw", "--wave", "1"], tempDir());
    expect(bare.stderr).toMatch(/required option '--households <file>' not specified/);
  });
});
