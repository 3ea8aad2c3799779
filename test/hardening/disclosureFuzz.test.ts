/**
 * Fuzz: small random designs (1-3 waves and areas, arms of 0-30 households, benefit types that few hold,
 * subgroup levels and indicator areas of 1-60 persons) go through both reports, and the attacker of
 * test/disclosure/attacker.ts tries every arithmetic route on their CSV files. No count of persons or households
 * in 1..N-1 may come out, at the default N = 5 and at N = 3.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runReport } from "../../src/cli/report.js";
import { allTables } from "../../src/report/model.js";
import { tempDir } from "../helpers.js";
import { attack, readCsvReport } from "../disclosure/attacker.js";
import { randomDesign, writeDesign } from "../disclosure/designs.js";
import { runs } from "./mutations.js";

describe("disclosure fuzz: random small designs, both reports, the attacker on their CSVs", () => {
  const n = runs(16);
  it(`${n} designs leak no count below the threshold`, async () => {
    for (let k = 0; k < n; k++) {
      const seed = `disclosure-fuzz-${process.env.FUZZ_SEED ?? ""}${k}`;
      const minCell = k % 4 === 3 ? 3 : 5;
      const results = join(tempDir(), "results");
      const { takeup } = writeDesign(results, randomDesign(seed), seed);
      const reports = [];
      for (const audience of ["sus", "aau"] as const) {
        const dir = join(tempDir(), `r-${audience}`);
        const run = await runReport({ audience, lang: "en", out: dir, results, takeup, format: "csv", minCell: String(minCell), quiet: true });
        reports.push(readCsvReport(dir, allTables(run.model).map((t) => ({ id: t.id, keys: t.columns.map((c) => c.key) })), "en"));
      }
      expect(attack(reports, minCell), `design ${seed}, --min-cell ${minCell}`).toEqual([]);
    }
  }, 600_000);
});
