import { spawn } from "node:child_process";
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers.js";

/**
 * The README's workflow runs as written. Every command in the code blocks of "The evaluator's workflow"
 * is run, in order, from a clean folder holding only what a clone ships (samples/, analyses/): `effekt ...` through
 * this checkout's bin/effekt, `cd DIR` as a change of folder; a `\` at the end of a line continues it, `# ...`
 * is a comment. Any other line, or a command that fails, fails the test, so the README cannot drift from what runs.
 */

/** The workflow's command lines, continuations joined and comments dropped. */
export function workflowCommands(readme: string): string[] {
  const start = readme.indexOf("## The evaluator's workflow\n");
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end);
  const lines: string[] = [];
  for (const block of section.matchAll(/^```\n([\s\S]*?)^```$/gm)) {
    lines.push(...block[1].replace(/\\\n\s*/g, "").split("\n").map((l) => l.replace(/\s+#.*$/, "").trim()).filter((l) => l !== ""));
  }
  return lines;
}

/** Splits a command line into words as a shell does for these lines: spaces, and double quotes around a word. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "effekt"), ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => { stdout += s; });
    child.stderr.setEncoding("utf8").on("data", (s: string) => { stderr += s; });
    child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

describe("the README's workflow", () => {
  it("runs as written from a clean folder, each step reading what the one before wrote", { timeout: 600_000 }, async () => {
    const commands = workflowCommands(readFileSync(join(ROOT, "README.md"), "utf8"));
    expect(commands[0]).toMatch(/^effekt init /);
    expect(commands.length).toBeGreaterThan(15);
    const clean = tempDir();
    for (const dir of ["samples", "analyses"]) cpSync(join(ROOT, dir), join(clean, dir), { recursive: true, filter: (src) => !src.includes("node_modules") });
    let cwd = clean;
    for (const line of commands) {
      const [cmd, ...args] = words(line);
      if (cmd === "cd") {
        cwd = resolve(cwd, args[0]);
        continue;
      }
      expect(cmd, `a README workflow line that is not an effekt command: ${line}`).toBe("effekt");
      const r = await run(args, cwd);
      expect(r.code, `${line}\n${r.stderr}`).toBe(0);
    }
    const e = join(clean, "evaluation");
    for (const f of ["effekt.json", "allocations.csv", "allocations.csv.manifests/plan-lock.json", "outcomes-employment.csv", "outcomes-wellbeing.csv", "effects.csv", "effects.csv.meta.json", "indicators.csv", "gains.json", "report-sus/manifest.json", "report-aau/manifest.json"]) {
      expect(existsSync(join(e, f)), f).toBe(true);
    }
    // the register holds both waves, and nothing was written outside the evaluation folder
    expect(readFileSync(join(e, "allocations.csv"), "utf8")).toMatch(/,2,/);
  });
});
