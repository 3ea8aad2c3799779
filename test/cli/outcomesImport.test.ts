import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effekt, SAMPLES, tempDir } from "../helpers.js";
import { periodStart } from "../../src/io/outcomeImport.js";
import { parseDateText } from "../../src/io/columns.js";

const X = join(SAMPLES, "exports");
const lines = (p: string) => readFileSync(p, "utf8").trim().split("\n");

describe("effekt outcomes import", () => {
  it("turns the WHO-5 survey export (Windows-1252 ;, dates without leading zeros) into exactly the wellbeing rows of outcomes.csv, with the reshaping in the manifest", () => {
    const d = tempDir();
    const out = join(d, "wellbeing.csv");
    const r = effekt(["outcomes", "import", "--from", join(X, "trivsel-survey.csv"), "--spec", join(X, "import-trivsel.json"), "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const expected = lines(join(SAMPLES, "outcomes.csv")).filter((l, i) => i === 0 || l.split(",")[1] === "wellbeing");
    expect(lines(out)).toEqual(expected);
    const m = JSON.parse(readFileSync(`${out}.manifest.json`, "utf8"));
    expect(m).toMatchObject({ format: "effekt-outcome-import-v1", source: { file: "trivsel-survey.csv" }, spec: { content: { kind: "survey" } }, counts: { missing: 28 } });
    expect(m.reshaping).toMatch(/one row per response/);
  });

  it("turns the job centre's wide weekly status file into one row per person and week, codes mapped; each year's mean is the share of weeks self-supporting", () => {
    const d = tempDir();
    const out = join(d, "employment.csv");
    const r = effekt(["outcomes", "import", "--from", join(X, "jobcenter-uger.csv"), "--spec", join(X, "import-beskaeftigelse.json"), "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const rows = lines(out).slice(1).map((l) => l.split(","));
    const p23 = rows.filter((x) => x[0] === "P000023");
    // P000023's employment share 0.714 dated 2026-03-01: 52 weeks before it, round(0.714 x 52) = 37 self-supporting.
    const year1 = p23.filter((x) => x[2] < "2026-03-01" && x[2] >= "2025-02-24");
    expect(year1).toHaveLength(52);
    expect(year1.filter((x) => x[3] === "1")).toHaveLength(37);
    expect(year1[0][2]).toBe("2025-02-24"); // the Monday of ISO week 9 of 2025
    const m = JSON.parse(readFileSync(`${out}.manifest.json`, "utf8"));
    expect(m.reshaping).toMatch(/183 columns, 2025-02-24 to 2028-08-21/);
    expect(m.counts.S + m.counts.K).toBe(m.rows_written);
  });

  it("names every status code the spec does not map, with its cell, and writes nothing", () => {
    const d = tempDir();
    writeFileSync(join(d, "uger.csv"), Buffer.from("Status pr. uge;;\r\nPerson;Uge 10-2025;2025-03\r\nP1;S;K\r\nP2;X;S\r\nP3;K;Y\r\n;;\r\n", "latin1"));
    const spec = join(X, "import-beskaeftigelse.json");
    const title = effekt(["outcomes", "import", "--from", join(d, "uger.csv"), "--spec", spec, "--out", join(d, "o.csv")]);
    expect(title.code).toBe(2);
    expect(title.stderr).toMatch(/uger\.csv, line 1: looks like a title above the header .*--skip-rows 1/);
    const r = effekt(["outcomes", "import", "--from", join(d, "uger.csv"), "--spec", spec, "--out", join(d, "o.csv"), "--skip-rows", "1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "effekt: uger.csv has 2 problems; fix them and run again:\n" +
      '  uger.csv, line 4, column Uge 10-2025: value "X" is a status code the import spec does not map; expected one of "s", "k", "a", "-" (add it to "codes")\n' +
      '  uger.csv, line 5, column 2025-03: value "Y" is a status code the import spec does not map; expected one of "s", "k", "a", "-" (add it to "codes")\n',
    );
    expect(existsSync(join(d, "o.csv"))).toBe(false);
  });

  it("reads week and month columns as their first day (ISO 8601 weeks start on Monday; week 53 only where it exists)", () => {
    expect(periodStart("Uge 10-2025")).toBe(parseDateText("2025-03-03"));
    expect(periodStart("uge 1 2026")).toBe(parseDateText("2025-12-29"));
    expect(periodStart("2026-W53")).toBe(parseDateText("2026-12-28"));
    expect(periodStart("Uge 53-2025")).toBeUndefined();
    expect(periodStart("2025-03")).toBe(parseDateText("2025-03-01"));
    expect(periodStart("2025-13")).toBeUndefined();
    expect(periodStart("Person")).toBeUndefined();
  });
});
