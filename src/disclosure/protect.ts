/**
 * Disclosure control for tables of counts of persons or households: primary and secondary cell suppression over
 * a declared structure of cells and additive relations, audited by the attacker's linear programme (./lp.ts).
 *
 * The structure (`DisclosureProblem`) is what tau-ARGUS and R's sdcTable call the table's hierarchy: every count
 * a reader can see or derive is a cell; every way to combine them is a relation `total = sum(parts)` (a margin,
 * "all waves" = sum of the waves, "all areas" = sum of the areas, whole sample = sum of a subgroup's levels, a
 * number shown in two sections = one relation with one part). Counts a reader can only derive (the complement of
 * a share, households who declined) are `helper` cells: never shown, but sensitive like any other.
 *
 * Primary sensitivity: a count of 1..N-1 (N = `--min-cell`). A count of 0 describes nobody and is not sensitive.
 * A share's count and its complement within its total are both cells, so a share is checked both ways.
 *
 * Protection (the audit): a sensitive cell is protected when the attacker, knowing every published cell, every
 * relation and that counts are not negative, cannot rule out that it holds N or more: the maximum of the cell over
 * all tables consistent with what is published is at least N (an upper protection level of N - value, sdcTable's
 * and tau-ARGUS's "protection interval"). A cell pinned to one value is therefore never protected.
 *
 * Secondary suppression, three steps per connected part of the structure (cells linked by relations):
 * 1. Closure: while some relation has exactly one hidden cell, hide the shown cell of that relation with the
 *    least cost plus a one-step look-ahead (the cheapest cell of every relation it would leave with one hidden
 *    cell), the choice tau-ARGUS's hypercube method makes among the corners it could add.
 * 2. Repair: audit every sensitive cell with the attacker's LP; for one that is not protected, try the cheapest
 *    shown cells next to the hidden ones (each followed by closure) and keep the cheapest that protects it.
 * 3. Clean-up: try to show again each secondary cell, most costly first; keep it shown when the audit still
 *    protects every sensitive cell. The result has no redundant suppression (no single hidden cell can be shown
 *    again), the local optimality tau-ARGUS's modular method aims at, at a cost of milliseconds.
 * Cost of hiding a cell: its value plus 1 (tau-ARGUS's default cost, the information lost; the 1 makes hiding a
 * zero not free).
 *
 * `dependsOn`: a cell shown only together with others (a share's count is read as share x n, so it is hidden
 * whenever n is). Pure: no I/O.
 */
import { Polytope } from "./lp.js";

export interface CountCell {
  id: string;
  /** A count of persons or households (a whole number >= 0). */
  value: number;
  /** Never shown (derivable only through relations): hidden from the start, sensitive when small. */
  helper?: boolean;
  /** Hidden whenever one of these cells is hidden. */
  dependsOn?: string[];
  /** Cost of hiding the cell; default value + 1. */
  cost?: number;
}

/** `total` = sum of `parts`. */
export interface Relation {
  total: string;
  parts: string[];
}

export interface DisclosureProblem {
  cells: CountCell[];
  relations: Relation[];
  minCell: number;
}

export interface SuppressionPattern {
  hidden: Set<string>;
  /** Sensitive cells (1..N-1), helpers included. */
  sensitive: Set<string>;
  /** Shown cells hidden to protect others (dependants included). */
  secondary: Set<string>;
  /** Sensitive cells the audit could not protect (empty unless the structure is contradictory). */
  unprotected: string[];
}

/** True when a count describes too few persons or households to show (1..N-1). */
export function isSensitiveCount(value: number, minCell: number): boolean {
  return value > 0 && value < minCell;
}

interface Indexed {
  cells: CountCell[];
  index: Map<string, number>;
  relations: number[][][]; // [total, ...parts] as [cellIndex, sign]
  relationsOf: number[][]; // cell -> relation indices
  dependants: number[][];
  depends: number[][];
  cost: number[];
}

function indexProblem(p: DisclosureProblem): Indexed {
  const index = new Map<string, number>();
  p.cells.forEach((c, i) => {
    if (index.has(c.id)) throw new Error(`disclosure: cell ${c.id} declared twice`);
    if (!Number.isFinite(c.value) || c.value < 0) throw new Error(`disclosure: cell ${c.id} has value ${c.value}`);
    index.set(c.id, i);
  });
  const at = (id: string) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`disclosure: relation names an undeclared cell ${id}`);
    return i;
  };
  const relations = p.relations.map((r) => [[at(r.total), 1], ...r.parts.map((q) => [at(q), -1])]);
  const relationsOf: number[][] = p.cells.map(() => []);
  relations.forEach((r, k) => new Set(r.map(([i]) => i)).forEach((i) => relationsOf[i].push(k)));
  const dependants: number[][] = p.cells.map(() => []);
  const depends = p.cells.map((c, i) => (c.dependsOn ?? []).map((d) => {
    const j = at(d);
    dependants[j].push(i);
    return j;
  }));
  return { cells: p.cells, index, relations, relationsOf, dependants, depends, cost: p.cells.map((c) => c.cost ?? c.value + 1) };
}

/** Connected parts: cells linked by relations or dependencies. */
function components(x: Indexed): number[][] {
  const parent = x.cells.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number) => { parent[find(a)] = find(b); };
  for (const r of x.relations) for (const [i] of r) join(i, r[0][0]);
  x.depends.forEach((ds, i) => ds.forEach((d) => join(i, d)));
  const groups = new Map<number, number[]>();
  x.cells.forEach((_, i) => {
    const g = find(i);
    groups.set(g, [...(groups.get(g) ?? []), i]);
  });
  return [...groups.values()];
}

/**
 * The attacker's range for every hidden cell of `cells` that is asked for: [min, max] over all non-negative
 * tables agreeing with the shown cells and the relations. Shown cells get [value, value].
 */
export function attackerRanges(problem: DisclosureProblem, hidden: Set<string>, ask?: string[]): Map<string, [number, number]> {
  const x = indexProblem(problem);
  const h = x.cells.map((c) => hidden.has(c.id) || c.helper === true);
  const out = new Map<string, [number, number]>();
  const asked = (ask ?? x.cells.map((c) => c.id)).map((id) => x.index.get(id)!).filter((i) => i !== undefined);
  const poly = polytopeFor(x, h, x.cells.map((_, i) => i));
  for (const i of asked) {
    if (!h[i]) { out.set(x.cells[i].id, [x.cells[i].value, x.cells[i].value]); continue; }
    const k = poly.varOf.get(i)!;
    out.set(x.cells[i].id, [poly.p.min(k), poly.p.max(k)]);
  }
  return out;
}

function polytopeFor(x: Indexed, h: boolean[], part: number[]): { p: Polytope; varOf: Map<number, number> } {
  const varOf = new Map<number, number>();
  for (const i of part) if (h[i]) varOf.set(i, varOf.size);
  const rels = new Set<number>();
  for (const i of varOf.keys()) for (const k of x.relationsOf[i]) rels.add(k);
  const a: number[][] = [];
  const b: number[] = [];
  for (const k of [...rels].sort((p, q) => p - q)) {
    const row = new Array<number>(varOf.size).fill(0);
    let rhs = 0;
    for (const [i, s] of x.relations[k]) {
      if (h[i]) row[varOf.get(i)!] += s;
      else rhs -= s * x.cells[i].value;
    }
    a.push(row);
    b.push(rhs);
  }
  return { p: new Polytope(a, b, varOf.size), varOf };
}

/** Primary and secondary suppression; see the module comment. */
export function protect(problem: DisclosureProblem): SuppressionPattern {
  const x = indexProblem(problem);
  const m = problem.minCell;
  const n = x.cells.length;
  const sensitive = x.cells.map((c) => isSensitiveCount(c.value, m));
  const h = x.cells.map((c, i) => c.helper === true || sensitive[i]);
  const fixed = [...h]; // helpers and primary cells stay hidden
  const hide = (i: number) => {
    if (h[i]) return;
    h[i] = true;
    for (const d of x.dependants[i]) hide(d);
  };
  x.cells.forEach((_, i) => { if (h[i]) x.dependants[i].forEach(hide); });
  const unprotected: string[] = [];

  for (const part of components(x)) {
    const partSensitive = part.filter((i) => sensitive[i]);
    if (partSensitive.length === 0) continue;
    const inPart = new Set(part);
    const partRelations = [...new Set(part.flatMap((i) => x.relationsOf[i]))].sort((a, b) => a - b);

    const closure = () => {
      for (;;) {
        let changed = false;
        for (const k of partRelations) {
          const cells = [...new Set(x.relations[k].map(([i]) => i))];
          const hiddenHere = cells.filter((i) => h[i]).length;
          if (hiddenHere !== 1) continue;
          const shown = cells.filter((i) => !h[i]);
          if (shown.length === 0) continue;
          let best = -1;
          let bestScore = Infinity;
          for (const c of shown) {
            const score = x.cost[c] + lookAhead(c);
            if (score < bestScore) { bestScore = score; best = c; }
          }
          hide(best);
          changed = true;
        }
        if (!changed) return;
      }
    };
    // For each relation of c with no hidden cell, hiding c leaves one hidden: the cheapest other cell follows.
    const lookAhead = (c: number): number => {
      let extra = 0;
      for (const k of x.relationsOf[c]) {
        const cells = [...new Set(x.relations[k].map(([i]) => i))];
        if (cells.some((i) => h[i])) continue;
        const others = cells.filter((i) => i !== c).map((i) => x.cost[i]);
        if (others.length > 0) extra += Math.min(...others);
      }
      return extra;
    };
    // The attacker's LP splits into blocks: hidden cells linked by relations that hold hidden cells.
    const blocks = (): Map<number, number[]> => {
      const parent = new Map<number, number>();
      const find = (i: number): number => {
        let r = i;
        while (parent.get(r) !== r) r = parent.get(r)!;
        parent.set(i, r);
        return r;
      };
      for (const i of part) if (h[i]) parent.set(i, i);
      for (const k of partRelations) {
        const hid = x.relations[k].map(([i]) => i).filter((i) => h[i]);
        for (let q = 1; q < hid.length; q++) parent.set(find(hid[q]), find(hid[0]));
      }
      const out = new Map<number, number[]>();
      for (const i of parent.keys()) {
        const r = find(i);
        out.set(r, [...(out.get(r) ?? []), i]);
      }
      return out;
    };
    const maxOf = (i: number, enough = Infinity): number => {
      const block = [...blocks().values()].find((b) => b.includes(i))!;
      const poly = polytopeFor(x, h, block);
      if (!poly.p.feasible) throw new Error("disclosure: the declared cells do not satisfy their relations");
      return poly.p.max(poly.varOf.get(i)!, enough);
    };
    const audit = (): number[] => {
      const open: number[] = [];
      for (const block of blocks().values()) {
        const mine = block.filter((i) => sensitive[i]);
        if (mine.length === 0) continue;
        const poly = polytopeFor(x, h, block);
        if (!poly.p.feasible) throw new Error("disclosure: the declared cells do not satisfy their relations");
        for (const i of mine) if (poly.p.max(poly.varOf.get(i)!, m) < m - 1e-7) open.push(i);
      }
      return open.sort((a, b) => a - b);
    };

    closure();
    for (let guard = 0; guard < n + 1; guard++) {
      const open = audit();
      if (open.length === 0) break;
      const u = open[0];
      // Shown cells in relations that hold a hidden cell of this part: the candidates, cheapest first.
      const frontier = [...new Set(partRelations.filter((k) => x.relations[k].some(([i]) => h[i])).flatMap((k) => x.relations[k].map(([i]) => i)))]
        .filter((i) => !h[i] && inPart.has(i))
        .sort((a, b) => x.cost[a] - x.cost[b] || a - b);
      if (frontier.length === 0) { unprotected.push(x.cells[u].id); break; }
      const before = [...h];
      const baseMax = maxOf(u);
      let choice: boolean[] | null = null;
      let choiceCost = Infinity;
      let gainChoice: boolean[] | null = null;
      let gainBest = 0;
      for (const c of frontier.slice(0, 16)) {
        hide(c);
        closure();
        const added = h.reduce((s, v, i) => s + (v && !before[i] ? x.cost[i] : 0), 0);
        const hi = maxOf(u);
        if (hi >= m - 1e-7 && added < choiceCost) { choiceCost = added; choice = [...h]; }
        const gain = (Math.min(hi, m) - baseMax) / added;
        if (gain > gainBest) { gainBest = gain; gainChoice = [...h]; }
        for (let i = 0; i < n; i++) h[i] = before[i];
      }
      const next = choice ?? gainChoice;
      if (next) for (let i = 0; i < n; i++) h[i] = next[i];
      else { for (const c of frontier) hide(c); closure(); }
    }
    if (audit().length > 0) {
      // Last resort: hide the whole part (every cell then ranges up to infinity).
      for (const i of part) hide(i);
      const still = audit();
      for (const i of still) unprotected.push(x.cells[i].id);
      continue;
    }
    // Clean-up: show again what is not needed, most costly first.
    const secondary = part.filter((i) => h[i] && !fixed[i]).sort((a, b) => x.cost[b] - x.cost[a] || a - b);
    for (const c of secondary) {
      if (x.depends[c].some((d) => h[d])) continue;
      h[c] = false;
      if (audit().length > 0) h[c] = true;
    }
  }
  const hidden = new Set<string>();
  const secondarySet = new Set<string>();
  x.cells.forEach((c, i) => {
    if (!h[i]) return;
    hidden.add(c.id);
    if (!fixed[i]) secondarySet.add(c.id);
  });
  return {
    hidden,
    sensitive: new Set(x.cells.filter((_, i) => sensitive[i]).map((c) => c.id)),
    secondary: secondarySet,
    unprotected,
  };
}
