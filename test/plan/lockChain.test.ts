import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effektAsync, ROOT, SAMPLES, tempDir } from "../helpers.js";

/** The plan lock's history is hash-chained and anchored, so removing it after a relock is caught. */

async function relocked(): Promise<{ reg: string; lockPath: string }> {
  const d = tempDir();
  const reg = join(d, "allocations.csv");
  expect((await effektAsync(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01", "--register", reg, "--wave", "1", "--seed", "s1", "--treat", "80"])).code).toBe(0);
  const plan = join(ROOT, "analyses", "relationel-velfaerd.json");
  expect((await effektAsync(["plan", "lock", "--plan", plan, "--register", reg])).code).toBe(0);
  const changed = join(d, "plan-v2.json");
  const json = JSON.parse(readFileSync(plan, "utf8"));
  json.version = "2.0";
  writeFileSync(changed, JSON.stringify(json, null, 2));
  const r = await effektAsync(["plan", "lock", "--plan", changed, "--register", reg, "--relock", "--reason", "a new version"]);
  expect(r.code, r.stderr).toBe(0);
  return { reg, lockPath: join(`${reg}.manifests`, "plan-lock.json") };
}

describe("plan lock history", () => {
  it("an untouched lock with its history reads back", async () => {
    const { reg } = await relocked();
    const s = await effektAsync(["plan", "show", "--register", reg]);
    expect(s.code, s.stderr).toBe(0);
  });

  it("removing the history after a relock is refused", async () => {
    const { reg, lockPath } = await relocked();
    const lock = JSON.parse(readFileSync(lockPath, "utf8"));
    lock.previous = [];
    writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
    const s = await effektAsync(["plan", "show", "--register", reg]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/history/);
  });

  it("removing the history and rewriting the chain to match is still caught by the commit record's anchors", async () => {
    const { reg, lockPath } = await relocked();
    const lock = JSON.parse(readFileSync(lockPath, "utf8"));
    lock.previous = [];
    lock.previous_sha256 = null;
    delete lock.reason;
    writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
    const s = await effektAsync(["plan", "show", "--register", reg]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/history was removed|was edited/);
  });
});
