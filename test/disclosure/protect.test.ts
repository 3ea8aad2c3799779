import { describe, expect, it } from "vitest";
import { Polytope } from "../../src/disclosure/lp.js";
import { attackerRanges, protect, type DisclosureProblem, type Relation } from "../../src/disclosure/protect.js";

/** An r x c table with row totals, column totals and a grand total; ids "i,j", margins at index r / c. */
function marginTable(inner: number[][]): DisclosureProblem {
  const r = inner.length, c = inner[0].length;
  const cells = [];
  const v = (i: number, j: number): number =>
    i < r && j < c ? inner[i][j] : i < r ? inner[i].reduce((s, x) => s + x, 0) : j < c ? inner.reduce((s, row) => s + row[j], 0) : inner.flat().reduce((s, x) => s + x, 0);
  for (let i = 0; i <= r; i++) for (let j = 0; j <= c; j++) cells.push({ id: `${i},${j}`, value: v(i, j) });
  const relations: Relation[] = [];
  for (let i = 0; i <= r; i++) relations.push({ total: `${i},${c}`, parts: Array.from({ length: c }, (_, j) => `${i},${j}`) });
  for (let j = 0; j <= c; j++) relations.push({ total: `${r},${j}`, parts: Array.from({ length: r }, (_, i) => `${i},${j}`) });
  return { cells, relations, minCell: 5 };
}

describe("attacker LP", () => {
  it("bounds variables of x >= 0, Ax = b", () => {
    const p = new Polytope([[1, 1, 0], [1, 0, 1]], [5, 7], 3);
    expect([p.min(0), p.max(0), p.min(2), p.max(2)]).toEqual([0, 5, 2, 7]);
    expect(new Polytope([[1, -1]], [0], 2).max(0)).toBe(Infinity);
    const r = new Polytope([[1, 1], [2, 2], [1, 0]], [3, 6, 1], 2);
    expect([r.min(1), r.max(1)]).toEqual([2, 2]);
  });

  it("finds what subtraction finds: one hidden cell in a row with a total is pinned", () => {
    const p = marginTable([[2, 40], [50, 60]]);
    const ranges = attackerRanges(p, new Set(["0,0", "0,1"]));
    expect(ranges.get("0,0")).toEqual([2, 2]); // column 0: 52 - 50
  });
});

describe("protect", () => {
  it("hides a small cell and a rectangle around it, the cheapest one", () => {
    const p = marginTable([[2, 40, 30], [50, 60, 7], [80, 90, 100]]);
    const s = protect(p);
    expect(s.unprotected).toEqual([]);
    expect(s.sensitive).toEqual(new Set(["0,0"]));
    expect([...s.hidden].sort()).toEqual(["0,0", "0,2", "1,0", "1,2"]);
    const ranges = attackerRanges(p, s.hidden, ["0,0"]);
    expect(ranges.get("0,0")![1]).toBeGreaterThanOrEqual(5);
  });

  it("a share's complement: 30 of 32 hides the 30 (its complement 2 is a helper)", () => {
    const s = protect({
      cells: [{ id: "n", value: 32 }, { id: "x", value: 30, dependsOn: ["n"] }, { id: "not", value: 2, helper: true }],
      relations: [{ total: "n", parts: ["x", "not"] }],
      minCell: 5,
    });
    expect(s.hidden).toEqual(new Set(["x", "not"]));
  });

  it("a dependant goes with its group", () => {
    const s = protect({
      cells: [{ id: "all", value: 35 }, { id: "w1", value: 32 }, { id: "w2", value: 3 }, { id: "w1share", value: 10, dependsOn: ["w1"] }],
      relations: [{ total: "all", parts: ["w1", "w2"] }],
      minCell: 5,
    });
    expect(s.hidden.has("w2")).toBe(true);
    expect(s.hidden.has("all") || s.hidden.has("w1")).toBe(true);
    if (s.hidden.has("w1")) expect(s.hidden.has("w1share")).toBe(true);
  });

  it("a number shown in two sections is one relation: hiding one copy alone does not help", () => {
    const s = protect({
      cells: [{ id: "a", value: 3 }, { id: "b", value: 10 }, { id: "t", value: 13 }, { id: "t2", value: 13 }, { id: "c", value: 20 }, { id: "tt", value: 33 }],
      relations: [{ total: "t", parts: ["a", "b"] }, { total: "t2", parts: ["t"] }, { total: "tt", parts: ["t2", "c"] }],
      minCell: 5,
    });
    const r = attackerRanges({ cells: [{ id: "a", value: 3 }, { id: "b", value: 10 }, { id: "t", value: 13 }, { id: "t2", value: 13 }, { id: "c", value: 20 }, { id: "tt", value: 33 }], relations: [{ total: "t", parts: ["a", "b"] }, { total: "t2", parts: ["t"] }, { total: "tt", parts: ["t2", "c"] }], minCell: 5 }, s.hidden, ["a"]);
    expect(r.get("a")![1]).toBeGreaterThanOrEqual(5);
    expect(s.hidden.has("b")).toBe(true); // the cheapest partner
  });

  it("a whole table below N is hidden whole", () => {
    const p = marginTable([[1, 1], [0, 1]]);
    const s = protect(p);
    expect(s.unprotected).toEqual([]);
    const r = attackerRanges(p, s.hidden);
    for (const id of s.sensitive) expect(r.get(id)![1]).toBeGreaterThanOrEqual(5);
  });

  it("random tables: every sensitive cell is protected and no secondary cell is redundant", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let t = 0; t < 40; t++) {
      const r = 2 + Math.floor(rnd() * 3), c = 2 + Math.floor(rnd() * 3);
      const inner = Array.from({ length: r }, () => Array.from({ length: c }, () => (rnd() < 0.3 ? Math.floor(rnd() * 5) : Math.floor(rnd() * 40))));
      const p = marginTable(inner);
      const s = protect(p);
      expect(s.unprotected).toEqual([]);
      const ranges = attackerRanges(p, s.hidden);
      for (const id of s.sensitive) expect(ranges.get(id)![1], `${t} ${id}`).toBeGreaterThanOrEqual(5);
      for (const id of s.secondary) {
        const less = new Set(s.hidden);
        less.delete(id);
        const rr = attackerRanges(p, less, [...s.sensitive]);
        expect([...s.sensitive].some((q) => rr.get(q)![1] < 5), `${t}: ${id} redundant`).toBe(true);
      }
    }
  });
});

describe("minimum cell size", () => {
  it("allows 3 and refuses 2 (Statistics Denmark's rule), default 5", async () => {
    const { checkMinCell, parseMinCell, DEFAULT_MIN_CELL } = await import("../../src/disclosure/rules.js");
    expect(checkMinCell(3)).toBe(3);
    expect(parseMinCell(undefined)).toBe(DEFAULT_MIN_CELL);
    expect(DEFAULT_MIN_CELL).toBe(5);
    expect(() => checkMinCell(2)).toThrow(/at least 3/);
    expect(() => checkMinCell(4.5)).toThrow(/whole number/);
    expect(() => parseMinCell("2")).toThrow(/at least 3/);
    expect(() => parseMinCell("x")).toThrow(/whole number/);
  });
});
