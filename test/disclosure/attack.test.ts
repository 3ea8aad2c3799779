/**
 * The attacker (./attacker.ts) against every report the demo and the adversarial design produce, in every format
 * (XLSX and CSV read back, Markdown and HTML parsed), the SUS and AAU reports of the same results attacked
 * together: no count of persons or households in 1..N-1 may be recoverable. The attacker itself is shown to
 * find what the reports before this change gave away (the demo's balance table: 0.0625 x 32 = 2 households).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runReport, type ReportRun } from "../../src/cli/report.js";
import { allTables } from "../../src/report/model.js";
import { ROOT, tempDir } from "../helpers.js";
import { runPipeline, SAMPLE_FILES } from "../hardening/pipeline.js";
import { attack, invertWilson, readCsvReport, readHtmlReport, readMarkdownReport, readXlsxReport, type Report } from "./attacker.js";
import { adversarialDesign, writeDesign } from "./designs.js";

type Lang = "da" | "en";

async function allFormats(runs: { run: ReportRun; dir: string }[], lang: Lang): Promise<Record<string, Report[]>> {
  const shapes = runs.map(({ run }) => allTables(run.model).map((t) => ({ id: t.id, keys: t.columns.map((c) => c.key) })));
  // XLSX, Markdown and HTML leave out the CSV-only machine keys.
  const people = runs.map(({ run }) => allTables(run.model).map((t) => ({ id: t.id, title: t.title, keys: t.columns.filter((c) => !c.csvOnly).map((c) => c.key) })));
  return {
    csv: runs.map(({ dir }, k) => readCsvReport(dir, shapes[k], lang)),
    xlsx: await Promise.all(runs.map(({ dir }, k) => readXlsxReport(join(dir, "report.xlsx"), people[k]))),
    md: runs.map(({ dir }, k) => readMarkdownReport(join(dir, "report.md"), people[k], lang)),
    html: runs.map(({ dir }, k) => readHtmlReport(join(dir, "report.html"), people[k], lang)),
  };
}

async function reportsOf(results: string, takeup: string, lang: Lang, minCell = 5): Promise<{ run: ReportRun; dir: string }[]> {
  const out: { run: ReportRun; dir: string }[] = [];
  for (const audience of ["sus", "aau"] as const) {
    const dir = join(tempDir(), `report-${audience}-${lang}`);
    out.push({ run: await runReport({ audience, lang, out: dir, results, takeup, minCell: String(minCell), quiet: true }), dir });
  }
  return out;
}

describe("the attacker has teeth", () => {
  it("recovers the 2 households from the old demo SUS report's balance table (0.0625 x 32 = 2)", () => {
    // CSV files written by the report before this change (commit b5b254c), from the demo's results.
    const dir = join(ROOT, "test", "disclosure", "old-demo-sus");
    const ids = ["flow", "exclusions", "balance", "indicators", "effects-interim"];
    const shapes = ids.map((id) => ({ id, keys: [] as string[] }));
    const report = readCsvReport(dir, shapes, "da");
    const leaks = attack([report], 5);
    expect(leaks.some((l) => l.variable === "bal|benefit_type|a-dagpenge|2|control|x" && Math.round(l.value) === 2)).toBe(true);
    expect(leaks.length).toBeGreaterThan(3);
  });

  it("inverts a Wilson interval to its share and n", () => {
    // Wilson 95% for 2 of 3, shown to three decimals: (0.208, 0.939).
    expect(invertWilson(0.208, 0.939, 3)).toEqual([[2, 3]]);
  });
});

describe("adversarial design: every format, SUS and AAU together", () => {
  for (const lang of ["da", "en"] as const) {
    describe(lang, () => {
      let formats: Record<string, Report[]>;
      let runs: { run: ReportRun; dir: string }[];
      beforeAll(async () => {
        const results = join(tempDir(), "results");
        const { takeup } = writeDesign(results, adversarialDesign(), "adversarial");
        runs = await reportsOf(results, takeup, lang);
        formats = await allFormats(runs, lang);
      }, 120_000);

      it("the design has small cells to protect, and the reports hide some", () => {
        const marks = runs.flatMap(({ run }) => allTables(run.model).flatMap((t) => t.rows.flat())).filter((c) => typeof c === "object" && c !== null && "suppressed" in c);
        expect(marks.length).toBeGreaterThan(10);
      });

      for (const format of ["csv", "xlsx", "md", "html"]) {
        it(`${format}: no count in 1..4 is recoverable`, () => {
          expect(attack(formats[format], 5)).toEqual([]);
        });
      }
    });
  }

  it("the attacker finds the 3s and 4s a --min-cell 3 report shows (a wave, an area, a subgroup level), when it looks for counts below 5", async () => {
    const results = join(tempDir(), "results3b");
    const { takeup } = writeDesign(results, adversarialDesign(), "adversarial");
    const leaks = attack((await allFormats(await reportsOf(results, takeup, "en", 3), "en")).csv, 5);
    expect(leaks.some((l) => l.variable.startsWith("flow|3|") && Math.round(l.value) === 3)).toBe(true);
    expect(leaks.some((l) => l.variable === "ind|grade9|2024|Lille|n" && l.value === 3)).toBe(true);
    expect(leaks.some((l) => l.variable.endsWith("|sex|x|treatment") && l.value === 3)).toBe(true);
  }, 120_000);

  it("with --min-cell 3 the attacker finds nothing either, and more is shown", async () => {
    const results = join(tempDir(), "results3");
    const { takeup } = writeDesign(results, adversarialDesign(), "adversarial");
    const runs3 = await reportsOf(results, takeup, "en", 3);
    const runs5 = await reportsOf(results, takeup, "en", 5);
    const count = (rs: { run: ReportRun }[]) => rs.reduce((s, { run }) => s + allTables(run.model).flatMap((t) => t.rows.flat()).filter((c) => typeof c === "object" && c !== null && "suppressed" in c).length, 0);
    expect(attack((await allFormats(runs3, "en")).csv, 3)).toEqual([]);
    expect(count(runs3)).toBeLessThan(count(runs5));
  }, 120_000);
});

describe("the demo's reports", () => {
  let formats: Record<string, Report[]>;
  let runs: { run: ReportRun; dir: string }[];
  beforeAll(async () => {
    const out = join(tempDir(), "demo");
    mkdirSync(out, { recursive: true });
    await runPipeline(out, SAMPLE_FILES, { report: ["--format", "csv"] });
    runs = await reportsOf(out, SAMPLE_FILES.takeup, "da");
    formats = await allFormats(runs, "da");
  }, 300_000);

  for (const format of ["csv", "xlsx", "md", "html"]) {
    it(`${format}: no count in 1..4 is recoverable`, () => {
      expect(attack(formats[format], 5)).toEqual([]);
    });
  }

  // SUS: 36 cells, and 10 more since an indicator row's change, gap, progress, status and target words are hidden
  // with the value they describe (two indicator rows).
  it("suppresses what it must and shows the rest (SUS 46 cells; AAU 11: its flow table's 8, the same cells as SUS's, and a rate-card line's successes, payment and expected payment)", () => {
    const counts = runs.map(({ run }) => allTables(run.model).flatMap((t) => t.rows.flat()).filter((c) => typeof c === "object" && c !== null && "suppressed" in c).length);
    expect(counts).toEqual([46, 11]);
    // the AAU's three beyond the flow table: one rate-card line with fewer than 5 successes (persons x effect)
    const repayment = allTables(runs[1].run.model).find((t) => t.id === "repayment")!;
    const hiddenCols = repayment.rows.flatMap((r) => r.flatMap((c, j) => (typeof c === "object" && c !== null && "suppressed" in c ? [repayment.columns[j].key] : [])));
    expect(hiddenCols).toEqual(["successes", "payment", "expected_payment"]);
    // The AAU report hides exactly what the SUS report's flow table hides (the same protected values).
    const flowOf = (k: number) => JSON.stringify(runs[k].run.model.sections.find((s) => s.id === "flow")!.tables[0].rows);
    expect(flowOf(1)).toBe(flowOf(0));
  });
});
