import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { effekt, filesUnder, ROOT, SAMPLES, tempDir } from "../helpers.js";
import { resolveStored, storedPath } from "../../src/io/waveFiles.js";

const H = join(SAMPLES, "households.csv");
const C = join(SAMPLES, "cases.csv");
const SIM = pathToFileURL(join(ROOT, "test", "io", "lockedFileSim.mjs")).href;

/** Runs the CLI with `locked` held open as Excel holds it on Windows (see lockedFileSim.mjs). */
function effektWithLocked(args: string[], locked: string) {
  const r = spawnSync(process.execPath, ["--import", SIM, join(ROOT, "bin", "effekt"), ...args], {
    cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", EFFEKT_TEST_LOCKED: locked },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const drawArgs = (register: string, wave: number) => [
  "draw", "--households", H, "--cases", C, "--date", wave === 1 ? "2025-03-01" : "2025-09-01",
  "--register", register, "--wave", String(wave), "--seed", `s${wave}`, "--treat", "40",
];
const snapshot = (dir: string) => new Map(filesUnder(dir).map((f) => [f, readFileSync(f).toString("base64")]));

describe("Windows: paths", () => {
  it("stores input paths relative to the register with / under Windows rules (drive letters, backslashes)", () => {
    const w = path.win32;
    expect(storedPath("C:\\evaluering\\allocations.csv", "C:\\evaluering\\data\\husstande.csv", w)).toBe("data/husstande.csv");
    expect(storedPath("C:\\evaluering\\out\\allocations.csv", "C:\\evaluering\\Husstande 2025.csv", w)).toBe("../Husstande 2025.csv");
    expect(storedPath("c:\\Evaluering\\allocations.csv", "C:\\evaluering\\h.csv", w)).toBe("h.csv");
    // Another drive has no relative path: stored absolute, with forward slashes.
    expect(storedPath("C:\\evaluering\\allocations.csv", "D:\\eksport\\h.csv", w)).toBe("D:/eksport/h.csv");
    expect(resolveStored("C:\\evaluering\\allocations.csv", "data/husstande.csv", w)).toBe("C:\\evaluering\\data\\husstande.csv");
    expect(resolveStored("C:\\evaluering\\out\\allocations.csv", "../h.csv", w)).toBe("C:\\evaluering\\h.csv");
    expect(resolveStored("C:\\evaluering\\allocations.csv", "D:/eksport/h.csv", w)).toBe("D:\\eksport\\h.csv");
  });

  it("reads a manifest written on Windows on Linux and the other way round (the stored form is the same)", () => {
    expect(storedPath("/home/e/eval/allocations.csv", "/home/e/eval/data/h.csv", path.posix)).toBe("data/h.csv");
    expect(storedPath("C:\\e\\eval\\allocations.csv", "C:\\e\\eval\\data\\h.csv", path.win32)).toBe("data/h.csv");
    expect(resolveStored("/home/e/eval/allocations.csv", "data/h.csv", path.posix)).toBe("/home/e/eval/data/h.csv");
  });

  it("runs no npm script through bash or another POSIX shell tool", () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
    for (const [name, cmd] of Object.entries(scripts)) {
      expect(cmd, name).not.toMatch(/\b(bash|sh|rm|cp|mv|export)\s|\.sh\b|\$\(|[A-Z_]+=\S+\s/);
    }
  });
});

describe("Windows: a register or output open in Excel", () => {
  it("draw stops with one line saying to close the locked register, and writes nothing", () => {
    const d = tempDir();
    const register = join(d, "allocations.csv");
    expect(effekt(drawArgs(register, 1)).code).toBe(0);
    const before = snapshot(d);
    const r = effektWithLocked(drawArgs(register, 2), register);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot write .*allocations\.csv: it is open in another program \(Excel\?\).*close it and run the command again\. Nothing was written\./);
    expect(snapshot(d)).toEqual(before);
    // Closed again, the same draw goes through.
    expect(effekt(drawArgs(register, 2)).code).toBe(0);
  });

  it("a lock that appears only at the rename (after the check) still leaves the folder as before", () => {
    const d = tempDir();
    const register = join(d, "allocations.csv");
    expect(effekt(drawArgs(register, 1)).code).toBe(0);
    const before = snapshot(d);
    // Only renames are refused here: the early open check passes, the register's rename fails.
    const sim = join(d, "renameOnly.mjs");
    writeFileSync(sim, readFileSync(join(ROOT, "test", "io", "lockedFileSim.mjs"), "utf8").replace(/const open = fs\.openSync;[\s\S]*?\n};\n/, ""));
    const r = spawnSync(process.execPath, ["--import", pathToFileURL(sim).href, join(ROOT, "bin", "effekt"), ...drawArgs(register, 2)], {
      cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", EFFEKT_TEST_LOCKED: register },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/open in another program \(Excel\?\)/);
    const after = snapshot(d);
    after.delete(sim);
    expect(after).toEqual(before);
  });

  it("estimate and report refuse a locked output the same way and leave no temporary file", () => {
    const d = tempDir();
    const register = join(d, "allocations.csv");
    expect(effekt(drawArgs(register, 1)).code).toBe(0);
    const out = join(d, "effects.csv");
    writeFileSync(out, "old\n");
    const r = effektWithLocked(["estimate", "--register", register, "--persons", join(SAMPLES, "persons.csv"), "--outcomes", join(SAMPLES, "outcomes.csv"), "--outcome", "wellbeing", "--window", "first", "--out", out], out);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*effects\.csv: it is open in another program/);
    expect(readFileSync(out, "utf8")).toBe("old\n");
    expect(existsSync(`${out}.meta.json`)).toBe(false);
    expect(readdirSync(d).filter((n) => n.includes(".tmp-"))).toEqual([]);
  });
});
