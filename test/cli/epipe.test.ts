import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

/** Runs effekt with its stdout closed by the reader after the first chunk, as `effekt --help | head -1` does. */
function runClosedEarly(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "effekt"), ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.once("data", () => child.stdout.destroy());
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("a reader that stops early (effekt --help | head)", () => {
  it("ends quietly, without an unhandled EPIPE", async () => {
    for (const args of [["--help"], ["draw", "--help"], ["estimate", "--help"]]) {
      const { code, stderr } = await runClosedEarly(args);
      expect(stderr, args.join(" ")).not.toMatch(/EPIPE|Unhandled|internal error/);
      expect(code, args.join(" ")).toBe(0);
    }
  });
});
