/**
 * The HTML report in a real browser: the headless Chromium that ships in the npm package @sparticuz/chromium
 * (driven by puppeteer-core; no system browser needed). The fixture page with all three charts: the screenshot
 * is checked (size, not blank, the chart colours drawn) and the rendered DOM (every section heading, table and
 * chart). Then both audiences in both languages from small result files: every section, the forest plot and
 * the indicator charts rendered; a screenshot of each section is written under EFFEKT_SCREENSHOTS when set; the
 * main results first, in words and numbers, and the flow diagram (all waves, then each wave) with its counts.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../src/cli/report.js";
import { launchChromium } from "../../src/io/chromium.js";
import { renderHtml } from "../../src/report/html/index.js";
import { COLOURS, PAYER_COLOURS } from "../../src/report/html/theme.js";
import { tempDir } from "../helpers.js";
import { writeSmallResults } from "./fixtures.js";
import { runPipeline, SAMPLE_FILES } from "../hardening/pipeline.js";
import { ROOT } from "../helpers.js";
import { fixtureModel } from "./htmlFixture.js";
import { colourVariety, countColour, readPng } from "./htmlPng.js";

const WIDTH = 1280;
const HEIGHT = 4000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** Opens a file in a fresh page of the shared browser at the given viewport. */
async function open(file: string, height = HEIGHT) {
  const page = await browser.newPage();
  await page.setViewport({ width: WIDTH, height });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return page;
}

describe("HTML report in the packaged headless Chromium", () => {
  const dir = tempDir();
  const model = fixtureModel("da");
  const html = renderHtml(model);
  const file = join(dir, "report.html");
  writeFileSync(file, html);

  it("has nothing that could reach the network", () => {
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face|url\(/i);
  });

  it("renders a screenshot that is not blank and shows the charts' colours", async () => {
    const page = await open(file);
    const image = readPng(Buffer.from(await page.screenshot({ type: "png" })));
    await page.close();
    expect([image.width, image.height]).toEqual([WIDTH, HEIGHT]);
    // A page of text on white has a few dozen colours; the charts add many more.
    expect(colourVariety(image)).toBeGreaterThan(40);
    const white = countColour(image, "#ffffff", 2);
    expect(white / (WIDTH * HEIGHT)).toBeLessThan(0.97);
    // The dark blue of the forest plot's points and whiskers and the indicator's value line: the same page
    // without its charts (the blue is also the headings' colour) must have clearly less of it.
    const bare = fixtureModel("da");
    for (const section of bare.sections) section.charts = [];
    writeFileSync(join(dir, "bare.html"), renderHtml(bare));
    const barePage = await open(join(dir, "bare.html"));
    const bareImage = readPng(Buffer.from(await barePage.screenshot({ type: "png" })));
    await barePage.close();
    expect(countColour(image, COLOURS.result) - countColour(bareImage, COLOURS.result)).toBeGreaterThan(2000);
    expect(countColour(bareImage, PAYER_COLOURS[2])).toBe(0);
    // The bars of each payer.
    expect(countColour(image, PAYER_COLOURS[1])).toBeGreaterThan(300);
    expect(countColour(image, PAYER_COLOURS[2])).toBeGreaterThan(2000);
    // The pending-years shading of the indicator chart.
    expect(countColour(image, COLOURS.pending, 1)).toBeGreaterThan(5000);
  }, 120_000);

  it("builds the DOM with every section heading, table and chart", async () => {
    const page = await open(file);
    const dom = await page.content();
    await page.close();
    expect(dom).toContain(`<html lang="da">`);
    for (const section of model.sections) {
      expect(dom).toMatch(new RegExp(`<section class="report-section" id="section-${section.id}">\\s*<h2>`));
      for (const table of section.tables) expect(dom).toContain(`<table id="table-${table.id}"`);
    }
    expect(dom).toContain(`<table id="table-manifest">`);
    expect(dom.match(/<svg /g)).toHaveLength(3);
    for (const kind of ["forest", "indicator", "gains"]) expect(dom).toContain(`<svg class="chart chart-${kind}" role="img"`);
    expect(dom.match(/<table /g)).toHaveLength(model.sections.reduce((n, s) => n + s.tables.length, 0) + 1);
    // The escaped script text stayed text: the DOM holds no script element.
    expect(dom).not.toMatch(/<script/i);
    expect(dom).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  }, 60_000);
});

describe.each([
  ["sus", "da"],
  ["sus", "en"],
  ["aau", "da"],
  ["aau", "en"],
] as const)("the %s report in %s, rendered", (audience, lang) => {
  let file: string;
  let sectionIds: string[];
  beforeAll(async () => {
    const dir = tempDir();
    const results = join(dir, "results");
    const { takeup } = writeSmallResults(results);
    const out = join(dir, "report");
    const run = await runReport({ audience, lang, out, results, takeup, format: "html", quiet: true });
    sectionIds = run.model.sections.map((s) => s.id);
    file = join(out, "report.html");
  });

  it("shows every section with its heading, the forest plot and (SUS) the indicator chart; a screenshot of each section", async () => {
    const page = await open(file, 1600);
    // Run in the page (a string: the tests are compiled without the DOM's types).
    const rendered = (await page.evaluate(`[...document.querySelectorAll("section.report-section")].map((s) => ({
      id: s.id,
      heading: s.querySelector("h2")?.textContent ?? "",
      charts: [...s.querySelectorAll("svg.chart")].map((c) => c.getAttribute("class")),
      height: s.getBoundingClientRect().height,
    }))`)) as { id: string; heading: string; charts: string[]; height: number }[];
    expect(rendered.map((s) => s.id)).toEqual(sectionIds.map((id) => `section-${id}`));
    for (const s of rendered) {
      expect(s.heading.trim().length, s.id).toBeGreaterThan(0);
      expect(s.height, s.id).toBeGreaterThan(40);
    }
    const charts = rendered.flatMap((s) => s.charts);
    expect(charts).toContain("chart chart-forest");
    if (audience === "sus") expect(charts).toContain("chart chart-indicator");
    const shots = process.env.EFFEKT_SCREENSHOTS;
    if (shots) {
      mkdirSync(shots, { recursive: true });
      for (const s of rendered) {
        const element = await page.$(`#${s.id}`);
        await element?.screenshot({ path: join(shots, `${audience}-${lang}-${s.id}.png`) });
      }
    }
    const html = readFileSync(file, "utf8");
    expect(html).toContain(`<html lang="${lang}">`);
    await page.close();
  }, 120_000);

  it("opens with the main results in words and numbers, and draws the flow diagram with the protected counts", async () => {
    const page = await open(file, 1600);
    const got = (await page.evaluate(`(() => {
      const summary = document.querySelector("main section.report-section");
      const flow = document.querySelector("#section-flow");
      const svgs = [...flow.querySelectorAll("svg.chart-flow")];
      return {
        firstId: summary.id,
        heading: summary.querySelector("h2").textContent,
        blocks: [...summary.querySelectorAll("h3")].map((h) => h.textContent),
        items: [...summary.querySelectorAll("ul.statements li")].map((li) => li.textContent),
        diagrams: svgs.map((svg) => ({ title: svg.getAttribute("aria-label"), width: svg.getBoundingClientRect().width, boxes: svg.querySelectorAll("g.flow-box").length, text: svg.textContent })),
      };
    })()`)) as { firstId: string; heading: string; blocks: string[]; items: string[]; diagrams: { title: string; width: number; boxes: number; text: string }[] };
    await page.close();
    const da = lang === "da";
    expect(got.firstId).toBe("section-summary");
    expect(got.heading).toBe(da ? "Hovedresultater" : "Main results");
    expect(got.blocks).toEqual(da ? ["Effekter af tilbuddet (primære udfald)", "Indikatorer mod mål"] : ["Effects of the offer (primary outcomes)", "Indicators against targets"]);
    // employment at 3 years: difference in means 0.05 [0.01, 0.09] (no plan: the outcome's own scale), Holm 0.03.
    expect(got.items[0]).toBe(
      da
        ? "employment, 3 år: bedre i indsatsgruppen end i kontrolgruppen. Forskel +0,05 på udfaldets skala (95 %-KI +0,01 til +0,09); Forskel i gennemsnit. Holder efter justering for multipel testning i planens familie (Holm p = 0,030; Benjamini-Hochberg p = 0,020). Randomiseringsinferens bekræfter (p = 0,020)."
        : "employment, 3 years: better in the treatment group than in the control group. Difference +0.05 on the outcome's scale (95% CI +0.01 to +0.09); Difference in means. Holds after adjustment for multiple testing within the plan's family (Holm p = 0.030; Benjamini-Hochberg p = 0.020). Randomisation inference agrees (p = 0.020).",
    );
    expect(got.items).toContain(da ? "absence: afventer data." : "absence: data pending.");
    // All waves, then each wave; drawn at a readable width; 140 households in the lottery, 42 of 55 took it up.
    expect(got.diagrams.map((d) => d.title)).toEqual(da
      ? ["Alle runder: fra områderne til analysen", "Runde 1: fra områderne til lodtrækningen", "Runde 2: fra områderne til lodtrækningen"]
      : ["All waves: from the areas to the analysis", "Wave 1: from the areas to the lottery", "Wave 2: from the areas to the lottery"]);
    for (const d of got.diagrams) expect(d.width).toBeGreaterThan(600);
    expect(got.diagrams[0].boxes).toBe(5);
    expect(got.diagrams[0].text).toContain(da ? "Berettigede, med i lodtrækningen: 140" : "Eligible, in the lottery: 140");
    expect(got.diagrams[0].text).toContain(da ? "tog imod: 42 (76,4 %)" : "took it up: 42 (76.4%)");
    // The wellbeing control group's persons with a value (4) are hidden here as in the attrition table.
    expect(got.diagrams[0].text).toContain(da ? "wellbeing, 3 år: [s] af 6" : "wellbeing, 3 years: [s] of 6");
  }, 120_000);
});

/** Results of the demo's workflow (bigger tables than the fixtures: every estimator, subgroups, gains), made once. */
let demoResults: Promise<string> | null = null;
function demo(): Promise<string> {
  demoResults ??= (async () => {
    const out = join(tempDir(), "demo");
    mkdirSync(out, { recursive: true });
    await runPipeline(out, SAMPLE_FILES, { report: ["--format", "csv"] });
    return out;
  })();
  return demoResults;
}

describe.each([
  ["fixtures", "sus", "da"],
  ["fixtures", "sus", "en"],
  ["fixtures", "aau", "da"],
  ["fixtures", "aau", "en"],
  ["demo", "sus", "da"],
  ["demo", "sus", "en"],
  ["demo", "aau", "da"],
  ["demo", "aau", "en"],
] as const)("the %s %s report in %s at 1280 px", (source, audience, lang) => {
  let file: string;
  beforeAll(async () => {
    const dir = tempDir();
    let results: string;
    let takeup: string;
    if (source === "fixtures") {
      results = join(dir, "results");
      takeup = writeSmallResults(results).takeup;
    } else {
      results = await demo();
      takeup = SAMPLE_FILES.takeup;
    }
    const labels = source === "demo" ? { spec: join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json"), model: join(ROOT, "analyses", "gains-relationel-velfaerd.json") } : {};
    const out = join(dir, "report");
    await runReport({ audience, lang, out, results, takeup, ...labels, format: "html", quiet: true });
    file = join(out, "report.html");
  }, 300_000);

  it("has no table wider than the page's content and no caption repeating its section's heading", async () => {
    const page = await open(file, 1000);
    const measured = (await page.evaluate(`(() => {
      const main = document.querySelector(".page");
      const style = getComputedStyle(main);
      const content = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { content, tables: [...document.querySelectorAll("table")].map((t) => ({
        id: t.id,
        width: t.scrollWidth,
        wrap: t.parentElement.scrollWidth,
        caption: t.querySelector("caption")?.childNodes[0]?.textContent?.trim() ?? "",
        heading: t.closest("section")?.querySelector("h2")?.textContent?.trim() ?? "",
      })) };
    })()`)) as { content: number; tables: { id: string; width: number; wrap: number; caption: string; heading: string }[] };
    await page.close();
    expect(measured.content).toBeGreaterThan(1000);
    expect(measured.tables.length).toBeGreaterThan(3);
    const tooWide = measured.tables.filter((t) => t.width > measured.content || t.wrap > measured.content).map((t) => `${t.id}: ${t.width} px > ${measured.content} px`);
    expect(tooWide).toEqual([]);
    const repeated = measured.tables.filter((t) => t.caption !== "" && t.caption === t.heading).map((t) => `${t.id}: ${t.caption}`);
    expect(repeated).toEqual([]);
  }, 120_000);

  it("renders the forest plot, the indicator charts (SUS) and the tornado (AAU, demo) with their marks and labels inside the page", async () => {
    const page = await open(file, 1000);
    const charts = (await page.evaluate(`(() => [...document.querySelectorAll("svg.chart")].map((svg) => {
      const box = svg.getBoundingClientRect();
      const page = document.querySelector(".page").getBoundingClientRect();
      const count = (sel) => svg.querySelectorAll(sel).length;
      const texts = [...svg.querySelectorAll("text")];
      return {
        kind: svg.getAttribute("class").replace("chart chart-", ""),
        width: box.width, height: box.height, inside: box.right <= page.right + 0.5,
        points: count("rect.point") + count("g.series-value circle"),
        whiskers: count("line.ci") + count("g.interval"),
        bars: count("g.rows rect.bar"),
        endLabels: count("text.end-label"),
        textsOutside: texts.filter((t) => { const b = t.getBoundingClientRect(); return b.width > 0 && (b.right > box.right + 1 || b.left < box.left - 1); }).length,
      };
    }))()`)) as { kind: string; width: number; height: number; inside: boolean; points: number; whiskers: number; bars: number; endLabels: number; textsOutside: number }[];
    await page.close();
    const of = (kind: string) => charts.filter((c) => c.kind === kind);
    for (const c of charts) {
      expect(c.width, c.kind).toBeGreaterThan(300);
      expect(c.height, c.kind).toBeGreaterThan(100);
      expect(c.inside, c.kind).toBe(true);
      expect(c.textsOutside, `${c.kind}: labels outside the chart`).toBe(0);
    }
    expect(of("forest").length).toBe(1);
    expect(of("forest")[0].points).toBeGreaterThan(0);
    expect(of("forest")[0].whiskers).toBe(of("forest")[0].points);
    if (audience === "sus") {
      expect(of("indicator").length).toBeGreaterThan(0);
      // Every shown value has its interval; every reference line (baseline, comparison, target) its end label.
      for (const c of of("indicator")) expect(c.whiskers).toBe(c.points);
      expect(of("indicator").reduce((n, c) => n + c.endLabels, 0)).toBeGreaterThan(0);
    }
    if (audience === "aau" && source === "demo") {
      expect(of("tornado").length).toBe(1);
      expect(of("tornado")[0].bars).toBeGreaterThan(4);
      expect(of("gains").length).toBe(1);
    }
  }, 120_000);
});
