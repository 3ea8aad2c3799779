/**
 * The plan's outcome labels and title and the indicator spec's definitions and subgoals are written in Danish with
 * optional English twins (`label_en`, `title_en`, `definition_en`, `subgoal_en`): an English report of the demo shows
 * the English ones and never the Danish, a Danish report the Danish ones and never the English. A plan
 * or spec without the twins still gives an English report, in the one language it has.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../src/cli/report.js";
import { reportLabels } from "../../src/i18n/labels.js";
import { parseAnalysisPlan } from "../../src/schemas/analysisPlan.js";
import { parseIndicatorSpec } from "../../src/schemas/indicatorSpec.js";
import { ROOT, tempDir } from "../helpers.js";
import { runPipeline, SAMPLE_FILES } from "../hardening/pipeline.js";
import { visibleText } from "./englishIn.js";

const PLAN = join(ROOT, "analyses", "relationel-velfaerd.json");
const SPEC = join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json");
const MODEL = join(ROOT, "analyses", "gains-relationel-velfaerd.json");

/** Names in the data that stay Danish in an English report: areas, benefit types, the programme. */
const DATA_NAMES = ["Houlkær", "Kølvrå", "Velfærd", "førtidspension", "kontanthjælp", "ressourceforløb", "selvforsørgende"];

interface Texts { da: string[]; en: string[] }
const plan = JSON.parse(readFileSync(PLAN, "utf8")) as { title: string; title_en: string; outcomes: { label: string; label_en: string }[] };
const spec = JSON.parse(readFileSync(SPEC, "utf8")) as { indicators: { definition: string; definition_en: string; subgoal: string; subgoal_en: string }[] };
const planTexts: Texts = { da: [plan.title, ...plan.outcomes.map((o) => o.label)], en: [plan.title_en, ...plan.outcomes.map((o) => o.label_en)] };
const specTexts: Texts = {
  da: [...new Set(spec.indicators.flatMap((i) => [i.definition, i.subgoal]))].filter((d) => d !== "Skolefravær"), // also a word inside other Danish labels
  en: [...new Set(spec.indicators.flatMap((i) => [i.definition_en, i.subgoal_en]))],
};

describe("the shipped plan and spec name everything in both languages", () => {
  it("every outcome label, the title, every definition and subgoal has an English twin", () => {
    expect(planTexts.en.every((x) => typeof x === "string" && x.length > 0)).toBe(true);
    expect(specTexts.en.every((x) => typeof x === "string" && x.length > 0)).toBe(true);
  });
});

describe.each(["sus", "aau"] as const)("the demo's %s report picks the labels by its language", (audience) => {
  const html: Record<"da" | "en", string> = { da: "", en: "" };
  beforeAll(async () => {
    const dir = tempDir();
    const results = join(dir, "results");
    mkdirSync(results, { recursive: true });
    await runPipeline(results, SAMPLE_FILES, { report: ["--format", "csv"] });
    for (const lang of ["da", "en"] as const) {
      const out = join(dir, `report-${lang}`);
      await runReport({ audience, lang, out, results, takeup: SAMPLE_FILES.takeup, spec: SPEC, model: MODEL, format: "html", quiet: true });
      html[lang] = visibleText(readFileSync(join(out, "report.html"), "utf8"));
    }
  }, 300_000);

  const sources = (): [string, Texts][] => (audience === "sus" ? [["plan", planTexts], ["spec", specTexts]] : [["plan", planTexts]]);

  it("English: the English labels, none of the Danish", () => {
    for (const [what, texts] of sources()) {
      // The SUS report shows the primary outcomes in its summary and interim effects; every label the page shows is English.
      const shown = texts.en.filter((x) => html.en.includes(x));
      expect(shown.length, `${what}: English labels shown`).toBeGreaterThan(0);
      expect(texts.da.filter((x) => html.en.includes(x)), `${what}: Danish labels in the English report`).toEqual([]);
    }
    expect(html.en).toContain(plan.title_en);
    // No Danish word of the catalogue or the inputs: the only words with æ, ø or å are the data's names (areas, the
    // benefit types of the register, the programme's name), and the payment model's floor and cap are English.
    const danish = [...new Set(html.en.match(/[\p{L}-]*[æøåÆØÅ][\p{L}-]*/gu) ?? [])].filter((w) => !DATA_NAMES.includes(w));
    expect(danish).toEqual([]);
    expect(html.en).not.toMatch(/afkast/i);
  });

  it("Danish: the Danish labels, none of the English", () => {
    for (const [what, texts] of sources()) {
      expect(texts.da.filter((x) => html.da.includes(x)).length, `${what}: Danish labels shown`).toBeGreaterThan(0);
      expect(texts.en.filter((x) => html.da.includes(x)), `${what}: English labels in the Danish report`).toEqual([]);
    }
    expect(html.da).toContain(plan.title);
    // Dates in the Danish format (31.12.2028) throughout, also in the gains tables' titles and rows.
    expect(html.da.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []).toEqual([]);
  });
});

describe("a plan or spec without English twins", () => {
  it("is still valid and its Danish text shows in an English report (no crash)", () => {
    const old = JSON.parse(readFileSync(PLAN, "utf8")) as Record<string, unknown> & { outcomes: Record<string, unknown>[] };
    delete old.title_en;
    for (const o of old.outcomes) delete o.label_en;
    const oldSpec = JSON.parse(readFileSync(SPEC, "utf8")) as Record<string, unknown> & { indicators: Record<string, unknown>[] };
    delete oldSpec.name_en;
    for (const i of oldSpec.indicators) { delete i.definition_en; delete i.subgoal_en; }
    const dir = tempDir();
    writeFileSync(join(dir, "plan.json"), JSON.stringify(old));
    const labels = reportLabels("en", { plan: parseAnalysisPlan(old, "plan.json"), spec: parseIndicatorSpec(oldSpec, "spec.json") });
    expect(labels.title).toBe(plan.title);
    expect(labels.outcome("wellbeing")).toBe("Trivsel: WHO-5 trivselsindeks (0-100)");
    expect(labels.indicator("school-absence")).toBe("Skolefravær");
    expect(labels.subgoal("school-absence", "x")).toBe("Reducere skolefravær");
    expect(labels.subgoal("unknown", "from the table")).toBe("from the table");
    const en = reportLabels("en", { plan: parseAnalysisPlan(JSON.parse(readFileSync(PLAN, "utf8")), "plan.json") });
    expect(en.outcome("wellbeing")).toBe("Wellbeing: WHO-5 Well-Being Index (0-100)");
    expect(reportLabels("da", { plan: parseAnalysisPlan(JSON.parse(readFileSync(PLAN, "utf8")), "plan.json") }).outcome("wellbeing")).toBe("Trivsel: WHO-5 trivselsindeks (0-100)");
  });
});
