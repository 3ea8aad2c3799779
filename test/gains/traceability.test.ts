import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseGainsModel } from "../../src/schemas/gainsModel.js";
import { budgetResult, monteCarlo, paymentResult, sensitivityTable } from "../../src/gains/index.js";
import { ROOT } from "../helpers.js";

/** Resolves `outcomes.employment.unit_values.kommune` or `costs.staff[0].hourly_cost_dkk` in a model, keeping the chain of nodes. */
function resolve(model: unknown, path: string): unknown[] | undefined {
  const chain: unknown[] = [model];
  let node: unknown = model;
  for (const part of path.split(".")) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    const step = (n: unknown, key: string): unknown => {
      if (Array.isArray(n)) return n.find((e) => e && typeof e === "object" && ((e as { id?: string }).id === key || (e as { name?: string }).name === key || (e as { outcome?: string }).outcome === key || (e as { goal?: string }).goal === key || (e as { payer?: string }).payer === key));
      return n && typeof n === "object" ? (n as Record<string, unknown>)[key] : undefined;
    };
    node = step(node, m[1]);
    for (const idx of m[2].match(/\d+/g) ?? []) node = Array.isArray(node) ? node[Number(idx)] : undefined;
    if (node === undefined) return undefined;
    chain.push(node);
  }
  return chain;
}

function tracedNumbers(value: unknown, at: string, out: { at: string; from: string[]; value: unknown }[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => tracedNumbers(v, `${at}[${i}]`, out));
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.from) && ("value" in o || "lower" in o || "p" in o)) out.push({ at, from: o.from as string[], value: o.value });
    for (const [k, v] of Object.entries(o)) if (k !== "from") tracedNumbers(v, `${at}.${k}`, out);
  }
}

const hasSource = (n: unknown) => !!n && typeof n === "object" && ("source" in (n as object) || "sources" in (n as object));

for (const file of ["gains-relationel-velfaerd.json", "gains-randers-en-ny-start.json"]) {
  describe(`every number in the gains output of ${file} traces to a named parameter with a source`, () => {
    const raw = JSON.parse(readFileSync(join(ROOT, "analyses", file), "utf8"));
    const model = parseGainsModel(raw, file);
    const out: { at: string; from: string[]; value: unknown }[] = [];
    tracedNumbers({ budget: budgetResult(model), mc: monteCarlo(model, { draws: 10_000 }), sensitivity: sensitivityTable(model), payment: paymentResult(model) }, "", out);
    it("there are traced numbers, each naming at least one parameter", () => {
      expect(out.length).toBeGreaterThan(50);
      // A payer with no unit value in the model (region, here) is 0 by construction and names no parameter.
      for (const t of out) if (t.value !== 0) expect(t.from.length, t.at).toBeGreaterThan(0);
    });
    it("each named parameter exists in the model and it, or a parameter block containing it, states its source", () => {
      const unsourced = new Set<string>();
      for (const t of out) {
        for (const p of t.from) {
          const chain = resolve(model, p);
          expect(chain, `${t.at} names ${p}, which is not in ${file}`).toBeDefined();
          if (!chain!.slice(1).some(hasSource)) unsourced.add(p);
        }
      }
      expect([...unsourced].sort()).toEqual([]);
    });
  });
}
