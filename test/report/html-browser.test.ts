/**
 * The HTML report in a real browser: Debian's Chromium, headless, renders the page with all three charts; the
 * test checks the screenshot (size, not blank, the chart colours drawn) and the rendered DOM (every section
 * heading, table and chart). Chromium is required: without it the test fails, unless EFFEKT_SKIP_BROWSER=1.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { renderHtml } from "../../src/report/html/index.js";
import { COLOURS, PAYER_COLOURS } from "../../src/report/html/theme.js";
import { tempDir } from "../helpers.js";
import { fixtureModel } from "./htmlFixture.js";
import { colourVariety, countColour, readPng } from "./htmlPng.js";

const SKIP = process.env.EFFEKT_SKIP_BROWSER === "1";
const WIDTH = 1280;
const HEIGHT = 4000;

function findChromium(): string | undefined {
  const found = spawnSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" });
  const path = found.stdout.trim().split("\n")[0];
  return found.status === 0 && path !== "" ? path : undefined;
}

describe.skipIf(SKIP)("HTML report in headless Chromium", () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const model = fixtureModel("da");
  const html = renderHtml(model);
  const page = join(dir, "report.html");
  let profiles = 0;
  writeFileSync(page, html);

  /** Runs Chromium on the page with its own profile, no network (every host unresolvable) and a time limit. */
  function chromium(extra: string[], file = page): { stdout: string; status: number | null } {
    const binary = findChromium();
    if (binary === undefined) {
      throw new Error("chromium not found on PATH: install Debian's chromium (apt-get install chromium), or set EFFEKT_SKIP_BROWSER=1 to skip this test");
    }
    const profile = join(dir, `profile-${profiles++}`);
    const result = spawnSync(
      binary,
      ["--headless", "--no-sandbox", "--disable-gpu", `--user-data-dir=${profile}`, `--window-size=${WIDTH},${HEIGHT}`,
        "--host-resolver-rules=MAP * ~NOTFOUND", "--hide-scrollbars", "--no-first-run", ...extra, pathToFileURL(file).href],
      { encoding: "utf8", timeout: 20_000, maxBuffer: 64 * 1024 * 1024 },
    );
    // Chromium prints warnings on stderr (dbus, GPU); only the exit status and outputs count.
    return { stdout: result.stdout ?? "", status: result.status };
  }

  it("has nothing that could reach the network", () => {
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face|url\(/i);
  });

  it("renders a screenshot that is not blank and shows the charts' colours", () => {
    const shot = join(dir, "report.png");
    const run = chromium([`--screenshot=${shot}`]);
    expect(run.status).toBe(0);
    expect(existsSync(shot)).toBe(true);
    const image = readPng(readFileSync(shot));
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
    const bareShot = join(dir, "bare.png");
    expect(chromium([`--screenshot=${bareShot}`], join(dir, "bare.html")).status).toBe(0);
    const bareImage = readPng(readFileSync(bareShot));
    expect(countColour(image, COLOURS.result) - countColour(bareImage, COLOURS.result)).toBeGreaterThan(2000);
    expect(countColour(bareImage, PAYER_COLOURS[2])).toBe(0);
    // The bars of each payer.
    expect(countColour(image, PAYER_COLOURS[1])).toBeGreaterThan(300);
    expect(countColour(image, PAYER_COLOURS[2])).toBeGreaterThan(2000);
    // The pending-years shading of the indicator chart.
    expect(countColour(image, COLOURS.pending, 1)).toBeGreaterThan(5000);
  }, 40_000);

  it("builds the DOM with every section heading, table and chart", () => {
    const run = chromium(["--dump-dom"]);
    expect(run.status).toBe(0);
    const dom = run.stdout;
    expect(dom).toContain(`<html lang="da">`);
    for (const section of model.sections) {
      expect(dom).toMatch(new RegExp(`<section class="report-section" id="section-${section.id}">\\s*<h2>`));
      for (const table of section.tables) expect(dom).toContain(`<table id="table-${table.id}">`);
    }
    expect(dom).toContain(`<table id="table-manifest">`);
    expect(dom.match(/<svg /g)).toHaveLength(3);
    for (const kind of ["forest", "indicator", "gains"]) expect(dom).toContain(`<svg class="chart chart-${kind}" role="img"`);
    expect(dom.match(/<table /g)).toHaveLength(model.sections.reduce((n, s) => n + s.tables.length, 0) + 1);
    // The escaped script text stayed text: the DOM holds no script element.
    expect(dom).not.toMatch(/<script/i);
    expect(dom).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  }, 30_000);
});
