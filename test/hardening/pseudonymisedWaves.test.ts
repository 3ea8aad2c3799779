/**
 * Pseudonymised waves keep what verification needs: their exports hold CPR numbers and are not copied into the evaluation
 * folder; what the draw read is kept instead (keyed pseudonyms for ids, active cases on the draw date, strata and
 * covariates) under its hash, sealed in the wave's definition. So verify needs neither the exports nor the key, a
 * later wave's draw does not need the earlier exports unchanged at their old paths, and the kept file holds no
 * CPR number. A changed kept file is a difference (exit 1).
 */
import { copyFileSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effektAsync, filesUnder, tempDir } from "../helpers.js";
import { cprLeaks, cprSamples } from "./cprFixtures.js";

describe("pseudonymised waves verify from what the draw kept", () => {
  it("verify without exports or key, a re-exported file and a later wave change nothing, the kept file holds no CPR number", async () => {
    const exports = tempDir(); // the municipality's folder, outside the evaluation folder
    const { paths, values } = cprSamples(exports, ["households.csv", "cases.csv"]);
    const key = join(exports, "pseudonym.key");
    writeFileSync(key, "3f1c0a9e5b7d4c2a8e6f0b1d3c5a7e9f2b4d6f8a0c1e3a5b7d9f1b3d5f7a9c0e\n");
    const ev = join(tempDir(), "evaluation");
    const reg = join(ev, "allocations.csv");
    const flags = ["--allow-cpr-like-ids", "--pseudonym-key", key];
    const draw = (wave: number, date: string, treat: string) =>
      effektAsync(["draw", "--households", paths["households.csv"], "--cases", paths["cases.csv"], "--date", date, "--register", reg, "--wave", String(wave), "--seed", `s${wave}`, "--treat", treat, ...flags]);

    const first = await draw(1, "2025-03-01", "60");
    expect(first.code, first.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(ev, "allocations.csv.manifests", "wave-0001.json"), "utf8"));
    const sha = manifest.definition.inputs.pseudonymised_households;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const kept = readdirSync(join(ev, "allocations.csv.manifests", "inputs"));
    expect(kept).toEqual([`${sha}.csv`]);
    for (const f of filesUnder(ev)) expect(cprLeaks(readFileSync(f, "utf8"), values), f).toEqual([]);

    // The same wave verifies from the exports with the key, and from the kept file with neither.
    const withExports = await effektAsync(["verify", "--register", reg, "--households", paths["households.csv"], "--cases", paths["cases.csv"], ...flags]);
    expect(withExports.code, withExports.stderr).toBe(0);
    const fromKept = await effektAsync(["verify", "--register", reg]);
    expect(fromKept.code, fromKept.stderr).toBe(0);
    expect(fromKept.stdout).toMatch(/wave 1 re-derived from the pseudonymised households kept in the manifests folder/);
    const balance1 = readFileSync(`${reg}.balance.csv`, "utf8");

    // The municipality re-exports under the same names (changed contents) and the old files are gone: the next
    // wave is drawn from the new export; wave 1's balance rows are unchanged and everything still verifies.
    const lines = readFileSync(paths["households.csv"], "utf8").split("\n");
    writeFileSync(paths["households.csv"], `${lines.map((l, i) => (i > 0 && i % 5 === 0 ? l.replace(/,(\d+),/, ",9,") : l)).join("\n")}`);
    const second = await draw(2, "2025-09-01", "20");
    expect(second.code, second.stderr).toBe(0);
    const rows = (text: string, wave: string) => text.split("\n").filter((l) => l.startsWith(`${wave},`));
    expect(rows(readFileSync(`${reg}.balance.csv`, "utf8"), "1")).toEqual(rows(balance1, "1"));
    renameSync(exports, `${exports}-moved`);
    const both = await effektAsync(["verify", "--register", reg]);
    expect(both.code, both.stderr).toBe(0);
    expect(both.stdout).toMatch(/waves 1, 2 re-derived/);
    for (const f of filesUnder(ev)) expect(cprLeaks(readFileSync(f, "utf8"), values), f).toEqual([]);

    // A changed kept file is a difference.
    const keptFile = join(ev, "allocations.csv.manifests", "inputs", `${sha}.csv`);
    copyFileSync(keptFile, join(ev, "..", "kept.bak"));
    const k = readFileSync(keptFile, "utf8").split("\n");
    k[1] = k[1].replace(/,(\d+),/, (m, n) => `,${Number(n) + 1},`);
    writeFileSync(keptFile, k.join("\n"));
    const tampered = await effektAsync(["verify", "--register", reg]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/kept households of this pseudonymised wave/);
  }, 120_000);
});
