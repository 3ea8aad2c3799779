/**
 * The attacker's linear programme: the range a hidden cell can take given everything published.
 *
 * Feasible set { x >= 0 : A x = b } (x = the hidden cells, A x = b = each additive relation with the published
 * cells moved to the right-hand side). `Polytope` finds one feasible basis (phase 1 of the two-phase simplex,
 * artificial variables) and then answers min and max of single variables from that basis (phase 2), the way
 * tau-ARGUS and sdcTable audit a suppression pattern (Fischetti and Salazar-Gonzalez 2001: the "attacker
 * problem"). Dense tableau, Bland's rule (no cycling); the systems here have at most a few hundred variables.
 *
 * Reference: Chvátal (1983), Linear Programming, ch. 2-3 (tableau simplex, two phases, Bland's rule).
 */

const EPS = 1e-9;

export class Polytope {
  /** Tableau rows after phase 1 (constraint rows only), each of length nVars + 1 (last = right-hand side). */
  private readonly rows: number[][];
  private readonly basis: number[];
  readonly feasible: boolean;

  constructor(a: number[][], b: number[], readonly nVars: number) {
    const m = a.length;
    const width = nVars + m + 1;
    // Phase 1: minimise the sum of artificials a_i in A x + a = b (rows flipped so b >= 0).
    const t: number[][] = a.map((row, i) => {
      const sign = b[i] < 0 ? -1 : 1;
      const r = new Array<number>(width).fill(0);
      for (let j = 0; j < nVars; j++) r[j] = sign * (row[j] ?? 0);
      r[nVars + i] = 1;
      r[width - 1] = sign * b[i];
      return r;
    });
    const basis = t.map((_, i) => nVars + i);
    const cost = new Array<number>(width - 1).fill(0);
    for (let i = 0; i < m; i++) cost[nVars + i] = -1; // maximise -sum(a)
    const value = simplex(t, basis, cost);
    this.feasible = value !== Infinity && value > -1e-7;
    // Drive artificials out of the basis (or drop their redundant rows), then drop the artificial columns.
    const keep: number[] = [];
    for (let i = 0; i < t.length; i++) {
      if (basis[i] >= nVars) {
        let col = -1;
        for (let j = 0; j < nVars; j++) if (Math.abs(t[i][j]) > EPS) { col = j; break; }
        if (col < 0) continue; // a redundant equation
        pivot(t, basis, i, col);
      }
      keep.push(i);
    }
    this.rows = keep.map((i) => [...t[i].slice(0, nVars), t[i][width - 1]]);
    this.basis = keep.map((i) => basis[i]);
  }

  /** max of x_k (Infinity when unbounded); with `enough`, stops as soon as x_k >= enough is reached. */
  max(k: number, enough = Infinity): number {
    return this.optimise(k, 1, enough);
  }

  /** min of x_k. */
  min(k: number): number {
    const v = -this.optimise(k, -1);
    return v === 0 ? 0 : v;
  }

  private optimise(k: number, sign: number, enough = Infinity): number {
    if (!this.feasible) throw new Error("Polytope: the published values are inconsistent (no feasible table)");
    const t = this.rows.map((r) => [...r]);
    const basis = [...this.basis];
    const cost = new Array<number>(this.nVars).fill(0);
    cost[k] = sign;
    return simplex(t, basis, cost, enough);
  }
}

/**
 * Maximises cost . x over the tableau's feasible set from its current basis (in place). Returns the optimum,
 * or Infinity when unbounded. The tableau is in canonical form: basic columns are unit vectors.
 */
function simplex(t: number[][], basis: number[], cost: number[], enough = Infinity): number {
  const n = cost.length;
  const rhs = (t[0]?.length ?? n + 1) - 1;
  for (let iter = 0; iter < 50_000; iter++) {
    if (enough < Infinity) {
      let z = 0;
      for (let i = 0; i < t.length; i++) z += cost[basis[i]] * t[i][rhs];
      if (z >= enough) return z;
    }
    // Reduced costs r_j = c_j - sum_i c_B(i) t_ij; Bland: the first improving column enters.
    let enter = -1;
    for (let j = 0; j < n; j++) {
      let r = cost[j];
      for (let i = 0; i < t.length; i++) r -= cost[basis[i]] * t[i][j];
      if (r > EPS) { enter = j; break; }
    }
    if (enter < 0) {
      let z = 0;
      for (let i = 0; i < t.length; i++) z += cost[basis[i]] * t[i][rhs];
      return z;
    }
    let leave = -1;
    let best = Infinity;
    for (let i = 0; i < t.length; i++) {
      if (t[i][enter] > EPS) {
        const ratio = t[i][rhs] / t[i][enter];
        if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i] < basis[leave])) {
          best = ratio;
          leave = i;
        }
      }
    }
    if (leave < 0) return Infinity;
    pivot(t, basis, leave, enter);
  }
  throw new Error("simplex: no convergence");
}

function pivot(t: number[][], basis: number[], row: number, col: number): void {
  const p = t[row][col];
  const r = t[row];
  for (let j = 0; j < r.length; j++) r[j] /= p;
  for (let i = 0; i < t.length; i++) {
    if (i === row) continue;
    const f = t[i][col];
    if (Math.abs(f) <= 1e-15) continue;
    const ri = t[i];
    for (let j = 0; j < ri.length; j++) ri[j] -= f * r[j];
  }
  basis[row] = col;
}
