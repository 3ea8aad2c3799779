/**
 * Paths inside manifests cannot point outside the evaluation folder unless given on the command line,
 * and no file effekt reads, named in a manifest or on the command line, is a device or special file (a FIFO or
 * /dev/zero would hang the run or read without end): one line, exit 2, nothing written.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { waveInputPath } from "../../src/io/waveFiles.js";
import { effektAsync, ROOT, SAMPLES, tempDir } from "../helpers.js";

const mkfifo = (path: string) => expect(spawnSync("mkfifo", [path]).status).toBe(0);
const oneLine = (r: { code: number; stderr: string }) => {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
};

describe.skipIf(process.platform === "win32")("devices and special files", () => {
  it("a FIFO or /dev/zero given as any input is refused before it is read, by every command", async () => {
    const d = tempDir();
    const fifo = join(d, "fifo.csv");
    mkfifo(fifo);
    const reg = join(d, "ev", "allocations.csv");
    expect((await effektAsync(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01", "--register", reg, "--wave", "1", "--seed", "s", "--treat", "40"])).code).toBe(0);
    const P = join(SAMPLES, "persons.csv");
    const runs: string[][] = [];
    for (const bad of [fifo, "/dev/zero"]) {
      runs.push(
        ["draw", "--households", bad, "--register", join(d, "other", "a.csv"), "--wave", "1", "--seed", "s", "--treat", "1"],
        ["verify", "--register", reg, "--households", bad],
        ["estimate", "--register", reg, "--persons", bad, "--outcomes", join(SAMPLES, "outcomes.csv"), "--outcome", "employment"],
        ["estimate", "--register", reg, "--persons", P, "--outcomes", bad, "--outcome", "employment"],
        ["gains", "--model", bad, "--assume", "employment=0.1"],
        ["plan", "lock", "--plan", bad, "--register", reg],
        ["indicators", "--spec", join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json"), "--values", bad],
        ["report", "--audience", "sus", "--results", join(d, "ev"), "--plan", bad, "--out", join(d, "report")],
        ["outcomes", "import", "--from", bad, "--spec", join(SAMPLES, "exports", "import-beskaeftigelse.json"), "--out", join(d, "o.csv")],
      );
    }
    for (const args of runs) {
      const r = await effektAsync(args);
      oneLine(r);
      expect(r.stderr, args.join(" ")).toMatch(/device or special file|not an ordinary file/);
    }
    expect(existsSync(join(d, "other"))).toBe(false);
    expect(existsSync(join(d, "report"))).toBe(false);
    expect(existsSync(join(d, "o.csv"))).toBe(false);
  }, 120_000);
});

describe.skipIf(process.platform === "win32")("paths recorded in a manifest", () => {
  /** Wave 1 drawn from ev/data/households.csv, with the kept copies removed (so verify must use the recorded path). */
  async function drawn() {
    const d = tempDir();
    mkdirSync(join(d, "ev", "data"), { recursive: true });
    const h = join(d, "ev", "data", "households.csv");
    copyFileSync(join(SAMPLES, "households.csv"), h);
    const reg = join(d, "ev", "allocations.csv");
    copyFileSync(join(SAMPLES, "cases.csv"), join(d, "ev", "data", "cases.csv"));
    expect((await effektAsync(["draw", "--households", h, "--cases", join(d, "ev", "data", "cases.csv"), "--date", "2025-03-01", "--register", reg, "--wave", "1", "--seed", "s", "--treat", "40"])).code).toBe(0);
    rmSync(join(d, "ev", "allocations.csv.manifests", "inputs"), { recursive: true });
    expect((await effektAsync(["verify", "--register", reg])).code).toBe(0);
    return { d, h, reg };
  }

  it("the recorded file replaced by a link to a device, a FIFO or a file outside the folder: refused (exit 2), unless the file is given on the command line", async () => {
    const { d, h, reg } = await drawn();
    const outside = join(d, "outside.csv");
    copyFileSync(h, outside);

    unlinkSync(h);
    symlinkSync("/dev/zero", h);
    let r = await effektAsync(["verify", "--register", reg]);
    oneLine(r);
    expect(r.stderr).toMatch(/outside the register's folder/);

    unlinkSync(h);
    mkfifo(h);
    r = await effektAsync(["verify", "--register", reg]);
    oneLine(r);
    expect(r.stderr).toMatch(/not an ordinary file/);

    unlinkSync(h);
    symlinkSync(outside, h);
    r = await effektAsync(["verify", "--register", reg]);
    oneLine(r);
    expect(r.stderr).toMatch(/outside the register's folder.*pass --households FILE/);
    // given on the command line, the same outside file is used (and its hash checked)
    r = await effektAsync(["verify", "--register", reg, "--households", outside]);
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);

  it("a recorded path that climbs out of the folder or is absolute is refused without reading it", () => {
    const d = tempDir();
    const reg = join(d, "allocations.csv");
    const sha = "0".repeat(64);
    for (const path of ["../../../../etc/passwd", "/etc/passwd", "/dev/zero", "sub/../../x.csv"]) {
      expect(() => waveInputPath(reg, 1, "households", { path, sha256: sha }), path).toThrow(/lies outside the register's folder|does not exist|not an ordinary file/);
    }
    expect(() => waveInputPath(reg, 1, "households", { path: "/etc/passwd", sha256: sha })).toThrow(/lies outside the register's folder/);
    expect(() => waveInputPath(reg, 1, "households", { path: "../../../../../../etc/passwd", sha256: sha })).toThrow(/lies outside the register's folder/);
    // given on the command line: used as given
    expect(waveInputPath(reg, 1, "households", { path: "/etc/passwd", sha256: sha }, join(SAMPLES, "households.csv"))).toBe(join(SAMPLES, "households.csv"));
  });
});
