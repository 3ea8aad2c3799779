import { describe, expect, it } from "vitest";
import { InputError, MismatchError, UserError } from "../src/errors.js";

describe("user errors", () => {
  it("never carry a CPR-like value, wherever the message came from (a zod message naming a key, a path)", () => {
    // found by the fuzz suite: a plan's zod message echoed "010190-1234" from a hand-edited field
    expect(new UserError('plan.json: format: must be "x" (value "010190-1234")').message).toBe('plan.json: format: must be "x" (value "(CPR-like)")');
    expect(new MismatchError("household 0101901234 differs").message).toBe("household (CPR-like) differs");
    expect(new InputError({ file: "f.csv", line: 3, column: "id" }, "is not allowed", undefined, "3112991234").message).not.toMatch(/3112991234/);
  });
  it("keep numbers that are not CPR-like: counts, dates, a 10-digit run whose date is impossible, 11 digits", () => {
    for (const text of ["line 1234567", "2025-03-01", "3213991234", "01019012345", "sha 0a1b2c3d"]) expect(new UserError(text).message).toBe(text);
  });
});
