/**
 * `--decimal`, when given to a draw, is recorded in the wave's manifest (`inputs.*.read.decimal`), so
 * verify and later waves re-read the inputs with the same convention (not the one of their own run).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effektAsync, tempDir } from "../helpers.js";

/** A `;` households file whose income column holds only 1.234-like values: ambiguous without --decimal. */
function households(prefix: string, n: number): string {
  const lines = ["household_id;area;active_cases;income"];
  for (let i = 0; i < n; i++) lines.push(`${prefix}${i};Houlkær;2;${1 + (i % 7)}.${String(100 + ((i * 37) % 900)).padStart(3, "0")}`);
  return `${lines.join("\n")}\n`;
}

describe("--decimal is recorded in the manifest", () => {
  it("a draw with --decimal , records it; verify and the next wave read wave 1 with it, whatever their own --decimal", async () => {
    const d = tempDir();
    writeFileSync(join(d, "h1.csv"), households("A", 40));
    writeFileSync(join(d, "h2.csv"), households("B", 40));
    const reg = join(d, "ev", "allocations.csv");
    const draw = (file: string, wave: string, extra: string[] = []) =>
      effektAsync(["draw", "--households", join(d, file), "--register", reg, "--wave", wave, "--seed", `s${wave}`, "--treat", "10", "--date", "2025-03-01", ...extra]);

    const refused = await draw("h1.csv", "1");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--decimal/);
    const first = await draw("h1.csv", "1", ["--decimal", ","]);
    expect(first.code, first.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(d, "ev", "allocations.csv.manifests", "wave-0001.json"), "utf8"));
    expect(manifest.definition.inputs.households.read).toEqual({ decimal: "," });
    const balance1 = readFileSync(`${reg}.balance.csv`, "utf8");
    expect(balance1).toMatch(/^1,income,,10,30,\d{4}\.\d+/m); // thousands: the comma convention

    // verify needs no --decimal (it is recorded); a different one given for this run does not change wave 1
    for (const extra of [[], ["--decimal", "."]]) {
      const v = await effektAsync(["verify", "--register", reg, ...extra]);
      expect(v.code, `${extra.join(" ")}: ${v.stderr}`).toBe(0);
    }
    // the next wave, read with --decimal . for its own file, keeps wave 1's balance rows as drawn
    const second = await draw("h2.csv", "2", ["--decimal", "."]);
    expect(second.code, second.stderr).toBe(0);
    const wave1Rows = (text: string) => text.split("\n").filter((l) => /^1,income,/.test(l));
    expect(wave1Rows(readFileSync(`${reg}.balance.csv`, "utf8"))).toEqual(wave1Rows(balance1));
    expect((await effektAsync(["verify", "--register", reg])).code).toBe(0);
  }, 60_000);
});
