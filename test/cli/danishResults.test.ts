import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { effekt, filesUnder, ROOT, SAMPLES, tempDir } from "../helpers.js";
import { englishIn } from "../i18n/englishIn.js";

/**
 * Results on the terminal in Danish (`--lang da`): gains', indicators' and report's problems and summaries, and
 * the gains model's and indicator spec's schema problems, from the catalogue (src/i18n/messages/terminalResults.ts).
 * The files they write are the same bytes whatever the terminal's language.
 */
const MODEL = join(ROOT, "analyses", "gains-relationel-velfaerd.json");
const SPEC = join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json");
const VALUES = join(SAMPLES, "indicator-values.csv");

const withEnv = (args: string[], env: Record<string, string>) => {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "effekt"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", LC_ALL: "", LC_MESSAGES: "", ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

/**
 * The English catalogue text in a Danish run's output, apart from names that are not English words: the field
 * paths of a JSON file's problems (outcomes[1].id), the command `effekt report`, and the gains model's investor
 * (its name as the model gives it).
 */
const english = (text: string) =>
  englishIn(text.replace(/^(\s*\S+\.json: )\S+: /gm, "$1").replace(/effekt report/g, "effekt").replace(/Den Sociale Investeringsfond \([^)]*\)/g, "Den Sociale Investeringsfond"));

/** Every file under `dir` by its path inside it, with its bytes. */
const folder = (dir: string) => Object.fromEntries(filesUnder(dir).map((f) => [relative(dir, f), readFileSync(f).toString("base64")]));

let dir = "";
beforeAll(() => {
  dir = tempDir();
  const m = JSON.parse(readFileSync(MODEL, "utf8"));
  m.price_year = 1800;
  delete m.year0_source;
  m.extra = 1;
  m.outcomes[0].unit_values[0].payer = "borger";
  m.outcomes[0].effect.measured[0].se = -1;
  m.outcomes[1].id = "Bad Id";
  m.outcomes[2].effect.measured = [];
  m.discount_rate = { value: 0.5, source: "x" };
  writeFileSync(join(dir, "bad-model.json"), JSON.stringify(m));
  const s = JSON.parse(readFileSync(SPEC, "utf8"));
  s.format = "x";
  s.indicators[0].direction = "up";
  s.indicators[1].unit = "share";
  s.indicators[1].target = { value: 75, year: 2026 };
  s.indicators[2].id = s.indicators[3].id;
  s.indicators[3].area_baseline = "none";
  writeFileSync(join(dir, "bad-spec.json"), JSON.stringify(s));
});

describe("gains in Danish", () => {
  it("a bad gains model: every problem in Danish, field by field, and the same run in English unchanged", () => {
    const args = ["gains", "--model", join(dir, "bad-model.json"), "--assume", "employment=0.05"];
    const da = effekt(["--lang", "da", ...args]);
    expect(da.code).toBe(2);
    const lines = da.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^effekt: bad-model\.json har \d+ problemer; ret dem og kør igen:$/);
    expect(lines).toContain("  bad-model.json: price_year: skal være mindst 1900");
    expect(lines).toContain("  bad-model.json: year0_source: er påkrævet: hvert tal skal have sin kilde");
    expect(lines).toContain('  bad-model.json: outcomes[0].unit_values[0].payer: skal være "kommune", "region" eller "stat"');
    expect(lines).toContain("  bad-model.json: (øverste niveau): ukendte felter: 'extra'");
    expect(english(da.stderr)).toEqual([]);
    const en = effekt(args);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^effekt: bad-model\.json has \d+ problems; fix them and run again:\n/);
    expect(en.stderr).toContain("  bad-model.json: price_year: Number must be greater than or equal to 1900\n");
    expect(en.stderr).toContain("  bad-model.json: (top level): Unrecognized key(s) in object: 'extra'\n");
    expect(en.stderr).toContain('  bad-model.json: outcomes[0].unit_values[0].payer: must be "kommune", "region" or "stat"\n');
  });

  it("an effect table that misses outcomes of the model: one Danish line naming file, column and outcomes", () => {
    const d = tempDir();
    writeFileSync(join(d, "effects.csv"), "outcome,horizon,estimator,estimate,std_error\nemployment,3,lm_lin,0.02,0.01\n");
    const da = effekt(["--lang", "da", "gains", "--model", MODEL, "--estimates", join(d, "effects.csv"), "--out", join(d, "g.json")]);
    expect(da.code).toBe(2);
    expect(da.stderr).toMatch(/^effekt: effects\.csv, kolonne outcome: har ingen række for hele stikprøven med et estimat ved horisont 1-5 for udfaldene "foster-placement-avoided", .* i gevinstmodellen; forventet rækker for foster-placement-avoided, .* \(via planens gains_outcome\), eller --assume foster-placement-avoided=EFFEKT .*\n$/);
    expect(english(da.stderr)).toEqual([]);
  });

  it("the command line's problems in Danish", () => {
    const runs = [
      ["gains", "--model", MODEL, "--assume", "employment=lots"],
      ["gains", "--model", MODEL, "--assume", "happiness=0.1"],
      ["gains", "--model", MODEL, "--assume", "employment@9=0.1"],
      ["gains", "--model", MODEL, "--assume", "employment=0.1:-1"],
      ["gains", "--model", MODEL, "--assume", "employment=0.1", "--assume", "employment@1=0.2"],
      ["gains", "--model", MODEL],
      ["gains", "--model", MODEL, "--assume", "employment=0.05", "--draws", "100"],
      ["gains", "--model", MODEL, "--assume", "employment=0.05", "--register", "x.csv"],
      ["gains", "--model", MODEL, "--assume", "employment=0.05", "--seed", " "],
      ["gains", "--model", MODEL, "--assume", "employment=0.05", "--min-cell", "2"],
      ["gains", "--model", MODEL, "--assume", "employment=0.05", "--estimator", "lm_lin"],
    ];
    const seen: string[] = [];
    for (const args of runs) {
      const r = effekt(["--lang", "da", ...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.split("\n")).toHaveLength(2);
      seen.push(r.stderr);
    }
    expect(seen[0]).toBe('effekt: --assume "employment=lots": effekten "lots" er ikke et tal (brug punktum som decimaltegn, f.eks. 0.05)\n');
    expect(seen[5]).toBe("effekt: angiv --estimates FIL (en effekttabel) eller mindst ét --assume UDFALD=EFFEKT\n");
    expect(seen[9]).toBe("effekt: --min-cell 2: den mindste cellestørrelse skal være et helt tal på mindst 3 (Danmarks Statistiks regel)\n");
    expect(english(seen.join(""))).toEqual([]);
  });

  it("the summary in Danish, and gains.json (and gains.csv) byte-identical under --lang da and --lang en", () => {
    const d = tempDir();
    const args = (lang: string, out: string) => ["--lang", lang, "gains", "--model", MODEL, "--assume", "employment=0.05", "--out", join(d, out)];
    const da = effekt(args("da", "da.json"));
    expect(da.code, da.stderr).toBe(0);
    const lines = da.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Relationel Velfærd, Viborg Kommune: budgetøkonomiske gevinster (SØM) og DSI-betalingsmodel");
    expect(lines).toContain("antal (planlægning: modellens forventede tilgang): employment 280 (tildelt indsats); foster-placement-avoided 180 (tildelt indsats); residential-placement-avoided 180 (tildelt indsats); school-absence-reduced 140 (tildelt indsats); life-satisfaction-up 320 (tildelt indsats)");
    expect(lines).toContain("[s]: færre end 5 personer, eller tallet ville afsløre et sådant antal (se effekt report); filen beholder alle tal");
    expect(lines.at(-1)).toBe(`skrevet til ${join(d, "da.json")}`);
    expect(english(da.stdout)).toEqual([]);
    const en = effekt(args("en", "en.json"));
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/^budget years 2024-2031 \(year 0 = 2024\), prices 2024, discount rate 3\.5%; intervals 95% from 10000 draws/m);
    expect(en.stdout).toMatch(/^whole public sector after the repayment, through 2028-12-31: net [\d,]+ DKK \[/m);
    expect(readFileSync(join(d, "da.json")).equals(readFileSync(join(d, "en.json")))).toBe(true);
    expect(effekt([...args("da", "da.csv"), "--format", "csv"]).code).toBe(0);
    expect(effekt([...args("en", "en.csv"), "--format", "csv"]).code).toBe(0);
    expect(readFileSync(join(d, "da.csv")).equals(readFileSync(join(d, "en.csv")))).toBe(true);
  });
});

describe("indicators in Danish", () => {
  it("a bad indicator spec: every problem in Danish; the same run in English unchanged", () => {
    const args = ["indicators", "--spec", join(dir, "bad-spec.json"), "--values", VALUES];
    const da = effekt(["--lang", "da", ...args]);
    expect(da.code).toBe(2);
    const lines = da.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^effekt: bad-spec\.json har \d+ problemer; ret dem og kør igen:$/);
    expect(lines).toContain('  bad-spec.json: format: ugyldig værdi, forventet "effekt-indicator-spec/1"');
    expect(lines).toContain('  bad-spec.json: indicators[0].direction: skal være "higher" eller "lower" (hvilken ændringsretning der er bedst)');
    expect(lines).toContain('  bad-spec.json: indicators[1].target.value: skal være en andel i [0, 1] for enheden "share" (75 % er 0.75)');
    expect(english(da.stderr)).toEqual([]);
    const en = effekt(args);
    expect(en.stderr).toContain('  bad-spec.json: indicators[1].target.value: must be a proportion in [0, 1] for unit "share" (75% is 0.75)\n');
    expect(en.stderr).toContain('  bad-spec.json: format: Invalid literal value, expected "effekt-indicator-spec/1"\n');
  });

  it("the summary and terminal table in Danish; indicators.csv and the JSON byte-identical under --lang da and --lang en", () => {
    const d = tempDir();
    const run = (lang: string, out: string, format = "csv") => effekt(["--lang", lang, "indicators", "--spec", SPEC, "--values", VALUES, "--format", format, "--out", join(d, out)]);
    const da = run("da", "da.csv");
    expect(da.code, da.stderr).toBe(0);
    const lines = da.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`LBF delaftale Uddannelse og livschancer, Viborg: 26 rækker (2 afventer data) skrevet til ${join(d, "da.csv")}`);
    expect(lines[1]).toMatch(/^indikator +område +år +værdi +95 %-interval +n +ift\. baseline +ift\. sammenligning +mod mål +status$/);
    expect(lines.at(-1)).toBe("[s]: færre end 5 personer, eller tallet ville afsløre et sådant antal (se effekt report); filen beholder alle detaljer");
    expect(english(da.stdout)).toEqual([]);
    const en = run("en", "en.csv");
    expect(en.stdout.split("\n")[1]).toMatch(/^indicator +area +year +value +95% interval +n +vs baseline +vs comparison +to target +status$/);
    expect(readFileSync(join(d, "da.csv")).equals(readFileSync(join(d, "en.csv")))).toBe(true);
    expect(run("da", "da.json", "json").code).toBe(0);
    expect(run("en", "en.json", "json").code).toBe(0);
    expect(readFileSync(join(d, "da.json")).equals(readFileSync(join(d, "en.json")))).toBe(true);
    const both = effekt(["--lang", "da", "indicators", "--spec", SPEC, "--values", VALUES, "--persons", VALUES]);
    expect(both.stderr).toBe("effekt: angiv præcis ét af --values (aggregeret CSV) eller --persons (CSV på personniveau)\n");
  });
});

describe("report in Danish", () => {
  it("refusals in Danish", () => {
    const d = tempDir();
    const results = join(d, "results");
    mkdirSync(results);
    mkdirSync(join(d, "exists"));
    writeFileSync(join(results, "gains.json"), "");
    const runs = [
      ["report", "--audience", "kommune", "--results", results, "--out", join(d, "r")],
      ["report", "--audience", "aau", "--results", join(d, "nowhere"), "--out", join(d, "r")],
      ["report", "--audience", "aau", "--results", join(results, "gains.json"), "--out", join(d, "r")],
      ["report", "--audience", "aau", "--results", results, "--out", join(d, "exists")],
      ["report", "--audience", "aau", "--results", join(d, "exists"), "--out", join(d, "r")],
      ["report", "--audience", "aau", "--results", results, "--format", "docx", "--out", join(d, "r")],
      ["report", "--audience", "aau", "--results", results, "--format", ",", "--out", join(d, "r")],
      ["report", "--audience", "aau", "--results", results, "--min-cell", "x", "--out", join(d, "r")],
      ["report", "--audience", "aau", "--results", results, "--model", join(d, "none.json"), "--out", join(d, "r")],
    ];
    const seen = runs.map((args) => {
      const r = effekt(["--lang", "da", ...args]);
      expect(r.code, args.join(" ")).toBe(2);
      return r.stderr;
    });
    expect(seen[0]).toBe('effekt: --audience "kommune": forventet en af sus, aau\n');
    expect(seen[1]).toBe(`effekt: --results ${join(d, "nowhere")}: mappen findes ikke\n`);
    expect(seen[3]).toBe(`effekt: --out ${join(d, "exists")}: mappen findes; vælg en anden eller angiv --force for at erstatte den\n`);
    expect(seen[4]).toBe("effekt: ingen resultatfiler fundet: angiv --results MAPPE eller mindst ét af --register, --effects, --indicators, --gains\n");
    expect(seen[7]).toBe('effekt: --min-cell "x": forventet et helt tal på mindst 3\n');
    expect(seen[8]).toBe(`effekt: --model ${join(d, "none.json")}: filen findes ikke\n`);
    expect(english(seen.join(""))).toEqual([]);
    // English as before
    expect(effekt(runs[4]).stderr).toBe("effekt: no result files found: give --results DIR or at least one of --register, --effects, --indicators, --gains\n");
  });

  it("a report's files are byte-identical whatever the terminal's language (the report's own --lang decides its contents)", () => {
    const d = tempDir();
    const results = join(d, "results");
    mkdirSync(results);
    expect(effekt(["gains", "--model", MODEL, "--assume", "employment=0.05", "--out", join(results, "gains.json")]).code).toBe(0);
    expect(effekt(["indicators", "--spec", SPEC, "--values", VALUES, "--out", join(results, "indicators.csv")]).code).toBe(0);
    const args = (out: string) => ["report", "--audience", "aau", "--results", results, "--model", MODEL, "--spec", SPEC, "--format", "csv,md,html", "--out", join(d, out)];
    const da = withEnv(args("da"), { LANG: "da_DK.UTF-8" });
    expect(da.code, da.stderr).toBe(0);
    expect(da.stdout).toMatch(/^rapport \(aau, da\) skrevet til /);
    const en = withEnv(args("en"), { LANG: "C.UTF-8" });
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/^report \(aau, da\) written to /);
    expect(folder(join(d, "da"))).toEqual(folder(join(d, "en")));
  });
});
