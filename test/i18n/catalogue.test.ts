/**
 * The one catalogue: every key in both languages with the same placeholders, no key defined twice, and a Danish
 * report (both audiences, every format a person reads) with no text of the English catalogue in it.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../src/cli/report.js";
import { CATALOGUE, CATALOGUE_PARTS, placeholders, t } from "../../src/i18n/catalogue.js";
import { LANGS } from "../../src/i18n/types.js";
import { allTables, type ReportModel } from "../../src/report/model.js";
import { ROOT, tempDir } from "../helpers.js";
import { runPipeline, SAMPLE_FILES } from "../hardening/pipeline.js";
import { writeSmallResults } from "../report/fixtures.js";
import { englishIn, visibleText } from "./englishIn.js";

describe("message catalogue", () => {
  it("has every key in every language, non-empty, with the same placeholders", () => {
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(CATALOGUE) as [string, Record<string, unknown>][]) {
      for (const lang of LANGS) {
        if (typeof entry[lang] !== "string" || (entry[lang] as string).trim() === "") problems.push(`${key}: no ${lang}`);
      }
      const extra = Object.keys(entry).filter((k) => !(LANGS as readonly string[]).includes(k));
      if (extra.length > 0) problems.push(`${key}: unknown language ${extra.join(", ")}`);
      if (typeof entry.da === "string" && typeof entry.en === "string") {
        const da = [...placeholders(entry.da)].sort().join(",");
        const en = [...placeholders(entry.en)].sort().join(",");
        if (da !== en) problems.push(`${key}: placeholders differ (da: ${da}; en: ${en})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("every terminal message is used by the CLI (none left in the catalogue unused), in both languages", () => {
    // the source of src/ without the catalogue itself: each terminal key must appear in it as a string
    const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
    const code = sources(join(ROOT, "src")).filter((f) => !f.includes(join("i18n", "messages"))).map((f) => readFileSync(f, "utf8")).join("\n");
    const terminalKeys = Object.entries(CATALOGUE_PARTS).filter(([part]) => part.startsWith("terminal")).flatMap(([, messages]) => Object.keys(messages));
    const unused = terminalKeys.filter((key) => !code.includes(`"${key}"`));
    expect(unused).toEqual([]);
    expect(Object.keys(CATALOGUE_PARTS.terminal).length).toBeGreaterThan(40);
  });

  it("defines no key in two parts", () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [part, messages] of Object.entries(CATALOGUE_PARTS)) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${part})`);
        seen.set(key, part);
      }
    }
    expect(twice).toEqual([]);
  });

  it("fills placeholders and refuses a missing value", () => {
    expect(t("da", "horizon_years", { n: 3 })).toBe("3 år");
    expect(t("en", "horizon_years", { n: 3 })).toBe("3 years");
    expect(() => t("da", "horizon_years")).toThrow(/no value for \{n\}/);
  });
});

/** Every text a person reads in a report folder: Markdown, the HTML page's visible text, every XLSX cell, CSV cells. */
async function readableTexts(out: string, model: ReportModel): Promise<{ file: string; text: string; idsAllowed?: boolean }[]> {
  const texts: { file: string; text: string; idsAllowed?: boolean }[] = [];
  // The methods note names each estimator's technical name on purpose; everything else is for readers.
  const withoutMethods = (html: string) => html.replace(/<section class="report-section" id="section-methods">[\s\S]*?<\/section>/, "");
  texts.push({ file: "report.md", text: readFileSync(join(out, "report.md"), "utf8").replace(/^## (Metode|Methods)\n[\s\S]*?(?=^## )/m, "") });
  texts.push({ file: "report.html", text: visibleText(withoutMethods(readFileSync(join(out, "report.html"), "utf8"))) });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(out, "report.xlsx")) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const cells: string[] = [];
  wb.eachSheet((ws) => {
    cells.push(ws.name);
    if (ws.name === "Metode" || ws.name === "Methods") return;
    ws.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === "string") cells.push(cell.value);
    }));
  });
  texts.push({ file: "report.xlsx", text: cells.join("\n") });
  // CSV: the header row holds machine keys and CSV-only columns hold machine ids by design; every other cell is read.
  for (const table of allTables(model)) {
    const keep = table.columns.map((c) => !c.csvOnly);
    const rows: string[][] = parse(readFileSync(join(out, "csv", `${table.id}.csv`), "utf8").slice(1), { delimiter: ";" });
    texts.push({ file: `csv/${table.id}.csv`, text: rows.slice(1).map((r) => r.filter((_, j) => keep[j]).join(" ; ")).join("\n") });
  }
  return texts;
}

/** snake_case ids (two or more lower-case words joined by _) a reader would see as code: difference_in_means, public_net_y3. */
function snakeIds(text: string): string[] {
  return [...new Set([...text.matchAll(/(^|[^A-Za-z0-9_.\/-])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?![A-Za-z0-9_.\/-])/g)].map((m) => m[2]))];
}

const SPEC = join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json");
const MODEL = join(ROOT, "analyses", "gains-relationel-velfaerd.json");

describe.each([
  ["fixtures", "sus"],
  ["fixtures", "aau"],
  ["demo", "sus"],
  ["demo", "aau"],
] as const)("a Danish report (%s, %s) in every format a person reads", (source, audience) => {
  let texts: { file: string; text: string }[] = [];
  beforeAll(async () => {
    const dir = tempDir();
    const results = join(dir, "results");
    let takeup: string;
    if (source === "fixtures") takeup = writeSmallResults(results).takeup;
    else {
      mkdirSync(results, { recursive: true });
      await runPipeline(results, SAMPLE_FILES, { report: ["--format", "csv"] });
      takeup = SAMPLE_FILES.takeup;
    }
    const out = join(dir, "report");
    const labels = source === "demo" ? { spec: SPEC, model: MODEL } : {};
    const run = await runReport({ audience, lang: "da", out, results, takeup, ...labels, format: "md,html,xlsx,csv", csvDialect: "da", quiet: true });
    expect(run.model.lang).toBe("da");
    texts = await readableTexts(out, run.model);
  }, 300_000);

  it("holds no fragment of the English catalogue as a word", () => {
    expect(texts.flatMap(({ file, text }) => englishIn(text).map((hit) => `${file}: ${hit}`))).toEqual([]);
  });

  it("shows the gains model's outcomes and goals in Danish, never its English labels", () => {
    if (source !== "demo" || audience !== "aau") return;
    const model = JSON.parse(readFileSync(MODEL, "utf8")) as { outcomes: { label: string }[]; payment_model: { rate_card: { goal: string }[] } };
    const english = [...model.outcomes.map((o) => o.label), ...model.payment_model.rate_card.map((l) => l.goal)];
    expect(texts.flatMap(({ file, text }) => english.filter((e) => text.includes(e)).map((e) => `${file}: ${e}`))).toEqual([]);
  });

  it("shows no snake_case internal id", () => {
    expect(texts.flatMap(({ file, text }) => snakeIds(text).map((id) => `${file}: ${id}`))).toEqual([]);
  });
});
