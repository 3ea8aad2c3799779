import { lotteryRedraws } from "../draw/redraw.js";
import { simulatePower, type Diagnosis, type OutcomeModel, type SimulatedData, type SimulatedEstimate } from "../estimate/power_simulation.js";
import { blockKey, type Assignment } from "../draw/assignment.js";
import type { AnalysisData } from "./analysisData.js";
import { runEstimators } from "./estimators.js";

/**
 * `effekt power --simulate`: the design as it is, simulated. The lottery is the assignment's own (every wave x
 * stratum re-drawn with its number of places by the lottery's generator, `lotteryRedraws`, seed `${seed}/${s}`
 * for simulation s), households have their sizes (from persons.csv, or generated), the outcome follows
 * `OutcomeModel`, and each simulated dataset goes through the estimators `effekt estimate` runs
 * (`runEstimators`: the blocked difference in means, Lin's regression on the blocks and the baseline covariate,
 * and the CACE when take-up is below one), so power, bias, RMSE and coverage are those of the rows the effect
 * table will report.
 */
export interface DesignSimulationInput {
  assignment: Assignment;
  /** persons per household, by household id (households absent here have none and do not enter) */
  sizes: ReadonlyMap<string, number>;
  model: OutcomeModel;
  sims: number;
  seed: string;
  alpha: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DesignSummary {
  /** per wave: households with persons and the share of them treated */
  waves: { wave: number; households: number; shareTreated: number }[];
  persons: number;
  meanSize: number;
  sizeCv: number;
}

/** Waves, shares and household sizes of the design, for the analytic power beside the simulation. */
export function summariseDesign(assignment: Assignment, sizes: ReadonlyMap<string, number>): DesignSummary {
  const byWave = new Map<number, { households: number; treated: number }>();
  const s: number[] = [];
  for (const h of assignment.households) {
    const size = sizes.get(h.householdId) ?? 0;
    if (size < 1) continue;
    s.push(size);
    let w = byWave.get(h.wave);
    if (!w) byWave.set(h.wave, (w = { households: 0, treated: 0 }));
    w.households++;
    if (h.arm === "treatment") w.treated++;
  }
  const persons = s.reduce((a, b) => a + b, 0);
  const mean = persons / s.length;
  const sd = Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / s.length);
  return {
    waves: [...byWave.entries()].sort((a, b) => a[0] - b[0]).map(([wave, w]) => ({ wave, households: w.households, shareTreated: w.treated / w.households })),
    persons,
    meanSize: mean,
    sizeCv: sd / mean,
  };
}

export function simulateDesign(input: DesignSimulationInput): Diagnosis[] {
  const { assignment, sizes, model } = input;
  const redraws = lotteryRedraws(assignment.households, input.seed);
  const H = redraws.households.length;
  const blockCodes = new Map<string, number>();
  for (const key of [...new Set(assignment.households.map(blockKey))].sort()) blockCodes.set(key, blockCodes.size);
  const block = Int32Array.from(redraws.households, (id) => blockCodes.get(blockKey(assignment.byId.get(id)!))!);
  const size = Int32Array.from(redraws.households, (id) => sizes.get(id) ?? 0);
  const withCace = (model.takeup ?? 1) < 1;
  const estimate = (sim: SimulatedData): SimulatedEstimate[] => {
    const data: AnalysisData = {
      outcome: "simulated",
      y: sim.y,
      z: sim.z,
      blocks: sim.blocks,
      clusters: sim.clusters,
      clusterHouseholds: [],
      persons: new Int32Array(sim.y.length),
      covariates: (model.r2 ?? 0) > 0 ? [{ name: "baseline", values: sim.covariate }] : [],
      takeup: withCace ? sim.takeup : undefined,
      attrition: [],
      warnings: [],
    };
    const out = runEstimators(data, { alpha: input.alpha, role: "primary", allocation: "effekt" });
    return out.rows.map((r) => ({ estimator: r.estimator, estimand: r.estimand, estimate: r.estimate, std_error: r.std_error, ci_low: r.ci_low, ci_high: r.ci_high, p_value: r.p_value }));
  };
  return simulatePower({
    source: { nHouseholds: H, observed: redraws.observed, draw: redraws.draw },
    block,
    size,
    model,
    sims: input.sims,
    seed: input.seed,
    alpha: input.alpha,
    estimate,
    onProgress: input.onProgress,
  });
}
