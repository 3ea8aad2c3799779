/**
 * No command writes over a file effekt wrote for another command, even one it
 * knows nothing of (`indicators --out allocations.csv` overwrote the register: indicators reads no register), and
 * verify catches a plan lock whose history was cut or which was removed (exit 1), as it does for a wave.
 */
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effektAsync, filesUnder, ROOT, SAMPLES, tempDir } from "../helpers.js";

const A = (f: string) => join(ROOT, "analyses", f);

async function folder() {
  const d = tempDir();
  const ev = join(d, "ev");
  const reg = join(ev, "allocations.csv");
  const run = async (args: string[]) => {
    const r = await effektAsync(args);
    expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
  };
  await run(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01", "--register", reg, "--wave", "1", "--seed", "s", "--treat", "80"]);
  await run(["plan", "lock", "--plan", A("relationel-velfaerd.json"), "--register", reg]);
  const plan2 = join(d, "plan2.json");
  const p = JSON.parse(readFileSync(A("relationel-velfaerd.json"), "utf8"));
  p.alpha = 0.04;
  writeFileSync(plan2, JSON.stringify(p));
  await run(["plan", "lock", "--plan", plan2, "--register", reg, "--relock", "--reason", "alpha"]);
  await run(["estimate", "--register", reg, "--persons", join(SAMPLES, "persons.csv"), "--outcomes", join(SAMPLES, "outcomes.csv"), "--outcome", "employment", "--window", "first", "--permutations", "0", "--out", join(ev, "effects.csv")]);
  await run(["outcomes", "import", "--from", join(SAMPLES, "exports", "jobcenter-uger.csv"), "--spec", join(SAMPLES, "exports", "import-beskaeftigelse.json"), "--out", join(ev, "outcomes-employment.csv")]);
  await run(["report", "--audience", "sus", "--results", ev, "--format", "md", "--out", join(ev, "report")]);
  return { d, ev, reg };
}

const snapshot = (dir: string) => filesUnder(dir).map((f) => `${f} ${createHash("sha256").update(readFileSync(f)).digest("hex")}`).join("\n");

describe("no command writes over another command's files", () => {
  it("indicators, gains, outcomes import and estimate refuse every effekt file they do not write (exit 2, one line, nothing changed)", async () => {
    const { ev, reg } = await folder();
    const targets = [
      reg, join(ev, "allocations.csv.manifests", "wave-0001.json"), join(ev, "allocations.csv.manifests", "plan-lock.json"),
      join(ev, "allocations.csv.manifests", "new.csv"), join(ev, "allocations.csv.balance.csv"),
      join(ev, "effects.csv"), join(ev, "effects.csv.meta.json"), join(ev, "outcomes-employment.csv"), join(ev, "outcomes-employment.csv.manifest.json"),
      join(ev, "report", "report.md"), join(ev, "report", "new.csv"),
    ];
    const writers: [string, (out: string) => string[], string[]][] = [
      ["indicators", (out) => ["indicators", "--spec", A("lbf-uddannelse-og-livschancer.json"), "--values", join(SAMPLES, "indicator-values.csv"), "--out", out], []],
      ["gains", (out) => ["gains", "--model", A("gains-relationel-velfaerd.json"), "--assume", "employment=0.05", "--out", out], []],
      ["outcomes import", (out) => ["outcomes", "import", "--from", join(SAMPLES, "exports", "trivsel-survey.csv"), "--spec", join(SAMPLES, "exports", "import-trivsel.json"), "--out", out], [join(ev, "outcomes-employment.csv")]],
      ["estimate", (out) => ["estimate", "--register", reg, "--persons", join(SAMPLES, "persons.csv"), "--outcomes", join(SAMPLES, "outcomes.csv"), "--outcome", "employment", "--window", "first", "--permutations", "0", "--out", out], [join(ev, "effects.csv")]],
    ];
    const before = snapshot(ev);
    let refused = 0;
    for (const [name, args, own] of writers) {
      for (const t of targets) {
        if (own.includes(t)) continue;
        const r = await effektAsync(args(t));
        expect(r.code, `${name} --out ${t}: ${r.stderr}`).toBe(2);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
        refused++;
      }
    }
    expect(refused).toBe(42);
    expect(snapshot(ev)).toBe(before);
    // Each command still replaces its own earlier output.
    expect((await effektAsync(writers[3][1](join(ev, "effects.csv")))).code).toBe(0);
    expect((await effektAsync(["outcomes", "import", "--from", join(SAMPLES, "exports", "jobcenter-uger.csv"), "--spec", join(SAMPLES, "exports", "import-beskaeftigelse.json"), "--out", join(ev, "outcomes-employment.csv")])).code).toBe(0);
  }, 180_000);
});

describe("verify checks the plan lock", () => {
  it("passes with the lock's history; its history cut back or the lock file removed is a difference (exit 1)", async () => {
    const { ev, reg } = await folder();
    const lockFile = join(ev, "allocations.csv.manifests", "plan-lock.json");
    const ok = await effektAsync(["verify", "--register", reg]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("plan lock intact (2 locks)");
    const saved = join(ev, "..", "lock.json");
    copyFileSync(lockFile, saved);

    const lock = JSON.parse(readFileSync(lockFile, "utf8"));
    lock.previous = [];
    delete lock.previous_sha256;
    delete lock.reason;
    writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
    const cut = await effektAsync(["verify", "--register", reg]);
    expect(cut.code, cut.stderr).toBe(1);
    expect(cut.stderr).toMatch(/plan-lock\.json: .*(history|anchors)/);

    rmSync(lockFile);
    const gone = await effektAsync(["verify", "--register", reg]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/the plan lock is gone, but the register's commit record anchors 2 locks/);
    copyFileSync(saved, lockFile);
    expect((await effektAsync(["verify", "--register", reg])).code).toBe(0);
  }, 60_000);
});
