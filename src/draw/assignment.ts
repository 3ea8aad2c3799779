import type { Arm } from "./wave.js";

/**
 * Who was assigned to what: the households of the lottery, each with its arm, block (wave x stratum), probability
 * of treatment and draw date. Built from effekt's own register or from an allocation file made by another tool;
 * the estimators see only this, so both paths give the same numbers for the same assignment.
 */
export interface AssignedHousehold {
  householdId: string;
  wave: number;
  stratum: string;
  arm: Arm;
  pTreatment: number;
  /** YYYY-MM-DD, or "" when unknown (quick mode does not need it) */
  drawDate: string;
}

export type AllocationSource = "effekt" | "external";

export interface Assignment {
  source: AllocationSource;
  /** effekt's register that passed the same checks as `effekt verify` (false: labelled "not verified by effekt") */
  verified?: boolean;
  households: readonly AssignedHousehold[];
  byId: ReadonlyMap<string, AssignedHousehold>;
}

/** The `allocation` column of the effect table. */
export function allocationLabel(source: AllocationSource, verified = source === "effekt"): string {
  return source === "effekt" && verified ? "effekt" : "not verified by effekt";
}

export function makeAssignment(source: AllocationSource, households: readonly AssignedHousehold[]): Assignment {
  return { source, households, byId: new Map(households.map((h) => [h.householdId, h])) };
}

/** The block key of a household: estimates are blocked by wave x stratum (the draw's strata). */
export function blockKey(h: AssignedHousehold): string {
  return `${h.wave}\u0000${h.stratum}`;
}
