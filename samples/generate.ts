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
