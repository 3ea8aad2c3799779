import { describe, expect, it } from "vitest";
import { checkMinCell, isSmallCount, suppressCounts, tooFew, type SumRelation } from "../../src/report/suppress.js";
import { buildFlowRows, flowRelations } from "../../src/report/sections/flow.js";

/** Relations for a grid whose last row is the column totals and last column the row totals. */
function marginRelations(rows: number, cols: number): SumRelation[] {
  const rel: SumRelation[] = [];
  for (let i = 0; i < rows; i++) rel.push({ total: { row: i, col: cols - 1 }, parts: Array.from({ length: cols - 1 }, (_, j) => ({ row: i, col: j })) });
  for (let j = 0; j < cols; j++) rel.push({ total: { row: rows - 1, col: j }, parts: Array.from({ length: rows - 1 }, (_, i) => ({ row: i, col: j })) });
  return rel;
}

describe("minimum cell size", () => {
  it("allows 3 and refuses 2 (Statistics Denmark's rule)", () => {
    expect(checkMinCell(3)).toBe(3);
    expect(checkMinCell(5)).toBe(5);
    expect(() => checkMinCell(2)).toThrow(/at least 3/);
    expect(() => checkMinCell(4.5)).toThrow(/whole number/);
  });
  it("a small count is 1..N-1; zero describes nobody", () => {
    expect([0, 1, 4, 5].map((n) => isSmallCount(n, 5))).toEqual([false, true, true, false]);
    expect([0, 4, 5, null].map((n) => tooFew(n, 5))).toEqual([true, true, false, true]);
  });
});

describe("primary and secondary suppression", () => {
  it("primary: hides exactly the counts below N", () => {
    const hidden = suppressCounts([[3, 10, 4, 7]], [], 5);
    expect(hidden).toEqual([[true, false, true, false]]);
  });

  it("secondary: a lone hidden cell in a row with a shown total takes the next smallest with it", () => {
    // 3 + 10 + 20 = 33: hiding 3 alone lets 3 = 33 - 10 - 20 be recovered.
    const hidden = suppressCounts([[3, 10, 20, 33]], [{ total: { row: 0, col: 3 }, parts: [0, 1, 2].map((col) => ({ row: 0, col })) }], 5);
    expect(hidden[0]).toEqual([true, true, false, false]);
  });

  it("iterates to a fixed point across rows and columns", () => {
    // 2x2 inner table with margins; one small cell forces a second in its row, which forces one in that column,
    // which forces one more in its row: the classic four-cell rectangle.
    const values = [
      [2, 40, 30, 72],
      [50, 60, 70, 180],
      [52, 100, 100, 252],
    ];
    const hidden = suppressCounts(values, marginRelations(3, 4), 5);
    const count = hidden.flat().filter(Boolean).length;
    expect(hidden[0][0]).toBe(true);
    // Every row and column relation has 0 or at least 2 hidden cells.
    for (const rel of marginRelations(3, 4)) {
      const n = [rel.total, ...rel.parts].filter((c) => hidden[c.row][c.col]).length;
      expect(n === 0 || n >= 2).toBe(true);
    }
    expect(count).toBe(4);
    expect(hidden).toEqual([
      [true, false, true, false],
      [true, false, true, false],
      [false, false, false, false],
    ]);
  });

  it("prefers a positive cell to a zero and a cell not published elsewhere", () => {
    const rel = [{ total: { row: 0, col: 0 }, parts: [{ row: 0, col: 1 }, { row: 0, col: 2 }, { row: 0, col: 3 }] }];
    expect(suppressCounts([[52, 2, 0, 50]], rel, 5)[0]).toEqual([false, true, false, true]);
    const published = [[false, false, false, true]];
    // The published 50 stays; the total goes rather than the zero (two unknowns summing to 2 would bound them).
    expect(suppressCounts([[52, 2, 0, 50]], rel, 5, published)[0]).toEqual([true, true, false, false]);
  });

  it("flow: a wave with 3 households in an area hides them and enough others that none is recoverable", () => {
    const flow = [
      { wave: 1, area: "A", eligible: 3, treatment: 1, control: 2, took_up: 1 },
      { wave: 1, area: "B", eligible: 60, treatment: 20, control: 40, took_up: 15 },
      { wave: 1, area: "C", eligible: 50, treatment: 20, control: 30, took_up: 18 },
    ];
    const rows = buildFlowRows(flow);
    const values = rows.map((r) => [...r.counts]);
    const rels = flowRelations(rows);
    const hidden = suppressCounts(values, rels, 5);
    for (const rel of rels) {
      const cells = [rel.total, ...rel.parts].filter((c) => values[c.row][c.col] !== null);
      const n = cells.filter((c) => hidden[c.row][c.col]).length;
      expect(n === 0 || n >= 2).toBe(true);
    }
    // Area A's row is entirely hidden.
    expect(hidden[0].slice(0, 5)).toEqual([true, true, true, true, true]);
  });
});

describe("documentation", () => {
  it("data-schemas/report.md names every table and column the report writes", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { ROOT, tempDir } = await import("../helpers.js");
    const { writeSmallResults } = await import("./fixtures.js");
    const { runReport } = await import("../../src/cli/report.js");
    const { allTables } = await import("../../src/report/model.js");
    const doc = readFileSync(join(ROOT, "data-schemas", "report.md"), "utf8");
    const dir = tempDir();
    const { takeup } = writeSmallResults(dir);
    for (const audience of ["sus", "aau"] as const) {
      const { model } = await runReport({ audience, out: join(dir, `r-${audience}`), results: dir, takeup, format: "md", quiet: true });
      for (const t of allTables(model)) {
        expect(doc, t.id).toContain(`| \`${t.id}\` |`);
        for (const c of t.columns) expect(doc, `${t.id}.${c.key}`).toContain(`\`${c.key}\``);
      }
    }
  });
});
