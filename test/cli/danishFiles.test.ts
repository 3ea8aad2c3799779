/**
 * Danish terminal messages about files (`--lang da`): an output that would write over an input or over a file
 * effekt wrote, a folder or a special file where a file is meant, a file open in Excel on Windows, a broken project
 * file, and pseudonym keys missing, too short or other than the wave's. Each refusal is one Danish line with no
 * English text of the catalogue in it; English stays as it was; and what a run writes does not depend on the
 * terminal's language.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { englishIn } from "../i18n/englishIn.js";
import { effekt, filesUnder, ROOT, SAMPLES, tempDir } from "../helpers.js";
import { cprSamples } from "../hardening/cprFixtures.js";

const H = join(SAMPLES, "households.csv");
const C = join(SAMPLES, "cases.csv");
const P = join(SAMPLES, "persons.csv");
const O = join(SAMPLES, "outcomes.csv");

/** The run in Danish and in English: Danish stderr, English stderr, and both exit codes. */
function both(args: string[], cwd = ROOT): { da: string; en: string; code: number } {
  const da = effekt(["--lang", "da", ...args], cwd);
  const en = effekt(["--lang", "en", ...args], cwd);
  expect(da.code).toBe(en.code);
  return { da: da.stderr, en: en.stderr, code: da.code };
}

/** A Danish refusal: exit 2, one line, no English fragment of the catalogue. */
function refusedInDanish(r: { da: string; code: number }): void {
  expect(r.code).toBe(2);
  expect(r.da.trimEnd().split("\n")).toHaveLength(1);
  expect(englishIn(r.da)).toEqual([]);
}

/**
 * The words of a help page: without the usage line, the examples, and each line's term (`draw [options]`,
 * `--out <file>`); placeholders (`<register>`), quoted values (`"area"`), commands named in the text
 * (`effekt gains`) and lists of a file's columns (`: person_id, outcome, date, value`, `p_treatment[, wave, draw_date]`) taken out:
 * names, not English to translate.
 */
function descriptions(help: string): string {
  return help.split("\n").filter((l) => !l.startsWith("Brug:") && !l.startsWith("  effekt ")).map((l) => l.replace(/^ {2}\S+(?: <[^>]*>| \[[^\]]*\])*/, "")).join(" ")
    .replace(/\s+/g, " ").replace(/<[^>]*>/g, "").replace(/"[^"]*"/g, "").replace(/effekt [a-z]+/g, "").replace(/\[, [^\]]*\]/g, "").replace(/: (?:[a-z_]+, )+[a-z_]+/g, ":");
}

/**
 * English left in a help page's descriptions: any fragment of this part, and any of several words from the others
 * (their one-word fragments, such as a table heading "area" or "wave", are also the names of columns a help text
 * lists, which stay as they are).
 */
function englishInHelp(help: string): string[] {
  return englishIn(descriptions(help)).filter((f) => /\((file_\w+)\)$/.test(f) || /^"[^"]*\s[^"]*"/.test(f));
}

let dir = "";
let register = "";
const drawArgs = (reg: string, wave = 1) => ["draw", "--households", H, "--cases", C, "--date", wave === 1 ? "2025-03-01" : "2025-09-01", "--register", reg, "--wave", String(wave), "--seed", `s${wave}`, "--treat", "40"];
const estimateArgs = (reg: string, out?: string) => ["estimate", "--register", reg, "--persons", P, "--outcomes", O, "--outcome", "wellbeing", ...(out !== undefined ? ["--out", out] : [])];

beforeAll(() => {
  dir = tempDir();
  register = join(dir, "allocations.csv");
  const r = effekt(drawArgs(register));
  expect(r.code, r.stderr).toBe(0);
});

describe("Danish messages about files", () => {
  it("an output that would write over an input, the register or a file effekt wrote is refused in Danish", () => {
    const input = both(["draw", "--households", H, "--register", H, "--wave", "1", "--seed", "s", "--treat", "1"]);
    refusedInDanish(input);
    expect(input.da).toBe(`effekt: --register ${H}: er --households (${H}), som denne kommando læser eller bevarer; vælg et andet output (intet blev skrevet)\n`);
    expect(input.en).toBe(`effekt: --register ${H}: is --households (${H}), which this command reads or keeps; choose another output (nothing was written)\n`);

    const reg = both(estimateArgs(register, register));
    refusedInDanish(reg);
    expect(reg.da).toBe(`effekt: --out ${register}: er registret (${register}), som denne kommando læser eller bevarer; vælg et andet output (intet blev skrevet)\n`);
    expect(reg.en).toBe(`effekt: --out ${register}: is the register (${register}), which this command reads or keeps; choose another output (nothing was written)\n`);

    const inside = both(estimateArgs(register, join(`${register}.manifests`, "x.csv")));
    refusedInDanish(inside);
    expect(inside.da).toMatch(/^effekt: --out .*x\.csv: ligger inde i registrets manifestmappe \(.*\); vælg et output et andet sted \(intet blev skrevet\)\n$/);
    expect(inside.en).toMatch(/: lies inside the register's manifests folder \(.*\); choose an output outside it \(nothing was written\)\n$/);

    const theirs = both(["indicators", "--spec", join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json"), "--values", join(SAMPLES, "indicator-values.csv"), "--out", register]);
    refusedInDanish(theirs);
    expect(theirs.da).toBe(`effekt: --out ${register}: er et lodtrækningsregister (dets manifestmappe ligger ved siden af), som denne kommando ikke skriver; vælg et andet output (intet blev skrevet)\n`);
    expect(theirs.en).toBe(`effekt: --out ${register}: is an allocation register (its manifests folder is beside it), which this command does not write; choose another output (nothing was written)\n`);
  });

  it("a folder given as a file, as an input and as an output", () => {
    const input = both(["draw", "--households", dir, "--register", join(dir, "b.csv"), "--wave", "1", "--seed", "s", "--treat", "1"]);
    refusedInDanish(input);
    expect(input.da).toBe(`effekt: --households ${dir}: er en mappe; forventet en fil\n`);
    expect(input.en).toBe(`effekt: --households ${dir}: is a folder; expected a file\n`);
    const output = both(estimateArgs(register, dir));
    refusedInDanish(output);
    expect(output.da).toBe(`effekt: --out ${dir}: er en mappe; forventet et filnavn (intet blev skrevet)\n`);
    expect(output.en).toBe(`effekt: --out ${dir}: is a folder; expected a file name (nothing was written)\n`);
  });

  it("a FIFO or /dev/null where an ordinary file is meant", () => {
    const fifo = join(tempDir(), "fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const input = both(["draw", "--households", fifo, "--register", join(dir, "b.csv"), "--wave", "1", "--seed", "s", "--treat", "1"]);
    refusedInDanish(input);
    expect(input.da).toBe(`effekt: --households ${fifo}: er en enhed eller specialfil (en FIFO, en socket eller /dev/...); forventet en almindelig fil\n`);
    expect(input.en).toBe(`effekt: --households ${fifo}: is a device or special file (a FIFO, socket or /dev/...); expected an ordinary file\n`);
    const output = both(estimateArgs(register, "/dev/null"));
    refusedInDanish(output);
    expect(output.da).toBe("effekt: --out /dev/null: er en enhed eller specialfil; forventet en almindelig fil (intet blev skrevet)\n");
    expect(output.en).toBe("effekt: --out /dev/null: is a device or special file; expected an ordinary file (nothing was written)\n");
  });

  it("a register open in Excel on Windows: close it and run again, in Danish", () => {
    const d = tempDir();
    const reg = join(d, "allocations.csv");
    expect(effekt(drawArgs(reg)).code).toBe(0);
    const sim = pathToFileURL(join(ROOT, "test", "io", "lockedFileSim.mjs")).href;
    const run = (lang: string) => spawnSync(process.execPath, ["--import", sim, join(ROOT, "bin", "effekt"), "--lang", lang, ...drawArgs(reg, 2)], {
      cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", EFFEKT_TEST_LOCKED: reg },
    });
    const da = run("da");
    expect(da.status).toBe(2);
    expect(da.stderr).toBe(`effekt: kan ikke skrive ${reg}: filen er åben i et andet program (Excel?) eller skrivebeskyttet (EBUSY); luk den og kør kommandoen igen. Intet blev skrevet.\n`);
    expect(englishIn(da.stderr)).toEqual([]);
    expect(run("en").stderr).toBe(`effekt: cannot write ${reg}: it is open in another program (Excel?) or not writable (EBUSY); close it and run the command again. Nothing was written.\n`);
  });

  it("a broken effekt.json, one with an unknown key, and a --project that is not there", () => {
    const p = tempDir();
    writeFileSync(join(p, "effekt.json"), '{ "format": "effekt-project/1", \n');
    const broken = both(["verify"], p);
    refusedInDanish(broken);
    expect(broken.da).toBe("effekt: effekt.json: er ikke gyldig JSON (syntaksfejl på linje 2, tegn 1)\n");
    expect(broken.en).toMatch(/^effekt: effekt\.json: is not valid JSON \(.+\)\n$/);

    writeFileSync(join(p, "effekt.json"), JSON.stringify({ format: "effekt-project/1", register: "a.csv", results: "out", inputs: { household: "h.csv" } }));
    const unknown = both(["verify"], p);
    refusedInDanish(unknown);
    expect(unknown.da).toMatch(/^effekt: .*effekt\.json: felt inputs: .*; forventet en projektfil, som effekt init skriver den \(se data-schemas\/project\.md\)\n$/);
    expect(unknown.en).toMatch(/^effekt: .*effekt\.json: field inputs: .*; expected a project file as effekt init writes it \(see data-schemas\/project\.md\)\n$/);

    const missing = both(["verify", "--project", join(p, "nope.json")]);
    refusedInDanish(missing);
    expect(missing.da).toBe(`effekt: --project ${join(p, "nope.json")}: filen findes ikke; forventet en effekt.json skrevet af effekt init\n`);
    expect(missing.en).toBe(`effekt: --project ${join(p, "nope.json")}: no such file; expected an effekt.json written by effekt init\n`);
  });

  it("pseudonym keys: missing, not there, too short, and not the key the wave was drawn with", () => {
    const d = tempDir();
    const { paths } = cprSamples(d, ["households.csv", "cases.csv"]);
    const draw = (extra: string[]) => ["draw", "--households", paths["households.csv"], "--cases", paths["cases.csv"], "--date", "2025-03-01", "--register", join(d, "ev", "a.csv"), "--wave", "1", "--seed", "s", "--treat", "40", ...extra];

    const noKey = both(draw(["--allow-cpr-like-ids"]));
    refusedInDanish(noKey);
    expect(noKey.da).toBe("effekt: --allow-cpr-like-ids kræver --pseudonym-key FIL: effekt erstatter CPR-lignende id'er med nøglebaserede pseudonymer og skriver aldrig de oprindelige (opret en nøgle én gang med: openssl rand -hex 32 > pseudonym.key)\n");
    const absent = both(draw(["--allow-cpr-like-ids", "--pseudonym-key", join(d, "missing.key")]));
    refusedInDanish(absent);
    expect(absent.da).toBe(`effekt: kan ikke læse pseudonymnøglen ${join(d, "missing.key")}: ENOENT\n`);
    expect(absent.en).toBe(`effekt: cannot read the pseudonym key ${join(d, "missing.key")}: ENOENT\n`);
    writeFileSync(join(d, "short.key"), "kort\n");
    const short = both(draw(["--allow-cpr-like-ids", "--pseudonym-key", join(d, "short.key")]));
    refusedInDanish(short);
    expect(short.da).toBe("effekt: pseudonymnøglen har 4 byte; forventet mindst 16 (f.eks. openssl rand -hex 32 > key.txt)\n");
    const keyAlone = both(draw(["--pseudonym-key", join(d, "short.key")]));
    refusedInDanish(keyAlone);
    // the CPR-like ids themselves, without the flag: refused by the reader (another part's message), never echoed
    expect(effekt(["--lang", "da", ...draw([])]).code).toBe(2);

    writeFileSync(join(d, "k1"), "3f1c0a9e5b7d4c2a8e6f0b1d3c5a7e9f2b4d6f8a0c1e3a5b7d9f1b3d5f7a9c0e\n");
    writeFileSync(join(d, "k2"), "0000000000000000000000000000000000000000000000000000000000000000\n");
    const drawn = effekt(draw(["--allow-cpr-like-ids", "--pseudonym-key", join(d, "k1")]));
    expect(drawn.code, drawn.stderr).toBe(0);
    const verify = ["verify", "--register", join(d, "ev", "a.csv"), "--households", paths["households.csv"], "--cases", paths["cases.csv"]];
    const without = both(verify);
    refusedInDanish(without);
    expect(without.da).toBe("effekt: runde 1 blev trukket med CPR-lignende id'er erstattet af nøglebaserede pseudonymer; angiv --allow-cpr-like-ids --pseudonym-key FIL med den samme nøgle\n");
    expect(without.en).toBe("effekt: wave 1 was drawn with CPR-like ids replaced by keyed pseudonyms; pass --allow-cpr-like-ids --pseudonym-key FILE with the same key\n");
    const other = both([...verify, "--allow-cpr-like-ids", "--pseudonym-key", join(d, "k2")]);
    refusedInDanish(other);
    expect(other.da).toMatch(/^effekt: runde 1 blev trukket med en anden pseudonymnøgle \(dens manifest har nøglekontrollen [0-9a-f]{16}, denne nøgle giver [0-9a-f]{16}\); angiv den nøgle, runden blev trukket med\n$/);
    expect(other.en).toMatch(/^effekt: wave 1 was drawn with a different pseudonym key \(its manifest records key check [0-9a-f]{16}, this key gives [0-9a-f]{16}\); pass the key the wave was drawn with\n$/);
  });

  it("flags about reading and writing, and commander's own messages", () => {
    const skip = both([...drawArgs(join(dir, "b.csv")), "--skip-rows", "to"]);
    refusedInDanish(skip);
    expect(skip.da).toBe('effekt: --skip-rows "to" er ikke et helt tal på 0 eller mere\n');
    const column = both([...drawArgs(join(dir, "b.csv")), "--column", "household_id"]);
    refusedInDanish(column);
    expect(column.da).toBe('effekt: --column "household_id" er ikke NAVN=OVERSKRIFT; forventet effekts kolonnenavn, =, og overskriften i din fil, f.eks. household_id=Husstand\n');
    const format = both([...estimateArgs(register), "--format", "xlsx"]);
    refusedInDanish(format);
    expect(format.da).toBe('effekt: --format "xlsx" er hverken csv eller json\n');
    const decimal = both([...drawArgs(join(dir, "b.csv")), "--decimal", ";"]);
    refusedInDanish(decimal);
    expect(decimal.da).toBe('effekt: --decimal ";": forventet , eller .\n');
    const mapping = join(tempDir(), "kolonner.json");
    writeFileSync(mapping, JSON.stringify({ households: { skip_rows: "to" } }));
    const badMapping = both([...drawArgs(join(dir, "b.csv")), "--mapping", mapping]);
    refusedInDanish(badMapping);
    expect(badMapping.da).toMatch(/^effekt: .*kolonner\.json: households\.skip_rows: .*; forventet \{"households": .*\} \(se data-schemas\/column-mapping\.md\)\n$/);
    const both2 = both(["estimate", "--persons", P, "--outcomes", O, "--outcome", "wellbeing"]);
    refusedInDanish(both2);
    expect(both2.da).toBe("effekt: angiv præcis én af --register FIL (skrevet af effekt draw) og --allocation FIL (lavet med et andet værktøj)\n");

    // a language effekt does not speak is refused (it was read as the locale's language before)
    for (const args of [["--lang", "de", "verify", "--register", register], ["verify", "--register", register, "--lang=xx"]]) {
      const r = effekt(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`effekt: --lang "${args.includes("de") ? "de" : "xx"}": expected da or en\n`);
    }
    const unknown = both(["drw"]);
    expect(unknown.da).toBe("effekt: ukendt kommando 'drw'\n(mente du draw?)\n");
    expect(unknown.en).toBe("effekt: unknown command 'drw'\n(Did you mean draw?)\n");
    expect(englishIn(unknown.da)).toEqual([]);
    const extra = both(["verify", "--register", register, "wave-2"]);
    expect(extra.da).toBe("effekt: for mange argumenter til 'verify': forventede 0, men fik 1\n");
    expect(extra.en).toBe("effekt: too many arguments for 'verify'. Expected 0 arguments but got 1.\n");
    const noValue = both(["verify", "--register"]);
    expect(noValue.da).toBe("effekt: flaget '--register <file>' mangler sin værdi\n");
    expect(noValue.en).toBe("effekt: option '--register <file>' argument missing\n");
  });

  it("--help in Danish: the commands' summaries, their flags and commander's own words; English as before", () => {
    const root = effekt(["--lang", "da", "--help"]);
    expect(root.code).toBe(0);
    expect(root.stdout).toMatch(/^Brug: effekt \[options\] \[command\]\n/);
    expect(root.stdout).toContain("\nKommandoer:\n");
    expect(root.stdout).toMatch(/^ {2}draw \[options\] +træk én runde af husstandslodtrækningen ind i$/m);
    expect(root.stdout).toMatch(/^ {2}-h, --help +vis hjælp til kommandoen$/m);
    expect(root.stdout).toContain("\nEksempler:\n  effekt draw ");
    expect(englishInHelp(root.stdout)).toEqual([]);
    for (const command of ["draw", "estimate", "gains", "indicators", "power", "report", "init", "verify", "outcomes import", "plan lock"]) {
      const help = effekt(["--lang", "da", ...command.split(" "), "--help"]);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toContain("\nFlag:\n");
      expect(help.stdout, command).toContain("\nGlobale flag:\n");
      expect(englishInHelp(help.stdout), command).toEqual([]);
    }
    const draw = effekt(["--lang", "da", "draw", "--help"]).stdout;
    expect(draw).toMatch(/^ {2}--households <file> +\(påkrævet\) households\.csv: household_id, area,$/m);
    expect(draw).toMatch(/^ {2}--strata <column> +kolonnen, der definerer strata \(standard: "area"\)$/m);
    expect(draw).toMatch(/registre\s+med\s+over\s+100\.000\s+husstande/);
    expect(draw).toContain("\nEksempel:\n  effekt draw ");
    expect(effekt(["--lang", "da", "verify", "--help"]).stdout).toContain("\nSlutkoder: 0 verificeret, 1 en forskel blev fundet, 2 fejl i input.\n\nEksempel:\n");
    expect(effekt(["--lang", "da", "outcomes", "import", "--help"]).stdout).toMatch(/^ {2}--from <file> +\(påkrævet\) leverancen: CSV eller \.xlsx$/m);
    expect(effekt(["--lang", "da", "power", "--help"]).stdout).toContain("\nEksempler:\n  effekt power ");
    // English: commander's words and effekt's as they were
    const en = effekt(["draw", "--help"]).stdout;
    expect(en).toMatch(/^Usage: effekt draw \[options\]\n/);
    expect(en).toMatch(/^ {2}--households <file> +\(required\) households\.csv: household_id, area,$/m);
    expect(en).toMatch(/^ {2}--strata <column> +column that defines the strata \(default: "area"\)$/m);
    expect(en).toMatch(/registers\s+above\s+100,000\s+households/);
    expect(en).toContain("\nGlobal Options:\n");
    expect(en).toContain("\nExample:\n  effekt draw ");
    expect(effekt(["--help"]).stdout).toMatch(/^ {2}help \[command\] +display help for command$/m);
  });

  it("what a successful run writes is the same bytes under --lang da and --lang en", () => {
    const files = (lang: string) => {
      const d = join(tempDir(), "ev"); // the same depth under the temporary folder: the same relative input paths
      mkdirSync(d);
      const reg = join(d, "allocations.csv");
      const draw = effekt(["--lang", lang, ...drawArgs(reg)]);
      expect(draw.code, draw.stderr).toBe(0);
      const est = effekt(["--lang", lang, ...estimateArgs(reg, join(d, "effects.csv"))]);
      expect(est.code, est.stderr).toBe(0);
      const imp = effekt(["--lang", lang, "outcomes", "import", "--from", join(SAMPLES, "exports", "trivsel-survey.csv"), "--spec", join(SAMPLES, "exports", "import-trivsel.json"), "--out", join(d, "trivsel.csv")]);
      expect(imp.code, imp.stderr).toBe(0);
      return new Map(filesUnder(d).map((f) => [relative(d, f), readFileSync(f).toString("base64")]));
    };
    const da = files("da");
    const en = files("en");
    expect([...da.keys()]).toContain("effects.csv.meta.json");
    expect([...da.keys()]).toContain(join("allocations.csv.manifests", "wave-0001.json"));
    expect(da).toEqual(en);
  });
});
