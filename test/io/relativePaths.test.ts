/**
 * Paths in `.meta.json` files and manifests are relative to the folder, never absolute. The whole
 * workflow is run on absolute paths from an unrelated working folder; no JSON, manifest or sidecar it writes may
 * hold the temporary folder's absolute path, and a reader still finds what the meta names after the folder moved.
 */
import { copyFileSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effektAsync, filesUnder, ROOT, SAMPLES, tempDir } from "../helpers.js";

describe("paths written into metas and manifests are relative", () => {
  it("draw, plan lock, estimate, indicators, gains, outcomes import and report write no absolute path", async () => {
    const root = tempDir();
    const data = join(root, "data");
    const ev = join(root, "evaluation");
    const plans = join(root, "analyses");
    mkdirSync(data);
    mkdirSync(ev);
    mkdirSync(plans);
    for (const f of ["households.csv", "cases.csv", "persons.csv", "outcomes.csv", "takeup.csv", "indicator-values.csv"]) copyFileSync(join(SAMPLES, f), join(data, f));
    for (const f of ["relationel-velfaerd.json", "lbf-uddannelse-og-livschancer.json", "gains-relationel-velfaerd.json"]) copyFileSync(join(ROOT, "analyses", f), join(plans, f));
    for (const f of ["jobcenter-uger.csv", "import-beskaeftigelse.json"]) copyFileSync(join(SAMPLES, "exports", f), join(data, f));
    const cwd = tempDir(); // an unrelated working folder: every path below is absolute
    const d = (f: string) => join(data, f);
    const e = (f: string) => join(ev, f);
    const plan = join(plans, "relationel-velfaerd.json");
    const run = async (args: string[]) => {
      const r = await effektAsync(args, cwd);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
    };
    await run(["draw", "--households", d("households.csv"), "--cases", d("cases.csv"), "--date", "2025-03-01", "--register", e("allocations.csv"), "--wave", "1", "--seed", "s1", "--treat", "80"]);
    await run(["plan", "lock", "--plan", plan, "--register", e("allocations.csv")]);
    await run(["estimate", "--plan", plan, "--register", e("allocations.csv"), "--persons", d("persons.csv"), "--outcomes", d("outcomes.csv"), "--takeup", d("takeup.csv"), "--out", e("effects.csv")]);
    await run(["indicators", "--spec", join(plans, "lbf-uddannelse-og-livschancer.json"), "--values", d("indicator-values.csv"), "--out", e("indicators.csv")]);
    await run(["gains", "--model", join(plans, "gains-relationel-velfaerd.json"), "--estimates", e("effects.csv"), "--register", e("allocations.csv"), "--persons", d("persons.csv"),
      "--assume", "foster-placement-avoided=0.005", "--assume", "residential-placement-avoided=0.0025", "--assume", "school-absence-reduced=0.05", "--assume", "life-satisfaction-up=0.06", "--out", e("gains.json")]);
    await run(["outcomes", "import", "--from", d("jobcenter-uger.csv"), "--spec", d("import-beskaeftigelse.json"), "--out", e("outcomes-employment.csv")]);
    await run(["report", "--audience", "aau", "--results", ev, "--format", "csv,md,html", "--out", e("report-aau")]);

    const written = filesUnder(ev).filter((f) => /\.(json|log|md|html|csv)$/.test(f) && !f.includes(`${join("manifests", "inputs")}`));
    expect(written.some((f) => f.endsWith("effects.csv.meta.json"))).toBe(true);
    expect(written.some((f) => f.endsWith("wave-0001.json"))).toBe(true);
    for (const f of written) {
      const text = readFileSync(f, "utf8");
      expect(text.includes(root), `${f} holds the absolute path ${root}`).toBe(false);
      expect(text.includes(cwd), `${f} holds the working folder ${cwd}`).toBe(false);
    }
    const meta = JSON.parse(readFileSync(e("effects.csv.meta.json"), "utf8"));
    expect(meta.register.file).toBe("allocations.csv");
    expect(meta.inputs.persons.file).toBe("../data/persons.csv");
    expect(meta.plan.file).toBe("../analyses/relationel-velfaerd.json");

    // The folders move together (a copied evaluation): the report still finds the plan through the meta.
    const moved = join(tempDir(), "moved");
    renameSync(root, moved);
    const r = await effektAsync(["report", "--audience", "aau", "--results", join(moved, "evaluation"), "--format", "md", "--out", join(moved, "evaluation", "report-2")], cwd);
    expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(moved, "evaluation", "report-2", "manifest.json"), "utf8"));
    expect(JSON.stringify(manifest)).toContain("relationel-velfaerd.json");
  }, 120_000);
});
