import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { UserError } from "../errors.js";
import { writeFileAtomic } from "../io/atomic.js";
import { acquireLock } from "../io/lock.js";
import { commitEntryOf, commitLogPath, commitLogText, committedManifests, manifestDir, readCommitLog, readManifests, readPlanLockAnchors, readRegister, registerHash } from "../io/register.js";
import { sha256 } from "../io/hash.js";
import { canonicalJson } from "../schemas/manifest.js";
import { analysisPlanSchema, type AnalysisPlan } from "../schemas/analysisPlan.js";
import { issueText, schemaText } from "../schemas/indicatorSpec.js";
import { VERSION } from "../version.js";
import { parseDay } from "../days.js";
import { planDeviations } from "./deviations.js";
import { tm } from "../i18n/messageLang.js";
import { shown, stored } from "../i18n/storedText.js";
import { t } from "../i18n/catalogue.js";
import { planFromJson, type LoadedPlan } from "./load.js";

/**
 * Pre-registration: `effekt plan lock` writes `<register>.manifests/plan-lock.json`, recording the analysis plan (and
 * its hash) beside the register before any outcome is read. `estimate --plan` then reports whether the plan in use
 * matches the locked one and lists every deviation. A locked plan can only be replaced with `--relock --reason`,
 * which keeps the old plan in `previous`, so a change of plan after the lock stays visible.
 * Contract documented in `data-schemas/plan-lock.md`.
 */

export const PLAN_LOCK_FORMAT = "effekt-plan-lock/1";
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, schemaText("est_zod_sha256"));

/** One locked state: the plan, its hash, and the register it was locked against. */
const lockEntrySchema = z
  .object({
    plan_id: z.string(),
    plan_sha256: hex64,
    plan: z.unknown(),
    register_sha256: hex64,
    waves_at_lock: z.array(z.number().int().positive()),
    locked_on: z.string().optional(),
    reason: z.string().optional(),
    /** SHA-256 of the canonical JSON of the entry before (null for the first lock): the history is a hash chain. */
    previous_sha256: hex64.nullable().optional(),
  })
  .strict();
type LockEntry = z.infer<typeof lockEntrySchema>;

export const planLockSchema = lockEntrySchema
  .extend({
    format: z.literal(PLAN_LOCK_FORMAT),
    effekt_version: z.string(),
    previous: z.array(lockEntrySchema),
  })
  .strict();
export type PlanLock = Omit<z.infer<typeof planLockSchema>, "plan"> & { plan: AnalysisPlan };

export function planLockPath(registerPath: string): string {
  return join(manifestDir(registerPath), "plan-lock.json");
}

/** The register's lock, or undefined when no plan is locked. A damaged lock file is an error, never "not locked". */
export function readPlanLock(registerPath: string): PlanLock | undefined {
  const path = planLockPath(registerPath);
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new UserError(tm("est_lock_not_json", { path }));
  }
  const r = planLockSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new UserError(tm("est_lock_field", { path, field: issue.path.join(".") || tm("res_zod_top_level"), message: issueText(issue) }));
  }
  checkLockHistory(registerPath, path, r.data);
  const locked = planFromJson(r.data.plan, tm("est_lock_plan_source", { path }));
  if (locked.sha256 !== r.data.plan_sha256) {
    throw new UserError(tm("est_lock_hash_edited", { path, actual: locked.sha256.slice(0, 12), recorded: r.data.plan_sha256.slice(0, 12) }));
  }
  return { ...r.data, plan: locked.plan };
}

export interface LockRequest {
  registerPath: string;
  loaded: LoadedPlan;
  /** Recorded as `locked_on` when given (no wall-clock time otherwise, so the lock is byte-reproducible). */
  date?: string;
  relock?: boolean;
  reason?: string;
}

export interface LockOutcome {
  /** "locked": first lock; "unchanged": the same plan was already locked (nothing written); "relocked". */
  action: "locked" | "unchanged" | "relocked";
  lock: PlanLock;
  path: string;
  /** For a relock: how the new plan differs from the one it replaces. */
  deviations: string[];
}

/**
 * Locks `loaded` into the register. Takes the register's lock (as draw does), refuses a register that does not match
 * its manifests, and writes the lock file atomically.
 */
export function lockPlan(req: LockRequest): LockOutcome {
  const { registerPath, loaded } = req;
  if (req.date !== undefined && Number.isNaN(parseDay(req.date))) {
    throw new UserError(tm("est_lock_bad_date", { value: JSON.stringify(req.date) }));
  }
  if (req.reason !== undefined && req.reason.trim() === "") throw new UserError(tm("est_lock_empty_reason"));
  if (!existsSync(registerPath)) {
    throw new UserError(tm("est_lock_no_register", { file: registerPath }));
  }
  const release = acquireLock(registerPath);
  try {
    const rows = readRegister(registerPath);
    const { committed } = committedManifests(rows, readManifests(registerPath));
    const current = registerHash(rows);
    const lastWave = Math.max(0, ...committed.keys());
    const expected = lastWave === 0 ? registerHash([]) : committed.get(lastWave)!.manifest.register_sha256_after;
    if (current !== expected) {
      throw new UserError(tm("est_lock_register_changed", { file: registerPath, wave: lastWave }));
    }
    const path = planLockPath(registerPath);
    const existing = readPlanLock(registerPath);
    if (existing && existing.plan_sha256 === loaded.sha256) {
      return { action: "unchanged", lock: existing, path, deviations: [] };
    }
    if (existing && !req.relock) {
      const deviations = planDeviations(existing.plan, loaded.plan);
      throw new UserError(tm("est_lock_differs", { file: registerPath, id: existing.plan_id, sha: existing.plan_sha256.slice(0, 12), deviations: deviations.map(shown).join("; ") }));
    }
    if (!existing && req.relock) throw new UserError(tm("est_relock_nothing", { file: registerPath }));
    if (req.relock && req.reason === undefined) throw new UserError(tm("est_relock_needs_reason"));

    const entry: LockEntry = {
      plan_id: loaded.plan.id,
      plan_sha256: loaded.sha256,
      plan: JSON.parse(loaded.canonical) as unknown,
      register_sha256: current,
      waves_at_lock: [...new Set(rows.map((r) => r.wave))].sort((a, b) => a - b),
      locked_on: req.date,
      reason: existing ? req.reason : undefined,
      previous_sha256: existing ? lockEntryHash(entryOf(existing)) : null,
    };
    const previous = existing ? [...existing.previous, entryOf(existing)] : [];
    const file = { format: PLAN_LOCK_FORMAT, effekt_version: VERSION, ...withoutUndefined(entry), previous };
    // The commit record anchors every lock entry (after the lock file is written: a lock killed in between is
    // anchored by the next lock, as the record is rebuilt from the chain).
    const entries = [...previous, entry].map((e) => lockEntryHash(e as Record<string, unknown>));
    writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`);
    writeFileAtomic(commitLogPath(registerPath), commitLogText(readCommitLog(registerPath).size > 0 ? readCommitLog(registerPath).values() : [...committed.values()].map(commitEntryOf), entries));
    return {
      action: existing ? "relocked" : "locked",
      lock: { ...(file as unknown as z.infer<typeof planLockSchema>), plan: loaded.plan },
      path,
      deviations: existing ? planDeviations(existing.plan, loaded.plan) : [],
    };
  } finally {
    release();
  }
}

/** The fields of a lock entry (the lock file's top level holds the current one), as hashed in the chain. */
function entryFields(o: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(lockEntrySchema.shape);
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => keys.includes(k) && v !== undefined));
}

/** SHA-256 of an entry's canonical JSON: what the next entry's `previous_sha256` and the commit record hold. */
export function lockEntryHash(entry: Record<string, unknown>): string {
  return sha256(canonicalJson(entryFields(entry)));
}

/**
 * The lock's history is a hash chain (each entry names the hash of the one before) anchored in the register's
 * commit record: a removed or edited earlier entry, or a history cut back, is refused as an edited lock.
 */
function checkLockHistory(registerPath: string, path: string, lock: z.infer<typeof planLockSchema>): void {
  const entries: Record<string, unknown>[] = [...lock.previous, lock];
  const chained = entries.some((e) => e.previous_sha256 !== undefined);
  if (chained) {
    entries.forEach((e, k) => {
      const expected = k === 0 ? null : lockEntryHash(entries[k - 1]);
      if ((e.previous_sha256 ?? null) !== expected) {
        throw new UserError(tm("est_lock_chain_broken", { path, k: k + 1, n: entries.length }));
      }
    });
  }
  const anchors = readPlanLockAnchors(registerPath);
  if (anchors.length > entries.length) {
    throw new UserError(tm("est_lock_history_removed", { path, anchors: anchors.length, n: entries.length }));
  }
  anchors.forEach((h, k) => {
    if (lockEntryHash(entries[k]) !== h) throw new UserError(tm("est_lock_anchor_differs", { path, k: k + 1 }));
  });
}

/** The entry of a lock as it goes into `previous` (the plan in its canonical form). */
function entryOf(lock: PlanLock): LockEntry {
  const { plan_id, plan_sha256, register_sha256, waves_at_lock, locked_on, reason, previous_sha256 } = lock;
  const plan = JSON.parse(planFromJson(lock.plan, "locked plan").canonical) as unknown;
  return withoutUndefined({ plan_id, plan_sha256, plan, register_sha256, waves_at_lock, locked_on, reason, previous_sha256 });
}

function withoutUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export interface PlanStatus {
  /** "matches": the plan in use is the locked one; "deviates": it differs; "not locked": the register has no lock. */
  status: "matches" | "deviates" | "not locked";
  locked_sha256?: string;
  locked_plan_id?: string;
  locked_on?: string;
  /** How many times the plan was replaced after its first lock (`--relock`). */
  relocks: number;
  /** Waves in the register when the plan was locked; waves drawn later were drawn after the lock. */
  waves_at_lock?: number[];
  /**
   * Whether the register's first `waves_at_lock` waves still hash to what the lock recorded: "differs" means the lock
   * was made on another register or the register was changed since (run `effekt verify`).
   */
  register_at_lock?: "consistent" | "differs";
  /** Every difference from the locked plan, by JSON path (empty unless "deviates"). */
  deviations: string[];
}

/** Does the register, cut back to the waves it held at lock time, still hash to what the lock recorded? */
function registerAtLock(registerPath: string, lock: PlanLock): "consistent" | "differs" {
  const atLock = new Set(lock.waves_at_lock);
  const rows = existsSync(registerPath) ? readRegister(registerPath).filter((r) => atLock.has(r.wave)) : [];
  return registerHash(rows) === lock.register_sha256 ? "consistent" : "differs";
}

/** For `estimate --plan`: does the plan in use (with hash `sha256`) match the one locked in the register? */
export function planStatus(registerPath: string, plan: AnalysisPlan, sha256: string): PlanStatus {
  const lock = readPlanLock(registerPath);
  if (!lock) return { status: "not locked", relocks: 0, deviations: [] };
  const base = {
    locked_sha256: lock.plan_sha256,
    locked_plan_id: lock.plan_id,
    ...(lock.locked_on !== undefined ? { locked_on: lock.locked_on } : {}),
    relocks: lock.previous.length,
    waves_at_lock: lock.waves_at_lock,
    register_at_lock: registerAtLock(registerPath, lock),
  };
  if (lock.plan_sha256 === sha256) return { status: "matches", ...base, deviations: [] };
  const deviations = planDeviations(lock.plan, plan);
  // Same meaning but a different hash cannot happen for validated plans; say so rather than print an empty list.
  return { status: "deviates", ...base, deviations: deviations.length > 0 ? deviations : [stored((lang) => t(lang, "est_dev_unnamed"))] };
}
