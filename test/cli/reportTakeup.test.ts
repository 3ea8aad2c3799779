import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effekt, SAMPLES, tempDir } from "../helpers.js";

/**
 * `Ja`/`Nej` and `1`/`0` read the same way in every command: `report --takeup` took only true/false/1/0/
 * yes/no and refused `ja`, which `estimate` accepts. A take-up file as a municipality keeps it (Windows-1252, `;`,
 * Danish headers mapped, ja/Ja/JA/1 and nej/Nej/0) gives the same report tables as the sample's true/false file.
 */
describe("report --takeup reads ja/Ja/1 like estimate", () => {
  it("the Danish export gives the same tables as true/false", () => {
    const d = tempDir();
    const register = join(d, "allocations.csv");
    const draw = effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01", "--register", register, "--wave", "1", "--seed", "viborg-2025-wave-1", "--treat", "80"]);
    expect(draw.code, draw.stderr).toBe(0);
    const sample = readFileSync(join(SAMPLES, "takeup.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const yes = ["ja", "Ja", "JA", "1"];
    const no = ["nej", "Nej", "0"];
    const rows = ["Husstand;Deltager", ...sample.map(([id, took], i) => `${id};${took === "true" ? yes[i % yes.length] : no[i % no.length]}`)];
    writeFileSync(join(d, "deltagelse.csv"), Buffer.from(`${rows.join("\r\n")}\r\n`, "latin1"));
    writeFileSync(join(d, "mapping.json"), JSON.stringify({ takeup: { columns: { household_id: "Husstand", took_up: "Deltager" } } }));
    const report = (takeup: string, out: string, extra: string[] = []) =>
      effekt(["report", "--audience", "sus", "--register", register, "--takeup", takeup, "--format", "csv", "--out", join(d, out), ...extra]);
    const plain = report(join(SAMPLES, "takeup.csv"), "plain");
    expect(plain.code, plain.stderr).toBe(0);
    const danish = report(join(d, "deltagelse.csv"), "danish", ["--mapping", join(d, "mapping.json")]);
    expect(danish.code, danish.stderr).toBe(0);
    const tables = readdirSync(join(d, "plain", "csv")).sort();
    expect(tables.length).toBeGreaterThan(0);
    expect(readdirSync(join(d, "danish", "csv")).sort()).toEqual(tables);
    // every table the same (the manifest table names the take-up file and its hash, which differ)
    for (const t of tables.filter((n) => n !== "manifest.csv")) expect(readFileSync(join(d, "danish", "csv", t), "utf8"), t).toBe(readFileSync(join(d, "plain", "csv", t), "utf8"));
    // the take-up counts are in the tables: a file with nobody taking up gives different ones
    writeFileSync(join(d, "none.csv"), `household_id,took_up\n${sample.map(([id]) => `${id},nej`).join("\n")}\n`);
    const none = report(join(d, "none.csv"), "none");
    expect(none.code, none.stderr).toBe(0);
    expect(tables.some((t) => readFileSync(join(d, "none", "csv", t), "utf8") !== readFileSync(join(d, "plain", "csv", t), "utf8"))).toBe(true);
  });

  it("an answer that is neither yes nor no is named with its line, in one run with the others", () => {
    const d = tempDir();
    const register = join(d, "allocations.csv");
    expect(effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01", "--register", register, "--wave", "1", "--seed", "s", "--treat", "80"]).code).toBe(0);
    writeFileSync(join(d, "t.csv"), "household_id,took_up\nH00001,ja\nH00002,måske\nH00003,Nej\nH00004,?\n");
    const r = effekt(["report", "--audience", "sus", "--register", register, "--takeup", join(d, "t.csv"), "--format", "csv", "--out", join(d, "r")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "effekt: t.csv has 2 problems; fix them and run again:\n" +
        '  t.csv, line 3, column took_up: value "måske" is not yes or no; expected true/false, 1/0 or ja/nej\n' +
        '  t.csv, line 5, column took_up: value "?" is not yes or no; expected true/false, 1/0 or ja/nej\n',
    );
  });
});
