import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { effekt, ROOT, SAMPLES, tempDir } from "../helpers.js";
import { fileMutation, mutate, runs, seed } from "./mutations.js";
import { jsonMutations, mutateJson } from "./jsonMutations.js";
import { expectNoNonFinite, stderrLinesFromEffekt } from "./checks.js";

/**
 * End to end: mutated inputs through the real `bin/effekt` in a child process (what a user runs), two at a time.
 * Checks what only a real process shows: the exit code the shell sees, that nothing reaches the top-level
 * "internal error" handler, and that no stack trace is printed. The bulk of the cases run in-process
 * (commands.test.ts); these are the few hundred that confirm the process boundary behaves the same.
 */
const dir = tempDir();
const register = join(dir, "allocations.csv");
const head = (name: string, lines: number) => readFileSync(join(SAMPLES, name), "utf8").split("\n").slice(0, lines).join("\n") + "\n";

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "effekt"), ...args], { env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b) => (stdout += b));
    child.stderr.on("data", (b) => (stderr += b));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000); // a hang fails below (code null)
    child.on("close", (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

beforeAll(() => {
  const r = effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01", "--register", register, "--wave", "1", "--seed", "sp", "--treat", "80"]);
  expect(r.code, r.stderr).toBe(0);
});

describe("spawned end-to-end cases", () => {
  it("mutated inputs to draw, indicators, gains and estimate: exit 0 or 2, one line, no stack trace, no internal error", async () => {
    const caseArb = fc.tuple(fc.constantFrom("draw", "indicators", "gains", "estimate"), fileMutation, jsonMutations);
    const cases = fc.sample(caseArb, { seed: seed(9001), numRuns: runs(60) });
    const files = { households: head("households.csv", 120), values: head("indicator-values.csv", 30), persons: head("persons.csv", 300), outcomes: head("outcomes.csv", 300) };
    const model = readFileSync(join(ROOT, "analyses", "gains-relationel-velfaerd.json"), "utf8");
    const argsFor = (k: number, [command, m, jm]: (typeof cases)[number]): string[] => {
      const d = join(dir, `case-${k}`);
      mkdirSync(d, { recursive: true });
      const write = (name: string, bytes: Uint8Array | string) => { const p = join(d, name); writeFileSync(p, bytes); return p; };
      switch (command) {
        case "draw":
          return ["draw", "--households", write("households.csv", mutate(files.households, m)), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01", "--register", join(d, "allocations.csv"), "--wave", "1", "--seed", "sp", "--treat", "5"];
        case "indicators":
          return ["indicators", "--spec", join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json"), "--values", write("values.csv", mutate(files.values, m))];
        case "gains":
          return ["gains", "--model", write("model.json", mutateJson(model, jm)), "--assume", "employment=0.03", "--format", "csv"];
        default:
          return ["estimate", "--register", register, "--persons", join(SAMPLES, "persons.csv"), "--outcomes", write("outcomes.csv", mutate(files.outcomes, m)), "--outcome", "employment", "--window", "first", "--no-progress"];
      }
    };
    // The unmutated inputs succeed (case -1..-4), so the mutated cases test something.
    const identity = { text: [{ kind: "insert" as const, at: 1 - 1e-9, text: "" }], encoding: { kind: "utf8" as const }, bytes: null };
    for (const [k, command] of ["draw", "indicators", "gains", "estimate"].entries()) {
      const args = argsFor(-1 - k, [command, identity, [{ kind: "bom" }]] as (typeof cases)[number]);
      const r = await run(args);
      expect(r.code, `unmutated ${command}: ${r.stderr}`).toBe(0);
    }
    const failures: string[] = [];
    const codes = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const k = next++;
        const args = argsFor(k, cases[k]);
        const r = await run(args);
        codes.set(`${args[0]} ${r.code}`, (codes.get(`${args[0]} ${r.code}`) ?? 0) + 1);
        const lines = r.stderr.split("\n").filter((l) => l !== "");
        const problem =
          r.code !== 0 && r.code !== 2 ? `exit ${r.code}` :
          /internal error|\n\s+at /.test(r.stderr) ? "stack trace or internal error" :
          !stderrLinesFromEffekt(lines) ? "a stderr line not from effekt" :
          r.code === 2 && lines.length === 0 ? "exit 2 with no message" : undefined;
        if (problem) failures.push(`case ${k} (seed ${seed(9001)}): ${problem}: effekt ${args.join(" ")}\n${r.stderr.slice(0, 500)}`);
        if (r.code === 0) expectNoNonFinite(r.stdout, `case ${k} stdout`);
      }
    };
    await Promise.all([worker(), worker()]);
    console.log(`spawned: ${cases.length} cases, exit codes ${JSON.stringify(Object.fromEntries([...codes].sort()))}`);
    expect(failures.slice(0, 3)).toEqual([]);
  });
});
