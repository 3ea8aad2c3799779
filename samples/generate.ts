/**
 * Seeded synthetic population for the three Viborg areas (plus one area outside the intervention), written to
 * samples/. Nothing here is real: identifiers are `H`/`P`/`C` plus a number, never CPR-like.
 * Run with `npm run samples`; the output is committed and byte-identical on every run.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import seedrandom from "seedrandom";

const SEED = "effekt-samples-v1";
const HOUSEHOLDS = 2000;
const here = dirname(fileURLToPath(import.meta.url));
const outDir = here.includes(`${"dist"}`) ? join(here, "..", "..", "samples") : here;

const rng = seedrandom(SEED);
const pick = <T>(items: readonly T[], weights: readonly number[]): T => {
  const total = weights.reduce((a, b) => a + b, 0);
  let u = rng() * total;
  for (let i = 0; i < items.length; i++) if ((u -= weights[i]) < 0) return items[i];
  return items[items.length - 1];
};
const poisson = (lambda: number): number => {
  let k = 0;
  let p = Math.exp(-lambda);
  let s = p;
  const u = rng();
  while (u > s) { k++; p *= lambda / k; s += p; }
  return k;
};
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

const AREAS = ["Houlkær", "Ellekonebakken", "Karup Kølvrå", "Viborg Midtby"] as const;
const AREA_WEIGHTS = [0.42, 0.33, 0.17, 0.08];
const BENEFITS = ["selvforsørgende", "kontanthjælp", "a-dagpenge", "ressourceforløb", "førtidspension"] as const;
const BENEFIT_WEIGHTS = [0.42, 0.25, 0.1, 0.1, 0.13];

const households: string[] = ["household_id,area,adults,children,benefit_type,employed_share,school_absence"];
const persons: string[] = ["person_id,household_id,birth_year,sex,role,benefit_type,employed_baseline,school_absence_baseline"];
const cases: string[] = ["case_id,household_id,opened,closed"];
let personNo = 0;
let caseNo = 0;
const caseStart = day("2022-01-01");
const caseSpan = day("2025-12-31") - caseStart;

for (let h = 1; h <= HOUSEHOLDS; h++) {
  const id = `H${String(h).padStart(5, "0")}`;
  const area = pick(AREAS, AREA_WEIGHTS);
  const adults = rng() < 0.45 ? 1 : 2;
  const children = pick([0, 1, 2, 3, 4], [0.4, 0.2, 0.22, 0.12, 0.06]);
  const benefit = pick(BENEFITS, BENEFIT_WEIGHTS);
  const vulnerable = benefit === "selvforsørgende" ? 0 : 1;
  let employed = 0;
  let absenceSum = 0;
  for (let a = 0; a < adults; a++) {
    const pid = `P${String(++personNo).padStart(6, "0")}`;
    const works = rng() < (vulnerable ? 0.12 : 0.8) ? 1 : 0;
    employed += works;
    const personBenefit = a === 0 ? benefit : pick(BENEFITS, BENEFIT_WEIGHTS);
    persons.push(`${pid},${id},${1960 + Math.floor(rng() * 45)},${rng() < 0.5 ? "K" : "M"},adult,${personBenefit},${works},NA`);
  }
  for (let c = 0; c < children; c++) {
    const pid = `P${String(++personNo).padStart(6, "0")}`;
    const absence = Math.min(0.6, Math.max(0, (vulnerable ? 0.09 : 0.05) + 0.04 * (rng() + rng() + rng() - 1.5)));
    absenceSum += absence;
    persons.push(`${pid},${id},${2008 + Math.floor(rng() * 12)},${rng() < 0.5 ? "K" : "M"},child,,NA,${absence.toFixed(3)}`);
  }
  const absence = children > 0 ? (absenceSum / children).toFixed(3) : "NA";
  households.push(`${id},${area},${adults},${children},${benefit},${(employed / adults).toFixed(2)},${absence}`);
  const nCases = poisson(vulnerable ? 1.6 + 0.3 * children : 0.5);
  for (let k = 0; k < nCases; k++) {
    const opened = caseStart + Math.floor(rng() * caseSpan);
    const closed = rng() < 0.45 ? opened + 30 + Math.floor(rng() * 700) : NaN;
    cases.push(`C${String(++caseNo).padStart(6, "0")},${id},${iso(opened)},${Number.isNaN(closed) ? "" : iso(closed)}`);
  }
}

writeFileSync(join(outDir, "households.csv"), `${households.join("\n")}\n`);
writeFileSync(join(outDir, "persons.csv"), `${persons.join("\n")}\n`);
writeFileSync(join(outDir, "cases.csv"), `${cases.join("\n")}\n`);
console.log(`samples: ${HOUSEHOLDS} households, ${personNo} persons, ${caseNo} cases written to ${outDir}`);

// ---------------------------------------------------------------------------------------------------------------
// Outcomes and take-up with documented TRUE effects (samples/README.md). A SEPARATE seeded stream, so the files
// above do not change. The demo's two waves are reproduced exactly by running the built CLI with the arguments of
// samples/demo.ts into a temporary directory and reading its register.
// ---------------------------------------------------------------------------------------------------------------
{
  const { spawnSync } = await import("node:child_process");
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { readRegister } = await import("../src/io/register.js");
  const root = join(outDir, "..");
  const tmp = mkdtempSync(join(tmpdir(), "effekt-samples-"));
  const registerPath = join(tmp, "allocations.csv");
  const waves: [number, string, string, string][] = [
    [1, "2025-03-01", "viborg-2025-wave-1", "80"],
    [2, "2025-09-01", "viborg-2025-wave-2", "60"],
  ];
  for (const [wave, date, seed, treat] of waves) {
    const r = spawnSync(process.execPath, [join(root, "bin", "effekt"), "draw", "--households", join(outDir, "households.csv"), "--cases", join(outDir, "cases.csv"),
      "--date", date, "--register", registerPath, "--wave", String(wave), "--seed", seed, "--treat", treat], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`samples: effekt draw wave ${wave} failed (build first: npm run build): ${r.stderr}`);
  }
  const register = readRegister(registerPath);
  rmSync(tmp, { recursive: true, force: true });

  // TRUE effects for compliers (households that take up the offer); ITT = take-up rate x these.
  const EFFECT = { employment: 0.06, school_absence: -0.015, wellbeing: 4 };
  const TAKEUP = 0.75;
  const MISSING = 0.06;
  const orng = seedrandom("effekt-samples-outcomes-v1");
  const normal = (): number => {
    const u = 1 - orng();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * orng());
  };
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const na = () => orng() < MISSING;
  const addYears = (isoDate: string, years: number) => `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;

  const personsOf = new Map<string, string[][]>();
  for (const line of persons.slice(1)) {
    const f = line.split(",");
    let list = personsOf.get(f[1]);
    if (!list) personsOf.set(f[1], (list = []));
    list.push(f);
  }
  const outcomes: string[] = ["person_id,outcome,date,value"];
  const takeup: string[] = ["household_id,took_up"];
  const sorted = [...register].sort((a, b) => (a.householdId < b.householdId ? -1 : 1));
  for (const a of sorted) {
    const took = a.arm === "treatment" && orng() < TAKEUP ? 1 : 0;
    takeup.push(`${a.householdId},${took ? "true" : "false"}`);
    // household random effects (ICC about 0.35 for each outcome)
    const uEmp = 0.15 * normal();
    const uAbs = 0.03 * normal();
    const uWho = 10 * normal();
    const schoolYear = Number(a.drawDate.slice(0, 4)) + (a.drawDate.slice(5) >= "08-01" ? 1 : 0);
    for (const p of personsOf.get(a.householdId) ?? []) {
      const [pid, , , , role, , employedBaseline, absenceBaseline] = p;
      if (role === "adult") {
        for (const year of [1, 3]) {
          const v = clamp((employedBaseline === "1" ? 0.7 : 0.2) + uEmp + 0.2 * normal() + took * EFFECT.employment, 0, 1);
          outcomes.push(`${pid},employment,${addYears(a.drawDate, year)},${na() ? "NA" : v.toFixed(3)}`);
        }
        const w = clamp(Math.round(52 + uWho + 14 * normal() + took * EFFECT.wellbeing), 0, 100);
        outcomes.push(`${pid},wellbeing,${addYears(a.drawDate, 1)},${na() ? "NA" : String(w)}`);
      } else {
        const base = Number(absenceBaseline);
        for (let k = 0; k < 2; k++) {
          const v = clamp(base + uAbs + 0.04 * normal() + took * EFFECT.school_absence, 0, 0.6);
          outcomes.push(`${pid},school_absence,${schoolYear + k + 1}-06-30,${na() ? "NA" : v.toFixed(3)}`);
        }
      }
    }
  }
  writeFileSync(join(outDir, "outcomes.csv"), `${outcomes.join("\n")}\n`);
  writeFileSync(join(outDir, "takeup.csv"), `${takeup.join("\n")}\n`);
  console.log(`samples: ${register.length} drawn households, ${outcomes.length - 1} outcome values, take-up written to ${outDir}`);
}
