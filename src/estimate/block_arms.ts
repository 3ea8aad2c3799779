import { EstimationError } from "./errors.js";
import { groupRows } from "./grouping.js";

/** A block left out of the analysis because one arm is absent from it. */
export interface DroppedBlock {
  /** the block code as given */
  block: number;
  /** the arm the block has (the other is missing) */
  arm: "treatment" | "control";
  persons: number;
  households: number;
}

export interface BlockArms {
  /** 1 for each row kept (its block has both arms), else 0 */
  keep: Uint8Array;
  /** the blocks left out, in order of block code */
  dropped: DroppedBlock[];
}

/**
 * The blocks that can contribute to a blocked comparison: those with at least one treated and one control
 * cluster. A block with one arm only says nothing about the effect within it: estimatr's difference_in_means
 * stops on it ("must have units with both treatment conditions within each block"), a regression with block
 * fixed effects drops it silently (its dummy absorbs it), and Lin's regression loses the rank of its
 * interaction. So effekt drops such blocks once, before every estimator, and says which and how many persons
 * (Gerber and Green 2012, sec. 4.5: blocks are separate experiments). The rows kept estimate the effect over the
 * blocks with both arms.
 */
export function blocksWithBothArms(z: ArrayLike<number>, blocks: ArrayLike<number>, clusters: ArrayLike<number>): BlockArms {
  const n = z.length;
  if (blocks.length !== n || clusters.length !== n) throw new EstimationError("bad_input", "treatment, blocks and clusters must have the same length");
  const g = groupRows(blocks);
  const keep = new Uint8Array(n);
  const dropped: DroppedBlock[] = [];
  for (let b = 0; b < g.nGroups; b++) {
    const rows = g.rows.subarray(g.offsets[b], g.offsets[b + 1]);
    let treated = 0;
    for (const i of rows) if (z[i] === 1) treated++;
    if (treated > 0 && treated < rows.length) {
      for (const i of rows) keep[i] = 1;
      continue;
    }
    const households = new Set<number>();
    for (const i of rows) households.add(clusters[i]);
    dropped.push({ block: g.codes[b], arm: treated > 0 ? "treatment" : "control", persons: rows.length, households: households.size });
  }
  dropped.sort((a, b) => a.block - b.block);
  return { keep, dropped };
}
