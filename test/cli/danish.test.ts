import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { drawSampleLottery, effekt, ROOT, SAMPLES, tempDir } from "../helpers.js";

/**
 * Danish terminal messages (`--lang da`, or a Danish LANG), from the one catalogue (src/i18n), with the
 * error lines' one-line shape kept (file, line, column, value, problem; expected). English stays the default.
 */
const withEnv = (args: string[], env: Record<string, string>, cwd = ROOT) => {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "effekt"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", LC_ALL: "", LC_MESSAGES: "", ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

let dir = "";
let register = "";
beforeAll(() => {
  dir = tempDir();
  register = join(dir, "allocations.csv");
  drawSampleLottery(register);
});

describe("Danish terminal messages", () => {
  it("a Windows-1252 ; export with bad values: every problem in Danish, one line each, with file, line, column and value", () => {
    const d = tempDir();
    const rows = ["Husstand;Boligområde;Antal aktive sager", "H1;Houlkær;2", "H2;Houlkær;to", "H3;Ellekonebakken;", "H2;Houlkær;3"];
    writeFileSync(join(d, "husstande.csv"), Buffer.from(`${rows.join("\r\n")}\r\n`, "latin1"));
    const args = ["draw", "--households", join(d, "husstande.csv"), "--column", "household_id=Husstand", "--column", "area=Boligområde", "--column", "active_cases=Antal aktive sager", "--register", join(d, "a.csv"), "--wave", "1", "--seed", "s", "--treat", "1"];
    const da = effekt(["--lang", "da", ...args]);
    expect(da.code).toBe(2);
    expect(da.stderr.trimEnd().split("\n")).toEqual([
      "effekt: husstande.csv har 3 problemer; ret dem og kør igen:",
      '  husstande.csv, linje 5, kolonne Husstand (household_id): værdi "H2" er en dublet (første gang på linje 3); forventet hvert id én gang',
      '  husstande.csv, linje 3, kolonne Antal aktive sager (active_cases): værdi "to" er ikke et tal; forventet et antal aktive kommunale sager (0 eller flere)',
      '  husstande.csv, linje 4, kolonne Antal aktive sager (active_cases): værdi "" mangler; forventet et antal aktive kommunale sager (0 eller flere)',
    ]);
    // the same run in English, the default
    const en = effekt(args);
    expect(en.stderr.split("\n")[0]).toBe("effekt: husstande.csv has 3 problems; fix them and run again:");
    expect(en.stderr).toContain('  husstande.csv, line 3, column Antal aktive sager (active_cases): value "to" is not a number; expected a count of active municipal cases (0 or more)');
  });

  it("LANG=da_DK.UTF-8 gives Danish without the flag; --lang en wins over it; commander's flag errors too", () => {
    const missing = ["draw", "--households", join(SAMPLES, "households.csv")];
    expect(withEnv(missing, { LANG: "da_DK.UTF-8" }).stderr).toBe("effekt: det påkrævede flag '--register <file>' er ikke angivet\n");
    expect(withEnv([...missing, "--lang", "en"], { LANG: "da_DK.UTF-8" }).stderr).toBe("effekt: required option '--register <file>' not specified\n");
    expect(withEnv(missing, { LANG: "C.UTF-8" }).stderr).toBe("effekt: required option '--register <file>' not specified\n");
    expect(withEnv(["verify", "--register", register, "--bogus"], { LANG: "da_DK.UTF-8" }).stderr).toBe("effekt: ukendt flag '--bogus'\n");
  });

  it("summaries: verify, init and outcomes import in Danish", () => {
    expect(effekt(["--lang", "da", "verify", "--register", register]).stdout).toBe("verificeret: 1 runde, 321 husstande, hashkæden er intakt\n");
    expect(effekt(["verify", "--register", register]).stdout).toBe("verified: 1 wave, 321 households, hash chain intact\n");
    const d = tempDir();
    const init = effekt(["init", "--lang", "da", "--households", "h.csv"], d);
    expect(init.stdout).toMatch(/^projektfil skrevet: effekt\.json \(kommandoer kørt i \. bruger dens stier; flag på kommandolinjen går forud\)/);
    // init's --lang is also the reports' language in the project
    expect(JSON.parse(readFileSync(join(d, "effekt.json"), "utf8")).report).toEqual({ lang: "da" });
    const x = join(SAMPLES, "exports");
    const imp = effekt(["--lang", "da", "outcomes", "import", "--from", join(x, "trivsel-survey.csv"), "--spec", join(x, "import-trivsel.json"), "--out", join(d, "o.csv")]);
    expect(imp.stdout).toMatch(/^\d+ rækker af wellbeing skrevet til .*o\.csv \(fra trivsel-survey\.csv; .*\); omformningen står i .*o\.csv\.manifest\.json\n$/);
  });

  it("report --lang is both the report's language and the terminal's", () => {
    const da = effekt(["report", "--audience", "sus", "--register", register, "--format", "md", "--lang", "da", "--out", join(tempDir(), "r")]);
    expect(da.code, da.stderr).toBe(0);
    expect(da.stdout).toMatch(/^rapport \(sus, da\) skrevet til /m);
    const out = join(tempDir(), "r");
    const en = effekt(["report", "--audience", "sus", "--register", register, "--format", "md", "--lang", "en", "--out", out]);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/^report \(sus, en\) written to /m);
    expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).options.lang).toBe("en");
  });
});
