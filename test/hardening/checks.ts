import { existsSync, readFileSync } from "node:fs";
import { expect } from "vitest";
import type { InProcessResult } from "./runInProcess.js";
import { looksLikeCpr } from "../../src/errors.js";

/** CPR-like substrings of a text (DDMMYY-XXXX or ten digits with a valid date), which no message may show. */
export function cprLikeIn(text: string): string[] {
  return (text.match(/(?<!\d)\d{6}-?\d{4}(?!\d)/g) ?? []).filter(looksLikeCpr);
}

/** A user error effekt may print: one line, short enough to read, naming no CPR-like value. */
export function expectOneLineMessage(message: string, input?: string): void {
  expect(message, "multi-line error message").not.toMatch(/[\r\n]/);
  expect(message.length, `error message of ${message.length} characters`).toBeLessThan(2_000);
  // Only values that came from the input count: the message may name a line number or a path.
  const cprs = cprLikeIn(message).filter((c) => input === undefined || input.includes(c));
  expect(cprs, `error message shows a CPR-like value: ${message}`).toEqual([]);
}

/** Text written for a reader (stdout, an output file) must not contain NaN or Infinity. */
export function expectNoNonFinite(text: string, what: string): void {
  const m = /\b(NaN|-?Infinity)\b/.exec(text);
  expect(m, `${what} contains ${m?.[0]}: ...${m ? text.slice(Math.max(0, m.index - 80), m.index + 40) : ""}...`).toBeNull();
}

/**
 * Whether stderr lines are effekt's own: each starts with `effekt: `, or is an indented problem line ("  ...") that
 * follows one (a file with several problems is refused with a headline and its first problems, one per line).
 */
export function stderrLinesFromEffekt(lines: string[]): boolean {
  return lines.every((l, i) => l.startsWith("effekt: ") || (i > 0 && l.startsWith("  ") && !/^\s+at /.test(l)));
}

/**
 * What every fuzzed command must do: end with one of `codes` (success, or 2 for a user error) and never an uncaught
 * exception; print only `effekt: ` lines on stderr; on refusal end with a one-line message; on success print and
 * write (each of `outFiles` that exists, XLSX aside) no NaN or Infinity.
 */
export function expectCommandOutcome(r: InProcessResult, what: string, outFiles: string[] = [], codes = [0, 2]): void {
  if (r.crash) throw new Error(`${what}: uncaught ${(r.crash as Error)?.stack ?? String(r.crash)}`);
  expect(codes, `${what}: exit ${r.code}; stderr ${r.stderr}`).toContain(r.code);
  const lines = r.stderr.split("\n").filter((l) => l !== "");
  expect(stderrLinesFromEffekt(lines), `${what}: stderr line not from effekt: ${r.stderr.slice(0, 300)}`).toBe(true);
  if (r.code !== 0) {
    expect(lines.length, `${what}: exit ${r.code} with no message`).toBeGreaterThan(0);
    for (const l of lines) expectOneLineMessage(l);
  } else {
    expectNoNonFinite(r.stdout, `${what}: stdout`);
    for (const f of outFiles) if (existsSync(f) && !f.endsWith(".xlsx")) expectNoNonFinite(readFileSync(f, "utf8"), `${what}: ${f}`);
  }
}
