/**
 * Seeded synthetic person-level indicator records (data-schemas/indicator-persons.md), written to
 * samples/indicator-persons.csv. One row per pupil / young person and year: indicator, area, year, meets.
 * No identifiers at all; nothing here is real. Run: `npm run build && node dist/samples/generate-indicators.js`.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import seedrandom from "seedrandom";

const here = dirname(fileURLToPath(import.meta.url));
const outDir = here.includes("dist") ? join(here, "..", "..", "samples") : here;
const rng = seedrandom("effekt-indicator-persons-v1");

const AREAS = ["Houlkær", "Ellekonebakken", "Karup Kølvrå"] as const;
const YEARS = [2023, 2024, 2025] as const;
/** indicator, persons per area and year, probability of meeting it by year index, share unknown. */
const PLAN = [
  { id: "grade9-danish-math-2", perCell: 30, p: [0.75, 0.79, 0.85], unknown: 0.05 },
  { id: "age18-29-primary-only-not-in-education", perCell: 60, p: [0.31, 0.29, 0.26], unknown: 0.03 },
];

const lines = ["indicator,area,year,meets"];
for (const ind of PLAN) {
  for (const [k, year] of YEARS.entries()) {
    for (const area of AREAS) {
      for (let i = 0; i < ind.perCell; i++) {
        const meets = rng() < ind.unknown ? "" : rng() < ind.p[k] ? "true" : "false";
        lines.push(`${ind.id},${area},${year},${meets}`);
      }
    }
  }
}
writeFileSync(join(outDir, "indicator-persons.csv"), `${lines.join("\n")}\n`);
