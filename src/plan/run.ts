import { UserError } from "../errors.js";
import { guardOutputs, requireInputFile } from "../io/outputGuard.js";
import { loadPlan } from "./load.js";
import { lockPlan, planLockPath, planStatus, readPlanLock } from "./lock.js";

export interface PlanLockOptions {
  plan: string;
  register: string;
  date?: string;
  relock?: boolean;
  reason?: string;
}

export interface PlanShowOptions {
  register: string;
  plan?: string;
  format?: string;
}

/** `effekt plan lock`; returns the lines to print. */
export function runPlanLock(opts: PlanLockOptions): string[] {
  if (opts.reason !== undefined && !opts.relock) throw new UserError("--reason goes with --relock");
  requireInputFile(opts.plan, "--plan");
  guardOutputs([{ path: planLockPath(opts.register), flag: "the plan lock", kind: "file", replaces: ["manifests"] }], [{ path: opts.plan, what: "--plan" }, { path: opts.register, what: "the register" }]);
  const loaded = loadPlan(opts.plan);
  const r = lockPlan({ registerPath: opts.register, loaded, date: opts.date, relock: opts.relock, reason: opts.reason });
  const id = `"${loaded.plan.id}" version ${loaded.plan.version} (sha256 ${loaded.sha256})`;
  const waves = r.lock.waves_at_lock.length > 0 ? `waves ${r.lock.waves_at_lock.join(", ")}` : "no waves";
  switch (r.action) {
    case "unchanged":
      return [`plan ${id} is already locked for ${opts.register}; nothing changed (${r.path})`];
    case "locked":
      return [`locked plan ${id} for ${opts.register} (${waves} drawn): ${r.path}`];
    case "relocked":
      return [
        `relocked: plan ${id} replaces sha256 ${r.lock.previous[r.lock.previous.length - 1].plan_sha256} (${waves} drawn; reason: ${opts.reason}); the replaced plan is kept in ${r.path}`,
        ...r.deviations.map((d) => `  changed: ${d}`),
      ];
  }
}

/** `effekt plan show`; returns the lines to print. */
export function runPlanShow(opts: PlanShowOptions): string[] {
  const format = opts.format ?? "text";
  if (format !== "text" && format !== "json") throw new UserError(`--format "${format}" is not text or json`);
  const lock = readPlanLock(opts.register);
  if (opts.plan !== undefined) {
    const loaded = loadPlan(opts.plan);
    const status = planStatus(opts.register, loaded.plan, loaded.sha256);
    if (format === "json") return [JSON.stringify({ plan_sha256: loaded.sha256, ...status }, null, 2)];
    const head =
      status.status === "not locked"
        ? `no plan is locked for ${opts.register}`
        : status.status === "matches"
          ? `plan "${loaded.plan.id}" matches the plan locked for ${opts.register} (sha256 ${loaded.sha256})`
          : `plan "${loaded.plan.id}" (sha256 ${loaded.sha256}) DEVIATES from the plan locked for ${opts.register} (sha256 ${status.locked_sha256}):`;
    const lines = [head, ...status.deviations.map((d) => `  ${d}`)];
    if (status.register_at_lock === "differs") lines.push(`  warning: the register's waves ${status.waves_at_lock!.join(", ")} no longer hash to what the lock recorded (run effekt verify)`);
    return lines;
  }
  if (!lock) return format === "json" ? ["null"] : [`no plan is locked for ${opts.register} (${planLockPath(opts.register)} does not exist)`];
  if (format === "json") return [JSON.stringify(lock, null, 2)];
  const lines = [
    `plan "${lock.plan_id}": ${lock.plan.title}, version ${lock.plan.version}`,
    `  sha256: ${lock.plan_sha256}`,
    `  locked${lock.locked_on ? ` on ${lock.locked_on}` : ""} when the register held ${lock.waves_at_lock.length > 0 ? `waves ${lock.waves_at_lock.join(", ")}` : "no waves"} (register sha256 ${lock.register_sha256})`,
    `  outcomes: ${lock.plan.outcomes.map((o) => `${o.name} (${o.role}, years ${o.horizons.join(", ")})`).join("; ")}`,
    `  file: ${planLockPath(opts.register)}`,
  ];
  const atLock = planStatus(opts.register, lock.plan, lock.plan_sha256).register_at_lock;
  lines.push(atLock === "consistent" ? `  the register's waves at lock time are unchanged since the lock` : `  WARNING: the register's waves at lock time no longer hash to what the lock recorded (another register, or changed since; run effekt verify)`);
  if (lock.reason !== undefined) lines.push(`  relocked because: ${lock.reason}`);
  lock.previous.forEach((p, i) => {
    lines.push(`  earlier lock ${i + 1}: plan "${p.plan_id}" sha256 ${p.plan_sha256}${p.locked_on ? `, locked on ${p.locked_on}` : ""}, waves ${p.waves_at_lock.join(", ") || "none"}${p.reason ? `, reason for that relock: ${p.reason}` : ""}`);
  });
  return lines;
}
