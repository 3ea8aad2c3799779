import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { englishIn } from "../i18n/englishIn.js";
import { drawSampleLottery, effekt, ROOT, SAMPLES, tempDir } from "../helpers.js";

/**
 * estimate, plan and power in Danish (`--lang da`): problems, warnings and summaries from the catalogue's estimate
 * part, with no English left in what is printed. What is written to a file never depends on the language: the
 * effect table and its meta (whose warnings and plan deviations the report reads) are the same bytes in both.
 */
const PLAN = join(ROOT, "analyses", "relationel-velfaerd.json");
let dir = "";
let register = "";
let inputs: string[] = [];

beforeAll(() => {
  dir = tempDir();
  register = join(dir, "allocations.csv");
  drawSampleLottery(register, 2);
  inputs = ["--register", register, "--persons", join(SAMPLES, "persons.csv"), "--outcomes", join(SAMPLES, "outcomes.csv")];
});

const da = (args: string[]) => effekt(["--lang", "da", ...args]);
/** English left in Danish text; a plan's field names (a deviation's path, e.g. `covariates: tilføjet "age"`) are names, not English. */
const english = (text: string) => englishIn(text.replace(/\bcovariates: (?=tilføjet|fjernet|låst|rækkefølgen)/g, ""));
const en = (args: string[]) => effekt(["--lang", "en", ...args]);
/** A changed copy of the sample plan: another alpha and a covariate more. */
function changedPlan(d: string): string {
  const plan = JSON.parse(readFileSync(PLAN, "utf8"));
  plan.alpha = 0.1;
  plan.covariates = ["age"];
  const path = join(d, "changed.json");
  writeFileSync(path, JSON.stringify(plan, null, 2));
  return path;
}

describe("estimate, plan and power in Danish", () => {
  it("quick mode: bad flags and a second value per person are refused in Danish, one line each", () => {
    const lines = (args: string[]) => {
      const r = da(["estimate", ...inputs, ...args]);
      expect(r.code).toBe(2);
      expect(englishIn(r.stderr)).toEqual([]);
      return r.stderr;
    };
    expect(lines([])).toBe("effekt: angiv udfaldene: --plan FIL, eller --outcome NAVN (kan gentages) i hurtig tilstand\n");
    expect(lines(["--outcome", "employment", "--window", "bogus"])).toBe("effekt: --window \"bogus\": forventet first, last eller mean\n");
    expect(lines(["--outcome", "employment", "--permutations", "1e3"])).toBe("effekt: --permutations \"1e3\" er ikke et helt tal fra 0 til 1000000\n");
    expect(lines(["--outcome", "employment", "--seed", " "])).toBe("effekt: --seed er tom; angiv seed for gentrækningerne som tekst (eller udelad --seed)\n");
    expect(lines(["--outcome", "nothing", "--window", "first"])).toBe(`effekt: ${join(SAMPLES, "outcomes.csv")} har ingen rækker for udfaldet "nothing"\n`);
    const second = lines(["--outcome", "employment"]).split("\n");
    expect(second[0]).toBe("effekt: outcomes.csv har 637 problemer (de første 20 nedenfor); ret dem og kør igen:");
    expect(second[1]).toBe('  outcomes.csv, linje 3, kolonne person_id: værdi "P000023" har en anden værdi af udfaldet "employment" (den første på linje 2); angiv --window first|last|mean for at gøre dem til én; forventet én værdi pr. person og udfald');
    // the same in English, as before
    const e = en(["estimate", ...inputs, "--outcome", "employment"]);
    expect(e.stderr.split("\n")[1]).toBe('  outcomes.csv, line 3, column person_id: value "P000023" has a second value of outcome "employment" (first on line 2); pass --window first|last|mean to reduce them to one; expected one value per person and outcome');
    expect(en(["estimate", ...inputs, "--outcome", "employment", "--window", "bogus"]).stderr).toBe("effekt: --window \"bogus\": expected first, last or mean\n");
    // quick-mode flags with a plan
    expect(lines(["--plan", PLAN, "--window", "first"])).toBe("effekt: --window hører til hurtig tilstand; med --plan bestemmer planen (ret planen, så viser låsetjekket ændringen)\n");
    expect(lines(["--plan", PLAN, "--seed", "x"])).toBe("effekt: --seed hører til hurtig tilstand; med --plan gælder planens randomisation_inference.seed (ret planen, så viser låsetjekket ændringen)\n");
  });

  it("quick mode's warnings and summary in Danish; the effect table and its meta are the same bytes as in English", () => {
    const args = ["estimate", ...inputs, "--outcome", "employment", "--outcome", "wellbeing", "--window", "first", "--by-horizon", "--subgroup", "benefit_type", "--takeup", join(SAMPLES, "takeup.csv")];
    const d = tempDir();
    const e = tempDir();
    const rd = da([...args, "--out", join(d, "effects.csv")]);
    const re = en([...args, "--out", join(e, "effects.csv")]);
    expect(rd.code, rd.stderr).toBe(0);
    expect(re.code, re.stderr).toBe(0);
    expect(englishIn(rd.stdout + rd.stderr)).toEqual([]);
    expect(rd.stderr).toContain("effekt: advarsel: employment år 1 (benefit_type = ressourceforløb): en blok (runde x stratum) har ingen husstand i den ene gruppe og udelades af alle estimatorer (runde 2 Karup Kølvrå: kun 2 husstande i indsatsgruppen, 2 personer)\n");
    expect(re.stderr).toContain("effekt: warning: employment year 1 (benefit_type = ressourceforløb): a wave x stratum block has no household in one arm and is left out of every estimator (wave 2 Karup Kølvrå: 2 treatment households only, 2 persons)\n");
    expect(rd.stdout).toMatch(/^employment år 1 difference_in_means \(ITT\): .*, n \d+ i indsatsgruppen \/ \d+ i kontrolgruppen i \d+ husstande$/m);
    expect(rd.stdout).toContain("tilslutning: 109 af 140 husstande i indsatsgruppen (77,9 %)\n");
    // Danish figures: decimal comma, and ; between an interval's bounds
    expect(rd.stdout).toContain("wellbeing år 1 difference_in_means (ITT): 3,823 [0,3596; 7,287] (se 1,762, p 0,0306, Holm 0,09179), n 214 i indsatsgruppen / 395 i kontrolgruppen i 406 husstande\n");
    expect(re.stdout).toContain("wellbeing year 1 difference_in_means (ITT): 3.823 [0.3596, 7.287] (se 1.762, p 0.0306, Holm 0.09179), n 214 treatment / 395 control in 406 households\n");
    expect(rd.stdout).toContain(`effekttabel: ${join(d, "effects.csv")} (metadata: ${join(d, "effects.csv")}.meta.json)\n`);
    expect(re.stdout).toContain("take-up: 109 of 140 treatment households (77.9%)\n");
    expect(readFileSync(join(d, "effects.csv"))).toEqual(readFileSync(join(e, "effects.csv")));
    expect(readFileSync(join(d, "effects.csv.meta.json"))).toEqual(readFileSync(join(e, "effects.csv.meta.json")));
    expect(JSON.parse(readFileSync(join(d, "effects.csv.meta.json"), "utf8")).warnings).toContain("employment year 1 (benefit_type = ressourceforløb): a wave x stratum block has no household in one arm and is left out of every estimator (wave 2 Karup Kølvrå: 2 treatment households only, 2 persons)");
  });

  it("rows left empty in small subgroups: the estimators' reasons in Danish on the terminal, in English in the meta (the same bytes in both)", () => {
    const args = ["estimate", ...inputs, "--outcome", "wellbeing", "--window", "first", "--subgroup", "birth_year", "--takeup", join(SAMPLES, "takeup.csv")];
    const d = tempDir();
    const rd = da([...args, "--out", join(d, "da.csv")]);
    const re = en([...args, "--out", join(d, "en.csv")]);
    expect(rd.code, rd.stderr).toBe(0);
    expect(englishIn(rd.stderr)).toEqual([]);
    expect(rd.stderr).toContain("effekt: advarsel: undergruppe birth_year = 1960: 1 række ikke estimeret (wellbeing: lm_lin): HC2 er ikke defineret: en observation har leverage én (f.eks. den eneste enhed af sin slags); rækken efterlades tom (hver årsag står i metadataens warnings)\n");
    expect(re.stderr).toContain("effekt: warning: subgroup birth_year = 1960: 1 row not estimated (wellbeing: lm_lin): HC2 is undefined: an observation has leverage one (e.g. the only unit of its kind); the row is left empty (each reason in the meta's warnings)\n");
    expect(readFileSync(join(d, "da.csv"))).toEqual(readFileSync(join(d, "en.csv")));
    expect(readFileSync(join(d, "da.csv.meta.json"))).toEqual(readFileSync(join(d, "en.csv.meta.json")));
  });

  it("estimate --plan on a plan that deviates from the lock: warnings, deviations and pending horizons in Danish; the meta keeps them in English", () => {
    const d = tempDir();
    const lock = effekt(["plan", "lock", "--plan", PLAN, "--register", register, "--date", "2025-03-02"]);
    expect(lock.code, lock.stderr).toBe(0);
    const changed = changedPlan(d);
    const args = ["estimate", "--plan", changed, ...inputs, "--takeup", join(SAMPLES, "takeup.csv")];
    const rd = da([...args, "--out", join(d, "da.csv")]);
    const re = en([...args, "--out", join(d, "en.csv")]);
    expect(rd.code, rd.stderr).toBe(0);
    expect(english(rd.stdout + rd.stderr)).toEqual([]);
    const out = rd.stdout.split("\n");
    expect(out).toContain("plan relationel-velfaerd: afviger fra den låste plan (låst sha256 " + JSON.parse(readFileSync(join(d, "en.csv.meta.json"), "utf8")).plan.locked_sha256.slice(0, 12) + "...) på 2 punkter:");
    expect(out).toContain("  afvigelse: alpha: låst 0.05, nu 0.1");
    expect(out).toContain("  afvigelse: covariates: tilføjet \"age\"");
    expect(out).toContain("wellbeing år 3: afventer data (intet vindue for år 3 er slut ved den sidste wellbeing-dato i udfaldsfilen (2026-09-01))");
    expect(rd.stderr).toContain("effekt: advarsel: school_absence år 3: 13 personer uden en værdi, hvis vindue for år 3 slutter efter den sidste school_absence-dato i udfaldsfilen (2028-06-30), udelades (deres data afventes)\n");
    expect(re.stdout.split("\n")).toContain("  deviation: alpha: locked 0.05, used 0.1");
    expect(re.stdout.split("\n")).toContain("wellbeing year 3: data pending (no window of year 3 has ended by the last wellbeing date in the outcomes file (2026-09-01))");
    // the files: the same bytes, English inside
    expect(readFileSync(join(d, "da.csv"))).toEqual(readFileSync(join(d, "en.csv")));
    const metaDa = readFileSync(join(d, "da.csv.meta.json"), "utf8");
    expect(metaDa).toBe(readFileSync(join(d, "en.csv.meta.json"), "utf8"));
    const meta = JSON.parse(metaDa);
    expect(meta.plan.deviations).toEqual(["alpha: locked 0.05, used 0.1", "covariates: added \"age\""]);
    expect(meta.warnings).toContain("school_absence year 3: 13 persons without a value whose year-3 window ends after the last school_absence date in the outcomes file (2028-06-30) are left out (their data are pending)");
  });

  it("plan lock refuses a changed plan in Danish, listing the changes; plan show in Danish", () => {
    const d = tempDir();
    const reg = join(d, "allocations.csv");
    expect(effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01", "--register", reg, "--wave", "1", "--seed", "s", "--treat", "80"]).code).toBe(0);
    const first = da(["plan", "lock", "--plan", PLAN, "--register", reg, "--date", "2025-03-02"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^låste planen "relationel-velfaerd" version .* \(sha256 [0-9a-f]{64}\) for .*allocations\.csv \(runde 1 trukket\): .*plan-lock\.json\n$/);
    const refused = da(["plan", "lock", "--plan", changedPlan(d), "--register", reg]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^effekt: .*allocations\.csv har allerede planen "relationel-velfaerd" låst \(sha256 [0-9a-f]{12}\.\.\.\); denne plan afviger: alpha: låst 0\.05, nu 0\.1; covariates: tilføjet "age"\. Kør igen med --relock --reason "hvorfor" for at erstatte den låste plan \(den gamle plan bliver i låsens historik\)\. Intet blev låst\.\n$/);
    expect(en(["plan", "lock", "--plan", changedPlan(d), "--register", reg]).stderr).toMatch(/this plan differs: alpha: locked 0\.05, used 0\.1; covariates: added "age"\. To replace the locked plan/);
    expect(da(["plan", "lock", "--plan", PLAN, "--register", reg, "--reason", "x"]).stderr).toBe("effekt: --reason hører sammen med --relock\n");
    const show = da(["plan", "show", "--register", reg, "--plan", changedPlan(d)]);
    expect(show.stdout.split("\n").slice(1, 3)).toEqual(["  alpha: låst 0.05, nu 0.1", "  covariates: tilføjet \"age\""]);
    const plain = da(["plan", "show", "--register", reg]);
    expect(english(refused.stderr + show.stdout + plain.stdout)).toEqual([]);
    expect(plain.stdout).toContain("  låst den 2025-03-02, da registret rummede runde 1 (registrets sha256 ");
  });

  it("a bad plan's problems in Danish, each framed with its JSON path and value; the same in English as before", () => {
    const d = tempDir();
    const plan = JSON.parse(readFileSync(PLAN, "utf8"));
    plan.alpha = 0.9;
    plan.outcomes[0].horizons = [3, 1];
    plan.outcomes[1].role = "main";
    plan.bogus = 1;
    const bad = join(d, "bad.json");
    writeFileSync(bad, JSON.stringify(plan));
    const r = da(["estimate", "--plan", bad, ...inputs]);
    expect(r.code).toBe(2);
    // quoted values ("primary", the plan's JSON) and JSON paths (outcomes[employment]) are the plan's names, not English
    expect(englishIn(r.stderr.replace(/"[^"\n]*"/g, '""').replace(/[A-Za-z_]+(?=\[)/g, ""))).toEqual([]);
    expect(r.stderr.split("\n").slice(0, 4)).toEqual([
      `effekt: ${bad} har 4 problemer; ret dem og kør igen:`,
      `  ${bad}: alpha: må højst være 0.5 (værdi 0.9)`,
      `  ${bad}: outcomes[employment].horizons[1]: skal være stigende: 1 kommer efter 3 (værdi 1)`,
      `  ${bad}: outcomes[school_absence].role: skal være "primary" eller "secondary" (værdi "main")`,
    ]);
    expect(r.stderr).toContain(`  ${bad}: (øverste niveau): ukendte felter: 'bogus' (værdi {`);
    const e = en(["estimate", "--plan", bad, ...inputs]);
    expect(e.stderr.split("\n").slice(1, 3)).toEqual([`  ${bad}: alpha: must be at most 0.5 (value 0.9)`, `  ${bad}: outcomes[employment].horizons[1]: must be increasing: 1 follows 3 (value 1)`]);
  });

  it("plan lock and plan show --help in Danish; English as before", () => {
    const lock = da(["plan", "lock", "--help"]).stdout;
    expect(lock).toMatch(/^ {2}--date <YYYY-MM-DD> +registrér denne dato som låsedato \(ellers registreres$/m);
    expect(lock).toContain("\nEksempel:\n  effekt plan lock ");
    expect(da(["plan", "show", "--help"]).stdout).toMatch(/^ {2}--plan <file> +sammenlign denne plan med den låste, og vis hver\s+afvigelse$/m);
    expect(da(["plan", "--help"]).stdout).toMatch(/^ {2}lock \[options\] +registrér analyseplanen og dens hash ved siden af$/m);
    const en = effekt(["plan", "lock", "--help"]).stdout;
    expect(en).toMatch(/^ {2}--date <YYYY-MM-DD> +record this date as the lock date \(no clock time is$/m);
    expect(en).toContain("\nExample:\n  effekt plan lock ");
  });

  it("power: bad input refused in Danish; the answer in Danish", () => {
    const refused = (args: string[]) => {
      const r = da(["power", ...args]);
      expect(r.code).toBe(2);
      expect(englishIn(r.stderr)).toEqual([]);
      return r.stderr;
    };
    expect(refused(["--icc", "0.3", "--persons-per-household", "1.6"])).toBe("effekt: angiv --households (eller --waves)\n");
    expect(refused(["--households", "abc", "--persons-per-household", "1.6", "--icc", "0.3"])).toBe("effekt: --households \"abc\" er ikke et tal\n");
    expect(refused(["--waves", "321:x", "--persons-per-household", "1.6", "--icc", "0.3"])).toBe("effekt: --waves \"321:x\": runde 1 (\"321:x\") er ikke husstande:andel (f.eks. 321:0.25)\n");
    expect(refused(["--simulate", "--icc", "0.3"])).toMatch(/^effekt: --simulate kræver --register/);
    // the design's own checks (src/estimate/power.ts)
    expect(refused(["--households", "100", "--persons-per-household", "1.6", "--icc", "1.5"])).toBe("effekt: icc skal ligge i [0, 1], fik 1.5\n");
    expect(refused(["--waves", "100:1.2", "--persons-per-household", "1.6", "--icc", "0.3"])).toBe("effekt: andelen i indsatsgruppen i runde 1 skal ligge i (0, 1), fik 1.2\n");
    expect(refused(["--households", "100", "--persons-per-household", "1.6", "--icc", "0.3", "--power", "0.01"])).toBe("effekt: styrken skal være større end alpha (0.05): en test har styrken alpha, når der ingen effekt er\n");
    expect(en(["power", "--waves", "100:1.2", "--persons-per-household", "1.6", "--icc", "0.3"]).stderr).toBe("effekt: wave 1 share treated must be in (0, 1), got 1.2\n");
    expect(en(["power", "--households", "abc", "--persons-per-household", "1.6", "--icc", "0.3"]).stderr).toBe("effekt: --households \"abc\" is not a number\n");
    const ok = da(["power", "--waves", "321:0.25,92:0.65", "--persons-per-household", "1.6", "--household-size-cv", "0.5", "--icc", "0.3", "--takeup", "0.7", "--attrition", "0.1", "--effect", "0.3"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(englishIn(ok.stdout)).toEqual([]);
    expect(ok.stdout.split("\n")[0]).toBe("design: 413 husstande x 1,6 personer, ICC 0,3, 321 med 0,25, 92 med 0,65 i indsatsgruppen, R2 0, alpha 0,05, CV for husstandsstørrelse 0,5, frafald 0,1, tilslutning 0,7");
    expect(ok.stdout).toMatch(/^mindste påviselige effekt ved 80 % styrke: \d+,\d+ standardafvigelser$/m);
    // a simulation without household sizes: one line naming both ways to give them (it read "undefined" as a number before)
    const noSizes = ["power", "--simulate", "--register", register, "--icc", "0.3", "--effect", "0.3"];
    expect(en(noSizes).stderr).toBe("effekt: --simulate needs the households' sizes: give --persons FILE (persons per household are counted), or --persons-per-household N (sizes are generated)\n");
    expect(da(noSizes).stderr).toBe("effekt: --simulate kræver husstandenes størrelser: angiv --persons FIL (personer pr. husstand tælles), eller --persons-per-household N (størrelser genereres)\n");
    const sim = da(["power", "--simulate", "--register", register, "--persons", join(SAMPLES, "persons.csv"), "--icc", "0.3", "--effect", "0.3", "--takeup", "0.7", "--sims", "20"]);
    expect(sim.code, sim.stderr).toBe(0);
    expect(englishIn(sim.stdout)).toEqual([]);
    expect(sim.stdout).toMatch(/^udfaldsmodel: effekt 0,3 blandt deltagere \(tilslutning 0,7\), sd 1, ICC 0,3, R2 0, frafald 0; 20 simuleringer, seed "effekt-power", alpha 0,05$/m);
  });
});
