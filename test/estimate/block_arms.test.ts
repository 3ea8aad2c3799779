import { describe, it, expect } from "vitest";
import { blocksWithBothArms } from "../../src/estimate/block_arms.js";
import { differenceInMeans } from "../../src/estimate/difference_in_means.js";
import { expectClose, expectMatchesR, loadFixture } from "./helpers.js";

const fx = loadFixture("small_blocks");

function rows<T>(v: readonly T[], keep: Uint8Array): T[] {
  return v.filter((_, i) => keep[i] === 1);
}

describe("blocks without both arms are dropped, with a record of which", () => {
  it("drops the all-control block and counts its persons and households", () => {
    const d = fx.data;
    const r = blocksWithBothArms(d.z, d.block, d.hh);
    const persons = d.block.filter((b: number) => b === 5).length;
    const households = new Set(d.hh.filter((_: number, i: number) => d.block[i] === 5)).size;
    expect(r.dropped).toEqual([{ block: 5, arm: "control", persons, households }]);
    expect(r.keep.reduce((a, b) => a + b, 0)).toBe(d.y.length - persons);
  });
});

describe("small blocks (one treated or one control household): the matched-pairs variance", () => {
  it("a block with one treated household of several persons, beside larger blocks: recomputed in R", () => {
    const d = fx.data;
    const { keep } = blocksWithBothArms(d.z, d.block, d.hh);
    const r = differenceInMeans(rows(d.y, keep), rows(d.z, keep), { blocks: rows(d.block, keep), clusters: rows(d.hh, keep) });
    expect(r.design).toBe("Matched-pair clustered");
    expectClose(r.estimate, fx.kept.estimate[0], 1e-10, 1e-300, "estimate");
    expectClose(r.std_error, fx.kept.std_error[0], 1e-10, 1e-300, "se");
    expect(r.df).toBe(fx.kept.df[0]);
    expect(r.notes.join(" ")).toMatch(/2 of 4 blocks \(2, 4\) have a single treated or control cluster/);
  });
  it("equals estimatr when the small blocks are pairs of households", () => {
    const p = fx.pairs_only;
    const r = differenceInMeans(p.y, p.z, { blocks: p.block, clusters: p.hh });
    expectMatchesR(r, fx.estimatr_pairs, 0, 1e-8, "pairs");
    expectClose(r.std_error, fx.recomputed_pairs.std_error[0], 1e-10, 1e-300, "recomputed");
  });
  it("without small blocks, the blocked CR2 estimate as before", () => {
    const d = fx.data;
    const keep = Uint8Array.from(d.block, (b: number) => (b === 1 || b === 3 ? 1 : 0));
    const r = differenceInMeans(rows(d.y, keep), rows(d.z, keep), { blocks: rows(d.block, keep), clusters: rows(d.hh, keep) });
    expect(r.design).toBe("Block-clustered");
    expectMatchesR(r, fx.large, 0, 1e-8, "large");
  });
});
