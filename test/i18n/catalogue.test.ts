/**
 * The one catalogue: every key in both languages with the same placeholders, no key defined twice, and a Danish
 * report (both audiences, every format a person reads) with no text of the English catalogue in it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../src/cli/report.js";
import { CATALOGUE, CATALOGUE_PARTS, placeholders, t } from "../../src/i18n/catalogue.js";
import { LANGS } from "../../src/i18n/types.js";
import { tempDir } from "../helpers.js";
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

describe.each(["sus", "aau"] as const)("a Danish %s report holds no English catalogue text", (audience) => {
  const texts: { file: string; text: string }[] = [];
  beforeAll(async () => {
    const dir = tempDir();
    const results = join(dir, "results");
    const { takeup } = writeSmallResults(results);
    const out = join(dir, "report");
    const run = await runReport({ audience, lang: "da", out, results, takeup, format: "md,html", quiet: true });
    texts.push({ file: "report.md", text: readFileSync(join(out, "report.md"), "utf8") });
    texts.push({ file: "report.html", text: visibleText(readFileSync(join(out, "report.html"), "utf8")) });
    expect(run.model.lang).toBe("da");
  });

  it("finds no English fragment as a word in the Markdown or the HTML page", () => {
    expect(texts.flatMap(({ file, text }) => englishIn(text).map((hit) => `${file}: ${hit}`))).toEqual([]);
  });
});
