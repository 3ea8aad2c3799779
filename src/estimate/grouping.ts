/**
 * Groups rows by an integer code (cluster or block): dense group ids in order of first appearance,
 * and the rows of each group contiguous in `rows[offsets[g] .. offsets[g + 1])` (a counting sort, O(n)).
 */
export interface Grouping {
  nGroups: number;
  /** dense group id of each row */
  groupOf: Int32Array;
  offsets: Int32Array;
  rows: Int32Array;
  /** the original code of each dense group */
  codes: number[];
}

export function groupRows(codes: ArrayLike<number>): Grouping {
  const n = codes.length;
  const ids = new Map<number, number>();
  const groupOf = new Int32Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    let g = ids.get(c);
    if (g === undefined) {
      g = ids.size;
      ids.set(c, g);
      order.push(c);
    }
    groupOf[i] = g;
  }
  const nGroups = ids.size;
  const offsets = new Int32Array(nGroups + 1);
  for (let i = 0; i < n; i++) offsets[groupOf[i] + 1]++;
  for (let g = 0; g < nGroups; g++) offsets[g + 1] += offsets[g];
  const fill = offsets.slice(0, nGroups);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[fill[groupOf[i]]++] = i;
  return { nGroups, groupOf, offsets, rows, codes: order };
}
