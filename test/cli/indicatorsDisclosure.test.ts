import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { attack, parseCellText, type Report, type Table, type Value } from "../disclosure/attacker.js";
import { effekt, ROOT, tempDir } from "../helpers.js";

/**
 * `effekt indicators --out` prints a summary table on the terminal; it goes through the same disclosure
 * control as the report (src/disclosure/, --min-cell default 5). An area of 3 pupils of whom 2 meet the indicator
 * must not be readable there, directly or by the attacker of test/disclosure/attacker.ts (shares times n, "all
 * areas" margins, Wilson inversion). On the old code the terminal showed n = 3 and 66.7%.
 */
const SPEC = join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json");

/** The terminal table back as the attacker's table (columns located from the header; a value "66.7%" is 0.667). */
function terminalTable(stdout: string): Table {
  const lines = stdout.split("\n");
  const h = lines.findIndex((l) => l.startsWith("indicator  "));
  const header = lines[h];
  const names = ["indicator", "area", "year", "value", "95% interval", "n", "vs baseline", "vs comparison", "to target", "status"];
  const starts: number[] = [];
  for (const n of names) starts.push(header.indexOf(`${starts.length === 0 ? "" : " "}${n}`, starts.length === 0 ? 0 : starts[starts.length - 1] + 1) + (starts.length === 0 ? 0 : 1));
  const body = lines.slice(h + 1).filter((l) => l.trim() !== "" && !l.startsWith("[s]:"));
  // left-aligned indicator and area from their header's start; the numbers right-aligned, ending where their
  // header ends; status from its start
  const end = (j: number) => starts[j] + names[j].length;
  const cell = (l: string, j: number) =>
    j <= 1 ? l.slice(starts[j], starts[j + 1]).trim() : j === names.length - 1 ? l.slice(starts[j]).trim() : l.slice(j === 2 ? starts[2] : end(j - 1), end(j)).trim();
  const keys = ["indicator", "area", "year", "value_share", "n", "interval_lower", "interval_upper"];
  const text: string[][] = [];
  const rows: Value[][] = [];
  for (const l of body) {
    const c = names.map((_, j) => cell(l, j));
    const interval = c[4] === "[s]" ? ["[s]", "[s]"] : c[4] === "" ? ["", ""] : c[4].replace(/[[\]]/g, "").split(", ");
    const t = [c[0], c[1], c[2], c[3], c[5], interval[0], interval[1]];
    text.push(t);
    rows.push(t.map((x, j) => (j < 3 ? null : parseCellText(x, "en"))));
  }
  return { id: "indicators", keys, rows, text };
}

describe("effekt indicators: the terminal summary under disclosure control", () => {
  it("an area of 3 pupils (2 meet the indicator) is not shown, nor recoverable from the margins or the interval", () => {
    const dir = tempDir();
    const values = join(dir, "values.csv");
    writeFileSync(values, [
      "indicator,area,year,value,n",
      "grade9-danish-math-2,Houlkær,2025,0.8,40",
      "grade9-danish-math-2,Ellekonebakken,2025,0.6666666666666666,3",
      "grade9-danish-math-2,Karup Kølvrå,2025,0.8,30",
      `grade9-danish-math-2,all areas,2025,${(32 + 2 + 24) / 73},73`,
    ].join("\n") + "\n");
    const r = effekt(["indicators", "--spec", SPEC, "--values", values, "--out", join(dir, "indicators.csv")]);
    expect(r.code, r.stderr).toBe(0);
    const table = terminalTable(r.stdout);
    const elle = table.text.find((t) => t[1] === "Ellekonebakken")!;
    expect(elle[3]).toBe("[s]");
    expect(elle[4]).toBe("[s]");
    expect(r.stdout).toContain("[s]: fewer than 5 persons");
    const report: Report = new Map([["indicators", table]]);
    expect(attack([report], 5)).toEqual([]);
    // the areas that are safe are still shown
    expect(table.text.find((t) => t[1] === "Houlkær")![4]).not.toBe("[s]");
    // the file keeps full detail (a working file, not for publication)
    expect(readFileSync(join(dir, "indicators.csv"), "utf8")).toMatch(/Ellekonebakken,2025,share,[^,]*,0\.6666666666666666,3,/);
  });

  it("--min-cell below 3 is refused; in the samples, Karup Kølvrå 2025 (27 of 30: 3 who do not) is hidden with one partner", () => {
    const dir = tempDir();
    const bad = effekt(["indicators", "--spec", SPEC, "--values", join(ROOT, "samples", "indicator-values.csv"), "--out", join(dir, "a.csv"), "--min-cell", "2"]);
    expect(bad.code).toBe(2);
    const ok = effekt(["indicators", "--spec", SPEC, "--values", join(ROOT, "samples", "indicator-values.csv"), "--out", join(dir, "b.csv")]);
    expect(ok.code, ok.stderr).toBe(0);
    const t = terminalTable(ok.stdout);
    const y2025 = t.text.filter((x) => x[0] === "grade9-danish-math-2" && x[2] === "2025");
    expect(y2025.map((x) => x[3] === "[s]")).toEqual([false, true, true, false]);
    expect(attack([new Map([["indicators", t]])], 5)).toEqual([]);
    // on the old terminal table: 90.0% of 30 shown, so 3 who do not meet it
  });
});
