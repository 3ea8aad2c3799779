import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { effekt, filesUnder, SAMPLES, tempDir } from "../helpers.js";
import { englishIn } from "../i18n/englishIn.js";

/**
 * The lottery in Danish (`--lang da`): draw's summary, its dry run, a refused re-draw, verify's findings and the
 * flags' problems come from the draw part of the catalogue. The summary keeps its disclosure control, and what
 * the draw writes (register, manifests, commit record, balance tables, kept inputs) is the same bytes in either
 * language.
 */

/** A folder with the sample inputs, so runs in two folders name the same relative paths. */
function folder(): string {
  const d = tempDir();
  copyFileSync(join(SAMPLES, "households.csv"), join(d, "households.csv"));
  copyFileSync(join(SAMPLES, "cases.csv"), join(d, "cases.csv"));
  return d;
}

const DRAW = ["draw", "--households", "households.csv", "--cases", "cases.csv", "--date", "2025-03-01", "--register", "allocations.csv", "--seed", "viborg-2025"];
const wave1 = [...DRAW, "--wave", "1", "--treat", "80"];
const wave2 = [...DRAW, "--wave", "2", "--treat", "20", "--min-cases", "1"];
const lines = (text: string) => text.trimEnd().split("\n");
/** Every file of a folder by relative path, with its bytes. */
const contents = (dir: string) => Object.fromEntries(filesUnder(dir).map((f) => [relative(dir, f), readFileSync(f).toString("base64")]));

let da = "";
let en = "";
const out: Record<"da" | "en", { w1: ReturnType<typeof effekt>; w2: ReturnType<typeof effekt> }> = {} as never;
beforeAll(() => {
  da = folder();
  en = folder();
  out.da = { w1: effekt(["--lang", "da", ...wave1], da), w2: effekt(["--lang", "da", ...wave2], da) };
  out.en = { w1: effekt(["--lang", "en", ...wave1], en), w2: effekt(["--lang", "en", ...wave2], en) };
  for (const r of [out.da.w1, out.da.w2, out.en.w1, out.en.w2]) expect(r.code, r.stderr).toBe(0);
});

describe("effekt draw in Danish", () => {
  it("the summary of a draw: whole Danish lines, nothing English, and the English run unchanged", () => {
    expect(lines(out.da.w1.stdout).slice(0, 6)).toEqual([
      "runde 1 trukket: 321 berettigede husstande, 80 til indsats, 241 til kontrol",
      "uden for lodtrækningen: 178 bor uden for de valgte boligområder, 1501 for få aktive sager, 0 allerede trukket",
      "  Ellekonebakken: 104 berettigede, 26 til indsats, 78 til kontrol, p_treatment 0.24922118380062305 (80/321)",
      "  Houlkær: 155 berettigede, 38 til indsats, 117 til kontrol, p_treatment 0.24922118380062305 (80/321)",
      "  Karup Kølvrå: 62 berettigede, 16 til indsats, 46 til kontrol, p_treatment 0.24922118380062305 (80/321)",
      "register: allocations.csv (321 husstande i 1 runde), manifest: allocations.csv.manifests/wave-0001.json",
    ]);
    expect(out.da.w1.stdout).toContain("\nbalance i baggrundsvariable mellem indsats og kontrol, pr. runde (også i allocations.csv.balance.csv):\n");
    expect(out.da.w2.stdout).toMatch(/^register: allocations\.csv \(\d+ husstande i 2 runder\), manifest: allocations\.csv\.manifests\/wave-0002\.json$/m);
    expect(out.da.w2.stdout).toContain("\nbalance i baggrundsvariable mellem indsats og kontrol, pr. runde og samlet (også i allocations.csv.balance.csv):\n");
    // the balance table and the joint test under the summary: Danish words and decimal commas
    expect(out.da.w1.stdout).toMatch(/^baggrundsvariabel +runde +n indsats +n kontrol +gns\. indsats +gns\. kontrol +std\. forskel$/m);
    expect(out.da.w1.stdout).toMatch(/^Aktive sager i kommunen +1 +80 +241 +\d,\d{3} +\d,\d{3} +-?\d,\d{3}$/m);
    expect(out.da.w1.stdout).toMatch(/^samlet balancetest, alle baggrundsvariable på én gang \(randomiseringsinferens, 1\.000 gentagne lodtrækninger\): runde 1 p = \d,\d{3} \(\d+ kolonner\)$/m);
    expect(out.da.w2.stdout).toMatch(/^Aktive sager i kommunen +alle runder +\d+ +\d+ /m);
    expect(out.da.w2.stdout).toMatch(/; alle runder p = \d,\d{3} \(\d+ kolonner\)$/m);
    expect(out.en.w1.stdout).toMatch(/^covariate +wave +n T +n C +mean T +mean C +std diff$/m);
    expect(out.en.w2.stdout).toMatch(/^joint test of balance, all covariates at once \(randomisation inference, 1,000 re-draws of the lottery\): wave 1 p = \d\.\d{3} \(\d+ columns\); wave 2 p = .*; all waves p = /m);
    for (const r of [out.da.w1, out.da.w2]) {
      expect(englishIn(r.stdout)).toEqual([]);
      expect(r.stderr).toBe("");
    }
    expect(lines(out.en.w1.stdout).slice(0, 3)).toEqual([
      "wave 1 drawn: 321 eligible households, 80 treatment, 241 control",
      "excluded: 178 area not selected, 1501 too few cases, 0 already drawn",
      "  Ellekonebakken: 104 eligible, 26 treatment, 78 control, p_treatment 0.24922118380062305 (80/321)",
    ]);
    expect(out.en.w2.stdout).toContain("\nbalance of baseline covariates by arm, per wave and pooled (also in allocations.csv.balance.csv):\n");
  });

  it("the files a draw writes are byte-identical under --lang da and --lang en", () => {
    const a = contents(da);
    const b = contents(en);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(Object.keys(a)).toEqual(expect.arrayContaining(["allocations.csv", "allocations.csv.balance.csv", "allocations.csv.balance.joint.csv", join("allocations.csv.manifests", "wave-0001.json"), join("allocations.csv.manifests", "wave-0002.json")]));
    for (const k of Object.keys(a)) expect(a[k], k).toBe(b[k]);
  });

  it("a wave drawn again: the same settings are confirmed, other settings refused, in Danish", () => {
    const d = folder();
    expect(effekt(wave1, d).code).toBe(0);
    const before = contents(d);
    const same = effekt(["--lang", "da", ...wave1], d);
    expect(same.stdout).toBe("runde 1 er allerede trukket med disse inputfiler og denne seed; registret er uændret (allocations.csv)\n");
    const args = ["--lang", "da", ...DRAW.map((a) => (a === "viborg-2025" ? "andet-seed" : a)), "--wave", "1", "--treat", "90"];
    const other = effekt(args, d);
    expect(other.code).toBe(2);
    expect(other.stderr).toBe('effekt: runde 1 er allerede trukket med andre indstillinger: en anden seed; treat (registreret {"kind":"total","places":80}, nu {"kind":"total","places":90}). En trukket runde kan ikke trækkes om; husstandene beholder deres gruppe. Intet blev ændret.\n');
    expect(effekt(args.slice(2), d).stderr).toBe('effekt: wave 1 was already drawn with different settings: the seed; treat (recorded {"kind":"total","places":80}, now {"kind":"total","places":90}). A drawn wave cannot be redrawn; households keep their arm. Nothing was changed.\n');
    // a missing derived file is rebuilt by the same draw
    const balance = readFileSync(join(d, "allocations.csv.balance.csv"));
    writeFileSync(join(d, "allocations.csv.balance.csv"), "");
    expect(lines(effekt(["--lang", "da", ...wave1], d).stdout)[1]).toBe("genopbygget (manglede eller var forældet): balancetabellen allocations.csv.balance.csv");
    expect(readFileSync(join(d, "allocations.csv.balance.csv")).equals(balance)).toBe(true);
    expect(contents(d)).toEqual(before);
    const skip = effekt(["--lang", "da", ...DRAW, "--wave", "3", "--treat", "5"], d);
    expect(skip.stderr).toBe("effekt: --wave 3 er ikke den næste runde: registret har runde 1, så den næste er 2\n");
    const none = effekt(["--lang", "da", ...DRAW, "--wave", "2", "--treat", "5"], d);
    expect(none.stderr).toBe("effekt: --treat beder om 5 indsatspladser, men kun 0 husstande er berettigede i denne runde\n");
  });
});

describe("effekt draw --dry-run in Danish", () => {
  let d = "";
  beforeAll(() => {
    d = folder();
    // the file spells one area another way: near a selected name, so it must be confirmed
    writeFileSync(join(d, "households.csv"), readFileSync(join(d, "households.csv"), "utf8").replaceAll(",Houlkær,", ",Houlkaer,"));
  });

  it("an area name that matches no selected area stops the dry run; confirmed, the dry run lists eligibility and places", () => {
    const stop = effekt(["--lang", "da", ...wave1, "--dry-run"], d);
    expect(stop.code).toBe(2);
    expect(stop.stderr).toBe('effekt: households.csv: områdenavne, der ikke svarer til noget valgt boligområde: "Houlkaer" (860 husstande; nærmeste valgte boligområde "Houlkær"); læs et af dem som et valgt boligområde med --area-alias "Houlkaer=Houlkær", eller udelad det med --exclude-area "Houlkaer". Intet blev trukket.\n');
    const dry = effekt(["--lang", "da", ...wave1, "--dry-run", "--area-alias", "Houlkaer=Houlkær"], d);
    expect(dry.code, dry.stderr).toBe(0);
    expect(lines(dry.stdout)).toEqual([
      "prøvekørsel af runde 1: intet bliver trukket eller skrevet",
      "berettigede pr. boligområde (valgt: Houlkær, Ellekonebakken, Karup Kølvrå; mindst 2 aktive sager; ikke trukket før):",
      "  Ellekonebakken: 615 husstande, 104 berettigede; uden for lodtrækningen: 0 bor uden for de valgte boligområder, 511 for få aktive sager, 0 allerede trukket",
      "  Houlkær: 860 husstande, 155 berettigede; uden for lodtrækningen: 0 bor uden for de valgte boligområder, 705 for få aktive sager, 0 allerede trukket",
      "  Karup Kølvrå: 347 husstande, 62 berettigede; uden for lodtrækningen: 0 bor uden for de valgte boligområder, 285 for få aktive sager, 0 allerede trukket",
      "  Viborg Midtby: 178 husstande, 0 berettigede; uden for lodtrækningen: 178 bor uden for de valgte boligområder, 0 for få aktive sager, 0 allerede trukket",
      "strata og pladser: 321 berettigede",
      "  Ellekonebakken: 104 berettigede, 26 pladser (indsats), 78 til kontrol, p_treatment 0.24922118380062305 (80/321)",
      "  Houlkær: 155 berettigede, 38 pladser (indsats), 117 til kontrol, p_treatment 0.24922118380062305 (80/321)",
      "  Karup Kølvrå: 62 berettigede, 16 pladser (indsats), 46 til kontrol, p_treatment 0.24922118380062305 (80/321)",
    ]);
    // the English dry run, unchanged
    const enDry = effekt([...wave1, "--dry-run", "--area-alias", "Houlkaer=Houlkær"], d);
    expect(lines(enDry.stdout)[0]).toBe("dry run of wave 1: nothing is drawn or written");
    expect(lines(enDry.stdout)[7]).toBe("  Ellekonebakken: 104 eligible, 26 places (treatment), 78 control, p_treatment 0.24922118380062305 (80/321)");
  });

  it("hidden counts keep their mark and footnote; --areas naming an absent area is refused; nothing is written", () => {
    const small = effekt(["--lang", "da", ...wave1, "--dry-run", "--area-alias", "Houlkaer=Houlkær", "--min-cell", "200"], d);
    expect(small.code, small.stderr).toBe(0);
    const shown = lines(small.stdout);
    expect(shown).toContain("  Viborg Midtby: [s] husstande, 0 berettigede; uden for lodtrækningen: [s] bor uden for de valgte boligområder, 0 for få aktive sager, 0 allerede trukket");
    expect(shown.at(-1)).toBe("[s]: færre end 200 husstande, eller tallet ville afsløre et sådant antal (se rapporten); manifestet har alle tal");
    // the same cells are hidden as in English
    const enSmall = effekt([...wave1, "--dry-run", "--area-alias", "Houlkaer=Houlkær", "--min-cell", "200"], d);
    const marks = (text: string) => lines(text).map((l) => (l.match(/\[s\]/g) ?? []).length);
    expect(marks(small.stdout)).toEqual(marks(enSmall.stdout));
    const absent = effekt(["--lang", "da", ...wave1, "--dry-run", "--area-alias", "Houlkaer=Houlkær", "--areas", "Houlkær,Nørremarken"], d);
    expect(absent.stderr).toBe('effekt: --areas nævner "Nørremarken", som ingen husstand i households.csv bor i (boligområder i filen: "Ellekonebakken", "Houlkaer", "Karup Kølvrå", "Viborg Midtby")\n');
    for (const r of [small, absent]) expect(englishIn(r.stdout + r.stderr)).toEqual([]);
    expect(Object.keys(contents(d)).sort()).toEqual(["cases.csv", "households.csv"]);
  });
});

describe("effekt verify in Danish", () => {
  it("a tampered register: the difference is named in Danish (exit 1), as in English", () => {
    const d = folder();
    expect(effekt(wave1, d).code).toBe(0);
    const register = join(d, "allocations.csv");
    const original = readFileSync(register, "utf8");
    const row = original.split("\n").findIndex((l) => l.includes(",control,"));
    const id = original.split("\n")[row].split(",")[0];
    writeFileSync(register, original.split("\n").map((l, i) => (i === row ? l.replace(",control,", ",treatment,") : l)).join("\n"));
    const r = effekt(["--lang", "da", "verify", "--register", "allocations.csv"], d);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`effekt: runde 1, husstand ${id}: gruppen (arm) er indsats i registret, lodtrækningen giver kontrol\n`);
    expect(effekt(["verify", "--register", "allocations.csv"], d).stderr).toBe(`effekt: wave 1, household ${id}: arm is treatment in the register, the draw gives control\n`);
    // p_treatment's decimal is not read back as a row: the register's bytes are compared
    writeFileSync(register, original.replace(",0.24922118380062305,", ",0.2492211838006231,"));
    const bytes = effekt(["--lang", "da", "verify", "--register", "allocations.csv"], d);
    expect(bytes.code).toBe(1);
    expect(bytes.stderr).toMatch(/^effekt: allocations\.csv linje 2: afviger fra det register, som dets rækker giver \(et felt som p_treatment er rettet, eller filen er gemt igen\); forventet "H\d+,1,.*"\n$/);
    // a draw refuses the tampered register
    const draw = effekt(["--lang", "da", ...DRAW, "--wave", "2", "--treat", "5"], d);
    expect(draw.stderr).toBe("effekt: allocations.csv er ikke byte for byte det register, som dets rækker giver (et felt som p_treatment er rettet, eller filen er gemt igen); kør effekt verify --register allocations.csv for at se hvor. Intet blev trukket.\n");
    // (the expected line is the register's own row: its arm is a code, not English text)
    for (const x of [r, bytes, draw]) expect(englishIn(x.stderr.replace(/forventet ".*"/, ""))).toEqual([]);
    writeFileSync(register, original);
    expect(effekt(["--lang", "da", "verify", "--register", "allocations.csv"], d).stdout).toBe("verificeret: 1 runde, 321 husstande, hashkæden er intakt\n");
  });
});

describe("draw's and init's flags in Danish", () => {
  it("each problem with a flag in Danish, nothing English", () => {
    const d = folder();
    const run = (args: string[]) => effekt(["--lang", "da", ...args], d);
    const cases: [string[], string][] = [
      [[...DRAW, "--wave", "0", "--treat", "5"], 'effekt: --wave "0" er ikke et helt tal på mindst 1 (og højst 9007199254740991)'],
      [[...DRAW, "--wave", "1", "--treat", "0"], "effekt: --treat 0: en runde uden indsatspladser trækker ingen; angiv mindst 1"],
      [[...DRAW, "--wave", "1", "--treat", "Houlkær=5,Viborg"], 'effekt: --treat "Houlkær=5,Viborg": "Viborg" er ikke STRATUM=n; forventet et samlet antal som 60 eller pladser pr. stratum som Houlkær=20,Ellekonebakken=15'],
      [[...DRAW, "--wave", "1", "--treat", "Houlkær=5"], 'effekt: --treat giver intet antal pladser til stratum "Ellekonebakken" (104 berettigede); giv hvert stratum et antal, 0 hvis ingen'],
      [[...DRAW, "--wave", "1", "--treat", "400"], "effekt: --treat beder om 400 indsatspladser, men kun 321 husstande er berettigede i denne runde"],
      [[...DRAW.map((a) => (a === "viborg-2025" ? " " : a)), "--wave", "1", "--treat", "5"], "effekt: --seed er tom; fastlæg og offentliggør en seed-tekst før lodtrækningen"],
      [[...DRAW, "--wave", "1", "--treat", "5", "--area-alias", "Houlkaer"], 'effekt: --area-alias "Houlkaer" er ikke NAVN=OMRÅDE, hvor OMRÅDE er et af de valgte boligområder ("Houlkær", "Ellekonebakken", "Karup Kølvrå")'],
      [["init", "--min-cell", "2"], 'effekt: --min-cell "2": forventet et helt tal på 3 eller mere'],
    ];
    for (const [args, line] of cases) {
      const r = run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toBe(`${line}\n`);
      expect(englishIn(r.stderr)).toEqual([]);
    }
    expect(effekt([...DRAW, "--wave", "1", "--treat", "400"], d).stderr).toBe("effekt: --treat asks for 400 treatment places but only 321 households are eligible in this wave\n");
  });
});
