import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { looksLikeCpr, UserError } from "../../src/errors.js";
import { writeFileAtomic } from "../../src/io/atomic.js";
import { numberColumn } from "../../src/io/columns.js";
import { parseCsvText } from "../../src/io/csv.js";
import { guardOutputs } from "../../src/io/outputGuard.js";
import { tempDir } from "../helpers.js";
import { runs, seed } from "./mutations.js";

/**
 * The folder-safety classes, fuzzed: a number in a `;` file is read as meant or refused (never a thousand times off);
 * a CPR number survives no mangling unnoticed; an output the guard lets through never touches what is kept.
 */

/** A number as a Danish export writes it (decimal comma, perhaps thousands grouped) or with a decimal point. */
function render(x: number, mark: "comma" | "point", grouped: boolean): string {
  const [int, frac] = x.toFixed(3).replace(/0+$/, "").replace(/\.$/, "").split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = int.replace("-", "");
  const intText = mark === "comma" && grouped ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : digits;
  return `${sign}${intText}${frac ? (mark === "comma" ? "," : ".") + frac : ""}`;
}

describe("hardening: folder-safety classes", () => {
  it("a ;-file number column is read exactly as written or refused in one line, never misread", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5_000_000, max: 5_000_000 }).map((n) => n / 1000), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("comma" as const, "point" as const),
        fc.boolean(),
        (xs, mark, grouped) => {
          const text = `id;x\n${xs.map((x, i) => `h${i};${render(x, mark, grouped)}`).join("\n")}\n`;
          const table = parseCsvText(Buffer.from(text, "utf8"), "f.csv");
          let got: number[];
          try {
            got = Array.from(numberColumn(table, "x"));
          } catch (err) {
            expect(err).toBeInstanceOf(UserError);
            expect((err as Error).message.split("\n")).toHaveLength(1);
            return;
          }
          got.forEach((g, i) => expect(g).toBeCloseTo(xs[i], 9));
        },
      ),
      { seed: seed(12001), numRuns: runs(2000) },
    );
  });

  it("a CPR number is caught however an export mangles it", () => {
    const cpr = fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }))
      .map(([d, m, y, s]) => [d, m, y].map((n) => String(n).padStart(2, "0")).join("") + String(s).padStart(4, "0"));
    fc.assert(
      fc.property(cpr, fc.constantFrom("", "-", " ", "/", ".", "_"), fc.boolean(), fc.constantFrom("", ".0", ",0"), fc.constantFrom("", "CPR", "cpr ", "P", "id-"), (c, sep, dropZero, tail, prefix) => {
        let body = `${c.slice(0, 6)}${sep}${c.slice(6)}`;
        if (dropZero && body.startsWith("0") && sep === "") body = body.slice(1);
        const v = `${prefix}${body}${sep === "" ? tail : ""}`;
        expect(looksLikeCpr(v), v).toBe(true);
      }),
      { seed: seed(12002), numRuns: runs(2000) },
    );
  });

  it("an output the guard lets through never changes a kept file (links, .., nesting)", () => {
    const root = tempDir();
    mkdirSync(join(root, "res", "reg.csv.manifests"), { recursive: true });
    mkdirSync(join(root, "other"), { recursive: true });
    const kept = [join(root, "res", "reg.csv"), join(root, "res", "reg.csv.manifests", "wave-0001.json"), join(root, "in.csv")];
    for (const k of kept) writeFileSync(k, `kept ${k}\n`);
    if (!existsSync(join(root, "other", "link"))) symlinkSync(join(root, "res"), join(root, "other", "link"));
    if (!existsSync(join(root, "lin.csv"))) symlinkSync(join(root, "in.csv"), join(root, "lin.csv"));
    const segment = fc.constantFrom("res", "other", "link", "..", ".", "reg.csv", "reg.csv.manifests", "in.csv", "lin.csv", "out.csv", "wave-0001.json");
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segs) => {
        const out = join(root, "other", ...segs);
        try {
          guardOutputs([{ path: out, flag: "--out", kind: "file" }], [
            { path: kept[2], what: "--in" },
            { path: kept[0], what: "the register" },
            { path: join(root, "res", "reg.csv.manifests"), what: "the manifests folder" },
          ]);
        } catch (err) {
          expect(err).toBeInstanceOf(UserError);
          return;
        }
        if (!out.startsWith(root)) return; // outside the sandbox: not written
        try { writeFileAtomic(out, "written\n"); } catch { return; } // a path through a file: the write fails, nothing changes
        for (const k of kept) expect(readFileSync(k, "utf8")).toBe(`kept ${k}\n`);
      }),
      { seed: seed(12003), numRuns: runs(400) },
    );
  });
});
