/**
 * Declaring a table structure for disclosure control, section by section: counts, the sums that tie them
 * together, shares (their count and its complement), and the same number shown in two places. The report's
 * section builders (and the summaries other commands print) declare their cells here and ask afterwards which
 * are hidden; `protect` (./protect.ts) decides once over everything declared, so links between tables and
 * sections are honoured. Pure: no I/O.
 */
import { attackerRanges, protect, type CountCell, type DisclosureProblem, type Relation, type SuppressionPattern } from "./protect.js";

export class TableStructure {
  private readonly cells = new Map<string, CountCell>();
  private readonly relations: Relation[] = [];
  private pattern: SuppressionPattern | null = null;

  constructor(readonly minCell: number) {}

  /**
   * Declares a count (idempotent for the same id and value) and returns the id to refer to it by. The same id
   * with another value is another cell (`id@value`). A value that is not a count (negative, not finite) is not
   * declared: what rests on it is never shown.
   */
  count(id: string, value: number, options: { helper?: boolean; dependsOn?: string[] } = {}): string {
    this.mutable();
    if (!Number.isFinite(value) || value < 0) return `not-a-count:${id}`;
    const have = this.cells.get(id);
    if (have) return have.value === value ? id : this.count(`${id}@${value}`, value, options);
    this.cells.set(id, { id, value, ...options });
    return id;
  }

  has(id: string): boolean {
    return this.cells.has(id);
  }

  value(id: string): number | undefined {
    return this.cells.get(id)?.value;
  }

  /**
   * total = sum of parts (every id declared). When the parts fall short of the total (persons lacking a
   * covariate or a subgroup level), the rest is a derivable count: a helper cell. Parts exceeding the total are
   * not additive (e.g. a person in two levels) and are not related.
   */
  sum(total: string, parts: string[]): void {
    this.mutable();
    if (parts.length === 0) return;
    const t = this.value(total);
    const values = parts.map((p) => this.value(p));
    if (t === undefined || values.some((v) => v === undefined)) return; // a part that is not a count: nothing to relate
    const rest = t - values.reduce((a: number, v) => a + (v as number), 0);
    if (rest < 0) return;
    if (rest === 0) this.relations.push({ total, parts });
    else this.relations.push({ total, parts: [...parts, this.count(`${total}~rest${this.relations.length}`, rest, { helper: true })] });
  }

  /**
   * Two counts a reader can compare: the same number shown twice (`a` = `b`), or `a` >= `b` with the difference
   * a derivable count (a helper cell `${a}-${b}`, e.g. households lacking a covariate).
   */
  link(a: string, b: string): void {
    const va = this.value(a), vb = this.value(b);
    if (va === undefined || vb === undefined) return;
    if (va === vb) this.sum(a, [b]);
    else if (va > vb) this.sum(a, [b, this.count(`${a}-${b}`, va - vb, { helper: true })]);
    else this.sum(b, [a, this.count(`${b}-${a}`, vb - va, { helper: true })]);
  }

  /**
   * A share x / n of a group whose size is the cell `group`: declares the count `id` (shown as share x n, so
   * hidden whenever n is) and its complement n - x (a helper), tied by n = x + (n - x). Both are checked.
   */
  share(id: string, group: string, x: number): string {
    const n = this.value(group);
    if (n === undefined || !(x >= 0 && x <= n)) return `not-a-count:${id}`;
    const xId = this.count(id, x, { dependsOn: [group] });
    this.sum(group, [xId, this.count(`${xId}~not`, n - x, { helper: true })]);
    return xId;
  }

  problem(): DisclosureProblem {
    return { cells: [...this.cells.values()], relations: [...this.relations], minCell: this.minCell };
  }

  /** Decides (once) which cells are hidden. */
  solve(): SuppressionPattern {
    if (!this.pattern) this.pattern = protect(this.problem());
    return this.pattern;
  }

  /** True when every named cell is shown (a statistic over them may be published). */
  shown(ids: string[]): boolean {
    const hidden = this.solve().hidden;
    return ids.every((id) => this.cells.has(id) && !hidden.has(id));
  }

  /** The attacker's [min, max] for cells after suppression (tests and audits). */
  ranges(ids?: string[]): Map<string, [number, number]> {
    return attackerRanges(this.problem(), this.solve().hidden, ids);
  }

  private mutable(): void {
    if (this.pattern) throw new Error("disclosure: the structure is already solved");
  }
}
