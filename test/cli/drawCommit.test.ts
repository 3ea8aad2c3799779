import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effektAsync, filesUnder, SAMPLES, tempDir } from "../helpers.js";

/**
 * A draw commits all or nothing, later waves do not depend on earlier export files,
 * and verify catches every change to what was decided (a removed wave, an edited manifest count, p_treatment).
 */

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((f) => [f, createHash("sha256").update(readFileSync(f)).digest("hex")]));
}

/** An evaluation folder `eval/` with its own copies of the inputs in `data/`. */
function folder(): { d: string; reg: string; h: string; c: string } {
  const d = tempDir();
  mkdirSync(join(d, "data"));
  mkdirSync(join(d, "eval"));
  const h = join(d, "data", "households.csv");
  const c = join(d, "data", "cases.csv");
  copyFileSync(join(SAMPLES, "households.csv"), h);
  copyFileSync(join(SAMPLES, "cases.csv"), c);
  return { d, reg: join(d, "eval", "allocations.csv"), h, c };
}

const draw = (f: { reg: string; h: string; c: string }, wave: number, seed = `s${wave}`, extra: string[] = []) =>
  effektAsync(["draw", "--households", f.h, "--cases", f.c, "--date", wave === 1 ? "2025-03-01" : "2025-09-01", "--register", f.reg, "--wave", String(wave), "--seed", seed, "--treat", wave === 1 ? "80" : "60", ...extra]);
const verify = (reg: string) => effektAsync(["verify", "--register", reg]);
const waveRows = (csv: string, wave: string) => csv.split("\n").filter((l) => l.startsWith(`${wave},`)).join("\n");

describe("a draw commits all or nothing; earlier waves need no export files", () => {
  it("re-exporting the households file under the same name changes neither verify nor wave 1's balance rows", async () => {
    const f = folder();
    expect((await draw(f, 1)).code).toBe(0);
    const balance1 = waveRows(readFileSync(`${f.reg}.balance.csv`, "utf8"), "1");
    // The municipality re-exports: same file name, one household's covariate corrected.
    writeFileSync(f.h, readFileSync(f.h, "utf8").replace(/^(H00003,Houlkær,)2,1,/m, "$13,1,"));
    const w2 = await draw(f, 2);
    expect(w2.code, w2.stderr).toBe(0);
    expect(waveRows(readFileSync(`${f.reg}.balance.csv`, "utf8"), "1")).toBe(balance1);
    const v = await verify(f.reg);
    expect(v.code, v.stderr).toBe(0);
  });

  it("moving the evaluation folder away from the export files keeps it verifiable", async () => {
    const f = folder();
    expect((await draw(f, 1)).code).toBe(0);
    const moved = join(tempDir(), "moved");
    renameSync(join(f.d, "eval"), moved);
    rmSync(join(f.d, "data"), { recursive: true });
    const v = await verify(join(moved, "allocations.csv"));
    expect(v.code, v.stderr).toBe(0);
  });

  it("a check that fails (an earlier wave's input gone) stops the draw before the commit point: nothing written", async () => {
    const f = folder();
    expect((await draw(f, 1)).code).toBe(0);
    // The earlier wave's input lies in the evaluation folder and is gone, with no kept copy and no file of the
    // same content given: refused, untouched (the old draw wrote the register first, then failed with exit 2).
    const g = folder();
    const reg = join(g.d, "eval", "allocations.csv");
    const h1 = join(g.d, "eval", "h1.csv");
    copyFileSync(f.h, h1);
    expect((await draw({ reg, h: h1, c: g.c }, 1)).code).toBe(0);
    rmSync(h1);
    rmSync(`${reg}.manifests/inputs`, { recursive: true });
    writeFileSync(g.h, readFileSync(g.h, "utf8").replace(/^(H00003,Houlkær,)2,1,/m, "$13,1,"));
    const before = snapshot(join(g.d, "eval"));
    const r = await draw({ reg, h: g.h, c: g.c }, 2);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/wave 1/);
    expect(snapshot(join(g.d, "eval"))).toEqual(before);
  });

  it("a stale balance table (a draw killed after its commit point) is rebuilt by re-running the draw", async () => {
    const f = folder();
    expect((await draw(f, 1)).code).toBe(0);
    const stale = readFileSync(`${f.reg}.balance.csv`);
    expect((await draw(f, 2)).code).toBe(0);
    const fresh = readFileSync(`${f.reg}.balance.csv`);
    const register = readFileSync(f.reg);
    writeFileSync(`${f.reg}.balance.csv`, stale);
    rmSync(`${f.reg}.manifests/commits.log`, { force: true });
    const again = await draw(f, 2);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(`${f.reg}.balance.csv`)).toEqual(fresh);
    expect(readFileSync(f.reg)).toEqual(register);

  });
});

describe("verify catches every change to what was decided", () => {
  async function twoWaves() {
    const f = folder();
    expect((await draw(f, 1)).code).toBe(0);
    expect((await draw(f, 2)).code).toBe(0);
    return f;
  }

  it("deleting every row of the last wave is a removed wave (exit 1), and its redraw with another seed is refused", async () => {
    const f = await twoWaves();
    const lines = readFileSync(f.reg, "utf8").split("\n");
    writeFileSync(f.reg, lines.filter((l) => l.split(",")[1] !== "2").join("\n"));
    const v = await verify(f.reg);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/wave 2: .*removed wave/);
    const manifest = readFileSync(`${f.reg}.manifests/wave-0002.json`);
    const redraw = await draw(f, 2, "another-seed");
    expect(redraw.code).toBe(2);
    expect(redraw.stderr).toMatch(/cannot be removed or redrawn/);
    expect(readFileSync(`${f.reg}.manifests/wave-0002.json`)).toEqual(manifest);
  });

  it("a draw interrupted before its commit point is told apart: verify passes, only the same settings finish it", async () => {
    const f = folder();
    expect((await draw(f, 1)).code).toBe(0);
    const refD = join(tempDir(), "ref");
    cpSync(f.d, refD, { recursive: true });
    const ref = join(refD, "eval");
    expect((await draw({ reg: join(ref, "allocations.csv"), h: join(refD, "data", "households.csv"), c: join(refD, "data", "cases.csv") }, 2)).code).toBe(0);
    // The state a kill between the manifest and the register leaves: wave 2's manifest, the register of wave 1.
    copyFileSync(join(ref, "allocations.csv.manifests", "wave-0002.json"), `${f.reg}.manifests/wave-0002.json`);
    const v = await verify(f.reg);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/interrupted draw/);
    expect((await draw(f, 2, "another-seed")).code).toBe(2);
    expect((await draw(f, 2)).code).toBe(0);
    expect(readFileSync(f.reg)).toEqual(readFileSync(join(ref, "allocations.csv")));
  });

  for (const [name, edit] of [
    ["eligible.count", (m: any) => { m.eligible.count += 1; }],
    ["an exclusion count", (m: any) => { m.exclusions.too_few_cases += 3; }],
    ["a stratum's eligible and control numbers", (m: any) => { m.strata[0].eligible += 1; m.strata[0].control += 1; }],
    ["a stratum's p_treatment text", (m: any) => { m.strata[0].p_treatment = "0.5 (1/2)"; }],
  ] as const) {
    it(`an edit of ${name} in the last wave's manifest (exit 1)`, async () => {
      const f = await twoWaves();
      const path = `${f.reg}.manifests/wave-0002.json`;
      const m = JSON.parse(readFileSync(path, "utf8"));
      edit(m);
      writeFileSync(path, `${JSON.stringify(m, null, 2)}\n`);
      rmSync(`${f.reg}.manifests/commits.log`, { force: true }); // even without the commit record, which also records the manifest's hash
      const v = await verify(f.reg);
      expect(v.code, v.stdout).toBe(1);
      expect(v.stderr).toMatch(/wave 2: the manifest's (eligible|exclusions|strata)/);
    });
  }

  it("an edit of p_treatment in the register (exit 1, naming the line)", async () => {
    const f = await twoWaves();
    const lines = readFileSync(f.reg, "utf8").split("\n");
    const cells = lines[5].split(",");
    cells[4] = "0.9";
    lines[5] = cells.join(",");
    writeFileSync(f.reg, lines.join("\n"));
    const v = await verify(f.reg);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/line 6: differs/);
    expect((await draw(f, 3, "s3")).code).toBe(2);
  });
});
