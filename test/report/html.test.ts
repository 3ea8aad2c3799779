import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderForest } from "../../src/report/html/charts/forest.js";
import { renderGains } from "../../src/report/html/charts/gains.js";
import { renderIndicator } from "../../src/report/html/charts/indicator.js";
import type { ForestChart, GainsChart, IndicatorChart } from "../../src/report/html/chartTypes.js";
import { escapeXml } from "../../src/report/html/format.js";
import { renderHtml } from "../../src/report/html/index.js";
import { niceTicks } from "../../src/report/html/ticks.js";
import { FOREST, GAINS, INDICATOR, fixtureModel } from "./htmlFixture.js";

/** Every match of `re` (with one capture group per attribute wanted) as arrays of numbers. */
function numbers(svg: string, re: RegExp): number[][] {
  return [...svg.matchAll(re)].map((m) => m.slice(1).map(Number));
}

describe("nice ticks", () => {
  it("covers the range with 1/2/5 x 10^k steps", () => {
    expect(niceTicks(-0.8, 11.8, 6)).toEqual({ values: [-2, 0, 2, 4, 6, 8, 10, 12], step: 2, decimals: 0 });
    expect(niceTicks(-4.6, 11.8, 3)).toEqual({ values: [-5, 0, 5, 10, 15], step: 5, decimals: 0 });
    expect(niceTicks(0, 0.95, 5)).toEqual({ values: [0, 0.2, 0.4, 0.6, 0.8, 1], step: 0.2, decimals: 1 });
    expect(niceTicks(0, 0.1, 4)).toEqual({ values: [0, 0.02, 0.04, 0.06, 0.08, 0.1], step: 0.02, decimals: 2 });
    expect(niceTicks(-1_850_000, 2_180_000, 5).values).toEqual([-2e6, -1e6, 0, 1e6, 2e6, 3e6]);
    expect(niceTicks(3, 3).values).toEqual([1.5, 2, 2.5, 3, 3.5, 4, 4.5]);
    expect(niceTicks(0, 0).values[0]).toBe(0);
  });
});

describe("forest chart", () => {
  const oneRow: ForestChart = { kind: "forest", title: "T", x_label: "Effect", null_value: 0, rows: [{ label: "A", estimate: 5, ci_low: 0, ci_high: 10 }] };

  it("maps the CI whisker and the point to the axis", () => {
    // Domain 0..10 (ticks 0, 2, ..., 10); label column 120 px; plot from x=120 to x=880-170-16=694.
    const svg = renderForest(oneRow, "en");
    const [[x1, x2]] = numbers(svg, /class="ci" x1="([\d.]+)" x2="([\d.]+)"/g);
    expect(x1).toBe(120);
    expect(x2).toBe(694);
    const [[px]] = numbers(svg, /class="point" x="([\d.]+)"/g);
    expect(px + 4.5).toBeCloseTo((120 + 694) / 2, 1);
    const [[zero]] = numbers(svg, /class="zero" x1="([\d.]+)"/g);
    expect(zero).toBe(120);
    expect(svg).toContain(">5.0 [0.0, 10.0]<");
  });

  it("draws each group as a panel with its own axis, every row mapped linearly on its panel's axis", () => {
    const svg = renderForest(FOREST, "en");
    const panels = svg.split(`<g class="panel">`).slice(1);
    const groups = ["Employment", "School absence"];
    expect(panels).toHaveLength(groups.length);
    panels.forEach((panel, p) => {
      const rows = FOREST.rows.filter((row) => row.group === groups[p] && !row.suppressed);
      const [[zero]] = numbers(panel, /class="zero" x1="([\d.]+)"/g);
      const whiskers = numbers(panel, /class="ci" x1="([\d.]+)" x2="([\d.]+)"/g);
      const points = numbers(panel, /class="point" x="([\d.]+)"/g).map(([px]) => px + 4.5);
      expect(whiskers).toHaveLength(rows.length);
      // Pixels per unit from the first interval; every end and point must sit at zero + value * that.
      const perUnit = (whiskers[0][1] - whiskers[0][0]) / (rows[0].ci_high - rows[0].ci_low);
      rows.forEach((row, i) => {
        expect(Math.abs(whiskers[i][0] - (zero + row.ci_low * perUnit))).toBeLessThan(0.15);
        expect(Math.abs(whiskers[i][1] - (zero + row.ci_high * perUnit))).toBeLessThan(0.15);
        expect(Math.abs(points[i] - (zero + row.estimate * perUnit))).toBeLessThan(0.15);
      });
    });
    // Employment spans -4.6..11.8 (ticks -6..12 by 2), school absence -4.1..0.7 (ticks -5..1 by 1).
    expect(panels[0]).toContain(">-6<");
    expect(panels[0]).toContain(">12<");
    expect(panels[1]).toContain(">-5<");
    expect(panels[1]).toContain(">1<");
    expect(panels[1]).not.toContain(">12<");
  });

  it("draws no point, whisker or number for a suppressed row, and its values do not stretch the axis", () => {
    const chart: ForestChart = {
      ...oneRow,
      rows: [oneRow.rows[0], { label: "Small group", estimate: 987.654, ci_low: -5000, ci_high: 5000, suppressed: true }],
    };
    const svg = renderForest(chart, "en");
    expect(svg.match(/class="point"/g)).toHaveLength(1);
    expect(svg.match(/class="ci"/g)).toHaveLength(1);
    expect(svg).toContain(">Small group<");
    expect(svg).toContain(">suppressed<");
    expect(svg).not.toMatch(/987|5[,.]?000/);
    expect(numbers(svg, /class="ci" x1="([\d.]+)" x2="([\d.]+)"/g)).toEqual([[120, 694]]);
  });

  it("formats numbers per language: Danish decimal comma and ';' between the interval ends", () => {
    const da = renderForest(FOREST, "da");
    expect(da).toContain(">4,2 [-0,8; 9,2]<");
    expect(da).toContain(">diskretioneret<");
    expect(da).toContain(">Estimat [95\u00a0%-KI]<");
    const en = renderForest(FOREST, "en");
    expect(en).toContain(">4.2 [-0.8, 9.2]<");
  });

  it("writes a table's interval cell as the forest plot does: '[a; b]' in Danish, '[a, b]' in English", () => {
    const withInterval = (lang: "da" | "en") => {
      const model = fixtureModel(lang);
      model.sections[0].tables.push({
        id: "intervals",
        title: "Intervals",
        columns: [{ key: "outcome", label: "Outcome", kind: "text" }, { key: "ci_low", label: "low", kind: "number", decimals: 4, joinNext: "95% CI" }, { key: "ci_high", label: "high", kind: "number", decimals: 4 }],
        rows: [["a", -0.0407, 0.0479], ["b", 1234.5, 5678.25]],
      });
      return model;
    };
    const cells = (lang: "da" | "en") => [...renderHtml(withInterval(lang)).matchAll(/<td class="num interval">([^<]*)<\/td>/g)].map((m) => m[1]);
    const da = cells("da");
    const en = cells("en");
    expect(da.length).toBeGreaterThan(0);
    expect(en.length).toBe(da.length);
    for (const c of da) expect(c).toMatch(/^\[[^;\]]+; [^;\]]+\]$/);
    for (const c of en) expect(c).toMatch(/^\[[^;\]]+, [^;\]]+\]$/);
  });

  it("escapes every text and is accessible", () => {
    const chart: ForestChart = { ...oneRow, title: `<script>&"'`, x_label: "a<b", rows: [{ ...oneRow.rows[0], label: `x & "y" <z>` }] };
    const svg = renderForest(chart, "en");
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;script&gt;&amp;&quot;&#39;");
    expect(svg).toContain(">a&lt;b<");
    expect(svg).toContain("x &amp; &quot;y&quot; &lt;z&gt;");
    expect(svg).toMatch(/^<svg class="chart chart-forest" role="img" aria-label="&lt;script&gt;&amp;&quot;&#39;: 1 estimates/);
    expect(svg).toContain("<title>&lt;script&gt;");
  });

  it("draws a point without a whisker when an estimator gives no interval", () => {
    const chart: ForestChart = { ...oneRow, rows: [...oneRow.rows, { label: "B", estimate: 3, ci_low: null as unknown as number, ci_high: NaN }] };
    const svg = renderForest(chart, "da");
    expect(svg.match(/class="point"/g)).toHaveLength(2);
    expect(svg.match(/class="ci"/g)).toHaveLength(1);
    expect(svg).toContain(">3,0 [intet interval]<");
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it("refuses a non-finite estimate instead of drawing NaN", () => {
    expect(() => renderForest({ ...oneRow, rows: [{ label: "A", estimate: NaN, ci_low: 0, ci_high: 1 }] }, "en")).toThrow(/non-finite estimate/);
  });
});

describe("indicator chart", () => {
  it("shades and labels the pending years and breaks the value line there", () => {
    const svg = renderIndicator(INDICATOR, "en");
    expect(svg.match(/<g class="pending">/g)).toHaveLength(2);
    expect(svg).toContain("<title>2026: data pending</title>");
    expect(svg).toContain("<title>2027: data pending</title>");
    const valueGroup = svg.match(/<g class="series series-value">(.*?)<\/g><\/svg>/)![1];
    expect(valueGroup.match(/<polyline/g)).toHaveLength(1);
    const points = valueGroup.match(/points="([^"]*)"/)![1].split(" ");
    expect(points).toHaveLength(3);
    expect(valueGroup.match(/<circle/g)).toHaveLength(3);
  });

  it("puts values on the y scale: 0 % at the bottom (y=300), 100 % at the top (y=70)", () => {
    const svg = renderIndicator(INDICATOR, "da");
    // Ticks 0..1 step 0.2; y(v) = 300 - v * 230. Value 0.75 -> 127.5, 0.84 -> 106.8.
    const valueGroup = svg.match(/<g class="series series-value">(.*?)<\/g><\/svg>/)![1];
    const ys = valueGroup.match(/points="([^"]*)"/)![1].split(" ").map((p) => Number(p.split(",")[1]));
    expect(ys).toEqual([127.5, 118.3, 106.8]);
    expect(svg).toContain(">100 %<");
    // The value's label rounded as the table shows it (one decimal in per cent).
    expect(svg).toContain(">84,0 %<");
    expect(svg).toContain(">afventer data<");
  });

  it("labels every reference line at its end with its value, and draws the value's interval as whiskers", () => {
    const svg = renderIndicator(INDICATOR, "da");
    const ends = [...svg.matchAll(/<text class="end-label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    const references = INDICATOR.series.filter((series) => series.style !== "value");
    expect(ends).toHaveLength(references.length);
    for (const series of references) expect(ends.some((e) => e.startsWith(`${series.label}: `) && /\d,\d %$/.test(e))).toBe(true);
    expect(svg).not.toContain(`class="interval"`);
    const value = INDICATOR.series.find((series) => series.style === "value")!;
    const withInterval = { ...INDICATOR, series: INDICATOR.series.map((series) => (series === value ? { ...series, low: series.values.map((v) => (v === null ? null : v - 0.05)), high: series.values.map((v) => (v === null ? null : v + 0.05)) } : series)) };
    const drawn = renderIndicator(withInterval, "da");
    expect(drawn.match(/<g class="interval">/g)).toHaveLength(value.values.filter((v) => v !== null).length);
  });

  it("puts a value's label below its point when the target sits just above it", () => {
    // 2025: value 84 % (y=106.8), target 92 % 18.4 px above, baseline 75 % 20.7 px below: the label goes below.
    const svg = renderIndicator(INDICATOR, "en");
    expect(numbers(svg, /class="value-label" x="[\d.]+" y="([\d.]+)"/g).map(([ly]) => ly)).toEqual([117.5, 108.3, 126.8]);
  });

  it("refuses a series whose length differs from the years", () => {
    const bad: IndicatorChart = { ...INDICATOR, series: [{ label: "v", style: "value", values: [0.5] }] };
    expect(() => renderIndicator(bad, "en")).toThrow(/1 values for 5 years/);
  });
});

describe("gains chart", () => {
  const small: GainsChart = {
    kind: "gains",
    title: "Gains",
    years: [2026],
    unit: "DKK",
    payers: [
      { label: "Municipality", values: [3000] },
      { label: "Region", values: [0] },
      { label: "State", values: [-1000] },
    ],
  };

  it("stacks positive gains up and costs down from the zero line, and marks the net", () => {
    const svg = renderGains(small, "en");
    const [[zeroY]] = numbers(svg, /class="zero" x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)"/g);
    const rects = numbers(svg, /class="segment" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g);
    expect(rects).toHaveLength(2); // the zero value of Region draws nothing
    const [[upTop, upHeight], [downTop, downHeight]] = rects;
    expect(upTop + upHeight).toBeCloseTo(zeroY, 1);
    expect(downTop).toBeCloseTo(zeroY, 1);
    expect(upHeight / downHeight).toBeCloseTo(3, 1);
    expect(svg).toContain("<title>Net, 2026: 2,000 DKK</title>");
    expect(svg).toContain("<title>State, 2026: -1,000 DKK</title>");
  });

  it("draws large amounts in millions with the unit named, Danish separators", () => {
    const svg = renderGains(GAINS, "da");
    expect(svg).toContain(">mio. kr.<");
    expect(svg).toContain("<title>Municipality, 2024: -1.850.000 kr.</title>");
    expect(svg).toContain(">2,2<"); // net 2028: 1,240,000 + 150,000 + 790,000 = 2.18 million
    expect(svg).toContain(`aria-label="Budget-economic gains by payer (mio. kr.)"`);
  });
});

describe("HTML page", () => {
  it("is one self-contained page: no script, no external URL, no font download", () => {
    const html = renderHtml(fixtureModel("en"));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<link|@import|@font-face|url\(|\ssrc=/i);
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")).toBe(true);
  });

  it("has a table of contents, every section with its tables and charts, footnotes and the manifest at the end", () => {
    const model = fixtureModel("da");
    const html = renderHtml(model);
    expect(html).toContain(`<html lang="da">`);
    for (const section of model.sections) {
      expect(html).toContain(`<li><a href="#section-${section.id}">${escapeXml(section.title)}</a></li>`);
      expect(html).toContain(`<h2>${escapeXml(section.title)}</h2>`);
    }
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html.match(/<table /g)).toHaveLength(5);
    expect(html.indexOf(`id="section-manifest"`)).toBeGreaterThan(html.indexOf(`id="section-footnotes"`));
    expect(html).toContain(`<td class="hash">3f1c0a9e2b7d4c5a6e8f9012a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6</td>`);
  });

  it("right-aligns numbers, formats them per language and shows suppressed and pending cells with their marks", () => {
    const da = renderHtml(fixtureModel("da"));
    expect(da).toContain(`<th scope="col" data-key="eligible" class="num">Eligible households</th>`);
    expect(da).toContain(`<td class="num">1.240</td>`);
    expect(da).toContain(`<td class="num">68,3 %</td>`);
    expect(da).toContain(`<td class="num">1.930.000</td>`);
    expect(da).toContain(`<td class="num suppressed"><span class="mark suppressed" title="diskretioneret">[s]</span></td>`);
    expect(da).toContain(`<td class="num pending"><span class="mark pending">afventer data</span></td>`);
    const en = renderHtml(fixtureModel("en"));
    expect(en).toContain(`<td class="num">1,240</td>`);
    expect(en).toContain(`<td class="num">68.3%</td>`);
    expect(en).toContain(`<td class="text">&lt;script&gt;alert(1)&lt;/script&gt;</td>`);
  });

  it("moves the model's own manifest section to the end, after the footnotes, with hashes in monospace", () => {
    const model = fixtureModel("en");
    model.sections.unshift({
      id: "manifest",
      title: "What the numbers came from (manifest)",
      charts: [],
      tables: [{
        id: "manifest",
        title: "Manifest",
        columns: [{ key: "item", label: "Item", kind: "text" }, { key: "value", label: "Value", kind: "text" }, { key: "sha256", label: "SHA-256", kind: "text" }],
        rows: [["file: register", "register.csv", "ab".repeat(32)], ["effekt_version", "0.1.0", null]],
      }],
    });
    const html = renderHtml(model);
    expect(html.match(/id="section-manifest"/g)).toHaveLength(1);
    expect(html.indexOf(`id="section-manifest"`)).toBeGreaterThan(html.indexOf(`id="section-footnotes"`));
    expect(html.indexOf(`id="section-manifest"`)).toBeGreaterThan(html.indexOf(`id="section-gains"`));
    expect(html).toContain(`<td class="hash">${"ab".repeat(32)}</td>`);
    expect(html).not.toContain("3f1c0a9e"); // generated_from is not listed twice
    expect(html).toMatch(/<li><a href="#section-footnotes">Notes<\/a><\/li>\n<li><a href="#section-manifest">What the numbers came from \(manifest\)<\/a><\/li>\n<\/ol>/);
  });

  it("gives the same bytes for the same model", () => {
    expect(renderHtml(fixtureModel("da"))).toBe(renderHtml(fixtureModel("da")));
    expect(renderHtml(fixtureModel("da"))).not.toBe(renderHtml(fixtureModel("en")));
  });

  it("refuses a row with the wrong number of cells", () => {
    const model = fixtureModel("en");
    model.sections[0].tables[0].rows.push(["only one"]);
    expect(() => renderHtml(model)).toThrow(/table "flow" row 4 has 1 cells for 5 columns/);
  });
});

describe("escaping and robustness", () => {
  /** The sequence of tag names: text that leaks markup would add or remove tags. */
  const tags = (markup: string) => [...markup.matchAll(/<\/?([a-zA-Z!][a-zA-Z0-9]*)/g)].map((m) => m[0]);

  it("any text in any label leaves the markup's tags unchanged", () => {
    const plain = fixtureModel("en");
    const baseline = tags(renderHtml(plain));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("<", ">", "&", '"', "'", "a", " ", "/", "s", "é", "="), minLength: 1, maxLength: 30 }), (junk) => {
        const model = fixtureModel("en");
        model.title = junk;
        model.footnotes = [junk];
        for (const section of model.sections) {
          section.title = junk;
          if (section.intro !== undefined) section.intro = junk;
          for (const table of section.tables) {
            table.title = `${junk}!`; // differs from the heading, so the caption stays
            table.columns = table.columns.map((column) => ({ ...column, label: junk }));
            table.rows = table.rows.map((row) => row.map((cell, c) => (table.columns[c].kind === "text" && typeof cell === "string" ? junk : cell)));
          }
          for (const chart of section.charts) {
            chart.title = junk;
            if (chart.kind === "forest") chart.rows = chart.rows.map((row) => ({ ...row, label: junk, group: row.group === undefined ? undefined : row.group + junk }));
            if (chart.kind === "indicator") chart.series = chart.series.map((series) => ({ ...series, label: junk }));
            if (chart.kind === "gains") chart.payers = chart.payers.map((payer) => ({ ...payer, label: junk }));
          }
        }
        expect(tags(renderHtml(model))).toEqual(baseline);
      }),
      { numRuns: 200 },
    );
  });

  it("draws empty charts without NaN", () => {
    const svgs = [
      renderForest({ ...FOREST, rows: [] }, "da"),
      renderIndicator({ ...INDICATOR, years: [], series: [] }, "da"),
      renderGains({ ...GAINS, years: [], payers: [] }, "da"),
      renderForest({ ...FOREST, rows: FOREST.rows.map((row) => ({ ...row, suppressed: true })) }, "da"),
    ];
    for (const svg of svgs) {
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
      expect(svg.startsWith("<svg ")).toBe(true);
    }
    expect(svgs[0]).toContain(">Ingen data<");
  });
});

describe("no heading repeated as its table's caption", () => {
  it("leaves the caption out when the table's title is the section's heading, keeps it otherwise", async () => {
    const { renderHtml: render } = await import("../../src/report/html/index.js");
    const { fixtureModel: fixture } = await import("./htmlFixture.js");
    const model = fixture("en");
    const section = model.sections.find((s) => s.tables.length > 0)!;
    section.tables[0].title = section.title;
    const html = render(model);
    expect(html).not.toContain(`<caption>${section.title}</caption>`);
    expect(html).toContain(`aria-label="${section.title}"`);
  });
});
