import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { effekt, SAMPLES, tempDir } from "../helpers.js";

/**
 * "All problems of a file in one run", for every reader besides households and cases (exports.test.ts):
 * persons, outcomes (streamed), take-up, the register, an outside allocation file, indicator values and persons.
 * Each file is broken in several rows; one run names the first 20 with their cells and counts the rest, and
 * nothing is written. The fixtures are written as municipalities export them where a reader takes a mapping:
 * Windows-1252, `;`, Danish headers.
 */

let dir = "";
let register = "";
const persons = join(SAMPLES, "persons.csv");
const outcomes = join(SAMPLES, "outcomes.csv");
const sampleLines = (name: string) => readFileSync(join(SAMPLES, name), "utf8").trim().split("\n");
/** A Danish Excel export: `;`, CRLF, Windows-1252. */
const writeExport = (path: string, rows: string[][]) => writeFileSync(path, Buffer.from(`${rows.map((r) => r.join(";")).join("\r\n")}\r\n`, "latin1"));
const lines = (stderr: string) => stderr.trimEnd().split("\n");

beforeAll(() => {
  dir = tempDir();
  register = join(dir, "allocations.csv");
  const r = effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01",
    "--register", register, "--wave", "1", "--seed", "viborg-2025-wave-1", "--treat", "80"]);
  expect(r.code, r.stderr).toBe(0);
});

const estimate = (extra: string[], out = join(dir, "effects.csv")) =>
  effekt(["estimate", "--register", register, "--persons", persons, "--outcomes", outcomes, "--outcome", "employment", "--window", "mean", "--out", out, ...extra]);

describe("every reader lists all the problems of its file in one run", () => {
  it("persons: a Windows-1252 ; export with Danish headers (mapped), 23 bad birth years and a duplicate person: 24 problems, the first 20 listed", () => {
    const d = tempDir();
    const src = sampleLines("persons.csv").map((l) => l.split(","));
    const rows = [["Person", "Husstand", "Fødselsår", "Køn", "Rolle", "Ydelse", "Beskæftiget før", "Skolefravær før"]];
    src.slice(1).forEach((r, i) => rows.push(i < 23 ? [r[0], r[1], "ukendt", ...r.slice(3)] : r));
    rows.push(src[40]); // person on line 41 again
    writeExport(join(d, "personer.csv"), rows);
    writeFileSync(join(d, "mapping.json"), JSON.stringify({ persons: { columns: { person_id: "Person", household_id: "Husstand", birth_year: "Fødselsår", role: "Rolle" } } }));
    const r = effekt(["estimate", "--register", register, "--persons", join(d, "personer.csv"), "--outcomes", outcomes, "--outcome", "employment", "--window", "mean", "--mapping", join(d, "mapping.json"), "--out", join(d, "effects.csv")]);
    expect(r.code).toBe(2);
    const out = lines(r.stderr);
    expect(out[0]).toBe("effekt: personer.csv has 24 problems (the first 20 below); fix them and run again:");
    // the duplicate is found first (ids are read before the birth years), named by the line it repeats
    expect(out[1]).toBe(`  personer.csv, line ${rows.length}, column Person (person_id): value "${src[40][0]}" is a duplicate (first seen on line 41); expected each id once`);
    expect(out[2]).toBe('  personer.csv, line 2, column Fødselsår (birth_year): value "ukendt" is not a number; expected a whole number (decimal comma, as the file is ;-separated)');
    expect(out[20]).toMatch(/^ {2}personer\.csv, line 20, column Fødselsår \(birth_year\): value "ukendt"/);
    expect(out[21]).toBe("  ... and 4 more");
    expect(out).toHaveLength(22);
    expect(readdirSync(d).sort()).toEqual(["mapping.json", "personer.csv"]);
  });

  it("outcomes (read as a stream): unknown persons, values that are not numbers and a short row, all named in one run", () => {
    const d = tempDir();
    const src = sampleLines("outcomes.csv");
    const broken = src.map((l, i) => {
      if (i === 5 || i === 9) return l.replace(/^P\d+/, "P999999");
      if (i === 12) return l.replace(/,[^,]*$/, ",syv");
      if (i === 30) return l.split(",").slice(0, 3).join(",");
      return l;
    });
    writeFileSync(join(d, "outcomes.csv"), `${broken.join("\n")}\n`);
    const r = estimate(["--outcomes", join(d, "outcomes.csv")], join(d, "effects.csv"));
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      "effekt: outcomes.csv has 4 problems; fix them and run again:",
      '  outcomes.csv, line 6, column person_id: value "P999999" is not in persons.csv; expected a person_id of the persons file',
      '  outcomes.csv, line 10, column person_id: value "P999999" is not in persons.csv; expected a person_id of the persons file',
      '  outcomes.csv, line 13, column value: value "syv" is not a number; expected a number',
      "  outcomes.csv, line 31: has a different number of fields than the header; expected one field per header column (check the delimiter and quotes)",
    ]);
    expect(readdirSync(d)).toEqual(["outcomes.csv"]);
  });

  it("outcomes: rows the analysis refuses (a second value without --window) are counted with the rest, beyond 20", () => {
    const d = tempDir();
    const src = sampleLines("outcomes.csv");
    const employment = src.filter((l) => l.includes(",employment,2026-03-01,"));
    // every person's 2026 value twice: one problem per repeat
    writeFileSync(join(d, "outcomes.csv"), `${[src[0], ...employment, ...employment].join("\n")}\n`);
    const r = effekt(["estimate", "--register", register, "--persons", persons, "--outcomes", join(d, "outcomes.csv"), "--outcome", "employment", "--out", join(d, "e.csv")]);
    expect(r.code).toBe(2);
    const out = lines(r.stderr);
    expect(out[0]).toBe(`effekt: outcomes.csv has ${employment.length} problems (the first 20 below); fix them and run again:`);
    expect(out[1]).toMatch(new RegExp(`^ {2}outcomes\\.csv, line ${employment.length + 2}, column person_id: value "P\\d+" has a second value of outcome "employment" \\(first on line 2\\)`));
    expect(out[21]).toBe(`  ... and ${employment.length - 20} more`);
  });

  it("take-up: an export with Danish headers and Ja/Nej, two unreadable answers and a duplicate household", () => {
    const d = tempDir();
    const src = sampleLines("takeup.csv").map((l) => l.split(","));
    const rows = [["Husstand", "Deltager"], ...src.slice(1).map((r, i) => [r[0], i === 3 ? "måske" : i === 7 ? "?" : r[1] === "true" ? "Ja" : "Nej"]), [src[2][0], "Ja"]];
    writeExport(join(d, "deltagelse.csv"), rows);
    writeFileSync(join(d, "mapping.json"), JSON.stringify({ takeup: { columns: { household_id: "Husstand", took_up: "Deltager" } } }));
    const r = estimate(["--takeup", join(d, "deltagelse.csv"), "--mapping", join(d, "mapping.json")], join(d, "effects.csv"));
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      "effekt: deltagelse.csv has 3 problems; fix them and run again:",
      `  deltagelse.csv, line ${rows.length}, column Husstand (household_id): value "${src[2][0]}" is a duplicate (first seen on line 3); expected each id once`,
      '  deltagelse.csv, line 5, column Deltager (took_up): value "måske" is not yes or no; expected true/false, 1/0 or ja/nej',
      '  deltagelse.csv, line 9, column Deltager (took_up): value "?" is not yes or no; expected true/false, 1/0 or ja/nej',
    ]);
  });

  it("the register: two hand-edited arms and a broken fraction are named together", () => {
    const d = tempDir();
    const reg = readFileSync(register, "utf8").split("\n");
    reg[3] = reg[3].replace(/,(treatment|control),/, ",treated,");
    reg[8] = reg[8].replace(/,(treatment|control),/, ",kontrol,");
    reg[11] = reg[11].replace(/,\d+\/\d+,/, ",0.2,");
    writeFileSync(join(d, "allocations.csv"), reg.join("\n"));
    const r = effekt(["estimate", "--register", join(d, "allocations.csv"), "--persons", persons, "--outcomes", outcomes, "--outcome", "employment", "--window", "mean", "--out", join(d, "effects.csv")]);
    expect(r.code).toBe(2);
    const out = lines(r.stderr);
    expect(out[0]).toBe("effekt: allocations.csv has 3 problems; fix them and run again:");
    expect(out.slice(1).map((l) => l.replace(/: .*/, ""))).toEqual(["  allocations.csv, line 4, column arm", "  allocations.csv, line 9, column arm", "  allocations.csv, line 12, column p_fraction"]);
    expect(out[1]).toBe('  allocations.csv, line 4, column arm: value "treated" is not an arm; expected "treatment" or "control"');
  });

  it("an outside allocation file: a Danish arm name, a probability of 1.2 and a bad draw date in one run", () => {
    const d = tempDir();
    const reg = readFileSync(register, "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const rows = [["household_id", "arm", "stratum", "p_treatment", "draw_date"], ...reg.map((r) => [r[0], r[3], r[2], "0,2", "01-03-2025"])];
    rows[2][1] = "behandling";
    rows[4][3] = "1,2";
    rows[6][4] = "31-02-2025";
    writeExport(join(d, "lodtraekning.csv"), rows);
    const r = effekt(["estimate", "--allocation", join(d, "lodtraekning.csv"), "--persons", persons, "--outcomes", outcomes, "--outcome", "employment", "--window", "mean", "--out", join(d, "effects.csv")]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      "effekt: lodtraekning.csv has 3 problems; fix them and run again:",
      '  lodtraekning.csv, line 3, column arm: value "behandling" is not an arm; expected "treatment" or "control"',
      '  lodtraekning.csv, line 5, column p_treatment: value "1.2" is not a probability strictly between 0 and 1; expected a number in (0, 1)',
      '  lodtraekning.csv, line 7, column draw_date: value "31-02-2025" is not a valid date; expected YYYY-MM-DD or DD-MM-YYYY',
    ]);
  });

  it("the result files a report reads: an effect table with two numbers broken is named in one run", () => {
    const d = tempDir();
    const est = estimate(["--out", join(d, "effects.csv")], join(d, "effects.csv"));
    expect(est.code, est.stderr).toBe(0);
    const lines = readFileSync(join(d, "effects.csv"), "utf8").split("\n");
    const col = lines[0].split(",").indexOf("estimate");
    const broken = lines.map((l, i) => (i === 1 || i === 2 ? l.split(",").map((f, j) => (j === col ? "n/a?" : f)).join(",") : l));
    writeFileSync(join(d, "effects.csv"), broken.join("\n"));
    const r = effekt(["report", "--audience", "aau", "--effects", join(d, "effects.csv"), "--format", "md", "--out", join(d, "report")]);
    expect(r.code).toBe(2);
    expect(lines.length).toBeGreaterThan(3);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      "effekt: effects.csv has 2 problems; fix them and run again:",
      '  effects.csv, line 2, column estimate: value "n/a?" is not a number; expected a finite number or empty',
      '  effects.csv, line 3, column estimate: value "n/a?" is not a number; expected a finite number or empty',
    ]);
  });

  it("indicator values and person-level indicator rows: every bad row of each file in one run", () => {
    const d = tempDir();
    const spec = join("analyses", "lbf-uddannelse-og-livschancer.json");
    // decimal commas, as Danish Excel writes a ; file
    const v = sampleLines("indicator-values.csv").map((l) => l.split(",").map((f) => f.replace(/^(\d+)\.(\d+)$/, "$1,$2")));
    v[2][2] = "2o24";
    v[4][3] = "1,3";
    v[6][0] = "ukendt-indikator";
    writeExport(join(d, "vaerdier.csv"), v);
    const rv = effekt(["indicators", "--spec", spec, "--values", join(d, "vaerdier.csv"), "--out", join(d, "indicators.csv")]);
    expect(rv.code).toBe(2);
    const outV = lines(rv.stderr);
    expect(outV[0]).toBe("effekt: vaerdier.csv has 3 problems; fix them and run again:");
    expect(outV.slice(1).map((l) => l.replace(/: .*/, ""))).toEqual(["  vaerdier.csv, line 7, column indicator", "  vaerdier.csv, line 3, column year", "  vaerdier.csv, line 5, column value"]);
    const p = sampleLines("indicator-persons.csv").map((l) => l.split(","));
    for (const i of [3, 10, 17]) p[i][3] = "måske";
    p[20][1] = "all areas";
    writeExport(join(d, "elever.csv"), p);
    const rp = effekt(["indicators", "--spec", spec, "--persons", join(d, "elever.csv"), "--out", join(d, "indicators.csv")]);
    expect(rp.code).toBe(2);
    const outP = lines(rp.stderr);
    expect(outP[0]).toBe("effekt: elever.csv has 4 problems; fix them and run again:");
    expect(outP.slice(1).map((l) => l.replace(/: .*/, ""))).toEqual(["  elever.csv, line 4, column meets", "  elever.csv, line 11, column meets", "  elever.csv, line 18, column meets", "  elever.csv, line 21, column area"]);
    expect(readdirSync(d).sort()).toEqual(["elever.csv", "vaerdier.csv"]);
  });
});
