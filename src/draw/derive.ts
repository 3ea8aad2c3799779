import type { DrawDefinition } from "../schemas/manifest.js";
import { eligibility, type Eligibility } from "./eligibility.js";
import { drawWave, type WaveDraw } from "./wave.js";

/**
 * Everything a wave's definition determines, given its households: eligibility and the draw.
 * `draw` and `verify` both call this, so what verify re-derives is exactly what draw did.
 */
export function deriveWave(
  definition: DrawDefinition,
  households: { ids: readonly string[]; areas: readonly string[]; activeCases: ArrayLike<number>; strata: readonly string[] },
  alreadyDrawn: ReadonlySet<string>,
): { eligibility: Eligibility; draw: WaveDraw } {
  const elig = eligibility({
    householdIds: households.ids,
    areas: households.areas,
    activeCases: households.activeCases,
    selectedAreas: definition.areas,
    minCases: definition.min_cases,
    alreadyDrawn,
  });
  const draw = drawWave({
    householdIds: elig.eligible.map((i) => households.ids[i]),
    strata: elig.eligible.map((i) => households.strata[i]),
    wave: definition.wave,
    seed: definition.seed,
    treat: definition.treat,
    drawDate: definition.draw_date,
  });
  return { eligibility: elig, draw };
}
