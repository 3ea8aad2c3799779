import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder } from "../helpers.js";

/**
 * The layers of README.md's Layout, checked over the import graph of src/ (static imports, re-exports and dynamic
 * `import()`, followed transitively):
 * - the capability folders `estimate/`, `draw/`, `indicators/`, `gains/` are pure computation: nothing they reach
 *   lies in `io/`, `cli/`, `report/` or `plan/`;
 * - `io/` reaches no orchestration or command code: nothing in `cli/`, `report/` or `effects/` (the module that
 *   joins plan, register, persons and outcomes);
 * - nothing but `cli/` reaches `cli/`: a command file parses flags and calls one function that lives below it
 *   (`indicatorsRun/` and `drawRun/` may reach `report/`: their terminal tables go through the report's indicators
 *   section and balance tables);
 * - the runs that write results (`effects/`, `gainsRun/`, `verify/`), and `powerRun/`, reach nothing in `report/`, which reads them.
 */

const SRC = resolve(__dirname, "../../src");

type Graph = ReadonlyMap<string, readonly string[]>;

interface Rule {
  from: readonly string[];
  forbidden: readonly string[];
}

const RULES: readonly Rule[] = [
  { from: ["estimate", "draw", "indicators", "gains"], forbidden: ["io", "cli", "report", "plan"] },
  { from: ["io"], forbidden: ["cli", "report", "effects", "gainsRun", "verify", "indicatorsRun", "powerRun", "drawRun"] },
  { from: ["effects", "gainsRun", "indicatorsRun", "powerRun", "drawRun", "report", "verify", "plan", "schemas", "disclosure", "i18n"], forbidden: ["cli"] },
  { from: ["effects", "gainsRun", "powerRun", "verify"], forbidden: ["report"] },
];

/** The top folder of a module path relative to src/ ("estimate/ols.ts" -> "estimate"; "errors.ts" -> ""). */
function folderOf(module: string): string {
  const i = module.indexOf("/");
  return i < 0 ? "" : module.slice(0, i);
}

/** The relative imports of one source text, as module paths relative to src/ (".js" written, ".ts" on disk). */
function importsOf(module: string, text: string): string[] {
  const out: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g;
  for (const m of text.matchAll(pattern)) {
    const spec = m[1];
    if (!spec.startsWith(".")) continue;
    const target = relative(SRC, resolve(SRC, dirname(module), spec)).replace(/\.js$/, ".ts");
    out.push(target.split("\\").join("/"));
  }
  return out;
}

/** Every path from a module of a rule's folders to a forbidden module, as "a -> b -> c" (shortest first). */
function violations(graph: Graph, rules: readonly Rule[]): string[] {
  const found: string[] = [];
  for (const rule of rules) {
    for (const start of [...graph.keys()].sort()) {
      if (!rule.from.includes(folderOf(start))) continue;
      // breadth-first, remembering how each module was reached
      const via = new Map<string, string>([[start, ""]]);
      const queue = [start];
      while (queue.length > 0) {
        const m = queue.shift()!;
        for (const next of graph.get(m) ?? []) {
          if (via.has(next)) continue;
          via.set(next, m);
          if (rule.forbidden.includes(folderOf(next))) {
            const path = [next];
            for (let p = m; p !== ""; p = via.get(p)!) path.unshift(p);
            found.push(path.join(" -> "));
            continue;
          }
          queue.push(next);
        }
      }
    }
  }
  return found;
}

function sourceGraph(): Graph {
  const graph = new Map<string, string[]>();
  for (const file of filesUnder(SRC).filter((f) => f.endsWith(".ts"))) {
    const module = relative(SRC, file).split("\\").join("/");
    graph.set(module, importsOf(module, readFileSync(file, "utf8")));
  }
  return graph;
}

describe("the import graph of src/", () => {
  it("keeps the pure capability folders and io/ free of the layers above them", () => {
    const graph = sourceGraph();
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.has("estimate/ols.ts") && graph.has("io/csv.ts") && graph.has("effects/index.ts")).toBe(true);
    expect(violations(graph, RULES)).toEqual([]);
  });

  it("sees every import form and follows imports transitively (the check can fail)", () => {
    const text = [
      'import { a } from "../io/csv.js";',
      'import type { B } from "./b.js";',
      'export * from "../plan/load.js";',
      'const m = await import("../cli/main.js");',
      'import "../report/side.js";',
      'import { parse } from "csv-parse/sync";',
    ].join("\n");
    expect(importsOf("estimate/x.ts", text)).toEqual(["io/csv.ts", "estimate/b.ts", "plan/load.ts", "cli/main.ts", "report/side.ts"]);
    const graph: Graph = new Map([
      ["estimate/a.ts", ["estimate/b.ts"]],
      ["estimate/b.ts", ["draw/c.ts"]],
      ["draw/c.ts", ["io/csv.ts"]],
      ["io/csv.ts", ["effects/run.ts"]],
      ["effects/run.ts", []],
    ]);
    expect(violations(graph, RULES)).toEqual([
      "draw/c.ts -> io/csv.ts",
      "estimate/a.ts -> estimate/b.ts -> draw/c.ts -> io/csv.ts",
      "estimate/b.ts -> draw/c.ts -> io/csv.ts",
      "io/csv.ts -> effects/run.ts",
    ]);
  });
});
