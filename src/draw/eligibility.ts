/** The areas of Relationel Velfærd in Viborg: the default of `effekt draw --areas`. */
export const VIBORG_AREAS = ["Houlkær", "Ellekonebakken", "Karup Kølvrå"] as const;

export type ExclusionReason = "area_not_selected" | "too_few_cases" | "already_drawn";
export const EXCLUSION_REASONS: readonly ExclusionReason[] = ["area_not_selected", "too_few_cases", "already_drawn"];

export interface EligibilityInput {
  householdIds: readonly string[];
  areas: readonly string[];
  activeCases: ArrayLike<number>;
  selectedAreas: readonly string[];
  minCases: number;
  alreadyDrawn: ReadonlySet<string>;
}

export interface Eligibility {
  /** Row indices of the eligible households, in input order. */
  eligible: number[];
  /** Households excluded, by the first reason that applies, in the order the reasons are listed. */
  exclusions: Record<ExclusionReason, number>;
}

/**
 * A household is eligible when it lives in a selected area, has at least `minCases` active municipal cases
 * (two in Relationel Velfærd) and has not been drawn in an earlier wave. Each excluded household is counted
 * once, under the first reason that applies.
 */
export function eligibility(input: EligibilityInput): Eligibility {
  const selected = new Set(input.selectedAreas.map((a) => a.normalize("NFC")));
  const exclusions: Record<ExclusionReason, number> = { area_not_selected: 0, too_few_cases: 0, already_drawn: 0 };
  const eligible: number[] = [];
  const inSelected = new Map<string, boolean>(); // normalise each distinct area name once, not once per household
  for (let i = 0; i < input.householdIds.length; i++) {
    const area = input.areas[i];
    let ok = inSelected.get(area);
    if (ok === undefined) inSelected.set(area, (ok = selected.has(area.normalize("NFC"))));
    if (!ok) exclusions.area_not_selected++;
    else if (input.activeCases[i] < input.minCases) exclusions.too_few_cases++;
    else if (input.alreadyDrawn.has(input.householdIds[i])) exclusions.already_drawn++;
    else eligible.push(i);
  }
  return { eligible, exclusions };
}

/**
 * `eligibility`'s counts per area in one pass (no list of eligible rows): households, eligible and excluded by
 * reason, by the same rules, for the terminal's table of eligibility by area.
 */
export function eligibilityByArea(input: EligibilityInput): Map<string, { households: number; eligible: number; exclusions: Record<ExclusionReason, number> }> {
  const selected = new Set(input.selectedAreas.map((a) => a.normalize("NFC")));
  const out = new Map<string, { households: number; eligible: number; exclusions: Record<ExclusionReason, number>; ok: boolean }>();
  for (let i = 0; i < input.householdIds.length; i++) {
    const area = input.areas[i];
    let a = out.get(area);
    if (!a) out.set(area, (a = { households: 0, eligible: 0, exclusions: { area_not_selected: 0, too_few_cases: 0, already_drawn: 0 }, ok: selected.has(area.normalize("NFC")) }));
    a.households++;
    if (!a.ok) a.exclusions.area_not_selected++;
    else if (input.activeCases[i] < input.minCases) a.exclusions.too_few_cases++;
    else if (input.alreadyDrawn.has(input.householdIds[i])) a.exclusions.already_drawn++;
    else a.eligible++;
  }
  return new Map([...out].map(([k, { households, eligible, exclusions }]) => [k, { households, eligible, exclusions }]));
}

/**
 * Active cases per household on a date from a case list: opened on or before the date, and not closed
 * (empty closing date) or closed after it. Households without cases get 0.
 */
export function activeCasesOn(
  householdIds: readonly string[],
  caseHouseholds: readonly string[],
  opened: ArrayLike<number>,
  closed: ArrayLike<number>,
  day: number,
): Int32Array {
  const index = new Map<string, number>();
  householdIds.forEach((id, i) => index.set(id, i));
  const counts = new Int32Array(householdIds.length);
  for (let c = 0; c < caseHouseholds.length; c++) {
    const i = index.get(caseHouseholds[c]);
    if (i === undefined) continue;
    if (opened[c] <= day && (Number.isNaN(closed[c]) || closed[c] > day)) counts[i]++;
  }
  return counts;
}
