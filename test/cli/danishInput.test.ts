import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { drawSampleLottery, effekt, filesUnder, ROOT, SAMPLES, tempDir } from "../helpers.js";
import { englishIn } from "../i18n/englishIn.js";

/**
 * The input readers' problems in Danish (`--lang da`): a Windows-1252 `;` export with Danish headers, a workbook
 * with title rows, a broken outcomes.csv, a bad persons file, an outcomes import the spec does not cover, and
 * indicator values. Each refusal keeps its one-line shape (file, line or cell, column, value, problem; expected)
 * and holds no text of the English catalogue; the same runs in English are unchanged, and a successful run writes
 * the same bytes in either language.
 */

const X = join(SAMPLES, "exports");
const HUSSTANDE = join(X, "husstande.csv");
const SAGER = join(X, "sager.xlsx");
const MAPPING = join(X, "kolonner.json");
const SPEC = join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json");

const da = (args: string[]) => effekt(["--lang", "da", ...args]);
const en = (args: string[]) => effekt(["--lang", "en", ...args]);
const lines = (stderr: string) => stderr.trimEnd().split("\n");
const importArgs = (from: string, spec: string, out: string) => ["outcomes", "import", "--from", from, "--spec", spec, "--out", out];
/** A Danish Excel export: `;`, CRLF, Windows-1252. */
const writeExport = (path: string, rows: string[]) => writeFileSync(path, Buffer.from(`${rows.join("\r\n")}\r\n`, "latin1"));
/**
 * The English catalogue's fragments in a Danish text, names left out: a column as the frame names it (`kolonne
 * value`, `kolonne Boligområde (area)`) and anything quoted (values, headers, sheets) are the file's or effekt's
 * names, which stay as they are in every language.
 */
const englishBesidesNames = (text: string) => englishIn(text.replace(/"[^"\n]*"/g, '"…"').replace(/kolonne [^:\n]+?(?=: )/g, "kolonne …"));
/** A refused run: exit 2, and stderr in Danish (no fragment of the English catalogue). */
const refusedInDanish = (r: { code: number; stderr: string }) => {
  expect(r.code, r.stderr).toBe(2);
  expect(englishBesidesNames(r.stderr), r.stderr).toEqual([]);
  return r.stderr;
};

let dir = "";
let register = "";
beforeAll(() => {
  dir = tempDir();
  register = join(dir, "allocations.csv");
  drawSampleLottery(register);
});

describe("input problems in Danish", () => {
  const draw = (households: string, extra: string[], cwd = dir) =>
    ["draw", "--households", households, "--register", join(cwd, "a.csv"), "--wave", "1", "--seed", "s", "--treat", "1", ...extra];
  const columns = ["--column", "household_id=Husstand", "--column", "area=Boligområde", "--column", "active_cases=Antal aktive sager"];

  it("a Windows-1252 ; export with Danish headers: a title line, a control character, a column with two decimal marks, a missing strata column, a bad --date, a case closed before it opened", () => {
    const d = tempDir();
    // the sample export without its skip_rows: the title line is named, with how many lines to skip
    const mapping = JSON.parse(readFileSync(MAPPING, "utf8"));
    delete mapping.households.skip_rows;
    writeFileSync(join(d, "m.json"), JSON.stringify(mapping));
    const title = da(draw(HUSSTANDE, ["--cases", SAGER, "--date", "2025-03-01", "--mapping", join(d, "m.json")], d));
    expect(refusedInDanish(title)).toBe('effekt: husstande.csv, linje 1: ligner en titel over overskriften ("Husstande i Viborg Kommune, udtræk 1. ma..."); overskriften ser ud til at stå på linje 2; forventet overskriften øverst, eller --skip-rows 1 (eller "skip_rows": 1 i --mapping-filen), så linjerne over den springes over\n');

    writeExport(join(d, "kontrol.csv"), ["Husstand;Boligområde;Antal aktive sager", "H1;Houlk\u001bær;2", "H2;Houlkær;3"]);
    const control = da(draw(join(d, "kontrol.csv"), columns, d));
    expect(refusedInDanish(control)).toBe('effekt: kontrol.csv, linje 2, kolonne Boligområde (area): værdi "Houlk?ær" indeholder et kontroltegn (vist som ?); forventet navnet på boligområdet uden tabulatorer, linjeskift, escape-tegn eller tegn, der skifter skriveretning\n');
    expect(en(draw(join(d, "kontrol.csv"), columns, d)).stderr).toBe('effekt: kontrol.csv, line 2, column Boligområde (area): value "Houlk?ær" holds a control character (shown as ?); expected the name of the housing area without tabs, line breaks, escape or direction-changing characters\n');

    writeExport(join(d, "indkomst.csv"), ["Husstand;Boligområde;Antal aktive sager;Indkomst", "H1;Houlkær;2;0,5", "H2;Houlkær;3;1", "H3;Houlkær;2;0.714"]);
    const marks = da(draw(join(d, "indkomst.csv"), columns, d));
    expect(refusedInDanish(marks)).toBe('effekt: indkomst.csv, linje 4, kolonne Indkomst: værdi "0.714" bruger decimalpunktum, men linje 2 i kolonnen bruger decimalkomma; forventet ét decimaltegn pr. kolonne; angiv --decimal , (decimalkomma, . adskiller tusinder) eller --decimal . (decimalpunktum) for at afgøre det\n');
    expect(en(draw(join(d, "indkomst.csv"), columns, d)).stderr).toBe('effekt: indkomst.csv, line 4, column Indkomst: value "0.714" uses a decimal point, but line 2 of the column a decimal comma; expected one decimal mark per column; pass --decimal , (decimal comma, . groups thousands) or --decimal . (decimal point) to settle it\n');

    const strata = da(draw(join(d, "indkomst.csv"), [...columns, "--strata", "Bydel"], d));
    expect(refusedInDanish(strata)).toBe('effekt: indkomst.csv, linje 1, kolonne Bydel: mangler (angivet med --strata); forventet en kolonne med navnet "Bydel"\n');
    expect(en(draw(join(d, "indkomst.csv"), [...columns, "--strata", "Bydel"], d)).stderr).toBe('effekt: indkomst.csv, line 1, column Bydel: is missing (named by --strata); expected a column named "Bydel"\n');

    // a date flag that is not a date
    const day = draw(join(SAMPLES, "households.csv"), ["--date", "2025-13-01"], d);
    expect(refusedInDanish(da(day))).toBe('effekt: --date: værdi "2025-13-01" er ikke en gyldig dato; forventet ÅÅÅÅ-MM-DD\n');
    expect(en(day).stderr).toBe('effekt: --date: value "2025-13-01" is not a valid date; expected YYYY-MM-DD\n');

    // a case closed before it was opened
    const cases = readFileSync(join(SAMPLES, "cases.csv"), "utf8").split("\n");
    cases[2] = cases[2].replace(/,[^,]*$/, ",2020-01-01");
    writeFileSync(join(d, "cases.csv"), cases.join("\n"));
    const closed = da(draw(join(SAMPLES, "households.csv"), ["--cases", join(d, "cases.csv"), "--date", "2025-03-01"], d));
    expect(refusedInDanish(closed)).toMatch(/^effekt: cases\.csv, linje 3, kolonne closed: værdi "2020-01-01" ligger før sagen blev åbnet \(\d{4}-\d\d-\d\d\); forventet en lukkedato på eller efter åbningsdatoen\n$/);
  });

  it("an .xlsx with title rows, a sheet it does not have, and a workbook cut short", () => {
    const d = tempDir();
    const mapping = JSON.parse(readFileSync(MAPPING, "utf8"));
    delete mapping.cases.skip_rows;
    writeFileSync(join(d, "m.json"), JSON.stringify(mapping));
    const title = da(draw(HUSSTANDE, ["--cases", SAGER, "--date", "2025-03-01", "--mapping", join(d, "m.json")], d));
    expect(refusedInDanish(title)).toBe('effekt: sager.xlsx, ark "Sager", celle A1: ligner en titel over overskriften ("Sager i Familieafdelingen, udtræk 1. mar..."); overskriften ser ud til at stå i række 3; forventet overskriften øverst, eller --skip-rows 2 (eller "skip_rows": 2 i --mapping-filen), så linjerne over den springes over\n');

    const sheet = da(draw(HUSSTANDE, ["--cases", SAGER, "--date", "2025-03-01", "--mapping", MAPPING, "--sheet", "Ark1"], d));
    expect(refusedInDanish(sheet)).toBe('effekt: sager.xlsx: har intet ark med navnet "Ark1"; forventet et af dens ark: "Sager" (--sheet NAVN)\n');

    writeFileSync(join(d, "sager.xlsx"), readFileSync(SAGER).subarray(0, 3000));
    const cut = da(draw(HUSSTANDE, ["--cases", join(d, "sager.xlsx"), "--date", "2025-03-01", "--mapping", MAPPING], d));
    expect(refusedInDanish(cut)).toBe("effekt: sager.xlsx: er ikke en læsbar .xlsx (ingen ZIP-indholdsfortegnelse; filen er måske afkortet); forventet en .xlsx-fil gemt af Excel eller en CSV-fil\n");
    expect(en(draw(HUSSTANDE, ["--cases", join(d, "sager.xlsx"), "--date", "2025-03-01", "--mapping", MAPPING], d)).stderr).toBe("effekt: sager.xlsx: is not a readable .xlsx (no ZIP directory; the file may be cut short); expected an .xlsx file saved by Excel, or a CSV file\n");
  });

  const estimate = (extra: string[], d: string) =>
    ["estimate", "--register", register, "--persons", join(SAMPLES, "persons.csv"), "--outcomes", join(SAMPLES, "outcomes.csv"), "--outcome", "employment", "--window", "mean", "--out", join(d, "effects.csv"), ...extra];

  it("a broken outcomes.csv: every problem of its rows listed in Danish; a missing column, an unsettled decimal mark and an unclosed quote stop at once", () => {
    const d = tempDir();
    const src = readFileSync(join(SAMPLES, "outcomes.csv"), "utf8").trim().split("\n");
    const broken = src.map((l, i) => {
      if (i === 5) return l.replace(/^P\d+/, "P999999");
      if (i === 12) return l.replace(/,[^,]*$/, ",syv");
      if (i === 30) return l.split(",").slice(0, 3).join(",");
      if (i === 40) return l.replace(/^([^,]*),[^,]*,/, "$1,,");
      return l;
    });
    writeFileSync(join(d, "outcomes.csv"), `${broken.join("\n")}\n`);
    const rows = da(estimate(["--outcomes", join(d, "outcomes.csv")], d));
    expect(lines(refusedInDanish(rows))).toEqual([
      "effekt: outcomes.csv har 4 problemer; ret dem og kør igen:",
      '  outcomes.csv, linje 6, kolonne person_id: værdi "P999999" findes ikke i persons.csv; forventet et person_id fra personfilen',
      '  outcomes.csv, linje 13, kolonne value: værdi "syv" er ikke et tal; forventet et tal',
      "  outcomes.csv, linje 31: har et andet antal felter end overskriften; forventet ét felt pr. kolonne i overskriften (tjek skilletegn og anførselstegn)",
      "  outcomes.csv, linje 41, kolonne outcome: er tom; forventet navnet på et udfald",
    ]);
    expect(lines(en(estimate(["--outcomes", join(d, "outcomes.csv")], d)).stderr)[4]).toBe("  outcomes.csv, line 41, column outcome: is empty; expected an outcome name");

    writeFileSync(join(d, "uden-value.csv"), `${src.map((l) => l.replace(/,[^,]*$/, "")).join("\n")}\n`);
    const column = da(estimate(["--outcomes", join(d, "uden-value.csv")], d));
    expect(refusedInDanish(column)).toBe('effekt: uden-value.csv, linje 1, kolonne value: mangler; forventet en kolonne med navnet "value" (overskriften har: "person_id", "outcome", "date")\n');
    expect(en(estimate(["--outcomes", join(d, "uden-value.csv")], d)).stderr).toBe('effekt: uden-value.csv, line 1, column value: is missing; expected a column named "value" (the header has: "person_id", "outcome", "date")\n');

    writeFileSync(join(d, "tusind.csv"), `person_id;outcome;date;value\n${src[1].split(",").slice(0, 3).join(";")};1.234\n`);
    const mark = da(estimate(["--outcomes", join(d, "tusind.csv")], d));
    expect(refusedInDanish(mark)).toMatch(/^effekt: tusind\.csv, linje 2, kolonne value: værdi "1\.234" kan være et decimalpunktum eller en tusindtalsseparator, og ingen værdi før den afgør hvilket; forventet ét decimaltegn pr\. kolonne; /);

    writeFileSync(join(d, "citat.csv"), `${[...src.slice(0, 20), `${src[20].replace(/,[^,]*$/, "")},"0.5`, ...src.slice(21, 30)].join("\n")}\n`);
    const quote = da(estimate(["--outcomes", join(d, "citat.csv")], d));
    expect(refusedInDanish(quote)).toBe("effekt: citat.csv, linje 21: har et anførselstegn, der aldrig lukkes; forventet anførselstegn i par\n");

    writeFileSync(join(d, "tom.csv"), "person_id,outcome,date,value\n");
    expect(refusedInDanish(da(estimate(["--outcomes", join(d, "tom.csv")], d)))).toBe("effekt: tom.csv: har en overskrift men ingen datarækker; forventet mindst én datarække\n");
  });

  it("a bad persons file: a covariate, a subgroup and the birth year the analysis names are missing; a NUL byte", () => {
    const d = tempDir();
    const header = '(overskriften har: "person_id", "household_id", "birth_year", "sex", "role", "benefit_type", "employed_baseline", "school_absence_baseline")';
    expect(refusedInDanish(da(estimate(["--covariates", "income"], d)))).toBe(`effekt: persons.csv, linje 1, kolonne income: mangler; forventet en numerisk kovariatkolonne med navnet "income" ${header}\n`);
    expect(refusedInDanish(da(estimate(["--subgroup", "kommune"], d)))).toBe(`effekt: persons.csv, linje 1, kolonne kommune: mangler; forventet en undergruppekolonne med navnet "kommune" ${header}\n`);
    const persons = readFileSync(join(SAMPLES, "persons.csv"), "utf8").split("\n").map((l) => l.split(",").filter((_, j) => j !== 2).join(","));
    writeFileSync(join(d, "personer.csv"), persons.join("\n"));
    const age = ["--persons", join(d, "personer.csv"), "--covariates", "age"];
    expect(refusedInDanish(da(estimate(age, d)))).toBe('effekt: personer.csv, linje 1, kolonne birth_year: mangler; forventet en birth_year-kolonne (kovariaten "age" udledes af den)\n');
    expect(en(estimate(age, d)).stderr).toBe('effekt: personer.csv, line 1, column birth_year: is missing; expected a birth_year column (the covariate "age" is derived from it)\n');
    writeFileSync(join(d, "binaer.csv"), "person_id,household_id\nP000001,H00001\u0000\n");
    const nul = ["--persons", join(d, "binaer.csv")];
    expect(refusedInDanish(da(estimate(nul, d)))).toBe("effekt: binaer.csv, linje 2: indeholder en NUL-byte (en binær fil, eller UTF-16 uden BOM); forventet en tekstfil i UTF-8, UTF-8 med BOM, UTF-16 med BOM eller Windows-1252\n");
    expect(en(estimate(nul, d)).stderr).toBe("effekt: binaer.csv, line 2: contains a NUL byte (a binary file, or UTF-16 without a byte-order mark); expected a text file in UTF-8, UTF-8 with BOM, UTF-16 with BOM or Windows-1252\n");
  });

  it("outcomes import with a spec that does not cover the delivery: unmapped status codes, no period columns, a score that is not a number, a bad spec field", () => {
    const d = tempDir();
    writeFileSync(join(d, "spec.json"), JSON.stringify({ kind: "wide", outcome: "employment", id_column: "Person", codes: { S: 1, "-": null } }));
    const codes = da(importArgs(join(X, "jobcenter-uger.csv"), join(d, "spec.json"), join(d, "o.csv")));
    const out = lines(refusedInDanish(codes));
    expect(out[0]).toMatch(/^effekt: jobcenter-uger\.csv har \d+ problemer \(de første 20 nedenfor\); ret dem og kør igen:$/);
    expect(out[1]).toBe('  jobcenter-uger.csv, linje 2, kolonne Uge 9-2025: værdi "K" er en statuskode, som importspecifikationen ikke har en værdi for; forventet en af "s", "-" (tilføj den under "codes")');
    expect(out[21]).toMatch(/^ {2}\.\.\. og \d+ flere$/);

    writeExport(join(d, "maaned.csv"), ["Person;Måned;Status", "P000023;marts;S"]);
    const periods = importArgs(join(d, "maaned.csv"), join(X, "import-beskaeftigelse.json"), join(d, "o.csv"));
    expect(refusedInDanish(da(periods))).toBe('effekt: maaned.csv, linje 1: har ingen uge- eller månedskolonner; forventet kolonner med navne som "Uge 10-2025" (en uge) eller "2025-03" (en måned)\n');
    expect(en(periods).stderr).toBe('effekt: maaned.csv, line 1: has no week or month columns; expected columns named like "Uge 10-2025" (a week) or "2025-03" (a month)\n');

    writeExport(join(d, "trivsel.csv"), ["Respondent;WHO-5 score;Besvaret", "P000023;26;1-3-2026", "P000024;mange;1-3-2026"]);
    const score = da(importArgs(join(d, "trivsel.csv"), join(X, "import-trivsel.json"), join(d, "o.csv")));
    expect(refusedInDanish(score)).toBe('effekt: trivsel.csv, linje 3, kolonne WHO-5 score: værdi "mange" er ikke et tal; forventet en score (tom eller NA, når der ikke er svaret)\n');

    // the spec's own problem, the schema's reason included, in Danish
    writeFileSync(join(d, "extra.json"), JSON.stringify({ kind: "wide", outcome: "employment", id_column: "Person", codes: { S: 1 }, extra: 1 }));
    const spec = da(importArgs(join(X, "jobcenter-uger.csv"), join(d, "extra.json"), join(d, "o.csv")));
    expect(spec.code).toBe(2);
    expect(spec.stderr).toMatch(/^effekt: .*extra\.json: specifikationen: ukendte felter: 'extra'; se data-schemas\/outcome-import\.md\n$/);
    writeFileSync(join(d, "noname.json"), JSON.stringify({ kind: "wide" }));
    const noName = da(importArgs(join(X, "jobcenter-uger.csv"), join(d, "noname.json"), join(d, "o.csv")));
    expect(noName.stderr).toMatch(/^effekt: .*noname\.json: outcome: er påkrævet; se data-schemas\/outcome-import\.md\n$/);
    expect(en(importArgs(join(X, "jobcenter-uger.csv"), join(d, "noname.json"), join(d, "o.csv"))).stderr).toMatch(/^effekt: .*noname\.json: outcome: Required; see data-schemas\/outcome-import\.md\n$/);
  });

  it("indicator values and person-level rows: every problem in Danish", () => {
    const d = tempDir();
    writeFileSync(join(d, "values.csv"), [
      "indicator,area,year,value,n",
      "grade9-danish-math-2,Houlkær,2023,0.75,40",
      "nope,Houlkær,2023,0.5,3",
      "grade9-danish-math-2,Houlkær,2023,0.7,40",
      "grade9-danish-math-2,Karup,2023,75,40",
    ].join("\n"));
    const values = da(["indicators", "--spec", SPEC, "--values", join(d, "values.csv")]);
    expect(lines(refusedInDanish(values))).toEqual([
      "effekt: values.csv har 3 problemer; ret dem og kør igen:",
      '  values.csv, linje 3, kolonne indicator: værdi "nope" er ikke en indikator i specifikationen "LBF delaftale Uddannelse og livschancer, Viborg"; forventet en af grade9-danish-math-2, age18-29-primary-only-not-in-education, school-absence, children-specialised-case',
      '  values.csv, linje 4, kolonne indicator: værdi "grade9-danish-math-2" gentager linje 2 (samme indikator, område og år); forventet én række pr. indikator, område og år',
      '  values.csv, linje 5, kolonne value: værdi "75" ligger uden for [0; 1] for share-indikatoren grade9-danish-math-2; forventet en andel i [0; 1] (75 % er 0,75)',
    ]);
    expect(lines(en(["indicators", "--spec", SPEC, "--values", join(d, "values.csv")]).stderr).slice(2)).toEqual([
      '  values.csv, line 4, column indicator: value "grade9-danish-math-2" duplicates line 2 (same indicator, area and year); expected one row per indicator, area and year',
      '  values.csv, line 5, column value: value "75" is outside [0, 1] for share indicator grade9-danish-math-2; expected a proportion in [0, 1] (75% is 0.75)',
    ]);
    writeFileSync(join(d, "persons.csv"), "indicator,area,year,meets\ngrade9-danish-math-2,Houlkær,2023,måske\ngrade9-danish-math-2,all areas,2023,true\n");
    const persons = da(["indicators", "--spec", SPEC, "--persons", join(d, "persons.csv")]);
    // the file's own value "all areas" (the label effekt reserves) is quoted, a name like the others
    expect(lines(refusedInDanish(persons))).toEqual([
      "effekt: persons.csv har 2 problemer; ret dem og kør igen:",
      '  persons.csv, linje 2, kolonne meets: værdi "måske" er ikke ja, nej eller tom; forventet true/false, 1/0, ja/nej eller tom for ukendt',
      '  persons.csv, linje 3, kolonne area: værdi "all areas" er betegnelsen for alle områder; forventet navnet på et boligområde (rækken for alle områder beregnes)',
    ]);
  });
});

describe("successful runs on the exports", () => {
  it("write the same bytes under --lang da and --lang en; the import summary is Danish, its counts named as in the manifest", () => {
    const d = tempDir();
    const outputs: Record<string, Map<string, string>> = {};
    for (const lang of ["da", "en"]) {
      const out = join(d, lang);
      mkdirSync(out);
      const drawn = effekt(["--lang", lang, "draw", "--households", HUSSTANDE, "--cases", SAGER, "--mapping", MAPPING, "--date", "2025-03-01", "--register", join(out, "allocations.csv"), "--wave", "1", "--seed", "viborg-2025-wave-1", "--treat", "80"]);
      expect(drawn.code, drawn.stderr).toBe(0);
      const wide = effekt(["--lang", lang, ...importArgs(join(X, "jobcenter-uger.csv"), join(X, "import-beskaeftigelse.json"), join(out, "employment.csv"))]);
      expect(wide.code, wide.stderr).toBe(0);
      const survey = effekt(["--lang", lang, ...importArgs(join(X, "trivsel-survey.csv"), join(X, "import-trivsel.json"), join(out, "wellbeing.csv"))]);
      expect(survey.code, survey.stderr).toBe(0);
      if (lang === "da") {
        expect(wide.stdout).toMatch(/^\d+ rækker af employment skrevet til .*employment\.csv \(fra jobcenter-uger\.csv; K: \d+, \(tom celle\): \d+, S: \d+\); omformningen står i /);
        expect(survey.stdout).toMatch(/\(fra trivsel-survey\.csv; svar: \d+, uden svar: \d+\)/);
        expect(englishBesidesNames(wide.stdout + survey.stdout)).toEqual([]);
      } else {
        expect(wide.stdout).toMatch(/^\d+ employment rows written to .*employment\.csv \(from jobcenter-uger\.csv; K: \d+, \(empty\): \d+, S: \d+\); reshaping in /);
      }
      outputs[lang] = new Map(filesUnder(out).map((f) => [relative(out, f), readFileSync(f).toString("base64")]));
    }
    expect(outputs.da.size).toBeGreaterThan(5);
    expect(outputs.da).toEqual(outputs.en);
  });
});
