import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRegisterData } from "../../src/report/inputs.js";
import { tempDir } from "../helpers.js";
import { writeSmallResults } from "./fixtures.js";

/**
 * report --takeup reads takeup.csv with the reader effekt estimate uses (src/io/takeup.ts): `Ja`/`nej` and `1`/`0`
 * count as `true`/`false` do (the report's own reader refused `ja`, which estimate accepts).
 */
describe("report --takeup: the same take-up file effekt estimate reads", () => {
  const dir = tempDir();
  const { register, takeup } = { register: join(dir, "allocations.csv"), takeup: join(dir, "takeup.csv") };
  writeSmallResults(dir);
  const tookUp = (path: string) => readRegisterData(register, path, []).flow.map((c) => [c.wave, c.area, c.took_up]);

  it("Ja/nej and 1/0 give the counts true/false give", () => {
    const lines = readFileSync(takeup, "utf8").trimEnd().split("\n");
    const ja = join(dir, "takeup-ja.csv");
    const ones = join(dir, "takeup-1.csv");
    writeFileSync(ja, `${lines.map((l, i) => (i === 0 ? l : l.replace(/,true$/, ",Ja").replace(/,false$/, ",nej"))).join("\n")}\n`);
    writeFileSync(ones, `${lines.map((l, i) => (i === 0 ? l : l.replace(/,true$/, ",1").replace(/,false$/, ",0"))).join("\n")}\n`);
    const expected = [[1, "Lille", 1], [1, "Mellem", 11], [1, "Store", 17], [2, "Lille", 3], [2, "Store", 10]];
    expect(tookUp(takeup)).toEqual(expected);
    expect(tookUp(ja)).toEqual(expected);
    expect(tookUp(ones)).toEqual(expected);
  });
});
