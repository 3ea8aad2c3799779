import type { DrawDefinition } from "../schemas/manifest.js";
import { eligibility, type Eligibility } from "./eligibility.js";
import { drawWaveColumns, type WaveColumns } from "./wave.js";

/**
 * Everything a wave's definition determines, given its households: eligibility and the draw (`drawWaveColumns`),
 * with each drawn household's row in the households file (`positions` refer to rows of `households`, not to the
 * eligible list). `draw` and `verify` both call this (through `buildWave`), so what verify re-derives is exactly
 * what draw did.
 */
export function deriveWaveColumns(
  definition: DrawDefinition,
  households: { ids: readonly string[]; areas: readonly string[]; activeCases: ArrayLike<number>; strata: readonly string[] },
  alreadyDrawn: ReadonlySet<string>,
): { eligibility: Eligibility; draw: WaveColumns } {
  const elig = eligibility({
    householdIds: households.ids,
    areas: households.areas,
    activeCases: households.activeCases,
    selectedAreas: definition.areas,
    minCases: definition.min_cases,
    alreadyDrawn,
  });
  const n = elig.eligible.length;
  const ids = new Array<string>(n);
  const strata = new Array<string>(n);
  for (let k = 0; k < n; k++) {
    ids[k] = households.ids[elig.eligible[k]];
    strata[k] = households.strata[elig.eligible[k]];
  }
  const draw = drawWaveColumns({ householdIds: ids, strata, wave: definition.wave, seed: definition.seed, treat: definition.treat });
  for (const positions of draw.positions) for (let r = 0; r < positions.length; r++) positions[r] = elig.eligible[positions[r]];
  return { eligibility: elig, draw };
}
