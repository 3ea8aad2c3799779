/**
 * The report in print (`--format pdf`, a browser's print): A4 portrait leaves 186 mm (703 CSS px) between the
 * margins, and the flow table, the effects and the appendix ran past the page's right edge. In print
 * media every table fits its page: a table of ten or more columns on landscape pages of its own (273 mm, 1032 px),
 * every other one within the portrait width; the PDF has both page sizes. Demo results, both audiences, both
 * languages, in the packaged headless Chromium.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../src/cli/report.js";
import { launchChromium } from "../../src/io/chromium.js";
import { ROOT, tempDir } from "../helpers.js";
import { runPipeline, SAMPLE_FILES } from "../hardening/pipeline.js";

const PORTRAIT = 703; // (210 - 2 x 12) mm at 96 px per inch
const LANDSCAPE = 1032; // (297 - 2 x 12) mm

let browser: Browser;
let results: string;
beforeAll(async () => {
  browser = await launchChromium();
  results = join(tempDir(), "results");
  mkdirSync(results, { recursive: true });
  await runPipeline(results, SAMPLE_FILES, { report: ["--format", "csv"] });
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

/** The tables (wide: with the class that prints landscape, else the others) that run past `width` in print media. */
async function overflowing(file: string, width: number, wide: boolean): Promise<{ tables: number; over: string[] }> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 1000 });
  await page.emulateMediaType("print");
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  const measured = (await page.evaluate(`(() => [...document.querySelectorAll(${JSON.stringify(wide ? "table.wide" : "table:not(.wide)")})]
    .map((t) => ({ id: t.id, right: Math.ceil(Math.max(t.getBoundingClientRect().right, t.parentElement.getBoundingClientRect().left + t.parentElement.scrollWidth)) })))()`)) as { id: string; right: number }[];
  await page.close();
  return { tables: measured.length, over: measured.filter((t) => t.right > width).map((t) => `${t.id}: ${t.right} px > ${width} px`) };
}

describe.each([
  ["sus", "da"],
  ["sus", "en"],
  ["aau", "da"],
  ["aau", "en"],
] as const)("the demo's %s report in %s, printed on A4", (audience, lang) => {
  let dir: string;
  beforeAll(async () => {
    dir = join(tempDir(), "report");
    const labels = { spec: join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json"), model: join(ROOT, "analyses", "gains-relationel-velfaerd.json") };
    await runReport({ audience, lang, out: dir, results, takeup: SAMPLE_FILES.takeup, ...labels, format: "html,pdf", quiet: true });
  }, 300_000);

  it("has no table past the page's right edge (the flow table on portrait, wide tables on landscape)", async () => {
    const file = join(dir, "report.html");
    const portrait = await overflowing(file, PORTRAIT, false);
    const landscape = await overflowing(file, LANDSCAPE, true);
    expect(portrait.tables).toBeGreaterThan(3);
    expect(portrait.over).toEqual([]);
    expect(landscape.over).toEqual([]);
    const html = readFileSync(file, "utf8");
    expect(html).toContain('id="table-flow"');
    if (audience === "aau") expect(landscape.tables).toBeGreaterThan(2);
  }, 120_000);

  it("prints wide tables on landscape pages and the rest on portrait ones", () => {
    const pdf = readFileSync(join(dir, "report.pdf")).toString("latin1");
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => (Number(m[1]) > Number(m[2]) ? "landscape" : "portrait"));
    expect(boxes.filter((b) => b === "portrait").length).toBeGreaterThan(5);
    expect(boxes.filter((b) => b === "landscape").length).toBeGreaterThan(0);
  });
});
