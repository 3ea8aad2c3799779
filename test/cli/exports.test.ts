import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Excel from "exceljs";
import { describe, expect, it } from "vitest";
import { effekt, SAMPLES, tempDir } from "../helpers.js";
import { parseDateText } from "../../src/io/columns.js";

/** The samples as a municipality exports them (samples/generate-exports.ts): see samples/exports/. */
const X = join(SAMPLES, "exports");
const HUSSTANDE = join(X, "husstande.csv");
const SAGER = join(X, "sager.xlsx");
const MAPPING = join(X, "kolonner.json");

const draw = (register: string, households: string, cases: string, extra: string[] = []) =>
  effekt(["draw", "--households", households, "--cases", cases, "--date", "2025-03-01", "--register", register, "--wave", "1", "--seed", "viborg-2025-wave-1", "--treat", "80", ...extra]);
const lottery = (register: string) => readFileSync(register, "utf8").split("\n").map((l) => l.split(",").slice(0, 6).join(","));
const mappingWith = (dir: string, change: (m: Record<string, Record<string, unknown>>) => void) => {
  const m = JSON.parse(readFileSync(MAPPING, "utf8"));
  change(m);
  const path = join(dir, "mapping.json");
  writeFileSync(path, JSON.stringify(m));
  return path;
};

async function casesWorkbook(path: string, edit: (ws: Excel.Worksheet) => void): Promise<void> {
  const wb = new Excel.Workbook();
  await wb.xlsx.readFile(SAGER);
  edit(wb.getWorksheet("Sager")!);
  await wb.xlsx.writeFile(path);
}

describe("inputs as municipalities export them", () => {
  it("draws from a Windows-1252 ; export with a title line and Danish headers and an .xlsx with title rows: the same lottery as from the plain CSVs, and verify re-reads them", () => {
    const d = tempDir();
    const plain = draw(join(d, "plain.csv"), join(SAMPLES, "households.csv"), join(SAMPLES, "cases.csv"));
    expect(plain.code, plain.stderr).toBe(0);
    const fromExports = draw(join(d, "allocations.csv"), HUSSTANDE, SAGER, ["--mapping", MAPPING]);
    expect(fromExports.code, fromExports.stderr).toBe(0);
    expect(lottery(join(d, "allocations.csv"))).toEqual(lottery(join(d, "plain.csv")));
    // The balance table reads the decimal-comma covariates the same as the plain file's.
    expect(readFileSync(join(d, "allocations.csv.balance.csv"))).toEqual(readFileSync(join(d, "plain.csv.balance.csv")));
    // The manifest records how each file was read, so verify needs no flags.
    const manifest = JSON.parse(readFileSync(join(d, "allocations.csv.manifests", "wave-0001.json"), "utf8"));
    expect(manifest.definition.inputs.households.read).toMatchObject({ skip_rows: 1, columns: { household_id: "Husstand" } });
    expect(manifest.definition.inputs.cases.read).toMatchObject({ sheet: "Sager", skip_rows: 2 });
    const verified = effekt(["verify", "--register", join(d, "allocations.csv")]);
    expect(verified.code, verified.stderr).toBe(0);
    // The plain draw's manifest has no "read" entry: earlier manifests are unchanged.
    expect(readFileSync(join(d, "plain.csv.manifests", "wave-0001.json"), "utf8")).not.toContain('"read"');
  });

  it("names a title line above the header and says how many lines to skip, for a CSV and for a workbook", () => {
    const d = tempDir();
    const noSkip = mappingWith(d, (m) => { delete m.households.skip_rows; });
    const r = draw(join(d, "a.csv"), HUSSTANDE, SAGER, ["--mapping", noSkip]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('effekt: husstande.csv, line 1: looks like a title above the header ("Husstande i Viborg Kommune, udtræk 1. ma..."); the header seems to be on line 2; expected the header first, or --skip-rows 1 (or "skip_rows": 1 in the --mapping file) to skip the lines above it\n');
    const noSkipCases = mappingWith(d, (m) => { delete m.cases.skip_rows; });
    const x = draw(join(d, "a.csv"), HUSSTANDE, SAGER, ["--mapping", noSkipCases]);
    expect(x.code).toBe(2);
    expect(x.stderr).toMatch(/^effekt: sager\.xlsx, sheet "Sager", cell A1: looks like a title above the header \("Sager i Familieafdelingen, udtræk 1\. mar\.\.\."\); the header seems to be on row 3; .*--skip-rows 2/);
    expect(existsSync(join(d, "a.csv"))).toBe(false);
  });

  it("takes the mapping as flags too (--column NAME=HEADER, --skip-rows), and says which mapped header is missing", () => {
    const d = tempDir();
    const plainCases = join(SAMPLES, "cases.csv");
    const flags = ["--skip-rows", "1", ...["household_id=Husstand", "area=Boligområde"].flatMap((c) => ["--column", c])];
    const ok = draw(join(d, "a.csv"), HUSSTANDE, plainCases, flags);
    // --skip-rows applies to every input: the plain cases file loses its header line, which is named.
    expect(ok.code).toBe(2);
    expect(ok.stderr).toMatch(/cases\.csv, line 2, column case_id: is missing/);
    const one = draw(join(d, "a.csv"), HUSSTANDE, SAGER, ["--mapping", MAPPING, "--column", "area=Bydel"]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/husstande\.csv, line 2, column area: is missing; expected a column named "area" \(the header has: "Husstand", "Boligområde", .*maps it from "Bydel", which the header does not have either/);
  });

  it("names sheet and cell (B17-style) for a bad value in a workbook, and lists every problem of a file in one run", async () => {
    const d = tempDir();
    const bad = join(d, "sager.xlsx");
    await casesWorkbook(bad, (ws) => {
      ws.getCell("C17").value = "31-02-2025";
      ws.getCell("D20").value = "snart";
    });
    const r = draw(join(d, "a.csv"), HUSSTANDE, bad, ["--mapping", MAPPING]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'effekt: sager.xlsx, sheet "Sager" has 2 problems; fix them and run again:\n' +
      '  sager.xlsx, sheet "Sager", cell C17, column Oprettet (opened): value "31-02-2025" is not a valid date; expected a calendar date as YYYY-MM-DD or DD-MM-YYYY (7-3-2025 and 07.03.2025 too)\n' +
      '  sager.xlsx, sheet "Sager", cell D20, column Lukket (closed): value "snart" is not a valid date; expected a calendar date as YYYY-MM-DD or DD-MM-YYYY (7-3-2025 and 07.03.2025 too)\n',
    );
    const wrongSheet = draw(join(d, "a.csv"), HUSSTANDE, SAGER, ["--mapping", MAPPING, "--sheet", "Ark1"]);
    expect(wrongSheet.code).toBe(2);
    expect(wrongSheet.stderr).toMatch(/husstande\.csv|sager\.xlsx: has no sheet named "Ark1"; expected one of its sheets: "Sager"/);
    expect(existsSync(join(d, "a.csv"))).toBe(false);
  });

  it("lists the first 20 problems of a file with their lines and counts the rest", () => {
    const d = tempDir();
    const lines = readFileSync(join(SAMPLES, "households.csv"), "utf8").trim().split("\n");
    const header = `${lines[0]},active_cases`;
    const rows = lines.slice(1, 101).map((l, i) => `${l},${i < 25 ? "to" : "2"}`);
    writeFileSync(join(d, "h.csv"), `${[header, ...rows].join("\n")}\n`);
    const r = effekt(["draw", "--households", join(d, "h.csv"), "--register", join(d, "a.csv"), "--wave", "1", "--seed", "s", "--treat", "10"]);
    expect(r.code).toBe(2);
    const out = r.stderr.trim().split("\n");
    expect(out[0]).toBe("effekt: h.csv has 25 problems (the first 20 below); fix them and run again:");
    expect(out[1]).toBe('  h.csv, line 2, column active_cases: value "to" is not a number; expected a count of active municipal cases (0 or more)');
    expect(out[20]).toMatch(/^  h\.csv, line 21, /);
    expect(out[21]).toBe("  ... and 5 more");
    expect(out).toHaveLength(22);
    expect(readdirSync(d)).toEqual(["h.csv"]);
  });

  it("skips trailing rows of separators only, and reads dates without leading zeros and midnight date-times", () => {
    expect(parseDateText("7-3-2023")).toBe(parseDateText("2023-03-07"));
    expect(parseDateText("7.3.2023")).toBe(parseDateText("2023-03-07"));
    expect(parseDateText("2023-3-7")).toBe(parseDateText("2023-03-07"));
    expect(parseDateText("07-03-2023 00:00:00")).toBe(parseDateText("2023-03-07"));
    expect(parseDateText("07-03-2023 13:45")).toBeUndefined();
    expect(parseDateText("7-3.2023")).toBeUndefined();
    expect(parseDateText("31-2-2023")).toBeUndefined();
    const d = tempDir();
    copyFileSync(HUSSTANDE, join(d, "h.csv"));
    // husstande.csv ends in two ";;;;;;" rows; with quotes the file goes through the full CSV parser, which skips them too.
    const quoted = readFileSync(HUSSTANDE, "latin1").replace("Husstand;", '"Husstand";');
    writeFileSync(join(d, "q.csv"), Buffer.from(quoted, "latin1"));
    for (const f of ["h.csv", "q.csv"]) {
      const r = draw(join(d, `${f}.reg`), join(d, f), SAGER, ["--mapping", MAPPING]);
      expect(r.code, r.stderr).toBe(0);
    }
  });
});

describe("area names as registers spell them", () => {
  const variant = (d: string) => {
    const lines = readFileSync(join(SAMPLES, "households.csv"), "utf8").trim().split("\n");
    const out = lines.map((l, n) => {
      const f = l.split(",");
      if (n > 0 && n % 7 === 0 && f[1] === "Houlkær") f[1] = "HOULKÆR";
      if (n > 0 && n % 5 === 0 && f[1] === "Karup Kølvrå") f[1] = n % 2 ? "Karup - Kølvrå" : "karup-kølvrå";
      if (n > 0 && n % 11 === 0 && f[1] === "Ellekonebakken") f[1] = "Ellekonebakke";
      return f.join(",");
    });
    writeFileSync(join(d, "h.csv"), `${out.join("\n")}\n`);
    return join(d, "h.csv");
  };
  const C = join(SAMPLES, "cases.csv");

  it("reads case, spaces and hyphens as the selected area, stops on a near name that is not confirmed, and draws the same lottery once it is aliased; verify re-reads the names", () => {
    const d = tempDir();
    const h = variant(d);
    const stop = draw(join(d, "a.csv"), h, C);
    expect(stop.code).toBe(2);
    expect(stop.stderr).toBe('effekt: ' + h + ': area names that match no selected area: "Ellekonebakke" (54 households; nearest selected area "Ellekonebakken"); read one as a selected area with --area-alias "Ellekonebakke=Ellekonebakken" or leave it out with --exclude-area "Ellekonebakke". Nothing was drawn.\n');
    expect(readdirSync(d)).toEqual(["h.csv"]);
    const ok = draw(join(d, "a.csv"), h, C, ["--area-alias", "Ellekonebakke=Ellekonebakken"]);
    expect(ok.code, ok.stderr).toBe(0);
    const plain = draw(join(d, "plain.csv"), join(SAMPLES, "households.csv"), C);
    expect(plain.code).toBe(0);
    expect(lottery(join(d, "a.csv"))).toEqual(lottery(join(d, "plain.csv")));
    const m = JSON.parse(readFileSync(join(d, "a.csv.manifests", "wave-0001.json"), "utf8"));
    expect(m.definition.area_names).toEqual({ Ellekonebakke: "Ellekonebakken", HOULKÆR: "Houlkær", "Karup - Kølvrå": "Karup Kølvrå", "karup-kølvrå": "Karup Kølvrå" });
    expect(effekt(["verify", "--register", join(d, "a.csv")]).code).toBe(0);
    // The same wave again with the same flags is confirmed, not refused as redrawn.
    const again = draw(join(d, "a.csv"), h, C, ["--area-alias", "Ellekonebakke=Ellekonebakken"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/already drawn/);
  });

  it("--exclude-area leaves a near name out explicitly; far names (another area) and default areas absent from the file are not errors", () => {
    const d = tempDir();
    const h = variant(d);
    const ok = draw(join(d, "a.csv"), h, C, ["--exclude-area", "Ellekonebakke"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/excluded: 232 area not selected/); // Viborg Midtby (178) and Ellekonebakke (54)
    // A file with only Houlkær households: the default areas are not an error.
    const only = readFileSync(join(SAMPLES, "households.csv"), "utf8").trim().split("\n").filter((l, n) => n === 0 || l.includes(",Houlkær,"));
    writeFileSync(join(d, "houlkaer.csv"), `${only.join("\n")}\n`);
    const partial = draw(join(d, "b.csv"), join(d, "houlkaer.csv"), C);
    expect(partial.code, partial.stderr).toBe(0);
    // Named explicitly with --areas, an area no household lives in is still refused.
    const named = draw(join(d, "c.csv"), join(d, "houlkaer.csv"), C, ["--areas", "Houlkær,Ellekonebakken"]);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/--areas names "Ellekonebakken", which no household in .* lives in/);
  });

  it("--dry-run shows eligibility by area and reason and the strata with places, and writes nothing (not even a lock)", () => {
    const d = tempDir();
    const r = draw(join(d, "sub", "a.csv"), HUSSTANDE, SAGER, ["--mapping", MAPPING, "--dry-run"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("dry run of wave 1: nothing is drawn or written");
    expect(r.stdout).toContain("  Houlkær: 860 households, 155 eligible; excluded: 0 area not selected, 705 too few cases, 0 already drawn");
    expect(r.stdout).toContain("  Viborg Midtby: 178 households, 0 eligible; excluded: 178 area not selected, 0 too few cases, 0 already drawn");
    expect(r.stdout).toContain("  Houlkær: 155 eligible, 38 places (treatment), 117 control");
    expect(r.stdout).not.toMatch(/H\d{5}/);
    expect(readdirSync(d)).toEqual([]);
  });
});
