import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SAMPLES } from "../helpers.js";
import { UserError } from "../../src/errors.js";
import { parseCsvText, type RawTable } from "../../src/io/csv.js";
import { booleanColumn, dateColumn, idColumn, numberColumn, parseDateText, parseNumberText, textColumn } from "../../src/io/columns.js";
import { fileMutation, mutate, runs, seed } from "./mutations.js";
import { breathe } from "./breathe.js";
import { expectOneLineMessage } from "./checks.js";

/**
 * The pure readers under mutated sample files: every case parses, or throws a `UserError` with one line that
 * shows no CPR-like value; every number that comes out is finite (NaN only where a column allows missing values),
 * every date a whole day in range. These are the bulk of the fuzz cases because they are fast.
 */

type ColumnReader = (t: RawTable) => ArrayLike<unknown>;
const id = (name: string, unique = false): ColumnReader => (t) => idColumn(t, name, { unique });
const num = (name: string, allowMissing = false): ColumnReader => (t) => numberColumn(t, name, { allowMissing });
const date = (name: string, allowMissing = false): ColumnReader => (t) => dateColumn(t, name, { allowMissing });
const bool = (name: string): ColumnReader => (t) => booleanColumn(t, name);
const text = (name: string): ColumnReader => (t) => textColumn(t, name);

const FILES: { name: string; required: string[]; readers: ColumnReader[]; missingOk: string[] }[] = [
  { name: "households.csv", required: ["household_id", "area"], readers: [id("household_id", true), text("area"), num("adults", true), num("employed_share", true)], missingOk: ["adults", "employed_share"] },
  { name: "cases.csv", required: ["case_id", "household_id", "opened", "closed"], readers: [id("case_id", true), id("household_id"), date("opened"), date("closed", true)], missingOk: [] },
  { name: "persons.csv", required: ["person_id", "household_id"], readers: [id("person_id", true), id("household_id"), num("birth_year"), num("employed_baseline", true)], missingOk: ["employed_baseline"] },
  { name: "outcomes.csv", required: ["person_id", "outcome", "date", "value"], readers: [id("person_id"), text("outcome"), date("date"), num("value", true)], missingOk: ["value"] },
  { name: "takeup.csv", required: ["household_id", "took_up"], readers: [id("household_id", true), bool("took_up")], missingOk: [] },
  { name: "indicator-values.csv", required: ["indicator", "area", "year", "value"], readers: [text("indicator"), num("year"), num("value", true), num("n", true)], missingOk: ["value", "n"] },
];

/** The first lines of a sample: enough rows to mutate, small enough for thousands of cases a second. */
function head(name: string, lines = 25): string {
  return readFileSync(join(SAMPLES, name), "utf8").split("\n").slice(0, lines).join("\n") + "\n";
}

describe("CSV readers under mutated sample files", () => {
  FILES.forEach((f, k) => {
    it(`${f.name}: parses or refuses with one line; numbers finite, dates whole days`, async () => {
      const base = head(f.name);
      await fc.assert(
        fc.asyncProperty(fileMutation, async (m) => {
          await breathe();
          const bytes = mutate(base, m);
          let table: RawTable;
          try {
            table = parseCsvText(bytes, f.name, { required: f.required });
            for (const read of f.readers) {
              const values = read(table);
              for (let i = 0; i < values.length; i++) {
                const v = values[i];
                if (typeof v === "number" && !Number.isFinite(v)) expect(Number.isNaN(v), `${f.name}: ${v}`).toBe(true);
                if (typeof v === "string") expect(v).not.toBe("");
              }
            }
            for (const name of f.missingOk) {
              // NaN only where the raw value is a missing marker.
              if (!table.columns.has(name)) continue;
              const raw = table.columns.get(name)!;
              const values = numberColumn(table, name, { allowMissing: true });
              values.forEach((v, i) => { if (Number.isNaN(v)) expect(["", "NA", "na", "N/A", "n/a"]).toContain(raw[i]); });
            }
            expect(table.nRows).toBeGreaterThan(0);
            for (const col of table.columns.values()) expect(col.length).toBe(table.nRows);
          } catch (err) {
            if (!(err instanceof UserError)) throw err;
            expectOneLineMessage(err.message, Buffer.from(bytes).toString("latin1") + new TextDecoder().decode(bytes));
          }
        }),
        { seed: seed(6000 + k), numRuns: runs(1_200) },
      );
    });
  });

  it("parseNumberText: any string gives a finite number or undefined; 1e309, NaN, Infinity refused", () => {
    for (const s of ["1e309", "-1e309", "NaN", "Infinity", "-Infinity", "0x10", "1_000", "", " ", "1.2.3"]) {
      expect(parseNumberText(s, false)).toBeUndefined();
      expect(parseNumberText(s, true)).toBeUndefined();
    }
    expect(parseNumberText("1.234,5", true)).toBe(1234.5);
    expect(parseNumberText("1.234,5", false)).toBeUndefined();
    expect(Object.is(parseNumberText("-0", false), -0)).toBe(true);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double().map(String), fc.stringMatching(/^[-+]?[0-9.,eE]{1,30}$/)), fc.boolean(), (s, comma) => {
        const v = parseNumberText(s, comma);
        if (v !== undefined) expect(Number.isFinite(v)).toBe(true);
      }),
      { seed: seed(6100), numRuns: runs(2_000) },
    );
  });

  it("parseDateText: a whole day between 1900 and 2200, or undefined; impossible dates refused", () => {
    for (const s of ["31-02-2025", "2025-02-29", "2024-02-30", "2025-13-01", "00-00-0000", "2025/03/01", "1899-12-31", "2201-01-01"]) expect(parseDateText(s)).toBeUndefined();
    expect(parseDateText("29.02.2024")).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{1,4}[-.]\d{1,2}[-.]\d{1,4}$/)), (s) => {
        const d = parseDateText(s);
        if (d !== undefined) {
          expect(Number.isInteger(d)).toBe(true);
          expect(d).toBeGreaterThanOrEqual(Date.UTC(1900, 0, 1) / 86_400_000);
          expect(d).toBeLessThanOrEqual(Date.UTC(2200, 11, 31) / 86_400_000);
        }
      }),
      { seed: seed(6200), numRuns: runs(1_000) },
    );
  });
});
