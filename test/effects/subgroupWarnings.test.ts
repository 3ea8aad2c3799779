import { describe, expect, it } from "vitest";
import { summariseSubgroupNotEstimated, type SubgroupNotEstimated } from "../../src/effects/index.js";

const item = (outcome: string, horizon: number | undefined, level: string, estimator: SubgroupNotEstimated["estimator"], reason: string): SubgroupNotEstimated =>
  ({ outcome, horizon, subgroup: "benefit-type", level, estimator, reason, warning: `${outcome} ... ${reason}` });

describe("summariseSubgroupNotEstimated", () => {
  it("one line per subgroup level, listing outcome x horizon with its estimators, block reasons in words", () => {
    const lines = summariseSubgroupNotEstimated([
      item("employment", 1, "a-dagpenge", "difference_in_means", "block 2: must have units with both treatment conditions"),
      item("employment", 1, "a-dagpenge", "lm_lin", "the design is rank deficient: column z:block2_c is (nearly) collinear with earlier columns"),
      item("employment", 1, "selvforsørgende", "difference_in_means", "block 2: every block must have at least two treated and two control units (or be a matched pair)"),
      item("wellbeing", 3, "a-dagpenge", "difference_in_means", "all blocks must have multiple units (or clusters)"),
      item("wellbeing", undefined, "a-dagpenge", "cace_ratio", "the outcome is constant"),
    ]);
    expect(lines).toEqual([
      "subgroup benefit-type = a-dagpenge: 4 rows not estimated (employment year 1: difference_in_means, lm_lin; wellbeing year 3: difference_in_means; wellbeing: cace_ratio): a wave x stratum block of the draw has too few treated or control households in this subgroup; the outcome is constant; the rows are left empty (each reason in the meta's warnings)",
      "subgroup benefit-type = selvforsørgende: 1 row not estimated (employment year 1: difference_in_means): a wave x stratum block of the draw has too few treated or control households in this subgroup; the row is left empty (each reason in the meta's warnings)",
    ]);
  });

  it("nothing to summarise: no lines", () => {
    expect(summariseSubgroupNotEstimated([])).toEqual([]);
  });
});
