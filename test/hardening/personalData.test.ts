import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effekt, filesUnder, tempDir } from "../helpers.js";
import { cprLeaks, cprSamples } from "./cprFixtures.js";
import { Pseudonymiser } from "../../src/io/pseudonym.js";


describe("CPR-like identifiers: refused, or replaced by keyed pseudonyms and never written", () => {
  const inputs = tempDir();
  const { paths, values } = cprSamples(inputs, ["households.csv", "cases.csv"]);
  // A non-id column with a few CPR-like values (as a categorical covariate it would be written to the balance table).
  const lines = readFileSync(paths["households.csv"], "utf8").trim().split("\n");
  const guardians = ["020202-2222", "0303031333"];
  guardians.forEach((g) => values.add(g));
  writeFileSync(paths["households.csv"], `${lines[0]},guardian\n${lines.slice(1).map((l, i) => `${l},${guardians[i % 2]}`).join("\n")}\n`);
  const key = join(inputs, "pseudonym.key");
  writeFileSync(key, "3f1c0a9e5b7d4c2a8e6f0b1d3c5a7e9f2b4d6f8a0c1e3a5b7d9f1b3d5f7a9c0e\n");
  const other = join(inputs, "other.key");
  writeFileSync(other, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
  const draw = (register: string, wave: number, date: string, extra: string[]) =>
    effekt(["draw", "--households", paths["households.csv"], "--cases", paths["cases.csv"], "--date", date, "--register", register, "--wave", String(wave), "--seed", `s${wave}`, "--treat", "60", ...extra]);

  it("without the flag the file is refused, a line per problem, none showing the value", () => {
    const out = tempDir();
    const r = draw(join(out, "allocations.csv"), 1, "2025-03-01", []);
    expect(r.code).toBe(2);
    // One headline and the file's problems one per line (the first 20 and a count of the rest), each effekt's own.
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^effekt: /);
    expect(lines.length).toBeLessThanOrEqual(22);
    expect(lines.slice(1).every((l) => l.startsWith("  "))).toBe(true);
    expect(r.stderr).toMatch(/households\.csv, line 2, column household_id: value \(a value that looks like a CPR number, not shown\)/);
    expect(cprLeaks(r.stdout + r.stderr, values)).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
  });

  it("the flag without a key is refused (an unkeyed hash of a CPR number can be reversed)", () => {
    const out = tempDir();
    const r = draw(join(out, "allocations.csv"), 1, "2025-03-01", ["--allow-cpr-like-ids"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--allow-cpr-like-ids needs --pseudonym-key FILE/);
    const short = join(out, "short.key");
    writeFileSync(short, "tooshort");
    const s = draw(join(out, "allocations.csv"), 1, "2025-03-01", ["--allow-cpr-like-ids", "--pseudonym-key", short]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/pseudonym key has 8 bytes; expected at least 16/);
  });

  it("with flag and key: two waves, verify; no CPR-like value in any file, stdout or stderr; a different key is refused", () => {
    const out = tempDir();
    const register = join(out, "allocations.csv");
    const flags = ["--allow-cpr-like-ids", "--pseudonym-key", key];
    // Pseudonymised inputs are not kept inside the register's folder and lie outside it, so verify is told where they are.
    const inputsGiven = ["--households", paths["households.csv"], "--cases", paths["cases.csv"]];
    const runs = [draw(register, 1, "2025-03-01", flags), draw(register, 2, "2025-09-01", flags), effekt(["verify", "--register", register, ...inputsGiven, ...flags])];
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(runs[2].stdout).toMatch(/verified: 2 waves/);
    // The register holds pseudonyms: PS- and 16 hex digits, the HMAC of the original id under the key.
    const ids = readFileSync(register, "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]);
    expect(ids.every((id) => /^PS-[0-9a-f]{16}$/.test(id))).toBe(true);
    const p = new Pseudonymiser(Buffer.from("3f1c0a9e5b7d4c2a8e6f0b1d3c5a7e9f2b4d6f8a0c1e3a5b7d9f1b3d5f7a9c0e"));
    const all = [...values].map((v) => p.of(v));
    expect(ids.every((id) => all.includes(id))).toBe(true);

    const refused = [
      effekt(["verify", "--register", register, ...inputsGiven]),
      effekt(["verify", "--register", register, ...inputsGiven, "--allow-cpr-like-ids", "--pseudonym-key", other]),
      draw(register, 3, "2026-03-01", ["--allow-cpr-like-ids", "--pseudonym-key", other]),
      draw(register, 3, "2026-03-01", []),
    ];
    for (const r of refused) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(refused[0].stderr).toMatch(/wave 1 was drawn with CPR-like ids replaced by keyed pseudonyms/);
    expect(refused[1].stderr).toMatch(/wave 1 was drawn with a different pseudonym key/);
    expect(refused[2].stderr).toMatch(/different pseudonym key/);

    const written = filesUnder(out).map((f) => `${f}\n${readFileSync(f, "utf8")}`).join("\n") + [...runs, ...refused].map((r) => r.stdout + r.stderr).join("\n");
    expect(cprLeaks(written, values)).toEqual([]);
  });
});
