import type { PlanRef } from "./index.js";
import type { LoadedPlan } from "../plan/load.js";
import { planStatus } from "../plan/lock.js";

/**
 * The plan's pre-registration status for the meta and the terminal: does the plan in use match the one
 * `effekt plan lock` recorded beside the register, and every deviation if not. An external allocation file has
 * no register to hold a lock, so its plan is "not locked".
 */
export function planLock(planFile: string, loaded: LoadedPlan, registerPath: string | undefined): PlanRef {
  const status = registerPath !== undefined ? planStatus(registerPath, loaded.plan, loaded.sha256) : { status: "not locked" as const, deviations: [] as string[], locked_sha256: undefined };
  return {
    file: planFile,
    id: loaded.plan.id,
    sha256: loaded.sha256,
    lock: status.status,
    locked_sha256: status.locked_sha256 ?? null,
    deviations: status.deviations,
  };
}
