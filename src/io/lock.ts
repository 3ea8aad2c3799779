import { linkSync, mkdirSync, readdirSync, readFileSync, rmdirSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";

/**
 * An exclusive lock on a register: `<register>.lock`, created with O_EXCL so exactly one process wins.
 * A lock left by a process that no longer runs on this machine (killed) is taken over; a live one refuses.
 */
export function acquireLock(registerPath: string, holder = tm("file_lock_busy_draw")): () => void {
  const lockPath = `${registerPath}.lock`;
  // A folder made here for a new register is removed again on release if nothing was written into it (a draw
  // refused for bad input leaves no empty output folder behind).
  const created = mkdirSync(dirname(lockPath), { recursive: true });
  // The lock appears complete or not at all: the holder is written to a temporary file first, then hard-linked
  // to the lock's name (link fails if the name exists, like O_EXCL). A process killed between creating the lock
  // and writing its pid into it would otherwise leave an empty lock that no later run could take over.
  const tmp = `${lockPath}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(tmp, `${process.pid}\n${hostname()}\n`);
  try {
    const release = takeLock(registerPath, lockPath, tmp, holder);
    removeStaleLockTemps(lockPath);
    return () => {
      release();
      if (created !== undefined) removeEmptyFolders(dirname(lockPath), created);
    };
  } finally {
    try { unlinkSync(tmp); } catch { /* already gone */ }
  }
}

/**
 * A process killed between writing its lock's temporary file and removing it leaves `<lock>.<pid>-<hex>.tmp`;
 * the holder of the lock removes those of processes on this machine that no longer run.
 */
function removeStaleLockTemps(lockPath: string): void {
  const dir = dirname(lockPath);
  const prefix = `${basename(lockPath)}.`;
  let names: string[];
  try { names = readdirSync(dir); } catch { return; }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(\d+)-[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!m || Number(m[1]) === process.pid) continue;
    const path = join(dir, name);
    const holder = readLockHolder(path); // empty if its writer was killed while writing it: the name's pid decides
    if ((holder === undefined || holder.host === hostname()) && !processAlive(Number(m[1]))) {
      try { unlinkSync(path); } catch { /* already gone */ }
    }
  }
}

function takeLock(registerPath: string, lockPath: string, tmp: string, busy: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      linkSync(tmp, lockPath);
      return () => {
        try { unlinkSync(lockPath); } catch { /* already released */ }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = readLockHolder(lockPath);
      if (holder && holder.host === hostname() && !processAlive(holder.pid)) {
        try { unlinkSync(lockPath); } catch { /* someone else took it over first */ }
        continue;
      }
      const who = holder ? tm("file_lock_process", { pid: holder.pid, host: holder.host }) : tm("file_lock_another_process");
      throw new UserError(tm("file_locked", { register: registerPath, who, lock: lockPath, busy }));
    }
  }
  throw new UserError(tm("file_lock_reappears", { register: registerPath, lock: lockPath }));
}

/** Removes `dir` and its parents up to and including `top` while they are empty. */
function removeEmptyFolders(dir: string, top: string): void {
  for (let d = resolve(dir); ; d = dirname(d)) {
    try { rmdirSync(d); } catch { return; } // not empty (the draw wrote into it), or already gone
    if (d === resolve(top) || dirname(d) === d) return;
  }
}

function readLockHolder(lockPath: string): { pid: number; host: string } | undefined {
  try {
    const [pid, host] = readFileSync(lockPath, "utf8").split("\n");
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 ? { pid: n, host: host ?? "" } : undefined;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
