import { expect } from "vitest";
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
