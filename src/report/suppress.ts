/**
 * Statistical disclosure control for the report tables (Statistics Denmark's rules for microdata-based tables).
 *
 * Primary suppression: a count of persons or households between 1 and N-1 (N = `--min-cell`, default 5, never
 * below 3) is not shown. A count of 0 is shown: it describes nobody. A mean, share or estimate computed over fewer
 * than N persons is not shown either (the section builders apply that with `tooFew`).
 *
 * Secondary suppression: a hidden count must not be recoverable by subtraction. Each table declares its additive
 * relations ("these cells sum to that total cell", the total included in the relation). For each relation in
 * which exactly one cell is hidden, the smallest other shown cell of the relation is hidden too (a positive one if
 * there is any, ties broken by position; cells marked as published elsewhere are chosen last). Hiding a cell can
 * open another relation (a row and a column share cells), so the pass is repeated until nothing changes (a fixed
 * point; it ends because each pass hides at least one more cell of a finite table).
 *
 * Relations may include hidden helper cells that are not shown but still count, e.g. "did not take up" =
 * treated - took up: a small complement is primary-suppressed there and forces a shown cell to be hidden.
 *
 * Limits (documented in data-schemas/report.md): relations between different tables are handled by the builders
 * passing what one table hid to the next (flow -> balance; effects -> attrition) and by marking cells published
 * elsewhere; this is the standard cell-suppression heuristic, not an optimal (linear-programming) pattern.
 */
import { UserError } from "../errors.js";

/** Statistics Denmark's floor: a minimum cell size below 3 is never allowed. */
export const MIN_CELL_FLOOR = 3;
export const DEFAULT_MIN_CELL = 5;

/** Checks `--min-cell`: an integer >= 3. */
export function checkMinCell(n: number): number {
  if (!Number.isInteger(n) || n < MIN_CELL_FLOOR) {
    throw new UserError(`--min-cell ${n}: the minimum cell size must be a whole number of at least ${MIN_CELL_FLOOR} (Statistics Denmark's rule)`);
  }
  return n;
}

/** True when a count describes too few persons or households to show (1..N-1). */
export function isSmallCount(n: number, minCell: number): boolean {
  return n > 0 && n < minCell;
}

/** True when a mean, share or estimate rests on too few persons (fewer than N, including none). */
export function tooFew(n: number | null | undefined, minCell: number): boolean {
  return n === null || n === undefined || !Number.isFinite(n) || n < minCell;
}

export interface CellRef {
  row: number;
  col: number;
}

/** `total` = sum of `parts`. */
export interface SumRelation {
  total: CellRef;
  parts: CellRef[];
}

/** A grid of counts (null = not a count / not applicable) with the cells hidden so far. */
export interface CountGrid {
  values: (number | null)[][];
  hidden: boolean[][];
  /** Cells shown in another table as well: hidden by secondary suppression only when there is no other choice. */
  published?: boolean[][];
}

/** Primary suppression of every small count in the grid (in place); returns the grid. */
export function primarySuppression(grid: CountGrid, minCell: number): CountGrid {
  grid.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null && isSmallCount(v, minCell)) grid.hidden[i][j] = true;
    }),
  );
  return grid;
}

/** Secondary suppression to a fixed point (in place); returns the number of cells it hid. */
export function secondarySuppression(grid: CountGrid, relations: SumRelation[]): number {
  let added = 0;
  for (;;) {
    let changed = false;
    for (const rel of relations) {
      const cells = [rel.total, ...rel.parts].filter((c) => grid.values[c.row][c.col] !== null);
      const hiddenCount = cells.filter((c) => grid.hidden[c.row][c.col]).length;
      if (hiddenCount !== 1) continue;
      const choice = complementCell(grid, cells.filter((c) => !grid.hidden[c.row][c.col]));
      if (!choice) continue; // a relation of one cell: nothing to subtract from
      grid.hidden[choice.row][choice.col] = true;
      added += 1;
      changed = true;
    }
    if (!changed) return added;
  }
}

/** The shown cell to hide with a hidden one: not published elsewhere if possible, then positive, then smallest. */
function complementCell(grid: CountGrid, shown: CellRef[]): CellRef | undefined {
  const rank = (c: CellRef): [number, number, number] => [
    grid.published?.[c.row]?.[c.col] ? 1 : 0,
    (grid.values[c.row][c.col] as number) > 0 ? 0 : 1,
    grid.values[c.row][c.col] as number,
  ];
  let best: CellRef | undefined;
  for (const c of shown) {
    if (!best) { best = c; continue; }
    const a = rank(c);
    const b = rank(best);
    if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))) best = c;
  }
  return best;
}

/** Primary then secondary suppression on a fresh grid; returns the hidden mask. */
export function suppressCounts(values: (number | null)[][], relations: SumRelation[], minCell: number, published?: boolean[][]): boolean[][] {
  const grid: CountGrid = { values, hidden: values.map((r) => r.map(() => false)), published };
  primarySuppression(grid, minCell);
  secondarySuppression(grid, relations);
  return grid.hidden;
}
