import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effekt, ROOT, SAMPLES, tempDir } from "../helpers.js";

const SPEC = join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json");
const VALUES = join(SAMPLES, "indicator-values.csv");
const PERSONS = join(SAMPLES, "indicator-persons.csv");

function parseCsv(text: string): Record<string, string>[] {
  // The output quotes only fields with commas (status_reason, never with inner quotes here).
  const lines = text.trim().split("\n");
  const split = (l: string) => l.match(/("[^"]*"|[^,]*)(,|$)/g)!.slice(0, -1).map((f) => f.replace(/,$/, "").replace(/^"(.*)"$/, "$1"));
  const header = split(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, j) => [header[j], v])));
}

describe("effekt indicators", () => {
  it("computes a hand-checkable row from aggregated values and shows pending indicators as pending", () => {
    const r = effekt(["indicators", "--spec", SPEC, "--values", VALUES]);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    const row = rows.find((x) => x.indicator === "grade9-danish-math-2" && x.area === "Houlkær" && x.year === "2024")!;
    // 0.80 of 40 against baseline 0.75, Viborg Kommune 0.95, target 0.92.
    expect(row.value).toBe("0.8");
    expect(row.n).toBe("40");
    expect(Number(row.change_since_baseline)).toBeCloseTo(5, 10);
    expect(Number(row.gap_to_comparison)).toBeCloseTo(-15, 10);
    expect(Number(row.progress_to_target)).toBeCloseTo(0.05 / 0.17, 10);
    // Wilson 95%: 32 of 40.
    const z = 1.959963984540054, n = 40, p = 0.8;
    const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
    expect(Number(row.interval_lower)).toBeCloseTo(centre - half, 12);
    expect(Number(row.interval_upper)).toBeCloseTo(centre + half, 12);
    expect(row.status).toBe("unchanged-within-uncertainty");
    const pooled = rows.find((x) => x.indicator === "grade9-danish-math-2" && x.area === "all areas" && x.year === "2025")!;
    expect(pooled.status).toBe("better");
    for (const id of ["school-absence", "children-specialised-case"]) {
      const pend = rows.filter((x) => x.indicator === id);
      expect(pend.length).toBeGreaterThan(0);
      for (const x of pend) {
        expect(x.value).toBe("pending");
        expect(x.status).toBe("pending");
        expect(x.change_since_baseline).toBe("");
      }
    }
    expect(rows.some((x) => x.value === "0")).toBe(false);
  });

  it("aggregates person-level records (meets empty = unknown) and writes JSON atomically with a terminal table", () => {
    const d = tempDir();
    const out = join(d, "ind.json");
    const r = effekt(["indicators", "--spec", SPEC, "--persons", PERSONS, "--format", "json", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/written to/);
    expect(r.stdout).toMatch(/children-specialised-case\s+all areas\s+pending/);
    const doc = JSON.parse(readFileSync(out, "utf8"));
    const lines = readFileSync(PERSONS, "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const cell = lines.filter((f) => f[0] === "grade9-danish-math-2" && f[1] === "Houlkær" && f[2] === "2023");
    const known = cell.filter((f) => f[3] !== "");
    const row = doc.rows.find((x: { indicator: string; area: string; year: number }) => x.indicator === "grade9-danish-math-2" && x.area === "Houlkær" && x.year === 2023);
    expect(row.n).toBe(known.length);
    expect(row.value).toBe(known.filter((f) => f[3] === "true").length / known.length);
    const all = doc.rows.find((x: { indicator: string; area: string; year: number }) => x.indicator === "grade9-danish-math-2" && x.area === "all areas" && x.year === 2023);
    expect(all.n).toBe(lines.filter((f) => f[0] === "grade9-danish-math-2" && f[2] === "2023" && f[3] !== "").length);
    expect(doc.rows.filter((x: { value: unknown }) => x.value === "pending").length).toBe(2);
    expect(readdirSync(d)).toEqual(["ind.json"]);
  });

  it("refuses an unknown direction in the spec with one line naming file and field (exit 2), writing nothing", () => {
    const d = tempDir();
    const spec = JSON.parse(readFileSync(SPEC, "utf8"));
    spec.indicators[1].direction = "down";
    writeFileSync(join(d, "spec.json"), JSON.stringify(spec));
    const out = join(d, "out.csv");
    const r = effekt(["indicators", "--spec", join(d, "spec.json"), "--values", VALUES, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^effekt: spec\.json: indicators\[1\]\.direction: must be "higher" or "lower"/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(d)).toEqual(["spec.json"]);
  });

  it("names file, line, column and value for bad values and keeps an existing --out file unchanged", () => {
    const d = tempDir();
    const out = join(d, "out.csv");
    writeFileSync(out, "old\n");
    writeFileSync(join(d, "v.csv"), "indicator,area,year,value,n\ngrade9-danish-math-2,Houlkær,2024,75,40\n");
    const r = effekt(["indicators", "--spec", SPEC, "--values", join(d, "v.csv"), "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^effekt: v\.csv, line 2, column value: value "75" is outside \[0, 1\].*0\.75/);
    writeFileSync(join(d, "u.csv"), "indicator,area,year,value,n\nno-such,Houlkær,2024,0.5,40\n");
    const u = effekt(["indicators", "--spec", SPEC, "--values", join(d, "u.csv"), "--out", out]);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/u\.csv, line 2, column indicator: value "no-such" is not an indicator/);
    writeFileSync(join(d, "p.csv"), "indicator,area,year,meets\ngrade9-danish-math-2,Houlkær,2024,maybe\n");
    const p = effekt(["indicators", "--spec", SPEC, "--persons", join(d, "p.csv"), "--out", out]);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/p\.csv, line 2, column meets: value "maybe"/);
    expect(readFileSync(out, "utf8")).toBe("old\n");
    expect(readdirSync(d).sort()).toEqual(["out.csv", "p.csv", "u.csv", "v.csv"]);
    const both = effekt(["indicators", "--spec", SPEC, "--values", VALUES, "--persons", PERSONS]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/exactly one of --values/);
  });
});
