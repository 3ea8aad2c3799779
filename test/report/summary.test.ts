/**
 * The summary ("Hovedresultater"), the flow diagram and the methods note, each from the small result
 * files of ./fixtures.ts with a plan, an indicator row at the target year and a gains.json from effekt gains: the
 * sentences carry the fixture's numbers, say "no clear effect" when the interval holds 0, and show the
 * suppression mark where the tables do; the diagram's counts are the flow table's protected cells.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../src/cli/report.js";
import type { FlowChart, FlowLine } from "../../src/report/html/chartTypes.js";
import { renderFlow } from "../../src/report/html/charts/flow.js";
import type { ReportModel, ReportSection } from "../../src/report/model.js";
import { isSuppressed } from "../../src/report/model.js";
import { verdictOf } from "../../src/report/sections/summary.js";
import { pendingReason } from "../../src/report/sections/effects.js";
import { formatDate } from "../../src/i18n/index.js";
import { effekt, ROOT, tempDir } from "../helpers.js";
import { SECRET_NUMBERS, writeSmallResults } from "./fixtures.js";

const PLAN = {
  format: "effekt-analysis-plan/1",
  id: "fixture-plan",
  title: "Fixture evaluation",
  version: "2.1",
  alpha: 0.05,
  multiplicity: "both",
  randomisation_inference: { permutations: 100, seed: "test-ri" },
  outcomes: [
    { name: "employment", label: "Employment: share of weeks self-supporting", role: "primary", type: "binary", direction: "higher_is_better", population: {}, aggregation: "mean", horizons: [3, 5] },
    { name: "wellbeing", label: "Wellbeing: WHO-5 (0-100)", role: "primary", type: "continuous", direction: "higher_is_better", population: {}, aggregation: "mean", horizons: [3] },
  ],
};

let results: string;
let takeup: string;
let plan: string;
const models: Record<string, ReportModel> = {};
const section = (m: ReportModel, id: string): ReportSection => m.sections.find((s) => s.id === id)!;
const items = (m: ReportModel, id: string) => (section(m, id).blocks ?? []).flatMap((b) => b.items);

beforeAll(async () => {
  const dir = tempDir();
  results = join(dir, "results");
  ({ takeup } = writeSmallResults(results));
  plan = join(dir, "plan.json");
  writeFileSync(plan, JSON.stringify(PLAN));
  // The target year: 85.0% of 120 pupils, interval 77.6-90.6%, against the 92% target for 2025 (missed).
  appendFileSync(join(results, "indicators.csv"), "grade9,Goal,all areas,2025,share,higher,0.85,120,0.776,0.906,wilson,0.95,0.75,2023,Viborg Kommune,0.95,2023,10,-10,0.92,2025,0.6,percentage points,better,x\n");
  // gains.json from effekt gains in planning mode (the model's own intake, an assumed employment effect).
  const g = effekt(["gains", "--model", join(ROOT, "analyses", "gains-relationel-velfaerd.json"), "--assume", "employment=0.03", "--out", join(results, "gains.json")]);
  expect(g.code, g.stderr).toBe(0);
  for (const audience of ["sus", "aau"] as const) {
    for (const lang of ["en", "da"] as const) {
      const out = join(dir, `${audience}-${lang}`);
      models[`${audience}-${lang}`] = (await runReport({ audience, lang, out, results, takeup, plan, format: "md,html,csv", quiet: true })).model;
    }
  }
}, 120_000);

describe("summary (Hovedresultater)", () => {
  it("comes first in both audiences and says it is generated", () => {
    for (const m of Object.values(models)) {
      expect(m.sections[0].id).toBe("summary");
      expect(m.sections[0].intro).toMatch(/generated|genereret automatisk/);
    }
  });

  it("states the primary outcome's effect in percentage points with its interval, adjustment and RI", () => {
    const en = items(models["aau-en"], "summary");
    // employment, year 3, difference in means (the meta's adjusted estimator): 0.05 [0.01, 0.09]; Holm 0.03, BH 0.02, RI 0.02.
    expect(en).toContain(
      "Employment: share of weeks self-supporting, 3 years: better in the treatment group than in the control group. Difference +5.0 percentage points (95% CI +1.0 to +9.0); Difference in means. " +
        "Holds after adjustment for multiple testing within the plan's family (Holm p = 0.030; Benjamini-Hochberg p = 0.020). Randomisation inference agrees (p = 0.020).",
    );
    const da = items(models["aau-da"], "summary");
    expect(da[0]).toContain("Forskel +5,0 procentpoint (95 %-KI +1,0 til +9,0)");
    expect(da[0]).toContain("Holm p = 0,030; Benjamini-Hochberg p = 0,020");
    // The plan's year 5 has no row: pending is not shown as an effect.
    expect(en.some((s) => s.startsWith("Employment: share of weeks self-supporting, 5 years"))).toBe(false);
  });

  it("hides an effect resting on too few persons, as the effect table does", () => {
    const m = models["aau-en"];
    expect(items(m, "summary")).toContain("Wellbeing: WHO-5 (0-100), 3 years: the estimate rests on too few persons and is not shown ([s]).");
    const row = section(m, "effects").tables[0].rows.find((r) => String(r[0]).startsWith("Wellbeing"))!;
    expect(row.some(isSuppressed)).toBe(true);
    const text = JSON.stringify(section(m, "summary"));
    for (const secret of SECRET_NUMBERS) expect(text).not.toContain(secret.slice(0, 5));
    expect(text).not.toContain("+1.50");
  });

  it("says better or worse only when the interval excludes 0, in the plan's direction", () => {
    expect(verdictOf(0.01, 0.09, false)).toBe("better");
    expect(verdictOf(0.01, 0.09, true)).toBe("worse");
    expect(verdictOf(-0.03, -0.01, true)).toBe("better");
    expect(verdictOf(-0.044, 0.039, false)).toBe("unclear");
    expect(verdictOf(-0.044, 0.039, true)).toBe("unclear");
  });

  it("writes dates as the language does, also in a pending horizon's reason", () => {
    expect(formatDate("2028-09-01", "da")).toBe("01.09.2028");
    expect(formatDate("2028-09-01", "en")).toBe("2028-09-01");
    const reason = "no window of year 5 has ended by the last employment date in the outcomes file (2028-09-01)";
    expect(pendingReason(reason, "da")).toBe("opfølgningsvinduet er endnu ikke slut for alle husstande (sidste udfaldsdato 01.09.2028)");
    expect(pendingReason(reason, "en")).toContain("(last outcome date 2028-09-01)");
  });

  it("puts the indicator against its target: 85.0% in 2025 misses 92.0%", () => {
    const en = items(models["sus-en"], "summary");
    expect(en).toContain("grade9: the target of 92.0% for 2025 is missed: 85.0% (95% interval 77.6% to 90.6%).");
    expect(en).toContain("absence: data pending.");
    expect(items(models["sus-da"], "summary")).toContain("grade9: målet på 92,0 % for 2025 er ikke nået: 85,0 % (95 %-interval 77,6 % til 90,6 %).");
  });

  it("gives the 3- and 5-year net with their intervals, what they rest on, and the repayment, from gains.json", () => {
    const g = JSON.parse(readFileSync(join(results, "gains.json"), "utf8"));
    const kr = (x: number) => Math.round(x).toLocaleString("en-US");
    const mc = g.monte_carlo;
    const en = items(models["aau-en"], "summary");
    const net3 = en.find((s) => s.startsWith("Whole public sector net after the repayment through 2026-12-31"))!;
    expect(net3).toContain(`DKK ${kr(mc.public_net_y3.point)} (95% interval ${kr(mc.public_net_y3.lower)} to ${kr(mc.public_net_y3.upper)})`);
    const crosses = mc.public_net_y3.lower < 0 && mc.public_net_y3.upper > 0;
    if (crosses) expect(net3).toContain("the interval includes both a gain and a loss");
    expect(en.some((s) => s.startsWith(`Whole public sector net after the repayment through ${g.result.totals.y5.through}`))).toBe(true);
    // --assume makes the employment effect assumed, not measured.
    expect(en.find((s) => s.startsWith("Rests on assumed (illustrative) effects for:"))).toContain("Employment");
    expect(en.some((s) => s.startsWith("Rests on effects measured"))).toBe(false);
    expect(en).toContain(`${g.illustrative_parameters.length} of the gains model's parameters (prices, effects and others) are illustrative: the figures show how the calculation works, not what the intervention achieved.`);
    const pay = g.result.payment;
    expect(en.find((s) => s.startsWith("Repayment by the municipality"))).toContain(`DKK ${kr(pay.repayment.value)} in ${pay.settlement_year}`);
  });
});

describe("flow diagram", () => {
  const counts = (c: FlowChart) => c.stages.flatMap((s) => ("arms" in s ? s.arms : [s.main, ...(s.side ? [s.side] : [])])).flatMap((b) => [b.heading, ...(b.lines ?? [])]);

  it("draws all waves and each wave with the flow table's protected counts, in both audiences", () => {
    for (const key of ["sus-en", "aau-en"]) {
      const flow = section(models[key], "flow");
      const charts = flow.charts as FlowChart[];
      expect(charts.map((c) => c.title)).toEqual(["All waves: from the areas to the analysis", "Wave 1: from the areas to the lottery", "Wave 2: from the areas to the lottery"]);
      const table = flow.tables[0];
      const totalOf = (wave: string) => table.rows.find((r) => String(r[0]) === wave && r[1] === "all areas")!;
      for (const [chart, wave] of [[charts[0], "all waves"], [charts[1], "1"], [charts[2], "2"]] as const) {
        const row = totalOf(wave);
        const lines = counts(chart);
        const shown = (cell: unknown) => (isSuppressed(cell as never) ? "suppressed" : cell);
        // randomised = drawn, offered = treatment, control, took up: the table's cells, or the mark where it has one.
        expect(lines.find((l) => l.text === "Eligible, in the lottery")!.count).toBe(shown(row[3]));
        expect(lines.find((l) => l.text === "Offered the intervention")!.count).toBe(shown(row[4]));
        expect(lines.find((l) => l.text === "Control group")!.count).toBe(shown(row[5]));
        expect(lines.find((l) => l.text === "took it up")!.count).toBe(shown(row[6]));
      }
      // The fixture: 140 households drawn, 55 offered (42 took it up), 85 control.
      const all = counts(charts[0]);
      expect(all.find((l) => l.text === "Eligible, in the lottery")!.count).toBe(140);
      expect(all.find((l) => l.text === "took it up")).toMatchObject({ count: 42, share: 42 / 55 });
    }
  });

  it("lists the persons analysed per outcome with those lacking a value; a small group shows the mark", () => {
    const all = (section(models["aau-en"], "flow").charts as FlowChart[])[0];
    const analysed = all.stages[all.stages.length - 1];
    expect("arms" in analysed).toBe(true);
    const [treated, control] = (analysed as { arms: [{ lines: FlowLine[] }, { lines: FlowLine[] }] }).arms;
    expect(treated.lines.map((l) => l.text)).toContain("Employment, 3 years: 43 of 50 (7 without a value)");
    // wellbeing control: 6 counted, 4 with a value, 2 without; treatment 42, 40, 2: hidden as in the attrition table
    // (which shows the control's 6 and the treatment's 40 and hides the rest).
    expect(control.lines.map((l) => l.text)).toContain("Wellbeing, 3 years: [s] of 6 ([s] without a value)");
    expect(treated.lines.map((l) => l.text)).toContain("Wellbeing, 3 years: 40 of [s] ([s] without a value)");
    const attrition = section(models["aau-en"], "attrition").tables[0].rows.filter((r) => String(r[0]).startsWith("Wellbeing"));
    expect(attrition.map((r) => r.slice(2, 6).map((c) => (isSuppressed(c) ? "[s]" : c)))).toEqual([["Control", 6, "[s]", "[s]"], ["Treatment", "[s]", 40, "[s]"]]);
  });

  it("renders the boxes as inline SVG with the counts and the mark, and a Danish diagram in Danish", () => {
    const charts = section(models["sus-da"], "flow").charts as FlowChart[];
    const svg = renderFlow(charts[0], "da");
    expect(svg).toMatch(/^<svg class="chart chart-flow" role="img"/);
    expect(svg).toContain("Berettigede, med i lodtrækningen: 140");
    expect(svg).toContain("tog imod: 42 (76,4 %)");
    expect(svg.match(/class="flow-box"/g)!.length).toBeGreaterThanOrEqual(5);
    const html = readFileSync(join(results, "..", "sus-da", "report.html"), "utf8");
    expect(html).toContain(`<figure class="chart chart-flow">`);
  });
});

describe("methods note", () => {
  it("is generated from the plan and the meta: estimators with technical names, RI, families, disclosure, versions", () => {
    const en = items(models["aau-en"], "methods");
    expect(en[0]).toMatch(/^Difference in means \(difference_in_means\): the effect of the offer \(ITT\)/);
    expect(en).toContain("The plan's primary estimator, used by the main results and the adjustment for multiple testing: Difference in means.");
    expect(en.some((s) => s.startsWith("The lottery is re-run 100 times with the same algorithm and strata (seed test-ri)"))).toBe(true);
    // No families in the plan: one per role over every outcome x horizon it lists.
    expect(en).toContain("Family: 3 years: Employment, Wellbeing; 5 years: Employment.");
    expect(en.some((s) => s.startsWith("A count of persons or households below 5 is not shown ([s])"))).toBe(true);
    expect(en).toContain("The report was made with effekt 0.1.0; the effect table with effekt 0.1.0.");
    expect(en.find((s) => s.startsWith("effects: SHA-256 "))).toMatch(/^effects: SHA-256 [0-9a-f]{12}…$/);
    // No manifests in the fixture: no design block, and no outcome date recorded.
    expect(en).toContain("Employment: last outcome date not recorded in the effect table's metadata.");
    expect(section(models["aau-da"], "methods").title).toBe("Metode");
  });
});
