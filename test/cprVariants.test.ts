import { describe, expect, it } from "vitest";
import { looksLikeCpr } from "../src/errors.js";
import { parseCsvText } from "../src/io/csv.js";
import { idColumn } from "../src/io/columns.js";

/** CPR numbers as exports mangle them are caught, not only DDMMYY-XXXX and ten digits. */

const MANGLED = [
  "010190-1234", "0101901234", // as before
  "010190 1234", "010190/1234", "010190.1234", "010190_1234", "010190  1234", // another separator
  "101901234", "10190-1234", // the leading zero lost (nine digits)
  "0101901234.0", "101901234.0", "0101901234,0", // Excel's .0
  "1.01901E+08", "1,01901E+08", "1.01901234E+09", "1.0190123E+08", // Excel's scientific notation
  "CPR0101901234", "cpr 010190-1234", "P0101901234", "CPR:0101901234", "id-010190-1234", // a short prefix
];
const NOT_CPR = ["H00001", "P000123", "123456789", "2025-01-01", "0.714", "1.234,5", "01019012345678", "abcde0101901234", "320190-1234", "011390-1234", "1.5e3"];

describe("CPR-like identifiers as exports mangle them", () => {
  it.each(MANGLED)("%s is CPR-like", (v) => expect(looksLikeCpr(v)).toBe(true));
  it.each(NOT_CPR)("%s is not", (v) => expect(looksLikeCpr(v)).toBe(false));
  it("an id column refuses each, without echoing the value", () => {
    for (const v of MANGLED) {
      const t = parseCsvText(Buffer.from(`household_id,area\n"${v}",X\n`, "utf8"), "h.csv");
      expect(() => idColumn(t, "household_id")).toThrow(/h\.csv, line 2, column household_id: value \(a value that looks like a CPR number, not shown\) looks like a Danish CPR number/);
    }
  });
});
