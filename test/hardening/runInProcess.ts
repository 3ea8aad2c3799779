import { CommanderError, type Command } from "commander";
import { buildProgram } from "../../src/cli/main.js";
import { MismatchError, UserError } from "../../src/errors.js";
import { breathe } from "./breathe.js";

export interface InProcessResult {
  /** Exit code as `main` would set it: 0, 2 for a user error, 1 for a verify mismatch; -1 for anything else. */
  code: number;
  stdout: string;
  stderr: string;
  /** The exception that was not a user error (a bug): set only when code is -1. */
  crash?: unknown;
}

function exitOverrideAll(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) exitOverrideAll(sub);
}

/**
 * Runs `effekt <args>` inside this process, the way `main` in src/cli/main.ts does, but 50 times faster than
 * spawning a process: output to stdout and stderr is captured (not printed), user errors map to their exit codes
 * exactly as `main` maps them, and anything else is returned as a crash instead of thrown.
 */
export async function runInProcess(args: string[], extend?: (program: Command) => void): Promise<InProcessResult> {
  await breathe();
  const program = await buildProgram();
  extend?.(program); // a command not yet in main.ts (e.g. report), registered for the test
  exitOverrideAll(program);
  let stdout = "";
  let stderr = "";
  const outWrite = process.stdout.write;
  const errWrite = process.stderr.write;
  const capture = (sink: "out" | "err") =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      if (sink === "out") stdout += text;
      else stderr += text;
      const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      cb?.();
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture("out");
  process.stderr.write = capture("err");
  const savedExitCode = process.exitCode;
  try {
    await program.parseAsync(["node", "effekt", ...args]);
    const code = typeof process.exitCode === "number" ? process.exitCode : 0;
    return { code, stdout, stderr };
  } catch (err) {
    if (err instanceof CommanderError) return { code: err.exitCode === 0 ? 0 : 2, stdout, stderr };
    if (err instanceof UserError || err instanceof MismatchError) {
      return { code: err.exitCode, stdout, stderr: `${stderr}effekt: ${err.message}\n` };
    }
    return { code: -1, stdout, stderr, crash: err };
  } finally {
    process.stdout.write = outWrite;
    process.stderr.write = errWrite;
    process.exitCode = savedExitCode;
  }
}
