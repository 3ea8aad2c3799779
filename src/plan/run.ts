import { UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import { shown } from "../i18n/storedText.js";
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
  if (opts.reason !== undefined && !opts.relock) throw new UserError(tm("est_reason_without_relock"));
  requireInputFile(opts.plan, "--plan");
  guardOutputs([{ path: planLockPath(opts.register), flag: "the plan lock", kind: "file", replaces: ["manifests"] }], [{ path: opts.plan, what: "--plan" }, { path: opts.register, what: "the register" }]);
  const loaded = loadPlan(opts.plan);
  const r = lockPlan({ registerPath: opts.register, loaded, date: opts.date, relock: opts.relock, reason: opts.reason });
  const plan = tm("est_lock_plan_id", { id: loaded.plan.id, version: loaded.plan.version, sha: loaded.sha256 });
  const waves = wavesText(r.lock.waves_at_lock);
  const register = opts.register;
  switch (r.action) {
    case "unchanged":
      return [tm("est_lock_unchanged", { plan, register, path: r.path })];
    case "locked":
      return [tm("est_lock_locked", { plan, register, waves, path: r.path })];
    case "relocked":
      return [
        tm("est_lock_relocked", { plan, previous: r.lock.previous[r.lock.previous.length - 1].plan_sha256, waves, reason: String(opts.reason), path: r.path }),
        ...r.deviations.map((d) => `  ${tm("est_lock_changed", { deviation: shown(d) })}`),
      ];
  }
}

/** "waves 1, 2" or "no waves", in the run's language. */
function wavesText(waves: readonly number[]): string {
  return waves.length > 0 ? tm("est_lock_waves", { waves: waves.join(", ") }) : tm("draw_no_waves");
}

/** `effekt plan show`; returns the lines to print. */
export function runPlanShow(opts: PlanShowOptions): string[] {
  const format = opts.format ?? "text";
  if (format !== "text" && format !== "json") throw new UserError(tm("est_show_bad_format", { format }));
  const lock = readPlanLock(opts.register);
  if (opts.plan !== undefined) {
    const loaded = loadPlan(opts.plan);
    const status = planStatus(opts.register, loaded.plan, loaded.sha256);
    if (format === "json") return [JSON.stringify({ plan_sha256: loaded.sha256, ...status }, null, 2)];
    const register = opts.register;
    const head =
      status.status === "not locked"
        ? tm("est_show_not_locked", { register })
        : status.status === "matches"
          ? tm("est_show_matches", { id: loaded.plan.id, register, sha: loaded.sha256 })
          : tm("est_show_deviates", { id: loaded.plan.id, sha: loaded.sha256, register, locked: String(status.locked_sha256) });
    const lines = [head, ...status.deviations.map((d) => `  ${shown(d)}`)];
    if (status.register_at_lock === "differs") lines.push(`  ${tm("est_show_register_differs", { waves: status.waves_at_lock!.join(", ") })}`);
    return lines;
  }
  if (!lock) return format === "json" ? ["null"] : [tm("est_show_no_lock_file", { register: opts.register, path: planLockPath(opts.register) })];
  if (format === "json") return [JSON.stringify(lock, null, 2)];
  const outcomes = lock.plan.outcomes.map((o) => tm("est_show_outcome", { name: o.name, role: tm(o.role === "primary" ? "role_primary" : "role_secondary"), years: o.horizons.join(", ") })).join("; ");
  const lines = [
    tm("est_show_head", { id: lock.plan_id, title: lock.plan.title, version: lock.plan.version }),
    `  sha256: ${lock.plan_sha256}`,
    `  ${tm("est_show_locked", { on: lock.locked_on ? tm("est_show_on", { date: lock.locked_on }) : "", waves: wavesText(lock.waves_at_lock), sha: lock.register_sha256 })}`,
    `  ${tm("est_show_outcomes", { list: outcomes })}`,
    `  ${tm("est_show_file", { path: planLockPath(opts.register) })}`,
  ];
  const atLock = planStatus(opts.register, lock.plan, lock.plan_sha256).register_at_lock;
  lines.push(`  ${tm(atLock === "consistent" ? "est_show_consistent" : "est_show_inconsistent")}`);
  if (lock.reason !== undefined) lines.push(`  ${tm("est_show_relocked_because", { reason: lock.reason })}`);
  lock.previous.forEach((p, i) => {
    const on = p.locked_on ? tm("est_show_earlier_on", { date: p.locked_on }) : "";
    const reason = p.reason ? tm("est_show_earlier_reason", { reason: p.reason }) : "";
    lines.push(`  ${tm("est_show_earlier", { n: i + 1, id: p.plan_id, sha: p.plan_sha256, on, waves: p.waves_at_lock.join(", ") || tm("mf_none"), reason })}`);
  });
  return lines;
}
