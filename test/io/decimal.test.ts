import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseCsvText } from "../../src/io/csv.js";
import { numberColumn, setDecimalMark } from "../../src/io/columns.js";
import { readOutcomes } from "../../src/io/outcomesStream.js";
import { tempDir } from "../helpers.js";

/**
 * In a `;` file `0.714` was read as 714 (a thousands separator) and the estimate came out a
 * thousand times too large. The decimal mark is decided per column from all its values.
 */

const column = (values: string[]) => parseCsvText(Buffer.from(`id;x\n${values.map((v, i) => `h${i};${v}`).join("\n")}\n`, "utf8"), "f.csv");

afterEach(() => setDecimalMark(undefined));

describe("decimal convention per column", () => {
  it("a value that cannot be thousands-grouped (0.714, 12.5) decides for the point, for every value of the column", () => {
    expect(Array.from(numberColumn(column(["0.714", "1.234", "12.5"]), "x"))).toEqual([0.714, 1.234, 12.5]);
  });
  it("a decimal comma decides for the comma, with . grouping thousands", () => {
    expect(Array.from(numberColumn(column(["0,5", "1.234", "1.234,5"]), "x"))).toEqual([0.5, 1234, 1234.5]);
  });
  it("a column mixing both marks is refused naming both lines", () => {
    expect(() => numberColumn(column(["0,5", "0.714"]), "x")).toThrow(/f\.csv, line 3, column x: value "0\.714" uses a decimal point, but line 2 of the column a decimal comma/);
  });
  it("a column that stays ambiguous (only 1.234-like values) is refused with the flag that settles it", () => {
    expect(() => numberColumn(column(["1.234", "2.500"]), "x")).toThrow(/could be a decimal point or a thousands separator.*--decimal ,.*--decimal \./);
    setDecimalMark(",");
    expect(Array.from(numberColumn(column(["1.234", "2.500"]), "x"))).toEqual([1234, 2500]);
    setDecimalMark(".");
    expect(Array.from(numberColumn(column(["1.234", "2.500"]), "x"))).toEqual([1.234, 2.5]);
  });
  it("whole numbers and comma files are read as before", () => {
    expect(Array.from(numberColumn(column(["1", "22", "333"]), "x"))).toEqual([1, 22, 333]);
    const t = parseCsvText(Buffer.from("id,x\nh1,0.714\n", "utf8"), "f.csv");
    expect(Array.from(numberColumn(t, "x"))).toEqual([0.714]);
  });
  it("the outcomes stream reads 0.714 as 0.714 and refuses an ambiguous value before anything settles the mark", async () => {
    const d = tempDir();
    const path = join(d, "outcomes.csv");
    writeFileSync(path, "person_id;outcome;date;value\np1;wellbeing;2025-01-01;0.714\np2;wellbeing;2025-01-01;1.234\n");
    const seen: number[] = [];
    await readOutcomes(path, ["p1", "p2"], (_p, _o, _d, v) => { seen.push(v); });
    expect(seen).toEqual([0.714, 1.234]);
    writeFileSync(path, "person_id;outcome;date;value\np1;wellbeing;2025-01-01;1.234\np2;wellbeing;2025-01-01;0.714\n");
    await expect(readOutcomes(path, ["p1", "p2"], () => {})).rejects.toThrow(/line 2, column value: value "1\.234" could be a decimal point or a thousands separator/);
  });
});
