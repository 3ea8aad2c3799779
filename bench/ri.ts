/**
 * Randomisation inference: 10,000 lottery re-draws shared by 3 outcomes on 5,000 persons in 2,000 households
 * (target: at most 2 s wall).
 */
import { lotteryRedraws } from "../src/draw/redraw.js";
import { riPValues, type RiDataset } from "../src/estimate/ri_lottery.js";
import { REPS, median, seconds, type BenchRow } from "./common.js";
import { riBenchData } from "./ri_design.js";

export function benchRi(permutations = 10_000): BenchRow[] {
  const data = riBenchData();
  const times: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const t0 = performance.now();
    // the whole job as the CLI does it: prepare the re-draws, index persons by household and block, re-draw and count
    const redraws = lotteryRedraws(data.register, `bench-${r}`);
    const blockCodes = new Map<string, number>();
    const household = Int32Array.from(data.persons, (p) => redraws.indexOf.get(p.household)!);
    const blocks = Int32Array.from(data.persons, (p) => {
      if (!blockCodes.has(p.block)) blockCodes.set(p.block, blockCodes.size);
      return blockCodes.get(p.block)!;
    });
    const datasets: RiDataset[] = [0, 1, 2].map((j) => ({ y: Float64Array.from(data.persons, (p) => p.y[j]), household, blocks, clusters: household }));
    riPValues({ register: data.register, seed: `bench-${r}`, permutations, datasets, redraws });
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  return [{ figure: `RI: ${permutations.toLocaleString("en")} lottery re-draws, 3 outcomes, 5,000 persons / 2,000 households`, value: seconds(ms), target: "<= 2 s", met: ms <= 2000, ms }];
}
