import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TableStructure } from "../../src/disclosure/structure.js";
import { readGainsFile } from "../../src/io/gainsFile.js";
import { resolveSection } from "../../src/report/build.js";
import { reportLabels } from "../../src/i18n/labels.js";
import { isSuppressed } from "../../src/report/model.js";
import { gainsSection } from "../../src/report/sections/gains.js";
import { effekt, ROOT, tempDir } from "../helpers.js";

/**
 * The rate card's "successes" are a number of persons (persons x effect), so the report treats them as
 * a count of the line's persons: fewer than --min-cell successes (or persons without one) are [s], and the
 * payment and expected payment (successes x price) with them. With the shipped model in planning mode and an
 * assumed employment effect of 0.03, two lines have 0.72 and 4.48 successes; on the old code both were shown.
 */
describe("report: the rate card's successes under disclosure control", () => {
  it("0.72 and 4.48 successes are hidden with their payments; 6.8 and 12.3 are shown", () => {
    const out = join(tempDir(), "gains.json");
    const r = effekt(["gains", "--model", join(ROOT, "analyses", "gains-relationel-velfaerd.json"), "--assume", "employment=0.03", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const g = readGainsFile(out);
    const successes = g.result.payment!.lines.map((l) => l.successes.value);
    expect(successes.map((s) => Math.round(s * 100) / 100)).toEqual([6.8, 0.72, 4.48, 12.29]);
    const disclosure = new TableStructure(5);
    const section = resolveSection(gainsSection(g, { lang: "en", minCell: 5, labels: reportLabels("en"), disclosure }), disclosure);
    const table = section.tables.find((t) => t.id === "repayment")!;
    const col = (k: string) => table.columns.findIndex((c) => c.key === k);
    const hidden = (i: number, k: string) => isSuppressed(table.rows[i][col(k)]);
    expect([0, 1, 2, 3].map((i) => hidden(i, "successes"))).toEqual([false, true, true, false]);
    for (const i of [1, 2]) {
      expect(hidden(i, "payment")).toBe(true);
      expect(hidden(i, "expected_payment")).toBe(true);
      // the persons of the line are many: shown
      expect(hidden(i, "persons")).toBe(false);
    }
    expect(table.rows[3][col("successes")]).toBeCloseTo(12.3, 1);
    // effekt gains' terminal summary hides the same lines' payments (--min-cell, default 5)
    const lines = r.stdout.split("\n").find((l) => l.startsWith("  lines: "))!;
    expect(lines).toMatch(/Social measures: less need for them: not met \(P [0-9.]+%\), pays \[s\] in 2029, expected \[s\]/);
    expect(lines).toMatch(/Life satisfaction rises: met \(P [0-9.]+%\), pays 122,880 DKK/);
    expect(r.stdout).toContain("[s]: fewer than 5 persons");
    const three = effekt(["gains", "--model", join(ROOT, "analyses", "gains-relationel-velfaerd.json"), "--assume", "employment=0.03", "--out", join(tempDir(), "g.json"), "--min-cell", "3"]);
    expect(three.stdout.split("\n").find((l) => l.startsWith("  lines: "))).toMatch(/School absence falls: not met \(P [0-9.]+%\), pays 0 DKK/);
  });
});
